#pragma once

#include <optional>
#include <QComboBox>

namespace pincart {

class CategoryTreeModel;

// A choice among the leaf categories of a CategoryTreeModel (items belong to leaves only),
// each shown with its path ("Electronics › Televisions"). Refilled whenever the tree is; the
// chosen category stays chosen when it is still there. Starts with no choice.
class CategoryCombo : public QComboBox
{
    Q_OBJECT

public:
    explicit CategoryCombo(CategoryTreeModel *tree, QWidget *parent = nullptr);

    std::optional<qint64> categoryId() const;
    // Chooses `id`; false (and no choice) when it is not a listed leaf.
    bool setCategoryId(qint64 id);

Q_SIGNALS:
    // The choice changed: a category, or none (nullopt).
    void categoryChanged(std::optional<qint64> categoryId);

private:
    void refill();

    CategoryTreeModel *m_tree;
};

} // namespace pincart
