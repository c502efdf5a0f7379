#include "searchindex.h"

#include "catalogstate.h"
#include "connection.h"
#include "eventlog.h"
#include "itemrepository.h"
#include "searchdocument.h"
#include "searchschema.h"
#include "searchstate.h"

#include <condition_variable>
#include <deque>
#include <fcntl.h>
#include <mutex>
#include <optional>
#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QLoggingCategory>
#include <thread>
#include <unistd.h>

Q_LOGGING_CATEGORY(lcSearchIndex, "pincart.search.index")

namespace pincart::server {

namespace s = searchschema;

namespace {

DomainError indexError(const char *what, const Xapian::Error &e)
{
    return DomainError::internal(
        QStringLiteral("search index: %1: %2")
            .arg(QLatin1String(what), QString::fromStdString(e.get_description())));
}

// fsync of one file, or of a directory to make its entries (a rename) durable.
bool syncPath(const QString &path)
{
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_CLOEXEC);
    const bool ok = fd >= 0 && ::fsync(fd) == 0;
    if (fd >= 0)
        ::close(fd);
    return ok;
}

// Xapian's DB_NO_SYNC build is made durable here, once, before it is swapped in: its files, then
// the directory. Only ever the index's own directory: the data directory around it holds the
// SQLite database, and fcntl locks belong to the process, so opening and closing any of the
// database's files here would silently drop the locks SQLite holds on them. Another process would
// then think itself alone and reset the WAL index this one has mapped (SIGBUS).
bool syncIndexFiles(const QString &directory)
{
    bool ok = true;
    for (QDirIterator it(directory, QDir::Files); it.hasNext();)
        ok = syncPath(it.next()) && ok;
    return syncPath(directory) && ok;
}

quint64 stockMaskOf(SearchFactsBuilder &facts, const QList<WarehouseStock> &levels)
{
    quint64 mask = 0;
    for (const WarehouseStock &w : levels) {
        if (w.available <= 0)
            continue;
        if (const int slot = facts.warehouseSlot(w.warehouseId); slot >= 0)
            mask |= quint64(1) << slot;
    }
    return mask;
}

ItemFacts factsOf(SearchFactsBuilder &facts, const Item &item, const CategoryTree &tree)
{
    ItemFacts f;
    f.priceMinor = item.price.amount;
    f.categoryId = quint32(item.categoryId);
    f.brand = item.brand.isEmpty() ? 0 : facts.brandOrdinal(item.brand);
    if (const Category *category = tree.find(item.categoryId)) {
        int slot = 0;
        for (const AttributeSpec &spec : category->attributes) {
            if (!spec.facet)
                continue;
            if (slot == ItemFacts::MaxFacetAttributes)
                break;
            const QString text = searchAttributeText(item.attributes.value(spec.name));
            f.attributes[size_t(slot++)]
                = text.isEmpty() ? 0 : facts.attributeOrdinal(spec.name, text);
        }
    }
    return f;
}

constexpr Xapian::docid MaxDocid = 0xFFFFFFFFu;

// Adds documents to the index on its own thread while the caller reads and analyses the next
// page: a rebuild keeps both cores busy. Documents are handed over, never shared.
class DocumentWriter
{
public:
    using Batch = std::vector<std::pair<Xapian::docid, Xapian::Document>>;

    explicit DocumentWriter(Xapian::WritableDatabase &db)
        : m_db(db)
        , m_thread([this] { run(); })
    {}
    ~DocumentWriter() { (void)finish(); }

    // Waits while the writer is a few batches behind. False once it failed.
    bool push(Batch batch)
    {
        std::unique_lock lock(m_mutex);
        m_space.wait(lock, [this] { return m_queue.size() < 3 || m_failed; });
        if (m_failed)
            return false;
        m_queue.push_back(std::move(batch));
        m_ready.notify_one();
        return true;
    }
    Status finish()
    {
        {
            std::lock_guard lock(m_mutex);
            m_done = true;
        }
        m_ready.notify_one();
        if (m_thread.joinable())
            m_thread.join();
        return m_error;
    }

private:
    void run()
    {
        while (true) {
            Batch batch;
            {
                std::unique_lock lock(m_mutex);
                m_ready.wait(lock, [this] { return !m_queue.empty() || m_done; });
                if (m_queue.empty())
                    return;
                batch = std::move(m_queue.front());
                m_queue.pop_front();
                m_space.notify_one();
            }
            try {
                for (auto &[id, doc] : batch)
                    m_db.replace_document(id, doc);
            } catch (const Xapian::Error &e) {
                std::lock_guard lock(m_mutex);
                m_error = indexError("add", e);
                m_failed = true;
                m_queue.clear();
                m_space.notify_all();
                return;
            }
        }
    }

    Xapian::WritableDatabase &m_db;
    std::mutex m_mutex;
    std::condition_variable m_ready;
    std::condition_variable m_space;
    std::deque<Batch> m_queue;
    bool m_done = false;
    bool m_failed = false;
    Status m_error;
    std::thread m_thread; // last: starts once the rest is constructed
};

} // namespace

