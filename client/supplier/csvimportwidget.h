#pragma once

#include "submission.h"

#include <QByteArray>
#include <QPointer>
#include <QWidget>

class QCheckBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;

namespace pincart {

class ApiClient;
class CategoryCombo;
class CategoryTreeModel;
class CsvPreviewModel;
class SubmissionErrorModel;
class SubmissionFollower;

// "Import CSV": a submission file chosen (QFileDialog, opened with open()) or handed over with
// previewCsv(), previewed with the server's own rules (CsvPreviewModel) against the categories
// loaded from the server, then uploaded as it is (POST /supplier/submissions, text/csv) and
// followed until the server has processed it, with the errors it reports per row, which can
// be exported as CSV. "Download template" writes the chosen category's template
// (submissionCsvTemplate). The file dialogs can be bypassed (previewCsv, exportErrors,
// saveTemplate) so tests need none.
// Object names: chooseCsvButton, csvFileLabel, templateCategoryCombo, downloadTemplateButton,
// csvProblemsLabel, csvCountsLabel, csvErrorsOnlyCheck, csvPreviewView, uploadCsvButton,
// uploadStatusLabel, uploadProgress, uploadErrorsView, exportErrorsButton.
class CsvImportWidget : public QWidget
{
    Q_OBJECT

public:
    CsvImportWidget(ApiClient *api, CategoryTreeModel *categories, QWidget *parent = nullptr);

    CsvPreviewModel *previewModel() const { return m_preview; }
    SubmissionErrorModel *errorModel() const { return m_errors; }
    SubmissionFollower *follower() const { return m_follower; }
    bool isBusy() const;                           // uploading, or following the upload
    bool isChecking() const { return m_checking; } // reading the file on a worker thread
    QString countsText() const;
    QString problemsText() const;
    QString uploadStatusText() const;

    // Writes the errors the server reported for the last upload ("row,field,message").
    bool exportErrors(const QString &path, QString *error = nullptr) const;
    // Writes the submission template of `categoryId`.
    bool saveTemplate(qint64 categoryId, const QString &path, QString *error = nullptr) const;

public Q_SLOTS:
    // Shows `csv` as the server will read it; `fileName` only labels it. The file is read on a
    // worker thread (a big one takes seconds): isChecking() until the preview is in. Until the
    // categories are loaded the preview waits for them (every category id would look unknown).
    void previewCsv(const QByteArray &csv, const QString &fileName = QString());
    void chooseFile();
    // Sends the previewed file as it is. Does nothing unless the preview allows it.
    void upload();
    void chooseErrorsFile();
    void chooseTemplateFile();

Q_SIGNALS:
    void submitted(const pincart::Submission &submission);
    void finished(const pincart::Submission &submission);

private:
    void loadFile(const QString &path);
    void refreshPreview();
    void showPreviewState();
    void showUpdate(const Submission &submission);
    void setUploadStatus(const QString &text, bool isError);
    void updateActions();

    ApiClient *m_api;
    CategoryTreeModel *m_categories;
    CsvPreviewModel *m_preview;
    QSortFilterProxyModel *m_previewFilter; // "only rows with errors"
    SubmissionErrorModel *m_errors;
    SubmissionFollower *m_follower;

    QPushButton *m_choose;
    QLabel *m_fileLabel;
    CategoryCombo *m_templateCategory;
    QPushButton *m_downloadTemplate;
    QLabel *m_problems;
    QLabel *m_counts;
    QCheckBox *m_errorsOnly;
    QTableView *m_previewView;
    QPushButton *m_upload;
    QLabel *m_uploadStatus;
    QProgressBar *m_progress;
    QTableView *m_errorsView;
    QPushButton *m_exportErrors;

    QByteArray m_csv; // the file as chosen: uploaded byte for byte
    QString m_fileName;
    bool m_hasCsv = false;
    bool m_checking = false;
    quint64 m_readTicket = 0;    // bumped by every read: an older read's result is dropped
    QPointer<QObject> m_request; // context of the POST in flight
};

} // namespace pincart
