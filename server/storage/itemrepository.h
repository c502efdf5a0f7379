#pragma once

#include "connection.h"
#include "item.h"

#include <optional>
#include <QHash>
#include <span>

namespace pincart::server {

// The items table. Attributes are stored as compact JSON text.
class ItemRepository
{
public:
    struct ListFilter
    {
        QList<qint64> categoryIds; // empty: any category
        std::optional<qint64> supplierId;
        bool activeOnly = true;
        qint64 afterId = 0;
        int limit = 20;
    };

    explicit ItemRepository(Connection &connection)
        : m_db(connection)
    {}

    // Sets id, version 1 and timestamps. Conflict on a SKU the supplier already uses.
    Result<Item> insert(const Item &item);
    // A bulk load of new items (the demo seed): many rows a statement, ids ascending in the list's
    // order, version 1, one timestamp a statement. Any failure (a SKU taken included) fails it.
    Status insertRows(std::span<const Item> items);
    // Writes `item` when the stored version is still `item.version`, then bumps it; Conflict when
    // someone else changed the item in between (optimistic concurrency, no lock held).
    Result<Item> update(const Item &item);
    // True when a row was deleted.
    Result<bool> remove(qint64 id);
    Result<std::optional<Item>> findById(qint64 id);
    Result<QList<Item>> list(const ListFilter &filter);
    Result<qint64> count();
    Result<QList<qint64>> ids(); // every item's, ascending (bulk jobs)
    // SKU -> (id, version) of every item of one supplier, for bulk upserts by SKU.
    struct Key
    {
        qint64 id;
        qint64 version;
        QDateTime createdAt;
    };
    Result<QHash<QString, Key>> skusOf(qint64 supplierId);
    // Overwrites every field of an existing item and bumps its version (no version check: an
    // upsert by SKU is authoritative).
    Result<Item> overwrite(const Item &item);

private:
    Connection &m_db;
};

} // namespace pincart::server
