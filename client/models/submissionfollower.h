#pragma once

#include "submission.h"

#include <chrono>
#include <QObject>
#include <QPointer>
#include <QTimer>

namespace pincart {

class ApiClient;

// Follows one submission until the server has processed it: asks GET /supplier/submissions/{id}
// every interval (a single-shot QTimer, never a loop) while it is pending, and says what came
// back. Invariants: at most one request in flight; nothing is asked after stop(), after a final
// status (accepted, partial, rejected) or after the follower is destroyed (the request's context
// is a child, so its answer is dropped).
class SubmissionFollower : public QObject
{
    Q_OBJECT

public:
    static constexpr std::chrono::milliseconds DefaultInterval{700};
    // Failed polls in a row (an unreachable server, say) before the follower gives up.
    static constexpr int MaxFailures = 3;

    explicit SubmissionFollower(ApiClient *api, QObject *parent = nullptr);

    void setInterval(std::chrono::milliseconds interval) { m_timer.setInterval(interval); }

    // Starts following `submission` (as POST answered it). Final already: finished() at once
    // (queued, so a caller can connect after calling). Drops whatever was followed before.
    void follow(const Submission &submission);
    void stop();

    bool isFollowing() const { return m_following; }
    const Submission &submission() const { return m_submission; }

Q_SIGNALS:
    // Every state seen, pending or final.
    void updated(const pincart::Submission &submission);
    // The submission reached accepted, partial or rejected; the follower stops.
    void finished(const pincart::Submission &submission);
    // The follower gave up (MaxFailures failed polls in a row, or the submission is gone).
    void failed(const QString &message);

private:
    void poll();
    void received(const Submission &submission);

    ApiClient *m_api;
    QTimer m_timer;
    Submission m_submission;
    bool m_following = false;
    int m_failures = 0;
    QPointer<QObject> m_request; // context of the GET in flight: deleting it drops the answer
};

} // namespace pincart
