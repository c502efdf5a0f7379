#include "submissionerrormodel.h"

#include <QSaveFile>
#include <QStringList>

namespace pincart {

SubmissionErrorModel::SubmissionErrorModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void SubmissionErrorModel::setErrors(const QList<Submission::RowError> &errors)
{
    if (errors == m_errors)
        return; // a poll that brought nothing new keeps the view's selection and scroll
    beginResetModel();
    m_errors = errors;
    endResetModel();
}

int SubmissionErrorModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_errors.size());
}

int SubmissionErrorModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant SubmissionErrorModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Submission::RowError &error = m_errors.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case Qt::ToolTipRole:
        switch (index.column()) {
        case RowColumn:
            return error.row > 0 ? QString::number(error.row) : tr("file");
        case FieldColumn:
            return error.field;
        case MessageColumn:
            return error.message;
        }
        break;
    case Qt::TextAlignmentRole:
        if (index.column() == RowColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        break;
    case RowNumberRole:
        return error.row;
    }
    return {};
}

bool SubmissionErrorModel::saveCsv(const QString &path, QString *error) const
{
    const QByteArray bytes = submissionErrorsToCsv(m_errors);
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        if (error)
            *error = file.errorString();
        return false;
    }
    return true;
}

QVariant SubmissionErrorModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case RowColumn:
        return tr("Row");
    case FieldColumn:
        return tr("Field");
    case MessageColumn:
        return tr("Message");
    }
    return {};
}

namespace {

QByteArray csvCell(QString value)
{
    if (!value.isEmpty() && QStringView(u"=+-@\t\r").contains(value.front()))
        value.prepend(QLatin1Char('\''));
    QByteArray utf8 = value.toUtf8();
    const bool quote = utf8.contains(',') || utf8.contains('"') || utf8.contains('\n')
                       || utf8.contains('\r')
                       || (!utf8.isEmpty() && (utf8.front() == ' ' || utf8.back() == ' '));
    if (!quote)
        return utf8;
    QByteArray quoted;
    quoted.reserve(utf8.size() + 8);
    quoted.append('"').append(utf8.replace("\"", "\"\"")).append('"');
    return quoted;
}

} // namespace

QByteArray submissionErrorsToCsv(const QList<Submission::RowError> &errors)
{
    QByteArray out("\xEF\xBB\xBF"
                   "row,field,message\r\n");
    for (const Submission::RowError &e : errors) {
        out.append(QByteArray::number(e.row)).append(',').append(csvCell(e.field));
        out.append(',').append(csvCell(e.message)).append("\r\n");
    }
    return out;
}

} // namespace pincart
