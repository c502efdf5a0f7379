#pragma once

#include <QString>
#include <QtGlobal>

namespace pincart {

// Money in integer minor units (paise for INR): never floating point.
struct Money
{
    qint64 amount = 0;
    QString currency = QStringLiteral("INR");

    bool operator==(const Money &) const = default;

    // "₹1,299.00" for INR, "1299.00 USD" otherwise; for display only.
    QString toDisplayString() const;

    // Parses a decimal such as "1299", "1299.5" or "1,299.50" into minor units; nullopt when not
    // a plain non-negative amount with at most two decimals.
    static std::optional<qint64> parseMinorUnits(QStringView text);

    // Largest amount Pincart accepts for a single price: ₹10 crore, far inside qint64.
    static constexpr qint64 MaxAmount = 100'000'000'00;
};

} // namespace pincart
