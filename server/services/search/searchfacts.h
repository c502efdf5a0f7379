#pragma once

#include <array>
#include <memory>
#include <QHash>
#include <QString>
#include <QStringList>
#include <vector>

namespace pincart::server {

// What search needs to know of one item besides its text, kept in memory so that filters, facet
// counts, sorts and the pincode filter never read the index's documents (a value lookup per hit
// is what made Xapian's own facet counting slow over broad queries, see ARCHITECTURE.md).
struct ItemFacts
{
    static constexpr int MaxFacetAttributes = 8;

    qint64 priceMinor = 0;
    quint32 categoryId = 0;
    quint32 brand = 0;     // ordinal in the brand dictionary, 1-based
    quint64 stockMask = 0; // bit n: the warehouse in slot n holds sellable stock
    // Per facet attribute of the item's category, in the category's order: the value's ordinal
    // in that attribute's dictionary, 1-based; 0 when the item has no value.
    std::array<quint16, MaxFacetAttributes> attributes{};
    bool present = false;
};

// Names behind the ordinals: brands, attribute values and warehouse slots. Grows only.
struct SearchDictionaries
{
    static constexpr int MaxWarehouseSlots = 64; // the width of ItemFacts::stockMask

    QStringList brands;                       // ordinal n is brands[n - 1]
    QHash<QString, quint32> brandByKey;       // lower-case brand -> ordinal
    QStringList attributeNames;               // every facet attribute seen, in order of first sight
    QHash<QString, int> attributeIndex;       // name -> index into attributeNames
    std::vector<QStringList> attributeValues; // [attribute][ordinal - 1]
    std::vector<QHash<QString, quint16>> attributeValueByKey; // [attribute] lower-case -> ordinal
    std::vector<qint64> warehouseBySlot;
    QHash<qint64, int> slotByWarehouse;
};

// An immutable snapshot of every indexed item's facts, by item id. Chunked so that publishing a
// change copies only the chunks it touched: the snapshot readers hold stays valid and unchanged.
class SearchFacts
{
public:
    static constexpr int ChunkBits = 12;
    static constexpr quint32 ChunkSize = 1u << ChunkBits;
    using Chunk = std::array<ItemFacts, ChunkSize>;

    SearchFacts()
        : m_dictionaries(std::make_shared<const SearchDictionaries>())
    {}
    SearchFacts(std::vector<std::shared_ptr<const Chunk>> chunks,
                std::shared_ptr<const SearchDictionaries> dictionaries, quint32 count)
        : m_chunks(std::move(chunks))
        , m_dictionaries(std::move(dictionaries))
        , m_count(count)
    {}

    // Null when the item is not indexed (unknown, deleted or inactive).
    const ItemFacts *find(quint64 id) const
    {
        const quint64 c = id >> ChunkBits;
        if (c >= m_chunks.size() || !m_chunks[c])
            return nullptr;
        const ItemFacts &f = (*m_chunks[c])[id & (ChunkSize - 1)];
        return f.present ? &f : nullptr;
    }
    const SearchDictionaries &dictionaries() const { return *m_dictionaries; }
    quint32 count() const { return m_count; } // items present

private:
    std::vector<std::shared_ptr<const Chunk>> m_chunks;
    std::shared_ptr<const SearchDictionaries> m_dictionaries;
    quint32 m_count = 0;
};

// The indexer's side: changes facts in place (copying a chunk the first time it changes after a
// publish) and publishes snapshots. One thread only.
class SearchFactsBuilder
{
public:
    void set(quint64 id, const ItemFacts &facts);
    void remove(quint64 id);
    void setStockMask(quint64 id, quint64 mask);
    const ItemFacts *find(quint64 id) const;

    quint32 brandOrdinal(const QString &brand);                          // adds a new brand
    quint16 attributeOrdinal(const QString &name, const QString &value); // adds a new value
    int warehouseSlot(qint64 warehouseId); // -1 when every slot is taken

    std::shared_ptr<const SearchFacts> publish();

private:
    ItemFacts *mutableFacts(quint64 id);
    SearchDictionaries &mutableDictionaries();

    std::vector<std::shared_ptr<SearchFacts::Chunk>> m_chunks;
    std::vector<bool> m_owned; // chunk copied since the last publish: safe to change in place
    std::shared_ptr<SearchDictionaries> m_dictionaries = std::make_shared<SearchDictionaries>();
    bool m_dictionariesOwned = true;
    quint32 m_count = 0;
};

} // namespace pincart::server
