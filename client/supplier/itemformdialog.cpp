#include "itemformdialog.h"

#include "apiclient.h"
#include "supplier/itemform.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QVBoxLayout>

namespace pincart {

ItemFormDialog::ItemFormDialog(ApiClient *api, const Item &item, const Category &category,
                               QWidget *parent)
    : QDialog(parent)
    , m_api(api)
    , m_item(item)
    , m_form(new ItemForm(ItemForm::Mode::Edit))
    , m_error(new QLabel)
    , m_busy(new QProgressBar)
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel))
    , m_save(m_buttons->button(QDialogButtonBox::Save))
{
    setObjectName(QStringLiteral("itemFormDialog"));
    setWindowTitle(tr("Edit “%1”").arg(item.title));
    m_form->setObjectName(QStringLiteral("itemForm"));
    m_form->setItem(item, category);
    m_error->setObjectName(QStringLiteral("itemFormErrorLabel"));
    m_error->setWordWrap(true);
    m_error->setTextFormat(Qt::PlainText);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QPalette palette = m_error->palette();
    palette.setColor(QPalette::WindowText, QColor(0xb0, 0x00, 0x20));
    m_error->setPalette(palette);
    m_error->setVisible(false);
    m_busy->setObjectName(QStringLiteral("itemFormBusy"));
    m_busy->setRange(0, 0);
    m_busy->setMaximumHeight(6);
    m_busy->setTextVisible(false);
    m_busy->setVisible(false);
    m_save->setObjectName(QStringLiteral("saveItemButton"));

    auto *scroll = new QScrollArea;
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(m_form);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(scroll, 1);
    layout->addWidget(m_error);
    layout->addWidget(m_busy);
    layout->addWidget(m_buttons);
    resize(520, 560);

    connect(m_buttons, &QDialogButtonBox::accepted, this, &ItemFormDialog::save);
    // Cancel while saving closes the dialog; deleting it (WA_DeleteOnClose, set by whoever
    // opens it) aborts the request with its context.
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

QString ItemFormDialog::errorText() const
{
    return m_error->isHidden() ? QString() : m_error->text();
}

void ItemFormDialog::setError(const QString &text)
{
    m_error->setText(text);
    m_error->setVisible(!text.isEmpty());
}

void ItemFormDialog::setBusy(bool busy)
{
    m_busy->setVisible(busy);
    m_save->setEnabled(!busy);
    m_form->setEnabled(!busy);
}

void ItemFormDialog::save()
{
    if (isBusy())
        return;
    const QList<FieldError> errors = m_form->validate();
    if (!errors.isEmpty()) {
        QStringList lines{tr("Fix the marked fields first.")};
        lines << fieldErrorLines(m_form->unplacedErrors());
        setError(lines.join(QLatin1Char('\n')));
        return;
    }
    const ItemInput input = m_form->input();
    if (!input.title && !input.price && !input.attributes) {
        accept(); // nothing changed: nothing to send
        return;
    }
    setError({});
    auto *request = new QObject(this);
    m_request = request;
    setBusy(true);
    m_api->updateItem(m_item.id, input, request, [this, request](Result<Item> result) {
        request->deleteLater();
        m_request = nullptr;
        setBusy(false);
        if (result) {
            Q_EMIT itemSaved(*result);
            accept();
            return;
        }
        const DomainError &error = result.error();
        const QList<FieldError> rest = m_form->showErrors(error.fields());
        QStringList lines;
        switch (error.kind()) {
        case DomainError::Kind::Validation:
            lines << tr("The server refused the changes: %1").arg(error.message());
            break;
        case DomainError::Kind::Conflict:
            lines << tr("Conflict: %1").arg(error.message())
                  << tr("The item may have changed since it was opened: cancel, refresh the "
                        "list and edit it again.");
            break;
        case DomainError::Kind::NotFound:
            lines << tr("This item no longer exists.");
            break;
        default:
            lines << tr("Could not save: %1").arg(error.toString());
            break;
        }
        lines << fieldErrorLines(rest);
        setError(lines.join(QLatin1Char('\n')));
    });
}

} // namespace pincart
