#include "csvreader.h"

#include <cstring>

namespace pincart {

namespace {

// Strict UTF-8 (RFC 3629): no overlong forms, no surrogates, nothing above U+10FFFF.
// QString::fromUtf8 would silently turn such bytes into U+FFFD.
bool isValidUtf8(const unsigned char *s, qsizetype n)
{
    qsizetype i = 0;
    auto cont = [&](qsizetype at, unsigned char lo = 0x80, unsigned char hi = 0xBF) {
        return at < n && s[at] >= lo && s[at] <= hi;
    };
    while (i < n) {
        const unsigned char b = s[i];
        if (b < 0x80) {
            ++i;
        } else if (b >= 0xC2 && b <= 0xDF) {
            if (!cont(i + 1))
                return false;
            i += 2;
        } else if (b >= 0xE0 && b <= 0xEF) {
            const unsigned char lo = b == 0xE0 ? 0xA0 : 0x80;
            const unsigned char hi = b == 0xED ? 0x9F : 0xBF;
            if (!cont(i + 1, lo, hi) || !cont(i + 2))
                return false;
            i += 3;
        } else if (b >= 0xF0 && b <= 0xF4) {
            const unsigned char lo = b == 0xF0 ? 0x90 : 0x80;
            const unsigned char hi = b == 0xF4 ? 0x8F : 0xBF;
            if (!cont(i + 1, lo, hi) || !cont(i + 2) || !cont(i + 3))
                return false;
            i += 4;
        } else {
            return false;
        }
    }
    return true;
}

} // namespace

QString CsvError::toString() const
{
    if (field > 0)
        return QStringLiteral("line %1, field %2: %3").arg(line).arg(field).arg(message);
    return QStringLiteral("line %1: %2").arg(line).arg(message);
}

CsvReader::CsvReader(QByteArray data, CsvLimits limits)
    : m_data(std::move(data))
    , m_limits(limits)
{
    if (m_data.startsWith("\xEF\xBB\xBF"))
        m_pos = 3;
}

void CsvReader::fail(CsvError::Kind kind, int line, int field, QString message)
{
    m_error = CsvError{kind, line, field, std::move(message)};
    m_pos = m_data.size();
}

bool CsvReader::appendField(QStringList &fields, const char *begin, qsizetype size,
                            bool maybeNonAscii, int line)
{
    const int position = int(fields.size()) + 1;
    if (size > m_limits.maxFieldBytes) {
        fail(CsvError::Kind::FieldTooLong, line, position,
             QStringLiteral("the field is longer than %1 bytes").arg(m_limits.maxFieldBytes));
        return false;
    }
    if (maybeNonAscii && !isValidUtf8(reinterpret_cast<const unsigned char *>(begin), size)) {
        fail(CsvError::Kind::InvalidUtf8, line, position,
             QStringLiteral("the field is not valid UTF-8 (save the file as \"CSV UTF-8\")"));
        return false;
    }
    // QString::fromUtf8 drops a BOM at the start of its input: only the file's own is dropped.
    if (maybeNonAscii && size >= 3 && std::memcmp(begin, "\xEF\xBB\xBF", 3) == 0)
        fields.append(QChar(0xFEFF) + QString::fromUtf8(begin + 3, size - 3));
    else
        fields.append(QString::fromUtf8(begin, size));
    return true;
}

std::optional<CsvRecord> CsvReader::next()
{
    const char *const data = m_data.constData();
    const char *const end = data + m_data.size();
    const char *p = data + m_pos;

    // Empty lines are not records, but they count for the line numbers.
    while (p < end && (*p == '\n' || *p == '\r')) {
        p += (*p == '\r' && p + 1 < end && p[1] == '\n') ? 2 : 1;
        ++m_line;
    }
    m_pos = p - data;
    if (m_error || p >= end)
        return std::nullopt;

    CsvRecord record;
    record.line = m_line;
    record.fields.reserve(m_lastFieldCount);
    for (;;) {
        const int fieldLine = m_line;
        if (record.fields.size() >= m_limits.maxFieldsPerRecord) {
            fail(CsvError::Kind::TooManyFields, fieldLine, int(record.fields.size()) + 1,
                 QStringLiteral("the record has more than %1 fields")
                     .arg(m_limits.maxFieldsPerRecord));
            return std::nullopt;
        }
        unsigned char seen = 0; // OR of every byte: bit 7 set means non-ASCII content
        if (p < end && *p == '"') {
            // Quoted: runs to the next quote not doubled; may span lines.
            ++p;
            const char *segment = p;
            bool copied = false;
            for (;;) {
                if (p == end) {
                    fail(CsvError::Kind::UnterminatedQuote, fieldLine,
                         int(record.fields.size()) + 1,
                         QStringLiteral("a quoted field is not closed before the end of the file"));
                    return std::nullopt;
                }
                const char c = *p;
                if (c == '"') {
                    if (p + 1 < end && p[1] == '"') {
                        if (!copied) {
                            m_scratch.clear();
                            copied = true;
                        }
                        m_scratch.append(segment, p + 1 - segment); // keeps one quote
                        p += 2;
                        segment = p;
                        continue;
                    }
                    break;
                }
                if (c == '\n' || (c == '\r' && !(p + 1 < end && p[1] == '\n')))
                    ++m_line;
                seen |= static_cast<unsigned char>(c);
                ++p;
            }
            const char *contentEnd = p;
            ++p; // the closing quote
            if (p < end && *p != ',' && *p != '\n' && *p != '\r') {
                fail(CsvError::Kind::TextAfterClosingQuote, m_line, int(record.fields.size()) + 1,
                     QStringLiteral("only a comma or a line end may follow a closing quote"));
                return std::nullopt;
            }
            bool ok;
            if (copied) {
                m_scratch.append(segment, contentEnd - segment);
                ok = appendField(record.fields, m_scratch.constData(), m_scratch.size(),
                                 seen & 0x80, fieldLine);
            } else {
                ok = appendField(record.fields, segment, contentEnd - segment, seen & 0x80,
                                 fieldLine);
            }
            if (!ok)
                return std::nullopt;
        } else {
            const char *begin = p;
            while (p < end) {
                const char c = *p;
                if (c == ',' || c == '\n' || c == '\r')
                    break;
                if (c == '"') {
                    fail(CsvError::Kind::QuoteInUnquotedField, fieldLine,
                         int(record.fields.size()) + 1,
                         QStringLiteral("a field with a quote in it must be quoted as a whole, "
                                        "with the quote doubled (\"5\"\" TV\")"));
                    return std::nullopt;
                }
                seen |= static_cast<unsigned char>(c);
                ++p;
            }
            if (!appendField(record.fields, begin, p - begin, seen & 0x80, fieldLine))
                return std::nullopt;
        }

        if (p == end)
            break;
        if (*p == ',') {
            ++p; // a comma right before the end still opens an (empty) last field
            continue;
        }
        p += (*p == '\r' && p + 1 < end && p[1] == '\n') ? 2 : 1;
        ++m_line;
        break;
    }
    m_pos = p - data;
    m_lastFieldCount = record.fields.size();
    return record;
}

} // namespace pincart
