#include "receivestockdialog.h"

#include "apiclient.h"
#include "app/formvalidator.h"
#include "jsonkeys.h"
#include "validation.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace pincart {

namespace {

// The colour of every error line in the client.
QColor errorColour()
{
    return {0xb0, 0x00, 0x20};
}

QLabel *newHint(const QString &objectName)
{
    auto *hint = new QLabel;
    hint->setObjectName(objectName);
    return hint;
}

// A field's editor with its hint under it, as one form row.
void addRow(QFormLayout *form, const QString &label, QWidget *editor, QLabel *hint)
{
    auto *cell = new QVBoxLayout;
    cell->setSpacing(2);
    cell->addWidget(editor);
    cell->addWidget(hint);
    auto *caption = new QLabel(label);
    caption->setBuddy(editor);
    form->addRow(caption, cell);
}

QList<FieldError> checkSkuField(const QString &sku)
{
    if (sku.trimmed().isEmpty())
        return {{QString(keys::Sku), QStringLiteral("is required")}};
    return validation::checkSku(sku.trimmed());
}

QList<FieldError> checkBinField(const QString &bin)
{
    if (bin.trimmed().isEmpty())
        return {{QString(keys::Bin), QStringLiteral("is required")}};
    return validation::checkCode(keys::Bin, bin.trimmed());
}

} // namespace

QStringList ReceiveStockDialog::standardBins()
{
    QStringList bins;
    for (QChar row : {u'A', u'B', u'C', u'D'}) {
        for (int n = 1; n <= 10; ++n)
            bins << QStringLiteral("%1-%2").arg(row).arg(n, 2, 10, QLatin1Char('0'));
    }
    return bins;
}

