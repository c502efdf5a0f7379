#pragma once

#include "submission.h"

#include <optional>
#include <QPointer>
#include <QWidget>

class QLabel;
class QProgressBar;
class QPushButton;
class QStackedWidget;

namespace pincart {

class ApiClient;
class CategoryCombo;
class CategoryTreeModel;
class ItemForm;
class SubmissionFollower;

// "New item": a leaf category chosen, the item form generated from its schema, checked with the
// shared rules before anything is sent, then handed over with POST /supplier/submissions (JSON)
// and followed (SubmissionFollower) until the server accepted or rejected it. A rejection's
// errors are shown under their fields and the values stay for fixing; an acceptance empties
// the form for the next item.
// Object names: newItemCategoryCombo, newItemForm, chooseCategoryHint, submitItemButton,
// clearItemButton, newItemBusy, newItemStatusLabel.
class NewItemWidget : public QWidget
{
    Q_OBJECT

public:
    NewItemWidget(ApiClient *api, CategoryTreeModel *categories, QWidget *parent = nullptr);

    CategoryCombo *categoryCombo() const { return m_category; }
    ItemForm *form() const { return m_form; }
    SubmissionFollower *follower() const { return m_follower; }
    bool isBusy() const;
    QString statusText() const;

public Q_SLOTS:
    // Checks the form and, when it is fine, submits it. Does nothing while a submission runs.
    void submit();

Q_SIGNALS:
    void submitted(const pincart::Submission &submission); // the server took it (202)
    void finished(const pincart::Submission &submission);  // accepted or rejected
    void itemAccepted(const pincart::Submission &submission);

private:
    void onCategoryChanged(std::optional<qint64> id);
    void onSubmitted(const Submission &submission);
    void onFinished(const Submission &submission);
    void setStatus(const QString &text, bool isError);
    void updateActions();

    ApiClient *m_api;
    CategoryTreeModel *m_categories;
    SubmissionFollower *m_follower;
    CategoryCombo *m_category;
    QStackedWidget *m_pages; // the hint to choose a category, or the form
    ItemForm *m_form;
    QPushButton *m_submit;
    QPushButton *m_clear;
    QProgressBar *m_busy;
    QLabel *m_status;
    QPointer<QObject> m_request; // context of the POST in flight
    QString m_submittedTitle;
};

} // namespace pincart
