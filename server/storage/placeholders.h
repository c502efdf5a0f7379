#pragma once

#include <QString>
#include <QStringList>
#include <QStringView>

namespace pincart::server {

// SQL with named placeholders (:name) rewritten for a database that takes only positional ones
// (?), with the name at each position. A name may occur more than once: binding it sets every
// position it holds. Quoted text ('...', "...", `...`, [...]) is left alone, and so is `::`.
// The rules are QSqlResult's (Qt 6.4), so a statement means the same on either path.
struct PositionalSql
{
    QString text;
    QStringList names; // names[i] is the placeholder at position i, with its colon
};

PositionalSql toPositional(QStringView sql);

} // namespace pincart::server
