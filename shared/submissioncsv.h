#pragma once

#include "category.h"
#include "domainerror.h"
#include "item.h"
#include "result.h"

#include <functional>
#include <QAnyStringView>
#include <QByteArray>
#include <QLatin1StringView>
#include <QList>
#include <QStringList>

// The CSV layout of a supplier's item submission (POST /supplier/submissions, text/csv) and its
// mapping onto ItemInput. The server's onboarding consumer and the client's preview both run
// this code, so a file the preview accepts is a file the server accepts.
namespace pincart {

namespace submissioncsv {
inline constexpr QLatin1StringView AttributePrefix{"attr."};
// The SKU of the template's example row: a file still holding it is rejected on that row.
inline constexpr QLatin1StringView ExampleSku{"EXAMPLE-DELETE-ME"};
inline constexpr int DefaultMaxRows = 10'000;
// The most rows one submission may hold: the server's onboarding and the client's preview agree on it.
inline constexpr int SubmissionMaxRows = 200'000;
} // namespace submissioncsv

// The columns of a submission file, in the file's order.
struct SubmissionHeader
{
    enum class Kind { Sku, Title, Description, Brand, CategoryId, Price, ItemStatus, Attribute };
    struct Column
    {
        Kind kind = Kind::Sku;
        QString name;      // canonical (trimmed, lower case): "price", "attr.panel"
        QString attribute; // Attribute only: "panel"
    };

    QList<Column> columns;

    // Position of the column named `name` ("price", "attr.panel"), or -1.
    qsizetype indexOf(QAnyStringView name) const;
};

// One data row: what it maps to and everything wrong with it. The row is accepted when
// `errors` is empty; then `input` holds sku, title, description, brand, category_id, price and
// attributes (status only when given).
struct SubmissionRow
{
    int row = 0;  // 1-based data row number, header and blank rows excluded
    int line = 0; // 1-based line of the file where the row starts
    ItemInput input;
    QList<FieldError> errors; // field: a column name ("price", "attr.panel") or "" for the row

    bool accepted() const { return errors.isEmpty(); }
};

struct SubmissionParse
{
    QList<SubmissionRow> rows;
    QList<FieldError> headerErrors; // field: the column name concerned, or ""
    QList<FieldError> fileErrors;   // field "", the line number in the message

    // Whether the file as a whole can be processed (rows may still have errors).
    bool fileOk() const { return headerErrors.isEmpty() && fileErrors.isEmpty(); }
    qsizetype acceptedCount() const;
};

using CategoryLookup = std::function<const Category *(qint64 categoryId)>;

// Maps the header row (names trimmed, case-insensitive) onto columns. Validation error, with
// one FieldError per problem, when a required column is missing or a column is unknown,
// unnamed or duplicated.
Result<SubmissionHeader> parseSubmissionHeader(const QStringList &header);

// Converts one data row's cells (trimmed) by the row's category's attribute types, then runs
// validation::checkItem on the result; at most one error per column, in column order.
// `categoryById` returns null for an unknown category; the pointer is used during the call only.
SubmissionRow parseSubmissionRow(const SubmissionHeader &header, const QStringList &fields, int row,
                                 int line, const CategoryLookup &categoryById);

// Reads a whole submission file: header, rows (blank rows and rows of empty cells skipped),
// duplicate SKUs within the file (compared case-insensitively; every later one is an error),
// at most `maxRows` data rows. A CSV syntax error ends the reading with a file error; the rows
// before it are kept.
SubmissionParse parseSubmissionCsv(const QByteArray &csv, const CategoryLookup &categoryById,
                                   int maxRows = submissioncsv::DefaultMaxRows);

// A UTF-8 CSV with the header of `category` (every attribute as an attr.* column) and one
// example row, for the client's "download template".
QByteArray submissionCsvTemplate(const Category &category);

// "row,line,field,message" and one line per row error, for the client's "export errors".
QByteArray errorsToCsv(const QList<SubmissionRow> &rows);

} // namespace pincart
