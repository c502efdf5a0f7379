#include "itemrepository.h"

#include "statement.h"

#include <algorithm>
#include <QJsonDocument>

namespace pincart::server {

namespace {

const QString Columns = QStringLiteral(
    "id, supplier_id, sku, title, description, brand, category_id, price_amount, currency, "
    "attributes, status, version, created_at, updated_at");

Item itemFrom(const Statement &q)
{
    Item i;
    i.id = q.value(0).toLongLong();
    i.supplierId = q.value(1).toLongLong();
    i.sku = q.value(2).toString();
    i.title = q.value(3).toString();
    i.description = q.value(4).toString();
    i.brand = q.value(5).toString();
    i.categoryId = q.value(6).toLongLong();
    i.price = Money{q.value(7).toLongLong(), q.value(8).toString()};
    i.attributes = QJsonDocument::fromJson(q.value(9).toByteArray()).object();
    i.status = itemStatusFromName(q.value(10).toString()).value_or(Item::Status::Inactive);
    i.version = q.value(11).toLongLong();
    i.createdAt = QDateTime::fromMSecsSinceEpoch(q.value(12).toLongLong(), Qt::UTC);
    i.updatedAt = QDateTime::fromMSecsSinceEpoch(q.value(13).toLongLong(), Qt::UTC);
    return i;
}

QString compact(const QJsonObject &o)
{
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

// The columns every write of an item sets, by their placeholders (insert, update, overwrite).
Statement &bindFields(Statement &q, const Item &item)
{
    return q.bind(QStringLiteral(":supplier"), item.supplierId)
        .bind(QStringLiteral(":sku"), nonNull(item.sku))
        .bind(QStringLiteral(":title"), nonNull(item.title))
        .bind(QStringLiteral(":description"), nonNull(item.description))
        .bind(QStringLiteral(":brand"), nonNull(item.brand))
        .bind(QStringLiteral(":category"), item.categoryId)
        .bind(QStringLiteral(":amount"), item.price.amount)
        .bind(QStringLiteral(":currency"), item.price.currency)
        .bind(QStringLiteral(":attributes"), compact(item.attributes))
        .bind(QStringLiteral(":status"), itemStatusName(item.status));
}

} // namespace

Result<Item> ItemRepository::insert(const Item &item)
{
    Item stored = item;
    const qint64 now = Connection::nowMs();
    stored.version = 1;
    stored.createdAt = stored.updatedAt = QDateTime::fromMSecsSinceEpoch(now, Qt::UTC);
    Statement q(m_db,
                QStringLiteral(
                    "INSERT INTO items (supplier_id, sku, title, description, brand, "
                    "category_id, price_amount, currency, attributes, status, version, "
                    "created_at, updated_at) VALUES (:supplier, :sku, :title, :description, "
                    ":brand, :category, :amount, :currency, :attributes, :status, 1, :now, :now)"));
    bindFields(q, item).bind(QStringLiteral(":now"), now);
    if (Status s = q.exec("insert item"); !s) {
        if (s.error().kind() == DomainError::Kind::Conflict)
            return DomainError::conflict(
                QStringLiteral("This supplier already has an item with SKU %1").arg(item.sku),
                {{QStringLiteral("sku"), QStringLiteral("is taken")}});
        return s.error();
    }
    stored.id = q.lastInsertId();
    return stored;
}

Status ItemRepository::insertRows(std::span<const Item> items)
{
    // Full statements share one prepared statement (the connection caches it by its text).
    // Positional placeholders and 25 rows: QSQLITE looks up each value's placeholder name in a list
    // as long as the statement's (quadratic in its size), and MariaDB gains little past a few dozen
    // rows a round trip.
    constexpr size_t RowsPerStatement = 25;
    for (size_t start = 0; start < items.size(); start += RowsPerStatement) {
        const size_t n = std::min(RowsPerStatement, items.size() - start);
        QString sql = QStringLiteral(
            "INSERT INTO items (supplier_id, sku, title, description, brand, category_id, "
            "price_amount, currency, attributes, status, version, created_at, updated_at) VALUES ");
        for (size_t i = 0; i < n; ++i)
            sql += (i ? QStringLiteral(", ") : QString())
                   + QStringLiteral("(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)");
        const qint64 now = Connection::nowMs();
        Statement q(m_db, sql);
        if (!q.ok())
            return q.error();
        int column = 0;
        for (size_t i = 0; i < n; ++i) {
            const Item &item = items[start + i];
            for (const QVariant &value :
                 {QVariant(item.supplierId), QVariant(nonNull(item.sku)),
                  QVariant(nonNull(item.title)), QVariant(nonNull(item.description)),
                  QVariant(nonNull(item.brand)), QVariant(item.categoryId),
                  QVariant(item.price.amount), QVariant(item.price.currency),
                  QVariant(compact(item.attributes)), QVariant(itemStatusName(item.status)),
                  QVariant(now), QVariant(now)})
                q.bind(column++, value);
        }
        if (Status s = q.exec("insert items"); !s)
            return s;
    }
    return {};
}

Result<Item> ItemRepository::update(const Item &item)
{
    Item stored = item;
    const qint64 now = Connection::nowMs();
    Statement q(m_db, QStringLiteral(
                          "UPDATE items SET supplier_id = :supplier, sku = :sku, title = :title, "
                          "description = :description, brand = :brand, category_id = :category, "
                          "price_amount = :amount, currency = :currency, attributes = :attributes, "
                          "status = :status, version = version + 1, updated_at = :now "
                          "WHERE id = :id AND version = :version"));
    bindFields(q, item)
        .bind(QStringLiteral(":now"), now)
        .bind(QStringLiteral(":id"), item.id)
        .bind(QStringLiteral(":version"), item.version);
    if (Status s = q.exec("update item"); !s) {
        if (s.error().kind() == DomainError::Kind::Conflict)
            return DomainError::conflict(
                QStringLiteral("This supplier already has an item with SKU %1").arg(item.sku),
                {{QStringLiteral("sku"), QStringLiteral("is taken")}});
        return s.error();
    }
    if (q.numRowsAffected() != 1)
        return DomainError::conflict(
            QStringLiteral("The item changed meanwhile; reload and retry"));
    stored.version = item.version + 1;
    stored.updatedAt = QDateTime::fromMSecsSinceEpoch(now, Qt::UTC);
    return stored;
}

Result<bool> ItemRepository::remove(qint64 id)
{
    Statement q(m_db, QStringLiteral("DELETE FROM items WHERE id = :id"));
    q.bind(QStringLiteral(":id"), id);
    if (Status s = q.exec("delete item"); !s)
        return s.error();
    return q.numRowsAffected() > 0;
}

Result<std::optional<Item>> ItemRepository::findById(qint64 id)
{
    Statement q(m_db,
                QStringLiteral("SELECT ") + Columns + QStringLiteral(" FROM items WHERE id = :id"));
    q.bind(QStringLiteral(":id"), id);
    if (Status s = q.exec("find item"); !s)
        return s.error();
    if (!q.next())
        return std::optional<Item>();
    return std::optional<Item>(itemFrom(q));
}

Result<QList<Item>> ItemRepository::list(const ListFilter &filter)
{
    // One prepared statement per shape: category lists are padded to a power of two by
    // repeating the last id, so a handful of statements serve every filter.
    QString sql
        = QStringLiteral("SELECT ") + Columns + QStringLiteral(" FROM items WHERE id > :after");
    qsizetype slots = 0;
    if (!filter.categoryIds.isEmpty()) {
        slots = 1;
        while (slots < filter.categoryIds.size())
            slots *= 2;
        sql += QStringLiteral(" AND category_id IN (");
        for (qsizetype i = 0; i < slots; ++i)
            sql += (i ? QStringLiteral(", :c") : QStringLiteral(":c")) + QString::number(i);
        sql += QLatin1Char(')');
    }
    if (filter.supplierId)
        sql += QStringLiteral(" AND supplier_id = :supplier");
    if (filter.activeOnly)
        sql += QStringLiteral(" AND status = 'active'");
    sql += QStringLiteral(" ORDER BY id LIMIT :limit");

    Statement q(m_db, sql);
    q.bind(QStringLiteral(":after"), filter.afterId).bind(QStringLiteral(":limit"), filter.limit);
    for (qsizetype i = 0; i < slots; ++i)
        q.bind(QStringLiteral(":c") + QString::number(i),
               filter.categoryIds.at(qMin(i, filter.categoryIds.size() - 1)));
    if (filter.supplierId)
        q.bind(QStringLiteral(":supplier"), *filter.supplierId);
    if (Status s = q.exec("list items"); !s)
        return s.error();
    QList<Item> items;
    items.reserve(filter.limit);
    while (q.next())
        items << itemFrom(q);
    return items;
}

Result<qint64> ItemRepository::count()
{
    Statement q(m_db, QStringLiteral("SELECT COUNT(*) FROM items"));
    if (Status s = q.exec("count items"); !s)
        return s.error();
    return q.next() ? q.value(0).toLongLong() : 0;
}

Result<QHash<QString, ItemRepository::Key>> ItemRepository::skusOf(qint64 supplierId)
{
    Statement q(m_db, QStringLiteral(
                          "SELECT sku, id, version, created_at FROM items WHERE supplier_id = :s"));
    q.bind(QStringLiteral(":s"), supplierId);
    if (Status s = q.exec("skus of supplier"); !s)
        return s.error();
    QHash<QString, Key> out;
    while (q.next())
        out.insert(q.value(0).toString().toLower(),
                   {q.value(1).toLongLong(), q.value(2).toLongLong(),
                    QDateTime::fromMSecsSinceEpoch(q.value(3).toLongLong(), Qt::UTC)});
    return out;
}

Result<Item> ItemRepository::overwrite(const Item &item)
{
    Statement q(
        m_db,
        QStringLiteral(
            "UPDATE items SET sku = :sku, title = :title, description = :description, brand = "
            ":brand, "
            "category_id = :category, price_amount = :amount, currency = :currency, "
            "attributes = :attributes, status = :status, version = version + 1, updated_at = :now "
            "WHERE id = :id AND supplier_id = :supplier"));
    const qint64 now = Connection::nowMs();
    bindFields(q, item).bind(QStringLiteral(":now"), now).bind(QStringLiteral(":id"), item.id);
    if (Status s = q.exec("overwrite item"); !s)
        return s.error();
    if (q.numRowsAffected() != 1)
        return DomainError::conflict(QStringLiteral("The item is gone"));
    Item stored = item;
    stored.version = item.version + 1;
    stored.updatedAt = QDateTime::fromMSecsSinceEpoch(now, Qt::UTC);
    return stored;
}

Result<QList<qint64>> ItemRepository::ids()
{
    Statement q(m_db, QStringLiteral("SELECT id FROM items ORDER BY id"));
    if (Status s = q.exec("item ids"); !s)
        return s.error();
    QList<qint64> all;
    while (q.next())
        all << q.value(0).toLongLong();
    return all;
}

} // namespace pincart::server
