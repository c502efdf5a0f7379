#pragma once

#include <QWidget>

class QPushButton;
class QTreeView;

namespace pincart {

class FacetModel;

// The left column while searching: "Browse categories" (back to the category tree), the facets
// of the current result with a check box and a count per value (FacetModel), and "Clear
// filters", enabled while anything is ticked. Object names: facetPanel, browseCategoriesButton,
// facetsView, clearFiltersButton.
class FacetPanel : public QWidget
{
    Q_OBJECT

public:
    explicit FacetPanel(FacetModel *model, QWidget *parent = nullptr);

    QTreeView *view() const { return m_view; }

Q_SIGNALS:
    void browseCategoriesRequested();
    void clearFiltersRequested();

private:
    void updateClearButton();

    FacetModel *m_model;
    QTreeView *m_view;
    QPushButton *m_clear;
};

} // namespace pincart
