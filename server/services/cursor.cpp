#include "cursor.h"

#include <QByteArray>

namespace pincart::server {

namespace {
constexpr auto Encoding = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;
}

QString encodeIdCursor(qint64 lastId)
{
    return QString::fromLatin1(QByteArray("i:" + QByteArray::number(lastId)).toBase64(Encoding));
}

std::optional<qint64> decodeIdCursor(const QString &cursor)
{
    if (cursor.isEmpty() || cursor.size() > 64)
        return std::nullopt;
    const auto decoded = QByteArray::fromBase64Encoding(
        cursor.toLatin1(), Encoding | QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded || !decoded.decoded.startsWith("i:"))
        return std::nullopt;
    bool ok = false;
    const qint64 id = decoded.decoded.mid(2).toLongLong(&ok);
    if (!ok || id < 0)
        return std::nullopt;
    return id;
}

Result<qint64> cursorAfterId(const QString &after)
{
    if (after.isEmpty())
        return qint64(0);
    const auto id = decodeIdCursor(after);
    if (!id)
        return DomainError::validation(QStringLiteral("after"),
                                       QStringLiteral("is not a cursor this server issued"));
    return *id;
}

Status checkPageLimit(int limit, int max)
{
    if (limit < 1 || limit > max)
        return DomainError::validation(QStringLiteral("limit"),
                                       QStringLiteral("must be between 1 and %1").arg(max));
    return {};
}

} // namespace pincart::server
