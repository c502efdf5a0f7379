// The supplier's generated item form, without a server: AttributeForm builds the right editor
// for each attribute of a category's schema (type, unit, range, required marking), reads the
// editors back as the attributes JSON the shared validation accepts, and reports what is
// missing; ItemForm adds the fixed fields, the price in rupees and PATCH-style changes.

#include "attributefill.h"
#include "models/categorytreemodel.h"
#include "supplier/attributeform.h"
#include "supplier/categorycombo.h"
#include "supplier/itemform.h"
#include "validation.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSpinBox>
#include <QTest>

using namespace pincart;
using pincart::test::fillLikeAUser;

namespace {

AttributeSpec spec(const QString &name, const QString &label, AttributeSpec::Type type,
                   bool required)
{
    AttributeSpec s;
    s.name = name;
    s.label = label;
    s.type = type;
    s.required = required;
    return s;
}

AttributeSpec number(const QString &name, const QString &label, double min, double max,
                     bool integer, const QString &unit, bool required)
{
    AttributeSpec s = spec(name, label, AttributeSpec::Type::Number, required);
    s.min = min;
    s.max = max;
    s.integer = integer;
    s.unit = unit;
    return s;
}

AttributeSpec choice(const QString &name, const QString &label, const QStringList &values,
                     bool required)
{
    AttributeSpec s = spec(name, label, AttributeSpec::Type::Enum, required);
    s.values = values;
    return s;
}

// A TV: a required whole number with a unit, a required enum, an optional bool, an optional
// decimal number and an optional text.
Category television()
{
    Category c;
    c.id = 101;
    c.parentId = 1;
    c.name = QStringLiteral("Televisions");
    c.slug = QStringLiteral("televisions");
    c.attributes = {
        number(QStringLiteral("screen_size"), QStringLiteral("Screen size"), 24, 100, true,
               QStringLiteral("in"), true),
        choice(QStringLiteral("panel"), QStringLiteral("Panel"),
               {QStringLiteral("LED"), QStringLiteral("OLED"), QStringLiteral("QLED")}, true),
        spec(QStringLiteral("smart"), QStringLiteral("Smart TV"), AttributeSpec::Type::Bool, false),
        number(QStringLiteral("weight"), QStringLiteral("Weight"), 2.5, 40, false,
               QStringLiteral("kg"), false),
        spec(QStringLiteral("model_name"), QStringLiteral("Model name"), AttributeSpec::Type::Text,
             false),
    };
    c.attributes[4].maxLength = 30;
    return c;
}

// A T-shirt: enums only, the collar optional; and a required bool.
Category tshirt()
{
    Category c;
    c.id = 201;
    c.parentId = 2;
    c.name = QStringLiteral("T-shirts");
    c.slug = QStringLiteral("t-shirts");
    c.attributes = {
        choice(QStringLiteral("colour"), QStringLiteral("Colour"),
               {QStringLiteral("Black"), QStringLiteral("White"), QStringLiteral("Navy")}, true),
        choice(
            QStringLiteral("size"), QStringLiteral("Size"),
            {QStringLiteral("S"), QStringLiteral("M"), QStringLiteral("L"), QStringLiteral("XL")},
            true),
        choice(QStringLiteral("collar"), QStringLiteral("Collar"),
               {QStringLiteral("Round"), QStringLiteral("V-neck"), QStringLiteral("Polo")}, false),
        spec(QStringLiteral("organic"), QStringLiteral("Organic cotton"), AttributeSpec::Type::Bool,
             true),
    };
    return c;
}

Category categoryNamed(const QString &name)
{
    return name == QLatin1String("tv") ? television() : tshirt();
}

QJsonObject json(const char *text)
{
    return QJsonDocument::fromJson(QByteArray(text)).object();
}

QString jsonText(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

QString errorsText(const QList<FieldError> &errors)
{
    QStringList lines;
    for (const FieldError &e : errors)
        lines << e.field + QStringLiteral(": ") + e.message;
    return lines.join(QStringLiteral("; "));
}

} // namespace

class TestAttributeForm : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void editorPerAttribute_data();
    void editorPerAttribute();
    void readBack_data();
    void readBack();
    void requiredLeftEmpty_data();
    void requiredLeftEmpty();
    void serverErrorsUnderTheirEditors();
    void newCategoryNewEditors();
    void categoryComboListsLeaves();
    void itemFormChecksFixedFields();
    void itemFormEditSendsChangesOnly();
};

