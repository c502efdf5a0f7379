#pragma once

#include "search.h"

#include <QString>

// How the storefront words search results.
namespace pincart {

// "Arrives by Thu 3 Dec": a hit's promise date for the chosen pincode.
QString arrivesByText(const QDate &date);
// "Relevance", "Price: low to high", "Price: high to low", "Fastest delivery".
QString searchSortText(SearchSort sort);
// "12 results for “samsung” delivered to 560001", "No results for “samsnug”".
QString searchSummaryText(qint64 total, const QString &text, const QString &pincode);

} // namespace pincart
