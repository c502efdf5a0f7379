#include "submissioncsv.h"

#include "csvreader.h"
#include "jsonkeys.h"
#include "validation.h"

#include <algorithm>
#include <climits>
#include <cmath>
#include <QHash>
#include <QJsonObject>
#include <QSet>

namespace pincart {

namespace {

using Kind = SubmissionHeader::Kind;

struct FixedColumn
{
    QLatin1StringView name;
    Kind kind;
    bool required;
};

// The fixed columns, in the template's order.
constexpr FixedColumn FixedColumns[] = {
    {keys::Sku, Kind::Sku, true},
    {keys::Title, Kind::Title, true},
    {keys::Description, Kind::Description, true},
    {keys::Brand, Kind::Brand, true},
    {keys::CategoryId, Kind::CategoryId, true},
    {keys::Price, Kind::Price, true},
    {keys::Status, Kind::ItemStatus, false},
};

// A cell value inside a message: quoted, and cut short so a pasted paragraph stays readable.
QString shown(const QString &value)
{
    constexpr qsizetype Max = 40;
    if (value.size() <= Max)
        return QLatin1Char('"') + value + QLatin1Char('"');
    return QLatin1Char('"') + value.left(Max) + QStringLiteral("...\"");
}

// "-?digits(.digits)?": no units, exponents, thousands separators, NaN or infinity.
std::optional<double> parseNumber(const QString &text)
{
    const qsizetype n = text.size();
    if (n == 0 || n > 40)
        return std::nullopt;
    qsizetype i = text.front() == QLatin1Char('-') ? 1 : 0;
    auto digits = [&] {
        const qsizetype from = i;
        while (i < n && text.at(i) >= QLatin1Char('0') && text.at(i) <= QLatin1Char('9'))
            ++i;
        return i > from;
    };
    if (!digits())
        return std::nullopt;
    if (i < n && text.at(i) == QLatin1Char('.')) {
        ++i;
        if (!digits())
            return std::nullopt;
    }
    if (i != n)
        return std::nullopt;
    bool ok = false;
    const double d = text.toDouble(&ok);
    if (!ok || !std::isfinite(d))
        return std::nullopt;
    return d;
}

std::optional<bool> parseBool(const QString &text)
{
    for (const char *yes : {"true", "yes", "1"}) {
        if (text.compare(QLatin1StringView(yes), Qt::CaseInsensitive) == 0)
            return true;
    }
    for (const char *no : {"false", "no", "0"}) {
        if (text.compare(QLatin1StringView(no), Qt::CaseInsensitive) == 0)
            return false;
    }
    return std::nullopt;
}

// The schema's spelling of `text`: an exact match, else the one value equal ignoring case.
std::optional<QString> matchEnum(const AttributeSpec &spec, const QString &text)
{
    if (spec.values.contains(text))
        return text;
    std::optional<QString> found;
    for (const QString &value : spec.values) {
        if (value.compare(text, Qt::CaseInsensitive) == 0) {
            if (found)
                return std::nullopt; // "s" when the schema has both "S" and "s"
            found = value;
        }
    }
    return found;
}

// A cell converted to its attribute's JSON type, or the message saying why not.
struct Converted
{
    QJsonValue value;
    QString error;
};

Converted convertAttribute(const AttributeSpec &spec, const QString &cell)
{
    switch (spec.type) {
    case AttributeSpec::Type::Number:
        if (const auto d = parseNumber(cell))
            return {*d, {}};
        return {{},
                spec.unit.isEmpty() ? QString(shown(cell) + QStringLiteral(" is not a number"))
                                    : QString(shown(cell)
                                              + QStringLiteral(" is not a number (write the number "
                                                               "alone; the unit is ")
                                              + spec.unit + QLatin1Char(')'))};
    case AttributeSpec::Type::Bool:
        if (const auto b = parseBool(cell))
            return {*b, {}};
        return {{}, shown(cell) + QStringLiteral(" is not true or false (also yes/no, 1/0)")};
    case AttributeSpec::Type::Enum:
        if (const auto e = matchEnum(spec, cell))
            return {*e, {}};
        return {{},
                shown(cell) + QStringLiteral(" is not one of: ")
                    + spec.values.join(QStringLiteral(", "))};
    case AttributeSpec::Type::Text:
        return {cell, {}};
    }
    return {{}, QStringLiteral("has an unknown attribute type")};
}

// validation's JSON paths -> the submission's column names.
QString columnForPath(const QString &path)
{
    if (path.startsWith(QLatin1StringView("attributes.")))
        return submissioncsv::AttributePrefix + QStringView(path).mid(11);
    if (path.startsWith(QLatin1StringView("price.")))
        return QString(keys::Price);
    return path;
}

bool hasErrorOn(const QList<FieldError> &errors, QStringView field)
{
    return std::any_of(errors.cbegin(), errors.cend(),
                       [&](const FieldError &e) { return e.field == field; });
}

// Errors in the order of the file's columns; errors of columns the file lacks (a required
// attribute) after them, the row's own ("") last.
void sortByColumn(const SubmissionHeader &header, QList<FieldError> &errors)
{
    auto rank = [&](const FieldError &e) {
        if (e.field.isEmpty())
            return INT_MAX;
        const qsizetype i = header.indexOf(e.field);
        return i < 0 ? INT_MAX - 1 : int(i);
    };
    std::stable_sort(errors.begin(), errors.end(),
                     [&](const FieldError &a, const FieldError &b) { return rank(a) < rank(b); });
}

} // namespace

qsizetype SubmissionHeader::indexOf(QAnyStringView name) const
{
    for (qsizetype i = 0; i < columns.size(); ++i) {
        if (columns.at(i).name == name)
            return i;
    }
    return -1;
}

qsizetype SubmissionParse::acceptedCount() const
{
    return std::count_if(rows.cbegin(), rows.cend(),
                         [](const SubmissionRow &r) { return r.accepted(); });
}

Result<SubmissionHeader> parseSubmissionHeader(const QStringList &header)
{
    SubmissionHeader result;
    QList<FieldError> errors;
    QHash<QString, qsizetype> seen; // canonical name -> 0-based position
    for (qsizetype i = 0; i < header.size(); ++i) {
        const QString written = header.at(i).trimmed();
        const QString name = written.toLower();
        const int position = int(i) + 1;
        if (name.isEmpty()) {
            errors.append({QString(), QStringLiteral("column %1 has no name").arg(position)});
            continue;
        }
        if (const auto it = seen.constFind(name); it != seen.constEnd()) {
            errors.append(
                {name,
                 QStringLiteral("appears twice (columns %1 and %2)").arg(*it + 1).arg(position)});
            continue;
        }
        seen.insert(name, i);

        SubmissionHeader::Column column;
        column.name = name;
        if (name.startsWith(submissioncsv::AttributePrefix)) {
            column.kind = Kind::Attribute;
            column.attribute = name.mid(submissioncsv::AttributePrefix.size());
            if (column.attribute.isEmpty()) {
                errors.append({written, QStringLiteral("names no attribute (column %1): write "
                                                       "attr.NAME, as attr.colour")
                                            .arg(position)});
                continue;
            }
        } else {
            const auto fixed = std::find_if(std::cbegin(FixedColumns), std::cend(FixedColumns),
                                            [&](const FixedColumn &f) { return f.name == name; });
            if (fixed == std::cend(FixedColumns)) {
                errors.append({written, QStringLiteral("is not a column of the submission layout "
                                                       "(column %1); attributes are written "
                                                       "attr.NAME")
                                            .arg(position)});
                continue;
            }
            column.kind = fixed->kind;
        }
        result.columns.append(column);
    }
    for (const FixedColumn &fixed : FixedColumns) {
        if (fixed.required && !seen.contains(fixed.name))
            errors.append({QString(fixed.name), QStringLiteral("is a required column")});
    }
    if (!errors.isEmpty())
        return DomainError::validation(errors, QStringLiteral("The header row is not valid"));
    return result;
}

SubmissionRow parseSubmissionRow(const SubmissionHeader &header, const QStringList &fields, int row,
                                 int line, const CategoryLookup &categoryById)
{
    SubmissionRow result;
    result.row = row;
    result.line = line;
    if (fields.size() != header.columns.size()) {
        // Cells shifted left or right: checking them by column would only mislead.
        result.errors.append({QString(), QStringLiteral("has %1 cells, the header has %2 columns")
                                             .arg(fields.size())
                                             .arg(header.columns.size())});
        return result;
    }

    QList<FieldError> &errors = result.errors;
    ItemInput &input = result.input;

    // The category first: it decides how the attribute cells are read.
    const Category *category = nullptr;
    const qsizetype categoryColumn = header.indexOf(keys::CategoryId);
    if (categoryColumn >= 0) {
        const QString cell = fields.at(categoryColumn).trimmed();
        const QString field(keys::CategoryId);
        bool ok = false;
        const qint64 id = cell.toLongLong(&ok);
        if (cell.isEmpty())
            errors.append({field, QStringLiteral("is required")});
        else if (!ok || id <= 0 || !std::all_of(cell.cbegin(), cell.cend(), [](QChar c) {
                     return c >= QLatin1Char('0') && c <= QLatin1Char('9');
                 }))
            errors.append({field, shown(cell) + QStringLiteral(" is not a category id")});
        else if (!(category = categoryById ? categoryById(id) : nullptr))
            errors.append({field, QStringLiteral("%1 is not a known category").arg(id)});
        else
            input.categoryId = id;
    }

    QJsonObject attributes;
    for (qsizetype i = 0; i < header.columns.size(); ++i) {
        const SubmissionHeader::Column &column = header.columns.at(i);
        const QString cell = fields.at(i).trimmed();
        switch (column.kind) {
        case Kind::Sku:
            input.sku = cell;
            if (cell.compare(submissioncsv::ExampleSku, Qt::CaseInsensitive) == 0)
                errors.append(
                    {column.name, QStringLiteral("is the template's example row: "
                                                 "delete the row or replace its values")});
            break;
        case Kind::Title:
            input.title = cell;
            break;
        case Kind::Description:
            input.description = cell;
            break;
        case Kind::Brand:
            input.brand = cell;
            break;
        case Kind::CategoryId:
            break; // read above
        case Kind::Price:
            if (cell.isEmpty()) {
                errors.append({column.name, QStringLiteral("is required")});
            } else if (const auto paise = Money::parseMinorUnits(cell)) {
                input.price = Money{*paise, QStringLiteral("INR")};
            } else {
                errors.append({column.name, shown(cell)
                                                + QStringLiteral(" is not a price in rupees "
                                                                 "(as 1299 or 1299.50)")});
            }
            break;
        case Kind::ItemStatus:
            if (cell.isEmpty())
                break; // the server's default
            if (const auto status = itemStatusFromName(cell.toLower()))
                input.status = *status;
            else
                errors.append(
                    {column.name, shown(cell) + QStringLiteral(" is not active or inactive")});
            break;
        case Kind::Attribute: {
            if (cell.isEmpty() || !category)
                break; // absent; or unreadable without its category (that error is enough)
            const AttributeSpec *spec = category->attribute(column.attribute);
            if (!spec) {
                errors.append({column.name, QStringLiteral("is not an attribute of %1 (leave the "
                                                           "cell empty)")
                                                .arg(category->name)});
                break;
            }
            Converted converted = convertAttribute(*spec, cell);
            if (converted.error.isEmpty())
                attributes.insert(spec->name, converted.value);
            else
                errors.append({column.name, converted.error});
            break;
        }
        }
    }
    if (category)
        input.attributes = attributes;

    // The shared item rules, on what could be read; a column that failed to convert keeps
    // its conversion error only (not also "is required").
    Item item;
    input.applyTo(item);
    const QList<FieldError> checked
        = validation::checkItem(item, category ? *category : Category{});
    for (const FieldError &e : checked) {
        const QString column = columnForPath(e.field);
        if (!hasErrorOn(errors, column))
            errors.append({column, e.message});
    }
    sortByColumn(header, errors);
    return result;
}

SubmissionParse parseSubmissionCsv(const QByteArray &csv, const CategoryLookup &categoryById,
                                   int maxRows)
{
    SubmissionParse result;
    CsvReader reader(csv);
    auto fileError = [&] {
        if (const auto &error = reader.error())
            result.fileErrors.append({QString(), error->toString()});
    };

    const std::optional<CsvRecord> headerRecord = reader.next();
    if (!headerRecord) {
        if (reader.error())
            fileError();
        else
            result.headerErrors.append(
                {QString(), QStringLiteral("the file is empty: its first line must be the header "
                                           "(sku,title,description,brand,category_id,price,...)")});
        return result;
    }
    Result<SubmissionHeader> header = parseSubmissionHeader(headerRecord->fields);
    if (!header) {
        result.headerErrors = header.error().fields();
        return result;
    }

    // Growing a list of 100k rows step by step costs more than parsing them.
    const qsizetype expectedRows
        = std::min<qsizetype>(csv.count('\n'), maxRows > 0 ? maxRows : INT_MAX);
    result.rows.reserve(expectedRows);
    QHash<QString, int> rowOfSku; // case-folded SKU -> first row with it
    rowOfSku.reserve(expectedRows);
    int row = 0;
    while (std::optional<CsvRecord> record = reader.next()) {
        // Spreadsheets export emptied rows as ",,,,": not items, not counted.
        if (std::all_of(record->fields.cbegin(), record->fields.cend(),
                        [](const QString &cell) { return cell.trimmed().isEmpty(); }))
            continue;
        if (maxRows > 0 && row >= maxRows) {
            result.fileErrors.append(
                {QString(), QStringLiteral("line %1: the file has more than %2 item rows; split "
                                           "it into several submissions")
                                .arg(record->line)
                                .arg(maxRows)});
            return result;
        }
        ++row;
        SubmissionRow parsed
            = parseSubmissionRow(*header, record->fields, row, record->line, categoryById);
        const QString skuField(keys::Sku);
        if (parsed.input.sku && !parsed.input.sku->isEmpty()
            && !hasErrorOn(parsed.errors, skuField)) {
            // SKUs are compared as MariaDB's unique key on (supplier_id, sku) compares them.
            const QString key = parsed.input.sku->toCaseFolded();
            if (const auto it = rowOfSku.constFind(key); it != rowOfSku.constEnd()) {
                parsed.errors.append({skuField, QStringLiteral("duplicates row %1").arg(*it)});
                sortByColumn(*header, parsed.errors);
            } else {
                rowOfSku.insert(key, row);
            }
        }
        result.rows.append(std::move(parsed));
    }
    if (reader.error())
        fileError();
    else if (row == 0)
        result.fileErrors.append(
            {QString(), QStringLiteral("line %1: the file has a header but no item rows")
                            .arg(headerRecord->line)});
    return result;
}

namespace {

// One CSV cell: quoted when it holds a separator, a quote, a line break or outer spaces.
void appendCell(QByteArray &out, const QString &value)
{
    QByteArray utf8 = value.toUtf8();
    const bool quote = utf8.contains(',') || utf8.contains('"') || utf8.contains('\n')
                       || utf8.contains('\r')
                       || (!utf8.isEmpty() && (utf8.front() == ' ' || utf8.back() == ' '));
    if (!quote) {
        out.append(utf8);
        return;
    }
    out.append('"');
    out.append(utf8.replace("\"", "\"\""));
    out.append('"');
}

void appendLine(QByteArray &out, const QStringList &cells)
{
    for (qsizetype i = 0; i < cells.size(); ++i) {
        if (i > 0)
            out.append(',');
        appendCell(out, cells.at(i));
    }
    out.append("\r\n"); // RFC 4180
}

// A spreadsheet runs a cell starting with = + - @ as a formula; a leading ' keeps it text.
QString spreadsheetSafe(const QString &value)
{
    if (!value.isEmpty() && QStringView(u"=+-@\t\r").contains(value.front()))
        return QLatin1Char('\'') + value;
    return value;
}

// Written first so that Excel reads the file as UTF-8 rather than the system's code page.
constexpr char Utf8Bom[] = "\xEF\xBB\xBF";

QString exampleValue(const AttributeSpec &spec)
{
    switch (spec.type) {
    case AttributeSpec::Type::Number: {
        const double v = spec.min ? *spec.min : spec.max ? std::min(1.0, *spec.max) : 1.0;
        return spec.integer ? QString::number(qint64(std::ceil(v))) : QString::number(v);
    }
    case AttributeSpec::Type::Enum:
        return spec.values.value(0);
    case AttributeSpec::Type::Bool:
        return QStringLiteral("true");
    case AttributeSpec::Type::Text:
        return QStringLiteral("example").left(std::max(1, spec.maxLength));
    }
    return {};
}

} // namespace

QByteArray submissionCsvTemplate(const Category &category)
{
    QStringList header;
    for (const FixedColumn &fixed : FixedColumns)
        header << QString(fixed.name);
    QStringList example{
        QString(submissioncsv::ExampleSku),
        QStringLiteral("Example: %1 (delete this row)").arg(category.name),
        QStringLiteral("A few sentences about the item, on one line or several."),
        QStringLiteral("Example brand"),
        QString::number(category.id),
        QStringLiteral("1299.00"),
        QStringLiteral("active"),
    };
    for (const AttributeSpec &spec : category.attributes) {
        header << QString(submissioncsv::AttributePrefix + spec.name);
        example << exampleValue(spec);
    }
    QByteArray out(Utf8Bom);
    appendLine(out, header);
    appendLine(out, example);
    return out;
}

QByteArray errorsToCsv(const QList<SubmissionRow> &rows)
{
    QByteArray out(Utf8Bom);
    appendLine(out, {QStringLiteral("row"), QStringLiteral("line"), QStringLiteral("field"),
                     QStringLiteral("message")});
    for (const SubmissionRow &row : rows) {
        for (const FieldError &error : row.errors) {
            appendLine(out, {QString::number(row.row), QString::number(row.line),
                             spreadsheetSafe(error.field), spreadsheetSafe(error.message)});
        }
    }
    return out;
}

} // namespace pincart
