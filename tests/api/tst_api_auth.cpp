// Accounts and sessions over real HTTP, on SQLite and MariaDB: registration and its bad input,
// login, /me, bearer token checks (tampered, expired, wrong role), and admin account management.
// Every rejected request answers problem+json and leaves the database as it was.

#include "apitest.h"

#include "apipaths.h"
#include "clock.h"
#include "connection.h"
#include "tokenservice.h"

#include <QJsonArray>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlQuery>

using namespace pincart;
using namespace pincart::test;

namespace {

const QString Strong = QStringLiteral("correct-horse-battery");

QByteArray compact(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

QJsonObject registration(const QString &email, const QString &name = QStringLiteral("Test Customer"))
{
    return {{QStringLiteral("email"), email},
            {QStringLiteral("password"), Strong},
            {QStringLiteral("name"), name},
            {QStringLiteral("pincode"), QStringLiteral("560001")}};
}

// A valid registration with `key` set to `value`, or removed when `value` is undefined.
QByteArray registrationWith(const QString &key, const QJsonValue &value)
{
    QJsonObject o = registration(QStringLiteral("bad-input@example.com"));
    if (value.isUndefined())
        o.remove(key);
    else
        o.insert(key, value);
    return compact(o);
}

// Empty when `r` is a problem+json answer with `status` (and an error on `field`, when given);
// otherwise what is wrong, for the failure message.
QString problemMismatch(const ApiResponse &r, int status, const QString &field = {})
{
    QStringList why;
    if (r.status != status)
        why << QStringLiteral("status %1, expected %2").arg(r.status).arg(status);
    if (r.header("Content-Type") != "application/problem+json")
        why << QStringLiteral("Content-Type '%1'").arg(QString::fromLatin1(r.header("Content-Type")));
    const QJsonObject o = r.json();
    if (o.value(QStringLiteral("status")).toInt() != status || !o.value(QStringLiteral("type")).isString()
        || o.value(QStringLiteral("title")).toString().isEmpty()
        || !o.value(QStringLiteral("detail")).isString())
        why << QStringLiteral("not a problem document with status %1").arg(status);
    if (!field.isEmpty()) {
        bool named = false;
        for (const QJsonValue &e : o.value(QStringLiteral("errors")).toArray())
            named = named || e.toObject().value(QStringLiteral("field")).toString() == field;
        if (!named)
            why << QStringLiteral("no error on field '%1'").arg(field);
    }
    if (!why.isEmpty())
        why << QStringLiteral("body: ") + QString::fromUtf8(r.body.left(600));
    return why.join(QStringLiteral("; "));
}

QStringList roleList(const QJsonObject &user)
{
    QStringList out;
    for (const QJsonValue &v : user.value(QStringLiteral("roles")).toArray())
        out << v.toString();
    return out;
}

QSet<qint64> idSet(const QJsonValue &array)
{
    QSet<qint64> out;
    for (const QJsonValue &v : array.toArray())
        out.insert(v.toInteger());
    return out;
}

// Keys that must never reach a client in a user or session object.
QString secretLeak(const QJsonObject &user, const QByteArray &rawBody)
{
    for (auto it = user.constBegin(); it != user.constEnd(); ++it) {
        const QString key = it.key().toLower();
        if (key.contains(QLatin1String("password")) || key.contains(QLatin1String("hash"))
            || key.contains(QLatin1String("secret")) || key.contains(QLatin1String("salt")))
            return QStringLiteral("key '%1' in a user object").arg(it.key());
    }
    if (rawBody.contains("$argon2"))
        return QStringLiteral("a password hash in the body");
    if (rawBody.contains(Strong.toUtf8()) || rawBody.contains(DemoAccounts::Password.toUtf8()))
        return QStringLiteral("the password in the body");
    return {};
}

// One value read straight from the database (not through the API), with bound values.
QVariant scalar(const QString &databaseUrl, const QString &sql, const QVariantMap &binds = {})
{
    const auto url = server::DatabaseUrl::parse(databaseUrl);
    if (!url)
        return {};
    server::Connection db(*url);
    if (!db.open())
        return {};
    QSqlQuery q(QSqlDatabase::database(db.connectionName()));
    if (!q.prepare(sql))
        return {};
    for (auto it = binds.constBegin(); it != binds.constEnd(); ++it)
        q.bindValue(it.key(), it.value());
    if (!q.exec() || !q.next())
        return {};
    return q.value(0);
}

// The server's token signing key: the settings row the first node stored (hex).
QByteArray tokenKey(const QString &databaseUrl)
{
    const QVariant hex = scalar(databaseUrl, QStringLiteral("SELECT value FROM settings WHERE name = :name"),
                                {{QStringLiteral(":name"), QStringLiteral("token_key")}});
    return QByteArray::fromHex(hex.toString().toLatin1());
}

qint64 maxUserId(const QString &databaseUrl)
{
    return scalar(databaseUrl, QStringLiteral("SELECT MAX(id) FROM users")).toLongLong();
}

// A different character at `at` (base64url alphabet, so the token still looks well-formed).
QByteArray flippedAt(QByteArray token, qsizetype at)
{
    token[at] = token.at(at) == 'A' ? 'B' : 'A';
    return token;
}

enum class Credential {
    None,
    Garbage,
    BasicScheme,
    NoSignature,
    TamperedPayload,
    TamperedSignature,
    ForgedAdminRole,
    OtherKey,
    Expired,
    UnknownAccount,
    Customer,
};

} // namespace

Q_DECLARE_METATYPE(Credential)

class TestAuthApi : public QObject
{
    Q_OBJECT

    ServerMatrix m_servers;

    static QJsonObject me(ApiCall &api) { return api.get(paths::me()).json(); }

    static qint64 userId(TestServer *server, const QString &email)
    {
        ApiCall api(server->url());
        if (api.login(email, DemoAccounts::Password).isEmpty())
            return 0;
        return me(api).value(QStringLiteral("id")).toInteger();
    }

