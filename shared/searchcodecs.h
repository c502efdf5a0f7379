#pragma once

#include "codecs.h"
#include "search.h"

// JSON of GET /search and GET /search/suggest (see codecs.h for the rules).
namespace pincart {

QJsonObject toJson(const SearchResult &result);
Result<SearchResult> searchResultFromJson(const QJsonObject &object);

// `{completions: ["samsung", "samsung galaxy"]}`
QJsonObject completionsToJson(const QStringList &completions);
Result<QStringList> completionsFromJson(const QJsonObject &object);

} // namespace pincart
