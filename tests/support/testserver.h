#pragma once

#include <memory>
#include <QHostAddress>
#include <QString>
#include <QTemporaryDir>
#include <QUrl>

namespace pincart::server {
class Server;
}

namespace pincart::test {

class MariaDbInstance;

enum class Backend { Sqlite, MariaDb };
QString backendName(Backend backend);

// Demo accounts the seed creates (see server/services/demoseeder.h); all share one password.
struct DemoAccounts
{
    static inline const QString Password = QStringLiteral("demo-password");
    static inline const QString Customer = QStringLiteral("customer@pincart.demo");
    static inline const QString Supplier = QStringLiteral("supplier@pincart.demo");
    static inline const QString Supplier2 = QStringLiteral("supplier2@pincart.demo");
    static inline const QString Operator = QStringLiteral("operator@pincart.demo"); // PNQ-1, BOM-1
    static inline const QString Operator2
        = QStringLiteral("operator2@pincart.demo"); // DEL-1, JAI-1, LKO-1
    static inline const QString Admin = QStringLiteral("admin@pincart.demo");
};

// A real pincart server in this process, on an OS-picked loopback port, over a fresh database:
// an SQLite file in a temporary directory, or a new database on the throwaway MariaDB that
// MariaDbInstance starts (or the one PINCART_TEST_MYSQL_URL names). Seeded with a small
// deterministic catalogue and the demo accounts. Everything is removed on destruction.
class TestServer
{
public:
    struct Options
    {
        int items = 60;
        quint64 seed = 42;
        int threads = 2;
        int batchLeaders = 2; // group writes: batches of each kind run at once
        int maxConnections = 1024;
        int idleTimeoutMs = 30000;
        bool loadPincodes = false; // the full directory takes a moment; most tests do not need it
    };

    explicit TestServer(Backend backend);
    TestServer(Backend backend, Options options);
    ~TestServer();

    // Creates the database, migrates, seeds and starts listening. False (with error()) on failure.
    bool start();
    void stop();
    // Stops and starts the server again over the same database and data directory (a node
    // restart: what it kept on disk is read back).
    bool restart();
    QUrl url() const;
    quint16 port() const;
    QString databaseUrl() const { return m_databaseUrl; }
    QString error() const { return m_error; }
    QString dataDir() const { return m_dir.path(); }

private:
    bool listen();

    Backend m_backend;
    Options m_options;
    QTemporaryDir m_dir;
    QString m_databaseUrl;
    QString m_error;
    std::unique_ptr<server::Server> m_server;
};

} // namespace pincart::test
