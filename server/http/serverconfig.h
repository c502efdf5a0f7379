#pragma once

#include <QHostAddress>
#include <QString>

namespace pincart::server {

struct ServerConfig
{
    QString databaseUrl;
    QHostAddress address = QHostAddress::LocalHost;
    quint16 port = 8080;
    // Handlers wait on the database, so more threads than cores pays (ARCHITECTURE.md: point
    // reads peaked at 2-3 threads on 2 cores, checkouts kept improving to 16).
    int threads = 4;
    QString dataDir;
    int maxConnections = 2048; // across all workers
    int idleTimeoutMs = 30000;
    qint64 maxBodyBytes = 1 << 20;
    QString accessLog; // a file path, "-" for stderr, empty or "off" for none
    QString adminEmail;
    QString adminPassword;
    QString tokenSecret; // hex; empty: the cluster's key from the settings table
};

} // namespace pincart::server
