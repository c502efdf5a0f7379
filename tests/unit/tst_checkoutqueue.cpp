// Group checkout's queue (CheckoutQueue): whatever the threads do, every checkout is placed once,
// in a batch its leader took with its own checkout first, no batch over the size or with one
// customer twice, no more batches at once than leaders, and a waiting crowd is placed in batches.

#include "checkoutqueue.h"

#include <atomic>
#include <mutex>
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
    int sameCustomerTwice = 0;
    int alreadyPlaced = 0;
    std::atomic<int> running{0};
    std::atomic<int> mostRunning{0};
};

} // namespace

class TestCheckoutQueue : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void placesEveryCheckoutOnce_data();
    void placesEveryCheckoutOnce();
    void aLoneCheckoutIsABatchOfOne();
};

void TestCheckoutQueue::placesEveryCheckoutOnce_data()
{
    QTest::addColumn<int>("leaders");
    QTest::addColumn<int>("maxBatch");
    QTest::addColumn<int>("threads");
    QTest::addColumn<int>("customers"); // fewer than threads: one customer's checkouts overlap
    QTest::newRow("one leader, batches of 1") << 1 << 1 << 8 << 8;
    QTest::newRow("one leader, batches of 8") << 1 << 8 << 12 << 12;
    QTest::newRow("two leaders, batches of 32") << 2 << 32 << 16 << 16;
    QTest::newRow("four leaders, batches of 3") << 4 << 3 << 16 << 16;
    QTest::newRow("one customer on several threads") << 2 << 32 << 16 << 4;
}

void TestCheckoutQueue::placesEveryCheckoutOnce()
{
    QFETCH(int, leaders);
    QFETCH(int, maxBatch);
    QFETCH(int, threads);
    QFETCH(int, customers);
    constexpr int PerThread = 40;

    CheckoutQueue queue(leaders, maxBatch);
    Record record;
    std::atomic<int> wrongOutcome{0};
    std::atomic<int> ownNotFirst{0};
    const auto place = [&](const QList<PendingCheckout *> &batch) {
        const int now = ++record.running;
        for (int seen = record.mostRunning.load();
             now > seen && !record.mostRunning.compare_exchange_weak(seen, now);) {
        }
        QList<qint64> who;
        for (PendingCheckout *p : batch) {
            if (p->outcome)
                ++record.alreadyPlaced;
            who << p->who.userId;
        }
        // A batch takes a while, as a transaction does: the others queue meanwhile.
        std::this_thread::sleep_for(std::chrono::microseconds(300));
        for (PendingCheckout *p : batch) {
            Order order;
            order.userId = p->who.userId;
            order.address = p->checkout.address; // each checkout's own answer
            p->outcome = PlacedOrder{order, false};
        }
        --record.running;
        std::lock_guard lock(record.mutex);
        if (batch.size() > maxBatch)
            ++record.batchTooLarge;
        if (QSet<qint64>(who.cbegin(), who.cend()).size() != who.size())
            ++record.sameCustomerTwice;
        record.batches.push_back(who);
    };

    std::vector<std::thread> pool;
    for (int t = 0; t < threads; ++t) {
        pool.emplace_back([&, t] {
            for (int i = 0; i < PerThread; ++i) {
                PendingCheckout mine;
                mine.who.userId = 1 + (t % customers);
                mine.checkout.address = QStringLiteral("%1/%2").arg(t).arg(i);
                queue.place(mine, [&](const QList<PendingCheckout *> &batch) {
                    if (batch.first() != &mine)
                        ++ownNotFirst;
                    place(batch);
                });
                if (!mine.outcome || !*mine.outcome
                    || (*mine.outcome)->order.address != mine.checkout.address
                    || (*mine.outcome)->order.userId != mine.who.userId)
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
    QCOMPARE(queue.batchedCheckouts(), total);
    QCOMPARE(queue.batches(), qint64(record.batches.size()));
    QCOMPARE(wrongOutcome.load(), 0);
    QCOMPARE(record.alreadyPlaced, 0);
    QCOMPARE(ownNotFirst.load(), 0);
    QCOMPARE(record.batchTooLarge, 0);
    QCOMPARE(record.sameCustomerTwice, 0);
    QVERIFY2(record.mostRunning.load() <= leaders,
             qPrintable(QStringLiteral("%1 batches ran at once").arg(record.mostRunning.load())));
    // A crowd waiting on slow batches is placed in fewer batches than checkouts, unless a batch
    // holds one.
    if (maxBatch > 1 && customers > leaders)
        QVERIFY2(queue.batches() < total,
                 qPrintable(QStringLiteral("%1 batches for %2").arg(queue.batches()).arg(total)));
    else if (maxBatch == 1)
        QCOMPARE(queue.batches(), total);
    QCOMPARE(queue.waiting(), 0);
}

void TestCheckoutQueue::aLoneCheckoutIsABatchOfOne()
{
    CheckoutQueue queue(2, 32);
    PendingCheckout mine;
    mine.who.userId = 7;
    QList<PendingCheckout *> seen;
    queue.place(mine, [&](const QList<PendingCheckout *> &batch) {
        seen = batch;
        for (PendingCheckout *p : batch)
            p->outcome
                = DomainError::validation(QStringLiteral("cart"), QStringLiteral("is empty"));
    });
    QCOMPARE(seen, QList<PendingCheckout *>{&mine});
    QVERIFY(mine.outcome.has_value());
    QVERIFY(!*mine.outcome);
    QCOMPARE(queue.batches(), 1);
    QCOMPARE(queue.waiting(), 0);
}

QTEST_GUILESS_MAIN(TestCheckoutQueue)
#include "tst_checkoutqueue.moc"
