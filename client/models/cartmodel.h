#pragma once

#include "apiclient.h"
#include "order.h"

#include <optional>
#include <QAbstractTableModel>

namespace pincart {

// The customer's cart as the server last answered it: columns Item, Quantity (editable, 1 to
// CartLimits::MaxQuantityPerLine), Price (marked when it changed since the line was added), Line
// total, Delivery ("by 27 Nov", "not deliverable to 560034") and Remove (for a button). Every
// change is a request whose answer is the whole cart; the rows only ever show such an answer, so
// the totals are the server's. Invariant: an answer older than the one shown never replaces it.
// Deliverability is for pincode(): an answer for another pincode (the server answers changes for
// the account's pincode) is followed by a fresh GET /cart for pincode().
class CartModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        ItemColumn,
        QuantityColumn,
        PriceColumn,
        LineTotalColumn,
        DeliveryColumn,
        RemoveColumn,
        ColumnCount
    };
    enum Role {
        ItemIdRole = Qt::UserRole + 1, // qint64
        PriceChangedRole,              // bool
        DeliverableRole,               // bool
        AmountRole,                    // qint64 minor units of Price and Line total
    };

    explicit CartModel(ApiClient *api, QObject *parent = nullptr);

    const Cart &cart() const { return m_cart; }
    const CartLine &at(int row) const { return m_cart.lines.at(row); }
    std::optional<int> rowOfItem(qint64 itemId) const;
    bool isLoaded() const { return m_loaded; }
    bool isBusy() const { return m_pending > 0; }
    QString errorString() const { return m_error; } // the last failure; cleared by a success

    // The pincode deliverability is checked for; empty: the account's own.
    QString pincode() const { return m_pincode; }
    // Changes the pincode and asks for the cart again. One the server refuses (not six digits, not
    // in the India Post directory) is dropped for the cart's own, with pincodeRefused().
    void setPincode(const QString &pincode);
    void reload();
    // Adds `quantity` to the item's line (POST /cart/merge: the server adds and caps).
    void add(qint64 itemId, int quantity);
    void setQuantity(qint64 itemId, int quantity);
    void remove(qint64 itemId);
    // A cart that came from elsewhere (a wishlist item moved, a guest cart merged).
    void setCart(const Cart &cart);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    void cartChanged();                  // a new answer is shown
    void busyChanged(bool busy);         // requests in flight, or none
    void failed(const QString &message); // a change or load was refused or not answered
    // The server does not know `pincode` (422): the model went back to the cart's pincode.
    void pincodeRefused(const QString &pincode, const QString &message);
    // add() answered: how many the cart now holds (0: the item is no longer sold), or why not.
    void addFinished(qint64 itemId, int inCart, const QString &error);

private:
    using Call = std::function<void(QObject *context, ApiClient::Done<Cart> done)>;
    // Sends one cart request; its answer is shown unless a newer one was already.
    using Then = std::function<void(const Result<Cart> &, const QString &error)>;
    void request(const QString &what, Call call, Then then = {});
    void apply(const Cart &cart);
    void setPending(int pending);

    ApiClient *m_api;
    Cart m_cart;
    QString m_pincode;
    QString m_error;
    bool m_loaded = false;
    int m_pending = 0;
    quint64 m_ticket = 0;  // bumped by every request
    quint64 m_applied = 0; // ticket of the answer shown
};

} // namespace pincart
