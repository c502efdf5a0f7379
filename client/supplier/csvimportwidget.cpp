#include "csvimportwidget.h"

#include "apiclient.h"
#include "models/categorytreemodel.h"
#include "models/csvpreviewmodel.h"
#include "models/submissionerrormodel.h"
#include "models/submissionfollower.h"
#include "models/submissiontext.h"
#include "submissioncsv.h"
#include "supplier/categorycombo.h"
#include "supplier/itemform.h"

#include <memory>
#include <QCheckBox>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QSaveFile>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTableView>
#include <QtConcurrent/QtConcurrentRun>
#include <QVBoxLayout>

namespace pincart {

namespace {

// Far above what a server takes in one body (1 MiB by default): a bigger file is surely a
// mistake, and reading it would only stall the window.
constexpr qint64 MaxFileBytes = 64 * 1024 * 1024;

QString rowsText(int n)
{
    return n == 1 ? CsvImportWidget::tr("1 row") : CsvImportWidget::tr("%1 rows").arg(n);
}

void setErrorPalette(QLabel *label, bool isError)
{
    QPalette palette;
    if (isError)
        palette.setColor(QPalette::WindowText, QColor(0xb0, 0x00, 0x20));
    label->setPalette(palette);
}

// The template, written completely or not at all.
bool writeFile(const QString &path, const QByteArray &bytes, QString *error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        if (error)
            *error = file.errorString();
        return false;
    }
    return true;
}

QTableView *newTable(const QString &objectName)
{
    auto *view = new QTableView;
    view->setObjectName(objectName);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->setWordWrap(false);
    view->horizontalHeader()->setStretchLastSection(true);
    return view;
}

} // namespace

