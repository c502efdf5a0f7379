#include "searchdocument.h"

#include "searchschema.h"

#include <QJsonValue>
#include <QRegularExpression>

namespace pincart::server {

namespace s = searchschema;

QString searchAttributeText(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::String:
        return value.toString().simplified();
    case QJsonValue::Double:
        return QString::number(value.toDouble(), 'g', 12);
    case QJsonValue::Bool:
        return value.toBool() ? QStringLiteral("Yes") : QStringLiteral("No");
    default:
        return {};
    }
}

QString hyphenJoinedWords(const QString &text)
{
    static const QRegularExpression hyphenated(QStringLiteral("\\w+(?:-\\w+)+"),
                                               QRegularExpression::UseUnicodePropertiesOption);
    QString joined;
    for (auto it = hyphenated.globalMatch(text); it.hasNext();) {
        if (!joined.isEmpty())
            joined += QLatin1Char(' ');
        joined += it.next().captured().remove(QLatin1Char('-'));
    }
    return joined;
}

namespace {

void indexField(Xapian::TermGenerator &terms, const QString &text, int weight, bool positions)
{
    if (text.isEmpty())
        return;
    const std::string utf8 = text.toStdString();
    if (positions)
        terms.index_text(utf8, Xapian::termcount(weight));
    else
        terms.index_text_without_positions(utf8, Xapian::termcount(weight));
    if (const QString joined = hyphenJoinedWords(text); !joined.isEmpty())
        terms.index_text_without_positions(joined.toStdString(), Xapian::termcount(weight));
    // A phrase must not run from one field into the next.
    terms.increase_termpos(100);
}

} // namespace

Xapian::Document searchDocument(const Item &item, const CategoryTree &categories,
                                Xapian::TermGenerator &terms, SpellingWords *spelling)
{
    Xapian::Document doc;
    terms.set_document(doc);

    // Title and brand feed the spelling dictionary (what "did you mean" proposes); the rest of
    // the text is too noisy for it and would slow indexing.
    terms.set_flags(spelling ? Xapian::TermGenerator::flags(0)
                             : Xapian::TermGenerator::FLAG_SPELLING);
    indexField(terms, item.title, s::TitleWeight, true);
    indexField(terms, item.brand, s::BrandWeight, true);
    terms.set_flags(Xapian::TermGenerator::flags(0));
    if (spelling) {
        // Only title and brand are in the document yet: its plain words (not "Z" stems) are theirs.
        for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t) {
            const std::string term = *t;
            if (!term.empty() && !(term[0] >= 'A' && term[0] <= 'Z'))
                ++(*spelling)[term];
        }
    }

    const Category *category = categories.find(item.categoryId);
    for (const Category *c = category; c;
         c = c->parentId ? categories.find(*c->parentId) : nullptr) {
        indexField(terms, c->name, s::CategoryWeight, false);
        doc.add_boolean_term(s::booleanTerm(s::CategoryPrefix, QString::number(c->id)));
    }
    for (auto it = item.attributes.constBegin(); it != item.attributes.constEnd(); ++it) {
        const QString text = searchAttributeText(it.value());
        if (text.isEmpty())
            continue;
        // A true flag says something worth finding ("Smart TV"); a false one does not.
        const AttributeSpec *spec = category ? category->attribute(it.key()) : nullptr;
        if (it.value().isBool())
            indexField(terms, it.value().toBool() && spec ? spec->label : QString(),
                       s::AttributeWeight, false);
        else
            indexField(terms, text, s::AttributeWeight, false);
        doc.add_boolean_term(s::attributeTerm(it.key(), text));
    }
    indexField(terms, item.description, s::DescriptionWeight, false);

    doc.add_boolean_term(s::booleanTerm(s::IdPrefix, QString::number(item.id)));
    if (!item.brand.isEmpty())
        doc.add_boolean_term(s::booleanTerm(s::BrandPrefix, item.brand));
    doc.set_data(item.title.toStdString());
    return doc;
}

} // namespace pincart::server
