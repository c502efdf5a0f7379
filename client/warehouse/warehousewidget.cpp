#include "warehousewidget.h"

#include <QLabel>
#include <QVBoxLayout>

namespace pincart {

WarehouseWidget::WarehouseWidget(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("warehouseWorkspace"));
    auto *notice = new QLabel(tr("Warehouse operations (stock levels, receipts, picking, packing "
                                 "and shipping) are not available yet on this server version."));
    notice->setObjectName(QStringLiteral("warehouseNotice"));
    notice->setAlignment(Qt::AlignCenter);
    notice->setWordWrap(true);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(notice);
}

} // namespace pincart
