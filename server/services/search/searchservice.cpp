#include "searchservice.h"

#include "catalogstate.h"
#include "clock.h"
#include "deliverypromise.h"
#include "eventbuffer.h"
#include "logisticsstate.h"
#include "plainquerywalk.h"
#include "searchcounter.h"
#include "searchcursor.h"
#include "searchschema.h"
#include "searchstate.h"

#include <algorithm>
#include <QJsonArray>
#include <QLoggingCategory>
#include <set>
#include <xapian.h>

Q_LOGGING_CATEGORY(lcSearch, "pincart.search")

namespace pincart::server {

namespace s = searchschema;

namespace {

constexpr unsigned BaseFlags = Xapian::QueryParser::FLAG_PHRASE | Xapian::QueryParser::FLAG_LOVEHATE
                               | Xapian::QueryParser::FLAG_WILDCARD;

Xapian::QueryParser parserFor(const Xapian::Database &db)
{
    Xapian::QueryParser qp;
    qp.set_database(db);
    qp.set_stemmer(Xapian::Stem(s::Language));
    qp.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
    qp.set_default_op(Xapian::Query::OP_AND);
    // "sam*" expands to the 50 most frequent words it starts, not to every one.
    qp.set_max_expansion(50, Xapian::Query::WILDCARD_LIMIT_MOST_FREQUENT);
    return qp;
}

Xapian::Query parsed(Xapian::QueryParser &qp, const QString &text, unsigned flags)
{
    const std::string utf8 = text.toStdString();
    try {
        return qp.parse_query(utf8, flags);
    } catch (const Xapian::QueryParserError &) {
        // Stray quotes or operators: read the words as words.
        return qp.parse_query(utf8, 0);
    }
}

// A warehouse slot's promise for the pincode searched, and how it ranks ("fastest").
struct SlotPromise
{
    qint64 warehouseId = 0;
    DeliveryPromise promise;
    qint64 rank = std::numeric_limits<qint64>::max();
};

struct Delivery
{
    std::array<SlotPromise, SearchDictionaries::MaxWarehouseSlots> slots;
    quint64 reachMask = 0;

