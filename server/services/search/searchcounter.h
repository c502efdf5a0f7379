#pragma once

#include "search.h"
#include "searchfacts.h"

#include <array>
#include <optional>
#include <vector>
#include <xapian.h>

namespace pincart::server {

class CategoryTree;

// The price bands of the "price" facet, in paise: [bound[i], bound[i + 1]).
inline constexpr std::array<qint64, 9> PriceBandBounds{
    0, 500'00, 1'000'00, 2'000'00, 5'000'00, 10'000'00, 20'000'00, 50'000'00, 1'00'000'00};

// What a hit must satisfy beyond the Xapian query, read from the in-memory facts: the price range
// and, with a pincode, sellable stock in a warehouse that reaches it.
class EligibleItems final : public Xapian::MatchDecider
{
public:
    struct Rules
    {
        qint64 priceMin = 0;
        qint64 priceMax = std::numeric_limits<qint64>::max();
        bool byPincode = false;
        quint64 reachMask = 0; // warehouse slots that reach the pincode
    };

    EligibleItems(const SearchFacts &facts, Rules rules)
        : m_facts(facts)
        , m_rules(rules)
    {}
    bool operator()(const Xapian::Document &doc) const override
    {
        return accepts(m_facts.find(doc.get_docid()));
    }
    bool accepts(const ItemFacts *f) const
    {
        return f && f->priceMinor >= m_rules.priceMin && f->priceMinor <= m_rules.priceMax
               && (!m_rules.byPincode || (f->stockMask & m_rules.reachMask));
    }

private:
    const SearchFacts &m_facts;
    Rules m_rules;
};

// Sees every eligible hit (Xapian calls a match spy for each one when asked to check them all):
// counts them per facet value and, for sorts the index cannot do, collects their ids.
class FacetCounter final : public Xapian::MatchSpy
{
public:
    FacetCounter(const SearchFacts &facts, const CategoryTree &tree, bool collectIds);

    void operator()(const Xapian::Document &doc, double weight) override;
    // The same for a hit found without Xapian's matcher (PlainQueryWalk).
    void count(Xapian::docid id, const ItemFacts &facts);

    qint64 total() const { return m_total; }
    std::vector<quint32> &ids() { return m_ids; }
    // category, brand, price, then the attributes that at least half the hits have.
    QList<Facet> facets(const CategoryTree &tree) const;

private:
    const SearchFacts &m_facts;
    bool m_collectIds;
    qint64 m_total = 0;
    std::vector<quint32> m_ids;
    std::vector<int> m_categories; // by category id
    std::vector<int> m_brands;     // by brand ordinal
    std::array<int, PriceBandBounds.size()> m_prices{};
    std::vector<std::vector<int>> m_attributes; // [attribute index][value ordinal]
    // Per category id: the dictionary index of each of its facet attributes (-1: no values yet).
    std::vector<std::array<qint16, ItemFacts::MaxFacetAttributes>> m_attributeIndex;
};

} // namespace pincart::server
