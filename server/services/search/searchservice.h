#pragma once

#include "principal.h"
#include "result.h"
#include "search.h"

#include <memory>

namespace Xapian {
class Database;
}

namespace pincart::server {

class CatalogState;
class Clock;
class EventBuffer;
class LogisticsState;
class SearchState;

// The design's search service: free text over the node's index, filters, exact facet counts, the
// pincode filter with each hit's delivery promise, sorting, keyset pages, "did you mean" and
// completion. One per worker thread (a Xapian reader is not shared between threads); it reopens
// its reader when the indexer has committed since.
class SearchService
{
public:
    SearchService(SearchState &state, const CatalogState &catalog, const LogisticsState &logistics,
                  const Clock &clock, EventBuffer *events);
    ~SearchService();

    // Records `search.performed` (the user when signed in) for reports and recommendations.
    Result<SearchResult> search(const Principal &who, const SearchRequest &request);
    // Up to SearchLimits::MaxCompletions completions of what is typed so far.
    Result<QStringList> complete(const QString &typed);

private:
    Result<Xapian::Database *> reader();
    // `read` on this thread's reader of the current index; run again once on a fresh reader when
    // the index changed under it, and any other Xapian error logged as `what` and answered 500.
    template<typename T, typename Read>
    Result<T> withReader(const char *what, Read &&read);

    SearchState &m_state;
    const CatalogState &m_catalog;
    const LogisticsState &m_logistics;
    const Clock &m_clock;
    EventBuffer *m_events;
    std::unique_ptr<Xapian::Database> m_db;
    quint64 m_revision = 0;
    quint64 m_generation = 0;
};

} // namespace pincart::server
