// Tokens (HMAC-SHA256, expiry, tampering) and Argon2id password hashes.

#include "clock.h"
#include "passwordhasher.h"
#include "tokenservice.h"

#include <QTest>

using namespace pincart;
using namespace pincart::server;

namespace {

User someone()
{
    User u;
    u.id = 17;
    u.roles = Roles(Role::Supplier) | Role::Customer;
    return u;
}

QByteArray flipCharAt(QByteArray token, qsizetype index)
{
    token[index] = token[index] == 'A' ? 'B' : 'A';
    return token;
}

} // namespace

class TestAuth : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void tokenCarriesItsClaims()
    {
        ManualClock clock(QDateTime(QDate(2026, 11, 25), QTime(9, 0), Qt::UTC));
        TokenService tokens(TokenService::generateKey(), clock, std::chrono::hours(8));
        const Session s = tokens.issue(someone());
        QCOMPARE(s.expiresAt, QDateTime(QDate(2026, 11, 25), QTime(17, 0), Qt::UTC));
        const auto p = tokens.verify(s.token);
        QVERIFY(p.ok());
        QCOMPARE(p->userId, 17);
        QVERIFY(p->has(Role::Supplier));
        QVERIFY(!p->isAdmin());
    }

    void tokenRejected_data()
    {
        QTest::addColumn<QByteArray>("mutation");
        QTest::addRow("empty") << QByteArray("empty");
        QTest::addRow("no dot") << QByteArray("nodot");
        QTest::addRow("payload flipped") << QByteArray("payload");
        QTest::addRow("signature flipped") << QByteArray("signature");
        QTest::addRow("signature truncated") << QByteArray("truncate");
        QTest::addRow("other key") << QByteArray("otherkey");
        QTest::addRow("roles raised in payload") << QByteArray("forged");
        QTest::addRow("expired by a second") << QByteArray("expired");
        QTest::addRow("oversized") << QByteArray("oversized");
    }
    void tokenRejected()
    {
        QFETCH(QByteArray, mutation);
        ManualClock clock(QDateTime(QDate(2026, 11, 25), QTime(9, 0), Qt::UTC));
        TokenService tokens(TokenService::generateKey(), clock, std::chrono::hours(8));
        QByteArray token = tokens.issue(someone()).token;
        const qsizetype dot = token.indexOf('.');
        if (mutation == "empty") {
            token.clear();
        } else if (mutation == "nodot") {
            token.remove(dot, 1);
        } else if (mutation == "payload") {
            token = flipCharAt(token, 3);
        } else if (mutation == "signature") {
            token = flipCharAt(token, dot + 3);
        } else if (mutation == "truncate") {
            token.chop(4);
        } else if (mutation == "otherkey") {
            TokenService other(TokenService::generateKey(), clock);
            token = other.issue(someone()).token;
        } else if (mutation == "forged") {
            const QByteArray claims = R"({"sub":17,"roles":8,"exp":9999999999})";
            token = claims.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals) + token.mid(dot);
        } else if (mutation == "expired") {
            clock.advance(8 * 3600 * 1000);
        } else if (mutation == "oversized") {
            token += QByteArray(2000, 'A');
        }
        const auto p = tokens.verify(token);
        QVERIFY(!p.ok());
        QCOMPARE(p.error().kind(), DomainError::Kind::Unauthorized);
    }

    void tokenValidUntilTheLastSecond()
    {
        ManualClock clock(QDateTime(QDate(2026, 11, 25), QTime(9, 0), Qt::UTC));
        TokenService tokens(TokenService::generateKey(), clock, std::chrono::hours(8));
        const QByteArray token = tokens.issue(someone()).token;
        clock.advance(8 * 3600 * 1000 - 1000);
        QVERIFY(tokens.verify(token).ok());
    }

    void passwordHashes()
    {
        PasswordHasher hasher;
        const auto hash = hasher.hash(QString::fromUtf8("correct horse बैटरी staple"));
        QVERIFY(hash.ok());
        QVERIFY2(hash->startsWith(QLatin1String("$argon2id$")), qPrintable(*hash));
        QVERIFY(hasher.verify(*hash, QString::fromUtf8("correct horse बैटरी staple")));
        QVERIFY(!hasher.verify(*hash, QStringLiteral("correct horse battery staple")));
        QVERIFY(!hasher.verify(*hash, QString()));
        QVERIFY(!hasher.verify(QStringLiteral("not a hash"), QStringLiteral("x")));
        // Salted: the same password never hashes the same twice.
        QVERIFY(*hasher.hash(QStringLiteral("same")) != *hasher.hash(QStringLiteral("same")));
    }
};

QTEST_APPLESS_MAIN(TestAuth)
#include "tst_auth.moc"
