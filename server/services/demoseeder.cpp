#include "demoseeder.h"

#include "categoryrepository.h"
#include "connection.h"
#include "democatalog.h"
#include "itemrepository.h"
#include "passwordhasher.h"
#include "pincoderepository.h"
#include "userrepository.h"

#include <QLoggingCategory>
#include <span>

Q_LOGGING_CATEGORY(lcSeed, "pincart.seed")

namespace pincart::server {

namespace {

struct DemoAccount
{
    const char *email;
    const char *name;
    Roles roles;
    const char *pincode;
};

const QList<DemoAccount> &demoAccounts()
{
    static const QList<DemoAccount> accounts{
        {"customer@pincart.demo", "Asha Customer", Role::Customer, "560001"},
        {"customer2@pincart.demo", "Ravi Customer", Role::Customer, "110001"},
        {"supplier@pincart.demo", "Lakshmi Traders", Role::Supplier, "400001"},
        {"supplier2@pincart.demo", "Ganga Retail", Role::Supplier, "600001"},
        {"supplier3@pincart.demo", "Himalaya Wholesale", Role::Supplier, "700001"},
        {"supplier4@pincart.demo", "Deccan Distributors", Role::Supplier, "500001"},
        {"operator@pincart.demo", "Omkar Operator", Role::Operator, "411001"},
        {"operator2@pincart.demo", "Farah Operator", Role::Operator, "110001"},
        {"admin@pincart.demo", "Aditi Admin", Role::Admin, "560001"},
    };
    return accounts;
}

// Omkar runs the western warehouses, Farah the northern ones.
QStringList demoOperatorWarehouses(const QString &email)
{
    if (email == QLatin1String("operator@pincart.demo"))
        return {QStringLiteral("PNQ-1"), QStringLiteral("BOM-1")};
    return {QStringLiteral("DEL-1"), QStringLiteral("JAI-1"), QStringLiteral("LKO-1")};
}

} // namespace

Result<SeedReport> seedDemoData(Connection &db, const PasswordHasher &hasher,
                                const SeedOptions &options)
{
    SeedReport report;
    const auto categories = referenceCategories();
    if (!categories)
        return categories.error();
    if (Status s = CategoryRepository(db).insertMissing(*categories); !s)
        return s.error();

    if (options.pincodes) {
        PincodeRepository pincodes(db);
        const auto count = pincodes.count();
        if (!count)
            return count.error();
        if (*count == 0) {
            const auto loaded = pincodes.loadDirectory();
            if (!loaded)
                return loaded.error();
            report.pincodes = *loaded;
        }
    }

    // One hash serves every demo account: they share a password, and Argon2id is slow on purpose.
    const auto hash = hasher.hash(QStringLiteral("demo-password"));
    if (!hash)
        return hash.error();
    UserRepository users(db);
    QList<qint64> supplierIds;
    QHash<qint64, QStringList> operatorWarehouses;
    for (const DemoAccount &a : demoAccounts()) {
        const auto existing = users.findByEmail(QString::fromLatin1(a.email));
        if (!existing)
            return existing.error();
        qint64 id = 0;
        if (*existing) {
            id = (*existing)->user.id;
        } else {
            User u;
            u.email = QString::fromLatin1(a.email);
            u.name = QString::fromLatin1(a.name);
            u.roles = a.roles;
            u.pincode = QString::fromLatin1(a.pincode);
            const auto created = users.create(u, *hash);
            if (!created)
                return created.error();
            id = created->id;
            ++report.users;
        }
        if (a.roles.testFlag(Role::Supplier))
            supplierIds << id;
        if (a.roles.testFlag(Role::Operator))
            operatorWarehouses.insert(id, demoOperatorWarehouses(QString::fromLatin1(a.email)));
    }

    ItemRepository items(db);
    const auto count = items.count();
    if (!count)
        return count.error();
    if (*count == 0 && options.items > 0) {
        const QList<Category> all = *categories;
        const QList<Item> generated
            = generateDemoCatalog(all, {options.items, options.seed, supplierIds});
        // Batches keep transactions short on MySQL and make SQLite fast (one fsync a batch).
        constexpr int Batch = 2000;
        for (qsizetype start = 0; start < generated.size(); start += Batch) {
            Transaction tx(db);
            if (!tx.started())
                return tx.started().error();
            const qsizetype end = qMin(start + Batch, generated.size());
            // Many rows a statement: a round trip per item made MariaDB seeding slow (1M items).
            if (Status s = items.insertRows(
                    std::span<const Item>(generated.constData() + start, size_t(end - start)));
                !s)
                return s.error();
            if (Status s = tx.commit(); !s)
                return s.error();
            report.items += int(end - start);
            if ((start / Batch) % 10 == 9)
                qCInfo(lcSeed) << "seeded" << report.items << "items";
        }
    }
    const auto logistics = seedDemoLogistics(db, operatorWarehouses, options.seed);
    if (!logistics)
        return logistics.error();
    report.logistics = *logistics;
    return report;
}

} // namespace pincart::server
