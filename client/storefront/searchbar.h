#pragma once

#include "search.h"

#include <QWidget>

class QComboBox;
class QCompleter;
class QLabel;
class QLineEdit;
class QPushButton;

namespace pincart {

class ApiClient;
class CompletionModel;
class FormValidator;

// The storefront's search line: the search box with live completion (a QCompleter over a
// CompletionModel: GET /search/suggest after a pause in typing), the pincode to deliver to (the
// account's at first; six digits checked here before anything is asked; empty: no delivery
// filter) and the sort order. Fastest delivery needs a pincode, so it is offered only with one.
// Object names: searchBar, searchEdit, searchButton, searchPincodeEdit (+Hint), searchSortCombo.
class SearchBar : public QWidget
{
    Q_OBJECT

public:
    SearchBar(ApiClient *api, const QString &pincode, QWidget *parent = nullptr);

    QString text() const;
    // Shows `text` in the box (a suggestion that was searched) without asking for completions.
    void setText(const QString &text);
    QString pincode() const { return m_appliedPincode; } // valid or empty
    SearchSort sort() const;

    QLineEdit *searchEdit() const { return m_search; }
    QCompleter *completer() const { return m_completer; }
    CompletionModel *completionModel() const { return m_completions; }

    // The server refused `pincode` (not in the directory): says why under the field.
    void showPincodeError(const QString &pincode, const QString &message);

Q_SIGNALS:
    // Enter, the Search button or a completion chosen; `text` as typed (may be empty).
    void searchRequested(const QString &text);
    // The pincode or the sort changed (one signal for both: dropping the pincode can also
    // change the sort, and that must cost one search, not two).
    void optionsChanged();

private:
    void onTextEdited(const QString &text);
    void onCompletionsArrived(const QString &prefix);
    void requestSearch();
    void emitSearch();
    void applyPincode();
    void updateSortChoices();

    CompletionModel *m_completions;
    QCompleter *m_completer;
    FormValidator *m_validator;
    QLineEdit *m_search;
    QPushButton *m_searchButton;
    QLineEdit *m_pincode;
    QLabel *m_pincodeHint;
    QComboBox *m_sort;
    QString m_appliedPincode;
    bool m_searchQueued = false;
};

} // namespace pincart
