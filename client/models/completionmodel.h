#pragma once

#include <chrono>
#include <QPointer>
#include <QStringListModel>
#include <QTimer>

namespace pincart {

class ApiClient;

// Completions of what is being typed into the search box, from GET /search/suggest, for a
// QCompleter. complete() waits for a pause in the typing (150 ms by default) so a burst of keys
// costs one request; each request has a serial, and an answer to anything but the latest (a
// slower earlier prefix) is dropped, so the list never goes back to what was typed before. A
// failed request leaves the list as it was: completion is a help, not worth an error line.
class CompletionModel : public QStringListModel
{
    Q_OBJECT

public:
    static constexpr int MinimumPrefix = 2; // one letter matches too much to be worth asking

    explicit CompletionModel(ApiClient *api, QObject *parent = nullptr);

    void setDelay(std::chrono::milliseconds delay) { m_timer.setInterval(delay); }
    // Asks for the completions of `prefix` after the delay; a shorter prefix empties the list.
    void complete(const QString &prefix);
    // Forgets the prefix waiting and drops the answer in flight (the search was run).
    void cancel();
    // The prefix the list holds completions of.
    QString prefix() const { return m_prefix; }
    // Requests sent so far (for tests: typing fast must not send one per key).
    int requestCount() const { return m_requests; }

Q_SIGNALS:
    // The list now holds the completions of `prefix`.
    void completionsArrived(const QString &prefix);

private:
    void ask();

    ApiClient *m_api;
    QTimer m_timer;
    QString m_pending; // waiting for the timer
    QString m_prefix;
    quint64 m_serial = 0;        // of the latest request; bumped by cancel() too
    QPointer<QObject> m_request; // context of the request in flight: deleting it aborts it
    int m_requests = 0;
};

} // namespace pincart
