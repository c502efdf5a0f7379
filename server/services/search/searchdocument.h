#pragma once

#include "categorytree.h"
#include "item.h"

#include <string>
#include <unordered_map>
#include <xapian.h>

namespace pincart::server {

// An attribute's value as search shows and filters it: "55", "OLED", "Yes"/"No". Empty for values
// that make no facet (objects, arrays).
QString searchAttributeText(const QJsonValue &value);

// The words of `text` joined at hyphens ("T-shirt" -> "tshirt"), so that the spelling people type
// finds the one titles use. Empty when there are none.
QString hyphenJoinedWords(const QString &text);

// The words of titles and brands, counted, for the spelling dictionary "did you mean" draws on. A
// rebuild adds them once at the end: Xapian's per-document spelling updates made it half as fast.
using SpellingWords = std::unordered_map<std::string, Xapian::termcount>;

// The Xapian document of an item: weighted free text (title, brand, category names, attribute
// values, description), boolean filter terms and the title as data (what a hit shows). `terms`
// must have its stemmer set. The title's and brand's words are counted into `spelling`, or, when
// it is null, added to the spelling table of `terms`' database as they are indexed.
Xapian::Document searchDocument(const Item &item, const CategoryTree &categories,
                                Xapian::TermGenerator &terms, SpellingWords *spelling);

} // namespace pincart::server
