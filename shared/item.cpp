#include "item.h"

namespace pincart {

QString itemStatusName(Item::Status status)
{
    return status == Item::Status::Active ? QStringLiteral("active") : QStringLiteral("inactive");
}

std::optional<Item::Status> itemStatusFromName(QStringView name)
{
    if (name == QLatin1String("active"))
        return Item::Status::Active;
    if (name == QLatin1String("inactive"))
        return Item::Status::Inactive;
    return std::nullopt;
}

void ItemInput::applyTo(Item &item) const
{
    if (sku)
        item.sku = *sku;
    if (title)
        item.title = *title;
    if (description)
        item.description = *description;
    if (brand)
        item.brand = *brand;
    if (categoryId)
        item.categoryId = *categoryId;
    if (price)
        item.price = *price;
    if (attributes)
        item.attributes = *attributes;
    if (status)
        item.status = *status;
    if (supplierId)
        item.supplierId = *supplierId;
}

} // namespace pincart
