#pragma once

#include "category.h"
#include "domainerror.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QWidget>

class QFormLayout;
class QLabel;

namespace pincart {

// The editors of an item's attributes, generated from its category's schema, one row each:
//   enum   -> QComboBox (an empty first choice when not required; a required one starts with
//             no choice, showing "Choose…")
//   number -> QSpinBox (integer specs) or QDoubleSpinBox with the unit as suffix and the range of
//             the schema; the minimum() is one step below the schema's min and shows as "not
//             stated", so an optional number can be left out and a required one is not silently
//             given the lowest value
//   bool   -> QCheckBox; tri-state when not required (partly checked = not stated)
//   text   -> QLineEdit with the schema's maxLength
// A required attribute's label is bold and ends in " *". Each editor is named "attr.NAME", its
// label "attr.NAMELabel" and the hint under it (an error, hidden when there is none)
// "attr.NAMEHint". attributes() reads the editors back as the API's attributes object, with
// only the attributes that were given.
class AttributeForm : public QWidget
{
    Q_OBJECT

public:
    explicit AttributeForm(QWidget *parent = nullptr);

    static QString editorName(const QString &attribute);

    // Replaces the editors with empty ones for `category`'s attributes (its own: the server
    // checks an item against its leaf category's schema).
    void setCategory(const Category &category);
    const Category &category() const { return m_category; }

    QJsonObject attributes() const;
    // Fills the editors; values the schema does not know, or that an editor cannot show, are
    // left out (validation then says what is missing).
    void setAttributes(const QJsonObject &attributes);

    // validation::checkAttributes on what the editors hold; the errors are shown as hints.
    QList<FieldError> validate();
    // Shows each error on an attribute ("attributes.NAME", or the CSV's "attr.NAME") under its
    // editor, replacing what was shown; returns the errors that belong to no editor here.
    QList<FieldError> showErrors(const QList<FieldError> &errors);
    void clearErrors();

    QWidget *editor(const QString &attribute) const;
    QLabel *label(const QString &attribute) const;
    QString errorText(const QString &attribute) const; // the hint shown; empty when none

Q_SIGNALS:
    void changed(); // a value changed (by the user or by setAttributes)

private:
    struct Row
    {
        AttributeSpec spec;
        QLabel *label = nullptr;
        QWidget *editor = nullptr;
        QLabel *hint = nullptr;
    };

    QWidget *createEditor(const AttributeSpec &spec);
    QJsonValue valueOf(const Row &row) const;
    void setValue(const Row &row, const QJsonValue &value);
    const Row *row(const QString &attribute) const;

    QFormLayout *m_layout;
    QLabel *m_noAttributes;
    Category m_category;
    QList<Row> m_rows;
};

} // namespace pincart
