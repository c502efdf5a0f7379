#include "search.h"

#include "pincode.h"

#include <QSet>

namespace pincart {

namespace {
constexpr std::pair<SearchSort, QLatin1StringView> SortNames[]{
    {SearchSort::Relevance, QLatin1StringView("relevance")},
    {SearchSort::PriceAsc, QLatin1StringView("price_asc")},
    {SearchSort::PriceDesc, QLatin1StringView("price_desc")},
    {SearchSort::Fastest, QLatin1StringView("fastest")},
};
} // namespace

QString searchSortName(SearchSort sort)
{
    for (const auto &[s, name] : SortNames) {
        if (s == sort)
            return name;
    }
    return {};
}

std::optional<SearchSort> searchSortFromName(QStringView name)
{
    for (const auto &[s, n] : SortNames) {
        if (name == n)
            return s;
    }
    return std::nullopt;
}

QUrlQuery SearchRequest::toQuery() const
{
    QUrlQuery q;
    if (!text.isEmpty())
        q.addQueryItem(QStringLiteral("q"), text);
    if (!pincode.isEmpty())
        q.addQueryItem(QStringLiteral("pincode"), pincode);
    if (categoryId)
        q.addQueryItem(QStringLiteral("category"), QString::number(*categoryId));
    for (const QString &b : brands)
        q.addQueryItem(QStringLiteral("brand"), b);
    if (priceMinMinor)
        q.addQueryItem(QStringLiteral("price_min"), QString::number(*priceMinMinor));
    if (priceMaxMinor)
        q.addQueryItem(QStringLiteral("price_max"), QString::number(*priceMaxMinor));
    for (auto it = attributes.cbegin(); it != attributes.cend(); ++it) {
        for (const QString &v : it.value())
            q.addQueryItem(QStringLiteral("attr.") + it.key(), v);
    }
    if (sort != SearchSort::Relevance)
        q.addQueryItem(QStringLiteral("sort"), searchSortName(sort));
    if (!after.isEmpty())
        q.addQueryItem(QStringLiteral("after"), after);
    if (limit != SearchLimits::DefaultPageSize)
        q.addQueryItem(QStringLiteral("limit"), QString::number(limit));
    // A '+' in a value must reach the server as a plus, not a space.
    QUrlQuery encoded;
    for (auto &[key, value] : q.queryItems(QUrl::FullyDecoded))
        encoded.addQueryItem(QString(key).replace(u'+', QLatin1String("%2B")),
                             QString(value).replace(u'+', QLatin1String("%2B")));
    return encoded;
}

namespace {
QString formDecoded(const QString &encoded)
{
    return QUrl::fromPercentEncoding(QString(encoded).replace(u'+', u' ').toUtf8());
}
} // namespace

QString formDecodedValue(const QUrlQuery &query, const QString &key)
{
    return formDecoded(query.queryItemValue(key, QUrl::FullyEncoded));
}

Result<SearchRequest> searchRequestFromQuery(const QUrlQuery &query)
{
    SearchRequest r;
    QList<FieldError> errors;
    const auto fail = [&errors](const QString &field, const QString &message) {
        errors.append({field, message});
    };
    const auto integer = [&](const QString &name, const QString &text, qint64 min,
                             qint64 max) -> std::optional<qint64> {
        bool ok = false;
        const qint64 v = text.toLongLong(&ok);
        if (!ok || v < min || v > max) {
            fail(name, QStringLiteral("must be an integer from %1 to %2").arg(min).arg(max));
            return std::nullopt;
        }
        return v;
    };
    constexpr qint64 MaxPrice = qint64(1) << 50;
    QSet<QString> seen;
    // Form decoding: a '+' is a space (a plus arrives as %2B).
    const auto decoded = formDecoded;
    for (const auto &[encodedKey, encodedValue] : query.queryItems(QUrl::FullyEncoded)) {
        const QString key = decoded(encodedKey);
        const QString value = decoded(encodedValue);
        const bool repeatable = key == u"brand" || key.startsWith(u"attr.");
        if (!repeatable && seen.contains(key)) {
            fail(key, QStringLiteral("is given more than once"));
            continue;
        }
        seen.insert(key);
        if (key == u"q") {
            r.text = value.simplified();
            if (r.text.size() > SearchLimits::MaxQueryLength)
                fail(key, QStringLiteral("is longer than %1 characters")
                              .arg(SearchLimits::MaxQueryLength));
        } else if (key == u"pincode") {
            if (const auto p = Pincode::parse(value))
                r.pincode = p->toString();
            else
                fail(key, QStringLiteral("must be six digits, the first not 0"));
        } else if (key == u"category") {
            r.categoryId = integer(key, value, 1, MaxPrice);
        } else if (key == u"brand") {
            const QString brand = value.simplified();
            if (brand.isEmpty() || brand.size() > 100)
                fail(key, QStringLiteral("must be 1 to 100 characters"));
            else if (r.brands.size() >= SearchLimits::MaxFilterValues)
                fail(key, QStringLiteral("is given more than %1 times")
                              .arg(SearchLimits::MaxFilterValues));
            else
                r.brands << brand;
        } else if (key == u"price_min") {
            r.priceMinMinor = integer(key, value, 0, MaxPrice);
        } else if (key == u"price_max") {
            r.priceMaxMinor = integer(key, value, 0, MaxPrice);
        } else if (key.startsWith(u"attr.")) {
            const QString name = key.mid(5);
            const QString v = value.simplified();
            QStringList &values = r.attributes[name];
            if (name.isEmpty() || name.size() > 64)
                fail(key, QStringLiteral("names no attribute"));
            else if (v.isEmpty() || v.size() > 100)
                fail(key, QStringLiteral("must be 1 to 100 characters"));
            else if (values.size() >= SearchLimits::MaxFilterValues)
                fail(key, QStringLiteral("is given more than %1 times")
                              .arg(SearchLimits::MaxFilterValues));
            else
                values << v;
        } else if (key == u"sort") {
            if (const auto s = searchSortFromName(value))
                r.sort = *s;
            else
                fail(key, QStringLiteral("must be relevance, price_asc, price_desc or fastest"));
        } else if (key == u"after") {
            if (value.isEmpty() || value.size() > 200)
                fail(key, QStringLiteral("is not a cursor this server issued"));
            r.after = value;
        } else if (key == u"limit") {
            r.limit = int(integer(key, value, 1, SearchLimits::MaxPageSize).value_or(r.limit));
        } else {
            fail(key, QStringLiteral("is not a search parameter"));
        }
    }
    if (r.priceMinMinor && r.priceMaxMinor && *r.priceMinMinor > *r.priceMaxMinor)
        fail(QStringLiteral("price_min"), QStringLiteral("is above price_max"));
    if (r.sort == SearchSort::Fastest && r.pincode.isEmpty())
        fail(QStringLiteral("sort"), QStringLiteral("fastest needs a pincode"));
    if (errors.isEmpty() && r.text.isEmpty() && !r.categoryId && r.brands.isEmpty()
        && r.attributes.isEmpty() && !r.priceMinMinor && !r.priceMaxMinor)
        fail(QStringLiteral("q"),
             QStringLiteral("type something to search for, or choose a category or brand"));
    if (!errors.isEmpty())
        return DomainError::validation(errors, QStringLiteral("Invalid search"));
    return r;
}

} // namespace pincart
