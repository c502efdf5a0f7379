#include "category.h"

namespace pincart {

QString attributeTypeName(AttributeSpec::Type type)
{
    switch (type) {
    case AttributeSpec::Type::Text:
        return QStringLiteral("text");
    case AttributeSpec::Type::Number:
        return QStringLiteral("number");
    case AttributeSpec::Type::Enum:
        return QStringLiteral("enum");
    case AttributeSpec::Type::Bool:
        return QStringLiteral("bool");
    }
    return {};
}

std::optional<AttributeSpec::Type> attributeTypeFromName(QStringView name)
{
    for (auto t : {AttributeSpec::Type::Text, AttributeSpec::Type::Number, AttributeSpec::Type::Enum,
                   AttributeSpec::Type::Bool}) {
        if (name == attributeTypeName(t))
            return t;
    }
    return std::nullopt;
}

const AttributeSpec *Category::attribute(QStringView attributeName) const
{
    for (const AttributeSpec &a : attributes) {
        if (a.name == attributeName)
            return &a;
    }
    return nullptr;
}

} // namespace pincart
