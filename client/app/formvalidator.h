#pragma once

#include "domainerror.h"

#include <functional>
#include <QList>
#include <QObject>
#include <QString>

class QFormLayout;
class QLabel;
class QLineEdit;

namespace pincart {

// Inline validation of a form's line edits with the shared validation rules, so a form shows
// what is wrong before anything is sent. Each field has a hint label under it that shows its
// first problem once the field was left or a submit was tried, and clears as soon as it is fixed.
class FormValidator : public QObject
{
    Q_OBJECT

public:
    using Check = std::function<QList<FieldError>(const QString &)>;

    explicit FormValidator(QObject *parent = nullptr);

    void addField(QLineEdit *edit, QLabel *hint, Check check);
    // Adds a row "label: [edit]" with a hint label under the edit to `form`. The edit is named
    // `objectName`, its hint `objectName + "Hint"`.
    QLineEdit *addRow(QFormLayout *form, const QString &label, const QString &objectName,
                      Check check);

    // Checks every field and shows every hint; the problems, empty when the form is fine.
    QList<FieldError> validate();
    // Hides every hint (for a form that is shown again).
    void reset();

private:
    struct Field
    {
        QLineEdit *edit;
        QLabel *hint;
        Check check;
        bool touched = false;
    };
    QList<FieldError> checkField(Field &field);

    QList<Field> m_fields;
};

} // namespace pincart
