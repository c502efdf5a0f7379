#pragma once

#include "category.h"
#include "item.h"
#include "logistics.h"
#include "order.h"
#include "page.h"
#include "result.h"
#include "submission.h"
#include "user.h"

#include <chrono>
#include <functional>
#include <QJsonObject>
#include <QObject>
#include <QUrl>
#include <QUrlQuery>

class QNetworkAccessManager;
class QNetworkReply;

namespace pincart {

using HeaderList = QList<QPair<QByteArray, QByteArray>>;

// What came back from one request: an HTTP answer, or a network error (status 0).
struct ApiResponse
{
    int status = 0;
    QByteArray body;
    HeaderList headers;
    QString networkError;

    bool isSuccess() const { return status >= 200 && status < 300; }
    QByteArray header(QByteArrayView name) const; // case-insensitive; empty when absent
    QJsonObject json() const;                     // empty unless the body is a JSON object
    DomainError error() const;                    // the problem+json, or the network error
};

struct ItemQuery
{
    std::optional<qint64> categoryId;
    std::optional<qint64> supplierId;
    QString after;
    int limit = 20;
};

// GET /warehouses/{id}/stock: rows whose SKU starts with `search` or whose title has its words;
// `lowOnly` keeps the rows at or under their reorder level.
struct StockQuery
{
    QString after;
    int limit = 20;
    bool lowOnly = false;
    QString search;
};

struct NewAccount
{
    QString email;
    QString password;
    QString name;
    Roles roles;
    QString pincode;
    QList<qint64> warehouseIds;
};

// The only code in Pincart that speaks HTTP to the server: used by the desktop client and by the
// API tests. Every call is asynchronous; its callback runs on the caller's thread, and never
// after `context` is destroyed (so a closed window cannot be called back).
class ApiClient : public QObject
{
    Q_OBJECT

public:
    template<typename T>
    using Done = std::function<void(Result<T>)>;
    using Callback = std::function<void(const ApiResponse &)>;

    explicit ApiClient(QObject *parent = nullptr);

    void setBaseUrl(const QUrl &url);
    QUrl baseUrl() const { return m_baseUrl; }
    void setToken(const QByteArray &token) { m_token = token; }
    QByteArray token() const { return m_token; }
    void setTimeout(std::chrono::milliseconds timeout) { m_timeout = timeout; }

    // Any request; `path` is absolute ("/api/v1/items"). The reply is owned by the client.
    QNetworkReply *send(const QByteArray &method, const QString &path, const QUrlQuery &query,
                        const QByteArray &body, const QByteArray &contentType, QObject *context,
                        Callback done, const HeaderList &extraHeaders = {});
    void sendJson(const QByteArray &method, const QString &path, const QJsonObject &body,
                  QObject *context, Callback done);

    // Login and registration never carry the current token: a stale one must not turn a wrong
    // password into "session expired".
    enum class Auth { WithToken, Anonymous };

    // Logs in and, on success, keeps the token for the calls that follow.
    void login(const QString &email, const QString &password, QObject *context, Done<Session> done);
    void registerCustomer(const NewAccount &account, QObject *context, Done<User> done);
    void me(QObject *context, Done<User> done);
    void categories(QObject *context, Done<QList<Category>> done);
    void items(const ItemQuery &query, QObject *context, Done<Page<Item>> done);
    void item(qint64 id, QObject *context, Done<Item> done);
    void createItem(const ItemInput &input, QObject *context, Done<Item> done);
    void updateItem(qint64 id, const ItemInput &input, QObject *context, Done<Item> done);
    void deleteItem(qint64 id, QObject *context, Done<bool> done);
    void users(const QString &after, int limit, QObject *context, Done<Page<User>> done);
    void createAccount(const NewAccount &account, QObject *context, Done<User> done);

    // Supplier onboarding: one item as JSON, or many as CSV (the layout of submissioncsv.h);
    // answered 202 with the pending submission, which the server then processes.
    void submitItem(const ItemInput &input, QObject *context, Done<Submission> done);
    void submitCsv(const QByteArray &csv, QObject *context, Done<Submission> done);
    void submissions(const QString &after, int limit, QObject *context,
                     Done<Page<Submission>> done);
    void submission(qint64 id, QObject *context, Done<Submission> done);

