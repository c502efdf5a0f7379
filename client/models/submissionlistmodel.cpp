#include "submissionlistmodel.h"

#include "submissiontext.h"

#include <QLocale>

namespace pincart {

SubmissionListModel::SubmissionListModel(ApiClient *api, QObject *parent)
    : PagedListModel<Submission>(parent)
    , m_api(api)
{}

std::optional<int> SubmissionListModel::rowOfSubmission(qint64 id) const
{
    for (int row = 0; row < rows().size(); ++row) {
        if (at(row).id == id)
            return row;
    }
    return std::nullopt;
}

void SubmissionListModel::updateSubmission(const Submission &submission)
{
    if (const auto row = rowOfSubmission(submission.id)) {
        Submission copy = submission;
        copy.errors.clear(); // the list keeps summaries; the detail pane has the errors
        replaceRowAt(*row, std::move(copy));
    }
}

int SubmissionListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant SubmissionListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Submission &s = at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case IdColumn:
            return s.id;
        case CreatedColumn:
            return QLocale().toString(s.createdAt.toLocalTime(), QLocale::ShortFormat);
        case StatusColumn:
            return submissionStatusText(s.status);
        case RowsTotalColumn:
            return s.rowsTotal;
        case RowsAcceptedColumn:
            return s.rowsAccepted;
        }
        break;
    case Qt::ToolTipRole:
        return submissionSummary(s);
    case Qt::TextAlignmentRole:
        if (index.column() != CreatedColumn && index.column() != StatusColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        break;
    case SubmissionIdRole:
        return s.id;
    case StatusRole:
        return int(s.status);
    }
    return {};
}

QVariant SubmissionListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case IdColumn:
        return tr("Id");
    case CreatedColumn:
        return tr("Created");
    case StatusColumn:
        return tr("Status");
    case RowsTotalColumn:
        return tr("Rows");
    case RowsAcceptedColumn:
        return tr("Accepted");
    }
    return {};
}

void SubmissionListModel::fetchPage(const QString &after, int limit, QObject *context, Done done)
{
    m_api->submissions(after, limit, context, std::move(done));
}

} // namespace pincart
