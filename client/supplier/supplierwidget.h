#pragma once

#include "user.h"

#include <QWidget>

class QTabWidget;

namespace pincart {

class ApiClient;
class CategoryTreeModel;
class CsvImportWidget;
class ItemListModel;
class LoadStatusWidget;
class MyItemsWidget;
class NewItemWidget;
class SubmissionsWidget;

// The Supplier workspace: tabs "My items" (MyItemsWidget), and for a supplier "New item"
// (NewItemWidget), "Import CSV" (CsvImportWidget) and "Submissions" (SubmissionsWidget). The
// categories are loaded once here and shared by the tabs. A submission made in one tab
// refreshes the history, and an accepted one the item list.
// Object names: supplierWorkspace, supplierTabs, supplierCategoriesStatus; the tabs
// myItemsWidget, newItemWidget, csvImportWidget, submissionsWidget.
class SupplierWidget : public QWidget
{
    Q_OBJECT

public:
    SupplierWidget(ApiClient *api, const User &user, QWidget *parent = nullptr);

    ItemListModel *itemModel() const;
    CategoryTreeModel *categoryModel() const { return m_categories; }
    QTabWidget *tabs() const { return m_tabs; }
    MyItemsWidget *myItems() const { return m_myItems; }
    NewItemWidget *newItem() const { return m_newItem; }             // null for a non-supplier
    CsvImportWidget *csvImport() const { return m_csvImport; }       // null for a non-supplier
    SubmissionsWidget *submissions() const { return m_submissions; } // null for a non-supplier

private:
    CategoryTreeModel *m_categories;
    LoadStatusWidget *m_categoryStatus;
    QTabWidget *m_tabs;
    MyItemsWidget *m_myItems;
    NewItemWidget *m_newItem = nullptr;
    CsvImportWidget *m_csvImport = nullptr;
    SubmissionsWidget *m_submissions = nullptr;
};

} // namespace pincart
