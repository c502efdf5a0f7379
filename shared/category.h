#pragma once

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace pincart {

// One attribute of a category's schema (a TV's "screen_size" in inches, a T-shirt's "colour").
struct AttributeSpec
{
    enum class Type { Text, Number, Enum, Bool };

    QString name;  // key in an item's attributes object: lower_snake_case
    QString label; // for people: "Screen size"
    Type type = Type::Text;
    QStringList values;        // Enum: the allowed values
    QString unit;              // Number: "in", "Hz", "GB"...
    std::optional<double> min; // Number
    std::optional<double> max; // Number
    bool integer = false;      // Number: whole numbers only
    int maxLength = 200;       // Text
    bool required = false;
    bool facet = false; // offered as a search facet
};

QString attributeTypeName(AttributeSpec::Type type);
std::optional<AttributeSpec::Type> attributeTypeFromName(QStringView name);

struct Category
{
    qint64 id = 0;
    std::optional<qint64> parentId;
    QString name;
    QString slug;
    QList<AttributeSpec> attributes;

    const AttributeSpec *attribute(QStringView attributeName) const;
};

} // namespace pincart
