#include "listener.h"

#include "metrics.h"

#include <arpa/inet.h>
#include <cerrno>
#include <cstring>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <QDateTime>
#include <QTcpSocket>
#include <sys/socket.h>
#include <unistd.h>

namespace pincart::server {

namespace {

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

} // namespace

Listener::Listener(Limits limits, Metrics &metrics, QObject *parent)
    : QTcpServer(parent)
    , m_limits(limits)
    , m_metrics(metrics)
{
    m_sweep.setInterval(qBound(100, m_limits.idleTimeoutMs / 4, 1000));
    connect(&m_sweep, &QTimer::timeout, this, &Listener::sweepIdle);
    m_sweep.start();
}

Listener::~Listener() = default;

bool Listener::listenShared(const QHostAddress &address, quint16 port, QString *error)
{
    const bool v6 = address.protocol() == QAbstractSocket::IPv6Protocol;
    const int fd = ::socket(v6 ? AF_INET6 : AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (fd < 0) {
        *error = QString::fromLocal8Bit(strerror(errno));
        return false;
    }
    const int one = 1;
    ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    ::setsockopt(fd, SOL_SOCKET, SO_REUSEPORT, &one, sizeof one);
    int rc = -1;
    if (v6) {
        sockaddr_in6 sa{};
        sa.sin6_family = AF_INET6;
        sa.sin6_port = htons(port);
        const Q_IPV6ADDR a = address.toIPv6Address();
        std::memcpy(&sa.sin6_addr, &a, sizeof a);
        rc = ::bind(fd, reinterpret_cast<sockaddr *>(&sa), sizeof sa);
    } else {
        sockaddr_in sa{};
        sa.sin_family = AF_INET;
        sa.sin_port = htons(port);
        sa.sin_addr.s_addr = htonl(address.toIPv4Address());
        rc = ::bind(fd, reinterpret_cast<sockaddr *>(&sa), sizeof sa);
    }
    if (rc != 0 || ::listen(fd, 1024) != 0) {
        *error = QString::fromLocal8Bit(strerror(errno));
        ::close(fd);
        return false;
    }
    if (!setSocketDescriptor(fd)) {
        *error = errorString();
        ::close(fd);
        return false;
    }
    return true;
}

void Listener::incomingConnection(qintptr descriptor)
{
    auto *socket = new QTcpSocket(this);
    if (!socket->setSocketDescriptor(descriptor)) {
        delete socket;
        return;
    }
    if (m_draining || m_sockets.size() >= m_limits.maxConnections) {
        m_metrics.connectionRejected();
        reject(socket, 503,
               m_draining ? "The server is shutting down" : "Too many connections; try again");
        return;
    }
    socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    // Headers plus the largest body we accept: a body without Content-Length (chunked) cannot
    // grow the buffer past this; it stalls instead and the idle sweep closes it.
    socket->setReadBufferSize(qMax(m_limits.maxBodyBytes, m_limits.maxUploadBytes) + 64 * 1024);
    m_sockets.insert(socket, {nowMs(), false});
    m_metrics.connectionOpened();
    // Connected before QAbstractHttpServer's own slot, so the limits are checked first.
    connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onReadyRead(socket); });
    connect(socket, &QTcpSocket::bytesWritten, this, [this, socket] {
        auto it = m_sockets.find(socket);
        if (it != m_sockets.end())
            it->lastActivityMs = nowMs();
    });
    connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    connect(socket, &QObject::destroyed, this, [this, socket] {
        if (m_sockets.remove(socket))
            m_metrics.connectionClosed();
    });
    addPendingConnection(socket);
}

void Listener::onReadyRead(QTcpSocket *socket)
{
    auto it = m_sockets.find(socket);
    if (it == m_sockets.end())
        return;
    it->lastActivityMs = nowMs();
    if (it->headersChecked)
        return;
    // The start of a request: look at its headers without consuming them.
    const QByteArray head = socket->peek(qMin<qint64>(socket->bytesAvailable(), 16 * 1024));
    const qsizetype end = head.indexOf("\r\n\r\n");
    if (end < 0) {
        if (socket->bytesAvailable() >= 16 * 1024)
            reject(socket, 431, "Request headers too large");
        return;
    }
    it->headersChecked = true;
    const QByteArray lower = head.left(end).toLower();
    const qsizetype cl = lower.indexOf("\r\ncontent-length:");
    if (cl >= 0) {
        const qsizetype eol = lower.indexOf("\r\n", cl + 2);
        bool ok = false;
        const qint64 length
            = lower.mid(cl + 17, (eol < 0 ? end : eol) - cl - 17).trimmed().toLongLong(&ok);
        const qint64 limit = head.startsWith(UploadRequestLine) ? m_limits.maxUploadBytes
                                                                : m_limits.maxBodyBytes;
        if (ok && length > limit)
            reject(socket, 413, "The body exceeds " + QByteArray::number(limit) + " bytes");
    }
}

void Listener::requestAnswered(QTcpSocket *socket)
{
    auto it = m_sockets.find(socket);
    if (it == m_sockets.end())
        return;
    it->headersChecked = false;
    it->lastActivityMs = nowMs();
    if (m_draining)
        socket->disconnectFromHost();
}

void Listener::reject(QTcpSocket *socket, int status, const QByteArray &detail)
{
    const QByteArray body = R"({"type":"about:blank","title":"Rejected","status":)"
                            + QByteArray::number(status) + R"(,"detail":")" + detail + "\"}";
    const QByteArray reason = status == 413   ? "Content Too Large"
                              : status == 431 ? "Request Header Fields Too Large"
                                              : "Service Unavailable";
    socket->write(
        "HTTP/1.1 " + QByteArray::number(status) + ' ' + reason
        + "\r\nContent-Type: application/problem+json\r\nConnection: close\r\nContent-Length: "
        + QByteArray::number(body.size()) + "\r\n\r\n" + body);
    // The HTTP server must not parse this request any further. Whatever the client still sends
    // is read and dropped, so closing does not reset the connection before it reads the answer.
    disconnect(socket, &QTcpSocket::readyRead, nullptr, nullptr);
    connect(socket, &QTcpSocket::readyRead, socket,
            [socket] { socket->read(socket->bytesAvailable()); });
    socket->read(socket->bytesAvailable());
    connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater, Qt::UniqueConnection);
    QTimer::singleShot(1000, socket, [socket] { socket->disconnectFromHost(); });
    QTimer::singleShot(5000, socket, [socket] { socket->abort(); });
    if (auto it = m_sockets.find(socket); it != m_sockets.end())
        it->headersChecked = true; // never looked at again
}

void Listener::sweepIdle()
{
    const qint64 cutoff = nowMs() - m_limits.idleTimeoutMs;
    QList<QTcpSocket *> idle;
    for (auto it = m_sockets.cbegin(); it != m_sockets.cend(); ++it) {
        if (it->lastActivityMs < cutoff || (m_draining && !it->headersChecked))
            idle << it.key();
    }
    for (QTcpSocket *socket : idle)
        socket->disconnectFromHost(); // writes what is pending, then closes
}

void Listener::drain()
{
    m_draining = true;
    close(); // no new connections
    sweepIdle();
}

} // namespace pincart::server
