#pragma once

#include <QByteArray>
#include <QLatin1StringView>
#include <QString>

namespace pincart {

// Compact JSON written straight into bytes, for the hottest answers (QJsonObject allocates per
// value and sorts keys; this appends). The caller keeps the structure balanced; commas are placed
// for it.
class JsonWriter
{
public:
    explicit JsonWriter(qsizetype reserve = 512) { m_out.reserve(reserve); }

    JsonWriter &beginObject() { return open('{'); }
    JsonWriter &endObject() { return close('}'); }
    JsonWriter &beginArray() { return open('['); }
    JsonWriter &endArray() { return close(']'); }
    JsonWriter &key(QLatin1StringView name);

    JsonWriter &value(qint64 number);
    JsonWriter &value(bool flag);
    JsonWriter &value(const QString &text);
    JsonWriter &null();

    // `key` then the value, the common case.
    template<typename T>
    JsonWriter &field(QLatin1StringView name, const T &v)
    {
        return key(name).value(v);
    }
    JsonWriter &field(QLatin1StringView name, int v) { return key(name).value(qint64(v)); }
    JsonWriter &nullField(QLatin1StringView name) { return key(name).null(); }

    const QByteArray &bytes() const { return m_out; }

private:
    JsonWriter &open(char bracket);
    JsonWriter &close(char bracket);
    void separate();

    QByteArray m_out;
    bool m_first = true; // no value yet in the current object or array
    bool m_afterKey = false;
};

} // namespace pincart