ReceiveStockDialog::ReceiveStockDialog(ApiClient *api, const Warehouse &warehouse, QWidget *parent)
    : QDialog(parent)
    , m_api(api)
    , m_warehouse(warehouse)
    , m_validator(new FormValidator(this))
    , m_sku(new QLineEdit)
    , m_skuHint(newHint(QStringLiteral("receiveSkuEditHint")))
    , m_quantity(new QSpinBox)
    , m_quantityHint(newHint(QStringLiteral("receiveQuantitySpinHint")))
    , m_bin(new QComboBox)
    , m_binHint(newHint(QStringLiteral("receiveBinComboHint")))
    , m_error(new QLabel)
    , m_busy(new QProgressBar)
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel))
    , m_ok(m_buttons->button(QDialogButtonBox::Ok))
{
    setObjectName(QStringLiteral("receiveStockDialog"));
    setWindowTitle(tr("Receive stock — %1").arg(warehouse.code));

    m_sku->setObjectName(QStringLiteral("receiveSkuEdit"));
    m_sku->setPlaceholderText(tr("The item's SKU"));
    m_sku->setMaxLength(validation::SkuMax);
    m_quantity->setObjectName(QStringLiteral("receiveQuantitySpin"));
    m_quantity->setRange(1, Receipt::MaxQuantity);
    m_quantity->setValue(1);
    m_quantity->setAccelerated(true);
    m_bin->setObjectName(QStringLiteral("receiveBinCombo"));
    m_bin->setEditable(true); // another warehouse layout may have other bins
    m_bin->setInsertPolicy(QComboBox::NoInsert);
    m_bin->addItems(standardBins());
    m_bin->lineEdit()->setMaxLength(validation::CodeMax);

    m_validator->addField(m_sku, m_skuHint, checkSkuField);
    m_validator->addField(m_bin->lineEdit(), m_binHint, checkBinField);
    // The spin box cannot hold a bad quantity; its hint is for the server's word only.
    m_quantityHint->setVisible(false);
    m_quantityHint->setWordWrap(true);
    m_quantityHint->setTextFormat(Qt::PlainText);
    QPalette palette = m_quantityHint->palette();
    palette.setColor(QPalette::WindowText, errorColour());
    m_quantityHint->setPalette(palette);
    connect(m_quantity, &QSpinBox::valueChanged, m_quantityHint, &QLabel::hide);

    auto *form = new QFormLayout;
    addRow(form, tr("&SKU:"), m_sku, m_skuHint);
    addRow(form, tr("&Quantity:"), m_quantity, m_quantityHint);
    addRow(form, tr("&Bin:"), m_bin, m_binHint);

    m_error->setObjectName(QStringLiteral("receiveErrorLabel"));
    m_error->setWordWrap(true);
    m_error->setTextFormat(Qt::PlainText);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_error->setPalette(palette);
    m_error->setVisible(false);
    m_busy->setObjectName(QStringLiteral("receiveBusy"));
    m_busy->setRange(0, 0);
    m_busy->setMaximumHeight(6);
    m_busy->setTextVisible(false);
    m_busy->setVisible(false);
    m_ok->setObjectName(QStringLiteral("receiveOkButton"));
    m_ok->setText(tr("Receive"));

    auto *intro
        = new QLabel(tr("Stock that arrived at %1 (%2).").arg(warehouse.name, warehouse.code));
    intro->setTextFormat(Qt::PlainText);
    intro->setWordWrap(true);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(m_busy);
    layout->addStretch(1);
    layout->addWidget(m_buttons);
    resize(420, 300);

    connect(m_buttons, &QDialogButtonBox::accepted, this, &ReceiveStockDialog::submit);
    // Cancel while sending closes the dialog; deleting it (WA_DeleteOnClose, set by whoever
    // opens it) aborts the request with its context.
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

void ReceiveStockDialog::setLine(const QString &sku, const QString &bin)
{
    m_sku->setText(sku);
    m_bin->setCurrentText(bin);
}

QString ReceiveStockDialog::errorText() const
{
    return m_error->isHidden() ? QString() : m_error->text();
}

QString ReceiveStockDialog::fieldError(const QString &field) const
{
    const QLabel *hint = hintFor(field);
    return hint && !hint->isHidden() ? hint->text() : QString();
}

QLabel *ReceiveStockDialog::hintFor(const QString &field) const
{
    if (field == QLatin1String(keys::Sku) || field == QLatin1String(keys::ItemId))
        return m_skuHint;
    if (field == QLatin1String(keys::Quantity))
        return m_quantityHint;
    if (field == QLatin1String(keys::Bin))
        return m_binHint;
    return nullptr;
}

ReceiptLine ReceiveStockDialog::line() const
{
    ReceiptLine line;
    line.sku = m_sku->text().trimmed();
    line.quantity = m_quantity->value();
    line.bin = m_bin->currentText().trimmed().toUpper();
    return line;
}

void ReceiveStockDialog::setError(const QString &text)
{
    m_error->setText(text);
    m_error->setVisible(!text.isEmpty());
}

void ReceiveStockDialog::setBusy(bool busy)
{
    m_busy->setVisible(busy);
    m_ok->setEnabled(!busy);
    m_sku->setEnabled(!busy);
    m_quantity->setEnabled(!busy);
    m_bin->setEnabled(!busy);
}

void ReceiveStockDialog::submit()
{
    if (isBusy())
        return;
    m_quantityHint->hide();
    if (!m_validator->validate().isEmpty()) {
        setError(tr("Fix the marked fields first."));
        return;
    }
    setError({});
    auto *request = new QObject(this);
    m_request = request;
    setBusy(true);
    m_api->receiveStock(m_warehouse.id, {line()}, request, [this, request](Result<Receipt> result) {
        request->deleteLater();
        m_request = nullptr;
        setBusy(false);
        if (result) {
            Q_EMIT received(*result);
            accept();
            return;
        }
        showServerError(result.error());
    });
}

// The server names a receipt line's fields "lines[0].sku": each goes under its field.
void ReceiveStockDialog::showServerError(const DomainError &error)
{
    static const QString prefix = QStringLiteral("lines[0].");
    QStringList lines;
    switch (error.kind()) {
    case DomainError::Kind::Validation:
        lines << tr("The server refused the receipt: %1").arg(error.message());
        break;
    case DomainError::Kind::Forbidden:
        lines << tr("You may not receive stock into this warehouse: %1").arg(error.message());
        break;
    case DomainError::Kind::NotFound:
        lines << tr("This warehouse no longer exists.");
        break;
    default:
        lines << tr("Could not receive the stock: %1").arg(error.toString());
        break;
    }
    for (const FieldError &f : error.fields()) {
        const QString field = f.field.startsWith(prefix) ? f.field.mid(prefix.size()) : f.field;
        if (QLabel *hint = hintFor(field)) {
            hint->setText(f.message);
            hint->setVisible(true);
        } else {
            lines << QStringLiteral("%1: %2").arg(f.field, f.message);
        }
    }
    setError(lines.join(QLatin1Char('\n')));
}

} // namespace pincart
