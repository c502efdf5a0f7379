// The item cache's one subtle rule: a copy read before an eviction must not be put back after it.

#include "itemcache.h"

#include <QTest>

#include <thread>
#include <vector>

using namespace pincart;
using namespace pincart::server;

namespace {

std::shared_ptr<const CachedItem> version(qint64 id, qint64 v)
{
    Item i;
    i.id = id;
    i.version = v;
    return std::make_shared<const CachedItem>(CachedItem{i, QByteArray::number(v)});
}

} // namespace

class TestItemCache : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void findsWhatWasInserted()
    {
        ItemCache cache;
        QVERIFY(!cache.find(1));
        cache.insert(cache.ticket(1), version(1, 1));
        QCOMPARE(cache.find(1)->item.version, 1);
        QCOMPARE(cache.hits(), 1u);
        QCOMPARE(cache.misses(), 1u);
    }

    void staleCopyIsNotPutBackAfterEviction()
    {
        ItemCache cache;
        const quint64 ticket = cache.ticket(5); // a reader starts loading version 1...
        cache.evict(5);                          // ...a writer commits version 2 and evicts...
        cache.insert(ticket, version(5, 1));     // ...the reader's stale copy arrives
        QVERIFY(!cache.find(5));
        cache.insert(cache.ticket(5), version(5, 2));
        QCOMPARE(cache.find(5)->item.version, 2);
    }

    void batchTicketsGuardEveryShard()
    {
        ItemCache cache;
        const ItemCache::Tickets tickets = cache.tickets(); // a batch read starts...
        cache.evict(70);                                    // ...item 70 changes meanwhile
        cache.insert(tickets[70 % tickets.size()], version(70, 1));
        cache.insert(tickets[71 % tickets.size()], version(71, 1)); // another shard: unaffected
        QVERIFY(!cache.contains(70));
        QVERIFY(cache.contains(71));
    }

    void boundedByCapacity()
    {
        ItemCache cache(640); // 10 per shard
        for (qint64 id = 1; id <= 5000; ++id)
            cache.insert(cache.ticket(id), version(id, 1));
        int present = 0;
        for (qint64 id = 1; id <= 5000; ++id)
            present += cache.find(id) ? 1 : 0;
        QVERIFY2(present <= 640, qPrintable(QString::number(present)));
        QVERIFY(present > 0);
    }

    void concurrentReadersAndWriters()
    {
        ItemCache cache;
        std::atomic<bool> stop{false};
        std::vector<std::thread> threads;
        for (int t = 0; t < 4; ++t) {
            threads.emplace_back([&, t] {
                for (int n = 0; n < 20000; ++n) {
                    const qint64 id = (n * 7 + t) % 100 + 1;
                    if (n % 10 == t)
                        cache.evict(id);
                    else if (!cache.find(id))
                        cache.insert(cache.ticket(id), version(id, n));
                }
            });
        }
        for (auto &th : threads)
            th.join();
        stop = true;
        for (qint64 id = 1; id <= 100; ++id) {
            if (auto hit = cache.find(id))
                QCOMPARE(hit->item.id, id);
        }
    }
};

QTEST_APPLESS_MAIN(TestItemCache)
#include "tst_itemcache.moc"
