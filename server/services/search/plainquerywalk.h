#pragma once

#include <cmath>
#include <string>
#include <vector>
#include <xapian.h>

namespace pincart::server {

// Most searches are plain: some words, all required, and filter terms (a category, brands,
// attribute values). For those, search walks the index's posting lists itself instead of running
// Xapian's matcher: finding every hit is what exact facets and price sorts need, and Xapian's
// matcher, asked to check every match, spent 12 ms on 50k hits where walking the same postings
// takes under 1 ms (bench/README.md). Relevance is BM25 with Xapian's default parameters, scored on
// the way. Anything else (phrases, wildcards, + and -) goes through Xapian's matcher.
struct PlainQuery
{
    std::vector<std::string> words;              // index terms, every one required
    std::vector<std::vector<std::string>> anyOf; // filter groups: one term of each required
};

class PlainQueryWalk
{
public:
    // False when a term is in no document: nothing can match.
    PlainQueryWalk(const Xapian::Database &db, const PlainQuery &query);

    // Calls visit(docid, score) for every match, in docid order; the score is 0 without words.
    template<typename Visit>
    void run(Visit &&visit)
    {
        if (m_empty)
            return;
        Cursor &lead = m_cursors.front();
        while (!lead.atEnd()) {
            Xapian::docid candidate = lead.current();
            bool all = true;
            for (size_t i = 1; i < m_cursors.size(); ++i) {
                Cursor &c = m_cursors[i];
                c.skipTo(candidate);
                if (c.atEnd())
                    return;
                if (c.current() != candidate) {
                    lead.skipTo(c.current()); // leap to where the others can be
                    all = false;
                    break;
                }
            }
            if (!all)
                continue;
            visit(candidate, score());
            lead.next();
        }
    }

private:
    struct Cursor
    {
        Xapian::PostingIterator it;
        Xapian::PostingIterator end;
        const std::vector<Xapian::docid> *ids = nullptr; // a materialised union instead
        size_t position = 0;
        Xapian::doccount size = 0;
        double termWeight = 0; // BM25 idf part, for words
        bool word = false;

        bool atEnd() const { return ids ? position >= ids->size() : it == end; }
        Xapian::docid current() const { return ids ? (*ids)[position] : *it; }
        void next()
        {
            if (ids)
                ++position;
            else
                ++it;
        }
        void skipTo(Xapian::docid id)
        {
            if (ids) {
                while (position < ids->size() && (*ids)[position] < id)
                    ++position;
            } else if (it != end && *it < id) {
                it.skip_to(id);
            }
        }
    };

    double score() const
    {
        double total = 0;
        for (const Cursor &c : m_cursors) {
            if (!c.word)
                continue;
            const double wdf = c.it.get_wdf();
            const double length
                = std::max(MinNormalisedLength, c.it.get_doclength() / m_averageLength);
            total += c.termWeight * (K1 + 1) * wdf / (K1 * ((1 - B) + B * length) + wdf);
        }
        return total;
    }

    static constexpr double K1 = 1.0; // Xapian's BM25Weight defaults
    static constexpr double B = 0.5;
    static constexpr double MinNormalisedLength = 0.5;

    std::vector<Cursor> m_cursors; // rarest first: it leads
    std::vector<std::vector<Xapian::docid>> m_unions;
    double m_averageLength = 1;
    bool m_empty = false;
};

} // namespace pincart::server
