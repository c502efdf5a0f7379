#include "searchbar.h"

#include "app/formvalidator.h"
#include "models/completionmodel.h"
#include "models/searchtext.h"
#include "validation.h"

#include <QAbstractItemView>
#include <QComboBox>
#include <QCompleter>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStandardItemModel>
#include <QVBoxLayout>

namespace pincart {

namespace {

// Empty is allowed: then nothing is filtered by delivery.
QList<FieldError> checkOptionalPincode(const QString &pincode)
{
    const QString trimmed = pincode.trimmed();
    return trimmed.isEmpty() ? QList<FieldError>() : validation::checkPincode(trimmed);
}

} // namespace

SearchBar::SearchBar(ApiClient *api, const QString &pincode, QWidget *parent)
    : QWidget(parent)
    , m_completions(new CompletionModel(api, this))
    , m_completer(new QCompleter(m_completions, this))
    , m_validator(new FormValidator(this))
    , m_search(new QLineEdit)
    , m_searchButton(new QPushButton(tr("&Search")))
    , m_pincode(new QLineEdit)
    , m_pincodeHint(new QLabel)
    , m_sort(new QComboBox)
{
    setObjectName(QStringLiteral("searchBar"));

    m_search->setObjectName(QStringLiteral("searchEdit"));
    m_search->setPlaceholderText(tr("Search for products, brands and more"));
    m_search->setClearButtonEnabled(true);
    m_search->setMaxLength(SearchLimits::MaxQueryLength);
    // The server has matched the prefix already (and may correct it): show its list as it is.
    m_completer->setCompletionMode(QCompleter::UnfilteredPopupCompletion);
    m_completer->setCaseSensitivity(Qt::CaseInsensitive);
    m_completer->setMaxVisibleItems(SearchLimits::MaxCompletions);
    m_completer->popup()->setObjectName(QStringLiteral("searchCompletionPopup"));
    m_search->setCompleter(m_completer);
    m_searchButton->setObjectName(QStringLiteral("searchButton"));

    m_pincode->setObjectName(QStringLiteral("searchPincodeEdit"));
    m_pincode->setMaxLength(6);
    m_pincode->setPlaceholderText(tr("Six digits"));
    m_pincode->setToolTip(tr("Only what can be delivered here is shown, with its delivery date; "
                             "leave empty to see everything"));
    m_pincode->setText(pincode);
    m_pincodeHint->setObjectName(QStringLiteral("searchPincodeEditHint"));
    m_validator->addField(m_pincode, m_pincodeHint, checkOptionalPincode);
    if (checkOptionalPincode(pincode).isEmpty())
        m_appliedPincode = pincode.trimmed();
    auto *pincodeCaption = new QLabel(tr("Deliver to pin&code:"));
    pincodeCaption->setBuddy(m_pincode);

    m_sort->setObjectName(QStringLiteral("searchSortCombo"));
    for (SearchSort sort :
         {SearchSort::Relevance, SearchSort::PriceAsc, SearchSort::PriceDesc, SearchSort::Fastest})
        m_sort->addItem(searchSortText(sort), int(sort));
    auto *sortCaption = new QLabel(tr("S&ort:"));
    sortCaption->setBuddy(m_sort);
    updateSortChoices();

    auto *row = new QHBoxLayout;
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(m_search, 3);
    row->addWidget(m_searchButton);
    row->addSpacing(12);
    row->addWidget(pincodeCaption);
    row->addWidget(m_pincode);
    row->addSpacing(12);
    row->addWidget(sortCaption);
    row->addWidget(m_sort);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addLayout(row);
    layout->addWidget(m_pincodeHint, 0, Qt::AlignRight);

    connect(m_search, &QLineEdit::textEdited, this, &SearchBar::onTextEdited);
    connect(m_completions, &CompletionModel::completionsArrived, this,
            &SearchBar::onCompletionsArrived);
    connect(m_search, &QLineEdit::returnPressed, this, &SearchBar::requestSearch);
    connect(m_searchButton, &QPushButton::clicked, this, &SearchBar::requestSearch);
    connect(m_completer, qOverload<const QString &>(&QCompleter::activated), this,
            &SearchBar::requestSearch);
    connect(m_pincode, &QLineEdit::editingFinished, this, &SearchBar::applyPincode);
    connect(m_sort, &QComboBox::currentIndexChanged, this, [this] { Q_EMIT optionsChanged(); });
}

QString SearchBar::text() const
{
    return m_search->text().trimmed();
}

void SearchBar::setText(const QString &text)
{
    m_completions->cancel();
    m_search->setText(text); // textEdited is for the user's typing only: no completions asked
}

SearchSort SearchBar::sort() const
{
    return SearchSort(m_sort->currentData().toInt());
}

void SearchBar::showPincodeError(const QString &pincode, const QString &message)
{
    if (m_pincode->text().trimmed() != pincode)
        return; // typed over already
    m_pincodeHint->setText(tr("%1 %2").arg(pincode, message));
    m_pincodeHint->setVisible(true);
}

void SearchBar::onTextEdited(const QString &text)
{
    m_completions->complete(text);
}

void SearchBar::onCompletionsArrived(const QString &prefix)
{
    // Only while the user is still at that prefix: never pop up over a search already run.
    if (!m_search->hasFocus() || text() != prefix || m_completions->rowCount() == 0)
        return;
    m_completer->setCompletionPrefix(prefix);
    m_completer->complete();
}

// Enter on a chosen completion is both the completer's activated() and the line's
// returnPressed(): the search runs once, when control is back in the event loop, with the text
// the completion left.
void SearchBar::requestSearch()
{
    if (m_searchQueued)
        return;
    m_searchQueued = true;
    // A posted call, not a zero timer: it runs before any answer that arrives after this.
    QMetaObject::invokeMethod(this, &SearchBar::emitSearch, Qt::QueuedConnection);
}

void SearchBar::emitSearch()
{
    m_searchQueued = false;
    m_completions->cancel();
    m_completer->popup()->hide();
    Q_EMIT searchRequested(text());
}

void SearchBar::applyPincode()
{
    const QString pincode = m_pincode->text().trimmed();
    if (!checkOptionalPincode(pincode).isEmpty() || pincode == m_appliedPincode)
        return; // the hint says what is wrong; the search keeps the pincode it had
    m_appliedPincode = pincode;
    updateSortChoices();
    Q_EMIT optionsChanged();
}

void SearchBar::updateSortChoices()
{
    auto *model = qobject_cast<QStandardItemModel *>(m_sort->model());
    const int fastest = m_sort->findData(int(SearchSort::Fastest));
    if (!model || fastest < 0)
        return;
    const bool possible = !m_appliedPincode.isEmpty();
    QStandardItem *item = model->item(fastest);
    item->setEnabled(possible);
    item->setToolTip(possible ? QString() : tr("Enter a pincode to sort by delivery date"));
    if (!possible && m_sort->currentIndex() == fastest) {
        const QSignalBlocker quiet(m_sort); // one optionsChanged() for the pincode and the sort
        m_sort->setCurrentIndex(m_sort->findData(int(SearchSort::Relevance)));
    }
}

} // namespace pincart
