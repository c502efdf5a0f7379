// Client parts that need no server: the category tree's construction, attribute text,
// workspaces per role, server address parsing, and the forms' inline validation.

#include "admin/newaccountdialog.h"
#include "apiclient.h"
#include "app/logindialog.h"
#include "app/settings.h"
#include "app/workspaces.h"
#include "models/attributetext.h"
#include "models/categorytreemodel.h"

#include <QAbstractItemModelTester>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>

using namespace pincart;

namespace {

Category category(qint64 id, std::optional<qint64> parent, const QString &name,
                  QList<AttributeSpec> attributes = {})
{
    Category c;
    c.id = id;
    c.parentId = parent;
    c.name = name;
    c.attributes = std::move(attributes);
    return c;
}

AttributeSpec spec(const QString &name, const QString &label, AttributeSpec::Type type,
                   const QString &unit = {})
{
    AttributeSpec s;
    s.name = name;
    s.label = label;
    s.type = type;
    s.unit = unit;
    return s;
}

// Every category reachable from the roots, each once, with its tree parent as its parent_id.
QList<qint64> walk(const CategoryTreeModel &model, const QModelIndex &parent = {})
{
    QList<qint64> ids;
    for (int row = 0; row < model.rowCount(parent); ++row) {
        const QModelIndex index = model.index(row, 0, parent);
        ids << index.data(CategoryTreeModel::CategoryIdRole).toLongLong();
        ids << walk(model, index);
    }
    return ids;
}

} // namespace

class TestClientUnits : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void categoryTreeFollowsParentIds();
    void categoryTreeSurvivesBadParents();
    void categoryAttributesIncludeAncestors();
    void attributeText_data();
    void attributeText();
    void attributeLinesFollowTheSchema();
    void workspaces_data();
    void workspaces();
    void serverUrl_data();
    void serverUrl();
    void settingsRemember();
    void loginFormChecksBeforeSending_data();
    void loginFormChecksBeforeSending();
    void registerFormChecksBeforeSending();
    void newAccountFormChecksBeforeSending();
};

void TestClientUnits::categoryTreeFollowsParentIds()
{
    ApiClient api;
    CategoryTreeModel model(&api);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setCategories({category(1, std::nullopt, QStringLiteral("Electronics")),
                         category(101, 1, QStringLiteral("Televisions")),
                         category(2, std::nullopt, QStringLiteral("Fashion")),
                         category(102, 1, QStringLiteral("Phones")),
                         category(201, 2, QStringLiteral("T-shirts")),
                         category(1011, 101, QStringLiteral("OLED"))});
    QCOMPARE(model.state(), CategoryTreeModel::State::Loaded);
    QCOMPARE(model.rowCount(), 2);
    const QModelIndex electronics = model.index(0, 0);
    QCOMPARE(electronics.data().toString(), QStringLiteral("Electronics"));
    QCOMPARE(model.rowCount(electronics), 2);
    const QModelIndex tvs = model.index(0, 0, electronics);
    QCOMPARE(tvs.data(CategoryTreeModel::CategoryIdRole).toLongLong(), 101);
    QCOMPARE(model.parent(tvs), electronics);
    QCOMPARE(model.rowCount(tvs), 1);
    QCOMPARE(model.index(0, 0, tvs).data().toString(), QStringLiteral("OLED"));
    QCOMPARE(model.indexOfCategory(1011), model.index(0, 0, tvs));
    QCOMPARE(model.indexOfCategory(201).parent(), model.index(1, 0));
    QVERIFY(!model.indexOfCategory(999).isValid());
    QCOMPARE(walk(model).size(), 6);

    model.setCategories({});
    QCOMPARE(model.rowCount(), 0);
}

void TestClientUnits::categoryTreeSurvivesBadParents()
{
    ApiClient api;
    CategoryTreeModel model(&api);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    // 5's parent does not exist; 6 and 7 are each other's parent; 8 hangs off the loop; 1 twice.
    model.setCategories(
        {category(1, std::nullopt, QStringLiteral("Root")),
         category(5, 42, QStringLiteral("Orphan")), category(6, 7, QStringLiteral("Loop A")),
         category(7, 6, QStringLiteral("Loop B")), category(8, 7, QStringLiteral("Below the loop")),
         category(1, std::nullopt, QStringLiteral("Duplicate"))});
    QList<qint64> ids = walk(model);
    std::sort(ids.begin(), ids.end());
    QCOMPARE(ids, (QList<qint64>{1, 5, 6, 7, 8}));
    QCOMPARE(model.category(1)->name, QStringLiteral("Root"));
    QVERIFY(!model.indexOfCategory(5).parent().isValid());
}

