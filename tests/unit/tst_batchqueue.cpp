// The group-write queue (BatchQueue, under group checkout and cart changes): whatever the threads
// do, every entry runs once, in a batch its leader took with its own entry first, no batch over
// the size or with one owner twice, no more batches at once than leaders, and a waiting crowd runs
// in batches.

#include "batchqueue.h"
#include "result.h"

#include <atomic>
#include <mutex>
#include <QSet>
#include <QTest>
#include <thread>
#include <vector>

using namespace pincart;
using namespace pincart::server;

namespace {

// What the place function saw, checked after the threads are done (QVERIFY is for one thread).
struct Record
{
    std::mutex mutex;
    std::vector<QList<qint64>> batches; // the customers of each batch, in batch order
    int batchTooLarge = 0;
    int sameOwnerTwice = 0;
    int alreadyRun = 0;
    std::atomic<int> running{0};
    std::atomic<int> mostRunning{0};
};

// A request as a service queues it: its owner, its data and its outcome.
struct Job : BatchEntry
{
    QString data;
    std::optional<Result<QString>> outcome;
};

} // namespace

class TestBatchQueue : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void runsEveryEntryOnce_data();
    void runsEveryEntryOnce();
    void aLoneEntryIsABatchOfOne();
};

void TestBatchQueue::runsEveryEntryOnce_data()
{
    QTest::addColumn<int>("leaders");
    QTest::addColumn<int>("maxBatch");
    QTest::addColumn<int>("threads");
    QTest::addColumn<int>("owners"); // fewer than threads: one owner's entries overlap
    QTest::newRow("one leader, batches of 1") << 1 << 1 << 8 << 8;
    QTest::newRow("one leader, batches of 8") << 1 << 8 << 12 << 12;
    QTest::newRow("two leaders, batches of 32") << 2 << 32 << 16 << 16;
    QTest::newRow("four leaders, batches of 3") << 4 << 3 << 16 << 16;
    QTest::newRow("one owner on several threads") << 2 << 32 << 16 << 4;
}

void TestBatchQueue::runsEveryEntryOnce()
{
    QFETCH(int, leaders);
    QFETCH(int, maxBatch);
    QFETCH(int, threads);
    QFETCH(int, owners);
    constexpr int PerThread = 40;

    BatchQueue queue(leaders, maxBatch);
    Record record;
    std::atomic<int> wrongOutcome{0};
    std::atomic<int> ownNotFirst{0};
    const auto runBatch = [&](const QList<Job *> &batch) {
        const int now = ++record.running;
        for (int seen = record.mostRunning.load();
             now > seen && !record.mostRunning.compare_exchange_weak(seen, now);) {
        }
        QList<qint64> who;
        for (Job *j : batch) {
            if (j->outcome)
                ++record.alreadyRun;
            who << j->owner;
        }
        // A batch takes a while, as a transaction does: the others queue meanwhile.
        std::this_thread::sleep_for(std::chrono::microseconds(300));
        for (Job *j : batch)
            j->outcome = QStringLiteral("%1 done").arg(j->data); // each entry's own answer
        --record.running;
        std::lock_guard lock(record.mutex);
        if (batch.size() > maxBatch)
            ++record.batchTooLarge;
        if (QSet<qint64>(who.cbegin(), who.cend()).size() != who.size())
            ++record.sameOwnerTwice;
        record.batches.push_back(who);
    };

    std::vector<std::thread> pool;
    for (int t = 0; t < threads; ++t) {
        pool.emplace_back([&, t] {
            for (int i = 0; i < PerThread; ++i) {
                Job mine;
                mine.owner = 1 + (t % owners);
                mine.data = QStringLiteral("%1/%2").arg(t).arg(i);
                queue.run(mine, [&](const QList<Job *> &batch) {
                    if (batch.first() != &mine)
                        ++ownNotFirst;
                    runBatch(batch);
                });
                if (!mine.outcome || !*mine.outcome
                    || **mine.outcome != QStringLiteral("%1 done").arg(mine.data))
                    ++wrongOutcome;
            }
        });
    }
    for (std::thread &t : pool)
        t.join();

    const int total = threads * PerThread;
    qsizetype placed = 0;
    for (const QList<qint64> &b : record.batches)
        placed += b.size();
    QCOMPARE(placed, total);
    QCOMPARE(queue.batchedEntries(), total);
    QCOMPARE(queue.batches(), qint64(record.batches.size()));
    QCOMPARE(wrongOutcome.load(), 0);
    QCOMPARE(record.alreadyRun, 0);
    QCOMPARE(ownNotFirst.load(), 0);
    QCOMPARE(record.batchTooLarge, 0);
    QCOMPARE(record.sameOwnerTwice, 0);
    QVERIFY2(record.mostRunning.load() <= leaders,
             qPrintable(QStringLiteral("%1 batches ran at once").arg(record.mostRunning.load())));
    // A crowd waiting on slow batches runs in fewer batches than entries, unless a batch holds one.
    if (maxBatch > 1 && owners > leaders)
        QVERIFY2(queue.batches() < total,
                 qPrintable(QStringLiteral("%1 batches for %2").arg(queue.batches()).arg(total)));
    else if (maxBatch == 1)
        QCOMPARE(queue.batches(), total);
    QCOMPARE(queue.waiting(), 0);
}

void TestBatchQueue::aLoneEntryIsABatchOfOne()
{
    BatchQueue queue(2, 32);
    Job mine;
    mine.owner = 7;
    QList<Job *> seen;
    queue.run(mine, [&](const QList<Job *> &batch) {
        seen = batch;
        for (Job *j : batch)
            j->outcome
                = DomainError::validation(QStringLiteral("cart"), QStringLiteral("is empty"));
    });
    QCOMPARE(seen, QList<Job *>{&mine});
    QVERIFY(mine.outcome.has_value());
    QVERIFY(!*mine.outcome);
    QCOMPARE(queue.batches(), 1);
    QCOMPARE(queue.waiting(), 0);
}

QTEST_GUILESS_MAIN(TestBatchQueue)
#include "tst_batchqueue.moc"
