#include "searchfilters.h"

#include <algorithm>

namespace pincart {

namespace {

const QString CategoryFacet = QStringLiteral("category");
const QString BrandFacet = QStringLiteral("brand");
const QString PriceFacet = QStringLiteral("price");
const QString AttributePrefix = QStringLiteral("attr.");

std::optional<qint64> parseAmount(QStringView text)
{
    bool ok = false;
    const qint64 v = text.toLongLong(&ok);
    if (!ok || v < 0)
        return std::nullopt;
    return v;
}

bool canFilter(const QString &facet, const QString &value)
{
    if (value.isEmpty())
        return false;
    if (facet == CategoryFacet)
        return parseAmount(value).has_value();
    if (facet == PriceFacet)
        return parsePriceBand(value).has_value();
    if (facet == BrandFacet)
        return true;
    return facet.startsWith(AttributePrefix) && facet.size() > AttributePrefix.size();
}

} // namespace

std::optional<PriceBand> parsePriceBand(QStringView value)
{
    const qsizetype dash = value.indexOf(u'-');
    if (dash <= 0)
        return std::nullopt; // the lower bound is always there
    PriceBand band;
    band.minMinor = parseAmount(value.left(dash));
    if (!band.minMinor)
        return std::nullopt;
    const QStringView max = value.mid(dash + 1);
    if (!max.isEmpty()) {
        band.maxMinor = parseAmount(max);
        if (!band.maxMinor || *band.maxMinor < *band.minMinor)
            return std::nullopt;
    }
    return band;
}

bool SearchFilters::isExclusive(QStringView facet)
{
    return facet == CategoryFacet || facet == PriceFacet;
}

bool SearchFilters::isSelected(const QString &facet, const QString &value) const
{
    const auto it = m_choices.constFind(facet);
    if (it == m_choices.constEnd())
        return false;
    return std::any_of(it->cbegin(), it->cend(), [&](const Choice &c) { return c.value == value; });
}

bool SearchFilters::set(const QString &facet, const QString &value, const QString &label,
                        bool selected)
{
    if (!canFilter(facet, value) || isSelected(facet, value) == selected)
        return false;
    if (!selected) {
        QList<Choice> &list = m_choices[facet];
        list.removeIf([&](const Choice &c) { return c.value == value; });
        if (list.isEmpty())
            m_choices.remove(facet);
        return true;
    }
    QList<Choice> &list = m_choices[facet];
    if (isExclusive(facet))
        list.clear();
    else if (list.size() >= SearchLimits::MaxFilterValues)
        return false; // the server would refuse the request
    list.append({value, label.isEmpty() ? value : label});
    return true;
}

void SearchFilters::applyTo(SearchRequest &request) const
{
    request.categoryId.reset();
    request.brands.clear();
    request.priceMinMinor.reset();
    request.priceMaxMinor.reset();
    request.attributes.clear();
    for (auto it = m_choices.cbegin(); it != m_choices.cend(); ++it) {
        const QString &facet = it.key();
        if (facet == CategoryFacet) {
            request.categoryId = parseAmount(it->constFirst().value);
        } else if (facet == PriceFacet) {
            if (const auto band = parsePriceBand(it->constFirst().value)) {
                request.priceMinMinor = band->minMinor;
                request.priceMaxMinor = band->maxMinor;
            }
        } else {
            QStringList values;
            for (const Choice &c : *it)
                values << c.value;
            if (facet == BrandFacet)
                request.brands = values;
            else
                request.attributes.insert(facet.mid(AttributePrefix.size()), values);
        }
    }
}

} // namespace pincart