void TestClientUnits::categoryAttributesIncludeAncestors()
{
    ApiClient api;
    CategoryTreeModel model(&api);
    model.setCategories(
        {category(
             1, std::nullopt, QStringLiteral("Electronics"),
             {spec(QStringLiteral("warranty"), QStringLiteral("Warranty"),
                   AttributeSpec::Type::Number, QStringLiteral("years")),
              spec(QStringLiteral("colour"), QStringLiteral("Colour"), AttributeSpec::Type::Text)}),
         category(101, 1, QStringLiteral("Televisions"),
                  {spec(QStringLiteral("screen_size"), QStringLiteral("Screen size"),
                        AttributeSpec::Type::Number, QStringLiteral("in")),
                   spec(QStringLiteral("colour"), QStringLiteral("Cabinet colour"),
                        AttributeSpec::Type::Enum)})});
    QStringList labels;
    for (const AttributeSpec &s : model.attributeSpecs(101))
        labels << s.label;
    QCOMPARE(labels, (QStringList{QStringLiteral("Screen size"), QStringLiteral("Cabinet colour"),
                                  QStringLiteral("Warranty")}));
    QVERIFY(model.attributeSpecs(999).isEmpty());
}

void TestClientUnits::attributeText_data()
{
    QTest::addColumn<QJsonValue>("value");
    QTest::addColumn<int>("type");
    QTest::addColumn<QString>("unit");
    QTest::addColumn<QString>("expected");
    const int number = int(AttributeSpec::Type::Number);
    QTest::addRow("number:unit") << QJsonValue(55) << number << QStringLiteral("in")
                                 << QStringLiteral("55 in");
    QTest::addRow("number:fraction")
        << QJsonValue(6.7) << number << QStringLiteral("in") << QStringLiteral("6.7 in");
    QTest::addRow("number:no-unit") << QJsonValue(3) << number << QString() << QStringLiteral("3");
    QTest::addRow("number:large") << QJsonValue(2500000) << number << QStringLiteral("mAh")
                                  << QStringLiteral("2500000 mAh");
    QTest::addRow("bool:true") << QJsonValue(true) << int(AttributeSpec::Type::Bool) << QString()
                               << QStringLiteral("Yes");
    QTest::addRow("bool:false") << QJsonValue(false) << int(AttributeSpec::Type::Bool) << QString()
                                << QStringLiteral("No");
    QTest::addRow("enum") << QJsonValue(QStringLiteral("OLED")) << int(AttributeSpec::Type::Enum)
                          << QString() << QStringLiteral("OLED");
    QTest::addRow("text") << QJsonValue(QStringLiteral("Midnight blue"))
                          << int(AttributeSpec::Type::Text) << QString()
                          << QStringLiteral("Midnight blue");
    QTest::addRow("number:string-value") << QJsonValue(QStringLiteral("55")) << number
                                         << QStringLiteral("in") << QStringLiteral("55");
}

void TestClientUnits::attributeText()
{
    QFETCH(QJsonValue, value);
    QFETCH(int, type);
    QFETCH(QString, unit);
    QFETCH(QString, expected);
    const AttributeSpec s
        = spec(QStringLiteral("a"), QStringLiteral("A"), AttributeSpec::Type(type), unit);
    QCOMPARE(attributeValueText(value, &s), expected);
}

void TestClientUnits::attributeLinesFollowTheSchema()
{
    const QList<AttributeSpec> specs{
        spec(QStringLiteral("screen_size"), QStringLiteral("Screen size"),
             AttributeSpec::Type::Number, QStringLiteral("in")),
        spec(QStringLiteral("smart"), QStringLiteral("Smart TV"), AttributeSpec::Type::Bool),
        spec(QStringLiteral("panel"), QStringLiteral("Panel type"), AttributeSpec::Type::Enum),
        spec(QStringLiteral("hdmi_ports"), QStringLiteral("HDMI ports"),
             AttributeSpec::Type::Number)};
    const QJsonObject attributes{{QStringLiteral("smart"), false},
                                 {QStringLiteral("screen_size"), 55},
                                 {QStringLiteral("panel"), QStringLiteral("OLED")},
                                 {QStringLiteral("legacy_code"), QStringLiteral("X1")}};
    QStringList lines;
    for (const AttributeLine &line : attributeLines(attributes, specs))
        lines << line.toString();
    // Schema order, absent ones skipped, unknown ones last under their own names.
    QCOMPARE(lines,
             (QStringList{QStringLiteral("Screen size: 55 in"), QStringLiteral("Smart TV: No"),
                          QStringLiteral("Panel type: OLED"), QStringLiteral("legacy_code: X1")}));
}

