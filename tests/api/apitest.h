#pragma once

// Shared by the API test executables: the SQLite/MariaDB matrix (QtHttpServer's own tests use
// initTestCase_data the same way) and one seeded server per backend, started on first use.

#include "apicall.h"
#include "dbfingerprint.h"
#include "testserver.h"

#include <QTest>

#include <map>
#include <memory>

Q_DECLARE_METATYPE(pincart::test::Backend)

namespace pincart::test {

inline void addBackendRows()
{
    QTest::addColumn<Backend>("backend");
    QTest::newRow("sqlite") << Backend::Sqlite;
    QTest::newRow("mariadb") << Backend::MariaDb;
}

// One server per backend for the whole test executable.
class ServerMatrix
{
public:
    explicit ServerMatrix(TestServer::Options options = {})
        : m_options(options)
    {}

    // The server of the current global row; null (after QFAIL-worthy error) when it cannot start.
    TestServer *current(QString *error)
    {
        QFETCH_GLOBAL(pincart::test::Backend, backend);
        auto &slot = m_servers[backend];
        if (!slot) {
            slot = std::make_unique<TestServer>(backend, m_options);
            if (!slot->start()) {
                *error = slot->error();
                slot.reset();
                return nullptr;
            }
        }
        return slot.get();
    }
    void stopAll() { m_servers.clear(); }

private:
    TestServer::Options m_options;
    std::map<Backend, std::unique_ptr<TestServer>> m_servers;
};

// An error answer as the contract has it: problem+json whose status is the HTTP status.
inline bool isProblem(const ApiResponse &r)
{
    return r.header("content-type").startsWith("application/problem+json")
        && r.json().value(QStringLiteral("status")).toInt() == r.status;
}

} // namespace pincart::test

// Fetches the current backend's server into `server` or fails the test.
#define PINCART_SERVER(matrix, server)                                                          \
    QString serverError_;                                                                       \
    pincart::test::TestServer *server = (matrix).current(&serverError_);                        \
    if (!server)                                                                                \
        QFAIL(qPrintable(QStringLiteral("server did not start: ") + serverError_));
