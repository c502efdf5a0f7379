#include "searchresultspanel.h"

#include "app/loadstatuswidget.h"
#include "models/searchresultmodel.h"
#include "models/searchtext.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace pincart {

SearchResultsPanel::SearchResultsPanel(SearchResultModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_didYouMean(new QWidget)
    , m_suggestion(new QPushButton)
    , m_summary(new QLabel)
    , m_view(new QTableView)
    , m_status(new LoadStatusWidget)
{
    setObjectName(QStringLiteral("searchResultsPanel"));

    // A button that looks like a link: one click or Enter, and a test can press it.
    m_didYouMean->setObjectName(QStringLiteral("didYouMean"));
    m_suggestion->setObjectName(QStringLiteral("didYouMeanButton"));
    m_suggestion->setFlat(true);
    m_suggestion->setCursor(Qt::PointingHandCursor);
    QFont linkFont = m_suggestion->font();
    linkFont.setUnderline(true);
    linkFont.setBold(true);
    m_suggestion->setFont(linkFont);
    QPalette linkPalette = m_suggestion->palette();
    linkPalette.setColor(QPalette::ButtonText, linkPalette.color(QPalette::Link));
    m_suggestion->setPalette(linkPalette);
    auto *didYouMean = new QHBoxLayout(m_didYouMean);
    didYouMean->setContentsMargins(0, 0, 0, 0);
    didYouMean->setSpacing(0);
    didYouMean->addWidget(new QLabel(tr("Did you mean")));
    didYouMean->addWidget(m_suggestion);
    didYouMean->addWidget(new QLabel(tr("?")));
    didYouMean->addStretch(1);
    m_didYouMean->setVisible(false);

    m_summary->setObjectName(QStringLiteral("searchSummaryLabel"));
    m_summary->setTextFormat(Qt::PlainText); // it quotes what was typed
    m_summary->setWordWrap(true);

    m_view->setObjectName(QStringLiteral("searchResultsView"));
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setAlternatingRowColors(true);
    m_view->verticalHeader()->setVisible(false);
    m_view->horizontalHeader()->setSectionResizeMode(SearchResultModel::TitleColumn,
                                                     QHeaderView::Stretch);
    m_view->horizontalHeader()->setSectionResizeMode(SearchResultModel::DeliveryColumn,
                                                     QHeaderView::ResizeToContents);
    m_status->setObjectName(QStringLiteral("searchStatus"));
    m_status->track(m_model, tr("results"));

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_didYouMean);
    layout->addWidget(m_summary);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_status);

    connect(m_model, &SearchResultModel::summaryChanged, this,
            &SearchResultsPanel::onSummaryChanged);
    // A new search: nothing said about the old one holds until its answer.
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        m_didYouMean->setVisible(false);
        m_summary->setText(tr("Searching…"));
    });
    connect(m_suggestion, &QPushButton::clicked, this,
            [this] { Q_EMIT suggestionChosen(m_model->suggestion()); });
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                if (current.isValid())
                    Q_EMIT hitChosen(m_model->at(current.row()));
            });
}

QString SearchResultsPanel::statusText() const
{
    return m_status->text();
}

void SearchResultsPanel::clearChoice()
{
    m_view->selectionModel()->clear();
}

void SearchResultsPanel::onSummaryChanged()
{
    const QString suggestion = m_model->suggestion();
    m_suggestion->setText(QString(suggestion).replace(u'&', QStringLiteral("&&"))); // no mnemonic
    m_didYouMean->setVisible(!suggestion.isEmpty());
    if (m_model->lastError()) {
        m_summary->clear(); // the status line says what went wrong
        return;
    }
    m_summary->setText(
        searchSummaryText(m_model->total(), m_model->request().text, m_model->request().pincode));
}

} // namespace pincart
