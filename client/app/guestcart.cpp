#include "guestcart.h"

#include "app/settings.h"
#include "order.h"

namespace pincart {

GuestCart::GuestCart(Settings *settings)
    : m_settings(settings)
{}

QList<QPair<qint64, int>> GuestCart::lines() const
{
    return m_settings->guestCartLines();
}

bool GuestCart::add(qint64 itemId, int quantity)
{
    if (itemId <= 0 || quantity <= 0)
        return false;
    QList<QPair<qint64, int>> all = lines();
    for (auto &[item, count] : all) {
        if (item == itemId) {
            count = qMin(count + quantity, CartLimits::MaxQuantityPerLine);
            m_settings->setGuestCartLines(all);
            return true;
        }
    }
    if (all.size() >= CartLimits::MaxLines)
        return false;
    all.append({itemId, qMin(quantity, CartLimits::MaxQuantityPerLine)});
    m_settings->setGuestCartLines(all);
    return true;
}

void GuestCart::clear()
{
    m_settings->setGuestCartLines({});
}

} // namespace pincart
