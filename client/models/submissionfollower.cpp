#include "submissionfollower.h"

#include "apiclient.h"

namespace pincart {

SubmissionFollower::SubmissionFollower(ApiClient *api, QObject *parent)
    : QObject(parent)
    , m_api(api)
{
    m_timer.setSingleShot(true);
    m_timer.setInterval(DefaultInterval);
    connect(&m_timer, &QTimer::timeout, this, &SubmissionFollower::poll);
}

void SubmissionFollower::follow(const Submission &submission)
{
    stop();
    m_submission = submission;
    m_following = true;
    m_failures = 0;
    if (submission.status == Submission::Status::Pending) {
        m_timer.start();
        return;
    }
    // Already final: report it from the event loop, as a poll's answer would be.
    auto *context = new QObject(this);
    m_request = context;
    QMetaObject::invokeMethod(
        context,
        [this, context] {
            context->deleteLater();
            m_request = nullptr;
            received(m_submission);
        },
        Qt::QueuedConnection);
}

void SubmissionFollower::stop()
{
    m_timer.stop();
    delete m_request; // its answer (or queued report) never arrives
    m_request = nullptr;
    m_following = false;
}

void SubmissionFollower::poll()
{
    if (!m_following || m_request)
        return;
    auto *context = new QObject(this);
    m_request = context;
    m_api->submission(m_submission.id, context, [this, context](Result<Submission> result) {
        context->deleteLater();
        m_request = nullptr;
        if (!m_following)
            return;
        if (result) {
            m_failures = 0;
            received(*result);
            return;
        }
        const DomainError &error = result.error();
        ++m_failures;
        if (error.kind() == DomainError::Kind::NotFound
            || error.kind() == DomainError::Kind::Forbidden || m_failures >= MaxFailures) {
            m_following = false;
            Q_EMIT failed(error.toString());
            return;
        }
        m_timer.start(); // a passing hiccup: ask again
    });
}

void SubmissionFollower::received(const Submission &submission)
{
    m_submission = submission;
    const bool final = submission.status != Submission::Status::Pending;
    if (final)
        m_following = false;
    else
        m_timer.start();
    Q_EMIT updated(submission);
    if (final)
        Q_EMIT finished(submission);
}

} // namespace pincart
