#pragma once

#include "category.h"
#include "connection.h"

namespace pincart::server {

// The categories table: the tree and each category's attribute schema (JSON).
class CategoryRepository
{
public:
    explicit CategoryRepository(Connection &connection)
        : m_db(connection)
    {}

    Result<QList<Category>> all();
    // Inserts the categories whose id is not yet present (reference data loaded at start-up);
    // existing rows are left as they are. Parents must come before children.
    Status insertMissing(const QList<Category> &categories);

private:
    Connection &m_db;
};

// The reference category tree compiled into the server (resources/data/categories.json).
Result<QList<Category>> referenceCategories();

} // namespace pincart::server
