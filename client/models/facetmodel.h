#pragma once

#include "search.h"
#include "searchfilters.h"

#include <QAbstractItemModel>
#include <QHash>

namespace pincart {

// The facets of the current search as a two-level tree: each facet ("Brand", "Price", an
// attribute) with its values under it, checkable, shown as "Samsung (12)". A ticked value stays
// listed even when the next answer leaves it out (count unknown), so it can always be unticked.
// Ticking or unticking changes filters() and emits filtersEdited(); the caller re-runs the search
// and hands the new answer's facets to setFacets().
class FacetModel : public QAbstractItemModel
{
    Q_OBJECT

public:
    enum Role {
        FacetNameRole = Qt::UserRole + 1, // QString: "brand", "price", "attr.NAME"
        ValueRole,                        // QString, on values: what goes back as the filter
        CountRole,                        // int, on values: the hits it gives; -1 when unknown
    };

    explicit FacetModel(QObject *parent = nullptr);

    // The facets of a new answer; the ticked values stay ticked.
    void setFacets(const QList<Facet> &facets);
    const SearchFilters &filters() const { return m_filters; }
    // Unticks everything, quietly: the caller is about to search anyway.
    void clearFilters();

    // The value row of `facet`'s `value`, or an invalid index.
    QModelIndex indexOfValue(const QString &facet, const QString &value) const;
    QModelIndex indexOfFacet(const QString &facet) const;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    // The customer ticked or unticked a value: filters() changed.
    void filtersEdited();

private:
    struct Group
    {
        QString name;
        QString label;
        QList<FacetValue> values; // count -1: ticked, but not in the last answer
    };
    void rebuild();
    // Index internal ids: 0 for a facet, facet row + 1 for its values.
    bool isValueIndex(const QModelIndex &index) const { return index.internalId() != 0; }

    QList<Facet> m_facets;            // the last answer's
    QHash<QString, QString> m_labels; // facet name -> label, kept for ticked facets left out
    SearchFilters m_filters;
    QList<Group> m_groups; // what is shown
};

} // namespace pincart
