#pragma once

#include "catalogstate.h"
#include "item.h"
#include "page.h"
#include "principal.h"
#include "result.h"

#include <functional>

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
    CatalogService(Connection &db, CatalogState &state, std::function<void()> onCommitted = {});

    std::shared_ptr<const CategoryTree> categories() const { return m_state.categories(); }
    // Reloads the category snapshot from the database and publishes it to every thread.
    Status reloadCategories();

    // An item as cached JSON; NotFound for unknown ids and for inactive items the caller may not
    // see.
    Result<std::shared_ptr<const CachedItem>> item(const Principal &who, qint64 id);
    // Whether item() would answer without the database.
    bool itemInMemory(qint64 id) const { return bool(m_state.items().find(id)); }
    Result<Page<Item>> items(const Principal &who, const ItemListQuery &query);

    Result<Item> createItem(const Principal &who, const ItemInput &input);
    // `replace`: PUT semantics, every field required (checked by the decoder); else PATCH.
    Result<Item> updateItem(const Principal &who, qint64 id, const ItemInput &input);
    Status deleteItem(const Principal &who, qint64 id);

private:
    Result<Item> ownedItem(const Principal &who, qint64 id);
    Status validate(const Item &item);
    Status commitWithEvent(const Item &item, bool deleted);

    Connection &m_db;
    CatalogState &m_state;
    std::function<void()> m_onCommitted;
};

} // namespace pincart::server