void TestAttributeForm::editorPerAttribute_data()
{
    QTest::addColumn<QString>("category");
    QTest::addColumn<QString>("attribute");
    QTest::addColumn<QString>("editorClass");
    QTest::addColumn<bool>("required");
    QTest::addColumn<QString>("suffix"); // numbers
    QTest::addColumn<double>("low");     // numbers: the schema's range
    QTest::addColumn<double>("high");
    QTest::addColumn<int>("choices"); // enums: entries, the empty one included

    QTest::addRow("tv:screen_size") << "tv"
                                    << "screen_size"
                                    << "QSpinBox" << true << " in" << 24.0 << 100.0 << 0;
    QTest::addRow("tv:panel") << "tv"
                              << "panel"
                              << "QComboBox" << true << "" << 0.0 << 0.0 << 3;
    QTest::addRow("tv:smart") << "tv"
                              << "smart"
                              << "QCheckBox" << false << "" << 0.0 << 0.0 << 0;
    QTest::addRow("tv:weight") << "tv"
                               << "weight"
                               << "QDoubleSpinBox" << false << " kg" << 2.5 << 40.0 << 0;
    QTest::addRow("tv:model_name") << "tv"
                                   << "model_name"
                                   << "QLineEdit" << false << "" << 0.0 << 0.0 << 0;
    QTest::addRow("tshirt:colour") << "tshirt"
                                   << "colour"
                                   << "QComboBox" << true << "" << 0.0 << 0.0 << 3;
    QTest::addRow("tshirt:size") << "tshirt"
                                 << "size"
                                 << "QComboBox" << true << "" << 0.0 << 0.0 << 4;
    QTest::addRow("tshirt:collar") << "tshirt"
                                   << "collar"
                                   << "QComboBox" << false << "" << 0.0 << 0.0 << 4;
    QTest::addRow("tshirt:organic") << "tshirt"
                                    << "organic"
                                    << "QCheckBox" << true << "" << 0.0 << 0.0 << 0;
}

void TestAttributeForm::editorPerAttribute()
{
    QFETCH(QString, category);
    QFETCH(QString, attribute);
    QFETCH(QString, editorClass);
    QFETCH(bool, required);
    QFETCH(QString, suffix);
    QFETCH(double, low);
    QFETCH(double, high);
    QFETCH(int, choices);

    AttributeForm form;
    const Category schema = categoryNamed(category);
    form.setCategory(schema);
    const AttributeSpec *spec = schema.attribute(attribute);
    QVERIFY(spec);

    // Found by name, as tests and accessibility tools find it.
    auto *editor = form.findChild<QWidget *>(QStringLiteral("attr.") + attribute);
    QVERIFY(editor);
    QCOMPARE(editor, form.editor(attribute));
    QCOMPARE(QString::fromLatin1(editor->metaObject()->className()), editorClass);

    // Required: a bold label ending in " *"; optional: a plain one.
    auto *label
        = form.findChild<QLabel *>(QStringLiteral("attr.") + attribute + QStringLiteral("Label"));
    QVERIFY(label);
    QCOMPARE(label->text(), required ? spec->label + QStringLiteral(" *") : spec->label);
    QCOMPARE(label->font().bold(), required);
    QCOMPARE(label->buddy(), editor);
    auto *hint
        = form.findChild<QLabel *>(QStringLiteral("attr.") + attribute + QStringLiteral("Hint"));
    QVERIFY(hint);
    QVERIFY(hint->isHidden());

    if (auto *spin = qobject_cast<QSpinBox *>(editor)) {
        QCOMPARE(spin->suffix(), suffix);
        // One step under the schema's minimum stands for "not stated", and is where it starts.
        QCOMPARE(spin->minimum(), int(low) - 1);
        QCOMPARE(spin->maximum(), int(high));
        QVERIFY(!spin->specialValueText().isEmpty());
        QCOMPARE(spin->value(), spin->minimum());
    } else if (auto *doubleSpin = qobject_cast<QDoubleSpinBox *>(editor)) {
        QCOMPARE(doubleSpin->suffix(), suffix);
        QCOMPARE(doubleSpin->minimum() + doubleSpin->singleStep(), low);
        QCOMPARE(doubleSpin->maximum(), high);
        QVERIFY(!doubleSpin->specialValueText().isEmpty());
        QCOMPARE(doubleSpin->value(), doubleSpin->minimum());
    } else if (auto *combo = qobject_cast<QComboBox *>(editor)) {
        QCOMPARE(combo->count(), choices);
        if (required) {
            QCOMPARE(combo->currentIndex(), -1); // nothing chosen until the user chooses
            QVERIFY(!combo->placeholderText().isEmpty());
            QCOMPARE(combo->itemText(0), spec->values.constFirst());
        } else {
            QCOMPARE(combo->currentIndex(), 0); // the empty choice
            QVERIFY(combo->itemText(0).isEmpty());
            QVERIFY(!combo->itemData(0).isValid());
        }
    } else if (auto *box = qobject_cast<QCheckBox *>(editor)) {
        // An optional bool can be left unstated: partly checked.
        QCOMPARE(box->isTristate(), !required);
        QCOMPARE(box->checkState(), required ? Qt::Unchecked : Qt::PartiallyChecked);
    } else if (auto *edit = qobject_cast<QLineEdit *>(editor)) {
        QCOMPARE(edit->maxLength(), spec->maxLength);
    }
    // Nothing stated yet: nothing read back.
    QVERIFY(!form.attributes().contains(attribute) || editorClass == QLatin1String("QCheckBox"));
}

