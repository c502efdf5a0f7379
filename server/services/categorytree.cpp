#include "categorytree.h"

#include "codecs.h"
#include "jsonkeys.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace pincart::server {

CategoryTree::CategoryTree(QList<Category> categories)
    : m_categories(std::move(categories))
{
    QJsonArray array;
    for (qsizetype i = 0; i < m_categories.size(); ++i) {
        const Category &c = m_categories.at(i);
        m_index.insert(c.id, i);
        if (c.parentId)
            m_children[*c.parentId].append(c.id);
        array.append(toJson(c));
    }
    m_json = QJsonDocument(QJsonObject{{keys::Items, array}}).toJson(QJsonDocument::Compact);
}

const Category *CategoryTree::find(qint64 id) const
{
    const auto it = m_index.constFind(id);
    return it == m_index.constEnd() ? nullptr : &m_categories.at(*it);
}

QList<qint64> CategoryTree::subtree(qint64 id) const
{
    QList<qint64> out{id};
    for (qsizetype i = 0; i < out.size(); ++i)
        out += m_children.value(out.at(i));
    return out;
}

} // namespace pincart::server
