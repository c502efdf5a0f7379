#pragma once

#include "search.h"

#include <QObject>

namespace pincart {

class ApiClient;
class FacetModel;
class SearchResultModel;

// One storefront search: what the customer asked (the text, the pincode, the sort and the ticked
// facet values) turned into the SearchRequest of the SearchResultModel, whose facets feed the
// FacetModel. A new text starts afresh, with nothing ticked; a pincode, a sort or a tick runs the
// same text again. Every run supersedes the one before (the model drops late answers).
class SearchController : public QObject
{
    Q_OBJECT

public:
    explicit SearchController(ApiClient *api, QObject *parent = nullptr);

    SearchResultModel *results() const { return m_results; }
    FacetModel *facets() const { return m_facets; }
    const SearchRequest &request() const { return m_request; }
    bool isActive() const { return m_active; } // a search has been run

    // Searches `text` from scratch: every facet unticked, the first page asked.
    void search(const QString &text);
    // `pincode` valid or empty (no delivery filter); re-runs an active search when they change.
    // Fastest delivery without a pincode is sorted by relevance.
    void setOptions(const QString &pincode, SearchSort sort);
    void clearFilters();

Q_SIGNALS:
    // A new text was searched (the search box shows it: a suggestion may have been chosen).
    void searched(const QString &text);
    // The server refused `pincode` (422: not in the directory); `message` says why.
    void pincodeRefused(const QString &pincode, const QString &message);

private:
    void run();
    void onResultsFailed();

    SearchResultModel *m_results;
    FacetModel *m_facets;
    SearchRequest m_request;
    QString m_pincode;
    SearchSort m_sort = SearchSort::Relevance;
    bool m_active = false;
};

} // namespace pincart
