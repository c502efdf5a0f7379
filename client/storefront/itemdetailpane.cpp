#include "itemdetailpane.h"

#include <QFormLayout>
#include <QLabel>
#include <QScrollArea>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace pincart {

namespace {

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

    auto *layout = new QVBoxLayout(content);
    layout->addWidget(m_status);
    layout->addWidget(m_title);
    layout->addWidget(m_brand);
    layout->addWidget(m_price);
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
    if (m_itemId != item.id)
        setStatus({});
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
    while (m_attributeForm->rowCount() > 0)
        m_attributeForm->removeRow(0);
    setStatus({});
    m_stack->setCurrentIndex(EmptyPage);
}

void ItemDetailPane::setStatus(const QString &text, bool isError)
{
    m_status->setText(text);
    QPalette palette;
    if (isError)
        palette.setColor(QPalette::WindowText, QColor(0xb0, 0x00, 0x20));
    m_status->setPalette(palette);
    m_status->setVisible(!text.isEmpty());
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
