#pragma once

#include <optional>
#include <QByteArray>
#include <QString>
#include <QStringList>

namespace pincart {

// One record of a CSV file: its fields, unquoted and decoded, whitespace kept as written.
struct CsvRecord
{
    int line = 0; // 1-based physical line where the record starts
    QStringList fields;
};

// Why a CSV file could not be read further. The reader stops at the first error: after a
// broken quote nothing that follows can be trusted to be split where the writer meant.
struct CsvError
{
    enum class Kind {
        UnterminatedQuote,     // a quoted field runs to the end of the data
        QuoteInUnquotedField,  // `5" TV`: a field with a quote must be quoted as a whole
        TextAfterClosingQuote, // `"5"" TV"x`: only a comma or a line end may follow
        FieldTooLong,
        TooManyFields,
        InvalidUtf8,
    };

    Kind kind = Kind::UnterminatedQuote;
    int line = 0;    // 1-based: where the offending field starts (for TextAfterClosingQuote:
                     // the line of its closing quote)
    int field = 0;   // 1-based position of that field in its record
    QString message; // without the position: "a quoted field is not closed"

    // "line 7, field 3: a quoted field is not closed"
    QString toString() const;
};

struct CsvLimits
{
    qsizetype maxFieldBytes = 20'000; // of a field's content, after unquoting
    int maxFieldsPerRecord = 300;
};

// An RFC 4180 reader over UTF-8 bytes, one record at a time:
//
//     CsvReader reader(data);
//     while (auto record = reader.next()) { ... }
//     if (const auto &error = reader.error()) { ... }
//
// A leading UTF-8 BOM is skipped. Lines end with CRLF, LF or a lone CR; empty lines are
// skipped but counted, so CsvRecord::line is what an editor shows. Quoted fields may hold
// commas, doubled quotes and line breaks (kept as written). Fields are not trimmed. Every call
// consumes input or ends the reading, so a malformed file can neither crash nor loop.
class CsvReader
{
public:
    explicit CsvReader(QByteArray data, CsvLimits limits = {});

    // The next record; nullopt at the end of the data or after an error.
    std::optional<CsvRecord> next();

    // The error that ended the reading, if any.
    const std::optional<CsvError> &error() const { return m_error; }
    bool atEnd() const { return m_error.has_value() || m_pos >= m_data.size(); }

private:
    void fail(CsvError::Kind kind, int line, int field, QString message);
    bool appendField(QStringList &fields, const char *begin, qsizetype size, bool maybeNonAscii,
                     int line);

    QByteArray m_data;
    CsvLimits m_limits;
    qsizetype m_pos = 0;
    int m_line = 1;
    qsizetype m_lastFieldCount = 0;
    QByteArray m_scratch; // the content of quoted fields with doubled quotes
    std::optional<CsvError> m_error;
};

} // namespace pincart
