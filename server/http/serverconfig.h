#pragma once

#include <QHostAddress>
#include <QString>

namespace pincart::server {

struct ServerConfig
{
    QString databaseUrl;
    QHostAddress address = QHostAddress::LocalHost;
    quint16 port = 8080;
    // The handler pool (routes that wait on the database): more threads than cores pays, since
    // they wait (checkouts: 118 orders/s on 1, 202 on 2, 210 on 4, on 2 cores).
    int threads = 4;
    // I/O threads: parse, answer the inline routes from memory, write. CPU-bound, so no more
    // than the cores they can have: 0 picks half the cores, at least one (docs/architecture.md).
    int ioThreads = 0;
    // Group writes (BatchQueue): up to `batch` concurrent checkouts share one transaction, and as
    // many cart changes one statement, `batchLeaders` batches of each kind at a time; 0: each
    // alone (docs/orders.md).
    int batch = 32;
    int batchLeaders = 2;
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