void TestAttributeForm::readBack_data()
{
    QTest::addColumn<QString>("category");
    QTest::addColumn<QJsonObject>("typed");    // what the user sets
    QTest::addColumn<QJsonObject>("expected"); // what the form reads back

    QTest::addRow("tv:everything")
        << "tv" << json(R"({"screen_size": 55, "panel": "OLED", "smart": true, "weight": 14.5,
                    "model_name": "X90K"})")
        << json(R"({"screen_size": 55, "panel": "OLED", "smart": true, "weight": 14.5,
                    "model_name": "X90K"})");
    QTest::addRow("tv:required only") << "tv" << json(R"({"screen_size": 24, "panel": "LED"})")
                                      << json(R"({"screen_size": 24, "panel": "LED"})");
    QTest::addRow("tv:not smart")
        << "tv" << json(R"({"screen_size": 100, "panel": "QLED", "smart": false})")
        << json(R"({"screen_size": 100, "panel": "QLED", "smart": false})");
    QTest::addRow("tv:text trimmed")
        << "tv" << json(R"({"screen_size": 43, "panel": "LED", "model_name": "  A1  "})")
        << json(R"({"screen_size": 43, "panel": "LED", "model_name": "A1"})");
    QTest::addRow("tshirt:everything")
        << "tshirt"
        << json(R"({"colour": "Navy", "size": "XL", "collar": "V-neck", "organic": true})")
        << json(R"({"colour": "Navy", "size": "XL", "collar": "V-neck", "organic": true})");
    // A required bool left alone is a plain "no"; the optional collar is left out.
    QTest::addRow("tshirt:required only")
        << "tshirt" << json(R"({"colour": "Black", "size": "S"})")
        << json(R"({"colour": "Black", "size": "S", "organic": false})");
}

void TestAttributeForm::readBack()
{
    QFETCH(QString, category);
    QFETCH(QJsonObject, typed);
    QFETCH(QJsonObject, expected);

    AttributeForm form;
    const Category schema = categoryNamed(category);
    form.setCategory(schema);
    fillLikeAUser(form, typed);
    if (QTest::currentTestFailed())
        return;
    const QJsonObject attributes = form.attributes();
    QCOMPARE(jsonText(attributes), jsonText(expected));
    // What the server will check, with the same code.
    const QList<FieldError> errors = validation::checkAttributes(attributes, schema);
    QVERIFY2(errors.isEmpty(), qPrintable(errorsText(errors)));
    QVERIFY(form.validate().isEmpty());

    // Back in (an item being edited): the same editors, the same JSON.
    AttributeForm again;
    again.setCategory(schema);
    again.setAttributes(attributes);
    QCOMPARE(jsonText(again.attributes()), jsonText(expected));
}