    // The Authorization header value for `credential` (empty: none sent).
    static QByteArray authorization(TestServer *server, Credential credential, QString *error)
    {
        ApiCall customer(server->url());
        const QByteArray token = customer.login(DemoAccounts::Customer, DemoAccounts::Password);
        const qsizetype dot = token.indexOf('.');
        if (dot <= 0) {
            *error = QStringLiteral("the customer cannot log in");
            return {};
        }
        const auto forge = [&](const QByteArray &key, const QDateTime &now, qint64 sub) -> QByteArray {
            if (key.size() != server::TokenService::KeyBytes) {
                *error = QStringLiteral("no 32-byte token_key in the settings table");
                return {};
            }
            server::ManualClock clock(now);
            server::TokenService tokens(key, clock);
            User u;
            u.id = sub;
            u.roles = Role::Customer;
            return "Bearer " + tokens.issue(u).token;
        };
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const qint64 customerId = me(customer).value(QStringLiteral("id")).toInteger();
        switch (credential) {
        case Credential::None:
            return {};
        case Credential::Garbage:
            return "Bearer garbage";
        case Credential::BasicScheme:
            return "Basic " + QByteArray("customer@pincart.demo:demo-password").toBase64();
        case Credential::NoSignature:
            return "Bearer " + token.left(dot + 1);
        case Credential::TamperedPayload:
            return "Bearer " + flippedAt(token, dot / 2);
        case Credential::TamperedSignature:
            return "Bearer " + flippedAt(token, dot + 10);
        case Credential::ForgedAdminRole: {
            // Same signature, payload rewritten to claim the admin role.
            constexpr auto B64 = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;
            QJsonObject claims = QJsonDocument::fromJson(QByteArray::fromBase64(token.left(dot), B64)).object();
            claims.insert(QStringLiteral("roles"), int(Role::Admin) | int(Role::Customer));
            return "Bearer " + compact(claims).toBase64(B64) + token.mid(dot);
        }
        case Credential::OtherKey:
            return forge(server::TokenService::generateKey(), now, customerId);
        case Credential::Expired:
            // Issued 9 hours ago with the server's own key: 8 hours of life ended an hour ago.
            return forge(tokenKey(server->databaseUrl()), now.addSecs(-9 * 3600), customerId);
        case Credential::UnknownAccount:
            return forge(tokenKey(server->databaseUrl()), now, maxUserId(server->databaseUrl()) + 1000);
        case Credential::Customer:
            return "Bearer " + token;
        }
        return {};
    }

private Q_SLOTS:
    void initTestCase_data() { addBackendRows(); }
    void cleanupTestCase() { m_servers.stopAll(); }

    // --- registration ---------------------------------------------------------------------

    void registerCreatesACustomer()
    {
        PINCART_SERVER(m_servers, server);
        ApiCall api(server->url());
        const ApiResponse r = api.postJson(paths::register_(),
                                           registration(QStringLiteral("New.Customer@Example.COM"), QStringLiteral("Meera Shopper")));
        QCOMPARE(r.status, 201);
        QCOMPARE(r.header("Content-Type"), QByteArray("application/json"));
        const QJsonObject user = r.json();
        QVERIFY(user.value(QStringLiteral("id")).toInteger() > 0);
        QCOMPARE(user.value(QStringLiteral("email")).toString(), QStringLiteral("new.customer@example.com"));
        QCOMPARE(user.value(QStringLiteral("name")).toString(), QStringLiteral("Meera Shopper"));
        QCOMPARE(roleList(user), QStringList{QStringLiteral("customer")});
        QCOMPARE(user.value(QStringLiteral("pincode")).toString(), QStringLiteral("560001"));
        QCOMPARE(user.value(QStringLiteral("disabled")).toBool(true), false);
        const QString leak = secretLeak(user, r.body);
        QVERIFY2(leak.isEmpty(), qPrintable(leak));

        // The new account logs in, in any letter case, and /me is the same account.
        ApiCall self(server->url());
        QVERIFY(!self.login(QStringLiteral("NEW.customer@example.com"), Strong).isEmpty());
        QCOMPARE(me(self), user);
    }

    void registrationCannotChooseItsRole()
    {
        PINCART_SERVER(m_servers, server);
        ApiCall api(server->url());
        QJsonObject body = registration(QStringLiteral("would-be-admin@example.com"));
        body.insert(QStringLiteral("roles"), QJsonArray{QStringLiteral("admin")});
        body.insert(QStringLiteral("disabled"), false);
        const ApiResponse r = api.postJson(paths::register_(), body);
        // Ignoring the field or refusing the body are both safe; granting the role is not.
        QVERIFY2(r.status == 201 || r.status == 422, r.body.constData());
        if (r.status == 201)
            QCOMPARE(roleList(r.json()), QStringList{QStringLiteral("customer")});
        ApiCall self(server->url());
        if (!self.login(QStringLiteral("would-be-admin@example.com"), Strong).isEmpty())
            QCOMPARE(self.get(paths::adminUsers()).status, 403);
    }

    void duplicateEmailIsAConflict_data()
    {
        QTest::addColumn<QString>("email");
        QTest::addRow("same e-mail") << QStringLiteral("taken@example.com");
        QTest::addRow("upper case") << QStringLiteral("TAKEN@EXAMPLE.COM");
        QTest::addRow("mixed case") << QStringLiteral("Taken@Example.Com");
        QTest::addRow("surrounding spaces") << QStringLiteral("  taken@example.com ");
        QTest::addRow("a demo account in upper case") << DemoAccounts::Customer.toUpper();
    }
    void duplicateEmailIsAConflict()
    {
        QFETCH(QString, email);
        PINCART_SERVER(m_servers, server);
        ApiCall api(server->url());
        const int first = api.postJson(paths::register_(), registration(QStringLiteral("taken@example.com"))).status;
        QVERIFY2(first == 201 || first == 409, qPrintable(QString::number(first)));

        const QByteArray before = databaseFingerprint(server->databaseUrl());
        const ApiResponse r = api.postJson(paths::register_(), registration(email, QStringLiteral("Second Comer")));
        const QString mismatch = problemMismatch(r, 409, QStringLiteral("email"));
        QVERIFY2(mismatch.isEmpty(), qPrintable(mismatch));
        QCOMPARE(databaseFingerprint(server->databaseUrl()), before);
    }

    void registerRejectsBadInput_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QByteArray>("contentType");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("field"); // expected in errors[] (422 only)

        const QByteArray json = "application/json";
        const auto bad = [&](const char *name, const QByteArray &body, int status, const char *field = "") {
            QTest::addRow("%s", name) << body << json << status << QString::fromLatin1(field);
        };
        bad("malformed JSON", R"({"email": "a@example.com", )", 400);
        bad("empty body", QByteArray(), 400);
        bad("body is an array", "[]", 400);
        bad("body is a string", R"("customer@pincart.demo")", 400);
        bad("body is null", "null", 400);
        QTest::addRow("sent as text/plain") << registrationWith(QStringLiteral("name"), QStringLiteral("Plain"))
                                            << QByteArray("text/plain") << 400 << QString();

