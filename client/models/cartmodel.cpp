#include "cartmodel.h"

#include "ordertext.h"

#include <QColor>
#include <QLocale>

namespace pincart {

CartModel::CartModel(ApiClient *api, QObject *parent)
    : QAbstractTableModel(parent)
    , m_api(api)
{}

std::optional<int> CartModel::rowOfItem(qint64 itemId) const
{
    for (int row = 0; row < m_cart.lines.size(); ++row) {
        if (m_cart.lines.at(row).itemId == itemId)
            return row;
    }
    return std::nullopt;
}

void CartModel::setPincode(const QString &pincode)
{
    m_pincode = pincode;
    reload();
}

void CartModel::reload()
{
    const QString pincode = m_pincode;
    request(
        tr("Could not load the cart: %1"),
        [this, pincode](QObject *context, ApiClient::Done<Cart> done) {
            m_api->cart(pincode, context, std::move(done));
        },
        [this, pincode](const Result<Cart> &result, const QString &) {
            if (result || result.error().kind() != DomainError::Kind::Validation)
                return;
            for (const FieldError &f : result.error().fields()) {
                if (f.field != QLatin1String("pincode"))
                    continue;
                // Keep asking for a pincode that works: the one the cart shows.
                if (m_pincode == pincode)
                    m_pincode = m_cart.pincode;
                Q_EMIT pincodeRefused(pincode, f.message);
                return;
            }
        });
}

void CartModel::add(qint64 itemId, int quantity)
{
    request(
        tr("Could not add to the cart: %1"),
        [this, itemId, quantity](QObject *context, ApiClient::Done<Cart> done) {
            m_api->mergeCart({{itemId, quantity}}, context, std::move(done));
        },
        [this, itemId](const Result<Cart> &result, const QString &error) {
            int inCart = 0;
            if (result) {
                for (const CartLine &line : result->lines)
                    inCart += line.itemId == itemId ? line.quantity : 0;
            }
            Q_EMIT addFinished(itemId, inCart, error);
        });
}

void CartModel::setQuantity(qint64 itemId, int quantity)
{
    request(tr("Could not change the quantity: %1"),
            [this, itemId, quantity](QObject *context, ApiClient::Done<Cart> done) {
                m_api->setCartQuantity(itemId, quantity, context, std::move(done));
            });
}

void CartModel::remove(qint64 itemId)
{
    request(tr("Could not remove the item: %1"),
            [this, itemId](QObject *context, ApiClient::Done<Cart> done) {
                m_api->removeFromCart(itemId, context, std::move(done));
            });
}

void CartModel::setCart(const Cart &cart)
{
    m_applied = ++m_ticket; // newer than anything still in flight
    if (!m_pincode.isEmpty() && cart.pincode != m_pincode) {
        reload();
        return;
    }
    apply(cart);
}

void CartModel::request(const QString &what, Call call, Then then)
{
    const quint64 ticket = ++m_ticket;
    setPending(m_pending + 1);
    call(this, [this, ticket, what, then = std::move(then)](Result<Cart> result) {
        if (!result) {
            const DomainError &error = result.error();
            m_error = what.arg(error.toString());
            if (then)
                then(result, m_error);
            Q_EMIT failed(m_error);
            // A line that went away or a full cart: show the cart as it now is.
            if (error.kind() == DomainError::Kind::NotFound
                || error.kind() == DomainError::Kind::Conflict)
                reload();
        } else {
            m_error.clear();
            if (then)
                then(result, QString());
            if (ticket > m_applied) {
                m_applied = ticket;
                // Changes are answered for the account's pincode; the view shows another one.
                if (!m_pincode.isEmpty() && result->pincode != m_pincode)
                    reload();
                else
                    apply(*result);
            }
        }
        setPending(m_pending - 1); // last: whoever waits for "not busy" sees the answer
    });
}

void CartModel::apply(const Cart &cart)
{
    bool sameRows = cart.lines.size() == m_cart.lines.size();
    for (int row = 0; sameRows && row < cart.lines.size(); ++row)
        sameRows = cart.lines.at(row).itemId == m_cart.lines.at(row).itemId;
    if (sameRows) {
        m_cart = cart;
        if (!m_cart.lines.isEmpty())
            Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
    } else {
        beginResetModel();
        m_cart = cart;
        endResetModel();
    }
    m_loaded = true;
    Q_EMIT cartChanged();
}

void CartModel::setPending(int pending)
{
    const bool wasBusy = isBusy();
    m_pending = pending;
    if (wasBusy != isBusy())
        Q_EMIT busyChanged(isBusy());
}

int CartModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_cart.lines.size());
}

int CartModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant CartModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const CartLine &line = m_cart.lines.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case ItemColumn:
            return line.title;
        case QuantityColumn:
            return line.quantity;
        case PriceColumn:
            return cartPriceText(line);
        case LineTotalColumn:
            return line.lineTotal.toDisplayString();
        case DeliveryColumn:
            return cartDeliveryText(line, m_cart.pincode);
        case RemoveColumn:
            return {};
        }
        break;
    case Qt::EditRole:
        if (index.column() == QuantityColumn)
            return line.quantity;
        break;
    case Qt::ToolTipRole:
        if (index.column() == PriceColumn && line.priceChanged())
            return tr("The price was %1 when you added this item; it is %2 now.")
                .arg(line.addedPrice.toDisplayString(), line.unitPrice.toDisplayString());
        if (index.column() == DeliveryColumn && line.promise)
            return tr("Promised for %1").arg(QLocale().toString(line.promise->promiseDate));
        break;
    case Qt::ForegroundRole:
        if ((index.column() == DeliveryColumn && (!line.deliverable || !line.available))
            || (index.column() == PriceColumn && line.priceChanged()))
            return QColor(0xb0, 0x00, 0x20);
        break;
    case Qt::TextAlignmentRole:
        if (index.column() == QuantityColumn || index.column() == PriceColumn
            || index.column() == LineTotalColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        break;
    case ItemIdRole:
        return line.itemId;
    case PriceChangedRole:
        return line.priceChanged();
    case DeliverableRole:
        return line.available && line.deliverable;
    case AmountRole:
        if (index.column() == PriceColumn)
            return line.unitPrice.amount;
        if (index.column() == LineTotalColumn)
            return line.lineTotal.amount;
        break;
    }
    return {};
}

bool CartModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::EditRole || index.column() != QuantityColumn
        || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return false;
    bool ok = false;
    const int quantity = value.toInt(&ok);
    if (!ok || quantity < 1 || quantity > CartLimits::MaxQuantityPerLine)
        return false;
    const CartLine &line = m_cart.lines.at(index.row());
    if (quantity != line.quantity)
        setQuantity(line.itemId, quantity); // shown once the server answers
    return true;
}

Qt::ItemFlags CartModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags f = QAbstractTableModel::flags(index);
    if (index.isValid() && index.column() == QuantityColumn
        && m_cart.lines.at(index.row()).available)
        f |= Qt::ItemIsEditable;
    return f;
}

QVariant CartModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case ItemColumn:
        return tr("Item");
    case QuantityColumn:
        return tr("Quantity");
    case PriceColumn:
        return tr("Price");
    case LineTotalColumn:
        return tr("Line total");
    case DeliveryColumn:
        return tr("Delivery");
    case RemoveColumn:
        return QString();
    }
    return {};
}

} // namespace pincart
