#pragma once

#include "submission.h"

#include <optional>
#include <QPointer>
#include <QWidget>

class QLabel;
class QPushButton;
class QTableView;

namespace pincart {

class ApiClient;
class LoadStatusWidget;
class SubmissionErrorModel;
class SubmissionFollower;
class SubmissionListModel;

// "Submissions": the supplier's submissions, paged (SubmissionListModel), and the chosen one's
// details: its summary and the errors the server reported per row (GET
// /supplier/submissions/{id}), which can be exported as CSV. A chosen submission that is still
// pending is followed, and its row in the list follows too.
// Object names: submissionsView, submissionsStatus, refreshSubmissionsButton,
// submissionDetailLabel, submissionErrorsView, exportSubmissionErrorsButton.
class SubmissionsWidget : public QWidget
{
    Q_OBJECT

public:
    explicit SubmissionsWidget(ApiClient *api, QWidget *parent = nullptr);

    SubmissionListModel *listModel() const { return m_list; }
    SubmissionErrorModel *errorModel() const { return m_errors; }
    // The submission the detail pane shows, once it arrived.
    std::optional<Submission> shownSubmission() const;
    QString detailText() const;

    // Writes the shown submission's errors ("row,field,message").
    bool exportErrors(const QString &path, QString *error = nullptr) const;

public Q_SLOTS:
    void reload();
    // Shows the details of submission `id` (listed or not).
    void showSubmission(qint64 id);
    void chooseErrorsFile();

private:
    void showDetail(const Submission &submission);
    void setDetailText(const QString &text, bool isError);

    ApiClient *m_api;
    SubmissionListModel *m_list;
    SubmissionErrorModel *m_errors;
    SubmissionFollower *m_follower;
    QTableView *m_view;
    LoadStatusWidget *m_status;
    QPushButton *m_refresh;
    QLabel *m_detail;
    QTableView *m_errorsView;
    QPushButton *m_export;
    std::optional<Submission> m_shown;
    QPointer<QObject> m_detailRequest; // context of the GET of the chosen submission
};

} // namespace pincart
