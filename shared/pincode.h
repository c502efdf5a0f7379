#pragma once

#include <QString>

#include <optional>

namespace pincart {

// An Indian postal index number: six digits, the first 1-9. Only the format is checked here;
// whether it exists is a question for the pincode directory.
class Pincode
{
public:
    static std::optional<Pincode> parse(QStringView text);
    const QString &toString() const { return m_digits; }
    bool operator==(const Pincode &) const = default;

private:
    explicit Pincode(QString digits)
        : m_digits(std::move(digits))
    {}
    QString m_digits;
};

} // namespace pincart
