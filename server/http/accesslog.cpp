#include "accesslog.h"

#include <QDateTime>

#include <unistd.h>

namespace pincart::server {

namespace {
constexpr qsizetype FlushBytes = 64 * 1024;
constexpr qint64 FlushMs = 1000;
} // namespace

AccessLog::AccessLog(int fd)
    : m_fd(fd)
{
    m_buffer.reserve(FlushBytes + 1024);
    m_sinceFlush.start();
}

AccessLog::~AccessLog()
{
    flush();
}

void AccessLog::record(const QByteArray &remote, QByteArrayView method, QByteArrayView target,
                       int status, qsizetype bytes, double elapsedMs)
{
    if (m_fd < 0)
        return;
    m_buffer += QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs).toLatin1();
    m_buffer += ' ';
    m_buffer += remote;
    m_buffer += ' ';
    m_buffer += method;
    m_buffer += ' ';
    // Bounded: a 10 kB query string must not become a 10 kB log line.
    m_buffer += target.first(qMin<qsizetype>(target.size(), 512));
    m_buffer += ' ';
    m_buffer += QByteArray::number(status);
    m_buffer += ' ';
    m_buffer += QByteArray::number(bytes);
    m_buffer += "B ";
    m_buffer += QByteArray::number(elapsedMs, 'f', 3);
    m_buffer += "ms\n";
    if (m_buffer.size() >= FlushBytes || m_sinceFlush.elapsed() >= FlushMs)
        flush();
}

void AccessLog::flush()
{
    m_sinceFlush.restart();
    if (m_fd < 0 || m_buffer.isEmpty())
        return;
    const char *p = m_buffer.constData();
    qsizetype left = m_buffer.size();
    while (left > 0) {
        const ssize_t n = ::write(m_fd, p, size_t(left));
        if (n <= 0)
            break; // a full disk must not stop the server; the lines are lost
        p += n;
        left -= n;
    }
    m_buffer.clear();
}

} // namespace pincart::server