        bad("e-mail is a number", registrationWith(QStringLiteral("email"), 42), 422, "email");
        bad("password is a number", registrationWith(QStringLiteral("password"), 12345678), 422, "password");
        bad("name is an object", registrationWith(QStringLiteral("name"), QJsonObject()), 422, "name");
        bad("pincode is a number", registrationWith(QStringLiteral("pincode"), 560001), 422, "pincode");
        bad("e-mail is null", registrationWith(QStringLiteral("email"), QJsonValue::Null), 422, "email");

        bad("empty object", "{}", 422, "email");
        bad("no e-mail", registrationWith(QStringLiteral("email"), QJsonValue::Undefined), 422, "email");
        bad("no password", registrationWith(QStringLiteral("password"), QJsonValue::Undefined), 422, "password");
        bad("no name", registrationWith(QStringLiteral("name"), QJsonValue::Undefined), 422, "name");
        bad("no pincode", registrationWith(QStringLiteral("pincode"), QJsonValue::Undefined), 422, "pincode");

        bad("empty e-mail", registrationWith(QStringLiteral("email"), QString()), 422, "email");
        bad("e-mail without @", registrationWith(QStringLiteral("email"), QStringLiteral("asha.example.com")), 422, "email");
        bad("e-mail without a dot in the domain", registrationWith(QStringLiteral("email"), QStringLiteral("asha@localhost")), 422, "email");
        bad("e-mail with two @", registrationWith(QStringLiteral("email"), QStringLiteral("asha@home@example.com")), 422, "email");
        bad("e-mail with a space", registrationWith(QStringLiteral("email"), QStringLiteral("asha k@example.com")), 422, "email");
        bad("e-mail of 255 characters",
            registrationWith(QStringLiteral("email"), QString(QString(60, QLatin1Char('a')) + QLatin1Char('@') + QString(190, QLatin1Char('b')) + QStringLiteral(".com"))),
            422, "email");

        bad("password of 7 characters", registrationWith(QStringLiteral("password"), QStringLiteral("abcdefg")), 422, "password");
        bad("password of 129 characters", registrationWith(QStringLiteral("password"), QString(129, QLatin1Char('p'))), 422, "password");

        bad("name of 200 characters", registrationWith(QStringLiteral("name"), QString(200, QLatin1Char('n'))), 422, "name");
        bad("blank name", registrationWith(QStringLiteral("name"), QStringLiteral("   ")), 422, "name");
        bad("name with a control character", registrationWith(QStringLiteral("name"), QStringLiteral("Asha\u0007")), 422, "name");

        bad("pincode 012345", registrationWith(QStringLiteral("pincode"), QStringLiteral("012345")), 422, "pincode");
        bad("pincode 12345", registrationWith(QStringLiteral("pincode"), QStringLiteral("12345")), 422, "pincode");
        bad("pincode abcdef", registrationWith(QStringLiteral("pincode"), QStringLiteral("abcdef")), 422, "pincode");
        bad("pincode 5600011", registrationWith(QStringLiteral("pincode"), QStringLiteral("5600011")), 422, "pincode");
        bad("pincode 560 01", registrationWith(QStringLiteral("pincode"), QStringLiteral("560 01")), 422, "pincode");

        bad("SQL as e-mail: x' OR '1'='1", registrationWith(QStringLiteral("email"), QStringLiteral("x' OR '1'='1")), 422, "email");
        bad("SQL as e-mail: ' OR 1=1 --", registrationWith(QStringLiteral("email"), QStringLiteral("' OR 1=1 --")), 422, "email");
        bad("SQL as e-mail: '; DROP TABLE users; --",
            registrationWith(QStringLiteral("email"), QStringLiteral("'; DROP TABLE users; --")), 422, "email");
    }
    void registerRejectsBadInput()
    {
        QFETCH(QByteArray, body);
        QFETCH(QByteArray, contentType);
        QFETCH(int, status);
        QFETCH(QString, field);
        PINCART_SERVER(m_servers, server);
        ApiCall api(server->url());
        const QByteArray before = databaseFingerprint(server->databaseUrl());
        const ApiResponse r = api.send("POST", paths::register_(), body, contentType);
        const QString mismatch = problemMismatch(r, status, field);
        QVERIFY2(mismatch.isEmpty(), qPrintable(mismatch));
        if (status == 422)
            QVERIFY(!r.json().value(QStringLiteral("errors")).toArray().isEmpty());
        QCOMPARE(databaseFingerprint(server->databaseUrl()), before);
    }

