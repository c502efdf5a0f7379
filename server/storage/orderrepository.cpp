#include "orderrepository.h"

#include "statement.h"

#include <QSet>

namespace pincart::server {

namespace {

const QString Select
    = QStringLiteral("SELECT o.id, o.user_id, o.status, o.pincode, o.address, o.payment_method, "
                     "o.payment_status, o.total_amount, o.currency, o.request_hash, o.created_at, "
                     "o.updated_at FROM orders o");

StoredOrder orderFrom(const Statement &q)
{
    StoredOrder s;
    Order &o = s.order;
    o.id = q.value(0).toLongLong();
    o.userId = q.value(1).toLongLong();
    s.cancelled = q.value(2).toString() == QLatin1String("cancelled");
    o.status = s.cancelled ? OrderStatus::Cancelled : OrderStatus::Placed;
    o.pincode = q.value(3).toString();
    o.address = q.value(4).toString();
    o.payment
        = paymentMethodFromName(q.value(5).toString()).value_or(PaymentMethod::CashOnDelivery);
    o.paymentStatus = paymentStatusFromName(q.value(6).toString()).value_or(PaymentStatus::Pending);
    o.total = Money{q.value(7).toLongLong(), q.value(8).toString()};
    s.requestHash = q.value(9).toString();
    o.createdAt = QDateTime::fromMSecsSinceEpoch(q.value(10).toLongLong(), Qt::UTC);
    o.updatedAt = QDateTime::fromMSecsSinceEpoch(q.value(11).toLongLong(), Qt::UTC);
    return s;
}

} // namespace

Status OrderRepository::createAll(QList<OrderToCreate> &orders)
{
    if (orders.isEmpty())
        return {};
    // RETURNING names each new id's customer: SQLite does not promise to return rows in the order
    // they were inserted, so ids are matched by customer, which must therefore differ.
    QSet<qint64> customers;
    for (const OrderToCreate &o : std::as_const(orders))
        customers.insert(o.order.userId);
    if (customers.size() != orders.size())
        return DomainError::internal(
            QStringLiteral("one statement creates one order per customer"));

    const qint64 now = Connection::nowMs();
    QString sql = QStringLiteral(
        "INSERT INTO orders (user_id, status, pincode, address, payment_method, payment_status, "
        "total_amount, currency, idempotency_key, request_hash, created_at, updated_at) VALUES ");
    sql += numbered(
        orders.size(),
        QStringLiteral(
            "(:u%1, 'placed', :p%1, :a%1, :m%1, :s%1, :t%1, :c%1, :k%1, :h%1, :n%1, :n%1)"));
    sql += QStringLiteral(" RETURNING id, user_id");
    Statement q(m_db, sql);
    for (int i = 0; i < orders.size(); ++i) {
        const Order &o = orders.at(i).order;
        const QString &key = orders.at(i).idempotencyKey;
        const QString n = QString::number(i);
        q.bind(QStringLiteral(":u") + n, o.userId)
            .bind(QStringLiteral(":p") + n, o.pincode)
            .bind(QStringLiteral(":a") + n, o.address)
            .bind(QStringLiteral(":m") + n, paymentMethodName(o.payment))
            .bind(QStringLiteral(":s") + n, paymentStatusName(o.paymentStatus))
            .bind(QStringLiteral(":t") + n, o.total.amount)
            .bind(QStringLiteral(":c") + n, o.total.currency)
            .bind(QStringLiteral(":k") + n,
                  key.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(key))
            .bind(QStringLiteral(":h") + n, orders.at(i).requestHash)
            .bind(QStringLiteral(":n") + n,
                  o.createdAt.isValid() ? o.createdAt.toMSecsSinceEpoch() : now);
    }
    if (Status st = q.exec("create orders"); !st)
        return st; // a Conflict when an Idempotency-Key was used before
    int assigned = 0;
    while (q.next()) {
        const qint64 userId = q.value(1).toLongLong();
        for (OrderToCreate &o : orders) {
            if (o.order.userId == userId && o.order.id == 0) {
                o.order.id = q.value(0).toLongLong();
                ++assigned;
                break;
            }
        }
    }
    q.finish();
    if (assigned != orders.size())
        return DomainError::internal(QStringLiteral("created orders without their ids"));

    QString linesSql = QStringLiteral("INSERT INTO order_lines (order_id, line_no, item_id, sku, "
                                      "title, quantity, price_amount) VALUES ");
    qsizetype n = 0;
    for (const OrderToCreate &o : std::as_const(orders))
        n += o.order.lines.size();
    if (n == 0)
        return {};
    linesSql += numbered(n, QStringLiteral("(:o%1, :l%1, :i%1, :s%1, :t%1, :q%1, :p%1)"));
    Statement lines(m_db, linesSql);
    n = 0;
    for (const OrderToCreate &o : std::as_const(orders)) {
        for (qsizetype i = 0; i < o.order.lines.size(); ++i) {
            const OrderLine &l = o.order.lines.at(i);
            const QString k = QString::number(n++);
            lines.bind(QStringLiteral(":o") + k, o.order.id)
                .bind(QStringLiteral(":l") + k, qint64(i + 1))
                .bind(QStringLiteral(":i") + k, l.itemId)
                .bind(QStringLiteral(":s") + k, nonNull(l.sku))
                .bind(QStringLiteral(":t") + k, nonNull(l.title))
                .bind(QStringLiteral(":q") + k, l.quantity)
                .bind(QStringLiteral(":p") + k, l.unitPrice.amount);
        }
    }
    return lines.exec("create order lines");
}

Status OrderRepository::addStockTakes(const QList<StockTake> &takes)
{
    if (takes.isEmpty())
        return {};
    QString sql = QStringLiteral(
        "INSERT INTO order_stock (order_id, stock_id, shipment_id, item_id, quantity) VALUES ");
    sql += numbered(takes.size(), QStringLiteral("(:o%1, :s%1, :sh%1, :i%1, :q%1)"));
    Statement q(m_db, sql);
    for (int i = 0; i < takes.size(); ++i) {
        const StockTake &t = takes.at(i);
        const QString n = QString::number(i);
        q.bind(QStringLiteral(":o") + n, t.orderId)
            .bind(QStringLiteral(":s") + n, t.stockId)
            .bind(QStringLiteral(":sh") + n, t.shipmentId)
            .bind(QStringLiteral(":i") + n, t.itemId)
            .bind(QStringLiteral(":q") + n, t.quantity);
    }
    return q.exec("record stock takes");
}

Result<QList<StockTake>> OrderRepository::stockTakes(qint64 orderId)
{
    Statement q(
        m_db,
        QStringLiteral(
            "SELECT stock_id, shipment_id, item_id, quantity FROM order_stock WHERE order_id = :o "
            "ORDER BY stock_id"));
    q.bind(QStringLiteral(":o"), orderId);
    if (Status s = q.exec("stock takes"); !s)
        return s.error();
    QList<StockTake> out;
    while (q.next())
        out << StockTake{orderId, q.value(0).toLongLong(), q.value(1).toLongLong(),
                         q.value(2).toLongLong(), q.value(3).toInt()};
    return out;
}

Status OrderRepository::loadLines(QList<StoredOrder> &orders)
{
    for (StoredOrder &s : orders) {
        Statement q(m_db, QStringLiteral(
                              "SELECT item_id, sku, title, quantity, price_amount FROM order_lines "
                              "WHERE order_id = :o ORDER BY line_no"));
        q.bind(QStringLiteral(":o"), s.order.id);
        if (Status st = q.exec("order lines"); !st)
            return st;
        while (q.next()) {
            OrderLine l;
            l.itemId = q.value(0).toLongLong();
            l.sku = q.value(1).toString();
            l.title = q.value(2).toString();
            l.quantity = q.value(3).toInt();
            l.unitPrice = Money{q.value(4).toLongLong(), s.order.total.currency};
            l.lineTotal = Money{l.unitPrice.amount * l.quantity, s.order.total.currency};
            s.order.lines << l;
        }
    }
    return {};
}

Result<std::optional<StoredOrder>> OrderRepository::find(qint64 id)
{
    QList<StoredOrder> found;
    {
        Statement q(m_db, Select + QStringLiteral(" WHERE o.id = :id"));
        q.bind(QStringLiteral(":id"), id);
        if (Status s = q.exec("find order"); !s)
            return s.error();
        if (q.next())
            found << orderFrom(q);
    }
    if (found.isEmpty())
        return std::optional<StoredOrder>();
    if (Status s = loadLines(found); !s)
        return s.error();
    return std::optional<StoredOrder>(found.first());
}

Result<std::optional<StoredOrder>> OrderRepository::findByKey(qint64 userId,
                                                              const QString &idempotencyKey)
{
    qint64 id = 0;
    {
        Statement q(m_db, QStringLiteral(
                              "SELECT id FROM orders WHERE user_id = :u AND idempotency_key = :k"));
        q.bind(QStringLiteral(":u"), userId).bind(QStringLiteral(":k"), idempotencyKey);
        if (Status s = q.exec("order by idempotency key"); !s)
            return s.error();
        if (!q.next())
            return std::optional<StoredOrder>();
        id = q.value(0).toLongLong();
    }
    return find(id);
}

Result<QList<StoredOrder>> OrderRepository::list(const OrderListFilter &f)
{
    QString sql = Select + QStringLiteral(" WHERE (:before = 0 OR o.id < :before)");
    if (f.userId)
        sql += QStringLiteral(" AND o.user_id = :u");
    if (f.warehouseIds) {
        QString ids;
        for (qint64 w : *f.warehouseIds)
            ids += (ids.isEmpty() ? QString() : QStringLiteral(","))
                   + QString::number(w); // integers, not input text
        if (ids.isEmpty())
            ids = QStringLiteral("0");
        sql += QStringLiteral(" AND EXISTS (SELECT 1 FROM shipments s WHERE s.order_id = o.id AND "
                              "s.warehouse_id IN (")
               + ids + QStringLiteral("))");
    }
    sql += QStringLiteral(" ORDER BY o.id DESC LIMIT :limit");
    QList<StoredOrder> out;
    {
        Statement q(m_db, sql);
        q.bind(QStringLiteral(":before"), f.beforeId).bind(QStringLiteral(":limit"), f.limit);
        if (f.userId)
            q.bind(QStringLiteral(":u"), *f.userId);
        if (Status s = q.exec("list orders"); !s)
            return s.error();
        while (q.next())
            out << orderFrom(q);
    }
    if (Status s = loadLines(out); !s)
        return s.error();
    return out;
}

Result<bool> OrderRepository::cancel(qint64 id)
{
    Statement q(
        m_db,
        QStringLiteral("UPDATE orders SET status = 'cancelled', updated_at = :now WHERE id = :id "
                       "AND status = 'placed'"));
    q.bind(QStringLiteral(":now"), Connection::nowMs()).bind(QStringLiteral(":id"), id);
    if (Status s = q.exec("cancel order"); !s)
        return s.error();
    return q.numRowsAffected() == 1;
}

Result<bool> OrderRepository::setPaymentStatus(qint64 id, PaymentStatus from, PaymentStatus to)
{
    Statement q(
        m_db,
        QStringLiteral("UPDATE orders SET payment_status = :to, updated_at = :now WHERE id = :id "
                       "AND payment_status = :from"));
    q.bind(QStringLiteral(":to"), paymentStatusName(to))
        .bind(QStringLiteral(":now"), Connection::nowMs())
        .bind(QStringLiteral(":id"), id)
        .bind(QStringLiteral(":from"), paymentStatusName(from));
    if (Status s = q.exec("set payment status"); !s)
        return s.error();
    return q.numRowsAffected() == 1;
}

} // namespace pincart::server
