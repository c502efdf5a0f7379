#include "categorycombo.h"

#include "models/categorytreemodel.h"

namespace pincart {

CategoryCombo::CategoryCombo(CategoryTreeModel *tree, QWidget *parent)
    : QComboBox(parent)
    , m_tree(tree)
{
    setPlaceholderText(tr("Choose a category…"));
    setSizeAdjustPolicy(QComboBox::AdjustToContents);
    connect(m_tree, &QAbstractItemModel::modelReset, this, &CategoryCombo::refill);
    connect(this, &QComboBox::currentIndexChanged, this,
            [this] { Q_EMIT categoryChanged(categoryId()); });
    refill();
}

std::optional<qint64> CategoryCombo::categoryId() const
{
    const QVariant id = currentData();
    if (currentIndex() < 0 || !id.isValid())
        return std::nullopt;
    return id.toLongLong();
}

bool CategoryCombo::setCategoryId(qint64 id)
{
    const int index = findData(id);
    setCurrentIndex(index);
    return index >= 0;
}

void CategoryCombo::refill()
{
    const std::optional<qint64> chosen = categoryId();
    {
        const QSignalBlocker quiet(this); // one categoryChanged at the end, if anything changed
        clear();
        for (const Category *category : m_tree->leafCategories())
            addItem(m_tree->pathName(category->id), category->id);
        setCurrentIndex(chosen ? findData(*chosen) : -1);
    }
    if (categoryId() != chosen)
        Q_EMIT categoryChanged(categoryId());
}

} // namespace pincart
