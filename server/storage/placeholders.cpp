#include "placeholders.h"

namespace pincart::server {

namespace {

// [A-Za-z0-9_], as QSqlResult's qIsAlnum: a placeholder's name is ASCII.
bool isNameChar(QChar c)
{
    const char16_t u = c.unicode();
    return (u >= u'a' && u <= u'z') || (u >= u'A' && u <= u'Z') || (u >= u'0' && u <= u'9')
           || u == u'_';
}

} // namespace

PositionalSql toPositional(QStringView sql)
{
    PositionalSql out;
    out.text.reserve(sql.size());
    QChar closingQuote;
    const qsizetype n = sql.size();
    for (qsizetype i = 0; i < n;) {
        const QChar c = sql.at(i);
        if (!closingQuote.isNull()) {
            if (c == closingQuote) {
                // "]]" inside [...] is an escaped bracket, not the end.
                if (closingQuote == u']' && i + 1 < n && sql.at(i + 1) == closingQuote)
                    out.text += sql.at(i++);
                else
                    closingQuote = QChar();
            }
            out.text += c;
            ++i;
        } else if (c == u':' && (i == 0 || sql.at(i - 1) != u':') && i + 1 < n
                   && isNameChar(sql.at(i + 1))) {
            qsizetype end = i + 2;
            while (end < n && isNameChar(sql.at(end)))
                ++end;
            out.names << sql.mid(i, end - i).toString();
            out.text += u'?';
            i = end;
        } else {
            if (c == u'\'' || c == u'"' || c == u'`')
                closingQuote = c;
            else if (c == u'[')
                closingQuote = u']';
            out.text += c;
            ++i;
        }
    }
    return out;
}

} // namespace pincart::server