CsvImportWidget::CsvImportWidget(ApiClient *api, CategoryTreeModel *categories, QWidget *parent)
    : QWidget(parent)
    , m_api(api)
    , m_categories(categories)
    , m_preview(new CsvPreviewModel(this))
    , m_previewFilter(new QSortFilterProxyModel(this))
    , m_errors(new SubmissionErrorModel(this))
    , m_follower(new SubmissionFollower(api, this))
    , m_choose(new QPushButton(tr("&Choose CSV file…")))
    , m_fileLabel(new QLabel(tr("No file chosen.")))
    , m_templateCategory(new CategoryCombo(categories))
    , m_downloadTemplate(new QPushButton(tr("&Download template…")))
    , m_problems(new QLabel)
    , m_counts(new QLabel)
    , m_errorsOnly(new QCheckBox(tr("Only rows with &errors")))
    , m_previewView(newTable(QStringLiteral("csvPreviewView")))
    , m_upload(new QPushButton(tr("&Upload")))
    , m_uploadStatus(new QLabel)
    , m_progress(new QProgressBar)
    , m_errorsView(newTable(QStringLiteral("uploadErrorsView")))
    , m_exportErrors(new QPushButton(tr("E&xport errors…")))
{
    setObjectName(QStringLiteral("csvImportWidget"));
    m_choose->setObjectName(QStringLiteral("chooseCsvButton"));
    m_fileLabel->setObjectName(QStringLiteral("csvFileLabel"));
    m_fileLabel->setTextFormat(Qt::PlainText);
    m_templateCategory->setObjectName(QStringLiteral("templateCategoryCombo"));
    m_downloadTemplate->setObjectName(QStringLiteral("downloadTemplateButton"));
    m_problems->setObjectName(QStringLiteral("csvProblemsLabel"));
    m_problems->setTextFormat(Qt::PlainText);
    m_problems->setWordWrap(true);
    m_problems->setTextInteractionFlags(Qt::TextSelectableByMouse);
    setErrorPalette(m_problems, true);
    m_problems->setVisible(false);
    m_counts->setObjectName(QStringLiteral("csvCountsLabel"));
    m_counts->setTextFormat(Qt::PlainText);
    m_errorsOnly->setObjectName(QStringLiteral("csvErrorsOnlyCheck"));
    m_upload->setObjectName(QStringLiteral("uploadCsvButton"));
    m_upload->setToolTip(tr("Sends the file as it is. Rows with errors are rejected by the "
                            "server; the others become items."));
    m_uploadStatus->setObjectName(QStringLiteral("uploadStatusLabel"));
    m_uploadStatus->setTextFormat(Qt::PlainText);
    m_uploadStatus->setWordWrap(true);
    m_uploadStatus->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_uploadStatus->setText(tr("Nothing uploaded yet: the server's verdict on each row will "
                               "show here."));
    m_progress->setObjectName(QStringLiteral("uploadProgress"));
    m_progress->setVisible(false);
    m_exportErrors->setObjectName(QStringLiteral("exportErrorsButton"));

    // Rows with errors only: the model marks each cell of such a row.
    m_previewFilter->setSourceModel(m_preview);
    m_previewFilter->setFilterRole(CsvPreviewModel::RowHasErrorsRole);
    m_previewFilter->setFilterKeyColumn(0);
    m_previewView->setModel(m_previewFilter);
    m_errorsView->setModel(m_errors);
    m_errorsView->verticalHeader()->setVisible(false);

    auto *fileRow = new QHBoxLayout;
    fileRow->addWidget(m_choose);
    fileRow->addWidget(m_fileLabel, 1);
    auto *templateLabel = new QLabel(tr("Template for:"));
    templateLabel->setBuddy(m_templateCategory);
    fileRow->addWidget(templateLabel);
    fileRow->addWidget(m_templateCategory);
    fileRow->addWidget(m_downloadTemplate);
    auto *countsRow = new QHBoxLayout;
    countsRow->addWidget(m_counts, 1);
    countsRow->addWidget(m_errorsOnly);
    countsRow->addWidget(m_upload);

    auto *previewPart = new QWidget;
    auto *previewLayout = new QVBoxLayout(previewPart);
    previewLayout->setContentsMargins(0, 0, 0, 0);
    previewLayout->addWidget(m_problems);
    previewLayout->addLayout(countsRow);
    previewLayout->addWidget(m_previewView, 1);

    auto *result = new QGroupBox(tr("Upload"));
    result->setObjectName(QStringLiteral("uploadBox"));
    auto *resultLayout = new QVBoxLayout(result);
    auto *exportRow = new QHBoxLayout;
    exportRow->addWidget(m_uploadStatus, 1);
    exportRow->addWidget(m_exportErrors);
    resultLayout->addLayout(exportRow);
    resultLayout->addWidget(m_progress);
    resultLayout->addWidget(m_errorsView, 1);

    auto *splitter = new QSplitter(Qt::Vertical);
    splitter->addWidget(previewPart);
    splitter->addWidget(result);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);
    splitter->setChildrenCollapsible(false);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(fileRow);
    layout->addWidget(splitter, 1);

    connect(m_choose, &QPushButton::clicked, this, &CsvImportWidget::chooseFile);
    connect(m_upload, &QPushButton::clicked, this, &CsvImportWidget::upload);
    connect(m_exportErrors, &QPushButton::clicked, this, &CsvImportWidget::chooseErrorsFile);
    connect(m_downloadTemplate, &QPushButton::clicked, this, &CsvImportWidget::chooseTemplateFile);
    connect(m_templateCategory, &CategoryCombo::categoryChanged, this,
            &CsvImportWidget::updateActions);
    connect(m_errorsOnly, &QCheckBox::toggled, this, [this](bool on) {
        m_previewFilter->setFilterFixedString(on ? QStringLiteral("true") : QString());
    });
    // The preview depends on the categories: read the file again when they (re)load.
    connect(m_categories, &CategoryTreeModel::stateChanged, this, [this] {
        if (m_hasCsv)
            refreshPreview();
        updateActions();
    });
    connect(m_errors, &QAbstractItemModel::modelReset, this, &CsvImportWidget::updateActions);
    connect(m_follower, &SubmissionFollower::updated, this, &CsvImportWidget::showUpdate);
    connect(m_follower, &SubmissionFollower::finished, this, [this](const Submission &s) {
        updateActions();
        Q_EMIT finished(s);
    });
    connect(m_follower, &SubmissionFollower::failed, this, [this](const QString &message) {
        setUploadStatus(tr("Could not follow submission #%1: %2. The Submissions tab shows how "
                           "it ended.")
                            .arg(m_follower->submission().id)
                            .arg(message),
                        true);
        updateActions();
    });
    refreshPreview();
}

bool CsvImportWidget::isBusy() const
{
    return m_request || m_follower->isFollowing();
}

QString CsvImportWidget::countsText() const
{
    return m_counts->text();
}

