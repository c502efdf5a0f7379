#pragma once

#include <QList>
#include <QString>

namespace pincart {

// One page of a keyset-paginated list: `next` is the opaque cursor for `after=`, empty at the end.
template<typename T>
struct Page
{
    QList<T> items;
    QString next;
};

} // namespace pincart