void TestAttributeForm::requiredLeftEmpty_data()
{
    QTest::addColumn<QString>("category");
    QTest::addColumn<QJsonObject>("typed");
    QTest::addColumn<QString>("missing"); // the required attribute left empty

    QTest::addRow("tv:panel") << "tv" << json(R"({"screen_size": 55})") << "panel";
    QTest::addRow("tv:screen_size") << "tv" << json(R"({"panel": "LED"})") << "screen_size";
    QTest::addRow("tshirt:size") << "tshirt" << json(R"({"colour": "White"})") << "size";
    QTest::addRow("tshirt:colour")
        << "tshirt" << json(R"({"size": "M", "collar": "Polo"})") << "colour";
}

void TestAttributeForm::requiredLeftEmpty()
{
    QFETCH(QString, category);
    QFETCH(QJsonObject, typed);
    QFETCH(QString, missing);

    AttributeForm form;
    form.setCategory(categoryNamed(category));
    fillLikeAUser(form, typed);
    if (QTest::currentTestFailed())
        return;
    QVERIFY(!form.attributes().contains(missing));

    const QList<FieldError> errors = form.validate();
    QCOMPARE(errors.size(), 1);
    QCOMPARE(errors.constFirst().field, QStringLiteral("attributes.") + missing);
    QCOMPARE(errors.constFirst().message, QStringLiteral("is required"));
    // Shown next to the editor, and only there.
    auto *hint
        = form.findChild<QLabel *>(QStringLiteral("attr.") + missing + QStringLiteral("Hint"));
    QVERIFY(hint);
    QVERIFY(!hint->isHidden());
    QCOMPARE(hint->text(), QStringLiteral("is required"));
    QCOMPARE(form.errorText(missing), QStringLiteral("is required"));
    for (const AttributeSpec &spec : form.category().attributes) {
        if (spec.name != missing)
            QVERIFY2(form.errorText(spec.name).isEmpty(), qPrintable(spec.name));
    }

    // Fixed: the hint goes.
    if (auto *combo = qobject_cast<QComboBox *>(form.editor(missing)))
        combo->setCurrentIndex(0);
    else if (auto *spin = qobject_cast<QSpinBox *>(form.editor(missing)))
        spin->setValue(spin->maximum());
    QVERIFY(form.validate().isEmpty());
    QVERIFY(hint->isHidden());
}

// The server's errors name attributes as JSON paths or, for CSV rows, as columns.
void TestAttributeForm::serverErrorsUnderTheirEditors()
{
    AttributeForm form;
    form.setCategory(tshirt());
    const QList<FieldError> rest = form.showErrors({
        {QStringLiteral("attributes.colour"), QStringLiteral("must be one of: Black, White, Navy")},
        {QStringLiteral("attr.size"), QStringLiteral("is required")},
        {QStringLiteral("attributes.sleeve"), QStringLiteral("is not an attribute of T-shirts")},
        {QStringLiteral("sku"), QStringLiteral("is taken")},
    });
    QCOMPARE(form.errorText(QStringLiteral("colour")),
             QStringLiteral("must be one of: Black, White, Navy"));
    QCOMPARE(form.errorText(QStringLiteral("size")), QStringLiteral("is required"));
    QVERIFY(form.errorText(QStringLiteral("collar")).isEmpty());
    QCOMPARE(rest.size(), 2); // no editor for these here
    QCOMPARE(rest.at(0).field, QStringLiteral("attributes.sleeve"));
    QCOMPARE(rest.at(1).field, QStringLiteral("sku"));
    form.clearErrors();
    QVERIFY(form.errorText(QStringLiteral("colour")).isEmpty());
}

void TestAttributeForm::newCategoryNewEditors()
{
    AttributeForm form;
    form.setCategory(television());
    QVERIFY(form.findChild<QWidget *>(QStringLiteral("attr.panel")));
    form.setCategory(tshirt());
    QTRY_VERIFY(!form.findChild<QWidget *>(QStringLiteral("attr.panel"))); // deleted later
    QVERIFY(!form.editor(QStringLiteral("panel")));
    QVERIFY(form.editor(QStringLiteral("collar")));
    QCOMPARE(form.findChildren<QComboBox *>().size(), 3);
    QVERIFY(form.findChild<QLabel *>(QStringLiteral("noAttributesLabel"))->isHidden());

    Category plain;
    plain.id = 9;
    plain.name = QStringLiteral("Plain");
    form.setCategory(plain);
    QVERIFY(form.attributes().isEmpty());
    QVERIFY(form.validate().isEmpty());
    QVERIFY(!form.findChild<QLabel *>(QStringLiteral("noAttributesLabel"))->isHidden());
}

