#include "facetmodel.h"

#include <algorithm>
#include <QFont>

namespace pincart {

FacetModel::FacetModel(QObject *parent)
    : QAbstractItemModel(parent)
{}

void FacetModel::setFacets(const QList<Facet> &facets)
{
    m_facets = facets;
    for (const Facet &f : facets)
        m_labels.insert(f.name, f.label);
    rebuild();
}

void FacetModel::clearFilters()
{
    if (m_filters.isEmpty())
        return;
    m_filters.clear();
    rebuild();
}

void FacetModel::rebuild()
{
    beginResetModel();
    m_groups.clear();
    for (const Facet &f : std::as_const(m_facets)) {
        Group g{f.name, f.label, f.values};
        for (const SearchFilters::Choice &c : m_filters.choices(f.name)) {
            const bool listed
                = std::any_of(g.values.cbegin(), g.values.cend(),
                              [&](const FacetValue &v) { return v.value == c.value; });
            if (!listed)
                g.values.append({c.value, c.label, -1});
        }
        if (!g.values.isEmpty())
            m_groups.append(std::move(g));
    }
    // Ticked facets the answer did not mention at all.
    for (const QString &name : m_filters.facets()) {
        const bool listed = std::any_of(m_groups.cbegin(), m_groups.cend(),
                                        [&](const Group &g) { return g.name == name; });
        if (listed)
            continue;
        Group g{name, m_labels.value(name, name), {}};
        for (const SearchFilters::Choice &c : m_filters.choices(name))
            g.values.append({c.value, c.label, -1});
        m_groups.append(std::move(g));
    }
    endResetModel();
}

QModelIndex FacetModel::indexOfFacet(const QString &facet) const
{
    for (int row = 0; row < m_groups.size(); ++row) {
        if (m_groups.at(row).name == facet)
            return index(row, 0);
    }
    return {};
}

QModelIndex FacetModel::indexOfValue(const QString &facet, const QString &value) const
{
    const QModelIndex group = indexOfFacet(facet);
    if (!group.isValid())
        return {};
    const QList<FacetValue> &values = m_groups.at(group.row()).values;
    for (int row = 0; row < values.size(); ++row) {
        if (values.at(row).value == value)
            return index(row, 0, group);
    }
    return {};
}

QModelIndex FacetModel::index(int row, int column, const QModelIndex &parent) const
{
    if (!hasIndex(row, column, parent))
        return {};
    if (!parent.isValid())
        return createIndex(row, column, quintptr(0));
    return createIndex(row, column, quintptr(parent.row() + 1));
}

QModelIndex FacetModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || !isValueIndex(child))
        return {};
    return createIndex(int(child.internalId() - 1), 0, quintptr(0));
}

int FacetModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return int(m_groups.size());
    if (isValueIndex(parent) || parent.column() != 0)
        return 0;
    return int(m_groups.at(parent.row()).values.size());
}

int FacetModel::columnCount(const QModelIndex &) const
{
    return 1;
}

QVariant FacetModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || !checkIndex(index))
        return {};
    if (!isValueIndex(index)) {
        const Group &g = m_groups.at(index.row());
        switch (role) {
        case Qt::DisplayRole:
            return g.label;
        case Qt::FontRole: {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        case FacetNameRole:
            return g.name;
        }
        return {};
    }
    const Group &g = m_groups.at(int(index.internalId() - 1));
    const FacetValue &v = g.values.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return v.count < 0 ? v.label : tr("%1 (%2)").arg(v.label).arg(v.count);
    case Qt::ToolTipRole:
        return v.count < 0 ? tr("Ticked; untick to see more")
                           : tr("%n result(s) with this", nullptr, v.count);
    case Qt::CheckStateRole:
        return m_filters.isSelected(g.name, v.value) ? Qt::Checked : Qt::Unchecked;
    case FacetNameRole:
        return g.name;
    case ValueRole:
        return v.value;
    case CountRole:
        return v.count;
    }
    return {};
}

bool FacetModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::CheckStateRole || !checkIndex(index, CheckIndexOption::IndexIsValid)
        || !isValueIndex(index))
        return false;
    const int groupRow = int(index.internalId() - 1);
    const Group &g = m_groups.at(groupRow);
    const FacetValue &v = g.values.at(index.row());
    const bool checked = value.toInt() == Qt::Checked;
    if (!m_filters.set(g.name, v.value, v.label, checked))
        return false;
    // Ticking a category or a price band unticks its sibling: the whole group may change.
    const QModelIndex group = this->index(groupRow, 0);
    Q_EMIT dataChanged(this->index(0, 0, group), this->index(rowCount(group) - 1, 0, group),
                       {Qt::CheckStateRole});
    Q_EMIT filtersEdited();
    return true;
}

Qt::ItemFlags FacetModel::flags(const QModelIndex &index) const
{
    if (!index.isValid() || !checkIndex(index)) // the views ask about their root too
        return Qt::NoItemFlags;
    if (!isValueIndex(index))
        return Qt::ItemIsEnabled;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable
           | Qt::ItemNeverHasChildren;
}

QVariant FacetModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (section == 0 && orientation == Qt::Horizontal && role == Qt::DisplayRole)
        return tr("Filters");
    return {};
}

} // namespace pincart
