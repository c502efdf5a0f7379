#include "apiclient.h"

#include "apipaths.h"
#include "codecs.h"
#include "jsonkeys.h"
#include "logisticscodecs.h"
#include "ordercodecs.h"

#include <QBuffer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QNetworkRequest>

namespace pincart {

namespace k = keys;

QByteArray ApiResponse::header(QByteArrayView name) const
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

QJsonObject ApiResponse::json() const
{
    return QJsonDocument::fromJson(body).object();
}

DomainError ApiResponse::error() const
{
    if (status == 0)
        return {DomainError::Kind::Network,
                networkError.isEmpty() ? QStringLiteral("No answer") : networkError};
    return problemFromJson(status, body);
}

ApiClient::ApiClient(QObject *parent)
    : QObject(parent)
    , m_network(new QNetworkAccessManager(this))
{
    // The server is usually on loopback or the LAN: a proxy from the environment would only hurt.
    m_network->setProxy(QNetworkProxy::NoProxy);
}

void ApiClient::setBaseUrl(const QUrl &url)
{
    m_baseUrl = url;
    m_baseUrl.setPath(QString());
}

QNetworkReply *ApiClient::send(const QByteArray &method, const QString &path,
                               const QUrlQuery &query, const QByteArray &body,
                               const QByteArray &contentType, QObject *context, Callback done,
                               const HeaderList &extraHeaders)
{
    return sendAs(Auth::WithToken, method, path, query, body, contentType, context, std::move(done),
                  extraHeaders);
}

QNetworkReply *ApiClient::sendAs(Auth auth, const QByteArray &method, const QString &path,
                                 const QUrlQuery &query, const QByteArray &body,
                                 const QByteArray &contentType, QObject *context, Callback done,
                                 const HeaderList &extraHeaders)
{
    QUrl url = m_baseUrl;
    url.setPath(path);
    if (!query.isEmpty())
        url.setQuery(query);
    QNetworkRequest request(url);
    request.setTransferTimeout(int(m_timeout.count()));
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::ManualRedirectPolicy);
    const bool authenticated = auth == Auth::WithToken && !m_token.isEmpty();
    if (authenticated)
        request.setRawHeader("Authorization", "Bearer " + m_token);
    if (!contentType.isEmpty())
        request.setHeader(QNetworkRequest::ContentTypeHeader, contentType);
    request.setRawHeader("Accept", "application/json");
    for (const auto &[key, value] : extraHeaders)
        request.setRawHeader(key, value);

    QNetworkReply *reply = nullptr;
    if (body.isEmpty() && (method == "GET" || method == "DELETE" || method == "HEAD")) {
        reply = m_network->sendCustomRequest(request, method);
    } else {
        reply = m_network->sendCustomRequest(request, method, body);
    }
    const QMetaObject::Connection finished
        = connect(reply, &QNetworkReply::finished, context ? context : this,
                  [this, reply, done = std::move(done), authenticated] {
                      reply->deleteLater();
                      ApiResponse response;
                      response.status
                          = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
                      response.body = reply->readAll();
                      response.headers = reply->rawHeaderPairs();
                      if (response.status == 0)
                          response.networkError = reply->errorString();
                      if (response.status == 401 && authenticated)
                          Q_EMIT sessionExpired();
                      if (done)
                          done(response);
                  });
    // If the context goes first, the reply must not outlive its usefulness. QObject emits
    // destroyed() before it drops its connections, and abort() emits finished() at once: cut the
    // callback's connection first, or `done` would run on a half-destroyed context.
    if (context && context != this) {
        connect(context, &QObject::destroyed, reply, [reply, finished] {
            QObject::disconnect(finished);
            reply->abort();
            reply->deleteLater();
        });
    }
    return reply;
}

void ApiClient::sendJson(const QByteArray &method, const QString &path, const QJsonObject &body,
                         QObject *context, Callback done)
{
    send(method, path, {}, QJsonDocument(body).toJson(QJsonDocument::Compact), "application/json",
         context, std::move(done));
}

namespace {

// Decodes a successful JSON-object answer with `decode`, or turns the failure into its error.
template<typename T, typename Decode>
ApiClient::Callback decodeWith(ApiClient::Done<T> done, Decode decode)
{
    return [done = std::move(done), decode](const ApiResponse &r) {
        if (!r.isSuccess()) {
            done(r.error());
            return;
        }
        done(decode(r.json()));
    };
}

} // namespace

