#pragma once

#include <QString>
#include <string>

// How items are laid out in the Xapian index: the one place the indexer and the searcher agree on.
// Changing it means a new SchemaVersion, and nodes then rebuild their index at start.
namespace pincart::server::searchschema {

inline constexpr int SchemaVersion = 1;
inline constexpr char SchemaKey[] = "pincart.schema";
inline constexpr char OffsetKey[] = "pincart.offset"; // the event log id the index is current to

// Boolean (filter) terms; free text is unprefixed (stems carry Xapian's own "Z").
inline constexpr char IdPrefix[] = "Q";         // Q<item id>
inline constexpr char CategoryPrefix[] = "XC";  // XC<id>, for the item's category and its ancestors
inline constexpr char BrandPrefix[] = "XB";     // XB<brand, lower case>
inline constexpr char AttributePrefix[] = "XA"; // XA<name>=<value, lower case>

// Field weights as within-document frequency increments: a word in the title counts three times a
// word in the description.
inline constexpr int TitleWeight = 3;
inline constexpr int BrandWeight = 3;
inline constexpr int CategoryWeight = 2;
inline constexpr int AttributeWeight = 1;
inline constexpr int DescriptionWeight = 1;

inline constexpr char Language[] = "english";

// Xapian refuses terms over 245 bytes; values are capped well below, names included.
inline std::string booleanTerm(const char *prefix, const QString &value)
{
    std::string term = prefix + value.toLower().toStdString();
    if (term.size() > 240)
        term.resize(240);
    return term;
}
inline std::string attributeTerm(const QString &name, const QString &value)
{
    return booleanTerm(AttributePrefix, name + QLatin1Char('=') + value);
}

} // namespace pincart::server::searchschema
