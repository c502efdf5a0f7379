#include "plainquerywalk.h"

#include <algorithm>

namespace pincart::server {

PlainQueryWalk::PlainQueryWalk(const Xapian::Database &db, const PlainQuery &query)
{
    const double documents = db.get_doccount();
    m_averageLength = std::max(1.0, db.get_avlength());
    m_unions.reserve(query.anyOf.size());
    for (const std::string &word : query.words) {
        Cursor c;
        c.size = db.get_termfreq(word);
        if (c.size == 0) {
            m_empty = true;
            return;
        }
        c.it = db.postlist_begin(word);
        c.end = db.postlist_end(word);
        c.word = true;
        // BM25's inverse document frequency as Xapian computes it, kept positive for common words.
        double idf = std::log((documents - c.size + 0.5) / (c.size + 0.5));
        if (idf < 2)
            idf = idf * 0.5 + 1;
        c.termWeight = idf;
        m_cursors.push_back(std::move(c));
    }
    for (const auto &group : query.anyOf) {
        Cursor c;
        if (group.size() == 1) {
            c.size = db.get_termfreq(group.front());
            c.it = db.postlist_begin(group.front());
            c.end = db.postlist_end(group.front());
        } else {
            std::vector<Xapian::docid> ids;
            for (const std::string &term : group) {
                for (auto it = db.postlist_begin(term); it != db.postlist_end(term); ++it)
                    ids.push_back(*it);
            }
            std::sort(ids.begin(), ids.end());
            ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
            m_unions.push_back(std::move(ids));
            c.ids = &m_unions.back();
            c.size = Xapian::doccount(c.ids->size());
        }
        if (c.size == 0) {
            m_empty = true;
            return;
        }
        m_cursors.push_back(std::move(c));
    }
    if (m_cursors.empty()) {
        // Neither words nor filters: every document.
        Cursor all;
        all.it = db.postlist_begin(std::string());
        all.end = db.postlist_end(std::string());
        all.size = db.get_doccount();
        m_cursors.push_back(std::move(all));
    }
    std::stable_sort(m_cursors.begin(), m_cursors.end(),
                     [](const Cursor &a, const Cursor &b) { return a.size < b.size; });
}

} // namespace pincart::server
