#pragma once

#include <QByteArray>
#include <QElapsedTimer>

namespace pincart::server {

// One line per request, buffered per worker thread and written in large appends (a write(2) per
// request would cost more than the request). Not thread-safe: one per worker.
class AccessLog
{
public:
    // fd: where lines go (a file opened O_APPEND, or 2 for stderr); -1 disables the log.
    explicit AccessLog(int fd);
    ~AccessLog();

    bool enabled() const { return m_fd >= 0; }
    void record(const QByteArray &remote, QByteArrayView method, QByteArrayView target, int status,
                qsizetype bytes, double elapsedMs);
    void flush();

private:
    int m_fd;
    QByteArray m_buffer;
    QElapsedTimer m_sinceFlush;
};

} // namespace pincart::server