    // Warehouse operations (operator: the assigned warehouses only; admin: all).
    void warehouses(QObject *context, Done<QList<Warehouse>> done);
    void warehouseSummary(qint64 warehouseId, QObject *context, Done<WarehouseSummary> done);
    void stock(qint64 warehouseId, const StockQuery &query, QObject *context,
               Done<Page<StockLine>> done);
    // Inbound stock in one receipt (201); a 422 names each bad line's field ("lines[0].sku").
    void receiveStock(qint64 warehouseId, const QList<ReceiptLine> &lines, QObject *context,
                      Done<Receipt> done);
    // The open shipments (placed, picked, packed), oldest first.
    void fulfilment(qint64 warehouseId, const QString &after, int limit, QObject *context,
                    Done<Page<Shipment>> done);
    // One step forward (placed -> picked -> packed -> shipped); any other step is a 409.
    void advanceShipment(qint64 shipmentId, ShipmentStatus to, QObject *context,
                         Done<Shipment> done);
    // Where an item can come from for a pincode, and when it would arrive (anyone may ask).
    void serviceability(qint64 itemId, const QString &pincode, QObject *context,
                        Done<Serviceability> done);
    void couriers(QObject *context, Done<QList<Courier>> done);

    // The customer's cart, priced now and checked against `pincode` (empty: the account's own).
    // Every cart call answers the whole cart, so the client never adds up prices itself.
    void cart(const QString &pincode, QObject *context, Done<Cart> done);
    // Sets a line's quantity (1 to CartLimits::MaxQuantityPerLine), adding the line if new.
    void setCartQuantity(qint64 itemId, int quantity, QObject *context, Done<Cart> done);
    void removeFromCart(qint64 itemId, QObject *context, Done<Cart> done);
    // Adds each (item, quantity) to what the cart holds, capped per line; items no longer sold
    // are skipped. The way to add to a cart (one line) and to bring in a cart built before login.
    void mergeCart(const QList<QPair<qint64, int>> &lines, QObject *context, Done<Cart> done);
    void wishlist(QObject *context, Done<QList<WishlistItem>> done);
    void addToWishlist(qint64 itemId, QObject *context, Done<QList<WishlistItem>> done);
    void removeFromWishlist(qint64 itemId, QObject *context, Done<QList<WishlistItem>> done);
    // Takes the item off the wishlist and adds one to the cart, in one step.
    void moveToCart(qint64 itemId, QObject *context, Done<Cart> done);

    // Places an order of the whole cart. `idempotencyKey` names this checkout attempt: sending
    // the same key again (after a lost answer) gets the first order back instead of a second.
    // A 409 names each short line as field "cart.<item_id>"; a 422 the bad pincode or address.
    void placeOrder(const Checkout &checkout, const QString &idempotencyKey, QObject *context,
                    Done<Order> done);
    // The customer's orders, newest first.
    void orders(const QString &after, int limit, QObject *context, Done<Page<Order>> done);
    void order(qint64 id, QObject *context, Done<Order> done);
    // Cancels the order and returns its stock; a 409 once a shipment has shipped.
    void cancelOrder(qint64 id, QObject *context, Done<Order> done);
    // The simulated card gateway of a prepaid order: the order with its payment paid or failed.
    void payOrder(qint64 id, const QString &cardNumber, QObject *context, Done<Order> done);

Q_SIGNALS:
    // An authenticated call was refused with 401: the token expired or was revoked.
    void sessionExpired();

private:
    QNetworkReply *sendAs(Auth auth, const QByteArray &method, const QString &path,
                          const QUrlQuery &query, const QByteArray &body,
                          const QByteArray &contentType, QObject *context, Callback done,
                          const HeaderList &extraHeaders);

    QNetworkAccessManager *m_network;
    QUrl m_baseUrl;
    QByteArray m_token;
    std::chrono::milliseconds m_timeout{15000};
};

} // namespace pincart
