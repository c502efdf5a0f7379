#pragma once

#include "search.h"

#include <optional>

namespace pincart::server {

// Where a page of search hits ends, as the opaque `next`/`after` of GET /search. Price and
// delivery sorts are keyset cursors (the last hit's key and id, so a page is stable while items
// come and go); relevance pages carry the rank reached, since a BM25 score is no stable key (it
// moves as the collection changes), and are capped at MaxRelevanceOffset like other engines'
// result windows.
struct SearchCursor
{
    static constexpr int MaxRelevanceOffset = 1000;

    SearchSort sort = SearchSort::Relevance;
    qint64 key = 0; // price (paise), or the promise's sort key; the rank reached for relevance
    qint64 id = 0;  // the last hit's item id (keyset sorts)

    QString encode() const;
    // nullopt when `text` is not a cursor this server issued for `sort`.
    static std::optional<SearchCursor> decode(const QString &text, SearchSort sort);
};

} // namespace pincart::server
