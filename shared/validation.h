#pragma once

#include "category.h"
#include "domainerror.h"
#include "item.h"

#include <QJsonObject>

// The rules an item or an account must satisfy. The server enforces them; the client runs the
// same code to mark a form's fields before anything is sent.
namespace pincart::validation {

inline constexpr int TitleMin = 3;
inline constexpr int TitleMax = 200;
inline constexpr int DescriptionMax = 5000;
inline constexpr int BrandMax = 80;
inline constexpr int SkuMax = 64;
inline constexpr int EmailMax = 254;
inline constexpr int PasswordMin = 8;
inline constexpr int PasswordMax = 128;
inline constexpr int NameMax = 100;

QList<FieldError> checkSku(const QString &sku);
QList<FieldError> checkTitle(const QString &title);
QList<FieldError> checkDescription(const QString &description);
QList<FieldError> checkBrand(const QString &brand);
QList<FieldError> checkPrice(const Money &price);
// Every attribute against the category's schema: required ones present, types and enum values
// right, numbers in range, no attribute the schema does not know.
QList<FieldError> checkAttributes(const QJsonObject &attributes, const Category &category);
// A whole item (after an update was applied onto it) against its category.
QList<FieldError> checkItem(const Item &item, const Category &category);

QList<FieldError> checkEmail(const QString &email);
QList<FieldError> checkPassword(const QString &password);
QList<FieldError> checkName(const QString &name);
QList<FieldError> checkPincode(const QString &pincode);

inline constexpr int CodeMax = 32;
// Codes of warehouses, couriers, hubs and bins: 1-32 letters, digits, '_' or '-'.
QList<FieldError> checkCode(QLatin1StringView field, const QString &code);

} // namespace pincart::validation
