#include "validation.h"

#include "jsonkeys.h"
#include "pincode.h"

#include <cmath>
#include <QRegularExpression>

namespace pincart::validation {

namespace {

QList<FieldError> one(QLatin1StringView field, const QString &message)
{
    return {{QString(field), message}};
}

// Control characters in user text break CSV exports, logs and terminals.
bool hasControlChars(const QString &s, bool allowNewlines)
{
    for (QChar c : s) {
        if (c.category() == QChar::Other_Control
            && !(allowNewlines
                 && (c == QLatin1Char('\n') || c == QLatin1Char('\t') || c == QLatin1Char('\r'))))
            return true;
    }
    return false;
}

QList<FieldError> checkText(QLatin1StringView field, const QString &value, int min, int max,
                            bool multiline)
{
    const QString trimmed = value.trimmed();
    if (trimmed.size() < min)
        return one(field, min <= 1 ? QStringLiteral("must not be empty")
                                   : QStringLiteral("must have at least %1 characters").arg(min));
    if (value.size() > max)
        return one(field, QStringLiteral("must have at most %1 characters").arg(max));
    if (hasControlChars(value, multiline))
        return one(field, QStringLiteral("must not contain control characters"));
    return {};
}

} // namespace

QList<FieldError> checkSku(const QString &sku)
{
    static const QRegularExpression pattern(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$"));
    if (!pattern.match(sku).hasMatch())
        return one(keys::Sku,
                   QStringLiteral("must be 1-%1 letters, digits, '.', '_' or '-'").arg(SkuMax));
    return {};
}

QList<FieldError> checkTitle(const QString &title)
{
    return checkText(keys::Title, title, TitleMin, TitleMax, false);
}

QList<FieldError> checkDescription(const QString &description)
{
    return checkText(keys::Description, description, 0, DescriptionMax, true);
}

QList<FieldError> checkBrand(const QString &brand)
{
    return checkText(keys::Brand, brand, 1, BrandMax, false);
}

QList<FieldError> checkPrice(const Money &price)
{
    if (price.currency != QLatin1String("INR"))
        return {{QStringLiteral("price.currency"), QStringLiteral("only INR is supported")}};
    if (price.amount <= 0)
        return {{QStringLiteral("price.amount"), QStringLiteral("must be greater than zero")}};
    if (price.amount > Money::MaxAmount)
        return {{QStringLiteral("price.amount"), QStringLiteral("is too large")}};
    return {};
}

QList<FieldError> checkAttributes(const QJsonObject &attributes, const Category &category)
{
    QList<FieldError> errors;
    auto err = [&](const QString &name, const QString &message) {
        errors.append({QStringLiteral("attributes.") + name, message});
    };
    for (auto it = attributes.constBegin(); it != attributes.constEnd(); ++it) {
        if (!category.attribute(it.key()))
            err(it.key(), QStringLiteral("is not an attribute of %1").arg(category.name));
    }
    for (const AttributeSpec &spec : category.attributes) {
        const QJsonValue v = attributes.value(spec.name);
        if (v.isUndefined() || v.isNull()) {
            if (spec.required)
                err(spec.name, QStringLiteral("is required"));
            continue;
        }
        switch (spec.type) {
        case AttributeSpec::Type::Text:
            if (!v.isString())
                err(spec.name, QStringLiteral("must be text"));
            else if (v.toString().trimmed().isEmpty())
                err(spec.name, QStringLiteral("must not be empty"));
            else if (v.toString().size() > spec.maxLength)
                err(spec.name,
                    QStringLiteral("must have at most %1 characters").arg(spec.maxLength));
            else if (hasControlChars(v.toString(), false))
                err(spec.name, QStringLiteral("must not contain control characters"));
            break;
        case AttributeSpec::Type::Number: {
            const double d = v.toDouble();
            if (!v.isDouble() || !std::isfinite(d))
                err(spec.name, QStringLiteral("must be a number"));
            else if (spec.integer && std::trunc(d) != d)
                err(spec.name, QStringLiteral("must be a whole number"));
            else if ((spec.min && d < *spec.min) || (spec.max && d > *spec.max))
                err(spec.name,
                    QStringLiteral("must be between %1 and %2%3")
                        .arg(spec.min.value_or(-1e300))
                        .arg(spec.max.value_or(1e300))
                        .arg(spec.unit.isEmpty() ? QString() : QLatin1Char(' ') + spec.unit));
            break;
        }
        case AttributeSpec::Type::Enum:
            if (!v.isString() || !spec.values.contains(v.toString()))
                err(spec.name, QStringLiteral("must be one of: %1")
                                   .arg(spec.values.join(QStringLiteral(", "))));
            break;
        case AttributeSpec::Type::Bool:
            if (!v.isBool())
                err(spec.name, QStringLiteral("must be true or false"));
            break;
        }
    }
    return errors;
}

QList<FieldError> checkItem(const Item &item, const Category &category)
{
    QList<FieldError> errors;
    errors << checkSku(item.sku) << checkTitle(item.title) << checkDescription(item.description)
           << checkBrand(item.brand) << checkPrice(item.price)
           << checkAttributes(item.attributes, category);
    return errors;
}

QList<FieldError> checkEmail(const QString &email)
{
    // Deliberately simple: one @, a dot in the domain, no spaces. The mailbox proves the rest.
    static const QRegularExpression pattern(QStringLiteral("^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+$"));
    if (email.size() > EmailMax || !pattern.match(email).hasMatch())
        return one(keys::Email, QStringLiteral("must be an e-mail address"));
    return {};
}

QList<FieldError> checkPassword(const QString &password)
{
    if (password.size() < PasswordMin)
        return one(keys::Password,
                   QStringLiteral("must have at least %1 characters").arg(PasswordMin));
    if (password.size() > PasswordMax)
        return one(keys::Password,
                   QStringLiteral("must have at most %1 characters").arg(PasswordMax));
    return {};
}

QList<FieldError> checkName(const QString &name)
{
    return checkText(keys::Name, name, 1, NameMax, false);
}

QList<FieldError> checkPincode(const QString &pincode)
{
    if (!Pincode::parse(pincode))
        return one(keys::Pincode, QStringLiteral("must be six digits, not starting with 0"));
    return {};
}

QList<FieldError> checkCode(QLatin1StringView field, const QString &code)
{
    static const QRegularExpression pattern(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9_-]{0,31}$"));
    if (!pattern.match(code).hasMatch())
        return one(field, QStringLiteral("must be 1-%1 letters, digits, '_' or '-'").arg(CodeMax));
    return {};
}

} // namespace pincart::validation
