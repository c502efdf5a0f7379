// The demo catalogue: deterministic per seed, valid against its schemas, varied enough to be a
// realistic store (and the fixed catalogue later search tests rank against).

#include "codecs.h"
#include "democatalog.h"
#include "validation.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QTest>

using namespace pincart;
using namespace pincart::server;

class TestDemoCatalog : public QObject
{
    Q_OBJECT

    QList<Category> m_categories;
    QList<Item> m_items;

    const Category *category(qint64 id) const
    {
        for (const Category &c : m_categories) {
            if (c.id == id)
                return &c;
        }
        return nullptr;
    }
    QList<const Category *> leaves() const
    {
        QSet<qint64> parents;
        for (const Category &c : m_categories) {
            if (c.parentId)
                parents.insert(*c.parentId);
        }
        QList<const Category *> out;
        for (const Category &c : m_categories) {
            if (!parents.contains(c.id))
                out << &c;
        }
        return out;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QFile file(qEnvironmentVariable("PINCART_SOURCE_DIR") + QStringLiteral("/resources/data/categories.json"));
        QVERIFY2(file.open(QIODevice::ReadOnly), "set PINCART_SOURCE_DIR to the repository");
        auto decoded = categoriesFromJson(QJsonDocument::fromJson(file.readAll()).array());
        QVERIFY2(decoded.ok(), qPrintable(decoded.ok() ? QString() : decoded.error().toString()));
        m_categories = *decoded;
        m_items = generateDemoCatalog(m_categories, {3000, 42, {11, 12, 13}});
        QCOMPARE(m_items.size(), 3000);
    }

    void schemasAreSound()
    {
        for (const Category &c : std::as_const(m_categories)) {
            for (const AttributeSpec &a : c.attributes) {
                if (a.type == AttributeSpec::Type::Enum)
                    QVERIFY2(!a.values.isEmpty(), qPrintable(c.slug + QLatin1Char('/') + a.name));
                if (a.min && a.max)
                    QVERIFY2(*a.min < *a.max, qPrintable(c.slug + QLatin1Char('/') + a.name));
            }
        }
        QVERIFY(leaves().size() >= 12);
    }

    void sameSeedSameCatalogue()
    {
        const auto again = generateDemoCatalog(m_categories, {3000, 42, {11, 12, 13}});
        for (qsizetype i = 0; i < m_items.size(); ++i) {
            QCOMPARE(again[i].sku, m_items[i].sku);
            QCOMPARE(again[i].title, m_items[i].title);
            QCOMPARE(again[i].price, m_items[i].price);
            QCOMPARE(again[i].attributes, m_items[i].attributes);
        }
        const auto other = generateDemoCatalog(m_categories, {3000, 43, {11, 12, 13}});
        int differing = 0;
        for (qsizetype i = 0; i < m_items.size(); ++i)
            differing += other[i].title != m_items[i].title ? 1 : 0;
        QVERIFY(differing > 1500);
    }

    void everyItemIsValid()
    {
        for (const Item &item : std::as_const(m_items)) {
            const Category *c = category(item.categoryId);
            QVERIFY(c);
            const auto errors = validation::checkItem(item, *c);
            QVERIFY2(errors.isEmpty(), qPrintable(item.sku + QStringLiteral(": ") + DomainError::validation(errors).toString()));
        }
    }

    void skusUniquePerSupplier()
    {
        QSet<QString> seen;
        for (const Item &item : std::as_const(m_items)) {
            const QString key = QString::number(item.supplierId) + QLatin1Char('/') + item.sku;
            QVERIFY2(!seen.contains(key), qPrintable(key));
            seen.insert(key);
        }
    }

    void spreadOverCategoriesAndBrands()
    {
        QSet<qint64> used;
        QSet<QString> brands;
        for (const Item &item : std::as_const(m_items)) {
            used.insert(item.categoryId);
            brands.insert(item.brand);
        }
        QVERIFY2(used.size() >= 12, qPrintable(QString::number(used.size())));
        QSet<QString> all;
        for (const Category *c : leaves()) {
            const QStringList b = demoBrands(c->slug);
            all = all.unite(QSet<QString>(b.begin(), b.end()));
        }
        QVERIFY2(all.size() >= 200, qPrintable(QString::number(all.size())));
        QVERIFY(brands.size() >= 100);
    }

    void indianScriptsAppear()
    {
        bool hindi = false;
        bool tamil = false;
        for (const Item &item : std::as_const(m_items)) {
            for (QChar ch : item.title) {
                hindi = hindi || (ch.unicode() >= 0x0900 && ch.unicode() <= 0x097F);
                tamil = tamil || (ch.unicode() >= 0x0B80 && ch.unicode() <= 0x0BFF);
            }
        }
        QVERIFY(hindi);
        QVERIFY(tamil);
    }

    void facetsVary_data()
    {
        QTest::addColumn<QString>("slug");
        // Rows named after the categories in resources/data/categories.json.
        for (const char *slug : {"televisions", "mobile-phones", "laptops", "headphones", "t-shirts", "shoes", "watches",
                                 "kitchen-appliances", "refrigerators", "furniture", "books", "grocery", "toys", "beauty"})
            QTest::addRow("%s", slug) << QString::fromLatin1(slug);
    }
    void facetsVary()
    {
        QFETCH(QString, slug);
        const Category *c = nullptr;
        for (const Category *leaf : leaves()) {
            if (leaf->slug == slug)
                c = leaf;
        }
        QVERIFY2(c, "no such leaf category");
        QHash<QString, QSet<QString>> values;
        int count = 0;
        for (const Item &item : std::as_const(m_items)) {
            if (item.categoryId != c->id)
                continue;
            ++count;
            for (const AttributeSpec &a : c->attributes) {
                if (a.required)
                    QVERIFY2(item.attributes.contains(a.name), qPrintable(item.sku + QLatin1Char(' ') + a.name));
                if (item.attributes.contains(a.name))
                    values[a.name].insert(item.attributes.value(a.name).toVariant().toString());
            }
        }
        QVERIFY2(count >= 10, qPrintable(QString::number(count)));
        for (const AttributeSpec &a : c->attributes) {
            if (a.facet && a.type != AttributeSpec::Type::Text)
                QVERIFY2(values.value(a.name).size() > 1, qPrintable(a.name));
        }
    }
};

QTEST_APPLESS_MAIN(TestDemoCatalog)
#include "tst_democatalog.moc"
