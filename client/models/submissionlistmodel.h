#pragma once

#include "apiclient.h"
#include "pagedtablemodel.h"
#include "submission.h"

#include <optional>

namespace pincart {

// The signed-in supplier's submissions, newest first as the server pages them from
// GET /supplier/submissions. Columns: Id, Created, Status, Rows, Accepted. The list rows carry
// no errors (only GET /supplier/submissions/{id} has them).
class SubmissionListModel : public PagedListModel<Submission>
{
    Q_OBJECT

public:
    enum Column {
        IdColumn,
        CreatedColumn,
        StatusColumn,
        RowsTotalColumn,
        RowsAcceptedColumn,
        ColumnCount
    };
    enum Role {
        SubmissionIdRole = Qt::UserRole + 1, // qint64
        StatusRole,                          // int: Submission::Status
    };

    explicit SubmissionListModel(ApiClient *api, QObject *parent = nullptr);

    std::optional<int> rowOfSubmission(qint64 id) const;
    // A fresher copy of a listed submission (from following it); no-op if it is not listed.
    void updateSubmission(const Submission &submission);

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

protected:
    void fetchPage(const QString &after, int limit, QObject *context, Done done) override;

private:
    ApiClient *m_api;
};

} // namespace pincart
