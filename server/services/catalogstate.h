#pragma once

#include "categorytree.h"
#include "itemcache.h"

#include <atomic>
#include <memory>

namespace pincart::server {

// Catalogue state shared by all worker threads of one node: the category snapshot and the item
// cache. Thread-safe.
class CatalogState
{
public:
    std::shared_ptr<const CategoryTree> categories() const { return m_categories.load(); }
    void publishCategories(std::shared_ptr<const CategoryTree> tree) { m_categories.store(std::move(tree)); }
    ItemCache &items() { return m_items; }
    const ItemCache &items() const { return m_items; }

private:
    std::atomic<std::shared_ptr<const CategoryTree>> m_categories;
    ItemCache m_items;
};

} // namespace pincart::server
