#include "money.h"

#include <optional>

namespace pincart {

QString Money::toDisplayString() const
{
    const qint64 abs = amount < 0 ? -amount : amount;
    QString units = QString::number(abs / 100);
    // Indian digit grouping: the last three digits, then groups of two (1,23,45,678).
    if (units.size() > 3) {
        QString grouped = units.right(3);
        QString rest = units.left(units.size() - 3);
        while (!rest.isEmpty()) {
            const qsizetype take = qMin<qsizetype>(2, rest.size());
            grouped.prepend(rest.right(take) + QLatin1Char(','));
            rest.chop(take);
        }
        units = grouped;
    }
    const QString sign = amount < 0 ? QStringLiteral("-") : QString();
    const QString cents = QStringLiteral("%1").arg(abs % 100, 2, 10, QLatin1Char('0'));
    if (currency == QLatin1String("INR"))
        return sign + QChar(0x20B9) + units + QLatin1Char('.') + cents;
    return sign + units + QLatin1Char('.') + cents + QLatin1Char(' ') + currency;
}

std::optional<qint64> Money::parseMinorUnits(QStringView text)
{
    text = text.trimmed();
    if (text.isEmpty() || text.size() > 20)
        return std::nullopt;
    qint64 units = 0;
    int decimals = -1; // -1: no point seen yet
    qint64 fraction = 0;
    for (QChar c : text) {
        if (c == QLatin1Char(',') && decimals < 0)
            continue;
        if (c == QLatin1Char('.')) {
            if (decimals >= 0)
                return std::nullopt;
            decimals = 0;
            continue;
        }
        if (!c.isDigit() || c.unicode() > 127)
            return std::nullopt;
        const int digit = c.unicode() - '0';
        if (decimals >= 0) {
            if (++decimals > 2)
                return std::nullopt;
            fraction = fraction * 10 + digit;
        } else {
            units = units * 10 + digit;
            if (units > MaxAmount)
                return std::nullopt;
        }
    }
    if (decimals == 1)
        fraction *= 10;
    return units * 100 + fraction;
}

} // namespace pincart
