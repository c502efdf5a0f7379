#include "keepaliveclient.h"

namespace pincart::bench {

KeepAliveClient::KeepAliveClient(QString host, quint16 port)
    : m_host(std::move(host))
    , m_port(port)
{
    QObject::connect(&m_socket, &QTcpSocket::readyRead, &m_socket, [this] { readAnswer(); });
    QObject::connect(&m_socket, &QTcpSocket::disconnected, &m_socket, [this] {
        if (m_done)
            finish(0, {});
    });
    QObject::connect(&m_socket, &QTcpSocket::errorOccurred, &m_socket, [this] {
        if (m_done && m_socket.state() != QAbstractSocket::ConnectedState)
            finish(0, {});
    });
}

void KeepAliveClient::connectIfNeeded()
{
    if (m_socket.state() != QAbstractSocket::UnconnectedState)
        return;
    m_in.clear();
    m_socket.connectToHost(m_host, m_port);
    m_socket.setSocketOption(QAbstractSocket::LowDelayOption, 1);
}

void KeepAliveClient::send(const QByteArray &method, const QByteArray &path, const QByteArray &body,
                           const Headers &headers, Done done)
{
    connectIfNeeded();
    m_done = std::move(done);
    QByteArray request;
    request.reserve(256 + body.size());
    request += method + ' ' + path + " HTTP/1.1\r\nHost: " + m_host.toLatin1()
               + "\r\nAccept: application/json\r\n";
    if (!m_authorization.isEmpty())
        request += "Authorization: " + m_authorization + "\r\n";
    for (const auto &[name, value] : headers)
        request += name + ": " + value + "\r\n";
    if (!body.isEmpty())
        request += "Content-Type: application/json\r\n";
    request += "Content-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body;
    m_socket.write(request); // buffered until connected
    if (m_socket.state() == QAbstractSocket::ConnectedState)
        m_socket.flush(); // now, not at the next turn of the event loop
}

void KeepAliveClient::readAnswer()
{
    m_in += m_socket.readAll();
    if (!m_done)
        return; // nothing asked: the server closing an idle connection, say
    const qsizetype headerEnd = m_in.indexOf("\r\n\r\n");
    if (headerEnd < 0)
        return;
    // "HTTP/1.1 201 Created"
    const int status = m_in.size() >= 12 ? m_in.mid(9, 3).toInt() : 0;
    qsizetype length = -1;
    const QByteArray head = m_in.left(headerEnd).toLower();
    if (const qsizetype at = head.indexOf("\r\ncontent-length:"); at >= 0) {
        const qsizetype from = at + 17;
        const qsizetype to = head.indexOf("\r\n", from);
        length = head.mid(from, to < 0 ? -1 : to - from).trimmed().toLongLong();
    }
    if (length < 0) {
        m_socket.abort();
        finish(0, {});
        return;
    }
    const qsizetype bodyStart = headerEnd + 4;
    if (m_in.size() < bodyStart + length)
        return;
    const QByteArray body = m_in.mid(bodyStart, length);
    m_in.remove(0, bodyStart + length);
    finish(status, body);
}

void KeepAliveClient::finish(int status, const QByteArray &body)
{
    if (!m_done)
        return; // already answered (a disconnect reported twice)
    // The callback may send the next request, which sets m_done again.
    Done done = std::move(m_done);
    m_done = nullptr;
    done(status, body);
}

} // namespace pincart::bench