void TestClientUnits::workspaces_data()
{
    QTest::addColumn<QStringList>("roles");
    QTest::addColumn<QStringList>("expected");
    QTest::addRow("customer") << QStringList{QStringLiteral("customer")}
                              << QStringList{QStringLiteral("Storefront")};
    QTest::addRow("supplier") << QStringList{QStringLiteral("supplier")}
                              << QStringList{QStringLiteral("Supplier")};
    QTest::addRow("operator") << QStringList{QStringLiteral("operator")}
                              << QStringList{QStringLiteral("Warehouse")};
    QTest::addRow("admin") << QStringList{QStringLiteral("admin")}
                           << QStringList{QStringLiteral("Storefront"), QStringLiteral("Supplier"),
                                          QStringLiteral("Warehouse"), QStringLiteral("Admin")};
    QTest::addRow("customer+supplier")
        << QStringList{QStringLiteral("supplier"), QStringLiteral("customer")}
        << QStringList{QStringLiteral("Storefront"), QStringLiteral("Supplier")};
    QTest::addRow("none") << QStringList{} << QStringList{};
}

void TestClientUnits::workspaces()
{
    QFETCH(QStringList, roles);
    QFETCH(QStringList, expected);
    const auto parsed = rolesFromNames(roles);
    QVERIFY(parsed);
    QStringList titles;
    for (Workspace w : workspacesFor(*parsed))
        titles << workspaceTitle(w);
    QCOMPARE(titles, expected);
}

void TestClientUnits::serverUrl_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected"); // empty: rejected
    QTest::addRow("plain") << QStringLiteral("http://127.0.0.1:8080")
                           << QStringLiteral("http://127.0.0.1:8080");
    QTest::addRow("trailing-slash") << QStringLiteral("http://shop.example:8080/")
                                    << QStringLiteral("http://shop.example:8080");
    QTest::addRow("https") << QStringLiteral(" https://shop.example ")
                           << QStringLiteral("https://shop.example");
    QTest::addRow("no-scheme") << QStringLiteral("127.0.0.1:8080")
                               << QStringLiteral("http://127.0.0.1:8080");
    QTest::addRow("ftp") << QStringLiteral("ftp://127.0.0.1") << QString();
    QTest::addRow("path") << QStringLiteral("http://127.0.0.1:8080/api/v1") << QString();
    QTest::addRow("query") << QStringLiteral("http://127.0.0.1:8080?x=1") << QString();
    QTest::addRow("user-info") << QStringLiteral("http://me:secret@127.0.0.1") << QString();
    QTest::addRow("empty") << QString() << QString();
    QTest::addRow("spaces") << QStringLiteral("http://a b") << QString();
    QTest::addRow("no-host") << QStringLiteral("http://") << QString();
}

void TestClientUnits::serverUrl()
{
    QFETCH(QString, text);
    QFETCH(QString, expected);
    const auto url = parseServerUrl(text);
    if (expected.isEmpty()) {
        QVERIFY2(!url, qPrintable(url ? url->toString() : QString()));
    } else {
        QVERIFY(url);
        QCOMPARE(url->toString(), expected);
    }
}

void TestClientUnits::settingsRemember()
{
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("pincart.ini"));
    {
        Settings settings(file);
        QCOMPARE(settings.serverUrl(), Settings::defaultServerUrl());
        QVERIFY(settings.lastEmail().isEmpty());
        settings.setServerUrl(QUrl(QStringLiteral("http://shop.example:9000")));
        settings.setLastEmail(QStringLiteral("asha@example.com"));
    }
    Settings settings(file);
    QCOMPARE(settings.serverUrl(), QUrl(QStringLiteral("http://shop.example:9000")));
    QCOMPARE(settings.lastEmail(), QStringLiteral("asha@example.com"));

    ApiClient api;
    LoginDialog dialog(&api, &settings);
    QCOMPARE(dialog.findChild<QLineEdit *>(QStringLiteral("serverUrlEdit"))->text(),
             QStringLiteral("http://shop.example:9000"));
    QCOMPARE(dialog.findChild<QLineEdit *>(QStringLiteral("emailEdit"))->text(),
             QStringLiteral("asha@example.com"));
}

void TestClientUnits::loginFormChecksBeforeSending_data()
{
    QTest::addColumn<QString>("server");
    QTest::addColumn<QString>("email");
    QTest::addColumn<QString>("password");
    QTest::addColumn<QString>("hint"); // the field whose hint must show
    QTest::addRow("email:malformed")
        << QStringLiteral("http://127.0.0.1:8080") << QStringLiteral("not-an-email")
        << QStringLiteral("x") << QStringLiteral("emailEdit");
    QTest::addRow("email:empty") << QStringLiteral("http://127.0.0.1:8080") << QString()
                                 << QStringLiteral("x") << QStringLiteral("emailEdit");
    QTest::addRow("password:empty")
        << QStringLiteral("http://127.0.0.1:8080") << QStringLiteral("a@b.example") << QString()
        << QStringLiteral("passwordEdit");
    QTest::addRow("server:ftp") << QStringLiteral("ftp://127.0.0.1")
                                << QStringLiteral("a@b.example") << QStringLiteral("x")
                                << QStringLiteral("serverUrlEdit");
}

