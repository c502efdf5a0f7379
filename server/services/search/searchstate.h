#pragma once

#include "searchfacts.h"

#include <atomic>
#include <memory>
#include <QString>

namespace pincart::server {

// One node's search state as every worker thread sees it: where the index is, the facts snapshot
// that goes with its latest commit, and counters that tell a worker's reader to reopen. Written by
// the indexer only. Thread-safe.
class SearchState
{
public:
    explicit SearchState(QString directory)
        : m_directory(std::move(directory))
        , m_facts(std::make_shared<const SearchFacts>())
    {}

    const QString &directory() const { return m_directory; }

    std::shared_ptr<const SearchFacts> facts() const { return m_facts.load(); }
    // Bumped at every commit: readers reopen when theirs is older.
    quint64 revision() const { return m_revision.load(std::memory_order_acquire); }
    // Bumped when the index was rebuilt into a new directory: readers open it afresh.
    quint64 generation() const { return m_generation.load(std::memory_order_acquire); }
    bool ready() const { return m_ready.load(std::memory_order_acquire); }

    void publish(std::shared_ptr<const SearchFacts> facts)
    {
        m_facts.store(std::move(facts));
        m_revision.fetch_add(1, std::memory_order_acq_rel);
        m_ready.store(true, std::memory_order_release);
    }
    void rebuilt() { m_generation.fetch_add(1, std::memory_order_acq_rel); }

private:
    QString m_directory;
    std::atomic<std::shared_ptr<const SearchFacts>> m_facts;
    std::atomic<quint64> m_revision{0};
    std::atomic<quint64> m_generation{0};
    std::atomic<bool> m_ready{false};
};

} // namespace pincart::server
