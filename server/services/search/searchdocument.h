#pragma once

#include "categorytree.h"
#include "item.h"

#include <xapian.h>

namespace pincart::server {

// An attribute's value as search shows and filters it: "55", "OLED", "Yes"/"No". Empty for values
// that make no facet (objects, arrays).
QString searchAttributeText(const QJsonValue &value);

// The words of `text` joined at hyphens ("T-shirt" -> "tshirt"), so that the spelling people type
// finds the one titles use. Empty when there are none.
QString hyphenJoinedWords(const QString &text);

// The Xapian document of an item: weighted free text (title, brand, category names, attribute
// values, description), boolean filter terms and the title as data (what a hit shows). `terms`
// must have its stemmer set, and its database when `spelling` (the title's and brand's words then
// feed the spelling dictionary "did you mean" draws on).
Xapian::Document searchDocument(const Item &item, const CategoryTree &categories,
                                Xapian::TermGenerator &terms, bool spelling);

} // namespace pincart::server
