#pragma once

#include "category.h"
#include "item.h"
#include "jsonreader.h"
#include "jsonwriter.h"
#include "money.h"
#include "page.h"
#include "result.h"
#include "submission.h"
#include "user.h"

#include <QJsonArray>
#include <QJsonObject>

// JSON codecs of the domain types, shared by server and client so the wire format cannot drift.
// Encoders never fail; decoders are strict and say which field is wrong.
namespace pincart {

QString toIsoUtc(const QDateTime &time);
QDateTime fromIsoUtc(const QString &text); // invalid QDateTime on bad input
// "YYYY-MM-DD", or an empty string for an invalid date. Written by hand: serviceability answers,
// carts and search hits carry a promise date each, and QDate::toString(Qt::ISODate) goes through
// QString::asprintf.
QString isoDate(const QDate &date);

QJsonObject toJson(const Money &money);
void writeJson(JsonWriter &w, const Money &money);

// The bytes of a type whose encoder writes straight into a JsonWriter (`writeJson`, found by
// argument-dependent lookup): the hottest answers (carts, orders) skip QJsonObject, which
// allocates per value and sorts its keys on every insert.
template<typename T>
QByteArray jsonBytes(const T &value, qsizetype reserve = 1024)
{
    JsonWriter w(reserve);
    writeJson(w, value);
    return w.bytes();
}
// The same value as a QJsonObject (for pages and the client), parsed from those bytes so that
// each type has one list of fields.
QJsonObject jsonObject(const QByteArray &bytes);
std::optional<Money> readMoney(JsonReader &reader, QLatin1StringView key,
                               JsonReader::Presence presence = JsonReader::Required);

QJsonObject toJson(const User &user);
Result<User> userFromJson(const QJsonObject &object);
Result<Session> sessionFromJson(const QJsonObject &object);

QJsonObject toJson(const AttributeSpec &spec);
QJsonObject toJson(const Category &category);
Result<Category> categoryFromJson(const QJsonObject &object);
Result<QList<Category>> categoriesFromJson(const QJsonArray &array);

QJsonObject toJson(const Item &item);
Result<Item> itemFromJson(const QJsonObject &object);
// Decodes a create (`forCreate`: sku, title, description, brand, category_id, price and
// attributes required) or a partial update. Unknown fields are errors: a typo must not be
// silently ignored.
Result<ItemInput> itemInputFromJson(const QJsonObject &object, bool forCreate);
QJsonObject toJson(const ItemInput &input);

// `{items: [...], next}` pages.
template<typename T>
QJsonObject pageToJson(const Page<T> &page)
{
    QJsonArray items;
    for (const T &t : page.items)
        items.append(toJson(t));
    return {
        {QLatin1StringView("items"), items},
        {QLatin1StringView("next"), page.next.isEmpty() ? QJsonValue() : QJsonValue(page.next)}};
}
template<typename T, typename Decode>
Result<Page<T>> pageFromJson(const QJsonObject &object, Decode decode)
{
    JsonReader r(object);
    Page<T> page;
    const auto items = r.array(QLatin1StringView("items"));
    page.next = r.string(QLatin1StringView("next"), JsonReader::Optional).value_or(QString());
    if (!r.ok())
        return DomainError::validation(r.errors(), QStringLiteral("Malformed page"));
    for (const QJsonValue &v : *items) {
        auto t = decode(v.toObject());
        if (!t)
            return t.error();
        page.items << std::move(*t);
    }
    return page;
}
Result<Page<Item>> itemPageFromJson(const QJsonObject &object);
Result<Page<User>> userPageFromJson(const QJsonObject &object);

QJsonObject toJson(const Submission &submission);
Result<Submission> submissionFromJson(const QJsonObject &object);
Result<Page<Submission>> submissionPageFromJson(const QJsonObject &object);

// problem+json -> DomainError, given the HTTP status it came with.
DomainError problemFromJson(int httpStatus, const QByteArray &body);
DomainError::Kind errorKindForStatus(int httpStatus);

} // namespace pincart
