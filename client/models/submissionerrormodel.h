#pragma once

#include "submission.h"

#include <QAbstractTableModel>
#include <QByteArray>
#include <QList>

namespace pincart {

// The per-row errors the server reported for one submission: Row, Field, Message. Row 0 (the
// file or its header) shows as "file".
class SubmissionErrorModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { RowColumn, FieldColumn, MessageColumn, ColumnCount };
    enum Role { RowNumberRole = Qt::UserRole + 1 }; // int, 0 for the file

    explicit SubmissionErrorModel(QObject *parent = nullptr);

    void setErrors(const QList<Submission::RowError> &errors);
    void clear() { setErrors({}); }
    const QList<Submission::RowError> &errors() const { return m_errors; }
    // Writes the errors as submissionErrorsToCsv() does, replacing `path` only when complete.
    bool saveCsv(const QString &path, QString *error = nullptr) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QList<Submission::RowError> m_errors;
};

// "row,field,message" and one line per error, UTF-8 with a BOM (as errorsToCsv in
// submissioncsv.h, which needs the file's lines: the server's errors carry rows only). Cells a
// spreadsheet would run as a formula are written with a leading '.
QByteArray submissionErrorsToCsv(const QList<Submission::RowError> &errors);

} // namespace pincart