void TestClientUnits::loginFormChecksBeforeSending()
{
    QFETCH(QString, server);
    QFETCH(QString, email);
    QFETCH(QString, password);
    QFETCH(QString, hint);
    QTemporaryDir dir;
    Settings settings(dir.filePath(QStringLiteral("pincart.ini")));
    ApiClient api;
    LoginDialog dialog(&api, &settings);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    for (const auto &[name, text] : {std::pair{QStringLiteral("serverUrlEdit"), server},
                                     std::pair{QStringLiteral("emailEdit"), email},
                                     std::pair{QStringLiteral("passwordEdit"), password}}) {
        auto *edit = dialog.findChild<QLineEdit *>(name);
        QVERIFY(edit);
        edit->clear();
        QTest::keyClicks(edit, text);
    }
    QTest::mouseClick(dialog.findChild<QPushButton *>(QStringLiteral("loginButton")),
                      Qt::LeftButton);
    QVERIFY(!dialog.isBusy()); // nothing was sent
    QVERIFY(!dialog.errorText().isEmpty());
    auto *hintLabel = dialog.findChild<QLabel *>(hint + QStringLiteral("Hint"));
    QVERIFY(hintLabel);
    QVERIFY(hintLabel->isVisible());
    QVERIFY(!hintLabel->text().isEmpty());
}

void TestClientUnits::registerFormChecksBeforeSending()
{
    QTemporaryDir dir;
    Settings settings(dir.filePath(QStringLiteral("pincart.ini")));
    ApiClient api;
    LoginDialog dialog(&api, &settings);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QTest::mouseClick(dialog.findChild<QPushButton *>(QStringLiteral("showRegisterButton")),
                      Qt::LeftButton);
    auto *register_ = dialog.findChild<QPushButton *>(QStringLiteral("registerButton"));
    QVERIFY(register_->isVisible());
    QTest::keyClicks(dialog.findChild<QLineEdit *>(QStringLiteral("registerNameEdit")),
                     QStringLiteral("Asha Rao"));
    QTest::keyClicks(dialog.findChild<QLineEdit *>(QStringLiteral("registerEmailEdit")),
                     QStringLiteral("asha@example.com"));
    QTest::keyClicks(dialog.findChild<QLineEdit *>(QStringLiteral("registerPasswordEdit")),
                     QStringLiteral("short"));
    QTest::keyClicks(dialog.findChild<QLineEdit *>(QStringLiteral("registerPincodeEdit")),
                     QStringLiteral("012345"));
    QTest::mouseClick(register_, Qt::LeftButton);
    QVERIFY(!dialog.isBusy());
    QVERIFY(dialog.errorText().contains(QStringLiteral("password")));
    QVERIFY(dialog.errorText().contains(QStringLiteral("pincode")));
    QVERIFY(dialog.findChild<QLabel *>(QStringLiteral("registerPincodeEditHint"))->isVisible());
    QVERIFY(!dialog.findChild<QLabel *>(QStringLiteral("registerEmailEditHint"))->isVisible());
    // Fixing a field clears its hint as the user types.
    auto *pincode = dialog.findChild<QLineEdit *>(QStringLiteral("registerPincodeEdit"));
    pincode->selectAll();
    QTest::keyClicks(pincode, QStringLiteral("560001"));
    QVERIFY(!dialog.findChild<QLabel *>(QStringLiteral("registerPincodeEditHint"))->isVisible());
}

void TestClientUnits::newAccountFormChecksBeforeSending()
{
    ApiClient api;
    NewAccountDialog dialog(&api);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QTest::keyClicks(dialog.findChild<QLineEdit *>(QStringLiteral("accountEmailEdit")),
                     QStringLiteral("ops@"));
    QTest::keyClicks(dialog.findChild<QLineEdit *>(QStringLiteral("accountNameEdit")),
                     QStringLiteral("Ops"));
    QTest::keyClicks(dialog.findChild<QLineEdit *>(QStringLiteral("accountPasswordEdit")),
                     QStringLiteral("long-enough-password"));
    QTest::mouseClick(dialog.findChild<QPushButton *>(QStringLiteral("createAccountButton")),
                      Qt::LeftButton);
    QVERIFY(!dialog.isBusy());
    QVERIFY(dialog.isVisible());
    QVERIFY(dialog.errorText().contains(QStringLiteral("email")));
}

QTEST_MAIN(TestClientUnits)
#include "tst_clientunits.moc"
