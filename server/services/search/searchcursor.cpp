#include "searchcursor.h"

#include <QByteArray>
#include <QList>

namespace pincart::server {

namespace {
char sortCode(SearchSort sort)
{
    switch (sort) {
    case SearchSort::Relevance:
        return 'r';
    case SearchSort::PriceAsc:
        return 'a';
    case SearchSort::PriceDesc:
        return 'd';
    case SearchSort::Fastest:
        return 'f';
    }
    return '?';
}
} // namespace

QString SearchCursor::encode() const
{
    const QByteArray plain
        = sortCode(sort) + QByteArray(".") + QByteArray::number(key) + '.' + QByteArray::number(id);
    return QString::fromLatin1(
        plain.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

std::optional<SearchCursor> SearchCursor::decode(const QString &text, SearchSort sort)
{
    const auto decoded = QByteArray::fromBase64Encoding(
        text.toLatin1(), QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return std::nullopt;
    const QList<QByteArray> parts = (*decoded).split('.');
    if (parts.size() != 3 || parts[0].size() != 1 || parts[0][0] != sortCode(sort))
        return std::nullopt;
    bool keyOk = false;
    bool idOk = false;
    SearchCursor c{sort, parts[1].toLongLong(&keyOk), parts[2].toLongLong(&idOk)};
    if (!keyOk || !idOk || c.id < 0)
        return std::nullopt;
    if (sort == SearchSort::Relevance && (c.key < 0 || c.key > MaxRelevanceOffset))
        return std::nullopt;
    return c;
}

} // namespace pincart::server
