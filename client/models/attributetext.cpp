#include "attributetext.h"

#include <cmath>
#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

namespace pincart {

namespace {

QString numberText(double d)
{
    // Whole numbers without a decimal point ("55", not "55.0" or "5.5e+01").
    if (std::isfinite(d) && std::trunc(d) == d && std::abs(d) < 1e15)
        return QString::number(qint64(d));
    return QString::number(d, 'g', 12);
}

QString jsonText(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Bool:
        return value.toBool() ? QCoreApplication::translate("pincart::AttributeText", "Yes")
                              : QCoreApplication::translate("pincart::AttributeText", "No");
    case QJsonValue::Double:
        return numberText(value.toDouble());
    case QJsonValue::String:
        return value.toString();
    case QJsonValue::Array:
        return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
    case QJsonValue::Object:
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        break;
    }
    return QStringLiteral("—");
}

} // namespace

QString attributeValueText(const QJsonValue &value, const AttributeSpec *spec)
{
    if (spec && spec->type == AttributeSpec::Type::Number && value.isDouble()
        && !spec->unit.isEmpty())
        return numberText(value.toDouble()) + QLatin1Char(' ') + spec->unit;
    return jsonText(value);
}

QList<AttributeLine> attributeLines(const QJsonObject &attributes,
                                    const QList<AttributeSpec> &specs)
{
    QList<AttributeLine> lines;
    QSet<QString> shown;
    for (const AttributeSpec &spec : specs) {
        const QJsonValue value = attributes.value(spec.name);
        if (value.isUndefined() || value.isNull())
            continue;
        shown.insert(spec.name);
        const QString label = spec.label.isEmpty() ? spec.name : spec.label;
        lines.append({spec.name, label, attributeValueText(value, &spec)});
    }
    for (auto it = attributes.constBegin(); it != attributes.constEnd(); ++it) {
        if (!shown.contains(it.key()) && !it.value().isNull())
            lines.append({it.key(), it.key(), attributeValueText(it.value(), nullptr)});
    }
    return lines;
}

} // namespace pincart