QString CsvImportWidget::problemsText() const
{
    return m_problems->isHidden() ? QString() : m_problems->text();
}

QString CsvImportWidget::uploadStatusText() const
{
    return m_uploadStatus->text();
}

void CsvImportWidget::chooseFile()
{
    auto *dialog = new QFileDialog(this, tr("Choose a submission file"), QString(),
                                   tr("CSV files (*.csv);;All files (*)"));
    dialog->setObjectName(QStringLiteral("chooseCsvDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setFileMode(QFileDialog::ExistingFile);
    dialog->setAcceptMode(QFileDialog::AcceptOpen);
    connect(dialog, &QFileDialog::fileSelected, this, &CsvImportWidget::loadFile);
    dialog->open(); // no nested event loop
}

void CsvImportWidget::loadFile(const QString &path)
{
    QFile file(path);
    const QString name = QFileInfo(path).fileName();
    if (file.size() > MaxFileBytes) {
        m_fileLabel->setText(tr("%1 is too large (%2 MB); split it into several files.")
                                 .arg(name)
                                 .arg(file.size() / (1024 * 1024)));
        return;
    }
    if (!file.open(QIODevice::ReadOnly)) {
        m_fileLabel->setText(tr("Could not read %1: %2").arg(name, file.errorString()));
        return;
    }
    previewCsv(file.readAll(), name);
}

void CsvImportWidget::previewCsv(const QByteArray &csv, const QString &fileName)
{
    m_csv = csv;
    m_fileName = fileName;
    m_hasCsv = true;
    m_fileLabel->setText(
        tr("%1 (%2 bytes)").arg(fileName.isEmpty() ? tr("Pasted file") : fileName).arg(csv.size()));
    refreshPreview();
}

void CsvImportWidget::refreshPreview()
{
    ++m_readTicket; // whatever was being read is no longer wanted
    m_checking = false;
    m_preview->clear();
    m_problems->setVisible(false);
    if (!m_hasCsv) {
        m_counts->setText(tr("Choose a CSV file in the submission layout (download a template "
                             "to start one)."));
        updateActions();
        return;
    }
    if (m_categories->state() != CategoryTreeModel::State::Loaded) {
        m_counts->setText(m_categories->state() == CategoryTreeModel::State::Failed
                              ? tr("The categories could not be loaded, so the file cannot be "
                                   "checked: %1")
                                    .arg(m_categories->errorString())
                              : tr("Loading the categories to check the file against…"));
        updateActions();
        return;
    }

    // The server's onboarding knows leaf categories only (items belong to leaves): so does the
    // preview, so that both say the same about every row. The worker gets its own copy.
    auto leaves = std::make_shared<QHash<qint64, Category>>();
    for (const Category *category : m_categories->leafCategories())
        leaves->insert(category->id, *category);
    const CategoryLookup lookup = [leaves](qint64 id) -> const Category * {
        const auto it = leaves->constFind(id);
        return it == leaves->constEnd() ? nullptr : &*it;
    };

    m_checking = true;
    m_counts->setText(tr("Checking the file…"));
    updateActions();
    const quint64 ticket = m_readTicket;
    auto *watcher = new QFutureWatcher<CsvPreviewModel::Contents>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, ticket] {
        watcher->deleteLater();
        if (ticket != m_readTicket)
            return; // another file, or the categories changed, meanwhile
        m_checking = false;
        m_preview->setContents(watcher->future().takeResult());
        showPreviewState();
    });
    watcher->setFuture(
        QtConcurrent::run([csv = m_csv, lookup] { return CsvPreviewModel::read(csv, lookup); }));
}

void CsvImportWidget::showPreviewState()
{
    const QStringList problems = m_preview->fileProblems();
    m_problems->setText(problems.join(QLatin1Char('\n')));
    m_problems->setVisible(!problems.isEmpty());
    if (!m_preview->headerOk()) {
        m_counts->setText(tr("The header row is not valid: nothing can be uploaded."));
    } else {
        const int ok = m_preview->rowsOk();
        const int bad = m_preview->rowsWithErrors();
        m_counts->setText(tr("%1 ok, %2 with errors").arg(rowsText(ok)).arg(bad));
    }
    updateActions();
}

