#pragma once

#include <QHash>
#include <QHostAddress>
#include <QTcpServer>
#include <QTimer>

class QTcpSocket;

namespace pincart::server {

class Metrics;

// The socket side of one worker, handed to QAbstractHttpServer::bind(). QtHttpServer 6.4 has no
// connection limit, no idle timeout and no body limit, so this class supplies them:
// - it listens on an SO_REUSEPORT socket, so every worker binds the same port and the kernel
//   spreads connections across them;
// - past `maxConnections` a new connection gets 503 and is closed;
// - a connection with no traffic for `idleTimeoutMs` is closed (a slow client cannot hold a
//   worker's sockets for ever);
// - a request whose Content-Length exceeds `maxBodyBytes` is answered 413 before its body is
//   read, and a socket's read buffer is capped so a body without a length cannot grow memory.
class Listener : public QTcpServer
{
    Q_OBJECT

public:
    struct Limits
    {
        int maxConnections = 512;
        int idleTimeoutMs = 30000;
        qint64 maxBodyBytes = 1 << 20;
        // Bulk uploads (CSV submissions) may be larger; the HTTP layer checks the route's own limit.
        qint64 maxUploadBytes = 32 << 20;
    };
    static constexpr QByteArrayView UploadRequestLine{"POST /api/v1/supplier/submissions "};

    Listener(Limits limits, Metrics &metrics, QObject *parent = nullptr);
    ~Listener() override;

    // Creates, binds and listens on an SO_REUSEPORT socket. Port 0 picks a free port.
    bool listenShared(const QHostAddress &address, quint16 port, QString *error);
    // The HTTP layer calls this when it has answered a request on `socket`.
    void requestAnswered(QTcpSocket *socket);
    // Stops accepting and closes idle connections; busy ones close after their answer.
    void drain();
    int openConnections() const { return int(m_sockets.size()); }

protected:
    void incomingConnection(qintptr descriptor) override;

private:
    struct SocketState
    {
        qint64 lastActivityMs = 0;
        bool headersChecked = false;
    };
    void onReadyRead(QTcpSocket *socket);
    void sweepIdle();
    void reject(QTcpSocket *socket, int status, const QByteArray &detail);

    Limits m_limits;
    Metrics &m_metrics;
    QHash<QTcpSocket *, SocketState> m_sockets;
    QTimer m_sweep;
    bool m_draining = false;
};

} // namespace pincart::server
