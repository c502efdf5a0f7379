#pragma once

#include "money.h"

#include <QDateTime>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace pincart {

struct Item
{
    enum class Status { Active, Inactive };

    qint64 id = 0;
    qint64 supplierId = 0;
    QString sku;
    QString title;
    QString description;
    QString brand;
    qint64 categoryId = 0;
    Money price;
    QJsonObject attributes; // validated against the category's AttributeSpecs
    Status status = Status::Active;
    qint64 version = 1; // bumped by every update: lets caches and clients tell copies apart
    QDateTime createdAt;
    QDateTime updatedAt;
};

QString itemStatusName(Item::Status status);
std::optional<Item::Status> itemStatusFromName(QStringView name);

// The fields a create (all required but status) or an update (any subset) carries.
struct ItemInput
{
    std::optional<QString> sku;
    std::optional<QString> title;
    std::optional<QString> description;
    std::optional<QString> brand;
    std::optional<qint64> categoryId;
    std::optional<Money> price;
    std::optional<QJsonObject> attributes;
    std::optional<Item::Status> status;
    std::optional<qint64> supplierId; // admins only: create on behalf of a supplier

    // Applies the present fields onto `item`.
    void applyTo(Item &item) const;
};

} // namespace pincart
