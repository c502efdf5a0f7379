#pragma once

#include <QWidget>

class QLabel;
class QPushButton;

namespace pincart {

class PagedTableModel;

// One line under a list that says what its data is doing: loading, how many rows, or why it
// failed, with a Retry button then. Failures show here, never as a dialog per failure.
class LoadStatusWidget : public QWidget
{
    Q_OBJECT

public:
    explicit LoadStatusWidget(QWidget *parent = nullptr);

    // Follows `model`'s state; `noun` names its rows in the plural ("items", "accounts").
    void track(PagedTableModel *model, const QString &noun);

    void showMessage(const QString &text); // a neutral line
    void showBusy(const QString &text);
    void showError(const QString &text); // with Retry
    QString text() const;

Q_SIGNALS:
    void retryRequested();

private:
    QLabel *m_label;
    QPushButton *m_retry;
};

} // namespace pincart