// The category choice lists the leaves of the tree, with their path.
void TestAttributeForm::categoryComboListsLeaves()
{
    ApiClient api;
    CategoryTreeModel tree(&api);
    Category electronics;
    electronics.id = 1;
    electronics.name = QStringLiteral("Electronics");
    Category fashion;
    fashion.id = 2;
    fashion.name = QStringLiteral("Fashion");
    CategoryCombo combo(&tree);
    QCOMPARE(combo.count(), 0);
    QVERIFY(!combo.categoryId());

    tree.setCategories({electronics, fashion, television(), tshirt()});
    QCOMPARE(combo.count(), 2);
    QCOMPARE(combo.itemText(0), QStringLiteral("Electronics › Televisions"));
    QCOMPARE(combo.itemText(1), QStringLiteral("Fashion › T-shirts"));
    QVERIFY(!combo.categoryId()); // nothing chosen for the user
    QVERIFY(combo.setCategoryId(201));
    QCOMPARE(combo.categoryId(), std::optional<qint64>(201));
    QVERIFY(!combo.setCategoryId(2)); // not a leaf
    QVERIFY(tree.isLeaf(101));
    QVERIFY(!tree.isLeaf(1));

    // Reloaded: the choice stays.
    combo.setCategoryId(201);
    tree.setCategories({electronics, fashion, television(), tshirt()});
    QCOMPARE(combo.categoryId(), std::optional<qint64>(201));
}

void TestAttributeForm::itemFormChecksFixedFields()
{
    ItemForm form(ItemForm::Mode::Create);
    form.setCategory(tshirt());
    auto *sku = form.findChild<QLineEdit *>(QStringLiteral("skuEdit"));
    auto *title = form.findChild<QLineEdit *>(QStringLiteral("titleEdit"));
    auto *description = form.findChild<QPlainTextEdit *>(QStringLiteral("descriptionEdit"));
    auto *brand = form.findChild<QLineEdit *>(QStringLiteral("brandEdit"));
    auto *price = form.findChild<QLineEdit *>(QStringLiteral("priceEdit"));
    QVERIFY(sku && title && description && brand && price);
    auto hint = [&](const char *name) {
        auto *label = form.findChild<QLabel *>(QLatin1String(name) + QStringLiteral("Hint"));
        return label && !label->isHidden() ? label->text() : QString();
    };

    // Nothing typed: every required field says so, under itself.
    QList<FieldError> errors = form.validate();
    QStringList fields;
    for (const FieldError &e : errors)
        fields << e.field;
    QCOMPARE(fields, (QStringList{"sku", "title", "brand", "attributes.colour", "attributes.size",
                                  "price"}));
    QVERIFY(!hint("skuEdit").isEmpty());
    QCOMPARE(hint("priceEdit"), QStringLiteral("is required"));
    QVERIFY(hint("descriptionEdit").isEmpty()); // optional
    QCOMPARE(form.errorText(QStringLiteral("attributes.size")), QStringLiteral("is required"));
    QVERIFY(form.unplacedErrors().isEmpty());

    // After a first check the form follows every change.
    QTest::keyClicks(title, QStringLiteral("ab"));
    QCOMPARE(hint("titleEdit"), QStringLiteral("must have at least 3 characters"));
    QTest::keyClicks(title, QStringLiteral("c tee"));
    QVERIFY(hint("titleEdit").isEmpty());
    QTest::keyClicks(price, QStringLiteral("12,99.5x"));
    QCOMPARE(hint("priceEdit"), QStringLiteral("is not a price in rupees (as 1299 or 1299.50)"));
    price->clear();
    QTest::keyClicks(price, QStringLiteral("0"));
    QCOMPARE(hint("priceEdit"), QStringLiteral("must be greater than zero"));
    price->clear();
    QTest::keyClicks(price, QStringLiteral("1,299.50"));
    QVERIFY(hint("priceEdit").isEmpty());
    QTest::keyClicks(sku, QStringLiteral("bad sku"));
    QVERIFY(!hint("skuEdit").isEmpty());
    sku->clear();
    QTest::keyClicks(sku, QStringLiteral("TS-NAVY-XL"));
    QTest::keyClicks(brand, QStringLiteral("Kirana Threads"));
    QTest::keyClicks(description, QStringLiteral("Soft cotton."));
    fillLikeAUser(*form.attributeForm(), json(R"({"colour": "Navy", "size": "XL"})"));
    errors = form.validate();
    QVERIFY2(errors.isEmpty(), qPrintable(errorsText(errors)));

    const ItemInput input = form.input();
    QCOMPARE(input.sku, std::optional<QString>(QStringLiteral("TS-NAVY-XL")));
    QCOMPARE(input.title, std::optional<QString>(QStringLiteral("abc tee")));
    QCOMPARE(input.description, std::optional<QString>(QStringLiteral("Soft cotton.")));
    QCOMPARE(input.categoryId, std::optional<qint64>(201));
    QVERIFY(input.price);
    QCOMPARE(input.price->amount, 129950);
    QCOMPARE(jsonText(*input.attributes),
             jsonText(json(R"({"colour": "Navy", "size": "XL", "organic": false})")));

    // Server errors go under their fields too; what has no field comes back.
    const QList<FieldError> rest = form.showErrors(
        {{QStringLiteral("sku"), QStringLiteral("is already used by another of your items")},
         {QStringLiteral("category_id"), QStringLiteral("no such category")}});
    QCOMPARE(hint("skuEdit"), QStringLiteral("is already used by another of your items"));
    QCOMPARE(rest.size(), 1);
    QCOMPARE(rest.constFirst().field, QStringLiteral("category_id"));

    form.clearValues();
    QVERIFY(sku->text().isEmpty() && price->text().isEmpty());
    QVERIFY(hint("skuEdit").isEmpty());
    QVERIFY(!form.attributeForm()->attributes().contains(QStringLiteral("colour")));
}

