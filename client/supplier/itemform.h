#pragma once

#include "category.h"
#include "domainerror.h"
#include "item.h"

#include <QHash>
#include <QWidget>

class QLabel;
class QLineEdit;
class QPlainTextEdit;

namespace pincart {

class AttributeForm;

// The fields of one item, for a new item (Create: sku, title, description, brand, price) or for
// editing one (Edit: title and price; the SKU shown, not editable), followed by the attribute
// editors of its category (AttributeForm). validate() runs the shared rules
// (validation::checkItem) on what the fields hold and shows each problem under its field, so
// nothing wrong is sent; showErrors() does the same with the server's field errors.
// Object names: skuEdit (or skuLabel in Edit), titleEdit, descriptionEdit, brandEdit, priceEdit,
// each hint that name + "Hint"; categoryNameLabel; attributeForm.
class ItemForm : public QWidget
{
    Q_OBJECT

public:
    enum class Mode { Create, Edit };

    explicit ItemForm(Mode mode, QWidget *parent = nullptr);

    Mode mode() const { return m_mode; }
    // Create: starts a new item of `category` (the fixed fields keep what was typed; the
    // attribute editors are new).
    void setCategory(const Category &category);
    // Edit: shows `item` of `category`, whose fields the form then changes.
    void setItem(const Item &item, const Category &category);
    const Category &category() const;
    bool hasCategory() const { return m_hasCategory; }

    // The item as the form describes it: the edited item (or a new one of the category) with
    // the fields applied. An unreadable price is left as it was (zero for a new item).
    Item item() const;
    // What to send: every field for Create; for Edit only the fields that differ from the item
    // being edited (PATCH semantics), so an empty input means nothing changed.
    ItemInput input() const;

    // Checks the form with the shared rules and shows the problems; empty when it may be sent.
    // After a first call the form checks itself again on every change.
    QList<FieldError> validate();
    // Shows errors (the server's 422 fields, a rejected submission's fields) under their
    // fields; returns those that belong to no field of this form.
    QList<FieldError> showErrors(const QList<FieldError> &errors);
    void clearErrors();
    // The errors of the last validate() or showErrors() that no field of the form shows (the
    // caller shows them elsewhere, as a message line).
    const QList<FieldError> &unplacedErrors() const { return m_unplaced; }
    // Create: empties every field and hint, keeping the category.
    void clearValues();

    AttributeForm *attributeForm() const { return m_attributes; }
    QString errorText(const QString &field) const; // "sku", "price", "attributes.panel"...

Q_SIGNALS:
    void changed();

private:
    // The price typed, in paise; an error when it is not a price.
    std::optional<qint64> priceAmount(QString *error) const;
    QLabel *hintFor(const QString &field) const;
    void onChanged();

    Mode m_mode;
    bool m_hasCategory = false;
    bool m_validating = false; // checks itself on every change after a first validate()
    Item m_base;               // Edit: the item as loaded; Create: an empty one of the category
    QLabel *m_categoryName;
    QLabel *m_skuLabel = nullptr; // Edit
    QLineEdit *m_sku = nullptr;   // Create
    QLineEdit *m_title;
    QPlainTextEdit *m_description = nullptr; // Create
    QLineEdit *m_brand = nullptr;            // Create
    QLineEdit *m_price;
    AttributeForm *m_attributes;
    QHash<QString, QLabel *> m_hints; // field ("sku", "title", ...) -> its hint
    QList<FieldError> m_unplaced;
};

// Field errors as lines of text ("price: is required"; a message alone when it names no field),
// for the errors a form cannot show under a field.
QStringList fieldErrorLines(const QList<FieldError> &errors);

} // namespace pincart
