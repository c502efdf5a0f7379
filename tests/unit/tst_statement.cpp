// Prepared statements below the repositories: named placeholders rewritten for MariaDB, and
// MySqlStatement (the C API) against QSqlQuery (QMYSQL) on the same MariaDB connection: the same
// values bound give the same QVariants back, the same affected rows, insert ids and error codes,
// and no COM_STMT_RESET per execution; RETURNING rows on both dialects.

#include "connection.h"
#include "databaseurl.h"
#include "mariadbinstance.h"
#include "mysqlstatement.h"
#include "placeholders.h"
#include "qtstatement.h"
#include "statement.h"

#include <QSqlDatabase>
#include <QSqlDriver>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace pincart;
using namespace pincart::server;

namespace {

const QString Table = QStringLiteral(
    "CREATE TABLE t (id BIGINT AUTO_INCREMENT PRIMARY KEY, i INT NULL, u INT UNSIGNED NULL, "
    "flag TINYINT NULL, big BIGINT NULL, d DOUBLE NULL, amount DECIMAL(12,2) NULL, "
    "name VARCHAR(40) NULL, body LONGTEXT NULL, attrs JSON NULL, raw LONGBLOB NULL, "
    "code CHAR(8) NULL, tag VARCHAR(16) COLLATE utf8mb4_bin NULL, UNIQUE KEY (code)) "
    "ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci");

const QString Insert = QStringLiteral(
    "INSERT INTO t (i, u, flag, big, d, amount, name, body, attrs, raw, code, tag) VALUES (:i, "
    ":u, :flag, :big, :d, :amount, :name, :body, :attrs, :raw, :code, :tag)");

const QString SelectAll = QStringLiteral(
    "SELECT id, i, u, flag, big, d, amount, name, body, attrs, raw, code, tag, COUNT(*) OVER (), "
    "SUM(i) OVER (), NULL FROM t WHERE id >= :from ORDER BY id");

struct Row
{
    QVariant i, u, flag, big, d, amount, name, body, attrs, raw, code, tag;
};

QList<Row> rows()
{
    QByteArray binary(70'000, '\0');
    for (int k = 0; k < binary.size(); ++k)
        binary[k] = char(k % 251);
    return {
        // every type the repositories bind
        {QVariant(int(-7)), QVariant(uint(7)), QVariant(true), QVariant(qint64(1) << 40),
         QVariant(28.613939), QVariant(QStringLiteral("1234.50")),
         QVariant(QStringLiteral("Chai \u0928\u092e\u0938\u094d\u0924\u0947 \U0001F375")),
         QVariant(QStringLiteral("short")), QVariant(QByteArray(R"({"a":[1,2],"b":"x"})")),
         QVariant(QByteArray("\0\1\2", 3)), QVariant(QStringLiteral("C1")),
         QVariant(QStringLiteral("Tag"))},
        // nulls: typed, null QString, null QByteArray; empty text is not null
        {QVariant(QMetaType::fromType<int>()), QVariant(QMetaType::fromType<qint64>()),
         QVariant(false), QVariant(), QVariant(QMetaType::fromType<double>()), QVariant(QString()),
         QVariant(QStringLiteral("")), QVariant(QString()), QVariant(QByteArray()),
         QVariant(QByteArray()), QVariant(QStringLiteral("C2")), QVariant(QStringLiteral(""))},
        // values longer than the first buffers (text, JSON and blob grow mid-result)
        {QVariant(0), QVariant(uint(4'000'000'000u)), QVariant(int(3)),
         QVariant(std::numeric_limits<qint64>::min()), QVariant(-0.5), QVariant(qint64(-12)),
         QVariant(QString(40, u'\u00e9')), QVariant(QString(50'000, u'x')),
         QVariant(QByteArray("[") + QByteArray(5000, '1').replace('1', "1,") + "1]"),
         QVariant(binary), QVariant(QStringLiteral("C3")), QVariant(QString(16, u'z'))},
    };
}

void bindRow(PreparedStatement &s, const Row &r)
{
    const QStringList names{
        QStringLiteral(":i"),    QStringLiteral(":u"),    QStringLiteral(":flag"),
        QStringLiteral(":big"),  QStringLiteral(":d"),    QStringLiteral(":amount"),
        QStringLiteral(":name"), QStringLiteral(":body"), QStringLiteral(":attrs"),
        QStringLiteral(":raw"),  QStringLiteral(":code"), QStringLiteral(":tag")};
    const QList<QVariant> values{r.i,    r.u,    r.flag,  r.big, r.d,    r.amount,
                                 r.name, r.body, r.attrs, r.raw, r.code, r.tag};
    for (int k = 0; k < names.size(); ++k)
        s.bind(names.at(k), values.at(k));
}

QList<QList<QVariant>> readAll(PreparedStatement &s, int columns)
{
    QList<QList<QVariant>> out;
    while (s.next()) {
        QList<QVariant> row;
        for (int c = 0; c < columns; ++c)
            row << s.value(c);
        out << row;
    }
    return out;
}

qint64 sessionStatus(const QString &connection, const char *name)
{
    QSqlQuery q(QSqlDatabase::database(connection, false));
    if (!q.exec(QStringLiteral("SHOW SESSION STATUS LIKE '%1'").arg(QLatin1String(name)))
        || !q.next())
        return -1;
    return q.value(1).toLongLong();
}

} // namespace

class TestStatement : public QObject
{
    Q_OBJECT

    DatabaseUrl m_url;
    std::unique_ptr<Connection> m_db;
    st_mysql *m_mysql = nullptr;

    std::unique_ptr<PreparedStatement> make(bool native, const QString &sql)
    {
        if (native) {
            auto s = std::make_unique<MySqlStatement>(m_mysql);
            if (!s->prepare(sql))
                qWarning() << s->lastError().text();
            return s;
        }
        QSqlQuery q(QSqlDatabase::database(m_db->connectionName(), false));
        q.setForwardOnly(true);
        if (!q.prepare(sql))
            qWarning() << q.lastError().text();
        return std::make_unique<QtStatement>(std::move(q));
    }

private Q_SLOTS:
    void placeholders_data()
    {
        QTest::addColumn<QString>("sql");
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("names");
        QTest::addRow("plain") << "SELECT a FROM t WHERE id = :id AND x = :x_2"
                               << "SELECT a FROM t WHERE id = ? AND x = ?"
                               << QStringList{":id", ":x_2"};
        QTest::addRow("repeated name")
            << "UPDATE s SET n = n - :q WHERE n >= :q"
            << "UPDATE s SET n = n - ? WHERE n >= ?" << QStringList{":q", ":q"};
        QTest::addRow("quoted text untouched")
            << "SELECT ':a', \":b\", `:c` FROM t WHERE v = :v"
            << "SELECT ':a', \":b\", `:c` FROM t WHERE v = ?" << QStringList{":v"};
        QTest::addRow("escaped quote") << "SELECT 'it''s :no' WHERE a = :yes"
                                       << "SELECT 'it''s :no' WHERE a = ?" << QStringList{":yes"};
        QTest::addRow("double colon and time")
            << "SELECT a::text, '10:30' WHERE b = :b"
            << "SELECT a::text, '10:30' WHERE b = ?" << QStringList{":b"};
        QTest::addRow("colon without name") << "SELECT : , :: FROM t"
                                            << "SELECT : , :: FROM t" << QStringList{};
        QTest::addRow("positional kept") << "INSERT INTO t VALUES (?, ?)"
                                         << "INSERT INTO t VALUES (?, ?)" << QStringList{};
        QTest::addRow("name at end") << "LIMIT :limit"
                                     << "LIMIT ?" << QStringList{":limit"};
    }
    void placeholders()
    {
        QFETCH(QString, sql);
        QFETCH(QString, text);
        QFETCH(QStringList, names);
        const PositionalSql p = toPositional(sql);
        QCOMPARE(p.text, text);
        QCOMPARE(p.names, names);
    }

    void initTestCase()
    {
        QString error;
        const QString url = test::MariaDbInstance::createDatabase(&error);
        QVERIFY2(!url.isEmpty(), qPrintable(error));
        Result<DatabaseUrl> parsed = DatabaseUrl::parse(url);
        QVERIFY(parsed.ok());
        m_url = *parsed;
        m_db = std::make_unique<Connection>(m_url);
        QVERIFY(m_db->open().ok());
        QVERIFY(m_db->execDirect(Table, "create").ok());
        const QVariant handle
            = QSqlDatabase::database(m_db->connectionName(), false).driver()->handle();
        QCOMPARE(handle.typeName(), "st_mysql*");
        m_mysql = *static_cast<st_mysql *const *>(handle.constData());
    }

    // Rows written through each path read back the same through both.
    void sameValuesAsQt()
    {
        for (const bool nativeWrite : {false, true}) {
            QVERIFY(m_db->execDirect(QStringLiteral("DELETE FROM t"), "clear").ok());
            auto insert = make(nativeWrite, Insert);
            qint64 firstId = 0;
            for (const Row &r : rows()) {
                bindRow(*insert, r);
                QVERIFY2(insert->exec(), qPrintable(insert->lastError().text()));
                QCOMPARE(insert->numRowsAffected(), 1);
                QVERIFY(insert->lastInsertId() > 0);
                if (!firstId)
                    firstId = insert->lastInsertId();
            }
            insert->close();

            auto viaQt = make(false, SelectAll);
            auto viaC = make(true, SelectAll);
            for (PreparedStatement *s : {viaQt.get(), viaC.get()}) {
                s->bind(QStringLiteral(":from"), firstId);
                QVERIFY2(s->exec(), qPrintable(s->lastError().text()));
            }
            const QList<QList<QVariant>> expected = readAll(*viaQt, 16);
            const QList<QList<QVariant>> actual = readAll(*viaC, 16);
            QCOMPARE(actual.size(), 3);
            QCOMPARE(actual.size(), expected.size());
            for (int r = 0; r < expected.size(); ++r) {
                for (int c = 0; c < 16; ++c) {
                    const QVariant &e = expected[r][c];
                    const QVariant &a = actual[r][c];
                    const QByteArray where = QByteArray("row ") + QByteArray::number(r) + " column "
                                             + QByteArray::number(c);
                    QVERIFY2(e.isNull() == a.isNull(), where.constData());
                    QVERIFY2(e.toString() == a.toString(), where.constData());
                    QVERIFY2(e.toByteArray() == a.toByteArray(), where.constData());
                    QVERIFY2(e.toLongLong() == a.toLongLong(), where.constData());
                    QVERIFY2(e.toDouble() == a.toDouble(), where.constData());
                    QVERIFY2(
                        e.typeId() == a.typeId(),
                        QByteArray(where + " " + e.typeName() + " vs " + a.typeName()).constData());
                }
            }
            // What the repositories rely on, checked directly as well.
            QCOMPARE(actual[0][4].toLongLong(), qint64(1) << 40);
            QCOMPARE(actual[0][7].toString(),
                     QStringLiteral("Chai \u0928\u092e\u0938\u094d\u0924\u0947 \U0001F375"));
            QCOMPARE(actual[1][7].toString(), QStringLiteral(""));
            QVERIFY(!actual[1][7].isNull());
            QVERIFY(actual[1][8].isNull());
            QCOMPARE(actual[2][8].toString().size(), 50'000);
            QCOMPARE(actual[2][10].toByteArray(), rows()[2].raw.toByteArray());
            QCOMPARE(actual[2][2].toLongLong(), 4'000'000'000LL);
            QCOMPARE(actual[1][3].toBool(), false);
            QCOMPARE(actual[0][3].toBool(), true);
        }
    }

    // A duplicate key is error 1062 on both paths (Connection::isUniqueViolation reads it),
    // and the statement runs again afterwards.
    void duplicateKeyAndReuse()
    {
        QVERIFY(m_db->execDirect(QStringLiteral("DELETE FROM t"), "clear").ok());
        for (const bool native : {false, true}) {
            auto insert = make(native, QStringLiteral("INSERT INTO t (code) VALUES (:c)"));
            insert->bind(QStringLiteral(":c"), QStringLiteral("dup"));
            QVERIFY(insert->exec());
            QVERIFY(!insert->exec());
            QCOMPARE(insert->lastError().nativeErrorCode(), QStringLiteral("1062"));
            QVERIFY(Connection::isUniqueViolation(insert->lastError()));
            insert->bind(QStringLiteral(":c"), QStringLiteral("other"));
            QVERIFY2(insert->exec(), qPrintable(insert->lastError().text()));
            QVERIFY(m_db->execDirect(QStringLiteral("DELETE FROM t"), "clear").ok());
        }
    }

    // Executing again before the previous result was read to its end, a repeated
    // placeholder, and a statement inside a transaction begun through Qt.
    void reexecuteAndTransactions()
    {
        QVERIFY(m_db->execDirect(QStringLiteral("DELETE FROM t"), "clear").ok());
        auto insert = make(true, QStringLiteral("INSERT INTO t (i, code) VALUES (:i + :i, :c)"));
        for (int k = 1; k <= 3; ++k) {
            insert->bind(QStringLiteral(":i"), k);
            insert->bind(QStringLiteral(":c"), QString::number(k));
            QVERIFY(insert->exec());
        }
        auto select = make(true, QStringLiteral("SELECT i FROM t WHERE i >= :min ORDER BY i"));
        select->bind(QStringLiteral(":min"), 0);
        QVERIFY(select->exec());
        QVERIFY(select->next());
        QCOMPARE(select->value(0).toInt(), 2);
        select->bind(QStringLiteral(":min"), 5);
        QVERIFY(select->exec()); // the first result set was not read to its end
        QVERIFY(select->next());
        QCOMPARE(select->value(0).toInt(), 6);
        QVERIFY(!select->next());
        QVERIFY(!select->value(0).isValid());

        auto update = make(true, QStringLiteral("UPDATE t SET i = i + 1 WHERE i > :min"));
        {
            Transaction t(*m_db);
            QVERIFY(t.started().ok());
            update->bind(QStringLiteral(":min"), 0);
            QVERIFY(update->exec());
            QCOMPARE(update->numRowsAffected(), 3);
        } // rolled back
        select->bind(QStringLiteral(":min"), 0);
        QVERIFY(select->exec());
        QVERIFY(select->next());
        QCOMPARE(select->value(0).toInt(), 2);
        select->finish();
    }

    // The point of MySqlStatement: no COM_STMT_RESET per execution (QMYSQL sends one each time).
    void noResetPerExecution()
    {
        for (const bool native : {false, true}) {
            auto select = make(native, QStringLiteral("SELECT :v + 1"));
            const QString connection = m_db->connectionName();
            const qint64 resetsBefore = sessionStatus(connection, "Com_stmt_reset");
            const qint64 executesBefore = sessionStatus(connection, "Com_stmt_execute");
            for (int k = 0; k < 10; ++k) {
                select->bind(QStringLiteral(":v"), k);
                QVERIFY(select->exec());
                QVERIFY(select->next());
                QCOMPARE(select->value(0).toInt(), k + 1);
                select->finish();
            }
            QCOMPARE(sessionStatus(connection, "Com_stmt_execute") - executesBefore, 10);
            QCOMPARE(sessionStatus(connection, "Com_stmt_reset") - resetsBefore, native ? 0 : 10);
        }
    }

    // Through Connection and its cache (the MariaDB path unless PINCART_MYSQL_STATEMENTS=qt).
    void throughConnection()
    {
        Result<std::shared_ptr<PreparedStatement>> a = m_db->prepared(QStringLiteral("SELECT :x"));
        QVERIFY(a.ok());
        Result<std::shared_ptr<PreparedStatement>> b = m_db->prepared(QStringLiteral("SELECT :x"));
        QVERIFY(b.ok());
        QCOMPARE(a->get(), b->get());
        (*a)->bind(QStringLiteral(":x"), QStringLiteral("y"));
        QVERIFY(m_db->exec(**a, "select").ok());
        QVERIFY((*a)->next());
        QCOMPARE((*a)->value(0).toString(), QStringLiteral("y"));
        (*a)->finish();
        Result<std::shared_ptr<PreparedStatement>> bad
            = m_db->prepared(QStringLiteral("SELECT FROM nowhere"));
        QVERIFY(!bad.ok());
    }

    // A URL naming a socket connects through it, one without over TCP: the client library goes
    // over TCP whenever the host is not "localhost", whatever socket it is given (and every
    // round trip then costs both sides the loopback's TCP stack).
    void connectsThroughTheSocketItNames_data()
    {
        QTest::addColumn<bool>("socket");
        QTest::newRow("unix_socket given") << true;
        QTest::newRow("host and port only") << false;
    }
    void connectsThroughTheSocketItNames()
    {
        QFETCH(bool, socket);
        QVERIFY2(!m_url.unixSocket.isEmpty(), "the test server's URL names its socket");
        DatabaseUrl url = m_url;
        if (!socket)
            url.unixSocket.clear();
        Connection db(url);
        QVERIFY(db.open().ok());
        // MariaDB shows "localhost" for a socket's client and "address:port" for a TCP one.
        Statement q(db, QStringLiteral("SELECT host FROM information_schema.processlist "
                                       "WHERE id = CONNECTION_ID()"));
        QVERIFY(q.exec("own host").ok());
        QVERIFY(q.next());
        const QString host = q.value(0).toString();
        if (socket)
            QCOMPARE(host, QStringLiteral("localhost"));
        else
            QVERIFY2(host.startsWith(QLatin1String("127.0.0.1:")), qPrintable(host));
    }

    // INSERT ... RETURNING and DELETE ... RETURNING read their rows through Connection on both
    // dialects (the checkout empties the cart and creates its shipments this way), and a
    // rollback puts deleted rows back.
    void returningRows_data()
    {
        QTest::addColumn<bool>("mariadb");
        QTest::newRow("sqlite") << false;
        QTest::newRow("mariadb") << true;
    }

    void returningRows()
    {
        QFETCH(bool, mariadb);
        QTemporaryDir dir;
        std::unique_ptr<Connection> sqlite;
        Connection *db = m_db.get();
        if (!mariadb) {
            sqlite = std::make_unique<Connection>(
                *DatabaseUrl::parse(QStringLiteral("sqlite://") + dir.filePath("r.db")));
            QVERIFY(sqlite->open().ok());
            db = sqlite.get();
        }
        QVERIFY(db->execDirect(QStringLiteral("DROP TABLE IF EXISTS r"), "drop").ok());
        QVERIFY(db->execDirect(mariadb ? QStringLiteral("CREATE TABLE r (id BIGINT AUTO_INCREMENT "
                                                        "PRIMARY KEY, k VARCHAR(8) NOT NULL)")
                                       : QStringLiteral("CREATE TABLE r (id INTEGER PRIMARY KEY "
                                                        "AUTOINCREMENT, k TEXT NOT NULL)"),
                               "create")
                    .ok());
        const auto rowsOf = [](PreparedStatement &s) {
            QMap<QString, qint64> out; // k -> id
            while (s.next())
                out.insert(s.value(1).toString(), s.value(0).toLongLong());
            s.finish();
            return out;
        };

        auto insert = db->prepared(
            QStringLiteral("INSERT INTO r (k) VALUES (:a), (:b), (:c) RETURNING id, k"));
        QVERIFY2(insert.ok(), insert.ok() ? "" : qPrintable(insert.error().message()));
        (*insert)->bind(QStringLiteral(":a"), QStringLiteral("a"));
        (*insert)->bind(QStringLiteral(":b"), QStringLiteral("b"));
        (*insert)->bind(QStringLiteral(":c"), QStringLiteral("c"));
        QVERIFY(db->exec(**insert, "insert").ok());
        const QMap<QString, qint64> inserted = rowsOf(**insert);
        QCOMPARE(inserted.keys(), (QStringList{"a", "b", "c"}));
        QCOMPARE(QSet<qint64>(inserted.cbegin(), inserted.cend()).size(), 3);
        for (const QString &k : inserted.keys()) {
            QSqlQuery check(QSqlDatabase::database(db->connectionName(), false));
            QVERIFY(check.exec(QStringLiteral("SELECT k FROM r WHERE id = %1").arg(inserted[k])));
            QVERIFY(check.next());
            QCOMPARE(check.value(0).toString(), k); // each id returned is its own row's
        }

        auto take = db->prepared(QStringLiteral("DELETE FROM r WHERE k <> :keep RETURNING id, k"));
        QVERIFY(take.ok());
        (*take)->bind(QStringLiteral(":keep"), QStringLiteral("b"));
        {
            Transaction tx(*db);
            QVERIFY(tx.started().ok());
            QVERIFY(db->exec(**take, "take").ok());
            const QMap<QString, qint64> taken = rowsOf(**take);
            QCOMPARE(taken.keys(), (QStringList{"a", "c"}));
            QCOMPARE(taken.value("a"), inserted.value("a"));
        } // rolled back
        QSqlQuery count(QSqlDatabase::database(db->connectionName(), false));
        QVERIFY(count.exec(QStringLiteral("SELECT COUNT(*) FROM r")) && count.next());
        QCOMPARE(count.value(0).toInt(), 3);
        count.finish();
        QVERIFY(db->exec(**take, "take").ok());
        QCOMPARE(rowsOf(**take).size(), 2);
        QVERIFY(db->exec(**take, "take").ok());
        QCOMPARE(rowsOf(**take).size(), 0); // nothing left to take: no rows, no error
        QVERIFY(db->execDirect(QStringLiteral("DROP TABLE r"), "drop").ok());
    }

    // A connection lost under a cached statement is a 503 (Unavailable), and the next use
    // reconnects and prepares again. Last: it replaces the connection the others use.
    void lostConnectionIsUnavailable()
    {
        const QString sql = QStringLiteral("SELECT :x + 1");
        Result<std::shared_ptr<PreparedStatement>> cached = m_db->prepared(sql);
        QVERIFY(cached.ok());
        QSqlQuery id(QSqlDatabase::database(m_db->connectionName(), false));
        QVERIFY(id.exec(QStringLiteral("SELECT CONNECTION_ID()")) && id.next());
        const qint64 connectionId = id.value(0).toLongLong();
        id.finish();
        Connection other(m_url);
        QVERIFY(other.open().ok());
        QVERIFY(
            other.execDirect(QStringLiteral("KILL CONNECTION %1").arg(connectionId), "kill").ok());
        m_mysql = nullptr; // gone with the connection

        (*cached)->bind(QStringLiteral(":x"), 1);
        const Status lost = m_db->exec(**cached, "select");
        QVERIFY(!lost.ok());
        QCOMPARE(lost.error().kind(), DomainError::Kind::Unavailable);
        QVERIFY(!(*cached)->next());

        Result<std::shared_ptr<PreparedStatement>> again = m_db->prepared(sql);
        QVERIFY2(again.ok(), again.ok() ? "" : qPrintable(again.error().message()));
        QVERIFY(again->get() != cached->get());
        (*again)->bind(QStringLiteral(":x"), 41);
        QVERIFY(m_db->exec(**again, "select").ok());
        QVERIFY((*again)->next());
        QCOMPARE((*again)->value(0).toInt(), 42);
        (*again)->finish();
    }

    void cleanupTestCase() { m_db.reset(); }
};

QTEST_GUILESS_MAIN(TestStatement)
#include "tst_statement.moc"
