#pragma once

#include <QList>
#include <QStringView>
#include <QtGlobal>

namespace pincart::server {

// splitmix64: tiny, fast and the same on every platform (std:: distributions are not).
class DemoRandom
{
public:
    explicit DemoRandom(quint64 seed)
        : m_state(seed)
    {}
    quint64 next()
    {
        quint64 z = (m_state += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }
    qint64 below(qint64 n) { return n <= 0 ? 0 : qint64(next() % quint64(n)); }
    qint64 between(qint64 lo, qint64 hi) { return lo + below(hi - lo + 1); }
    bool chance(int percent) { return below(100) < percent; }
    template<typename T>
    const T &pick(const QList<T> &list)
    {
        return list.at(below(list.size()));
    }

private:
    quint64 m_state;
};

// FNV-1a over UTF-16 code units: the same in every process. qHash is not, even with an explicit
// seed (Qt mixes in a per-process seed), so `seed --seed 1` made other brands in every run.
inline quint64 stableHash(QStringView text)
{
    quint64 h = 0xCBF29CE484222325ull;
    for (const QChar c : text) {
        h ^= c.unicode();
        h *= 0x100000001B3ull;
    }
    return h;
}

} // namespace pincart::server
