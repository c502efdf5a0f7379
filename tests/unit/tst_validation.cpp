#include "validation.h"

#include <QJsonDocument>
#include <QTest>

using namespace pincart;

namespace {

Category television()
{
    Category c;
    c.id = 101;
    c.name = QStringLiteral("Televisions");
    AttributeSpec size{QStringLiteral("screen_size"), QStringLiteral("Screen size"), AttributeSpec::Type::Number};
    size.unit = QStringLiteral("in");
    size.min = 24;
    size.max = 100;
    size.integer = true;
    size.required = true;
    AttributeSpec panel{QStringLiteral("panel"), QStringLiteral("Panel"), AttributeSpec::Type::Enum};
    panel.values = {QStringLiteral("LED"), QStringLiteral("OLED"), QStringLiteral("QLED")};
    panel.required = true;
    AttributeSpec smart{QStringLiteral("smart"), QStringLiteral("Smart TV"), AttributeSpec::Type::Bool};
    AttributeSpec model{QStringLiteral("model"), QStringLiteral("Model"), AttributeSpec::Type::Text};
    model.maxLength = 10;
    c.attributes = {size, panel, smart, model};
    return c;
}

QStringList fieldsOf(const QList<FieldError> &errors)
{
    QStringList out;
    for (const FieldError &e : errors)
        out << e.field;
    return out;
}

} // namespace

