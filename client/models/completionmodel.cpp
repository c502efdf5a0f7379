#include "completionmodel.h"

#include "searchapi.h"

namespace pincart {

CompletionModel::CompletionModel(ApiClient *api, QObject *parent)
    : QStringListModel(parent)
    , m_api(api)
{
    m_timer.setSingleShot(true);
    m_timer.setInterval(std::chrono::milliseconds(150));
    connect(&m_timer, &QTimer::timeout, this, &CompletionModel::ask);
}

void CompletionModel::complete(const QString &prefix)
{
    const QString trimmed = prefix.trimmed();
    if (trimmed.size() < MinimumPrefix) {
        cancel();
        m_prefix.clear();
        if (rowCount() > 0)
            setStringList({});
        return;
    }
    m_pending = trimmed.left(SearchLimits::MaxQueryLength);
    m_timer.start(); // restarts: only a pause in the typing asks
}

void CompletionModel::cancel()
{
    m_timer.stop();
    m_pending.clear();
    ++m_serial;
    delete m_request.data();
}

void CompletionModel::ask()
{
    const QString prefix = m_pending;
    m_pending.clear();
    if (prefix.isEmpty())
        return;
    // The older request's answer could only be dropped: abort it and save the server the work.
    delete m_request.data();
    auto *request = new QObject(this);
    m_request = request;
    const quint64 serial = ++m_serial;
    ++m_requests;
    searchCompletions(m_api, prefix, request,
                      [this, request, serial, prefix](Result<QStringList> result) {
                          request->deleteLater();
                          if (serial != m_serial)
                              return; // typed on since: a newer request is coming
                          if (!result)
                              return;
                          m_prefix = prefix;
                          setStringList(result.value());
                          Q_EMIT completionsArrived(prefix);
                      });
}

} // namespace pincart
