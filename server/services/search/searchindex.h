#pragma once

#include "item.h"
#include "result.h"
#include "searchfacts.h"
#include "stockrepository.h"

#include <memory>
#include <xapian.h>

namespace pincart::server {

class CatalogState;
class CategoryTree;
class Connection;
class SearchState;

// The writing side of one node's search index: a Xapian database under the state's directory and
// the facts that go with it. Used by one thread only (the indexer's, or `pincart-server reindex`).
class SearchIndex
{
public:
    struct BuildReport
    {
        qint64 items = 0;
        qint64 milliseconds = 0;
    };

    SearchIndex(SearchState &state, const CatalogState &catalog);
    ~SearchIndex();

    // Opens the index and loads the facts, or rebuilds both when the index is missing, unreadable
    // or of another schema. Returns the event id the index is current to: replay from after it.
    Result<qint64> open(Connection &db);
    // Indexes every active item into a fresh directory, then swaps it in whole: a reader never
    // sees a half-built index, and a crash leaves the old one (or none) behind.
    Result<qint64> rebuild(Connection &db, BuildReport *report = nullptr);

    // Changes, visible after the next commit(). Idempotent: replaying an event is harmless.
    Status upsert(const Item &item); // an inactive item leaves the index
    Status remove(qint64 itemId);
    void setStock(qint64 itemId, const QList<WarehouseStock> &levels);
    // Makes the changes durable with the event id they are current to, then publishes them.
    Status commit(qint64 offset);

    quint32 itemCount() const;

private:
    Status addItem(Xapian::WritableDatabase &db, const Item &item, const CategoryTree &tree);
    Status loadFacts(Connection &db, Xapian::WritableDatabase *index);
    void publish();

    SearchState &m_state;
    const CatalogState &m_catalog;
    std::unique_ptr<Xapian::WritableDatabase> m_db;
    Xapian::TermGenerator m_terms;
    std::unique_ptr<SearchFactsBuilder> m_facts;
    bool m_indexChanged = false;
    bool m_factsChanged = false;
    qint64 m_storedOffset = 0;
};

} // namespace pincart::server
