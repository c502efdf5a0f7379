#include "newitemwidget.h"

#include "apiclient.h"
#include "models/categorytreemodel.h"
#include "models/submissionfollower.h"
#include "models/submissiontext.h"
#include "supplier/categorycombo.h"
#include "supplier/itemform.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace pincart {

NewItemWidget::NewItemWidget(ApiClient *api, CategoryTreeModel *categories, QWidget *parent)
    : QWidget(parent)
    , m_api(api)
    , m_categories(categories)
    , m_follower(new SubmissionFollower(api, this))
    , m_category(new CategoryCombo(categories))
    , m_pages(new QStackedWidget)
    , m_form(new ItemForm(ItemForm::Mode::Create))
    , m_submit(new QPushButton(tr("&Submit item")))
    , m_clear(new QPushButton(tr("Clear")))
    , m_busy(new QProgressBar)
    , m_status(new QLabel)
{
    setObjectName(QStringLiteral("newItemWidget"));
    m_category->setObjectName(QStringLiteral("newItemCategoryCombo"));
    m_form->setObjectName(QStringLiteral("newItemForm"));
    m_submit->setObjectName(QStringLiteral("submitItemButton"));
    m_clear->setObjectName(QStringLiteral("clearItemButton"));
    m_busy->setObjectName(QStringLiteral("newItemBusy"));
    m_busy->setRange(0, 0);
    m_busy->setMaximumHeight(6);
    m_busy->setTextVisible(false);
    m_busy->setVisible(false);
    m_status->setObjectName(QStringLiteral("newItemStatusLabel"));
    m_status->setWordWrap(true);
    m_status->setTextFormat(Qt::PlainText);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *chooseHint
        = new QLabel(tr("Choose the item's category: the form follows its attributes."));
    chooseHint->setObjectName(QStringLiteral("chooseCategoryHint"));
    chooseHint->setAlignment(Qt::AlignCenter);
    auto *scroll = new QScrollArea;
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(m_form);
    m_pages->addWidget(chooseHint);
    m_pages->addWidget(scroll);

    auto *top = new QHBoxLayout;
    auto *categoryLabel = new QLabel(tr("&Category:"));
    categoryLabel->setBuddy(m_category);
    top->addWidget(categoryLabel);
    top->addWidget(m_category, 1);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_status, 1);
    buttons->addWidget(m_clear);
    buttons->addWidget(m_submit);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_pages, 1);
    layout->addWidget(m_busy);
    layout->addLayout(buttons);

    connect(m_category, &CategoryCombo::categoryChanged, this, &NewItemWidget::onCategoryChanged);
    connect(m_submit, &QPushButton::clicked, this, &NewItemWidget::submit);
    connect(m_clear, &QPushButton::clicked, this, [this] {
        m_form->clearValues();
        setStatus({}, false);
    });
    connect(m_follower, &SubmissionFollower::updated, this, [this](const Submission &s) {
        if (s.status == Submission::Status::Pending)
            setStatus(tr("Submission #%1: %2").arg(s.id).arg(submissionSummary(s)), false);
    });
    connect(m_follower, &SubmissionFollower::finished, this, &NewItemWidget::onFinished);
    connect(m_follower, &SubmissionFollower::failed, this, [this](const QString &message) {
        setStatus(tr("Could not follow submission #%1: %2. The Submissions tab shows how it "
                     "ended.")
                      .arg(m_follower->submission().id)
                      .arg(message),
                  true);
        updateActions();
    });
    onCategoryChanged(std::nullopt);
}

bool NewItemWidget::isBusy() const
{
    return m_request || m_follower->isFollowing();
}

QString NewItemWidget::statusText() const
{
    return m_status->text();
}

void NewItemWidget::onCategoryChanged(std::optional<qint64> id)
{
    const Category *category = id ? m_categories->category(*id) : nullptr;
    if (category)
        m_form->setCategory(*category);
    m_pages->setCurrentIndex(category ? 1 : 0);
    updateActions();
}

void NewItemWidget::updateActions()
{
    const bool busy = isBusy();
    m_submit->setEnabled(!busy && m_category->categoryId().has_value());
    m_clear->setEnabled(!busy && m_category->categoryId().has_value());
    m_category->setEnabled(!busy);
    m_busy->setVisible(busy);
}

void NewItemWidget::setStatus(const QString &text, bool isError)
{
    m_status->setText(text);
    QPalette palette;
    if (isError)
        palette.setColor(QPalette::WindowText, QColor(0xb0, 0x00, 0x20));
    m_status->setPalette(palette);
}

void NewItemWidget::submit()
{
    if (isBusy() || !m_form->hasCategory())
        return;
    const QList<FieldError> errors = m_form->validate();
    if (!errors.isEmpty()) {
        QStringList lines{tr("Fix the marked fields first.")};
        lines << fieldErrorLines(m_form->unplacedErrors());
        setStatus(lines.join(QLatin1Char('\n')), true);
        return;
    }
    const ItemInput input = m_form->input();
    m_submittedTitle = input.title.value_or(QString());
    auto *request = new QObject(this);
    m_request = request;
    setStatus(tr("Sending “%1”…").arg(m_submittedTitle), false);
    updateActions();
    m_api->submitItem(input, request, [this, request](Result<Submission> result) {
        request->deleteLater();
        m_request = nullptr;
        if (!result) {
            const DomainError &error = result.error();
            // A 422 (or 409) with field errors: under the fields they name.
            const QList<FieldError> rest = m_form->showErrors(error.fields());
            QStringList lines{tr("The server refused the item: %1").arg(error.message())};
            lines << fieldErrorLines(rest);
            setStatus(lines.join(QLatin1Char('\n')), true);
            updateActions();
            return;
        }
        onSubmitted(*result);
    });
}

void NewItemWidget::onSubmitted(const Submission &submission)
{
    setStatus(tr("Submitted as #%1: waiting for the server to check it…").arg(submission.id),
              false);
    m_follower->follow(submission);
    updateActions();
    Q_EMIT submitted(submission);
}

void NewItemWidget::onFinished(const Submission &submission)
{
    // One item: accepted, or (should a server say so) partly accepted with its one row in.
    if (submission.status == Submission::Status::Accepted
        || (submission.status == Submission::Status::Partial && submission.rowsAccepted > 0)) {
        setStatus(tr("Accepted (submission #%1): “%2” is in your items now.")
                      .arg(submission.id)
                      .arg(m_submittedTitle),
                  false);
        m_form->clearValues();
        updateActions();
        Q_EMIT finished(submission);
        Q_EMIT itemAccepted(submission);
        return;
    }
    QList<FieldError> errors;
    for (const Submission::RowError &e : submission.errors)
        errors.append({e.field, e.message});
    const QList<FieldError> rest = m_form->showErrors(errors);
    QStringList lines{tr("Rejected (submission #%1): fix the marked fields and submit again.")
                          .arg(submission.id)};
    lines << fieldErrorLines(rest);
    setStatus(lines.join(QLatin1Char('\n')), true);
    updateActions();
    Q_EMIT finished(submission);
}

} // namespace pincart