void ApiClient::login(const QString &email, const QString &password, QObject *context,
                      Done<Session> done)
{
    sendAs(Auth::Anonymous, "POST", paths::login(), {},
           QJsonDocument(QJsonObject{{k::Email, email}, {k::Password, password}})
               .toJson(QJsonDocument::Compact),
           "application/json", context,
           [this, done = std::move(done)](const ApiResponse &r) {
               if (!r.isSuccess())
                   return done(r.error());
               auto session = sessionFromJson(r.json());
               if (session)
                   m_token = session->token;
               done(std::move(session));
           },
           {});
}

void ApiClient::registerCustomer(const NewAccount &a, QObject *context, Done<User> done)
{
    const QJsonObject body{
        {k::Email, a.email}, {k::Password, a.password}, {k::Name, a.name}, {k::Pincode, a.pincode}};
    sendAs(Auth::Anonymous, "POST", paths::register_(), {},
           QJsonDocument(body).toJson(QJsonDocument::Compact), "application/json", context,
           decodeWith<User>(std::move(done), userFromJson), {});
}

void ApiClient::me(QObject *context, Done<User> done)
{
    send("GET", paths::me(), {}, {}, {}, context, decodeWith<User>(std::move(done), userFromJson));
}

void ApiClient::categories(QObject *context, Done<QList<Category>> done)
{
    send("GET", paths::categories(), {}, {}, {}, context,
         decodeWith<QList<Category>>(std::move(done), [](const QJsonObject &o) {
             return categoriesFromJson(o.value(k::Items).toArray());
         }));
}

void ApiClient::items(const ItemQuery &q, QObject *context, Done<Page<Item>> done)
{
    QUrlQuery query;
    if (q.categoryId)
        query.addQueryItem(QStringLiteral("category"), QString::number(*q.categoryId));
    if (q.supplierId)
        query.addQueryItem(QStringLiteral("supplier"), QString::number(*q.supplierId));
    if (!q.after.isEmpty())
        query.addQueryItem(QStringLiteral("after"), q.after);
    query.addQueryItem(QStringLiteral("limit"), QString::number(q.limit));
    send("GET", paths::items(), query, {}, {}, context,
         decodeWith<Page<Item>>(std::move(done), itemPageFromJson));
}

void ApiClient::item(qint64 id, QObject *context, Done<Item> done)
{
    send("GET", paths::item(id), {}, {}, {}, context,
         decodeWith<Item>(std::move(done), itemFromJson));
}

void ApiClient::createItem(const ItemInput &input, QObject *context, Done<Item> done)
{
    sendJson("POST", paths::items(), toJson(input), context,
             decodeWith<Item>(std::move(done), itemFromJson));
}

void ApiClient::updateItem(qint64 id, const ItemInput &input, QObject *context, Done<Item> done)
{
    sendJson("PATCH", paths::item(id), toJson(input), context,
             decodeWith<Item>(std::move(done), itemFromJson));
}

void ApiClient::deleteItem(qint64 id, QObject *context, Done<bool> done)
{
    send("DELETE", paths::item(id), {}, {}, {}, context,
         [done = std::move(done)](const ApiResponse &r) {
             if (!r.isSuccess())
                 return done(r.error());
             done(true);
         });
}

void ApiClient::users(const QString &after, int limit, QObject *context, Done<Page<User>> done)
{
    QUrlQuery query;
    if (!after.isEmpty())
        query.addQueryItem(QStringLiteral("after"), after);
    query.addQueryItem(QStringLiteral("limit"), QString::number(limit));
    send("GET", paths::adminUsers(), query, {}, {}, context,
         decodeWith<Page<User>>(std::move(done), userPageFromJson));
}

void ApiClient::createAccount(const NewAccount &a, QObject *context, Done<User> done)
{
    QJsonArray warehouses;
    for (qint64 id : a.warehouseIds)
        warehouses.append(id);
    QJsonObject body{{k::Email, a.email},
                     {k::Password, a.password},
                     {k::Name, a.name},
                     {k::Roles, QJsonArray::fromStringList(roleNames(a.roles))}};
    if (!a.pincode.isEmpty())
        body.insert(k::Pincode, a.pincode);
    if (!warehouses.isEmpty())
        body.insert(k::WarehouseIds, warehouses);
    sendJson("POST", paths::adminUsers(), body, context,
             decodeWith<User>(std::move(done), userFromJson));
}

