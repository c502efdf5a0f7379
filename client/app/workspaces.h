#pragma once

#include "roles.h"

#include <QList>
#include <QString>

namespace pincart {

// The parts of the main window, one per kind of work.
enum class Workspace { Storefront, Supplier, Warehouse, Admin };

// What a user with `roles` may open: customers the storefront, suppliers their items, operators
// the warehouse; admins everything. In this order.
QList<Workspace> workspacesFor(Roles roles);
QString workspaceTitle(Workspace workspace);

} // namespace pincart
