#include "onboardingconsumer.h"

#include "connection.h"
#include "onboardingservice.h"

namespace pincart::server {

OnboardingConsumer::OnboardingConsumer(DatabaseUrl url, CatalogState &state,
                                       OnCommitted onCommitted)
    : m_url(std::move(url))
    , m_state(state)
    , m_onCommitted(std::move(onCommitted))
{}

OnboardingConsumer::~OnboardingConsumer() = default;

Status OnboardingConsumer::handle(const Event &event)
{
    if (event.topic != topics::SubmissionReceived)
        return {};
    if (!m_db)
        m_db = std::make_unique<Connection>(m_url);
    return OnboardingService(*m_db, m_state, m_onCommitted).process(event.key.toLongLong());
}

void OnboardingConsumer::stopped()
{
    m_db.reset();
}

} // namespace pincart::server