void ApiClient::submitItem(const ItemInput &input, QObject *context, Done<Submission> done)
{
    sendJson("POST", paths::submissions(), toJson(input), context,
             decodeWith<Submission>(std::move(done), submissionFromJson));
}

void ApiClient::submitCsv(const QByteArray &csv, QObject *context, Done<Submission> done)
{
    send("POST", paths::submissions(), {}, csv, "text/csv; charset=utf-8", context,
         decodeWith<Submission>(std::move(done), submissionFromJson));
}

void ApiClient::submissions(const QString &after, int limit, QObject *context,
                            Done<Page<Submission>> done)
{
    QUrlQuery query;
    if (!after.isEmpty())
        query.addQueryItem(QStringLiteral("after"), after);
    query.addQueryItem(QStringLiteral("limit"), QString::number(limit));
    send("GET", paths::submissions(), query, {}, {}, context,
         decodeWith<Page<Submission>>(std::move(done), submissionPageFromJson));
}

void ApiClient::submission(qint64 id, QObject *context, Done<Submission> done)
{
    send("GET", paths::submission(id), {}, {}, {}, context,
         decodeWith<Submission>(std::move(done), submissionFromJson));
}

void ApiClient::warehouses(QObject *context, Done<QList<Warehouse>> done)
{
    send("GET", paths::warehouses(), {}, {}, {}, context,
         decodeWith<QList<Warehouse>>(std::move(done), warehousesFromJson));
}

void ApiClient::warehouseSummary(qint64 warehouseId, QObject *context, Done<WarehouseSummary> done)
{
    send("GET", paths::warehouseSummary(warehouseId), {}, {}, {}, context,
         decodeWith<WarehouseSummary>(std::move(done), warehouseSummaryFromJson));
}

void ApiClient::stock(qint64 warehouseId, const StockQuery &q, QObject *context,
                      Done<Page<StockLine>> done)
{
    QUrlQuery query;
    if (q.lowOnly)
        query.addQueryItem(QStringLiteral("low"), QStringLiteral("true"));
    if (!q.search.isEmpty())
        query.addQueryItem(QStringLiteral("q"), q.search);
    if (!q.after.isEmpty())
        query.addQueryItem(QStringLiteral("after"), q.after);
    query.addQueryItem(QStringLiteral("limit"), QString::number(q.limit));
    send("GET", paths::warehouseStock(warehouseId), query, {}, {}, context,
         decodeWith<Page<StockLine>>(std::move(done), stockPageFromJson));
}

void ApiClient::receiveStock(qint64 warehouseId, const QList<ReceiptLine> &lines, QObject *context,
                             Done<Receipt> done)
{
    sendJson("POST", paths::warehouseReceipts(warehouseId), toJson(lines), context,
             decodeWith<Receipt>(std::move(done), receiptFromJson));
}

void ApiClient::fulfilment(qint64 warehouseId, const QString &after, int limit, QObject *context,
                           Done<Page<Shipment>> done)
{
    QUrlQuery query;
    if (!after.isEmpty())
        query.addQueryItem(QStringLiteral("after"), after);
    query.addQueryItem(QStringLiteral("limit"), QString::number(limit));
    send("GET", paths::warehouseFulfilment(warehouseId), query, {}, {}, context,
         decodeWith<Page<Shipment>>(std::move(done), shipmentPageFromJson));
}

void ApiClient::advanceShipment(qint64 shipmentId, ShipmentStatus to, QObject *context,
                                Done<Shipment> done)
{
    sendJson("POST", paths::shipmentStatus(shipmentId), {{k::Status, shipmentStatusName(to)}},
             context, decodeWith<Shipment>(std::move(done), shipmentFromJson));
}

void ApiClient::serviceability(qint64 itemId, const QString &pincode, QObject *context,
                               Done<Serviceability> done)
{
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("item"), QString::number(itemId));
    query.addQueryItem(QStringLiteral("pincode"), pincode);
    send("GET", paths::serviceability(), query, {}, {}, context,
         decodeWith<Serviceability>(std::move(done), serviceabilityFromJson));
}

