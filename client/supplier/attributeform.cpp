#include "attributeform.h"

#include "validation.h"

#include <climits>
#include <cmath>
#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHash>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>
#include <QVBoxLayout>

namespace pincart {

namespace {

constexpr QLatin1StringView AttributesPath{"attributes."};
constexpr QLatin1StringView CsvPrefix{"attr."};
// A schema without bounds still needs a range for a spin box.
constexpr double Unbounded = 1e9;
constexpr int DoubleDecimals = 2;

QString notStatedText()
{
    return AttributeForm::tr("not stated");
}

QString unitSuffix(const AttributeSpec &spec)
{
    return spec.unit.isEmpty() ? QString() : QLatin1Char(' ') + spec.unit;
}

// What the label's tooltip says about the values the schema allows.
QString rangeText(const AttributeSpec &spec)
{
    switch (spec.type) {
    case AttributeSpec::Type::Number: {
        const QString kind
            = spec.integer ? AttributeForm::tr("a whole number") : AttributeForm::tr("a number");
        if (spec.min && spec.max)
            return AttributeForm::tr("%1 from %2 to %3%4")
                .arg(kind)
                .arg(*spec.min)
                .arg(*spec.max)
                .arg(unitSuffix(spec));
        return kind + unitSuffix(spec);
    }
    case AttributeSpec::Type::Enum:
        return AttributeForm::tr("one of: %1").arg(spec.values.join(QStringLiteral(", ")));
    case AttributeSpec::Type::Bool:
        return AttributeForm::tr("yes or no");
    case AttributeSpec::Type::Text:
        return AttributeForm::tr("text, at most %1 characters").arg(spec.maxLength);
    }
    return {};
}

void showBoolState(QCheckBox *box)
{
    switch (box->checkState()) {
    case Qt::Checked:
        box->setText(AttributeForm::tr("Yes"));
        break;
    case Qt::Unchecked:
        box->setText(AttributeForm::tr("No"));
        break;
    case Qt::PartiallyChecked:
        box->setText(notStatedText());
        break;
    }
}

// The spin box range of a number spec: the schema's, with one step below it for "not stated".
struct NumberRange
{
    double low;
    double high;
    double step;
};

NumberRange numberRange(const AttributeSpec &spec)
{
    double low = spec.min.value_or(-Unbounded);
    double high = spec.max.value_or(Unbounded);
    if (spec.integer) {
        low = std::max(std::ceil(low), double(INT_MIN) + 1);
        high = std::min(std::floor(high), double(INT_MAX));
        return {low, std::max(low, high), 1};
    }
    const double step = high - low <= 20 ? 0.1 : 1;
    return {low, std::max(low, high), step};
}

} // namespace

AttributeForm::AttributeForm(QWidget *parent)
    : QWidget(parent)
    , m_layout(new QFormLayout(this))
    , m_noAttributes(new QLabel(tr("This category has no attributes.")))
{
    m_layout->setContentsMargins(0, 0, 0, 0);
    m_layout->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_noAttributes->setObjectName(QStringLiteral("noAttributesLabel"));
    m_noAttributes->setVisible(false);
    m_layout->addRow(m_noAttributes);
}

QString AttributeForm::editorName(const QString &attribute)
{
    return CsvPrefix + attribute;
}

void AttributeForm::setCategory(const Category &category)
{
    // Row 0 is the "no attributes" line; the attribute rows follow it.
    while (m_layout->rowCount() > 1)
        m_layout->removeRow(m_layout->rowCount() - 1);
    m_rows.clear();
    m_category = category;
    m_noAttributes->setVisible(category.attributes.isEmpty());

    for (const AttributeSpec &spec : category.attributes) {
        Row row;
        row.spec = spec;
        const QString name = editorName(spec.name);
        row.label = new QLabel(spec.required ? spec.label + QStringLiteral(" *") : spec.label);
        row.label->setObjectName(name + QStringLiteral("Label"));
        row.label->setToolTip(spec.required ? tr("Required: %1").arg(rangeText(spec))
                                            : tr("Optional: %1").arg(rangeText(spec)));
        if (spec.required) {
            QFont font = row.label->font();
            font.setBold(true);
            row.label->setFont(font);
        }
        row.editor = createEditor(spec);
        row.editor->setObjectName(name);
        row.label->setBuddy(row.editor);
        row.hint = new QLabel;
        row.hint->setObjectName(name + QStringLiteral("Hint"));
        row.hint->setWordWrap(true);
        row.hint->setTextFormat(Qt::PlainText);
        QPalette palette = row.hint->palette();
        palette.setColor(QPalette::WindowText, QColor(0xb0, 0x00, 0x20));
        row.hint->setPalette(palette);
        row.hint->setVisible(false);

        auto *cell = new QWidget;
        auto *cellLayout = new QVBoxLayout(cell);
        cellLayout->setContentsMargins(0, 0, 0, 0);
        cellLayout->setSpacing(2);
        cellLayout->addWidget(row.editor);
        cellLayout->addWidget(row.hint);
        m_layout->addRow(row.label, cell);
        m_rows.append(row);
    }
    Q_EMIT changed();
}

QWidget *AttributeForm::createEditor(const AttributeSpec &spec)
{
    switch (spec.type) {
    case AttributeSpec::Type::Enum: {
        auto *combo = new QComboBox;
        if (!spec.required)
            combo->addItem(QString()); // the empty choice: no data
        for (const QString &value : spec.values)
            combo->addItem(value, value);
        if (spec.required) {
            combo->setPlaceholderText(tr("Choose…"));
            combo->setCurrentIndex(-1);
        }
        connect(combo, &QComboBox::currentIndexChanged, this, &AttributeForm::changed);
        return combo;
    }
    case AttributeSpec::Type::Number: {
        const NumberRange range = numberRange(spec);
        if (spec.integer) {
            auto *spin = new QSpinBox;
            spin->setRange(int(range.low) - 1, int(range.high));
            spin->setSpecialValueText(notStatedText());
            spin->setSuffix(unitSuffix(spec));
            spin->setValue(spin->minimum());
            connect(spin, &QSpinBox::valueChanged, this, &AttributeForm::changed);
            return spin;
        }
        auto *spin = new QDoubleSpinBox;
        spin->setDecimals(DoubleDecimals);
        spin->setSingleStep(range.step);
        spin->setRange(range.low - range.step, range.high);
        spin->setSpecialValueText(notStatedText());
        spin->setSuffix(unitSuffix(spec));
        spin->setValue(spin->minimum());
        connect(spin, &QDoubleSpinBox::valueChanged, this, &AttributeForm::changed);
        return spin;
    }
    case AttributeSpec::Type::Bool: {
        auto *box = new QCheckBox;
        box->setTristate(!spec.required);
        box->setCheckState(spec.required ? Qt::Unchecked : Qt::PartiallyChecked);
        showBoolState(box);
        connect(box, &QCheckBox::stateChanged, this, [this, box] {
            showBoolState(box);
            Q_EMIT changed();
        });
        return box;
    }
    case AttributeSpec::Type::Text:
        break;
    }
    auto *edit = new QLineEdit;
    edit->setMaxLength(std::max(1, spec.maxLength));
    edit->setClearButtonEnabled(true);
    connect(edit, &QLineEdit::textChanged, this, &AttributeForm::changed);
    return edit;
}

QJsonValue AttributeForm::valueOf(const Row &row) const
{
    if (auto *combo = qobject_cast<QComboBox *>(row.editor)) {
        const QVariant value = combo->currentData();
        return combo->currentIndex() < 0 || !value.isValid() ? QJsonValue(QJsonValue::Undefined)
                                                             : QJsonValue(value.toString());
    }
    if (auto *spin = qobject_cast<QSpinBox *>(row.editor)) {
        return spin->value() == spin->minimum() ? QJsonValue(QJsonValue::Undefined)
                                                : QJsonValue(spin->value());
    }
    if (auto *doubleSpin = qobject_cast<QDoubleSpinBox *>(row.editor)) {
        // The value is rounded to the shown decimals, so compare like the spin box does.
        return doubleSpin->value() <= doubleSpin->minimum() ? QJsonValue(QJsonValue::Undefined)
                                                            : QJsonValue(doubleSpin->value());
    }
    if (auto *box = qobject_cast<QCheckBox *>(row.editor)) {
        if (box->checkState() == Qt::PartiallyChecked)
            return QJsonValue::Undefined;
        return box->checkState() == Qt::Checked;
    }
    if (auto *edit = qobject_cast<QLineEdit *>(row.editor)) {
        const QString text = edit->text().trimmed();
        return text.isEmpty() ? QJsonValue(QJsonValue::Undefined) : QJsonValue(text);
    }
    return QJsonValue::Undefined;
}

void AttributeForm::setValue(const Row &row, const QJsonValue &value)
{
    if (auto *combo = qobject_cast<QComboBox *>(row.editor)) {
        const int found = value.isString() ? combo->findData(value.toString()) : -1;
        combo->setCurrentIndex(found >= 0 ? found : (row.spec.required ? -1 : 0));
    } else if (auto *spin = qobject_cast<QSpinBox *>(row.editor)) {
        const double d = value.toDouble();
        const bool fits
            = value.isDouble() && std::trunc(d) == d && d > spin->minimum() && d <= spin->maximum();
        spin->setValue(fits ? int(d) : spin->minimum());
    } else if (auto *doubleSpin = qobject_cast<QDoubleSpinBox *>(row.editor)) {
        const double d = value.toDouble();
        const bool fits
            = value.isDouble() && d > doubleSpin->minimum() && d <= doubleSpin->maximum();
        doubleSpin->setValue(fits ? d : doubleSpin->minimum());
    } else if (auto *box = qobject_cast<QCheckBox *>(row.editor)) {
        if (value.isBool())
            box->setCheckState(value.toBool() ? Qt::Checked : Qt::Unchecked);
        else
            box->setCheckState(row.spec.required ? Qt::Unchecked : Qt::PartiallyChecked);
    } else if (auto *edit = qobject_cast<QLineEdit *>(row.editor)) {
        edit->setText(value.isString() ? value.toString() : QString());
    }
}

QJsonObject AttributeForm::attributes() const
{
    QJsonObject attributes;
    for (const Row &row : m_rows) {
        const QJsonValue value = valueOf(row);
        if (!value.isUndefined())
            attributes.insert(row.spec.name, value);
    }
    return attributes;
}

void AttributeForm::setAttributes(const QJsonObject &attributes)
{
    for (const Row &row : std::as_const(m_rows))
        setValue(row, attributes.value(row.spec.name));
}

QList<FieldError> AttributeForm::validate()
{
    const QList<FieldError> errors = validation::checkAttributes(attributes(), m_category);
    showErrors(errors);
    return errors;
}

QList<FieldError> AttributeForm::showErrors(const QList<FieldError> &errors)
{
    QHash<QString, QString> byAttribute; // the first message per attribute
    QList<FieldError> elsewhere;
    for (const FieldError &error : errors) {
        QString name;
        if (error.field.startsWith(AttributesPath))
            name = error.field.mid(AttributesPath.size());
        else if (error.field.startsWith(CsvPrefix))
            name = error.field.mid(CsvPrefix.size());
        if (!name.isEmpty() && row(name)) {
            if (!byAttribute.contains(name))
                byAttribute.insert(name, error.message);
        } else {
            elsewhere.append(error);
        }
    }
    for (const Row &r : std::as_const(m_rows)) {
        const QString message = byAttribute.value(r.spec.name);
        r.hint->setText(message);
        r.hint->setVisible(!message.isEmpty());
    }
    return elsewhere;
}

void AttributeForm::clearErrors()
{
    showErrors({});
}

const AttributeForm::Row *AttributeForm::row(const QString &attribute) const
{
    for (const Row &r : m_rows) {
        if (r.spec.name == attribute)
            return &r;
    }
    return nullptr;
}

QWidget *AttributeForm::editor(const QString &attribute) const
{
    const Row *r = row(attribute);
    return r ? r->editor : nullptr;
}

QLabel *AttributeForm::label(const QString &attribute) const
{
    const Row *r = row(attribute);
    return r ? r->label : nullptr;
}

QString AttributeForm::errorText(const QString &attribute) const
{
    const Row *r = row(attribute);
    return r && !r->hint->isHidden() ? r->hint->text() : QString();
}

} // namespace pincart
