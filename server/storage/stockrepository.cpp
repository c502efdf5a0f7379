#include "stockrepository.h"

#include "statement.h"

namespace pincart::server {

namespace {

// LIKE patterns with the user's text taken literally ('!' escapes, in both dialects).
QString likeLiteral(const QString &text)
{
    QString out;
    out.reserve(text.size());
    for (QChar ch : text) {
        if (ch == u'%' || ch == u'_' || ch == u'!')
            out += u'!';
        out += ch;
    }
    return out;
}

} // namespace

Result<QList<WarehouseStock>> StockRepository::availability(qint64 itemId)
{
    Statement q(m_db,
                QStringLiteral(
                    "SELECT warehouse_id, SUM(on_hand - reserved) FROM stock WHERE item_id = :item "
                    "GROUP BY warehouse_id ORDER BY warehouse_id"));
    q.bind(QStringLiteral(":item"), itemId);
    if (Status s = q.exec("item availability"); !s)
        return s.error();
    QList<WarehouseStock> all;
    while (q.next())
        all << WarehouseStock{q.value(0).toLongLong(), q.value(1).toInt()};
    return all;
}

Result<QHash<qint64, QList<WarehouseStock>>>
StockRepository::availabilityOf(const QList<qint64> &itemIds)
{
    // A fixed number of ids a statement (the last padded with a repeat), so one prepared
    // statement serves any count.
    constexpr int PerStatement = 16;
    const QString ids = numbered(PerStatement, QStringLiteral(":i%1"));
    QHash<qint64, QList<WarehouseStock>> out;
    for (qsizetype start = 0; start < itemIds.size(); start += PerStatement) {
        Statement q(m_db, QStringLiteral("SELECT item_id, warehouse_id, SUM(on_hand - reserved) "
                                         "FROM stock WHERE item_id IN (")
                              + ids
                              + QStringLiteral(") GROUP BY item_id, warehouse_id ORDER BY "
                                               "item_id, warehouse_id"));
        for (int i = 0; i < PerStatement; ++i) {
            const qint64 id = itemIds.at(qMin(start + i, itemIds.size() - 1));
            q.bind(QStringLiteral(":i") + QString::number(i), id);
            out.insert(id, {});
        }
        if (Status s = q.exec("items availability"); !s)
            return s.error();
        while (q.next())
            out[q.value(0).toLongLong()]
                << WarehouseStock{q.value(1).toLongLong(), q.value(2).toInt()};
    }
    return out;
}

Status StockRepository::eachAvailability(
    const std::function<void(qint64, const QList<WarehouseStock> &)> &visit)
{
    Statement q(m_db,
                QStringLiteral("SELECT item_id, warehouse_id, SUM(on_hand - reserved) FROM stock "
                               "GROUP BY item_id, warehouse_id ORDER BY item_id, warehouse_id"));
    if (Status s = q.exec("all availability"); !s)
        return s;
    qint64 current = 0;
    QList<WarehouseStock> levels;
    while (q.next()) {
        const qint64 item = q.value(0).toLongLong();
        if (item != current && current != 0) {
            visit(current, levels);
            levels.clear();
        }
        current = item;
        levels << WarehouseStock{q.value(1).toLongLong(), q.value(2).toInt()};
    }
    if (current != 0)
        visit(current, levels);
    return {};
}

Result<QList<StockLine>> StockRepository::list(const StockQuery &query)
{
    const QString search = query.search.trimmed();
    Statement q(m_db, QStringLiteral("SELECT s.id, s.warehouse_id, s.item_id, COALESCE(i.sku, ''), "
                                     "COALESCE(i.title, ''), s.bin, "
                                     "s.on_hand, s.reserved, s.reorder_level FROM stock s LEFT "
                                     "JOIN items i ON i.id = s.item_id "
                                     "WHERE s.warehouse_id = :w AND s.id > :after "
                                     "AND (:low = 0 OR s.on_hand - s.reserved <= s.reorder_level) "
                                     "AND (:search = '' OR i.sku LIKE :prefix ESCAPE '!' OR "
                                     "i.title LIKE :contains ESCAPE '!') "
                                     "ORDER BY s.id LIMIT :limit"));
    q.bind(QStringLiteral(":w"), query.warehouseId)
        .bind(QStringLiteral(":after"), query.afterId)
        .bind(QStringLiteral(":low"), query.lowOnly ? 1 : 0)
        .bind(QStringLiteral(":search"), nonNull(search))
        .bind(QStringLiteral(":prefix"), QString(likeLiteral(search) + u'%'))
        .bind(QStringLiteral(":contains"), QString(u'%' + likeLiteral(search) + u'%'))
        .bind(QStringLiteral(":limit"), query.limit);
    if (Status s = q.exec("list stock"); !s)
        return s.error();
    QList<StockLine> lines;
    while (q.next()) {
        StockLine l;
        l.id = q.value(0).toLongLong();
        l.warehouseId = q.value(1).toLongLong();
        l.itemId = q.value(2).toLongLong();
        l.sku = q.value(3).toString();
        l.title = q.value(4).toString();
        l.bin = q.value(5).toString();
        l.onHand = q.value(6).toInt();
        l.reserved = q.value(7).toInt();
        l.reorderLevel = q.value(8).toInt();
        lines << l;
    }
    return lines;
}

Result<int> StockRepository::add(qint64 warehouseId, qint64 itemId, const QString &bin,
                                 int quantity)
{
    const QString upsert
        = m_db.dialect() == Connection::Dialect::Sqlite
              ? QStringLiteral(
                  " ON CONFLICT (warehouse_id, item_id, bin) DO UPDATE SET on_hand = on_hand + "
                  "excluded.on_hand, updated_at = excluded.updated_at")
              : QStringLiteral(" ON DUPLICATE KEY UPDATE on_hand = on_hand + VALUES(on_hand), "
                               "updated_at = VALUES(updated_at)");
    {
        Statement q(m_db, QStringLiteral(
                              "INSERT INTO stock (warehouse_id, item_id, bin, on_hand, updated_at) "
                              "VALUES (:w, :item, :bin, :qty, :now)")
                              + upsert);
        q.bind(QStringLiteral(":w"), warehouseId)
            .bind(QStringLiteral(":item"), itemId)
            .bind(QStringLiteral(":bin"), bin)
            .bind(QStringLiteral(":qty"), quantity)
            .bind(QStringLiteral(":now"), Connection::nowMs());
        if (Status s = q.exec("add stock"); !s)
            return s.error();
    }
    Statement q(m_db, QStringLiteral("SELECT on_hand FROM stock WHERE warehouse_id = :w AND "
                                     "item_id = :item AND bin = :bin"));
    q.bind(QStringLiteral(":w"), warehouseId)
        .bind(QStringLiteral(":item"), itemId)
        .bind(QStringLiteral(":bin"), bin);
    if (Status s = q.exec("stock after add"); !s)
        return s.error();
    return q.next() ? q.value(0).toInt() : 0;
}

Status StockRepository::insertRows(const QList<StockLine> &rows)
{
    constexpr int RowsPerStatement = 100;
    const qint64 now = Connection::nowMs();
    for (qsizetype start = 0; start < rows.size(); start += RowsPerStatement) {
        const int n = int(qMin<qsizetype>(RowsPerStatement, rows.size() - start));
        QString sql = QStringLiteral(
            "INSERT INTO stock (warehouse_id, item_id, bin, on_hand, reserved, reorder_level, "
            "updated_at) VALUES ");
        sql += numbered(n, QStringLiteral("(:w%1, :i%1, :b%1, :o%1, :r%1, :l%1, :now)"));
        Statement q(m_db, sql);
        for (int i = 0; i < n; ++i) {
            const StockLine &row = rows.at(start + i);
            const QString suffix = QString::number(i);
            q.bind(QStringLiteral(":w") + suffix, row.warehouseId)
                .bind(QStringLiteral(":i") + suffix, row.itemId)
                .bind(QStringLiteral(":b") + suffix, row.bin)
                .bind(QStringLiteral(":o") + suffix, row.onHand)
                .bind(QStringLiteral(":r") + suffix, row.reserved)
                .bind(QStringLiteral(":l") + suffix, row.reorderLevel);
        }
        q.bind(QStringLiteral(":now"), now);
        if (Status s = q.exec("insert stock rows"); !s)
            return s;
    }
    return {};
}

Status StockRepository::setReorderLevel(qint64 warehouseId, qint64 itemId, const QString &bin,
                                        int level)
{
    Statement q(
        m_db,
        QStringLiteral(
            "UPDATE stock SET reorder_level = :level WHERE warehouse_id = :w AND item_id = :item "
            "AND bin = :bin"));
    q.bind(QStringLiteral(":level"), level)
        .bind(QStringLiteral(":w"), warehouseId)
        .bind(QStringLiteral(":item"), itemId)
        .bind(QStringLiteral(":bin"), bin);
    return q.exec("set reorder level");
}

Result<qint64> StockRepository::createReceipt(qint64 warehouseId, qint64 operatorId,
                                              const QList<ReceiptLine> &lines)
{
    qint64 units = 0;
    for (const ReceiptLine &l : lines)
        units += l.quantity;
    Statement q(
        m_db, QStringLiteral("INSERT INTO receipts (warehouse_id, operator_id, units, created_at) "
                             "VALUES (:w, :op, :units, :now)"));
    q.bind(QStringLiteral(":w"), warehouseId)
        .bind(QStringLiteral(":op"), operatorId)
        .bind(QStringLiteral(":units"), units)
        .bind(QStringLiteral(":now"), Connection::nowMs());
    if (Status s = q.exec("create receipt"); !s)
        return s.error();
    const qint64 receiptId = q.lastInsertId();
    int lineNo = 0;
    for (const ReceiptLine &l : lines) {
        Statement line(
            m_db, QStringLiteral(
                      "INSERT INTO receipt_lines (receipt_id, line_no, item_id, bin, quantity) "
                      "VALUES (:r, :n, :item, :bin, :qty)"));
        line.bind(QStringLiteral(":r"), receiptId)
            .bind(QStringLiteral(":n"), ++lineNo)
            .bind(QStringLiteral(":item"), l.itemId)
            .bind(QStringLiteral(":bin"), l.bin)
            .bind(QStringLiteral(":qty"), l.quantity);
        if (Status s = line.exec("create receipt line"); !s)
            return s.error();
    }
    return receiptId;
}

Result<WarehouseSummary> StockRepository::summary(qint64 warehouseId, qint64 dayStartMs)
{
    WarehouseSummary s;
    s.warehouseId = warehouseId;
    {
        Statement q(
            m_db,
            QStringLiteral(
                "SELECT COUNT(*), COALESCE(SUM(on_hand), 0), "
                "COALESCE(SUM(CASE WHEN on_hand - reserved <= reorder_level THEN 1 ELSE 0 END), 0) "
                "FROM stock WHERE warehouse_id = :w"));
        q.bind(QStringLiteral(":w"), warehouseId);
        if (Status st = q.exec("stock summary"); !st)
            return st.error();
        if (q.next()) {
            s.stockLines = q.value(0).toLongLong();
            s.unitsOnHand = q.value(1).toLongLong();
            s.lowStockItems = q.value(2).toInt();
        }
    }
    Statement q(
        m_db, QStringLiteral(
                  "SELECT COUNT(*), COALESCE(SUM(units), 0) FROM receipts WHERE warehouse_id = :w "
                  "AND created_at >= :since"));
    q.bind(QStringLiteral(":w"), warehouseId).bind(QStringLiteral(":since"), dayStartMs);
    if (Status st = q.exec("receipts today"); !st)
        return st.error();
    if (q.next()) {
        s.receiptsToday = q.value(0).toInt();
        s.unitsReceivedToday = q.value(1).toLongLong();
    }
    return s;
}

Result<QList<qint64>> StockRepository::itemsWithSku(const QString &sku)
{
    Statement q(m_db, QStringLiteral("SELECT id FROM items WHERE sku = :sku ORDER BY id LIMIT 10"));
    q.bind(QStringLiteral(":sku"), sku);
    if (Status s = q.exec("items by sku"); !s)
        return s.error();
    QList<qint64> ids;
    while (q.next())
        ids << q.value(0).toLongLong();
    return ids;
}

Result<QList<SellableStock>> StockRepository::sellable(const QList<qint64> &itemIds)
{
    QList<SellableStock> rows;
    if (itemIds.isEmpty())
        return rows;
    QString placeholders;
    for (int i = 0; i < itemIds.size(); ++i)
        placeholders += (i ? QStringLiteral(", :i") : QStringLiteral(":i")) + QString::number(i);
    Statement q(
        m_db,
        QStringLiteral(
            "SELECT id, warehouse_id, item_id, on_hand - reserved FROM stock WHERE item_id IN (")
            + placeholders + QStringLiteral(") AND on_hand - reserved > 0 ORDER BY item_id, id"));
    for (int i = 0; i < itemIds.size(); ++i)
        q.bind(QStringLiteral(":i") + QString::number(i), itemIds.at(i));
    if (Status s = q.exec("sellable stock"); !s)
        return s.error();
    while (q.next())
        rows << SellableStock{q.value(0).toLongLong(), q.value(1).toLongLong(),
                              q.value(2).toLongLong(), q.value(3).toInt()};
    return rows;
}

Result<bool> StockRepository::take(qint64 stockId, int quantity)
{
    Statement q(m_db, QStringLiteral("UPDATE stock SET on_hand = on_hand - :q, updated_at = :now "
                                     "WHERE id = :id AND on_hand - reserved >= :q"));
    q.bind(QStringLiteral(":q"), quantity)
        .bind(QStringLiteral(":now"), Connection::nowMs())
        .bind(QStringLiteral(":id"), stockId);
    if (Status s = q.exec("take stock"); !s)
        return s.error();
    return q.numRowsAffected() == 1;
}

Result<bool> StockRepository::takeAll(const QList<QPair<qint64, int>> &takes)
{
    if (takes.size() == 1)
        return take(takes.first().first, takes.first().second);
    if (takes.isEmpty())
        return true;
    // One statement per number of rows (prepared once each): the quantity per row as a CASE, the
    // rows by primary key, so InnoDB locks them in ascending id order as the one-row takes did.
    QString units = QStringLiteral("CASE id");
    for (int i = 0; i < takes.size(); ++i)
        units += QStringLiteral(" WHEN :s%1 THEN :q%1").arg(i);
    units += QStringLiteral(" END");
    const QString ids = numbered(takes.size(), QStringLiteral(":s%1"));
    Statement q(m_db, QStringLiteral("UPDATE stock SET on_hand = on_hand - ") + units
                          + QStringLiteral(", updated_at = :now WHERE id IN (") + ids
                          + QStringLiteral(") AND on_hand - reserved >= ") + units);
    for (int i = 0; i < takes.size(); ++i) {
        const QString n = QString::number(i);
        q.bind(QStringLiteral(":s") + n, takes.at(i).first)
            .bind(QStringLiteral(":q") + n, takes.at(i).second);
    }
    q.bind(QStringLiteral(":now"), Connection::nowMs());
    if (Status s = q.exec("take stock"); !s)
        return s.error();
    return q.numRowsAffected() == takes.size();
}

Status StockRepository::putBack(qint64 stockId, int quantity)
{
    Statement q(m_db,
                QStringLiteral(
                    "UPDATE stock SET on_hand = on_hand + :q, updated_at = :now WHERE id = :id"));
    q.bind(QStringLiteral(":q"), quantity)
        .bind(QStringLiteral(":now"), Connection::nowMs())
        .bind(QStringLiteral(":id"), stockId);
    return q.exec("put stock back");
}

} // namespace pincart::server
