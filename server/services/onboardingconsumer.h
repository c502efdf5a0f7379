#pragma once

#include "catalogstate.h"
#include "databaseurl.h"
#include "eventconsumer.h"

#include <functional>
#include <memory>

namespace pincart::server {

class Connection;

// Runs OnboardingService::process for every `submission.received`. Durable: its offset is stored,
// so a restarted server resumes the submission it was processing (from its rows_processed).
class OnboardingConsumer final : public EventConsumer
{
public:
    OnboardingConsumer(DatabaseUrl url, CatalogState &state, OnCommitted onCommitted);
    ~OnboardingConsumer() override;

    QString name() const override { return QStringLiteral("onboarding"); }
    bool durable() const override { return true; }
    QList<QLatin1StringView> topics() const override { return {topics::SubmissionReceived}; }
    Status handle(const Event &event) override;
    void stopped() override;

private:
    DatabaseUrl m_url;
    CatalogState &m_state;
    OnCommitted m_onCommitted;
    std::unique_ptr<Connection> m_db; // opened on the tailer's thread, at the first event
};

} // namespace pincart::server
