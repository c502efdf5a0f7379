#include "pincode.h"

namespace pincart {

std::optional<Pincode> Pincode::parse(QStringView text)
{
    if (text.size() != 6 || text.front() < QLatin1Char('1') || text.front() > QLatin1Char('9'))
        return std::nullopt;
    for (QChar c : text) {
        if (c < QLatin1Char('0') || c > QLatin1Char('9'))
            return std::nullopt;
    }
    return Pincode(text.toString());
}

} // namespace pincart
