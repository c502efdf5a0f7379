#include "orderrepository.h"

#include "statement.h"

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

Result<qint64> OrderRepository::create(const Order &o, const QString &idempotencyKey,
                                       const QString &requestHash)
{
    const qint64 now = Connection::nowMs();
    Statement q(
        m_db, QStringLiteral(
                  "INSERT INTO orders (user_id, status, pincode, address, payment_method, "
                  "payment_status, "
                  "total_amount, currency, idempotency_key, request_hash, created_at, updated_at) "
                  "VALUES (:u, 'placed', :pincode, :address, :method, :pstatus, :total, :currency, "
                  ":key, :hash, :now, :now)"));
    q.bind(QStringLiteral(":u"), o.userId)
        .bind(QStringLiteral(":pincode"), o.pincode)
        .bind(QStringLiteral(":address"), o.address)
        .bind(QStringLiteral(":method"), paymentMethodName(o.payment))
        .bind(QStringLiteral(":pstatus"), paymentStatusName(o.paymentStatus))
        .bind(QStringLiteral(":total"), o.total.amount)
        .bind(QStringLiteral(":currency"), o.total.currency)
        .bind(QStringLiteral(":key"), idempotencyKey.isEmpty()
                                          ? QVariant(QMetaType::fromType<QString>())
                                          : QVariant(idempotencyKey))
        .bind(QStringLiteral(":hash"), requestHash)
        .bind(QStringLiteral(":now"), now);
    if (Status s = q.exec("create order"); !s)
        return s.error();
    return q.lastInsertId();
}

Status OrderRepository::addLines(qint64 orderId, const QList<OrderLine> &lines)
{
    if (lines.isEmpty())
        return {};
    QString sql = QStringLiteral("INSERT INTO order_lines (order_id, line_no, item_id, sku, title, "
                                 "quantity, price_amount) VALUES ");
    for (int i = 0; i < lines.size(); ++i)
        sql += QStringLiteral("%1(:o, %2, :i%2, :s%2, :t%2, :q%2, :p%2)")
                   .arg(i ? QStringLiteral(", ") : QString())
                   .arg(i + 1);
    Statement q(m_db, sql);
    q.bind(QStringLiteral(":o"), orderId);
    for (int i = 0; i < lines.size(); ++i) {
        const OrderLine &l = lines.at(i);
        const QString n = QString::number(i + 1);
        q.bind(QStringLiteral(":i") + n, l.itemId)
            .bind(QStringLiteral(":s") + n, nonNull(l.sku))
            .bind(QStringLiteral(":t") + n, nonNull(l.title))
            .bind(QStringLiteral(":q") + n, l.quantity)
            .bind(QStringLiteral(":p") + n, l.unitPrice.amount);
    }
    return q.exec("create order lines");
}

Status OrderRepository::addStockTakes(qint64 orderId, const QList<StockTake> &takes)
{
    if (takes.isEmpty())
        return {};
    QString sql = QStringLiteral(
        "INSERT INTO order_stock (order_id, stock_id, shipment_id, item_id, quantity) VALUES ");
    for (int i = 0; i < takes.size(); ++i)
        sql += QStringLiteral("%1(:o, :s%2, :sh%2, :i%2, :q%2)")
                   .arg(i ? QStringLiteral(", ") : QString())
                   .arg(i);
    Statement q(m_db, sql);
    q.bind(QStringLiteral(":o"), orderId);
    for (int i = 0; i < takes.size(); ++i) {
        const StockTake &t = takes.at(i);
        const QString n = QString::number(i);
        q.bind(QStringLiteral(":s") + n, t.stockId)
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
        out << StockTake{q.value(0).toLongLong(), q.value(1).toLongLong(), q.value(2).toLongLong(),
                         q.value(3).toInt()};
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
