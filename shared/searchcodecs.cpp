#include "searchcodecs.h"

#include "jsonkeys.h"

#include <algorithm>

namespace pincart {

namespace k = keys;

QJsonObject toJson(const SearchResult &result)
{
    QJsonArray items;
    for (const SearchHit &h : result.items) {
        QJsonObject o{{k::Id, h.id},
                      {k::Title, h.title},
                      {k::Brand, h.brand},
                      {k::CategoryId, h.categoryId},
                      {k::Price, toJson(h.price)}};
        if (h.delivery)
            o.insert(k::Delivery, QJsonObject{{k::EtaDays, h.delivery->etaDays},
                                              {k::PromiseDate, isoDate(h.delivery->promiseDate)},
                                              {k::WarehouseId, h.delivery->warehouseId}});
        else
            o.insert(k::Delivery, QJsonValue::Null);
        items.append(o);
    }
    // API.md's shape, `facets: {NAME: [{value, count}]}` (each value with its label too), and the
    // facets' own labels beside it; decoding puts them back in their order.
    QJsonObject facets;
    QJsonObject labels;
    for (const Facet &f : result.facets) {
        QJsonArray values;
        for (const FacetValue &v : f.values)
            values.append(
                QJsonObject{{k::Value, v.value}, {k::Label, v.label}, {k::Count, v.count}});
        facets.insert(f.name, values);
        labels.insert(f.name, f.label);
    }
    return {
        {k::Total, result.total},
        {k::Items, items},
        {k::Facets, facets},
        {k::FacetLabels, labels},
        {k::Suggestion, result.suggestion.isEmpty() ? QJsonValue() : QJsonValue(result.suggestion)},
        {k::Next, result.next.isEmpty() ? QJsonValue() : QJsonValue(result.next)}};
}

Result<SearchResult> searchResultFromJson(const QJsonObject &object)
{
    JsonReader r(object);
    SearchResult result;
    result.total = r.integer(k::Total).value_or(0);
    for (const QJsonValue &v : r.array(k::Items).value_or(QJsonArray())) {
        JsonReader hr(v.toObject());
        SearchHit h;
        h.id = hr.integer(k::Id).value_or(0);
        h.title = hr.string(k::Title).value_or(QString());
        h.brand = hr.string(k::Brand, JsonReader::Optional).value_or(QString());
        h.categoryId = hr.integer(k::CategoryId, JsonReader::Optional).value_or(0);
        h.price = readMoney(hr, k::Price).value_or(Money{});
        if (const auto d = hr.object(k::Delivery, JsonReader::Optional); d && !d->isEmpty()) {
            JsonReader dr(*d);
            SearchDelivery delivery;
            delivery.etaDays = int(dr.integer(k::EtaDays).value_or(0));
            delivery.promiseDate
                = QDate::fromString(dr.string(k::PromiseDate).value_or(QString()), Qt::ISODate);
            delivery.warehouseId = dr.integer(k::WarehouseId, JsonReader::Optional).value_or(0);
            if (!dr.ok())
                return DomainError::validation(dr.errors(), QStringLiteral("Malformed delivery"));
            h.delivery = delivery;
        }
        if (!hr.ok())
            return DomainError::validation(hr.errors(), QStringLiteral("Malformed search hit"));
        result.items << h;
    }
    const QJsonObject facets = r.object(k::Facets, JsonReader::Optional).value_or(QJsonObject());
    const QJsonObject labels
        = r.object(k::FacetLabels, JsonReader::Optional).value_or(QJsonObject());
    for (auto it = facets.constBegin(); it != facets.constEnd(); ++it) {
        Facet f;
        f.name = it.key();
        f.label = labels.value(f.name).toString(f.name);
        if (!it.value().isArray())
            return DomainError::validation(QStringLiteral("facets.") + f.name,
                                           QStringLiteral("must be an array"));
        for (const QJsonValue &fv : it.value().toArray()) {
            JsonReader vr(fv.toObject());
            FacetValue value;
            value.value = vr.string(k::Value).value_or(QString());
            value.label = vr.string(k::Label, JsonReader::Optional).value_or(value.value);
            value.count = int(vr.integer(k::Count).value_or(0));
            if (!vr.ok())
                return DomainError::validation(vr.errors(),
                                               QStringLiteral("Malformed facet value"));
            f.values << value;
        }
        result.facets << f;
    }
    // The order the server gives them in: category, brand, price, then attributes.
    const auto rank = [](const QString &name) {
        return name == u"category" ? 0 : name == u"brand" ? 1 : name == u"price" ? 2 : 3;
    };
    std::stable_sort(
        result.facets.begin(), result.facets.end(), [&](const Facet &a, const Facet &b) {
            return rank(a.name) != rank(b.name) ? rank(a.name) < rank(b.name) : a.name < b.name;
        });
    result.suggestion = r.string(k::Suggestion, JsonReader::Optional).value_or(QString());
    result.next = r.string(k::Next, JsonReader::Optional).value_or(QString());
    if (!r.ok())
        return DomainError::validation(r.errors(), QStringLiteral("Malformed search result"));
    return result;
}

QJsonObject completionsToJson(const QStringList &completions)
{
    return {{k::Completions, QJsonArray::fromStringList(completions)}};
}

Result<QStringList> completionsFromJson(const QJsonObject &object)
{
    JsonReader r(object);
    QStringList out;
    for (const QJsonValue &v : r.array(k::Completions).value_or(QJsonArray()))
        out << v.toString();
    if (!r.ok())
        return DomainError::validation(r.errors(), QStringLiteral("Malformed completions"));
    return out;
}

} // namespace pincart
