#pragma once

#include "catalogstate.h"
#include "databaseurl.h"

#include <QThread>

#include <atomic>

namespace pincart::server {

// Loads the catalogue into the item cache in the background after start, so reads are served from
// memory from the first minutes on instead of paying a database round trip per first read of each
// item. Stops at the cache's capacity; a miss afterwards still reads through.
class CatalogWarmer : public QThread
{
    Q_OBJECT

public:
    CatalogWarmer(DatabaseUrl url, CatalogState &state, qint64 maxItems = 500'000);
    ~CatalogWarmer() override;
    void stop() { m_stop = true; }
    qint64 loaded() const { return m_loaded.load(std::memory_order_relaxed); }
    bool finished() const { return m_finished.load(std::memory_order_relaxed); }

protected:
    void run() override;

private:
    DatabaseUrl m_url;
    CatalogState &m_state;
    qint64 m_maxItems;
    std::atomic<bool> m_stop{false};
    std::atomic<qint64> m_loaded{0};
    std::atomic<bool> m_finished{false};
};

} // namespace pincart::server
