#include "facetpanel.h"

#include "models/facetmodel.h"

#include <QHeaderView>
#include <QPushButton>
#include <QTreeView>
#include <QVBoxLayout>

namespace pincart {

FacetPanel::FacetPanel(FacetModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_view(new QTreeView)
    , m_clear(new QPushButton(tr("C&lear filters")))
{
    setObjectName(QStringLiteral("facetPanel"));
    auto *browse = new QPushButton(tr("← Browse categories"));
    browse->setObjectName(QStringLiteral("browseCategoriesButton"));
    browse->setToolTip(tr("Leave the search and browse the catalogue by category"));

    m_view->setObjectName(QStringLiteral("facetsView"));
    m_view->setModel(m_model);
    m_view->setHeaderHidden(true);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers); // ticking is not editing
    m_view->setUniformRowHeights(true);
    m_clear->setObjectName(QStringLiteral("clearFiltersButton"));

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(browse);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_clear);

    // Every answer replaces the facets: show them all open, as a shop's filter column does.
    connect(m_model, &QAbstractItemModel::modelReset, m_view, &QTreeView::expandAll);
    connect(m_model, &QAbstractItemModel::modelReset, this, &FacetPanel::updateClearButton);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &FacetPanel::updateClearButton);
    connect(browse, &QPushButton::clicked, this, &FacetPanel::browseCategoriesRequested);
    connect(m_clear, &QPushButton::clicked, this, &FacetPanel::clearFiltersRequested);
    m_view->expandAll();
    updateClearButton();
}

void FacetPanel::updateClearButton()
{
    m_clear->setEnabled(!m_model->filters().isEmpty());
}

} // namespace pincart