SearchIndex::SearchIndex(SearchState &state, const CatalogState &catalog)
    : m_state(state)
    , m_catalog(catalog)
    , m_facts(std::make_unique<SearchFactsBuilder>())
{
    m_terms.set_stemmer(Xapian::Stem(s::Language));
    m_terms.set_stemming_strategy(Xapian::TermGenerator::STEM_SOME);
}

SearchIndex::~SearchIndex() = default;

quint32 SearchIndex::itemCount() const
{
    return m_state.facts()->count();
}

Result<qint64> SearchIndex::open(Connection &db)
{
    const QString dir = m_state.directory();
    if (QFileInfo::exists(dir + QStringLiteral("/iamglass"))) {
        try {
            auto index
                = std::make_unique<Xapian::WritableDatabase>(dir.toStdString(), Xapian::DB_OPEN);
            const std::string schema = index->get_metadata(s::SchemaKey);
            const std::string offset = index->get_metadata(s::OffsetKey);
            if (schema == std::to_string(s::SchemaVersion) && !offset.empty()) {
                m_db = std::move(index);
                m_terms.set_database(*m_db);
                m_storedOffset = std::stoll(offset);
                m_facts = std::make_unique<SearchFactsBuilder>();
                if (Status loaded = loadFacts(db, nullptr); !loaded)
                    return loaded.error();
                publish();
                qCInfo(lcSearchIndex) << "opened the search index at event" << m_storedOffset
                                      << "with" << m_state.facts()->count() << "items";
                return m_storedOffset;
            }
            qCInfo(lcSearchIndex) << "the search index has schema" << schema.c_str()
                                  << "; rebuilding";
        } catch (const Xapian::DatabaseLockError &e) {
            return indexError("another process has the index open", e);
        } catch (const Xapian::Error &e) {
            qCWarning(lcSearchIndex)
                << "the search index cannot be read, rebuilding:" << e.get_description().c_str();
        } catch (const std::exception &e) {
            qCWarning(lcSearchIndex)
                << "the search index's offset is unreadable, rebuilding:" << e.what();
        }
    }
    return rebuild(db);
}

Result<qint64> SearchIndex::rebuild(Connection &db, BuildReport *report)
{
    QElapsedTimer timer;
    timer.start();
    // Events from here on are replayed over the new index: nothing committed meanwhile is lost.
    const auto logEnd = EventLog(db).lastId();
    if (!logEnd)
        return logEnd.error();
    const QString dir = m_state.directory();
    const QString building = dir + QStringLiteral(".new");
    const QString old = dir + QStringLiteral(".old");
    m_db.reset();
    if (QFileInfo::exists(dir + QStringLiteral("/iamglass"))) {
        // Another process (a running server) must not have its index swapped from under it.
        try {
            Xapian::WritableDatabase(dir.toStdString(), Xapian::DB_OPEN).close();
        } catch (const Xapian::DatabaseLockError &e) {
            return indexError("another process has the index open", e);
        } catch (const Xapian::Error &) {
            // Unreadable: replaced below.
        }
    }
    QDir(building).removeRecursively();
    QDir().mkpath(QFileInfo(dir).absolutePath());
    try {
        Xapian::WritableDatabase fresh(building.toStdString(),
                                       Xapian::DB_CREATE_OR_OVERWRITE | Xapian::DB_NO_SYNC);
        m_terms.set_database(fresh);
        m_facts = std::make_unique<SearchFactsBuilder>();
        if (Status loaded = loadFacts(db, &fresh); !loaded)
            return loaded.error();
        fresh.set_metadata(s::SchemaKey, std::to_string(s::SchemaVersion));
        fresh.set_metadata(s::OffsetKey, std::to_string(*logEnd));
        fresh.commit();
        fresh.close();
    } catch (const Xapian::Error &e) {
        return indexError("rebuild", e);
    }
    if (!syncIndexFiles(building))
        return DomainError::internal(QStringLiteral("search index: cannot sync %1").arg(building));
    QDir(old).removeRecursively();
    if (QFileInfo::exists(dir) && !QDir().rename(dir, old))
        return DomainError::internal(QStringLiteral("search index: cannot move %1 aside").arg(dir));
    if (!QDir().rename(building, dir))
        return DomainError::internal(
            QStringLiteral("search index: cannot move %1 into place").arg(building));
    QDir(old).removeRecursively();
    syncPath(QFileInfo(dir).absolutePath()); // the renames; never the files beside the index
    try {
        m_db = std::make_unique<Xapian::WritableDatabase>(dir.toStdString(), Xapian::DB_OPEN);
        m_terms.set_database(*m_db);
    } catch (const Xapian::Error &e) {
        return indexError("open after rebuild", e);
    }
    m_storedOffset = *logEnd;
    m_indexChanged = false;
    m_state.rebuilt();
    publish();
    const qint64 ms = timer.elapsed();
    qCInfo(lcSearchIndex) << "rebuilt the search index:" << m_state.facts()->count() << "items in"
                          << ms << "ms";
    if (report)
        *report = {m_state.facts()->count(), ms};
    return m_storedOffset;
}