void ApiClient::couriers(QObject *context, Done<QList<Courier>> done)
{
    send("GET", paths::couriers(), {}, {}, {}, context,
         decodeWith<QList<Courier>>(std::move(done), couriersFromJson));
}

void ApiClient::cart(const QString &pincode, QObject *context, Done<Cart> done)
{
    QUrlQuery query;
    if (!pincode.isEmpty())
        query.addQueryItem(QStringLiteral("pincode"), pincode);
    send("GET", paths::cart(), query, {}, {}, context,
         decodeWith<Cart>(std::move(done), cartFromJson));
}

void ApiClient::setCartQuantity(qint64 itemId, int quantity, QObject *context, Done<Cart> done)
{
    sendJson("PUT", paths::cartItem(itemId), {{k::Quantity, quantity}}, context,
             decodeWith<Cart>(std::move(done), cartFromJson));
}

void ApiClient::removeFromCart(qint64 itemId, QObject *context, Done<Cart> done)
{
    send("DELETE", paths::cartItem(itemId), {}, {}, {}, context,
         decodeWith<Cart>(std::move(done), cartFromJson));
}

void ApiClient::mergeCart(const QList<QPair<qint64, int>> &lines, QObject *context, Done<Cart> done)
{
    sendJson("POST", paths::cartMerge(), cartMergeToJson(lines), context,
             decodeWith<Cart>(std::move(done), cartFromJson));
}

void ApiClient::wishlist(QObject *context, Done<QList<WishlistItem>> done)
{
    send("GET", paths::wishlist(), {}, {}, {}, context,
         decodeWith<QList<WishlistItem>>(std::move(done), wishlistFromJson));
}

void ApiClient::addToWishlist(qint64 itemId, QObject *context, Done<QList<WishlistItem>> done)
{
    send("PUT", paths::wishlistItem(itemId), {}, {}, {}, context,
         decodeWith<QList<WishlistItem>>(std::move(done), wishlistFromJson));
}

void ApiClient::removeFromWishlist(qint64 itemId, QObject *context, Done<QList<WishlistItem>> done)
{
    send("DELETE", paths::wishlistItem(itemId), {}, {}, {}, context,
         decodeWith<QList<WishlistItem>>(std::move(done), wishlistFromJson));
}

void ApiClient::moveToCart(qint64 itemId, QObject *context, Done<Cart> done)
{
    send("POST", paths::wishlistMoveToCart(itemId), {}, {}, {}, context,
         decodeWith<Cart>(std::move(done), cartFromJson));
}

void ApiClient::placeOrder(const Checkout &checkout, const QString &idempotencyKey,
                           QObject *context, Done<Order> done)
{
    HeaderList headers;
    if (!idempotencyKey.isEmpty())
        headers.append(qMakePair(QByteArrayLiteral("Idempotency-Key"), idempotencyKey.toUtf8()));
    send("POST", paths::orders(), {},
         QJsonDocument(toJson(checkout)).toJson(QJsonDocument::Compact), "application/json",
         context, decodeWith<Order>(std::move(done), orderFromJson), headers);
}

void ApiClient::orders(const QString &after, int limit, QObject *context, Done<Page<Order>> done)
{
    QUrlQuery query;
    if (!after.isEmpty())
        query.addQueryItem(QStringLiteral("after"), after);
    query.addQueryItem(QStringLiteral("limit"), QString::number(limit));
    send("GET", paths::orders(), query, {}, {}, context,
         decodeWith<Page<Order>>(std::move(done), orderPageFromJson));
}

void ApiClient::order(qint64 id, QObject *context, Done<Order> done)
{
    send("GET", paths::order(id), {}, {}, {}, context,
         decodeWith<Order>(std::move(done), orderFromJson));
}

void ApiClient::cancelOrder(qint64 id, QObject *context, Done<Order> done)
{
    send("POST", paths::orderCancel(id), {}, {}, {}, context,
         decodeWith<Order>(std::move(done), orderFromJson));
}

void ApiClient::payOrder(qint64 id, const QString &cardNumber, QObject *context, Done<Order> done)
{
    sendJson("POST", paths::orderPayment(id), {{k::CardNumber, cardNumber}}, context,
             decodeWith<Order>(std::move(done), orderFromJson));
}

} // namespace pincart
