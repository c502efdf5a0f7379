#pragma once

#include "category.h"
#include "item.h"
#include "models/attributetext.h"

#include <QWidget>

class QFormLayout;
class QLabel;
class QPushButton;
class QSpinBox;
class QStackedWidget;

namespace pincart {

// Shows one item: title, brand, price, description, and its category-specific attributes with
// the schema's labels and units ("Screen size: 55 in", booleans as Yes/No). Display only: the
// storefront decides what to show and says when a fresher copy is loading or failed.
// For a customer it also offers a quantity (1..CartLimits::MaxQuantityPerLine), "Add to cart" and
// "Add to wishlist", and shows what became of them (object names cartQuantitySpin,
// addToCartButton, addToWishlistButton, cartFeedbackLabel).
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

    // Shows the cart and wishlist buttons (customers only: nobody else has a cart).
    void setShoppingEnabled(bool enabled);
    // A line under the buttons: what became of the last add ("Added to your cart"), or why not.
    void setCartFeedback(const QString &text, bool isError = false);
    QString cartFeedback() const;

Q_SIGNALS:
    void addToCartRequested(qint64 itemId, int quantity);
    void addToWishlistRequested(qint64 itemId);

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
    QWidget *m_shopping;
    QSpinBox *m_quantity;
    QPushButton *m_addToCart;
    QPushButton *m_addToWishlist;
    QLabel *m_cartFeedback;
    std::optional<qint64> m_itemId;
    QList<AttributeLine> m_lines;
};

} // namespace pincart
