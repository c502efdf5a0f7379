#pragma once

#include "category.h"
#include "item.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <QtGlobal>

// A deterministic generator of plausible demo items (seeding, load tests, screenshots). Pure: no
// database, no clock, no randomness but the seed, so a seed names one catalogue on every platform.
namespace pincart::server {

struct DemoCatalogOptions
{
    int items = 1000;
    quint64 seed = 42;
    QList<qint64> supplierIds; // assigned round-robin; empty means supplier 1
};

// Generates `options.items` items spread over the leaf categories of `categories` (weighted like a
// real store: many phones, TVs, T-shirts, books and groceries, little furniture). Every item passes
// validation::checkItem against its category; SKUs are unique within one call. Ids, timestamps
// are left for storage to assign. Categories the generator has no recipe for (slugs not in
// resources/data/categories.json) still get valid, schema-driven items.
QList<Item> generateDemoCatalog(const QList<Category> &categories, const DemoCatalogOptions &options);

// The brands generateDemoCatalog uses for a leaf category slug: well-known brands first, then
// generated house brands. An unknown slug gets the generic house brands.
QStringList demoBrands(const QString &categorySlug);

} // namespace pincart::server
