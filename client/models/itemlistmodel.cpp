#include "itemlistmodel.h"

namespace pincart {

ItemListModel::ItemListModel(ApiClient *api, QObject *parent)
    : PagedListModel<Item>(parent)
    , m_api(api)
{}

void ItemListModel::setQuery(const ItemQuery &query)
{
    m_query = query;
    m_query.after.clear();
    reload();
}

std::optional<int> ItemListModel::rowOfItem(qint64 id) const
{
    for (int row = 0; row < rows().size(); ++row) {
        if (at(row).id == id)
            return row;
    }
    return std::nullopt;
}

void ItemListModel::updateItem(const Item &item)
{
    if (const auto row = rowOfItem(item.id))
        replaceRowAt(*row, item);
}

void ItemListModel::removeItem(qint64 id)
{
    if (const auto row = rowOfItem(id))
        removeRowAt(*row);
}

int ItemListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ItemListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Item &item = at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case Qt::ToolTipRole:
        switch (index.column()) {
        case TitleColumn:
            return item.title;
        case BrandColumn:
            return item.brand;
        case PriceColumn:
            return item.price.toDisplayString();
        }
        break;
    case Qt::TextAlignmentRole:
        if (index.column() == PriceColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        break;
    case ItemIdRole:
        return item.id;
    case CategoryIdRole:
        return item.categoryId;
    case PriceAmountRole:
        return item.price.amount;
    case SortRole:
        switch (index.column()) {
        case TitleColumn:
            return item.title;
        case BrandColumn:
            return item.brand;
        case PriceColumn:
            return item.price.amount;
        }
        break;
    }
    return {};
}

QVariant ItemListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TitleColumn:
        return tr("Title");
    case BrandColumn:
        return tr("Brand");
    case PriceColumn:
        return tr("Price");
    }
    return {};
}

void ItemListModel::fetchPage(const QString &after, int limit, QObject *context, Done done)
{
    ItemQuery query = m_query;
    query.after = after;
    query.limit = limit;
    m_api->items(query, context, std::move(done));
}

} // namespace pincart
