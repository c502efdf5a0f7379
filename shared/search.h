#pragma once

#include "logistics.h"
#include "money.h"
#include "result.h"

#include <optional>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>
#include <QUrlQuery>

// Search requests and answers (GET /search, GET /search/suggest), shared by the server, the client
// and the tests so that the three read the query string and the JSON the same way.
namespace pincart {

struct SearchLimits
{
    static constexpr int DefaultPageSize = 20;
    static constexpr int MaxPageSize = 100;
    static constexpr int MaxQueryLength = 200; // characters of `q`
    static constexpr int MaxFilterValues = 20; // values of one repeated filter (brand, attr.X)
    static constexpr int MaxCompletions = 10;
};

enum class SearchSort { Relevance, PriceAsc, PriceDesc, Fastest };
QString searchSortName(SearchSort sort);
std::optional<SearchSort> searchSortFromName(QStringView name);

// What the customer asked. Repeated values of one filter are alternatives (brand=A&brand=B is A or
// B); different filters must all hold.
struct SearchRequest
{
    QString text;
    QString pincode;                       // set: deliverable items only, each with its promise
    std::optional<qint64> categoryId;      // the category or any of its sub-categories
    QStringList brands;                    // exact brand names
    std::optional<qint64> priceMinMinor;   // inclusive, paise
    std::optional<qint64> priceMaxMinor;   // inclusive, paise
    QMap<QString, QStringList> attributes; // attr.NAME=VALUE
    SearchSort sort = SearchSort::Relevance;
    QString after; // the `next` of the previous page
    int limit = SearchLimits::DefaultPageSize;

    // The query string the server reads (and the client builds).
    QUrlQuery toQuery() const;
};

// Reads GET /search's query string: every value's format and limit, unknown parameters refused.
// Whether a category, attribute or pincode exists is the server's question.
Result<SearchRequest> searchRequestFromQuery(const QUrlQuery &query);
// One value of a query string, form-decoded ('+' is a space), as searchRequestFromQuery reads it.
QString formDecodedValue(const QUrlQuery &query, const QString &key);

struct SearchDelivery
{
    int etaDays = 0;
    QDate promiseDate;
    qint64 warehouseId = 0;
};

struct SearchHit
{
    qint64 id = 0;
    QString title;
    QString brand;
    qint64 categoryId = 0;
    Money price;
    std::optional<SearchDelivery> delivery; // with a pincode: how soon it arrives
};

struct FacetValue
{
    QString value; // what to send back as the filter (a category id, a brand, "min-max" paise)
    QString label; // what to show
    int count = 0; // hits with this value among the current ones
};

struct Facet
{
    QString name;  // "category", "brand", "price", or "attr.NAME"
    QString label; // "Category", "Brand", "Price", the attribute's label
    QList<FacetValue> values;
};

struct SearchResult
{
    qint64 total = 0; // hits over every page
    QList<SearchHit> items;
    QList<Facet> facets;
    QString suggestion; // "did you mean", empty when none
    QString next;       // cursor of the next page, empty on the last one
};

} // namespace pincart
