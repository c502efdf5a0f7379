#pragma once

#include "search.h"

#include <optional>
#include <QList>
#include <QMap>
#include <QString>

namespace pincart {

// A price facet's value: "MIN-MAX" in paise, both inclusive, or "MIN-" for the open last band.
struct PriceBand
{
    std::optional<qint64> minMinor;
    std::optional<qint64> maxMinor;
};
std::optional<PriceBand> parsePriceBand(QStringView value);

// The facet values the customer ticked, and how they narrow a SearchRequest. Ticked values of one
// facet are alternatives (brand A or brand B); different facets must all hold. Category and price
// take one value at a time (the request carries one category and one price range), so ticking
// another one of them replaces the first. Invariant: every ticked value can be sent (a category
// is an id, a price a band, an attribute facet is "attr.NAME"); set() refuses anything else.
class SearchFilters
{
public:
    struct Choice
    {
        QString value;
        QString label; // as the facet showed it, to show it again when an answer leaves it out
    };

    bool isEmpty() const { return m_choices.isEmpty(); }
    bool isSelected(const QString &facet, const QString &value) const;
    // Ticks or unticks `value` of `facet`; false when nothing changed or it cannot be a filter.
    bool set(const QString &facet, const QString &value, const QString &label, bool selected);
    void clear() { m_choices.clear(); }
    QStringList facets() const { return m_choices.keys(); }
    QList<Choice> choices(const QString &facet) const { return m_choices.value(facet); }

    // Replaces the request's category, brands, price range and attributes with these choices.
    void applyTo(SearchRequest &request) const;

    // Category and price: one value at a time.
    static bool isExclusive(QStringView facet);

private:
    QMap<QString, QList<Choice>> m_choices; // never an empty list
};

} // namespace pincart
