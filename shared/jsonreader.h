#pragma once

#include "domainerror.h"
#include "result.h"

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QLatin1StringView>

#include <initializer_list>
#include <optional>

namespace pincart {

// Parses a request or response body that must be one JSON object.
Result<QJsonObject> parseJsonObject(const QByteArray &body);

// Strict, error-collecting reads from a JSON object: every wrong type or missing required field
// becomes a FieldError named by its path, so one answer lists every problem at once.
class JsonReader
{
public:
    enum Presence { Optional, Required };

    explicit JsonReader(const QJsonObject &object, QString pathPrefix = {});

    std::optional<QString> string(QLatin1StringView key, Presence presence = Required);
    // Integral JSON numbers only (1.5 and 1e300 are errors), within [min, max].
    std::optional<qint64> integer(QLatin1StringView key, Presence presence = Required,
                                  qint64 min = 0, qint64 max = (qint64(1) << 53));
    std::optional<bool> boolean(QLatin1StringView key, Presence presence = Required);
    std::optional<QJsonObject> object(QLatin1StringView key, Presence presence = Required);
    std::optional<QJsonArray> array(QLatin1StringView key, Presence presence = Required);
    // Records an error for every key not in `known`.
    void rejectUnknown(std::initializer_list<QLatin1StringView> known);

    void addError(const QString &field, const QString &message);
    QString path(QLatin1StringView key) const;
    bool has(QLatin1StringView key) const { return m_object.contains(key); }
    const QList<FieldError> &errors() const { return m_errors; }
    bool ok() const { return m_errors.isEmpty(); }

private:
    std::optional<QJsonValue> value(QLatin1StringView key, Presence presence);

    QJsonObject m_object;
    QString m_prefix;
    QList<FieldError> m_errors;
};

} // namespace pincart
