#include "submissionswidget.h"

#include "apiclient.h"
#include "app/loadstatuswidget.h"
#include "models/submissionerrormodel.h"
#include "models/submissionfollower.h"
#include "models/submissionlistmodel.h"
#include "models/submissiontext.h"

#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace pincart {

SubmissionsWidget::SubmissionsWidget(ApiClient *api, QWidget *parent)
    : QWidget(parent)
    , m_api(api)
    , m_list(new SubmissionListModel(api, this))
    , m_errors(new SubmissionErrorModel(this))
    , m_follower(new SubmissionFollower(api, this))
    , m_view(new QTableView)
    , m_status(new LoadStatusWidget)
    , m_refresh(new QPushButton(tr("Refresh")))
    , m_detail(new QLabel)
    , m_errorsView(new QTableView)
    , m_export(new QPushButton(tr("E&xport errors…")))
{
    setObjectName(QStringLiteral("submissionsWidget"));
    m_view->setObjectName(QStringLiteral("submissionsView"));
    m_view->setModel(m_list);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setAlternatingRowColors(true);
    m_view->verticalHeader()->setVisible(false);
    m_view->horizontalHeader()->setSectionResizeMode(SubmissionListModel::CreatedColumn,
                                                     QHeaderView::Stretch);
    m_status->setObjectName(QStringLiteral("submissionsStatus"));
    m_status->track(m_list, tr("submissions"));
    m_refresh->setObjectName(QStringLiteral("refreshSubmissionsButton"));
    m_detail->setObjectName(QStringLiteral("submissionDetailLabel"));
    m_detail->setWordWrap(true);
    m_detail->setTextFormat(Qt::PlainText);
    m_detail->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_errorsView->setObjectName(QStringLiteral("submissionErrorsView"));
    m_errorsView->setModel(m_errors);
    m_errorsView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_errorsView->setWordWrap(false);
    m_errorsView->verticalHeader()->setVisible(false);
    m_errorsView->horizontalHeader()->setStretchLastSection(true);
    m_export->setObjectName(QStringLiteral("exportSubmissionErrorsButton"));
    m_export->setEnabled(false);

    auto *left = new QWidget;
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    auto *top = new QHBoxLayout;
    auto *heading = new QLabel(tr("Your submissions"));
    QFont font = heading->font();
    font.setBold(true);
    heading->setFont(font);
    top->addWidget(heading);
    top->addStretch();
    top->addWidget(m_refresh);
    leftLayout->addLayout(top);
    leftLayout->addWidget(m_view, 1);
    leftLayout->addWidget(m_status);

    auto *right = new QWidget;
    right->setObjectName(QStringLiteral("submissionDetailPane"));
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    auto *detailTop = new QHBoxLayout;
    detailTop->addWidget(m_detail, 1);
    detailTop->addWidget(m_export, 0, Qt::AlignTop);
    rightLayout->addLayout(detailTop);
    rightLayout->addWidget(m_errorsView, 1);

    auto *splitter = new QSplitter(Qt::Horizontal);
    splitter->addWidget(left);
    splitter->addWidget(right);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 1);
    splitter->setChildrenCollapsible(false);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(splitter);

    connect(m_refresh, &QPushButton::clicked, this, &SubmissionsWidget::reload);
    connect(m_export, &QPushButton::clicked, this, &SubmissionsWidget::chooseErrorsFile);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                if (current.isValid())
                    showSubmission(
                        current.data(SubmissionListModel::SubmissionIdRole).toLongLong());
            });
    connect(m_follower, &SubmissionFollower::updated, this, &SubmissionsWidget::showDetail);
    connect(m_follower, &SubmissionFollower::failed, this, [this](const QString &message) {
        setDetailText(
            tr("Could not follow submission #%1: %2").arg(m_follower->submission().id).arg(message),
            true);
    });

    setDetailText(tr("Choose a submission to see how it went."), false);
    m_list->reload();
}

std::optional<Submission> SubmissionsWidget::shownSubmission() const
{
    return m_shown;
}

QString SubmissionsWidget::detailText() const
{
    return m_detail->text();
}

void SubmissionsWidget::reload()
{
    m_list->reload();
}

void SubmissionsWidget::showSubmission(qint64 id)
{
    if (m_shown && m_shown->id == id && (m_detailRequest || m_follower->isFollowing()))
        return;             // already on its way
    delete m_detailRequest; // its answer would be for another submission
    m_follower->stop();
    m_shown.reset();
    m_errors->clear();
    m_export->setEnabled(false);
    setDetailText(tr("Loading submission #%1…").arg(id), false);
    auto *request = new QObject(this);
    m_detailRequest = request;
    m_api->submission(id, request, [this, request, id](Result<Submission> result) {
        request->deleteLater();
        m_detailRequest = nullptr;
        if (!result) {
            setDetailText(
                tr("Could not load submission #%1: %2").arg(id).arg(result.error().toString()),
                true);
            return;
        }
        showDetail(*result);
        if (result->status == Submission::Status::Pending)
            m_follower->follow(*result);
    });
}

void SubmissionsWidget::showDetail(const Submission &submission)
{
    m_shown = submission;
    const QString format
        = submission.format == Submission::Format::Csv ? tr("CSV file") : tr("single item");
    QStringList lines{
        tr("Submission #%1 (%2), sent %3")
            .arg(submission.id)
            .arg(format)
            .arg(QLocale().toString(submission.createdAt.toLocalTime(), QLocale::ShortFormat)),
        submissionSummary(submission)};
    if (submission.errors.isEmpty() && submission.status != Submission::Status::Pending)
        lines << tr("No errors.");
    setDetailText(lines.join(QLatin1Char('\n')), submission.status == Submission::Status::Rejected);
    m_errors->setErrors(submission.errors);
    m_export->setEnabled(!submission.errors.isEmpty());
    m_list->updateSubmission(submission);
}

void SubmissionsWidget::setDetailText(const QString &text, bool isError)
{
    m_detail->setText(text);
    QPalette palette;
    if (isError)
        palette.setColor(QPalette::WindowText, QColor(0xb0, 0x00, 0x20));
    m_detail->setPalette(palette);
}

bool SubmissionsWidget::exportErrors(const QString &path, QString *error) const
{
    return m_errors->saveCsv(path, error);
}

void SubmissionsWidget::chooseErrorsFile()
{
    if (!m_shown)
        return;
    auto *dialog
        = new QFileDialog(this, tr("Export the errors"),
                          tr("submission-%1-errors.csv").arg(m_shown->id), tr("CSV files (*.csv)"));
    dialog->setObjectName(QStringLiteral("exportSubmissionErrorsDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setDefaultSuffix(QStringLiteral("csv"));
    connect(dialog, &QFileDialog::fileSelected, this, [this](const QString &path) {
        QString error;
        if (!exportErrors(path, &error))
            setDetailText(tr("Could not write %1: %2").arg(path, error), true);
    });
    dialog->open();
}

} // namespace pincart
