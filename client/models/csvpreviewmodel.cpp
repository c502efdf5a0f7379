#include "csvpreviewmodel.h"

#include "csvreader.h"

#include <QBrush>
#include <QColor>

namespace pincart {

namespace {

QString problemLine(const FieldError &error)
{
    return error.field.isEmpty() ? error.message
                                 : error.field + QStringLiteral(": ") + error.message;
}

} // namespace

CsvPreviewModel::CsvPreviewModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

CsvPreviewModel::Contents CsvPreviewModel::read(const QByteArray &csv,
                                                const CategoryLookup &categoryById)
{
    Contents contents;
    contents.parse = parseSubmissionCsv(csv, categoryById, MaxRows);

    // The cells as written: the parse keeps what they map to, the preview shows the text.
    QHash<int, QStringList> recordsByLine;
    CsvReader reader(csv);
    if (std::optional<CsvRecord> header = reader.next()) {
        for (const QString &name : std::as_const(header->fields))
            contents.headers << name.trimmed();
        while (std::optional<CsvRecord> record = reader.next())
            recordsByLine.insert(record->line, std::move(record->fields));
    }
    QStringList columns;
    for (const QString &name : std::as_const(contents.headers))
        columns << name.toLower();

    for (const FieldError &error : std::as_const(contents.parse.headerErrors)) {
        const int column = int(columns.lastIndexOf(error.field.trimmed().toLower()));
        if (column >= 0 && !error.field.isEmpty())
            contents.headerErrors[column] << error.message;
    }
    contents.rows.reserve(contents.parse.rows.size());
    for (const SubmissionRow &row : std::as_const(contents.parse.rows)) {
        Contents::Row view;
        const QStringList fields = recordsByLine.take(row.line);
        for (qsizetype c = 0; c < columns.size(); ++c)
            view.cells << fields.value(c).trimmed();
        for (const FieldError &error : row.errors) {
            view.problems << problemLine(error);
            const int column = error.field.isEmpty() ? -1 : int(columns.indexOf(error.field));
            if (column >= 0)
                view.cellErrors[column] << error.message;
        }
        contents.rows.append(std::move(view));
    }
    return contents;
}

void CsvPreviewModel::setCsv(const QByteArray &csv, const CategoryLookup &categoryById)
{
    setContents(read(csv, categoryById));
}

void CsvPreviewModel::setContents(Contents contents)
{
    beginResetModel();
    m_loaded = true;
    m_contents = std::move(contents);
    m_columns.clear();
    for (const QString &name : std::as_const(m_contents.headers))
        m_columns << name.toLower();
    endResetModel();
}

void CsvPreviewModel::clear()
{
    beginResetModel();
    m_loaded = false;
    m_contents = {};
    m_columns.clear();
    endResetModel();
}

int CsvPreviewModel::rowsOk() const
{
    return int(m_contents.parse.acceptedCount());
}

int CsvPreviewModel::rowsWithErrors() const
{
    return int(m_contents.parse.rows.size()) - rowsOk();
}

bool CsvPreviewModel::canUpload() const
{
    return m_loaded && m_contents.parse.fileOk() && rowsOk() > 0;
}

QStringList CsvPreviewModel::fileProblems() const
{
    QStringList lines;
    for (const FieldError &error : m_contents.parse.headerErrors) {
        lines << (error.field.isEmpty() ? tr("Header: %1").arg(error.message)
                                        : tr("Header: %1 %2").arg(error.field, error.message));
    }
    for (const FieldError &error : m_contents.parse.fileErrors)
        lines << tr("File: %1").arg(error.message);
    return lines;
}

QColor CsvPreviewModel::errorColor() const
{
    return QColor(0xff, 0xcd, 0xd2); // light red: dark text stays readable on it
}

int CsvPreviewModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_contents.rows.size());
}

int CsvPreviewModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() || !m_loaded ? 0 : int(m_columns.size()) + 1;
}

QVariant CsvPreviewModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Contents::Row &view = m_contents.rows.at(index.row());
    const SubmissionRow &row = m_contents.parse.rows.at(index.row());
    const int column = index.column();
    const bool problems = column == problemsColumn();
    switch (role) {
    case Qt::DisplayRole:
        if (problems)
            return view.problems.isEmpty() ? tr("OK") : view.problems.join(QStringLiteral("; "));
        return view.cells.value(column);
    case Qt::ToolTipRole:
        if (problems)
            return view.problems.isEmpty() ? QVariant() : view.problems.join(QLatin1Char('\n'));
        if (const auto it = view.cellErrors.constFind(column); it != view.cellErrors.constEnd())
            return it->join(QLatin1Char('\n'));
        break;
    case Qt::BackgroundRole:
        if (problems ? !view.problems.isEmpty() : view.cellErrors.contains(column))
            return QBrush(errorColor());
        break;
    case RowNumberRole:
        return row.row;
    case LineRole:
        return row.line;
    case RowHasErrorsRole:
        return !row.accepted();
    }
    return {};
}

QVariant CsvPreviewModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Vertical) {
        if (section < 0 || section >= m_contents.rows.size())
            return {};
        const SubmissionRow &row = m_contents.parse.rows.at(section);
        if (role == Qt::DisplayRole)
            return row.row;
        if (role == Qt::ToolTipRole)
            return tr("Row %1, line %2 of the file").arg(row.row).arg(row.line);
        return {};
    }
    if (section < 0 || section > m_columns.size())
        return {};
    if (section == problemsColumn())
        return role == Qt::DisplayRole ? QVariant(tr("Problems")) : QVariant();
    switch (role) {
    case Qt::DisplayRole:
        return m_contents.headers.at(section);
    case Qt::ToolTipRole:
        if (const auto it = m_contents.headerErrors.constFind(section);
            it != m_contents.headerErrors.constEnd())
            return it->join(QLatin1Char('\n'));
        break;
    case Qt::BackgroundRole:
        if (m_contents.headerErrors.contains(section))
            return QBrush(errorColor());
        break;
    }
    return {};
}

} // namespace pincart
