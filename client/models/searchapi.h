#pragma once

#include "apiclient.h"
#include "search.h"

#include <QStringList>

// GET /search and GET /search/suggest, sent through ApiClient::send() and decoded with the shared
// codecs (searchcodecs.h), so the client reads exactly what the server writes. They belong beside
// ApiClient's other typed calls and live here only until shared/ takes them.
namespace pincart {

// One page of hits for `request` (its `after` and `limit` included); the callback runs as
// ApiClient's do: on the caller's thread, never after `context` is gone.
void searchItems(ApiClient *api, const SearchRequest &request, QObject *context,
                 ApiClient::Done<SearchResult> done);
// At most SearchLimits::MaxCompletions completions of `prefix`.
void searchCompletions(ApiClient *api, const QString &prefix, QObject *context,
                       ApiClient::Done<QStringList> done);

} // namespace pincart