void CsvImportWidget::updateActions()
{
    const bool busy = isBusy();
    m_upload->setEnabled(!busy && !m_checking && m_preview->canUpload());
    m_choose->setEnabled(!busy);
    m_downloadTemplate->setEnabled(m_templateCategory->categoryId().has_value());
    m_exportErrors->setEnabled(!m_errors->errors().isEmpty());
}

void CsvImportWidget::upload()
{
    if (isBusy() || m_checking || !m_preview->canUpload())
        return;
    auto *request = new QObject(this);
    m_request = request;
    m_errors->clear();
    m_progress->setVisible(false);
    setUploadStatus(tr("Uploading %1…").arg(rowsText(int(m_preview->parse().rows.size()))), false);
    updateActions();
    m_api->submitCsv(m_csv, request, [this, request](Result<Submission> result) {
        request->deleteLater();
        m_request = nullptr;
        if (!result) {
            const DomainError &error = result.error();
            QStringList lines{tr("The server refused the file: %1").arg(error.message())};
            lines << fieldErrorLines(error.fields());
            setUploadStatus(lines.join(QLatin1Char('\n')), true);
            updateActions();
            return;
        }
        m_follower->follow(*result);
        showUpdate(*result);
        updateActions();
        Q_EMIT submitted(*result);
    });
}

void CsvImportWidget::showUpdate(const Submission &submission)
{
    const bool rejected = submission.status == Submission::Status::Rejected;
    setUploadStatus(tr("Submission #%1: %2").arg(submission.id).arg(submissionSummary(submission)),
                    rejected);
    m_progress->setVisible(submission.rowsTotal > 0);
    m_progress->setRange(0, std::max(1, submission.rowsTotal));
    m_progress->setValue(submission.status == Submission::Status::Pending
                             ? std::min(submission.rowsProcessed, submission.rowsTotal)
                             : submission.rowsTotal);
    m_progress->setFormat(
        submission.status == Submission::Status::Pending
            ? tr("%v of %m rows processed")
            : tr("%1 of %2 rows accepted").arg(submission.rowsAccepted).arg(submission.rowsTotal));
    m_errors->setErrors(submission.errors);
    updateActions();
}

void CsvImportWidget::setUploadStatus(const QString &text, bool isError)
{
    m_uploadStatus->setText(text);
    setErrorPalette(m_uploadStatus, isError);
}

bool CsvImportWidget::exportErrors(const QString &path, QString *error) const
{
    return m_errors->saveCsv(path, error);
}

bool CsvImportWidget::saveTemplate(qint64 categoryId, const QString &path, QString *error) const
{
    const Category *category = m_categories->category(categoryId);
    if (!category) {
        if (error)
            *error = tr("No category %1").arg(categoryId);
        return false;
    }
    return writeFile(path, submissionCsvTemplate(*category), error);
}

void CsvImportWidget::chooseErrorsFile()
{
    const qint64 id = m_follower->submission().id;
    auto *dialog = new QFileDialog(this, tr("Export the errors"),
                                   tr("submission-%1-errors.csv").arg(id), tr("CSV files (*.csv)"));
    dialog->setObjectName(QStringLiteral("exportErrorsDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setDefaultSuffix(QStringLiteral("csv"));
    connect(dialog, &QFileDialog::fileSelected, this, [this](const QString &path) {
        QString error;
        if (!exportErrors(path, &error))
            setUploadStatus(tr("Could not write %1: %2").arg(path, error), true);
    });
    dialog->open();
}

void CsvImportWidget::chooseTemplateFile()
{
    const auto id = m_templateCategory->categoryId();
    const Category *category = id ? m_categories->category(*id) : nullptr;
    if (!category)
        return;
    auto *dialog = new QFileDialog(this, tr("Save the template for %1").arg(category->name),
                                   tr("pincart-%1-template.csv").arg(category->slug),
                                   tr("CSV files (*.csv)"));
    dialog->setObjectName(QStringLiteral("saveTemplateDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setDefaultSuffix(QStringLiteral("csv"));
    const qint64 categoryId = category->id;
    connect(dialog, &QFileDialog::fileSelected, this, [this, categoryId](const QString &path) {
        QString error;
        if (!saveTemplate(categoryId, path, &error))
            m_fileLabel->setText(tr("Could not write %1: %2").arg(path, error));
        else
            m_fileLabel->setText(tr("Template saved as %1: fill it in, then choose it here.")
                                     .arg(QDir::toNativeSeparators(path)));
    });
    dialog->open();
}

} // namespace pincart
