#pragma once

#include "submissioncsv.h"

#include <QAbstractTableModel>
#include <QByteArray>
#include <QHash>
#include <QList>
#include <QStringList>

namespace pincart {

// A submission file as the server's onboarding will read it: parseSubmissionCsv (the same code
// the server runs) over the raw bytes, shown as a table. Columns: the file's own columns in its
// order, then "Problems" (every error of the row, including those of columns the file lacks).
// A cell with an error has a red background (Qt::BackgroundRole) and the error as its tooltip;
// other cells have neither. When the header row is broken there are no rows: the header errors
// (fileProblems()) say why, and the header sections concerned are marked the same way.
class CsvPreviewModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Role {
        RowNumberRole = Qt::UserRole + 1, // int: the 1-based data row, as the server counts it
        LineRole,                         // int: the file line where the row starts
        RowHasErrorsRole,                 // bool, on every cell of the row
    };

    // The server's onboarding reads at most this many item rows of one file (OnboardingService).
    static constexpr int MaxRows = submissioncsv::SubmissionMaxRows;

    // What the model shows of one file. Reading a big file takes a while: read() may run on a
    // worker thread (with a lookup that is safe there), setContents() then runs on the model's.
    struct Contents
    {
        struct Row
        {
            QStringList cells;                  // as written (trimmed), one per column
            QHash<int, QStringList> cellErrors; // column -> messages
            QStringList problems;               // "field: message", every error of the row
        };
        SubmissionParse parse;
        QStringList headers;                  // the header row as written (trimmed)
        QHash<int, QStringList> headerErrors; // column -> messages
        QList<Row> rows;
    };
    static Contents read(const QByteArray &csv, const CategoryLookup &categoryById);

    explicit CsvPreviewModel(QObject *parent = nullptr);

    // Reads `csv` against the categories `categoryById` knows. To match the server, the lookup
    // should know what the server's onboarding knows: leaf categories only.
    void setCsv(const QByteArray &csv, const CategoryLookup &categoryById);
    void setContents(Contents contents);
    void clear();

    bool isLoaded() const { return m_loaded; }
    const SubmissionParse &parse() const { return m_contents.parse; }
    bool headerOk() const { return m_loaded && m_contents.parse.headerErrors.isEmpty(); }
    int rowsOk() const;
    int rowsWithErrors() const;
    // Whether uploading makes sense: the file reads as a whole (header and syntax fine) and at
    // least one row would be accepted.
    bool canUpload() const;
    // The header's and the file's errors, one line each ("price is a required column").
    QStringList fileProblems() const;

    QColor errorColor() const;
    int problemsColumn() const { return int(m_columns.size()); }
    // The position of a column by its canonical name ("price", "attr.panel"), or -1.
    int columnOf(const QString &name) const { return int(m_columns.indexOf(name)); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    bool m_loaded = false;
    Contents m_contents;
    QStringList m_columns; // canonical names: trimmed, lower case
};

} // namespace pincart
