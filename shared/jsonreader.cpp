#include "jsonreader.h"

#include <QJsonDocument>
#include <QJsonParseError>

#include <cmath>

namespace pincart {

Result<QJsonObject> parseJsonObject(const QByteArray &body)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError) {
        return DomainError::badRequest(QStringLiteral("Malformed JSON at offset %1: %2")
                                           .arg(error.offset)
                                           .arg(error.errorString()));
    }
    if (!doc.isObject())
        return DomainError::badRequest(QStringLiteral("The body must be a JSON object"));
    return doc.object();
}

JsonReader::JsonReader(const QJsonObject &object, QString pathPrefix)
    : m_object(object)
    , m_prefix(std::move(pathPrefix))
{}

QString JsonReader::path(QLatin1StringView key) const
{
    return m_prefix.isEmpty() ? QString(key) : m_prefix + QLatin1Char('.') + key;
}

void JsonReader::addError(const QString &field, const QString &message)
{
    m_errors.append({field, message});
}

std::optional<QJsonValue> JsonReader::value(QLatin1StringView key, Presence presence)
{
    const auto it = m_object.constFind(key);
    if (it == m_object.constEnd() || it->isNull()) {
        if (presence == Required)
            addError(path(key), QStringLiteral("is required"));
        return std::nullopt;
    }
    return *it;
}

std::optional<QString> JsonReader::string(QLatin1StringView key, Presence presence)
{
    const auto v = value(key, presence);
    if (!v)
        return std::nullopt;
    if (!v->isString()) {
        addError(path(key), QStringLiteral("must be a string"));
        return std::nullopt;
    }
    return v->toString();
}

std::optional<qint64> JsonReader::integer(QLatin1StringView key, Presence presence, qint64 min,
                                          qint64 max)
{
    const auto v = value(key, presence);
    if (!v)
        return std::nullopt;
    const double d = v->toDouble();
    if (!v->isDouble() || !std::isfinite(d) || std::trunc(d) != d) {
        addError(path(key), QStringLiteral("must be an integer"));
        return std::nullopt;
    }
    if (d < double(min) || d > double(max)) {
        addError(path(key), QStringLiteral("must be between %1 and %2").arg(min).arg(max));
        return std::nullopt;
    }
    return qint64(d);
}

std::optional<bool> JsonReader::boolean(QLatin1StringView key, Presence presence)
{
    const auto v = value(key, presence);
    if (!v)
        return std::nullopt;
    if (!v->isBool()) {
        addError(path(key), QStringLiteral("must be true or false"));
        return std::nullopt;
    }
    return v->toBool();
}

std::optional<QJsonObject> JsonReader::object(QLatin1StringView key, Presence presence)
{
    const auto v = value(key, presence);
    if (!v)
        return std::nullopt;
    if (!v->isObject()) {
        addError(path(key), QStringLiteral("must be an object"));
        return std::nullopt;
    }
    return v->toObject();
}

std::optional<QJsonArray> JsonReader::array(QLatin1StringView key, Presence presence)
{
    const auto v = value(key, presence);
    if (!v)
        return std::nullopt;
    if (!v->isArray()) {
        addError(path(key), QStringLiteral("must be an array"));
        return std::nullopt;
    }
    return v->toArray();
}

void JsonReader::rejectUnknown(std::initializer_list<QLatin1StringView> known)
{
    for (auto it = m_object.constBegin(); it != m_object.constEnd(); ++it) {
        bool isKnown = false;
        for (QLatin1StringView k : known)
            isKnown = isKnown || it.key() == k;
        if (!isKnown)
            addError(m_prefix.isEmpty() ? it.key() : m_prefix + QLatin1Char('.') + it.key(),
                     QStringLiteral("is not a known field"));
    }
}

} // namespace pincart