    void sqlLookingNamesAreStoredLiterally_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addRow("x' OR '1'='1") << QStringLiteral("x' OR '1'='1");
        QTest::addRow("Robert'); DROP TABLE users;--") << QStringLiteral("Robert'); DROP TABLE users;--");
        QTest::addRow("double quotes") << QStringLiteral("\" OR \"\"=\"");
        QTest::addRow("LIKE wildcards and backslash") << QStringLiteral("100% _sure_ \\");
        QTest::addRow("placeholder lookalikes") << QStringLiteral(":name ? %1 $1");
    }
    void sqlLookingNamesAreStoredLiterally()
    {
        QFETCH(QString, name);
        PINCART_SERVER(m_servers, server);
        const qint64 usersBefore = rowCount(server->databaseUrl(), QStringLiteral("users"));
        static int registered = 0;
        const QString email = QStringLiteral("literal-%1@example.com").arg(++registered);
        ApiCall api(server->url());
        const ApiResponse r = api.postJson(paths::register_(), registration(email, name));
        QCOMPARE(r.status, 201);
        QCOMPARE(r.json().value(QStringLiteral("name")).toString(), name);
        ApiCall self(server->url());
        QVERIFY(!self.login(email, Strong).isEmpty());
        QCOMPARE(me(self).value(QStringLiteral("name")).toString(), name);
        QCOMPARE(rowCount(server->databaseUrl(), QStringLiteral("users")), usersBefore + 1);
        const QVariant stored = scalar(server->databaseUrl(), QStringLiteral("SELECT name FROM users WHERE email = :email"),
                                       {{QStringLiteral(":email"), email}});
        QCOMPARE(stored.toString(), name);
    }

    // --- login and /me --------------------------------------------------------------------

    void loginReturnsASession()
    {
        PINCART_SERVER(m_servers, server);
        ApiCall api(server->url());
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const ApiResponse r = api.postJson(paths::login(), {{QStringLiteral("email"), DemoAccounts::Customer},
                                                            {QStringLiteral("password"), DemoAccounts::Password}});
        QCOMPARE(r.status, 200);
        const QJsonObject session = r.json();
        const QByteArray token = session.value(QStringLiteral("token")).toString().toLatin1();
        QCOMPARE(token.count('.'), 1);
        const QDateTime expires = QDateTime::fromString(session.value(QStringLiteral("expires_at")).toString(), Qt::ISODate);
        QVERIFY2(expires.isValid(), qPrintable(session.value(QStringLiteral("expires_at")).toString()));
        QCOMPARE(expires.timeSpec(), Qt::UTC);
        QVERIFY2(expires > now.addSecs(7 * 3600 + 3000) && expires < now.addSecs(8 * 3600 + 600),
                 qPrintable(expires.toString(Qt::ISODate)));
        const QJsonObject user = session.value(QStringLiteral("user")).toObject();
        QVERIFY(user.value(QStringLiteral("id")).toInteger() > 0);
        QCOMPARE(user.value(QStringLiteral("email")).toString(), DemoAccounts::Customer);
        QVERIFY(!user.value(QStringLiteral("name")).toString().isEmpty());
        QCOMPARE(roleList(user), QStringList{QStringLiteral("customer")});
        QCOMPARE(user.value(QStringLiteral("pincode")).toString().size(), 6);
        const QString leak = secretLeak(user, r.body);
        QVERIFY2(leak.isEmpty(), qPrintable(leak));

        api.setToken(token);
        const ApiResponse mine = api.get(paths::me());
        QCOMPARE(mine.status, 200);
        QCOMPARE(mine.json(), user);
    }

    void loginFailuresLookAlike_data()
    {
        QTest::addColumn<QString>("email");
        QTest::addColumn<QString>("password");
        QTest::addRow("wrong password") << DemoAccounts::Customer << QStringLiteral("wrong-password");
        QTest::addRow("unknown e-mail") << QStringLiteral("nobody@pincart.demo") << DemoAccounts::Password;
        QTest::addRow("upper-case e-mail, wrong password") << DemoAccounts::Customer.toUpper() << QStringLiteral("wrong-password");
        QTest::addRow("another account's password") << DemoAccounts::Admin << QStringLiteral("correct-horse-battery");
        QTest::addRow("empty password") << DemoAccounts::Customer << QString();
        QTest::addRow("password of 500 characters") << DemoAccounts::Customer << QString(500, QLatin1Char('p'));
        QTest::addRow("SQL as e-mail") << QStringLiteral("x' OR '1'='1") << DemoAccounts::Password;
        QTest::addRow("SQL as password") << DemoAccounts::Customer << QStringLiteral("' OR '1'='1");
    }
    void loginFailuresLookAlike()
    {
        QFETCH(QString, email);
        QFETCH(QString, password);
        PINCART_SERVER(m_servers, server);
        ApiCall api(server->url());
        // The reference answer: a known account, a wrong password.
        const ApiResponse reference = api.postJson(paths::login(), {{QStringLiteral("email"), DemoAccounts::Customer},
                                                                    {QStringLiteral("password"), QStringLiteral("not-the-password")}});
        QCOMPARE(reference.status, 401);

        const QByteArray before = databaseFingerprint(server->databaseUrl());
        const ApiResponse r = api.postJson(paths::login(), {{QStringLiteral("email"), email}, {QStringLiteral("password"), password}});
        const QString mismatch = problemMismatch(r, 401);
        QVERIFY2(mismatch.isEmpty(), qPrintable(mismatch));
        QVERIFY(!r.json().contains(QStringLiteral("token")));
        // Same words whether the account exists or not: no way to probe for e-mails.
        QCOMPARE(r.json().value(QStringLiteral("detail")).toString(), reference.json().value(QStringLiteral("detail")).toString());
        QCOMPARE(r.json().value(QStringLiteral("title")).toString(), reference.json().value(QStringLiteral("title")).toString());
        QVERIFY(r.header("WWW-Authenticate").startsWith("Bearer"));
        QCOMPARE(databaseFingerprint(server->databaseUrl()), before);
    }

    void loginRejectsBadInput_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("field");
        QTest::addRow("malformed JSON") << QByteArray(R"({"email": )") << 400 << QString();
        QTest::addRow("body is an array") << QByteArray(R"(["customer@pincart.demo", "demo-password"])") << 400 << QString();
        QTest::addRow("empty object") << QByteArray("{}") << 422 << QStringLiteral("email");
        QTest::addRow("no password") << QByteArray(R"({"email": "customer@pincart.demo"})") << 422 << QStringLiteral("password");
        QTest::addRow("e-mail is a number") << QByteArray(R"({"email": 7, "password": "demo-password"})") << 422 << QStringLiteral("email");
        QTest::addRow("password is true") << QByteArray(R"({"email": "customer@pincart.demo", "password": true})") << 422 << QStringLiteral("password");
    }
    void loginRejectsBadInput()
    {
        QFETCH(QByteArray, body);
        QFETCH(int, status);
        QFETCH(QString, field);
        PINCART_SERVER(m_servers, server);
        ApiCall api(server->url());
        const ApiResponse r = api.send("POST", paths::login(), body);
        const QString mismatch = problemMismatch(r, status, field);
        QVERIFY2(mismatch.isEmpty(), qPrintable(mismatch));
    }

    void meNeedsAToken()
    {
        PINCART_SERVER(m_servers, server);
        ApiCall anonymous(server->url());
        const ApiResponse r = anonymous.get(paths::me());
        const QString mismatch = problemMismatch(r, 401);
        QVERIFY2(mismatch.isEmpty(), qPrintable(mismatch));
        QVERIFY(r.header("WWW-Authenticate").startsWith("Bearer"));
    }

    void meIsTheCaller_data()
    {
        QTest::addColumn<QString>("email");
        QTest::addColumn<QString>("role");
        QTest::addRow("customer") << DemoAccounts::Customer << QStringLiteral("customer");
        QTest::addRow("supplier") << DemoAccounts::Supplier << QStringLiteral("supplier");
        QTest::addRow("operator") << DemoAccounts::Operator << QStringLiteral("operator");
        QTest::addRow("admin") << DemoAccounts::Admin << QStringLiteral("admin");
    }
    void meIsTheCaller()
    {
        QFETCH(QString, email);
        QFETCH(QString, role);
        PINCART_SERVER(m_servers, server);
        ApiCall api(server->url());
        QVERIFY(!api.login(email, DemoAccounts::Password).isEmpty());
        const ApiResponse r = api.get(paths::me());
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value(QStringLiteral("email")).toString(), email);
        QCOMPARE(roleList(r.json()), QStringList{role});
        const QString leak = secretLeak(r.json(), r.body);
        QVERIFY2(leak.isEmpty(), qPrintable(leak));
    }

    // --- bearer token checks --------------------------------------------------------------

    void tokenChecks_data()
    {
        QTest::addColumn<Credential>("credential");
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QString>("path");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("detail"); // a substring of the problem's detail, when given

        const QString me = paths::me();
        QTest::addRow("no token") << Credential::None << QByteArray("GET") << me << 401 << QString();
        QTest::addRow("Bearer garbage") << Credential::Garbage << QByteArray("GET") << me << 401 << QString();
        QTest::addRow("Basic credentials") << Credential::BasicScheme << QByteArray("GET") << me << 401 << QString();
        QTest::addRow("signature cut off") << Credential::NoSignature << QByteArray("GET") << me << 401 << QString();
        QTest::addRow("payload character flipped") << Credential::TamperedPayload << QByteArray("GET") << me << 401 << QString();
        QTest::addRow("signature character flipped") << Credential::TamperedSignature << QByteArray("GET") << me << 401 << QString();
        QTest::addRow("roles claim forged to admin") << Credential::ForgedAdminRole << QByteArray("GET") << paths::adminUsers() << 401 << QString();
        QTest::addRow("signed with another key") << Credential::OtherKey << QByteArray("GET") << me << 401 << QString();
        QTest::addRow("expired an hour ago") << Credential::Expired << QByteArray("GET") << me << 401 << QStringLiteral("expired");
        QTest::addRow("expired, on a public list") << Credential::Expired << QByteArray("GET") << paths::items() << 401 << QStringLiteral("expired");
        QTest::addRow("tampered, on a public list") << Credential::TamperedSignature << QByteArray("GET") << paths::items() << 401 << QString();
        QTest::addRow("valid signature, no such account") << Credential::UnknownAccount << QByteArray("GET") << me << 401 << QString();
        QTest::addRow("customer creates an item") << Credential::Customer << QByteArray("POST") << paths::items() << 403 << QString();
        QTest::addRow("customer lists accounts") << Credential::Customer << QByteArray("GET") << paths::adminUsers() << 403 << QString();
        QTest::addRow("customer creates an account") << Credential::Customer << QByteArray("POST") << paths::adminUsers() << 403 << QString();
        QTest::addRow("valid customer token") << Credential::Customer << QByteArray("GET") << me << 200 << QString();
    }
    void tokenChecks()
    {
        QFETCH(Credential, credential);
        QFETCH(QByteArray, method);
        QFETCH(QString, path);
        QFETCH(int, status);
        QFETCH(QString, detail);
        PINCART_SERVER(m_servers, server);
        QString error;
        const QByteArray header = authorization(server, credential, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));

        // A body a supplier could send: the role check must come first and refuse it.
        const QByteArray body = method == "GET" ? QByteArray() : compact(registration(QStringLiteral("never-created@example.com")));
        HeaderList headers;
        if (!header.isEmpty())
            headers.append({"Authorization", header});
        ApiCall api(server->url());
        const QByteArray before = databaseFingerprint(server->databaseUrl());
        const ApiResponse r = api.send(method, path, body, "application/json", headers);
        if (status == 200) {
            QCOMPARE(r.status, 200);
            return;
        }
        const QString mismatch = problemMismatch(r, status);
        QVERIFY2(mismatch.isEmpty(), qPrintable(mismatch));
        if (status == 401)
            QVERIFY(r.header("WWW-Authenticate").startsWith("Bearer"));
        if (!detail.isEmpty())
            QVERIFY2(r.json().value(QStringLiteral("detail")).toString().contains(detail), r.body.constData());
        QCOMPARE(databaseFingerprint(server->databaseUrl()), before);
    }

    // --- admin account management -------------------------------------------------------

    void adminCreatesSupplierAndOperatorAccounts()
    {
        PINCART_SERVER(m_servers, server);
        ApiCall admin(server->url());
        QVERIFY(!admin.login(DemoAccounts::Admin, DemoAccounts::Password).isEmpty());

        ApiResponse r = admin.postJson(paths::adminUsers(), {{QStringLiteral("email"), QStringLiteral("Made.Supplier@Example.com")},
                                                             {QStringLiteral("password"), Strong},
                                                             {QStringLiteral("name"), QStringLiteral("Made Supplier")},
                                                             {QStringLiteral("roles"), QJsonArray{QStringLiteral("supplier")}}});
        QCOMPARE(r.status, 201);
        QCOMPARE(r.json().value(QStringLiteral("email")).toString(), QStringLiteral("made.supplier@example.com"));
        QCOMPARE(roleList(r.json()), QStringList{QStringLiteral("supplier")});
        QVERIFY(r.json().value(QStringLiteral("pincode")).isNull());
        QVERIFY(secretLeak(r.json(), r.body).isEmpty());

        // Warehouses are not a resource yet: any positive ids are accepted and kept.
        r = admin.postJson(paths::adminUsers(), {{QStringLiteral("email"), QStringLiteral("made.operator@example.com")},
                                                 {QStringLiteral("password"), Strong},
                                                 {QStringLiteral("name"), QStringLiteral("Made Operator")},
                                                 {QStringLiteral("pincode"), QStringLiteral("411001")},
                                                 {QStringLiteral("roles"), QJsonArray{QStringLiteral("operator")}},
                                                 {QStringLiteral("warehouse_ids"), QJsonArray{2, 5}}});
        QCOMPARE(r.status, 201);
        QCOMPARE(roleList(r.json()), QStringList{QStringLiteral("operator")});
        QCOMPARE(idSet(r.json().value(QStringLiteral("warehouse_ids"))), (QSet<qint64>{2, 5}));
        const QJsonObject created = r.json();

        // The accounts work, with their roles.
        ApiCall supplier(server->url());
        QVERIFY(!supplier.login(QStringLiteral("made.supplier@example.com"), Strong).isEmpty());
        QCOMPARE(roleList(me(supplier)), QStringList{QStringLiteral("supplier")});
        ApiCall op(server->url());
        QVERIFY(!op.login(QStringLiteral("made.operator@example.com"), Strong).isEmpty());
        QCOMPARE(me(op), created);

        // Again: the e-mail is taken.
        const QByteArray before = databaseFingerprint(server->databaseUrl());
        r = admin.postJson(paths::adminUsers(), {{QStringLiteral("email"), QStringLiteral("MADE.OPERATOR@example.com")},
                                                 {QStringLiteral("password"), Strong},
                                                 {QStringLiteral("name"), QStringLiteral("Twin")},
                                                 {QStringLiteral("roles"), QJsonArray{QStringLiteral("operator")}}});
        const QString mismatch = problemMismatch(r, 409, QStringLiteral("email"));
        QVERIFY2(mismatch.isEmpty(), qPrintable(mismatch));
        QCOMPARE(databaseFingerprint(server->databaseUrl()), before);
    }

    void adminCreateRejectsBadInput_data()
    {
        QTest::addColumn<QJsonValue>("roles"); // undefined: left out
        QTest::addColumn<QJsonValue>("warehouses");
        QTest::addColumn<QString>("email");
        QTest::addColumn<QString>("password");
        QTest::addColumn<QString>("pincode");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("field");

        const QJsonValue none(QJsonValue::Undefined);
        const QJsonValue supplier = QJsonArray{QStringLiteral("supplier")};
        const QString email = QStringLiteral("rejected@example.com");
        QTest::addRow("no roles") << none << none << email << Strong << QString() << 422 << QStringLiteral("roles");
        QTest::addRow("empty roles") << QJsonValue(QJsonArray()) << none << email << Strong << QString() << 422 << QStringLiteral("roles");
        QTest::addRow("unknown role") << QJsonValue(QJsonArray{QStringLiteral("superuser")}) << none << email << Strong << QString() << 422 << QStringLiteral("roles");
        QTest::addRow("roles is a string") << QJsonValue(QStringLiteral("admin")) << none << email << Strong << QString() << 422 << QStringLiteral("roles");
        QTest::addRow("warehouses for a supplier") << supplier << QJsonValue(QJsonArray{1}) << email << Strong << QString() << 422 << QStringLiteral("warehouse_ids");
        const QJsonValue operatorRole = QJsonArray{QStringLiteral("operator")};
        QTest::addRow("warehouse id 0") << operatorRole << QJsonValue(QJsonArray{0}) << email << Strong << QString() << 422 << QStringLiteral("warehouse_ids");
        QTest::addRow("warehouse id -3") << operatorRole << QJsonValue(QJsonArray{-3}) << email << Strong << QString() << 422 << QStringLiteral("warehouse_ids");
        QTest::addRow("warehouse id 1.5") << operatorRole << QJsonValue(QJsonArray{1.5}) << email << Strong << QString() << 422 << QStringLiteral("warehouse_ids");
        QTest::addRow("warehouse id repeated") << operatorRole << QJsonValue(QJsonArray{3, 3}) << email << Strong << QString() << 422 << QStringLiteral("warehouse_ids");
        QTest::addRow("warehouse id as text") << operatorRole << QJsonValue(QJsonArray{QStringLiteral("1")}) << email << Strong << QString() << 422 << QStringLiteral("warehouse_ids");
        QTest::addRow("bad e-mail") << supplier << none << QStringLiteral("no-at-sign") << Strong << QString() << 422 << QStringLiteral("email");
        QTest::addRow("short password") << supplier << none << email << QStringLiteral("short") << QString() << 422 << QStringLiteral("password");
        QTest::addRow("customer without pincode") << QJsonValue(QJsonArray{QStringLiteral("customer")}) << none << email << Strong << QString() << 422 << QStringLiteral("pincode");
        QTest::addRow("bad pincode") << supplier << none << email << Strong << QStringLiteral("012345") << 422 << QStringLiteral("pincode");
    }
    void adminCreateRejectsBadInput()
    {
        QFETCH(QJsonValue, roles);
        QFETCH(QJsonValue, warehouses);
        QFETCH(QString, email);
        QFETCH(QString, password);
        QFETCH(QString, pincode);
        QFETCH(int, status);
        QFETCH(QString, field);
        PINCART_SERVER(m_servers, server);
        ApiCall admin(server->url());
        QVERIFY(!admin.login(DemoAccounts::Admin, DemoAccounts::Password).isEmpty());
        QJsonObject body{{QStringLiteral("email"), email},
                         {QStringLiteral("password"), password},
                         {QStringLiteral("name"), QStringLiteral("Rejected")}};
        if (!roles.isUndefined())
            body.insert(QStringLiteral("roles"), roles);
        if (!warehouses.isUndefined())
            body.insert(QStringLiteral("warehouse_ids"), warehouses);
        if (!pincode.isEmpty())
            body.insert(QStringLiteral("pincode"), pincode);
        const QByteArray before = databaseFingerprint(server->databaseUrl());
        const ApiResponse r = admin.postJson(paths::adminUsers(), body);
        const QString mismatch = problemMismatch(r, status, field);
        QVERIFY2(mismatch.isEmpty(), qPrintable(mismatch));
        QCOMPARE(databaseFingerprint(server->databaseUrl()), before);
    }

    void adminPagesThroughAccounts()
    {
        PINCART_SERVER(m_servers, server);
        ApiCall admin(server->url());
        QVERIFY(!admin.login(DemoAccounts::Admin, DemoAccounts::Password).isEmpty());
        QSet<qint64> seen;
        QSet<QString> emails;
        qint64 lastId = 0;
        QString after;
        int pages = 0;
        do {
            QUrlQuery q;
            q.addQueryItem(QStringLiteral("limit"), QStringLiteral("2"));
            if (!after.isEmpty())
                q.addQueryItem(QStringLiteral("after"), after);
            const ApiResponse r = admin.get(paths::adminUsers(), q);
            QCOMPARE(r.status, 200);
            const QJsonObject page = r.json();
            QVERIFY(page.contains(QStringLiteral("next")));
            const QJsonArray items = page.value(QStringLiteral("items")).toArray();
            QVERIFY(items.size() <= 2);
            for (const QJsonValue &v : items) {
                const QJsonObject u = v.toObject();
                const qint64 id = u.value(QStringLiteral("id")).toInteger();
                QVERIFY2(id > lastId, "ids must rise from page to page");
                QVERIFY2(!seen.contains(id), "an account came twice");
                QVERIFY2(secretLeak(u, r.body).isEmpty(), qPrintable(secretLeak(u, r.body)));
                lastId = id;
                seen.insert(id);
                emails.insert(u.value(QStringLiteral("email")).toString());
            }
            after = page.value(QStringLiteral("next")).toString();
            if (!after.isEmpty())
                QCOMPARE(items.size(), 2); // only a full page has a next
            QVERIFY(++pages < 1000);
        } while (!after.isEmpty());
        QCOMPARE(qint64(seen.size()), rowCount(server->databaseUrl(), QStringLiteral("users")));
        QVERIFY(pages >= 4);
        for (const QString &email : {DemoAccounts::Customer, DemoAccounts::Supplier, DemoAccounts::Supplier2,
                                     DemoAccounts::Operator, DemoAccounts::Admin})
            QVERIFY2(emails.contains(email), qPrintable(email));
    }

    void adminPagingRejectsBadParameters_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("value");
        QTest::addRow("limit 0") << QStringLiteral("limit") << QStringLiteral("0");
        QTest::addRow("limit 101") << QStringLiteral("limit") << QStringLiteral("101");
        QTest::addRow("limit abc") << QStringLiteral("limit") << QStringLiteral("abc");
        QTest::addRow("limit -1") << QStringLiteral("limit") << QStringLiteral("-1");
        QTest::addRow("after not a cursor") << QStringLiteral("after") << QStringLiteral("not a cursor!");
        QTest::addRow("after a cursor of another kind")
            << QStringLiteral("after") << QString::fromLatin1(QByteArray("x:5").toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
        QTest::addRow("after SQL") << QStringLiteral("after") << QStringLiteral("1 OR 1=1");
    }
    void adminPagingRejectsBadParameters()
    {
        QFETCH(QString, name);
        QFETCH(QString, value);
        PINCART_SERVER(m_servers, server);
        ApiCall admin(server->url());
        QVERIFY(!admin.login(DemoAccounts::Admin, DemoAccounts::Password).isEmpty());
        QUrlQuery q;
        q.addQueryItem(name, QString::fromLatin1(QUrl::toPercentEncoding(value)));
        const ApiResponse r = admin.get(paths::adminUsers(), q);
        const QString mismatch = problemMismatch(r, 422, name);
        QVERIFY2(mismatch.isEmpty(), qPrintable(mismatch));
    }

    void adminChangesRolesAndDisablesAccounts()
    {
        PINCART_SERVER(m_servers, server);
        ApiCall admin(server->url());
        QVERIFY(!admin.login(DemoAccounts::Admin, DemoAccounts::Password).isEmpty());
        const QString email = QStringLiteral("changing@example.com");
        ApiResponse r = admin.postJson(paths::adminUsers(), {{QStringLiteral("email"), email},
                                                             {QStringLiteral("password"), Strong},
                                                             {QStringLiteral("name"), QStringLiteral("Changing")},
                                                             {QStringLiteral("roles"), QJsonArray{QStringLiteral("supplier")}}});
        QCOMPARE(r.status, 201);
        const qint64 id = r.json().value(QStringLiteral("id")).toInteger();
        ApiCall user(server->url());
        const QByteArray oldToken = user.login(email, Strong);
        QVERIFY(!oldToken.isEmpty());

        // Roles and name.
        r = admin.sendJson("PATCH", paths::adminUser(id), {{QStringLiteral("roles"), QJsonArray{QStringLiteral("supplier"), QStringLiteral("customer")}},
                                                           {QStringLiteral("name"), QStringLiteral("Changed")}});
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value(QStringLiteral("id")).toInteger(), id);
        QCOMPARE(roleList(r.json()), (QStringList{QStringLiteral("customer"), QStringLiteral("supplier")}));
        QCOMPARE(r.json().value(QStringLiteral("name")).toString(), QStringLiteral("Changed"));
        ApiCall again(server->url());
        const QByteArray loginBody = compact({{QStringLiteral("email"), email}, {QStringLiteral("password"), Strong}});
        r = again.send("POST", paths::login(), loginBody);
        QCOMPARE(r.status, 200);
        QCOMPARE(roleList(r.json().value(QStringLiteral("user")).toObject()),
                 (QStringList{QStringLiteral("customer"), QStringLiteral("supplier")}));

        // Disabled: no login (403), and the token it holds no longer passes /me (401).
        r = admin.sendJson("PATCH", paths::adminUser(id), {{QStringLiteral("disabled"), true}});
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value(QStringLiteral("disabled")).toBool(), true);
        r = again.send("POST", paths::login(), loginBody);
        QString mismatch = problemMismatch(r, 403);
        QVERIFY2(mismatch.isEmpty(), qPrintable(mismatch));
        QVERIFY(!r.json().contains(QStringLiteral("token")));
        ApiCall holder(server->url());
        holder.setToken(oldToken);
        mismatch = problemMismatch(holder.get(paths::me()), 401);
        QVERIFY2(mismatch.isEmpty(), qPrintable(mismatch));
        // ...nor any other route: the account is checked on every authenticated request.
        const QByteArray before = databaseFingerprint(server->databaseUrl());
        r = holder.send("POST", paths::items(), R"({"sku":"DISABLED-1","title":"Should not exist","description":"",
            "brand":"B","category_id":101,"price":{"amount":100,"currency":"INR"},
            "attributes":{"screen_size":55,"panel":"OLED","resolution":"4K","smart":true}})");
        mismatch = problemMismatch(r, 401);
        QVERIFY2(mismatch.isEmpty(), qPrintable(mismatch));
        QCOMPARE(databaseFingerprint(server->databaseUrl()), before);

        // Enabled again: it logs in.
        r = admin.sendJson("PATCH", paths::adminUser(id), {{QStringLiteral("disabled"), false}});
        QCOMPARE(r.status, 200);
        QCOMPARE(again.send("POST", paths::login(), loginBody).status, 200);
        QCOMPARE(holder.get(paths::me()).status, 200);

        // Operators get warehouses; others cannot.
        r = admin.sendJson("PATCH", paths::adminUser(id), {{QStringLiteral("warehouse_ids"), QJsonArray{9}}});
        mismatch = problemMismatch(r, 422, QStringLiteral("warehouse_ids"));
        QVERIFY2(mismatch.isEmpty(), qPrintable(mismatch));
        r = admin.sendJson("PATCH", paths::adminUser(id), {{QStringLiteral("roles"), QJsonArray{QStringLiteral("operator")}},
                                                           {QStringLiteral("warehouse_ids"), QJsonArray{9, 4}}});
        QCOMPARE(r.status, 200);
        QCOMPARE(roleList(r.json()), QStringList{QStringLiteral("operator")});
        QCOMPARE(idSet(r.json().value(QStringLiteral("warehouse_ids"))), (QSet<qint64>{4, 9}));
        QCOMPARE(idSet(me(user).value(QStringLiteral("warehouse_ids"))), (QSet<qint64>{4, 9}));
    }

    void adminChangeRejectsBadInput_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<bool>("missingAccount");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("field");
        QTest::addRow("malformed JSON") << QByteArray("{\"roles\": [") << false << 400 << QString();
        QTest::addRow("unknown field") << QByteArray(R"({"email": "other@example.com"})") << false << 422 << QStringLiteral("email");
        QTest::addRow("unknown role") << QByteArray(R"({"roles": ["root"]})") << false << 422 << QStringLiteral("roles");
        QTest::addRow("empty roles") << QByteArray(R"({"roles": []})") << false << 422 << QStringLiteral("roles");
        QTest::addRow("disabled is a string") << QByteArray(R"({"disabled": "yes"})") << false << 422 << QStringLiteral("disabled");
        QTest::addRow("name of 200 characters") << compact({{QStringLiteral("name"), QString(200, QLatin1Char('n'))}}) << false << 422 << QStringLiteral("name");
        QTest::addRow("pincode 12345") << QByteArray(R"({"pincode": "12345"})") << false << 422 << QStringLiteral("pincode");
        QTest::addRow("warehouse id repeated") << QByteArray(R"({"roles": ["operator"], "warehouse_ids": [4, 4]})") << false << 422 << QStringLiteral("warehouse_ids");
        QTest::addRow("no such account") << QByteArray(R"({"name": "Ghost"})") << true << 404 << QString();
    }
    void adminChangeRejectsBadInput()
    {
        QFETCH(QByteArray, body);
        QFETCH(bool, missingAccount);
        QFETCH(int, status);
        QFETCH(QString, field);
        PINCART_SERVER(m_servers, server);
        const qint64 target = missingAccount ? maxUserId(server->databaseUrl()) + 1000 : userId(server, DemoAccounts::Customer);
        QVERIFY(target > 0);
        ApiCall admin(server->url());
        QVERIFY(!admin.login(DemoAccounts::Admin, DemoAccounts::Password).isEmpty());
        const QByteArray before = databaseFingerprint(server->databaseUrl());
        const ApiResponse r = admin.send("PATCH", paths::adminUser(target), body);
        const QString mismatch = problemMismatch(r, status, field);
        QVERIFY2(mismatch.isEmpty(), qPrintable(mismatch));
        QCOMPARE(databaseFingerprint(server->databaseUrl()), before);
    }

    void nonAdminsCannotManageAccounts_data()
    {
        QTest::addColumn<QString>("email"); // empty: anonymous
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<int>("status");
        for (const auto &[who, email] : {std::pair{"customer", DemoAccounts::Customer}, std::pair{"supplier", DemoAccounts::Supplier},
                                         std::pair{"operator", DemoAccounts::Operator}}) {
            QTest::addRow("%s lists", who) << email << QByteArray("GET") << 403;
            QTest::addRow("%s creates an admin", who) << email << QByteArray("POST") << 403;
            QTest::addRow("%s makes itself admin", who) << email << QByteArray("PATCH") << 403;
        }
        QTest::addRow("anonymous lists") << QString() << QByteArray("GET") << 401;
        QTest::addRow("anonymous creates an admin") << QString() << QByteArray("POST") << 401;
        QTest::addRow("anonymous changes an account") << QString() << QByteArray("PATCH") << 401;
    }
    void nonAdminsCannotManageAccounts()
    {
        QFETCH(QString, email);
        QFETCH(QByteArray, method);
        QFETCH(int, status);
        PINCART_SERVER(m_servers, server);
        const qint64 target = userId(server, email.isEmpty() ? DemoAccounts::Customer : email);
        QVERIFY(target > 0);
        ApiCall api(server->url());
        if (!email.isEmpty())
            QVERIFY(!api.login(email, DemoAccounts::Password).isEmpty());
        const QByteArray before = databaseFingerprint(server->databaseUrl());
        ApiResponse r;
        if (method == "GET") {
            r = api.get(paths::adminUsers());
        } else if (method == "POST") {
            r = api.postJson(paths::adminUsers(), {{QStringLiteral("email"), QStringLiteral("sneaky-admin@example.com")},
                                                   {QStringLiteral("password"), Strong},
                                                   {QStringLiteral("name"), QStringLiteral("Sneaky")},
                                                   {QStringLiteral("roles"), QJsonArray{QStringLiteral("admin")}}});
        } else {
            r = api.sendJson("PATCH", paths::adminUser(target), {{QStringLiteral("roles"), QJsonArray{QStringLiteral("admin")}}});
        }
        const QString mismatch = problemMismatch(r, status);
        QVERIFY2(mismatch.isEmpty(), qPrintable(mismatch));
        QCOMPARE(databaseFingerprint(server->databaseUrl()), before);
    }

    void adminCannotLockItselfOut_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addRow("roles without admin") << QByteArray(R"({"roles": ["customer"]})");
        QTest::addRow("roles supplier and operator") << QByteArray(R"({"roles": ["supplier", "operator"]})");
        QTest::addRow("disabled") << QByteArray(R"({"disabled": true})");
        QTest::addRow("roles without admin and a new name") << QByteArray(R"({"roles": ["operator"], "name": "Ex Admin"})");
    }
    void adminCannotLockItselfOut()
    {
        QFETCH(QByteArray, body);
        PINCART_SERVER(m_servers, server);
        ApiCall admin(server->url());
        QVERIFY(!admin.login(DemoAccounts::Admin, DemoAccounts::Password).isEmpty());
        const qint64 self = me(admin).value(QStringLiteral("id")).toInteger();
        QVERIFY(self > 0);
        const QByteArray before = databaseFingerprint(server->databaseUrl());
        const ApiResponse r = admin.send("PATCH", paths::adminUser(self), body);
        const QString mismatch = problemMismatch(r, 422, QStringLiteral("roles"));
        QVERIFY2(mismatch.isEmpty(), qPrintable(mismatch));
        QCOMPARE(databaseFingerprint(server->databaseUrl()), before);
        QCOMPARE(admin.get(paths::adminUsers()).status, 200);
    }
};

QTEST_GUILESS_MAIN(TestAuthApi)
#include "tst_api_auth.moc"
