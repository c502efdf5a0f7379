#pragma once

#include <QWidget>

class QLabel;
class QPushButton;
class QTableView;

namespace pincart {

class LoadStatusWidget;
class SearchResultModel;
struct SearchHit;

// The middle column while searching: "Did you mean X?" when the server has a better spelling (X
// is a link-styled button that searches it), how many results there are, the hits (Title, Brand,
// Price, Delivery) loaded page by page as the table scrolls, and the loading/error line with
// Retry. Object names: searchResultsPanel, didYouMean (the row), didYouMeanButton,
// searchSummaryLabel, searchResultsView, searchStatus.
class SearchResultsPanel : public QWidget
{
    Q_OBJECT

public:
    explicit SearchResultsPanel(SearchResultModel *model, QWidget *parent = nullptr);

    QTableView *view() const { return m_view; }
    QString statusText() const;
    // Leaves the list without a chosen row (the item pane is about to show something else).
    void clearChoice();

Q_SIGNALS:
    void hitChosen(const pincart::SearchHit &hit);
    void suggestionChosen(const QString &text);

private:
    void onSummaryChanged();

    SearchResultModel *m_model;
    QWidget *m_didYouMean;
    QPushButton *m_suggestion;
    QLabel *m_summary;
    QTableView *m_view;
    LoadStatusWidget *m_status;
};

} // namespace pincart
