#pragma once

#include "user.h"

#include <QPointer>
#include <QWidget>

class QLabel;
class QPushButton;
class QTableView;

namespace pincart {

class ApiClient;
class ItemListModel;
class LoadStatusWidget;

// A supplier's own items (all items for an admin who is not a supplier), paged, with Delete.
// Creating and editing items, and CSV import, are not part of this client version.
class SupplierWidget : public QWidget
{
    Q_OBJECT

public:
    SupplierWidget(ApiClient *api, const User &user, QWidget *parent = nullptr);

    ItemListModel *itemModel() const { return m_items; }

private:
    qint64 selectedItemId() const;
    void updateActions();
    void confirmDelete();
    void deleteItem(qint64 id, const QString &title);
    void setActionText(const QString &text, bool isError);

    ApiClient *m_api;
    ItemListModel *m_items;
    QTableView *m_view;
    QPushButton *m_refresh;
    QPushButton *m_delete;
    LoadStatusWidget *m_status;        // the list's loading state
    QLabel *m_action;                  // the outcome of the last delete
    QPointer<QObject> m_deleteRequest; // context of the DELETE in flight
};

} // namespace pincart