    // The soonest of the warehouses that hold the item and reach the pincode.
    const SlotPromise *best(quint64 stockMask) const
    {
        const SlotPromise *best = nullptr;
        for (quint64 m = stockMask & reachMask; m; m &= m - 1) {
            const SlotPromise &p = slots[size_t(__builtin_ctzll(m))];
            if (!best || p.rank < best->rank)
                best = &p;
        }
        return best;
    }
};

constexpr int FewHits = 5;

// Words too common to be worth completing to ("smart t" -> "smart the").
bool isStopword(const std::string &word)
{
    static const std::set<std::string> words{"a",   "an",   "and",  "are",  "as",   "at",  "be",
                                             "by",  "for",  "from", "has",  "in",   "is",  "it",
                                             "its", "of",   "on",   "or",   "that", "the", "this",
                                             "to",  "with", "you",  "your", "our",  "was", "will"};
    return words.count(word) > 0;
}

// A relevance candidate; "less" is better, so a max-heap of them keeps the worst on top.
struct Scored
{
    double score;
    Xapian::docid id;
    bool operator<(const Scored &o) const { return score != o.score ? score > o.score : id < o.id; }
};

// The words of `text` as the index terms the query parser makes of them, when the text is plain:
// letters, digits and spaces only, each word one term. nullopt otherwise (phrases, wildcards, + and
// -, punctuation): those go through Xapian's matcher.
std::optional<std::vector<std::string>> plainWords(Xapian::QueryParser &qp, const QString &text)
{
    std::vector<std::string> terms;
    for (QChar c : text) {
        if (!c.isLetterOrNumber() && !c.isMark() && c != u' ')
            return std::nullopt;
    }
    for (const QString &word : text.split(u' ', Qt::SkipEmptyParts)) {
        const Xapian::Query q = qp.parse_query(word.toStdString(), 0);
        if (q.empty())
            continue;
        if (q.get_length() != 1)
            return std::nullopt;
        terms.push_back(*q.get_terms_begin());
    }
    return terms;
}

// Flags are indexed as "Yes"/"No" (what the facet shows); JSON's words for them filter too.
QString flagAlias(const QString &value)
{
    if (value.compare(QLatin1String("true"), Qt::CaseInsensitive) == 0)
        return QStringLiteral("yes");
    if (value.compare(QLatin1String("false"), Qt::CaseInsensitive) == 0)
        return QStringLiteral("no");
    return value;
}

// The query with each word the index does not know replaced by the closest one it does (an edit
// distance of two at most, the more frequent winning); empty when nothing changed. Xapian's own
// FLAG_SPELLING_CORRECTION also "corrects" words that exist, which makes odd suggestions.
QString spellingCorrected(const Xapian::Database &db, const QString &text)
{
    QStringList words = text.toLower().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    bool changed = false;
    for (QString &word : words) {
        const std::string w = word.toStdString();
        if (word.size() < 3 || db.term_exists(w))
            continue;
        const std::string better = db.get_spelling_suggestion(w, 2);
        if (!better.empty()) {
            word = QString::fromStdString(better);
            changed = true;
        }
    }
    return changed ? words.join(QLatin1Char(' ')) : QString();
}

constexpr qint64 FastestPriceCap = 1'000'000'000'000; // paise: ties of a day break by price

qint64 sortKey(SearchSort sort, const ItemFacts &f, const Delivery &delivery)
{
    switch (sort) {
    case SearchSort::PriceAsc:
        return f.priceMinor;
    case SearchSort::PriceDesc:
        return -f.priceMinor;
    case SearchSort::Fastest: {
        const SlotPromise *p = delivery.best(f.stockMask);
        const qint64 days = p ? p->promise.etaDays : 99999;
        return days * FastestPriceCap + std::min(f.priceMinor, FastestPriceCap - 1);
    }
    case SearchSort::Relevance:
        break;
    }
    return 0;
}

} // namespace

SearchService::SearchService(SearchState &state, const CatalogState &catalog,
                             const LogisticsState &logistics, const Clock &clock,
                             EventBuffer *events)
    : m_state(state)
    , m_catalog(catalog)
    , m_logistics(logistics)
    , m_clock(clock)
    , m_events(events)
{}

SearchService::~SearchService() = default;

Result<Xapian::Database *> SearchService::reader()
{
    if (!m_state.ready())
        return DomainError::unavailable(
            QStringLiteral("The search index is being built; try again shortly"));
    const quint64 generation = m_state.generation();
    const quint64 revision = m_state.revision();
    try {
        if (!m_db || generation != m_generation) {
            m_db = std::make_unique<Xapian::Database>(m_state.directory().toStdString());
            m_generation = generation;
        } else if (revision != m_revision) {
            m_db->reopen();
        }
        m_revision = revision;
    } catch (const Xapian::Error &e) {
        m_db.reset();
        qCWarning(lcSearch) << "cannot open the search index:" << e.get_description().c_str();
        return DomainError::unavailable(QStringLiteral("The search index cannot be read"));
    }
    return m_db.get();
}

template<typename T, typename Read>
Result<T> SearchService::withReader(const char *what, Read &&read)
{
    for (int attempt = 0;; ++attempt) {
        const auto db = reader();
        if (!db)
            return db.error();
        try {
            return read(**db);
        } catch (const Xapian::DatabaseModifiedError &) {
            // The indexer committed twice while this reader was on an older revision: once more,
            // on a fresh reader.
            if (attempt > 0)
                return DomainError::unavailable(
                    QStringLiteral("The search index is changing fast; try again"));
            m_db.reset();
        } catch (const Xapian::Error &e) {
            qCWarning(lcSearch) << what << "failed:" << e.get_description().c_str();
            return DomainError::internal(QStringLiteral("%1 failed").arg(QLatin1String(what)));
        }
    }
}

Result<SearchResult> SearchService::search(const Principal &who, const SearchRequest &request)
{
    const auto tree = m_catalog.categories();
    const auto network = m_logistics.network();

    // What exists is checked here, the format in searchRequestFromQuery.
    QList<FieldError> unknown;
    if (request.categoryId && !tree->find(*request.categoryId))
        unknown.append({QStringLiteral("category"), QStringLiteral("is not a category")});
    for (auto it = request.attributes.cbegin(); it != request.attributes.cend(); ++it) {
        const bool known = std::any_of(tree->all().cbegin(), tree->all().cend(),
                                       [&](const Category &c) { return c.attribute(it.key()); });
        if (!known)
            unknown.append({QStringLiteral("attr.") + it.key(),
                            QStringLiteral("is not an attribute of any category")});
    }
    if (!request.pincode.isEmpty() && !network->knowsPincode(request.pincode))
        unknown.append(
            {QStringLiteral("pincode"), QStringLiteral("is not in the pincode directory")});
    std::optional<SearchCursor> cursor;
    if (!request.after.isEmpty()) {
        cursor = SearchCursor::decode(request.after, request.sort);
        if (!cursor)
            unknown.append({QStringLiteral("after"),
                            QStringLiteral("is not a cursor this server issued for this sort")});
    }
    if (!unknown.isEmpty())
        return DomainError::validation(unknown, QStringLiteral("Invalid search"));

    return withReader<SearchResult>("search", [&](Xapian::Database &db) -> Result<SearchResult> {
        const auto facts = m_state.facts();
        Xapian::QueryParser qp = parserFor(db);
        Xapian::Query query = request.text.isEmpty() ? Xapian::Query::MatchAll
                                                     : parsed(qp, request.text, BaseFlags);
        // Filters: each group's terms are alternatives, every group must hold.
        std::vector<std::vector<std::string>> groups;
        if (request.categoryId)
            groups.push_back(
                {s::booleanTerm(s::CategoryPrefix, QString::number(*request.categoryId))});
        if (!request.brands.isEmpty()) {
            groups.emplace_back();
            for (const QString &b : request.brands)
                groups.back().push_back(s::booleanTerm(s::BrandPrefix, b));
        }
        for (auto it = request.attributes.cbegin(); it != request.attributes.cend(); ++it) {
            groups.emplace_back();
            for (const QString &v : it.value())
                groups.back().push_back(s::attributeTerm(it.key(), flagAlias(v)));
        }
        std::vector<Xapian::Query> filters;
        for (const auto &group : groups)
            filters.emplace_back(Xapian::Query::OP_OR, group.begin(), group.end());
        const Xapian::Query filter(Xapian::Query::OP_AND, filters.begin(), filters.end());
        const auto filtered = [&](const Xapian::Query &q) {
            return filters.empty() ? q : Xapian::Query(Xapian::Query::OP_FILTER, q, filter);
        };
        query = filtered(query);

        Delivery delivery;
        EligibleItems::Rules rules;
        rules.priceMin = request.priceMinMinor.value_or(0);
        rules.priceMax = request.priceMaxMinor.value_or(std::numeric_limits<qint64>::max());
        if (!request.pincode.isEmpty()) {
            rules.byPincode = true;
            const QDateTime now = m_clock.now();
            const auto &slots = facts->dictionaries().warehouseBySlot;
            for (size_t slot = 0; slot < slots.size(); ++slot) {
                const auto leg = network->best(slots[slot], request.pincode);
                const Warehouse *w = network->warehouse(slots[slot]);
                if (!leg || !w || !w->active)
                    continue;
                SlotPromise &p = delivery.slots[slot];
                p.warehouseId = slots[slot];
                p.promise = promiseFor(*w, leg->tatHours, now);
                p.rank = qint64(p.promise.etaDays) * 100000 + p.promise.tatHours;
                delivery.reachMask |= quint64(1) << slot;
            }
            rules.reachMask = delivery.reachMask;
        }

        // Every eligible hit is checked (and counted): facet counts and totals are exact.
        const bool sortedHere = request.sort != SearchSort::Relevance;
        FacetCounter counter(*facts, *tree, sortedHere);
        EligibleItems eligible(*facts, rules);
        const int offset = cursor && !sortedHere ? int(cursor->key) : 0;
        const auto plain = plainWords(qp, request.text);

        SearchResult result;
        QList<Xapian::docid> page;
        if (plain) {
            // Walked here (see PlainQueryWalk); relevance keeps the best `offset + limit`.
            const size_t keep = size_t(offset + request.limit);
            std::vector<Scored> best;
            best.reserve(keep + 1);
            PlainQueryWalk walk(db, PlainQuery{*plain, groups});
            walk.run([&](Xapian::docid id, double score) {
                const ItemFacts *f = facts->find(id);
                if (!eligible.accepts(f))
                    return;
                counter.count(id, *f);
                if (sortedHere || (best.size() == keep && !(Scored{score, id} < best.front())))
                    return;
                best.push_back({score, id});
                std::push_heap(best.begin(), best.end());
                if (best.size() > keep) {
                    std::pop_heap(best.begin(), best.end());
                    best.pop_back();
                }
            });
            if (!sortedHere) {
                std::sort_heap(best.begin(), best.end());
                for (size_t i = size_t(offset); i < best.size(); ++i)
                    page << best[i].id;
            }
        } else if (!sortedHere) {
            Xapian::Enquire enquire(db);
            enquire.set_query(query);
            enquire.add_matchspy(&counter);
            const Xapian::doccount all = std::max<Xapian::doccount>(1, db.get_doccount());
            const Xapian::MSet mset = enquire.get_mset(
                Xapian::doccount(offset), Xapian::doccount(request.limit), all, nullptr, &eligible);
            for (auto it = mset.begin(); it != mset.end(); ++it)
                page << *it;
        } else {
            Xapian::Enquire enquire(db);
            enquire.set_query(query);
            enquire.set_weighting_scheme(Xapian::BoolWeight());
            enquire.add_matchspy(&counter);
            const Xapian::doccount all = std::max<Xapian::doccount>(1, db.get_doccount());
            enquire.get_mset(0, 1, all, nullptr, &eligible);
        }

        if (!sortedHere) {
            const int reached = offset + int(page.size());
            if (reached < counter.total() && reached < SearchCursor::MaxRelevanceOffset
                && !page.isEmpty())
                result.next = SearchCursor{SearchSort::Relevance, reached, 0}.encode();
        } else {
            struct Keyed
            {
                qint64 key;
                quint32 id;
                bool operator<(const Keyed &o) const
                {
                    return key != o.key ? key < o.key : id < o.id;
                }
            };
            std::vector<Keyed> keyed;
            keyed.reserve(counter.ids().size());
            for (quint32 id : counter.ids()) {
                const Keyed k{sortKey(request.sort, *facts->find(id), delivery), id};
                if (!cursor || Keyed{cursor->key, quint32(cursor->id)} < k)
                    keyed.push_back(k);
            }
            const size_t take = std::min(keyed.size(), size_t(request.limit));
            std::partial_sort(keyed.begin(), keyed.begin() + qsizetype(take), keyed.end());
            for (size_t i = 0; i < take; ++i)
                page << keyed[i].id;
            if (keyed.size() > take && take > 0)
                result.next
                    = SearchCursor{request.sort, keyed[take - 1].key, keyed[take - 1].id}.encode();
        }

        result.total = counter.total();
        for (Xapian::docid id : std::as_const(page)) {
            const ItemFacts *f = facts->find(id);
            SearchHit hit;
            hit.id = id;
            hit.title = QString::fromStdString(db.get_document(id).get_data());
            hit.brand
                = f->brand ? facts->dictionaries().brands[qsizetype(f->brand - 1)] : QString();
            hit.categoryId = f->categoryId;
            hit.price.amount = f->priceMinor;
            if (rules.byPincode) {
                if (const SlotPromise *p = delivery.best(f->stockMask))
                    hit.delivery = SearchDelivery{p->promise.etaDays, p->promise.promiseDate,
                                                  p->warehouseId};
            }
            result.items << hit;
        }
        result.facets = counter.facets(*tree);

        // "Did you mean": only when the words found little, since a spelling lookup per word
        // costs more than the search, and only when the corrected words find more.
        if (result.total < FewHits && !request.text.isEmpty()) {
            const QString corrected = spellingCorrected(db, request.text);
            if (!corrected.isEmpty()) {
                Xapian::Enquire check(db);
                check.set_query(filtered(parsed(qp, corrected, BaseFlags)));
                // Counted as the hits were: deliverable and in the price range.
                check.set_weighting_scheme(Xapian::BoolWeight());
                if (check.get_mset(0, FewHits, FewHits, nullptr, &eligible).size()
                    > Xapian::doccount(result.total))
                    result.suggestion = corrected;
            }
        }

        if (m_events) {
            QJsonObject attributes;
            for (auto it = request.attributes.cbegin(); it != request.attributes.cend(); ++it)
                attributes.insert(it.key(), QJsonArray::fromStringList(it.value()));
            m_events->append(Event{
                0, QString(topics::SearchPerformed),
                who.isAuthenticated() ? QString::number(who.userId) : QStringLiteral("anonymous"),
                QJsonObject{
                    {QLatin1StringView("user_id"),
                     who.isAuthenticated() ? QJsonValue(who.userId) : QJsonValue()},
                    {QLatin1StringView("query"), request.text},
                    {QLatin1StringView("pincode"),
                     request.pincode.isEmpty() ? QJsonValue() : QJsonValue(request.pincode)},
                    {QLatin1StringView("category_id"),
                     request.categoryId ? QJsonValue(*request.categoryId) : QJsonValue()},
                    {QLatin1StringView("brands"), QJsonArray::fromStringList(request.brands)},
                    {QLatin1StringView("attributes"), attributes},
                    {QLatin1StringView("sort"), searchSortName(request.sort)},
                    {QLatin1StringView("results"), result.total}},
                0});
        }
        return result;
    });
}

Result<QStringList> SearchService::complete(const QString &typed)
{
    const QString text = typed.simplified().toLower().left(SearchLimits::MaxQueryLength);
    QStringList words = text.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    if (words.isEmpty())
        return QStringList();
    const QString last = words.takeLast();
    const QString prior = words.join(QLatin1Char(' '));
    if (prior.isEmpty() && last.size() < 2)
        return QStringList(); // one letter completes to half the dictionary
    return withReader<QStringList>("completion", [&](Xapian::Database &db) -> Result<QStringList> {
        // The most frequent words that start with what is typed: a range of the term list,
        // which is sorted, so this reads only the matching terms (FLAG_PARTIAL would match them
        // all against the documents, see ARCHITECTURE.md).
        const std::string stem = last.toStdString();
        struct Candidate
        {
            Xapian::doccount frequency;
            std::string term;
        };
        std::vector<Candidate> candidates;
        int scanned = 0;
        for (auto it = db.allterms_begin(stem); it != db.allterms_end(stem) && scanned < 5000;
             ++it, ++scanned)
            if (!isStopword(*it))
                candidates.push_back({it.get_termfreq(), *it});
        std::sort(candidates.begin(), candidates.end(), [](const Candidate &a, const Candidate &b) {
            return a.frequency != b.frequency ? a.frequency > b.frequency : a.term < b.term;
        });
        QStringList out;
        if (prior.isEmpty()) {
            for (size_t i = 0; i < candidates.size() && out.size() < SearchLimits::MaxCompletions;
                 ++i)
                out << QString::fromStdString(candidates[i].term);
            return out;
        }
        // After other words, a completion must find something together with them.
        Xapian::QueryParser qp = parserFor(db);
        const Xapian::Query before = parsed(qp, prior, BaseFlags);
        Xapian::Enquire enquire(db);
        enquire.set_weighting_scheme(Xapian::BoolWeight());
        for (size_t i = 0;
             i < candidates.size() && i < 50 && out.size() < SearchLimits::MaxCompletions; ++i) {
            enquire.set_query(
                Xapian::Query(Xapian::Query::OP_AND, before, Xapian::Query(candidates[i].term)));
            if (!enquire.get_mset(0, 1).empty())
                out << prior + QLatin1Char(' ') + QString::fromStdString(candidates[i].term);
        }
        return out;
    });
}

} // namespace pincart::server
