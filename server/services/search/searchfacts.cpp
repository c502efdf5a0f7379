#include "searchfacts.h"

namespace pincart::server {

ItemFacts *SearchFactsBuilder::mutableFacts(quint64 id)
{
    const quint64 c = id >> SearchFacts::ChunkBits;
    if (c >= m_chunks.size()) {
        m_chunks.resize(c + 1);
        m_owned.resize(c + 1, false);
    }
    if (!m_chunks[c]) {
        m_chunks[c] = std::make_shared<SearchFacts::Chunk>();
        m_owned[c] = true;
    } else if (!m_owned[c]) {
        m_chunks[c] = std::make_shared<SearchFacts::Chunk>(*m_chunks[c]);
        m_owned[c] = true;
    }
    return &(*m_chunks[c])[id & (SearchFacts::ChunkSize - 1)];
}

const ItemFacts *SearchFactsBuilder::find(quint64 id) const
{
    const quint64 c = id >> SearchFacts::ChunkBits;
    if (c >= m_chunks.size() || !m_chunks[c])
        return nullptr;
    const ItemFacts &f = (*m_chunks[c])[id & (SearchFacts::ChunkSize - 1)];
    return f.present ? &f : nullptr;
}

void SearchFactsBuilder::set(quint64 id, const ItemFacts &facts)
{
    ItemFacts *f = mutableFacts(id);
    if (!f->present)
        ++m_count;
    // Stock follows its own events, and may have come before the item (warm-up order).
    const quint64 mask = f->stockMask;
    *f = facts;
    f->stockMask = mask;
    f->present = true;
}

void SearchFactsBuilder::remove(quint64 id)
{
    if (!find(id))
        return;
    ItemFacts *f = mutableFacts(id);
    const quint64 mask = f->stockMask;
    *f = ItemFacts{};
    f->stockMask = mask; // kept: the item may come back (reactivated) with the same stock
    --m_count;
}

void SearchFactsBuilder::setStockMask(quint64 id, quint64 mask)
{
    // Stock may arrive before the item (warm-up order): kept on an absent entry until it comes.
    mutableFacts(id)->stockMask = mask;
}

SearchDictionaries &SearchFactsBuilder::mutableDictionaries()
{
    if (!m_dictionariesOwned) {
        m_dictionaries = std::make_shared<SearchDictionaries>(*m_dictionaries);
        m_dictionariesOwned = true;
    }
    return *m_dictionaries;
}

quint32 SearchFactsBuilder::brandOrdinal(const QString &brand)
{
    const QString key = brand.toLower();
    if (const auto it = m_dictionaries->brandByKey.constFind(key);
        it != m_dictionaries->brandByKey.cend())
        return *it;
    SearchDictionaries &d = mutableDictionaries();
    d.brands << brand;
    const auto ordinal = quint32(d.brands.size());
    d.brandByKey.insert(key, ordinal);
    return ordinal;
}

quint16 SearchFactsBuilder::attributeOrdinal(const QString &name, const QString &value)
{
    const SearchDictionaries &read = *m_dictionaries;
    const QString key = value.toLower();
    const auto a = read.attributeIndex.constFind(name);
    if (a != read.attributeIndex.cend()) {
        if (const auto v = read.attributeValueByKey[*a].constFind(key);
            v != read.attributeValueByKey[*a].cend())
            return *v;
    }
    SearchDictionaries &d = mutableDictionaries();
    int index = d.attributeIndex.value(name, -1);
    if (index < 0) {
        index = int(d.attributeNames.size());
        d.attributeNames << name;
        d.attributeIndex.insert(name, index);
        d.attributeValues.emplace_back();
        d.attributeValueByKey.emplace_back();
    }
    if (d.attributeValues[index].size() >= 0xFFFF)
        return 0; // a facet with 65k values is no facet: the rest go uncounted
    d.attributeValues[index] << value;
    const auto ordinal = quint16(d.attributeValues[index].size());
    d.attributeValueByKey[index].insert(key, ordinal);
    return ordinal;
}

int SearchFactsBuilder::warehouseSlot(qint64 warehouseId)
{
    if (const auto it = m_dictionaries->slotByWarehouse.constFind(warehouseId);
        it != m_dictionaries->slotByWarehouse.cend())
        return *it;
    if (m_dictionaries->warehouseBySlot.size() >= SearchDictionaries::MaxWarehouseSlots)
        return -1;
    SearchDictionaries &d = mutableDictionaries();
    d.warehouseBySlot.push_back(warehouseId);
    const int slot = int(d.warehouseBySlot.size()) - 1;
    d.slotByWarehouse.insert(warehouseId, slot);
    return slot;
}

std::shared_ptr<const SearchFacts> SearchFactsBuilder::publish()
{
    std::vector<std::shared_ptr<const SearchFacts::Chunk>> chunks(m_chunks.begin(), m_chunks.end());
    std::fill(m_owned.begin(), m_owned.end(), false);
    m_dictionariesOwned = false;
    return std::make_shared<const SearchFacts>(std::move(chunks), m_dictionaries, m_count);
}

} // namespace pincart::server
