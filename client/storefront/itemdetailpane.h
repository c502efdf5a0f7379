#pragma once

#include "category.h"
#include "item.h"
#include "models/attributetext.h"

#include <QWidget>

class QFormLayout;
class QLabel;
class QStackedWidget;

namespace pincart {

// Shows one item: title, brand, price, description, and its category-specific attributes with
// the schema's labels and units ("Screen size: 55 in", booleans as Yes/No). Display only: the
// storefront decides what to show and says when a fresher copy is loading or failed.
class ItemDetailPane : public QWidget
{
    Q_OBJECT

public:
    explicit ItemDetailPane(QWidget *parent = nullptr);

    // `specs`: the attributes of the item's category (CategoryTreeModel::attributeSpecs).
    void showItem(const Item &item, const QList<AttributeSpec> &specs);
    void clear();
    // A line above the item: "Loading…", or why the fresh copy could not be loaded.
    void setStatus(const QString &text, bool isError = false);

    std::optional<qint64> itemId() const { return m_itemId; }
    QList<AttributeLine> attributes() const { return m_lines; }
    // "Label: value" for each attribute shown, in order.
    QStringList attributeLines() const;
    QString statusText() const;

private:
    QStackedWidget *m_stack;
    QLabel *m_status;
    QLabel *m_title;
    QLabel *m_brand;
    QLabel *m_price;
    QLabel *m_description;
    QLabel *m_noAttributes;
    QWidget *m_attributeBox;
    QFormLayout *m_attributeForm;
    std::optional<qint64> m_itemId;
    QList<AttributeLine> m_lines;
};

} // namespace pincart
