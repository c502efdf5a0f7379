#include "itemform.h"

#include "jsonkeys.h"
#include "supplier/attributeform.h"
#include "validation.h"

#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QVBoxLayout>

namespace pincart {

namespace {

constexpr QLatin1StringView PriceField{"price"};

// "1299.50" for 129950 paise: what Money::parseMinorUnits reads back.
QString rupeesText(qint64 paise)
{
    return QStringLiteral("%1.%2").arg(paise / 100).arg(paise % 100, 2, 10, QLatin1Char('0'));
}

// Where a field error is shown: the fixed field it names ("price.amount" under price).
QString fixedFieldOf(const QString &field)
{
    if (field == PriceField
        || (field.startsWith(PriceField) && field.at(PriceField.size()) == u'.'))
        return QString(PriceField);
    return field;
}

QLabel *newHint(const QString &objectName)
{
    auto *hint = new QLabel;
    hint->setObjectName(objectName);
    hint->setWordWrap(true);
    hint->setTextFormat(Qt::PlainText);
    QPalette palette = hint->palette();
    palette.setColor(QPalette::WindowText, QColor(0xb0, 0x00, 0x20));
    hint->setPalette(palette);
    hint->setVisible(false);
    return hint;
}

} // namespace

QStringList fieldErrorLines(const QList<FieldError> &errors)
{
    QStringList lines;
    for (const FieldError &e : errors)
        lines << (e.field.isEmpty() ? e.message : e.field + QStringLiteral(": ") + e.message);
    return lines;
}

ItemForm::ItemForm(Mode mode, QWidget *parent)
    : QWidget(parent)
    , m_mode(mode)
    , m_categoryName(new QLabel)
    , m_title(new QLineEdit)
    , m_price(new QLineEdit)
    , m_attributes(new AttributeForm)
{
    auto *fixed = new QFormLayout;
    fixed->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    // A row "label: [editor]" with the field's hint under the editor.
    auto addRow = [&](const QString &text, bool required, QWidget *editor, const QString &name,
                      const QString &field) {
        editor->setObjectName(name);
        auto *label = new QLabel(required ? text + QStringLiteral(" *") : text);
        label->setObjectName(name + QStringLiteral("Caption"));
        if (required) {
            QFont font = label->font();
            font.setBold(true);
            label->setFont(font);
        }
        label->setBuddy(editor);
        QLabel *hint = newHint(name + QStringLiteral("Hint"));
        m_hints.insert(field, hint);
        auto *cell = new QVBoxLayout;
        cell->setSpacing(2);
        cell->addWidget(editor);
        cell->addWidget(hint);
        fixed->addRow(label, cell);
    };

    m_categoryName->setObjectName(QStringLiteral("categoryNameLabel"));
    m_categoryName->setTextFormat(Qt::PlainText);
    if (mode == Mode::Edit) {
        m_skuLabel = new QLabel;
        m_skuLabel->setObjectName(QStringLiteral("skuLabel"));
        m_skuLabel->setTextFormat(Qt::PlainText);
        m_skuLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
        fixed->addRow(tr("Category:"), m_categoryName);
        fixed->addRow(tr("SKU:"), m_skuLabel);
        addRow(tr("&Title"), true, m_title, QStringLiteral("titleEdit"), QString(keys::Title));
        addRow(tr("&Price (₹)"), true, m_price, QStringLiteral("priceEdit"), QString(PriceField));
    } else {
        m_categoryName->setVisible(false); // the workspace's category choice says it
        m_sku = new QLineEdit;
        m_sku->setMaxLength(validation::SkuMax);
        m_description = new QPlainTextEdit;
        m_description->setTabChangesFocus(true);
        m_description->setMaximumHeight(m_description->fontMetrics().lineSpacing() * 5);
        m_brand = new QLineEdit;
        m_brand->setMaxLength(validation::BrandMax);
        addRow(tr("&SKU"), true, m_sku, QStringLiteral("skuEdit"), QString(keys::Sku));
        addRow(tr("&Title"), true, m_title, QStringLiteral("titleEdit"), QString(keys::Title));
        addRow(tr("&Description"), false, m_description, QStringLiteral("descriptionEdit"),
               QString(keys::Description));
        addRow(tr("&Brand"), true, m_brand, QStringLiteral("brandEdit"), QString(keys::Brand));
        addRow(tr("&Price (₹)"), true, m_price, QStringLiteral("priceEdit"), QString(PriceField));
        connect(m_sku, &QLineEdit::textChanged, this, &ItemForm::onChanged);
        connect(m_description, &QPlainTextEdit::textChanged, this, &ItemForm::onChanged);
        connect(m_brand, &QLineEdit::textChanged, this, &ItemForm::onChanged);
    }
    m_title->setMaxLength(validation::TitleMax);
    m_price->setPlaceholderText(tr("in rupees, as 1299 or 1299.50"));

    m_attributes->setObjectName(QStringLiteral("attributeForm"));
    auto *attributesBox = new QGroupBox(tr("Attributes"));
    attributesBox->setObjectName(QStringLiteral("attributesBox"));
    auto *boxLayout = new QVBoxLayout(attributesBox);
    boxLayout->addWidget(m_attributes);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(fixed);
    layout->addWidget(attributesBox);
    layout->addStretch();

    connect(m_title, &QLineEdit::textChanged, this, &ItemForm::onChanged);
    connect(m_price, &QLineEdit::textChanged, this, &ItemForm::onChanged);
    connect(m_attributes, &AttributeForm::changed, this, &ItemForm::onChanged);
}

void ItemForm::setCategory(const Category &category)
{
    m_hasCategory = true;
    m_base = Item{};
    m_base.categoryId = category.id;
    m_base.price = Money{0, QStringLiteral("INR")};
    m_validating = false;
    m_categoryName->setText(category.name);
    m_attributes->setCategory(category);
    clearErrors();
}

void ItemForm::setItem(const Item &item, const Category &category)
{
    m_hasCategory = true;
    m_validating = false;
    m_base = item;
    m_categoryName->setText(category.name);
    if (m_skuLabel)
        m_skuLabel->setText(item.sku);
    if (m_sku)
        m_sku->setText(item.sku);
    if (m_description)
        m_description->setPlainText(item.description);
    if (m_brand)
        m_brand->setText(item.brand);
    m_title->setText(item.title);
    m_price->setText(rupeesText(item.price.amount));
    m_attributes->setCategory(category);
    m_attributes->setAttributes(item.attributes);
    clearErrors();
}

const Category &ItemForm::category() const
{
    return m_attributes->category();
}

std::optional<qint64> ItemForm::priceAmount(QString *error) const
{
    const QString text = m_price->text().trimmed();
    if (text.isEmpty()) {
        *error = tr("is required");
        return std::nullopt;
    }
    const auto amount = Money::parseMinorUnits(text);
    if (!amount)
        *error = tr("is not a price in rupees (as 1299 or 1299.50)");
    return amount;
}

Item ItemForm::item() const
{
    Item item = m_base;
    if (m_sku)
        item.sku = m_sku->text().trimmed();
    if (m_description)
        item.description = m_description->toPlainText().trimmed();
    if (m_brand)
        item.brand = m_brand->text().trimmed();
    item.title = m_title->text().trimmed();
    QString ignored;
    if (const auto amount = priceAmount(&ignored))
        item.price = Money{*amount, QStringLiteral("INR")};
    item.attributes = m_attributes->attributes();
    return item;
}

ItemInput ItemForm::input() const
{
    const Item now = item();
    ItemInput input;
    if (m_mode == Mode::Create) {
        input.sku = now.sku;
        input.title = now.title;
        input.description = now.description;
        input.brand = now.brand;
        input.categoryId = now.categoryId;
        input.price = now.price;
        input.attributes = now.attributes;
        return input;
    }
    if (now.title != m_base.title)
        input.title = now.title;
    if (now.price != m_base.price)
        input.price = now.price;
    if (now.attributes != m_base.attributes)
        input.attributes = now.attributes; // PATCH replaces the whole attributes object
    return input;
}

QList<FieldError> ItemForm::validate()
{
    m_validating = true;
    QString priceError;
    priceAmount(&priceError);
    QList<FieldError> errors = validation::checkItem(item(), category());
    if (!priceError.isEmpty()) {
        // The typed text is the problem, not the amount the form could not read from it.
        errors.removeIf([](const FieldError &e) { return fixedFieldOf(e.field) == PriceField; });
        errors.append({QString(PriceField), priceError});
    }
    showErrors(errors);
    return errors;
}

QList<FieldError> ItemForm::showErrors(const QList<FieldError> &errors)
{
    QHash<QString, QString> byField; // the first message per fixed field
    QList<FieldError> attributeErrors;
    for (const FieldError &error : errors) {
        const QString field = fixedFieldOf(error.field);
        if (m_hints.contains(field)) {
            if (!byField.contains(field))
                byField.insert(field, error.message);
        } else {
            attributeErrors.append(error);
        }
    }
    for (auto it = m_hints.cbegin(); it != m_hints.cend(); ++it) {
        const QString message = byField.value(it.key());
        it.value()->setText(message);
        it.value()->setVisible(!message.isEmpty());
    }
    m_unplaced = m_attributes->showErrors(attributeErrors);
    return m_unplaced;
}

void ItemForm::clearErrors()
{
    showErrors({});
}

void ItemForm::clearValues()
{
    m_validating = false;
    for (QLineEdit *edit : {m_sku, m_title, m_brand, m_price}) {
        if (edit)
            edit->clear();
    }
    if (m_description)
        m_description->clear();
    m_attributes->setCategory(m_attributes->category());
    clearErrors();
}

QLabel *ItemForm::hintFor(const QString &field) const
{
    return m_hints.value(fixedFieldOf(field));
}

QString ItemForm::errorText(const QString &field) const
{
    if (const QLabel *hint = hintFor(field))
        return hint->isHidden() ? QString() : hint->text();
    QString name = field;
    for (QLatin1StringView prefix :
         {QLatin1StringView("attributes."), QLatin1StringView("attr.")}) {
        if (name.startsWith(prefix))
            name = name.mid(prefix.size());
    }
    return m_attributes->errorText(name);
}

void ItemForm::onChanged()
{
    if (m_validating)
        validate();
    Q_EMIT changed();
}

} // namespace pincart