void TestAttributeForm::itemFormEditSendsChangesOnly()
{
    Item item;
    item.id = 7;
    item.supplierId = 3;
    item.sku = QStringLiteral("TS-BLACK-M");
    item.title = QStringLiteral("Plain black tee");
    item.description = QStringLiteral("Cotton.");
    item.brand = QStringLiteral("Kirana Threads");
    item.categoryId = 201;
    item.price = Money{49900, QStringLiteral("INR")};
    item.attributes = json(R"({"colour": "Black", "size": "M", "organic": false})");

    ItemForm form(ItemForm::Mode::Edit);
    form.setItem(item, tshirt());
    QVERIFY(!form.findChild<QLineEdit *>(QStringLiteral("skuEdit"))); // the SKU stays
    QCOMPARE(form.findChild<QLabel *>(QStringLiteral("skuLabel"))->text(), item.sku);
    auto *price = form.findChild<QLineEdit *>(QStringLiteral("priceEdit"));
    auto *title = form.findChild<QLineEdit *>(QStringLiteral("titleEdit"));
    QCOMPARE(price->text(), QStringLiteral("499.00"));
    QCOMPARE(title->text(), item.title);
    QVERIFY(form.validate().isEmpty());

    // Untouched: nothing to send.
    ItemInput input = form.input();
    QVERIFY(!input.title && !input.price && !input.attributes && !input.sku && !input.brand);

    price->setText(QStringLiteral("450"));
    input = form.input();
    QVERIFY(input.price && !input.title && !input.attributes);
    QCOMPARE(input.price->amount, 45000);

    fillLikeAUser(*form.attributeForm(), json(R"({"collar": "Polo"})"));
    input = form.input();
    QVERIFY(input.attributes);
    QCOMPARE(jsonText(*input.attributes),
             jsonText(json(R"({"colour": "Black", "size": "M", "collar": "Polo",
                               "organic": false})")));

    // The whole item is checked, as the server checks it after the update.
    title->setText(QStringLiteral("x"));
    const QList<FieldError> errors = form.validate();
    QCOMPARE(errors.size(), 1);
    QCOMPARE(form.errorText(QStringLiteral("title")),
             QStringLiteral("must have at least 3 characters"));
}

QTEST_MAIN(TestAttributeForm)
#include "tst_attributeform.moc"
