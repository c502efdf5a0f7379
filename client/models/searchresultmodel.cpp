#include "searchresultmodel.h"

#include "searchapi.h"
#include "searchtext.h"

namespace pincart {

SearchResultModel::SearchResultModel(ApiClient *api, QObject *parent)
    : PagedTableModel(parent)
    , m_api(api)
{}

void SearchResultModel::setRequest(const SearchRequest &request)
{
    m_request = request;
    m_request.after.clear();
    m_lastError.reset();
    reload();
}

void SearchResultModel::requestPage(const QString &cursor, int limit, QObject *context,
                                    quint64 ticket)
{
    SearchRequest request = m_request;
    request.after = cursor;
    request.limit = limit;
    const bool firstPage = cursor.isEmpty();
    searchItems(m_api, request, context, [this, ticket, firstPage](Result<SearchResult> result) {
        if (!isCurrent(ticket))
            return; // an older request's answer: a newer one is on its way
        if (!result) {
            m_lastError = result.error();
            if (firstPage) {
                setSummary(0, {}, {}); // nothing of the old result describes this one
                if (!isCurrent(ticket))
                    return;
            }
            failPage(result.error());
            return;
        }
        m_lastError.reset();
        SearchResult &page = result.value();
        // Before the rows: whoever shows the summary sees it with the rows that follow.
        if (firstPage) {
            setSummary(page.total, std::move(page.facets), std::move(page.suggestion));
            if (!isCurrent(ticket))
                return; // the summary's watcher asked for something else
        }
        finishPage(page.next, page.items.isEmpty());
        if (!page.items.isEmpty()) {
            const int first = int(m_hits.size());
            beginInsertRows({}, first, first + int(page.items.size()) - 1);
            m_hits.append(std::move(page.items));
            endInsertRows();
        }
        announceState();
    });
}

void SearchResultModel::setSummary(qint64 total, QList<Facet> facets, QString suggestion)
{
    m_total = total;
    m_facets = std::move(facets);
    m_suggestion = std::move(suggestion);
    Q_EMIT summaryChanged();
}

int SearchResultModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_hits.size());
}

int SearchResultModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant SearchResultModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const SearchHit &hit = m_hits.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case TitleColumn:
            return hit.title;
        case BrandColumn:
            return hit.brand;
        case PriceColumn:
            return hit.price.toDisplayString();
        case DeliveryColumn:
            return hit.delivery ? arrivesByText(hit.delivery->promiseDate) : QStringLiteral("—");
        }
        break;
    case Qt::ToolTipRole:
        if (index.column() == DeliveryColumn) {
            if (!hit.delivery)
                return tr("Choose a pincode to see when it would arrive");
            return tr("%n day(s) from the warehouse", nullptr, hit.delivery->etaDays);
        }
        return data(index, Qt::DisplayRole);
    case Qt::TextAlignmentRole:
        if (index.column() == PriceColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        break;
    case ItemIdRole:
        return hit.id;
    case CategoryIdRole:
        return hit.categoryId;
    case PriceAmountRole:
        return hit.price.amount;
    case EtaDaysRole:
        return hit.delivery ? QVariant(hit.delivery->etaDays) : QVariant();
    case PromiseDateRole:
        return hit.delivery ? QVariant(hit.delivery->promiseDate) : QVariant();
    }
    return {};
}

QVariant SearchResultModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TitleColumn:
        return tr("Title");
    case BrandColumn:
        return tr("Brand");
    case PriceColumn:
        return tr("Price");
    case DeliveryColumn:
        return tr("Delivery");
    }
    return {};
}

} // namespace pincart
