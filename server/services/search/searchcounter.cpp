#include "searchcounter.h"

#include "categorytree.h"

#include <algorithm>

namespace pincart::server {

namespace {

int priceBand(qint64 priceMinor)
{
    const auto it = std::upper_bound(PriceBandBounds.begin(), PriceBandBounds.end(), priceMinor);
    return int(it - PriceBandBounds.begin()) - 1;
}

QString rupees(qint64 minor)
{
    // Indian grouping (1,00,000) as the client shows prices.
    QString digits = QString::number(minor / 100);
    QString out;
    int n = 0;
    for (qsizetype i = digits.size() - 1; i >= 0; --i, ++n) {
        if (n == 3 || (n > 3 && (n - 3) % 2 == 0))
            out.prepend(QLatin1Char(','));
        out.prepend(digits[i]);
    }
    return QStringLiteral("₹") + out;
}

// Most hits first; equal counts in a stable order.
void byCount(QList<FacetValue> &values)
{
    std::sort(values.begin(), values.end(), [](const FacetValue &a, const FacetValue &b) {
        return a.count != b.count ? a.count > b.count : a.label < b.label;
    });
}

constexpr int MaxFacetValues = 20;

} // namespace

FacetCounter::FacetCounter(const SearchFacts &facts, const CategoryTree &tree, bool collectIds)
    : m_facts(facts)
    , m_collectIds(collectIds)
{
    const SearchDictionaries &d = facts.dictionaries();
    qint64 maxCategory = 0;
    for (const Category &c : tree.all())
        maxCategory = std::max(maxCategory, c.id);
    m_categories.assign(size_t(maxCategory + 1), 0);
    m_attributeIndex.assign(size_t(maxCategory + 1), {});
    for (auto &slots : m_attributeIndex)
        slots.fill(-1);
    for (const Category &c : tree.all()) {
        int slot = 0;
        for (const AttributeSpec &spec : c.attributes) {
            if (!spec.facet)
                continue;
            if (slot == ItemFacts::MaxFacetAttributes)
                break;
            m_attributeIndex[size_t(c.id)][size_t(slot++)]
                = qint16(d.attributeIndex.value(spec.name, -1));
        }
    }
    m_brands.assign(size_t(d.brands.size() + 1), 0);
    m_attributes.resize(d.attributeValues.size());
    for (size_t i = 0; i < d.attributeValues.size(); ++i)
        m_attributes[i].assign(size_t(d.attributeValues[i].size() + 1), 0);
}

void FacetCounter::operator()(const Xapian::Document &doc, double)
{
    const Xapian::docid id = doc.get_docid();
    if (const ItemFacts *f = m_facts.find(id))
        count(id, *f);
}

void FacetCounter::count(Xapian::docid id, const ItemFacts &fact)
{
    const ItemFacts *f = &fact;
    ++m_total;
    if (m_collectIds)
        m_ids.push_back(id);
    if (f->brand < m_brands.size())
        ++m_brands[f->brand];
    ++m_prices[size_t(priceBand(f->priceMinor))];
    if (f->categoryId >= m_categories.size())
        return;
    ++m_categories[f->categoryId];
    const auto &slots = m_attributeIndex[f->categoryId];
    for (size_t j = 0; j < slots.size(); ++j) {
        const quint16 ordinal = f->attributes[j];
        if (slots[j] >= 0 && ordinal && ordinal < m_attributes[size_t(slots[j])].size())
            ++m_attributes[size_t(slots[j])][ordinal];
    }
}

QList<Facet> FacetCounter::facets(const CategoryTree &tree) const
{
    const SearchDictionaries &d = m_facts.dictionaries();
    QList<Facet> out;

    Facet category{QStringLiteral("category"), QStringLiteral("Category"), {}};
    for (size_t id = 0; id < m_categories.size(); ++id) {
        if (!m_categories[id])
            continue;
        const Category *c = tree.find(qint64(id));
        category.values.append(
            {QString::number(id), c ? c->name : QString::number(id), m_categories[id]});
    }
    byCount(category.values);
    out << category;

    Facet brand{QStringLiteral("brand"), QStringLiteral("Brand"), {}};
    for (size_t ordinal = 1; ordinal < m_brands.size(); ++ordinal) {
        if (m_brands[ordinal])
            brand.values.append({d.brands[qsizetype(ordinal - 1)], d.brands[qsizetype(ordinal - 1)],
                                 m_brands[ordinal]});
    }
    byCount(brand.values);
    brand.values = brand.values.mid(0, MaxFacetValues);
    out << brand;

    Facet price{QStringLiteral("price"), QStringLiteral("Price"), {}};
    for (size_t band = 0; band < PriceBandBounds.size(); ++band) {
        if (!m_prices[band])
            continue;
        const qint64 low = PriceBandBounds[band];
        const bool last = band + 1 == PriceBandBounds.size();
        const qint64 high = last ? 0 : PriceBandBounds[band + 1] - 1;
        const QString value
            = QString::number(low) + QLatin1Char('-') + (last ? QString() : QString::number(high));
        const QString label = band == 0 ? QStringLiteral("Under %1").arg(rupees(PriceBandBounds[1]))
                              : last    ? QStringLiteral("%1 and above").arg(rupees(low))
                                     : QStringLiteral("%1 – %2").arg(rupees(low), rupees(high + 1));
        price.values.append({value, label, m_prices[band]});
    }
    out << price;

    // Attributes: only those most hits have, or a search for "tv" would show shoe sizes.
    for (size_t a = 0; a < m_attributes.size(); ++a) {
        int covered = 0;
        for (int count : m_attributes[a])
            covered += count;
        if (covered == 0 || qint64(covered) * 2 < m_total)
            continue;
        const QString &name = d.attributeNames[qsizetype(a)];
        QString label = name;
        for (const Category &c : tree.all()) {
            if (const AttributeSpec *spec = c.attribute(name)) {
                label = spec->label;
                break;
            }
        }
        Facet facet{QStringLiteral("attr.") + name, label, {}};
        bool numeric = true;
        for (size_t ordinal = 1; ordinal < m_attributes[a].size(); ++ordinal) {
            if (!m_attributes[a][ordinal])
                continue;
            const QString &value = d.attributeValues[a][qsizetype(ordinal - 1)];
            bool isNumber = false;
            value.toDouble(&isNumber);
            numeric = numeric && isNumber;
            facet.values.append({value, value, m_attributes[a][ordinal]});
        }
        if (numeric)
            std::sort(facet.values.begin(), facet.values.end(),
                      [](const FacetValue &x, const FacetValue &y) {
                          return x.value.toDouble() < y.value.toDouble();
                      });
        else
            byCount(facet.values);
        facet.values = facet.values.mid(0, MaxFacetValues);
        out << facet;
    }
    return out;
}

} // namespace pincart::server
