#include "itemdetailpane.h"

#include "order.h"

#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QSpinBox>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace pincart {

namespace {

void setErrorPalette(QLabel *label, bool isError)
{
    QPalette palette;
    if (isError)
        palette.setColor(QPalette::WindowText, QColor(0xb0, 0x00, 0x20));
    label->setPalette(palette);
}

enum Page { EmptyPage, ItemPage };

QLabel *makeLabel(const QString &objectName, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText); // item text comes from suppliers: never rich text
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

} // namespace

ItemDetailPane::ItemDetailPane(QWidget *parent)
    : QWidget(parent)
    , m_stack(new QStackedWidget(this))
{
    setObjectName(QStringLiteral("detailPane"));

    auto *empty = new QLabel(tr("Select an item to see its details."));
    empty->setObjectName(QStringLiteral("detailEmptyLabel"));
    empty->setAlignment(Qt::AlignCenter);
    empty->setWordWrap(true);

    auto *content = new QWidget;
    m_status = makeLabel(QStringLiteral("detailStatus"), content);
    m_status->setVisible(false);
    m_title = makeLabel(QStringLiteral("detailTitle"), content);
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.4);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_brand = makeLabel(QStringLiteral("detailBrand"), content);
    m_price = makeLabel(QStringLiteral("detailPrice"), content);
    QFont priceFont = m_price->font();
    priceFont.setPointSizeF(priceFont.pointSizeF() * 1.2);
    priceFont.setBold(true);
    m_price->setFont(priceFont);
    m_description = makeLabel(QStringLiteral("detailDescription"), content);

    auto *specsHeading = new QLabel(tr("Specifications"), content);
    QFont headingFont = specsHeading->font();
    headingFont.setBold(true);
    specsHeading->setFont(headingFont);
    m_attributeBox = new QWidget(content);
    m_attributeBox->setObjectName(QStringLiteral("detailAttributes"));
    m_attributeForm = new QFormLayout(m_attributeBox);
    m_attributeForm->setContentsMargins(0, 0, 0, 0);
    m_noAttributes = makeLabel(QStringLiteral("detailNoAttributes"), content);
    m_noAttributes->setText(tr("No specifications listed."));

    m_shopping = new QWidget(content);
    m_shopping->setObjectName(QStringLiteral("detailShopping"));
    m_quantity = new QSpinBox(m_shopping);
    m_quantity->setObjectName(QStringLiteral("cartQuantitySpin"));
    m_quantity->setRange(1, CartLimits::MaxQuantityPerLine);
    m_quantity->setValue(1);
    m_quantity->setToolTip(tr("How many to add"));
    m_addToCart = new QPushButton(tr("Add to &cart"), m_shopping);
    m_addToCart->setObjectName(QStringLiteral("addToCartButton"));
    m_addToWishlist = new QPushButton(tr("Add to &wishlist"), m_shopping);
    m_addToWishlist->setObjectName(QStringLiteral("addToWishlistButton"));
    m_cartFeedback = makeLabel(QStringLiteral("cartFeedbackLabel"), content);
    m_cartFeedback->setVisible(false);
    m_shopping->setVisible(false); // until the storefront says the user has a cart
    auto *shoppingLayout = new QHBoxLayout(m_shopping);
    shoppingLayout->setContentsMargins(0, 0, 0, 0);
    shoppingLayout->addWidget(new QLabel(tr("Quantity:"), m_shopping));
    shoppingLayout->addWidget(m_quantity);
    shoppingLayout->addWidget(m_addToCart);
    shoppingLayout->addWidget(m_addToWishlist);
    shoppingLayout->addStretch(1);
    connect(m_addToCart, &QPushButton::clicked, this, [this] {
        if (m_itemId)
            Q_EMIT addToCartRequested(*m_itemId, m_quantity->value());
    });
    connect(m_addToWishlist, &QPushButton::clicked, this, [this] {
        if (m_itemId)
            Q_EMIT addToWishlistRequested(*m_itemId);
    });

    auto *layout = new QVBoxLayout(content);
    layout->addWidget(m_status);
    layout->addWidget(m_title);
    layout->addWidget(m_brand);
    layout->addWidget(m_price);
    layout->addWidget(m_shopping);
    layout->addWidget(m_cartFeedback);
    layout->addSpacing(8);
    layout->addWidget(m_description);
    layout->addSpacing(8);
    layout->addWidget(specsHeading);
    layout->addWidget(m_attributeBox);
    layout->addWidget(m_noAttributes);
    layout->addStretch();

    auto *scroll = new QScrollArea;
    scroll->setWidget(content);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);

    m_stack->insertWidget(EmptyPage, empty);
    m_stack->insertWidget(ItemPage, scroll);
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(m_stack);
    clear();
}

void ItemDetailPane::showItem(const Item &item, const QList<AttributeSpec> &specs)
{
    if (m_itemId != item.id) {
        setStatus({});
        setCartFeedback({});
        m_quantity->setValue(1);
    }
    m_itemId = item.id;
    m_title->setText(item.title);
    m_brand->setText(item.brand.isEmpty() ? QString() : tr("by %1").arg(item.brand));
    m_price->setText(item.price.toDisplayString());
    m_description->setText(item.description);
    m_description->setVisible(!item.description.isEmpty());

    while (m_attributeForm->rowCount() > 0)
        m_attributeForm->removeRow(0);
    m_lines = pincart::attributeLines(item.attributes, specs);
    for (const AttributeLine &line : std::as_const(m_lines)) {
        auto *value = makeLabel(QStringLiteral("attr_") + line.name, m_attributeBox);
        value->setText(line.value);
        auto *label = makeLabel(QStringLiteral("attrLabel_") + line.name, m_attributeBox);
        label->setText(line.label + QLatin1Char(':'));
        m_attributeForm->addRow(label, value);
    }
    m_noAttributes->setVisible(m_lines.isEmpty());
    m_stack->setCurrentIndex(ItemPage);
}

void ItemDetailPane::clear()
{
    m_itemId.reset();
    m_lines.clear();
    setCartFeedback({});
    while (m_attributeForm->rowCount() > 0)
        m_attributeForm->removeRow(0);
    setStatus({});
    m_stack->setCurrentIndex(EmptyPage);
}

void ItemDetailPane::setStatus(const QString &text, bool isError)
{
    m_status->setText(text);
    setErrorPalette(m_status, isError);
    m_status->setVisible(!text.isEmpty());
}

void ItemDetailPane::setShoppingEnabled(bool enabled)
{
    m_shopping->setVisible(enabled);
    if (!enabled)
        setCartFeedback({});
}

void ItemDetailPane::setCartFeedback(const QString &text, bool isError)
{
    m_cartFeedback->setText(text);
    setErrorPalette(m_cartFeedback, isError);
    m_cartFeedback->setVisible(!text.isEmpty());
}

QString ItemDetailPane::cartFeedback() const
{
    return m_cartFeedback->text();
}

QStringList ItemDetailPane::attributeLines() const
{
    QStringList out;
    for (const AttributeLine &line : m_lines)
        out << line.toString();
    return out;
}

QString ItemDetailPane::statusText() const
{
    return m_status->text();
}

} // namespace pincart
