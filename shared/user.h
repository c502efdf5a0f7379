#pragma once

#include "roles.h"

#include <QDateTime>
#include <QList>
#include <QString>

namespace pincart {

struct User
{
    qint64 id = 0;
    QString email;
    QString name;
    Roles roles;
    QString pincode;
    QList<qint64> warehouseIds; // operators: the warehouses they act on
    bool disabled = false;
    QDateTime createdAt;
};

// What login returns: a bearer token, its expiry and the user it speaks for.
struct Session
{
    QByteArray token;
    QDateTime expiresAt;
    User user;
};

} // namespace pincart
