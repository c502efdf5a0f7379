#pragma once

#include <QString>

#include <optional>

namespace pincart::server {

// Keyset cursors: opaque to clients (base64url), so their content can change without breaking them.
QString encodeIdCursor(qint64 lastId);
// nullopt when `cursor` is not one of ours.
std::optional<qint64> decodeIdCursor(const QString &cursor);

} // namespace pincart::server
