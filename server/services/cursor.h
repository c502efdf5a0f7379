#pragma once

#include "page.h"
#include "result.h"

#include <optional>
#include <QString>

namespace pincart::server {

// Keyset cursors: opaque to clients (base64url), so their content can change without breaking them.
QString encodeIdCursor(qint64 lastId);
// nullopt when `cursor` is not one of ours.
std::optional<qint64> decodeIdCursor(const QString &cursor);

// `after` as a request gives it: 0 when absent, a validation error on `after` when not ours.
Result<qint64> cursorAfterId(const QString &after);
// `limit` within [1, max], else a validation error on `limit`.
Status checkPageLimit(int limit, int max);

// A keyset page of at most `limit` items: `next` points past the last one when the page is full.
template<typename T>
Page<T> keysetPage(QList<T> items, int limit)
{
    Page<T> page;
    if (!items.isEmpty() && items.size() == limit)
        page.next = encodeIdCursor(items.last().id);
    page.items = std::move(items);
    return page;
}

} // namespace pincart::server
