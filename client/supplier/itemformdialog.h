#pragma once

#include "category.h"
#include "item.h"

#include <QDialog>
#include <QPointer>

class QDialogButtonBox;
class QLabel;
class QProgressBar;
class QPushButton;

namespace pincart {

class ApiClient;
class ItemForm;

// Editing one of the supplier's items: title, price and attributes (the same generated editors
// as a new item), checked with the shared rules, then sent with PATCH /items/{id} carrying only
// what changed. The server's refusals show inline: 422 field errors under their fields, a 409
// conflict (and anything else) as a line of text; the dialog stays open until saved or
// cancelled. Open it with open() or show(), never exec().
// Object names: itemFormDialog, itemForm, saveItemButton, itemFormErrorLabel, itemFormBusy.
class ItemFormDialog : public QDialog
{
    Q_OBJECT

public:
    ItemFormDialog(ApiClient *api, const Item &item, const Category &category,
                   QWidget *parent = nullptr);

    ItemForm *form() const { return m_form; }
    qint64 itemId() const { return m_item.id; }
    bool isBusy() const { return m_request != nullptr; }
    QString errorText() const;

public Q_SLOTS:
    void save();

Q_SIGNALS:
    // The server saved the changes: `item` is its answer. The dialog then closes.
    void itemSaved(const pincart::Item &item);

private:
    void setError(const QString &text);
    void setBusy(bool busy);

    ApiClient *m_api;
    Item m_item;
    ItemForm *m_form;
    QLabel *m_error;
    QProgressBar *m_busy;
    QDialogButtonBox *m_buttons;
    QPushButton *m_save;
    QPointer<QObject> m_request; // context of the PATCH in flight
};

} // namespace pincart
