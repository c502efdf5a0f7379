#include "domainerror.h"

#include <QStringList>

namespace pincart {

QString DomainError::toString() const
{
    if (m_fields.isEmpty())
        return m_message;
    QStringList parts;
    parts.reserve(m_fields.size());
    for (const FieldError &f : m_fields)
        parts << (f.field.isEmpty() ? f.message : f.field + QStringLiteral(": ") + f.message);
    return m_message + QStringLiteral(" (") + parts.join(QStringLiteral("; ")) + QLatin1Char(')');
}

} // namespace pincart
