#include "formvalidator.h"

#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QVBoxLayout>

namespace pincart {

FormValidator::FormValidator(QObject *parent)
    : QObject(parent)
{}

void FormValidator::addField(QLineEdit *edit, QLabel *hint, Check check)
{
    hint->setVisible(false);
    hint->setWordWrap(true);
    hint->setTextFormat(Qt::PlainText);
    QPalette palette = hint->palette();
    palette.setColor(QPalette::WindowText, QColor(0xb0, 0x00, 0x20));
    hint->setPalette(palette);
    const qsizetype position = m_fields.size();
    m_fields.append(Field{edit, hint, std::move(check)});
    // Quiet while the user types a fresh field; once it was left, follow every keystroke.
    connect(edit, &QLineEdit::textEdited, this, [this, position] {
        Field &f = m_fields[position];
        if (f.touched)
            checkField(f);
    });
    connect(edit, &QLineEdit::editingFinished, this, [this, position] {
        Field &f = m_fields[position];
        if (f.edit->text().isEmpty() && !f.touched)
            return; // just tabbing through is not a mistake
        f.touched = true;
        checkField(f);
    });
}

QLineEdit *FormValidator::addRow(QFormLayout *form, const QString &label, const QString &objectName,
                                 Check check)
{
    auto *edit = new QLineEdit;
    edit->setObjectName(objectName);
    auto *hint = new QLabel;
    hint->setObjectName(objectName + QStringLiteral("Hint"));
    auto *cell = new QVBoxLayout;
    cell->setSpacing(2);
    cell->addWidget(edit);
    cell->addWidget(hint);
    auto *caption = new QLabel(label);
    caption->setBuddy(edit); // the label's &-mnemonic focuses the edit
    form->addRow(caption, cell);
    addField(edit, hint, std::move(check));
    return edit;
}

QList<FieldError> FormValidator::validate()
{
    QList<FieldError> errors;
    for (Field &f : m_fields) {
        f.touched = true;
        errors << checkField(f);
    }
    return errors;
}

void FormValidator::reset()
{
    for (Field &f : m_fields) {
        f.touched = false;
        f.hint->clear();
        f.hint->setVisible(false);
    }
}

QList<FieldError> FormValidator::checkField(Field &field)
{
    const QList<FieldError> errors = field.check(field.edit->text());
    field.hint->setText(errors.isEmpty() ? QString() : errors.constFirst().message);
    field.hint->setVisible(!errors.isEmpty());
    return errors;
}

} // namespace pincart
