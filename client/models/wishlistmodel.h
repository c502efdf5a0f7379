#pragma once

#include "apiclient.h"
#include "order.h"

#include <optional>
#include <QAbstractTableModel>

namespace pincart {

// The customer's wishlist as the server last answered it (GET /wishlist, never paged: at most
// CartLimits::MaxWishlistItems). Columns: Item, Price (marked when it changed since it was
// added), Available. Adding and removing answer the whole list; moving an item to the cart
// answers the cart, which movedToCart() hands on, and drops the item's row.
class WishlistModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { ItemColumn, PriceColumn, AvailableColumn, ColumnCount };
    enum Role {
        ItemIdRole = Qt::UserRole + 1, // qint64
        PriceChangedRole,              // bool
    };

    explicit WishlistModel(ApiClient *api, QObject *parent = nullptr);

    const QList<WishlistItem> &items() const { return m_items; }
    const WishlistItem &at(int row) const { return m_items.at(row); }
    std::optional<int> rowOfItem(qint64 itemId) const;
    bool isLoaded() const { return m_loaded; }
    bool isBusy() const { return m_pending > 0; }
    QString errorString() const { return m_error; }

    void reload();
    void add(qint64 itemId);
    void remove(qint64 itemId);
    void moveToCart(qint64 itemId);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    void listChanged();
    void busyChanged(bool busy);
    void failed(const QString &message);
    void movedToCart(const pincart::Cart &cart);
    void added(qint64 itemId); // add() succeeded

private:
    using Call = std::function<void(QObject *context, ApiClient::Done<QList<WishlistItem>> done)>;
    void request(const QString &what, Call call, std::function<void()> then = {});
    void apply(const QList<WishlistItem> &items);
    void setPending(int pending);

    ApiClient *m_api;
    QList<WishlistItem> m_items;
    QString m_error;
    bool m_loaded = false;
    int m_pending = 0;
    quint64 m_ticket = 0;
    quint64 m_applied = 0;
};

} // namespace pincart
