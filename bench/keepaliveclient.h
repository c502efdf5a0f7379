#pragma once

// One keep-alive HTTP/1.1 connection for the load generators: a request at a time, the answer's
// status and body handed to a callback. Far cheaper per request than QNetworkAccessManager (no
// request objects, no URL parsing, no hop to another thread), so that the load generator, which
// shares the machine's cores with the server and the database, takes as little of them as it can.
// It reads answers with Content-Length only, which is what the server sends.

#include <functional>
#include <QByteArray>
#include <QList>
#include <QPair>
#include <QTcpSocket>

namespace pincart::bench {

class KeepAliveClient
{
public:
    // status 0: the connection failed or the answer could not be read.
    using Done = std::function<void(int status, const QByteArray &body)>;
    using Headers = QList<QPair<QByteArray, QByteArray>>;

    KeepAliveClient(QString host, quint16 port);

    void setToken(const QByteArray &token) { m_authorization = "Bearer " + token; }
    // One request; the next is sent only after `done` was called for this one.
    void send(const QByteArray &method, const QByteArray &path, const QByteArray &body,
              const Headers &headers, Done done);

private:
    void connectIfNeeded();
    void readAnswer();
    void finish(int status, const QByteArray &body);

    QString m_host;
    quint16 m_port;
    QByteArray m_authorization;
    QTcpSocket m_socket;
    QByteArray m_in;
    Done m_done;
};

} // namespace pincart::bench
