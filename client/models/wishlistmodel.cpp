#include "wishlistmodel.h"

#include <QColor>

namespace pincart {

WishlistModel::WishlistModel(ApiClient *api, QObject *parent)
    : QAbstractTableModel(parent)
    , m_api(api)
{}

std::optional<int> WishlistModel::rowOfItem(qint64 itemId) const
{
    for (int row = 0; row < m_items.size(); ++row) {
        if (m_items.at(row).itemId == itemId)
            return row;
    }
    return std::nullopt;
}

void WishlistModel::reload()
{
    request(tr("Could not load the wishlist: %1"),
            [this](QObject *context, ApiClient::Done<QList<WishlistItem>> done) {
                m_api->wishlist(context, std::move(done));
            });
}

void WishlistModel::add(qint64 itemId)
{
    request(
        tr("Could not add to the wishlist: %1"),
        [this, itemId](QObject *context, ApiClient::Done<QList<WishlistItem>> done) {
            m_api->addToWishlist(itemId, context, std::move(done));
        },
        [this, itemId] { Q_EMIT added(itemId); });
}

void WishlistModel::remove(qint64 itemId)
{
    request(tr("Could not remove from the wishlist: %1"),
            [this, itemId](QObject *context, ApiClient::Done<QList<WishlistItem>> done) {
                m_api->removeFromWishlist(itemId, context, std::move(done));
            });
}

void WishlistModel::moveToCart(qint64 itemId)
{
    const quint64 ticket = ++m_ticket;
    setPending(m_pending + 1);
    m_api->moveToCart(itemId, this, [this, itemId, ticket](Result<Cart> result) {
        if (!result) {
            m_error = tr("Could not move the item to the cart: %1").arg(result.error().toString());
            Q_EMIT failed(m_error);
            if (result.error().kind() == DomainError::Kind::NotFound)
                reload(); // it left the wishlist meanwhile
        } else {
            m_error.clear();
            // The server took it off the wishlist; the list answered before this still has it.
            m_applied = qMax(m_applied, ticket);
            if (const auto row = rowOfItem(itemId)) {
                beginRemoveRows({}, *row, *row);
                m_items.removeAt(*row);
                endRemoveRows();
                Q_EMIT listChanged();
            }
            Q_EMIT movedToCart(*result);
        }
        setPending(m_pending - 1);
    });
}

void WishlistModel::request(const QString &what, Call call, std::function<void()> then)
{
    const quint64 ticket = ++m_ticket;
    setPending(m_pending + 1);
    call(this, [this, ticket, what, then = std::move(then)](Result<QList<WishlistItem>> result) {
        if (!result) {
            m_error = what.arg(result.error().toString());
            Q_EMIT failed(m_error);
        } else {
            m_error.clear();
            if (ticket > m_applied) {
                m_applied = ticket;
                apply(*result);
            }
            if (then)
                then();
        }
        setPending(m_pending - 1);
    });
}

void WishlistModel::apply(const QList<WishlistItem> &items)
{
    beginResetModel();
    m_items = items;
    endResetModel();
    m_loaded = true;
    Q_EMIT listChanged();
}

void WishlistModel::setPending(int pending)
{
    const bool wasBusy = isBusy();
    m_pending = pending;
    if (wasBusy != isBusy())
        Q_EMIT busyChanged(isBusy());
}

int WishlistModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_items.size());
}

int WishlistModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant WishlistModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const WishlistItem &item = m_items.at(index.row());
    const bool changed = item.price.amount != item.addedPrice.amount;
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case ItemColumn:
            return item.title;
        case PriceColumn:
            if (changed)
                return tr("%1 (price changed from %2)")
                    .arg(item.price.toDisplayString(), item.addedPrice.toDisplayString());
            return item.price.toDisplayString();
        case AvailableColumn:
            return item.available ? tr("Yes") : tr("No longer sold");
        }
        break;
    case Qt::ForegroundRole:
        if ((index.column() == PriceColumn && changed)
            || (index.column() == AvailableColumn && !item.available))
            return QColor(0xb0, 0x00, 0x20);
        break;
    case Qt::TextAlignmentRole:
        if (index.column() == PriceColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        break;
    case ItemIdRole:
        return item.itemId;
    case PriceChangedRole:
        return changed;
    }
    return {};
}

QVariant WishlistModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case ItemColumn:
        return tr("Item");
    case PriceColumn:
        return tr("Price");
    case AvailableColumn:
        return tr("Available");
    }
    return {};
}

} // namespace pincart