Status SearchIndex::loadFacts(Connection &db, Xapian::WritableDatabase *index)
{
    const auto tree = m_catalog.categories();
    if (!tree)
        return DomainError::internal(QStringLiteral("search index: categories not loaded"));
    ItemRepository items(db);
    ItemRepository::ListFilter filter;
    filter.activeOnly = true;
    filter.limit = 2000;
    std::optional<DocumentWriter> writer;
    SpellingWords spelling;
    if (index)
        writer.emplace(*index);
    while (true) {
        const auto page = items.list(filter);
        if (!page)
            return page.error();
        DocumentWriter::Batch batch;
        for (const Item &item : *page) {
            if (item.id <= 0 || quint64(item.id) > MaxDocid)
                continue;
            if (writer) {
                batch.emplace_back(Xapian::docid(item.id),
                                   searchDocument(item, *tree, m_terms, &spelling));
                m_terms.set_document(Xapian::Document()); // the writer's alone from here
            }
            m_facts->set(quint64(item.id), factsOf(*m_facts, item, *tree));
        }
        if (writer && !writer->push(std::move(batch)))
            break;
        if (page->size() < filter.limit)
            break;
        filter.afterId = page->last().id;
    }
    if (writer) {
        if (Status s = writer->finish(); !s)
            return s;
        try {
            for (const auto &[word, count] : spelling)
                index->add_spelling(word, count);
        } catch (const Xapian::Error &e) {
            return indexError("spelling", e);
        }
    }
    return StockRepository(db).eachAvailability(
        [this](qint64 itemId, const QList<WarehouseStock> &levels) {
            if (quint64(itemId) <= MaxDocid)
                m_facts->setStockMask(quint64(itemId), stockMaskOf(*m_facts, levels));
        });
}

Status SearchIndex::addItem(Xapian::WritableDatabase &db, const Item &item,
                            const CategoryTree &tree)
{
    if (item.id <= 0 || quint64(item.id) > MaxDocid) {
        qCWarning(lcSearchIndex) << "item" << item.id << "is beyond the index's document ids";
        return {};
    }
    try {
        db.replace_document(Xapian::docid(item.id), searchDocument(item, tree, m_terms, nullptr));
    } catch (const Xapian::Error &e) {
        return indexError("add", e);
    }
    return {};
}

Status SearchIndex::upsert(const Item &item)
{
    if (item.status != Item::Status::Active)
        return remove(item.id);
    if (!m_db)
        return DomainError::unavailable(QStringLiteral("search index not open"));
    const auto tree = m_catalog.categories();
    if (Status s = addItem(*m_db, item, *tree); !s)
        return s;
    if (quint64(item.id) <= MaxDocid)
        m_facts->set(quint64(item.id), factsOf(*m_facts, item, *tree));
    m_indexChanged = m_factsChanged = true;
    return {};
}

Status SearchIndex::remove(qint64 itemId)
{
    if (!m_db)
        return DomainError::unavailable(QStringLiteral("search index not open"));
    if (itemId <= 0 || quint64(itemId) > MaxDocid)
        return {};
    try {
        m_db->delete_document(Xapian::docid(itemId));
    } catch (const Xapian::DocNotFoundError &) {
        // Deleted already: a replayed event.
    } catch (const Xapian::Error &e) {
        return indexError("delete", e);
    }
    m_facts->remove(quint64(itemId));
    m_indexChanged = m_factsChanged = true;
    return {};
}

void SearchIndex::setStock(qint64 itemId, const QList<WarehouseStock> &levels)
{
    if (itemId <= 0 || quint64(itemId) > MaxDocid)
        return;
    const quint64 mask = stockMaskOf(*m_facts, levels);
    const ItemFacts *now = m_facts->find(quint64(itemId));
    if (now && now->stockMask == mask)
        return;
    m_facts->setStockMask(quint64(itemId), mask);
    m_factsChanged = true;
}

Status SearchIndex::commit(qint64 offset)
{
    if (!m_db)
        return DomainError::unavailable(QStringLiteral("search index not open"));
    // Stock-only batches do not touch the index; its stored offset still moves now and then so
    // that a restart does not replay a long tail of them.
    constexpr qint64 OffsetSlack = 10000;
    if (m_indexChanged || offset - m_storedOffset > OffsetSlack) {
        try {
            m_db->set_metadata(s::OffsetKey, std::to_string(offset));
            m_db->commit();
        } catch (const Xapian::Error &e) {
            return indexError("commit", e);
        }
        m_storedOffset = offset;
    }
    if (m_indexChanged || m_factsChanged)
        publish();
    m_indexChanged = m_factsChanged = false;
    return {};
}

void SearchIndex::publish()
{
    m_state.publish(m_facts->publish());
}

} // namespace pincart::server
