#pragma once

#include "category.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>

namespace pincart {

// One attribute of an item as people read it: "Screen size" and "55 in".
struct AttributeLine
{
    QString name; // the attribute's key
    QString label;
    QString value;

    QString toString() const { return label + QStringLiteral(": ") + value; }
    bool operator==(const AttributeLine &) const = default;
};

// A value as text, following its spec: numbers with their unit ("55 in"), booleans as Yes/No.
// Without a spec (an attribute the schema does not know) the JSON value is shown as it is.
QString attributeValueText(const QJsonValue &value, const AttributeSpec *spec);

// The item's attributes in the schema's order, each with its label and unit; attributes that
// the schema does not know follow under their own names, so nothing the server sent is hidden.
QList<AttributeLine> attributeLines(const QJsonObject &attributes,
                                    const QList<AttributeSpec> &specs);

} // namespace pincart
