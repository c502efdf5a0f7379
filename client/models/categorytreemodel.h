#pragma once

#include "apiclient.h"
#include "category.h"

#include <QAbstractItemModel>
#include <QHash>
#include <QPointer>

namespace pincart {

// The category tree of GET /categories, built from each category's parent_id. One column: the
// name. A category whose parent is unknown, or whose parent chain loops, becomes a root, so every
// category the server sent is reachable in the tree.
class CategoryTreeModel : public QAbstractItemModel
{
    Q_OBJECT

public:
    enum Role { CategoryIdRole = Qt::UserRole + 1 };
    enum class State { Empty, Loading, Loaded, Failed };
    Q_ENUM(State)

    explicit CategoryTreeModel(ApiClient *api, QObject *parent = nullptr);

    // Asks the server; the tree is replaced when the answer arrives. A load in flight is dropped.
    void load();
    // Replaces the tree with `categories` (what load() does with the answer).
    void setCategories(const QList<Category> &categories);

    State state() const { return m_state; }
    QString errorString() const { return m_error; }
    const Category *category(qint64 id) const;
    QModelIndex indexOfCategory(qint64 id) const;
    // The attributes an item of `categoryId` may have: the category's own, then those of its
    // ancestors that it does not redefine.
    QList<AttributeSpec> attributeSpecs(qint64 categoryId) const;
    // A known category without subcategories: the only kind an item may belong to.
    bool isLeaf(qint64 categoryId) const;
    // Every leaf category, in the tree's order (depth first).
    QList<const Category *> leafCategories() const;
    // "Electronics › Televisions": the names from the root down.
    QString pathName(qint64 categoryId) const;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    void stateChanged(pincart::CategoryTreeModel::State state);

private:
    struct Node
    {
        Category category;
        int parent = -1;     // index into m_nodes; -1 for a root
        int row = 0;         // position among its siblings
        QList<int> children; // indexes into m_nodes
    };

    const QList<int> &childrenOf(const QModelIndex &parent) const;
    int parentNodeOf(int node) const { return m_nodes.at(node).parent; }
    void setState(State state);

    ApiClient *m_api;
    QList<Node> m_nodes;
    QList<int> m_roots;
    QHash<qint64, int> m_byId; // category id -> node
    State m_state = State::Empty;
    QString m_error;
    QPointer<QObject> m_request; // context of the load in flight
};

} // namespace pincart
