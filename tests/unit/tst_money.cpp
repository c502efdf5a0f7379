#include "money.h"

#include <QTest>

using namespace pincart;

class TestMoney : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void display_data()
    {
        QTest::addColumn<qint64>("amount");
        QTest::addColumn<QString>("currency");
        QTest::addColumn<QString>("expected");
        QTest::addRow("zero") << qint64(0) << "INR" << QString::fromUtf8("₹0.00");
        QTest::addRow("paise only") << qint64(5) << "INR" << QString::fromUtf8("₹0.05");
        QTest::addRow("hundreds") << qint64(29900) << "INR" << QString::fromUtf8("₹299.00");
        QTest::addRow("thousands") << qint64(129950) << "INR" << QString::fromUtf8("₹1,299.50");
        QTest::addRow("lakh grouping") << qint64(12345678900) << "INR" << QString::fromUtf8("₹12,34,56,789.00");
        QTest::addRow("negative") << qint64(-150) << "INR" << QString::fromUtf8("-₹1.50");
        QTest::addRow("other currency") << qint64(1999) << "USD" << QStringLiteral("19.99 USD");
    }
    void display()
    {
        QFETCH(qint64, amount);
        QFETCH(QString, currency);
        QFETCH(QString, expected);
        QCOMPARE((Money{amount, currency}.toDisplayString()), expected);
    }

    void parse_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<qint64>("expected"); // -1: rejected
        QTest::addRow("integer") << "1299" << qint64(129900);
        QTest::addRow("one decimal") << "1299.5" << qint64(129950);
        QTest::addRow("two decimals") << "0.05" << qint64(5);
        QTest::addRow("grouped") << "1,299.50" << qint64(129950);
        QTest::addRow("spaces around") << "  42 " << qint64(4200);
        QTest::addRow("three decimals") << "1.999" << qint64(-1);
        QTest::addRow("two points") << "1.2.3" << qint64(-1);
        QTest::addRow("negative") << "-5" << qint64(-1);
        QTest::addRow("letters") << "12a" << qint64(-1);
        QTest::addRow("empty") << "" << qint64(-1);
        QTest::addRow("exponent") << "1e5" << qint64(-1);
        QTest::addRow("devanagari digits") << QString::fromUtf8("१२") << qint64(-1);
        QTest::addRow("over the maximum") << "99999999999" << qint64(-1);
        QTest::addRow("overflow attempt") << "99999999999999999999" << qint64(-1);
    }
    void parse()
    {
        QFETCH(QString, text);
        QFETCH(qint64, expected);
        const auto parsed = Money::parseMinorUnits(text);
        QCOMPARE(parsed.value_or(-1), expected);
    }
};

QTEST_APPLESS_MAIN(TestMoney)
#include "tst_money.moc"
