#include "supplierwidget.h"

#include "apiclient.h"
#include "app/loadstatuswidget.h"
#include "models/categorytreemodel.h"
#include "supplier/csvimportwidget.h"
#include "supplier/myitemswidget.h"
#include "supplier/newitemwidget.h"
#include "supplier/submissionswidget.h"

#include <QTabWidget>
#include <QVBoxLayout>

namespace pincart {

SupplierWidget::SupplierWidget(ApiClient *api, const User &user, QWidget *parent)
    : QWidget(parent)
    , m_categories(new CategoryTreeModel(api, this))
    , m_categoryStatus(new LoadStatusWidget)
    , m_tabs(new QTabWidget)
    , m_myItems(new MyItemsWidget(api, user, m_categories))
{
    setObjectName(QStringLiteral("supplierWorkspace"));
    m_tabs->setObjectName(QStringLiteral("supplierTabs"));
    m_categoryStatus->setObjectName(QStringLiteral("supplierCategoriesStatus"));
    m_categoryStatus->setVisible(false);
    m_tabs->addTab(m_myItems, tr("My items"));

    // Submissions are a supplier's own; an administrator who is not one only sees the items.
    if (user.roles.testFlag(Role::Supplier)) {
        m_newItem = new NewItemWidget(api, m_categories);
        m_csvImport = new CsvImportWidget(api, m_categories);
        m_submissions = new SubmissionsWidget(api);
        m_tabs->addTab(m_newItem, tr("New item"));
        m_tabs->addTab(m_csvImport, tr("Import CSV"));
        m_tabs->addTab(m_submissions, tr("Submissions"));

        connect(m_newItem, &NewItemWidget::submitted, m_submissions, &SubmissionsWidget::reload);
        connect(m_newItem, &NewItemWidget::finished, m_submissions, &SubmissionsWidget::reload);
        connect(m_newItem, &NewItemWidget::itemAccepted, m_myItems, &MyItemsWidget::reload);
        connect(m_csvImport, &CsvImportWidget::submitted, m_submissions,
                &SubmissionsWidget::reload);
        connect(m_csvImport, &CsvImportWidget::finished, this, [this](const Submission &s) {
            m_submissions->reload();
            if (s.rowsAccepted > 0)
                m_myItems->reload();
        });
    }

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_categoryStatus);
    layout->addWidget(m_tabs, 1);

    connect(m_categories, &CategoryTreeModel::stateChanged, this,
            [this](CategoryTreeModel::State state) {
                switch (state) {
                case CategoryTreeModel::State::Failed:
                    m_categoryStatus->showError(
                        tr("Could not load the categories: %1").arg(m_categories->errorString()));
                    m_categoryStatus->setVisible(true);
                    break;
                case CategoryTreeModel::State::Loading:
                    m_categoryStatus->showBusy(tr("Loading categories…"));
                    m_categoryStatus->setVisible(true);
                    break;
                case CategoryTreeModel::State::Loaded:
                case CategoryTreeModel::State::Empty:
                    m_categoryStatus->setVisible(false);
                    break;
                }
            });
    connect(m_categoryStatus, &LoadStatusWidget::retryRequested, m_categories,
            &CategoryTreeModel::load);
    m_categories->load();
}

ItemListModel *SupplierWidget::itemModel() const
{
    return m_myItems->itemModel();
}

} // namespace pincart
