#pragma once

#include <QList>
#include <QPair>

namespace pincart {

class Settings;

// Lines put in a cart before anyone signed in, kept in the settings (so they survive a restart)
// until a customer signs in: then AppController merges them into that account's cart with
// POST /cart/merge and forgets them. Quantities are capped per line like the server's cart
// (CartLimits::MaxQuantityPerLine), and so is the number of lines (CartLimits::MaxLines).
class GuestCart
{
public:
    explicit GuestCart(Settings *settings);

    QList<QPair<qint64, int>> lines() const; // (item id, quantity), in the order added
    bool isEmpty() const { return lines().isEmpty(); }
    // Adds to the item's line, or a new line; false when the cart has no room for a new line.
    bool add(qint64 itemId, int quantity);
    void clear();

private:
    Settings *m_settings;
};

} // namespace pincart
