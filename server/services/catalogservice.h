#pragma once

#include "catalogstate.h"
#include "event.h"
#include "item.h"
#include "page.h"
#include "principal.h"
#include "result.h"

#include <functional>
#include <optional>

namespace pincart::server {

class Connection;

struct ItemListQuery
{
    std::optional<qint64> categoryId; // includes sub-categories
    std::optional<qint64> supplierId;
    QString after;
    int limit = 20;
};

// Categories and items: reads served from the node's memory where possible, writes in one
// transaction with their event. One instance per worker thread.
class CatalogService
{
public:
    static constexpr int MaxPageSize = 100;

    // `onCommitted` runs after each committed write (the server wakes its event tailers).
    CatalogService(Connection &db, CatalogState &state, OnCommitted onCommitted = {});

    std::shared_ptr<const CategoryTree> categories() const { return m_state.categories(); }
    // Reloads the category snapshot from the database and publishes it to every thread.
    Status reloadCategories();

    // An item as cached JSON; NotFound for unknown ids and for inactive items the caller may not
    // see.
    Result<std::shared_ptr<const CachedItem>> item(const Principal &who, qint64 id);
    // item()'s answer when the item is in memory; nullopt when it would need the database (an I/O
    // thread then hands the request to the pool).
    std::optional<Result<std::shared_ptr<const CachedItem>>> itemFromMemory(const Principal &who,
                                                                            qint64 id) const;
    // Whether item() would answer without the database.
    bool itemInMemory(qint64 id) const { return bool(m_state.items().find(id)); }
    Result<Page<Item>> items(const Principal &who, const ItemListQuery &query);

    Result<Item> createItem(const Principal &who, const ItemInput &input);
    // `replace`: PUT semantics, every field required (checked by the decoder); else PATCH.
    Result<Item> updateItem(const Principal &who, qint64 id, const ItemInput &input);
    Status deleteItem(const Principal &who, qint64 id);

private:
    // NotFound for an inactive item the caller may not see.
    static Result<std::shared_ptr<const CachedItem>>
    visibleTo(const Principal &who, std::shared_ptr<const CachedItem> item);
    Result<Item> ownedItem(const Principal &who, qint64 id);
    Status validate(const Item &item);
    Status commitWithEvent(const Item &item, bool deleted);

    Connection &m_db;
    CatalogState &m_state;
    OnCommitted m_onCommitted;
};

} // namespace pincart::server
