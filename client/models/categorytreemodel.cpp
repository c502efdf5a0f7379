#include "categorytreemodel.h"

#include <QSet>

namespace pincart {

CategoryTreeModel::CategoryTreeModel(ApiClient *api, QObject *parent)
    : QAbstractItemModel(parent)
    , m_api(api)
{}

void CategoryTreeModel::load()
{
    delete m_request; // cancels the load in flight, if any: its callback never runs
    auto *request = new QObject(this);
    m_request = request;
    m_error.clear();
    setState(State::Loading);
    m_api->categories(request, [this, request](Result<QList<Category>> result) {
        if (request != m_request)
            return;
        m_request = nullptr;
        request->deleteLater();
        if (!result) {
            m_error = result.error().toString();
            setState(State::Failed);
            return;
        }
        setCategories(result.value());
    });
}

void CategoryTreeModel::setCategories(const QList<Category> &categories)
{
    beginResetModel();
    m_nodes.clear();
    m_roots.clear();
    m_byId.clear();
    for (const Category &c : categories) {
        if (m_byId.contains(c.id))
            continue; // a duplicate id: the first one wins
        m_byId.insert(c.id, int(m_nodes.size()));
        m_nodes.append(Node{c, -1, 0, {}});
    }
    for (Node &node : m_nodes) {
        if (node.category.parentId)
            node.parent = m_byId.value(*node.category.parentId, -1);
    }
    // Break parent cycles: a node whose chain does not reach a root becomes one.
    for (int i = 0; i < m_nodes.size(); ++i) {
        QSet<int> seen{i};
        for (int p = m_nodes.at(i).parent; p >= 0; p = m_nodes.at(p).parent) {
            if (seen.contains(p)) {
                m_nodes[i].parent = -1;
                break;
            }
            seen.insert(p);
        }
    }
    for (int i = 0; i < m_nodes.size(); ++i) {
        QList<int> &siblings
            = m_nodes.at(i).parent < 0 ? m_roots : m_nodes[m_nodes.at(i).parent].children;
        m_nodes[i].row = int(siblings.size());
        siblings.append(i);
    }
    m_error.clear();
    m_state = State::Loaded;
    endResetModel();
    Q_EMIT stateChanged(m_state);
}

const Category *CategoryTreeModel::category(qint64 id) const
{
    const auto it = m_byId.constFind(id);
    return it == m_byId.constEnd() ? nullptr : &m_nodes.at(*it).category;
}

QModelIndex CategoryTreeModel::indexOfCategory(qint64 id) const
{
    const auto it = m_byId.constFind(id);
    if (it == m_byId.constEnd())
        return {};
    return createIndex(m_nodes.at(*it).row, 0, quintptr(*it));
}

QList<AttributeSpec> CategoryTreeModel::attributeSpecs(qint64 categoryId) const
{
    QList<AttributeSpec> specs;
    QSet<QString> names;
    const auto it = m_byId.constFind(categoryId);
    for (int n = it == m_byId.constEnd() ? -1 : *it; n >= 0; n = parentNodeOf(n)) {
        for (const AttributeSpec &spec : m_nodes.at(n).category.attributes) {
            if (!names.contains(spec.name)) {
                names.insert(spec.name);
                specs.append(spec);
            }
        }
    }
    return specs;
}

const QList<int> &CategoryTreeModel::childrenOf(const QModelIndex &parent) const
{
    return parent.isValid() ? m_nodes.at(int(parent.internalId())).children : m_roots;
}

bool CategoryTreeModel::isLeaf(qint64 categoryId) const
{
    const auto it = m_byId.constFind(categoryId);
    return it != m_byId.constEnd() && m_nodes.at(*it).children.isEmpty();
}

QList<const Category *> CategoryTreeModel::leafCategories() const
{
    QList<const Category *> leaves;
    QList<int> stack(m_roots.crbegin(), m_roots.crend());
    while (!stack.isEmpty()) {
        const Node &node = m_nodes.at(stack.takeLast());
        if (node.children.isEmpty())
            leaves.append(&node.category);
        for (auto child = node.children.crbegin(); child != node.children.crend(); ++child)
            stack.append(*child);
    }
    return leaves;
}

QString CategoryTreeModel::pathName(qint64 categoryId) const
{
    QStringList names;
    const auto it = m_byId.constFind(categoryId);
    for (int n = it == m_byId.constEnd() ? -1 : *it; n >= 0; n = parentNodeOf(n))
        names.prepend(m_nodes.at(n).category.name);
    return names.join(QStringLiteral(" › "));
}

QModelIndex CategoryTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    if (!hasIndex(row, column, parent))
        return {};
    return createIndex(row, column, quintptr(childrenOf(parent).at(row)));
}

QModelIndex CategoryTreeModel::parent(const QModelIndex &child) const
{
    if (!child.isValid())
        return {};
    const int p = parentNodeOf(int(child.internalId()));
    if (p < 0)
        return {};
    return createIndex(m_nodes.at(p).row, 0, quintptr(p));
}

int CategoryTreeModel::rowCount(const QModelIndex &parent) const
{
    if (parent.column() > 0)
        return 0;
    return int(childrenOf(parent).size());
}

int CategoryTreeModel::columnCount(const QModelIndex &) const
{
    return 1;
}

QVariant CategoryTreeModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Category &c = m_nodes.at(int(index.internalId())).category;
    switch (role) {
    case Qt::DisplayRole:
        return c.name;
    case CategoryIdRole:
        return c.id;
    }
    return {};
}

QVariant CategoryTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (section == 0 && orientation == Qt::Horizontal && role == Qt::DisplayRole)
        return tr("Category");
    return {};
}

void CategoryTreeModel::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}

} // namespace pincart
