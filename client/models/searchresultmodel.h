#pragma once

#include "apiclient.h"
#include "pagedtablemodel.h"
#include "search.h"

#include <optional>

namespace pincart {

// The hits of one SearchRequest, paged from GET /search with the answer's `next` cursor as the
// view scrolls (canFetchMore/fetchMore). The first page also describes the whole result: the
// total, the facets and the "did you mean" suggestion, replaced together (summaryChanged()).
// Columns: Title, Brand, Price, Delivery ("Arrives by Thu 3 Dec" with a pincode, "—" without).
// A new request supersedes the one before: PagedTableModel's ticket is the request serial, so an
// answer to an older request never reaches the rows or the summary, however late it comes.
class SearchResultModel : public PagedTableModel
{
    Q_OBJECT

public:
    enum Column { TitleColumn, BrandColumn, PriceColumn, DeliveryColumn, ColumnCount };
    enum Role {
        ItemIdRole = Qt::UserRole + 1, // qint64
        CategoryIdRole,                // qint64
        PriceAmountRole,               // qint64 minor units
        EtaDaysRole,                   // int; invalid without a delivery
        PromiseDateRole,               // QDate; invalid without a delivery
    };

    explicit SearchResultModel(ApiClient *api, QObject *parent = nullptr);

    // Runs `request` (its `after` and `limit` are the model's own): drops the rows and asks for
    // the first page. The summary of the previous request stays until the new one arrives.
    void setRequest(const SearchRequest &request);
    const SearchRequest &request() const { return m_request; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    const SearchHit &at(int row) const { return m_hits.at(row); }
    const QList<SearchHit> &hits() const { return m_hits; }
    qint64 total() const { return m_total; }
    const QList<Facet> &facets() const { return m_facets; }
    QString suggestion() const { return m_suggestion; }
    // The last failure in full (field errors included: a refused pincode); none after a success.
    const std::optional<DomainError> &lastError() const { return m_lastError; }

Q_SIGNALS:
    // The first page of a request arrived (or failed): total, facets and suggestion are its own.
    void summaryChanged();

protected:
    void requestPage(const QString &cursor, int limit, QObject *context, quint64 ticket) override;
    void clearRows() override { m_hits.clear(); }

private:
    void setSummary(qint64 total, QList<Facet> facets, QString suggestion);

    ApiClient *m_api;
    SearchRequest m_request;
    QList<SearchHit> m_hits;
    qint64 m_total = 0;
    QList<Facet> m_facets;
    QString m_suggestion;
    std::optional<DomainError> m_lastError;
};

} // namespace pincart