class TestValidation : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void attributes_data()
    {
        QTest::addColumn<QByteArray>("attributes");
        QTest::addColumn<QStringList>("badFields");
        QTest::addRow("valid") << QByteArray(R"({"screen_size":55,"panel":"OLED"})") << QStringList{};
        QTest::addRow("valid with optionals") << QByteArray(R"({"screen_size":55,"panel":"OLED","smart":true,"model":"X1"})") << QStringList{};
        QTest::addRow("missing required") << QByteArray(R"({"panel":"OLED"})") << QStringList{"attributes.screen_size"};
        QTest::addRow("null required") << QByteArray(R"({"screen_size":null,"panel":"OLED"})") << QStringList{"attributes.screen_size"};
        QTest::addRow("below min") << QByteArray(R"({"screen_size":10,"panel":"OLED"})") << QStringList{"attributes.screen_size"};
        QTest::addRow("above max") << QByteArray(R"({"screen_size":101,"panel":"OLED"})") << QStringList{"attributes.screen_size"};
        QTest::addRow("not whole") << QByteArray(R"({"screen_size":55.5,"panel":"OLED"})") << QStringList{"attributes.screen_size"};
        QTest::addRow("number as text") << QByteArray(R"({"screen_size":"55","panel":"OLED"})") << QStringList{"attributes.screen_size"};
        QTest::addRow("enum not listed") << QByteArray(R"({"screen_size":55,"panel":"CRT"})") << QStringList{"attributes.panel"};
        QTest::addRow("enum wrong case") << QByteArray(R"({"screen_size":55,"panel":"oled"})") << QStringList{"attributes.panel"};
        QTest::addRow("bool as string") << QByteArray(R"({"screen_size":55,"panel":"LED","smart":"yes"})") << QStringList{"attributes.smart"};
        QTest::addRow("text too long") << QByteArray(R"({"screen_size":55,"panel":"LED","model":"ABCDEFGHIJK"})") << QStringList{"attributes.model"};
        QTest::addRow("text blank") << QByteArray(R"({"screen_size":55,"panel":"LED","model":"  "})") << QStringList{"attributes.model"};
        QTest::addRow("unknown attribute") << QByteArray(R"({"screen_size":55,"panel":"LED","colour":"red"})") << QStringList{"attributes.colour"};
        QTest::addRow("everything wrong") << QByteArray(R"({"panel":5,"x":1})") << QStringList{"attributes.x", "attributes.screen_size", "attributes.panel"};
    }
    void attributes()
    {
        QFETCH(QByteArray, attributes);
        QFETCH(QStringList, badFields);
        const auto errors = validation::checkAttributes(QJsonDocument::fromJson(attributes).object(), television());
        QCOMPARE(fieldsOf(errors), badFields);
    }

    void itemFields_data()
    {
        QTest::addColumn<QString>("sku");
        QTest::addColumn<QString>("title");
        QTest::addColumn<qint64>("amount");
        QTest::addColumn<QStringList>("badFields");
        QTest::addRow("valid") << "TV-1" << "A good TV" << qint64(100) << QStringList{};
        QTest::addRow("hindi title") << "TV-1" << QString::fromUtf8("बढ़िया टीवी") << qint64(100) << QStringList{};
        QTest::addRow("sku with space") << "TV 1" << "A good TV" << qint64(100) << QStringList{"sku"};
        QTest::addRow("sku starting with dash") << "-TV" << "A good TV" << qint64(100) << QStringList{"sku"};
        QTest::addRow("sku too long") << QString(65, QLatin1Char('A')) << "A good TV" << qint64(100) << QStringList{"sku"};
        QTest::addRow("sql in sku") << "a';DROP" << "A good TV" << qint64(100) << QStringList{"sku"};
        QTest::addRow("title too short") << "TV-1" << "TV" << qint64(100) << QStringList{"title"};
        QTest::addRow("title with newline") << "TV-1" << "A\ngood TV" << qint64(100) << QStringList{"title"};
        QTest::addRow("zero price") << "TV-1" << "A good TV" << qint64(0) << QStringList{"price.amount"};
        QTest::addRow("negative price") << "TV-1" << "A good TV" << qint64(-5) << QStringList{"price.amount"};
    }
    void itemFields()
    {
        QFETCH(QString, sku);
        QFETCH(QString, title);
        QFETCH(qint64, amount);
        QFETCH(QStringList, badFields);
        Item item;
        item.sku = sku;
        item.title = title;
        item.brand = QStringLiteral("Brand");
        item.price = {amount, QStringLiteral("INR")};
        item.attributes = QJsonDocument::fromJson(R"({"screen_size":55,"panel":"OLED"})").object();
        QCOMPARE(fieldsOf(validation::checkItem(item, television())), badFields);
    }

    void accounts_data()
    {
        QTest::addColumn<QString>("email");
        QTest::addColumn<QString>("password");
        QTest::addColumn<QString>("pincode");
        QTest::addColumn<QStringList>("badFields");
        QTest::addRow("valid") << "a@b.in" << "longenough" << "560001" << QStringList{};
        QTest::addRow("no at") << "ab.in" << "longenough" << "560001" << QStringList{"email"};
        QTest::addRow("no domain dot") << "a@b" << "longenough" << "560001" << QStringList{"email"};
        QTest::addRow("space in email") << "a b@c.in" << "longenough" << "560001" << QStringList{"email"};
        QTest::addRow("short password") << "a@b.in" << "short" << "560001" << QStringList{"password"};
        QTest::addRow("huge password") << "a@b.in" << QString(129, QLatin1Char('p')) << "560001" << QStringList{"password"};
        QTest::addRow("pincode leading zero") << "a@b.in" << "longenough" << "012345" << QStringList{"pincode"};
        QTest::addRow("pincode five digits") << "a@b.in" << "longenough" << "56000" << QStringList{"pincode"};
        QTest::addRow("pincode letters") << "a@b.in" << "longenough" << "56000A" << QStringList{"pincode"};
        QTest::addRow("pincode arabic-indic digits") << "a@b.in" << "longenough" << QString::fromUtf8("٥٦٠٠٠١") << QStringList{"pincode"};
    }
    void accounts()
    {
        QFETCH(QString, email);
        QFETCH(QString, password);
        QFETCH(QString, pincode);
        QFETCH(QStringList, badFields);
        QList<FieldError> errors;
        errors << validation::checkEmail(email) << validation::checkPassword(password) << validation::checkPincode(pincode);
        QCOMPARE(fieldsOf(errors), badFields);
    }
};

QTEST_APPLESS_MAIN(TestValidation)
#include "tst_validation.moc"
