#pragma once

#include "category.h"

#include <QByteArray>
#include <QHash>
#include <QList>

namespace pincart::server {

// The category tree as an immutable snapshot: built once, then shared read-only by every worker
// thread (published behind an atomically swapped shared pointer, see CatalogState).
class CategoryTree
{
public:
    explicit CategoryTree(QList<Category> categories);

    const QList<Category> &all() const { return m_categories; }
    const Category *find(qint64 id) const;
    bool isLeaf(qint64 id) const { return !m_children.contains(id); }
    // `id` and every category below it.
    QList<qint64> subtree(qint64 id) const;
    // GET /categories, encoded once.
    const QByteArray &json() const { return m_json; }

private:
    QList<Category> m_categories;
    QHash<qint64, qsizetype> m_index;
    QHash<qint64, QList<qint64>> m_children;
    QByteArray m_json;
};

} // namespace pincart::server
