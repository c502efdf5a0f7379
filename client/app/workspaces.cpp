#include "workspaces.h"

#include <QCoreApplication>

namespace pincart {

QList<Workspace> workspacesFor(Roles roles)
{
    const bool admin = roles.testFlag(Role::Admin);
    QList<Workspace> out;
    if (admin || roles.testFlag(Role::Customer))
        out << Workspace::Storefront;
    if (admin || roles.testFlag(Role::Supplier))
        out << Workspace::Supplier;
    if (admin || roles.testFlag(Role::Operator))
        out << Workspace::Warehouse;
    if (admin)
        out << Workspace::Admin;
    return out;
}

QString workspaceTitle(Workspace workspace)
{
    switch (workspace) {
    case Workspace::Storefront:
        return QCoreApplication::translate("pincart::Workspace", "Storefront");
    case Workspace::Supplier:
        return QCoreApplication::translate("pincart::Workspace", "Supplier");
    case Workspace::Warehouse:
        return QCoreApplication::translate("pincart::Workspace", "Warehouse");
    case Workspace::Admin:
        return QCoreApplication::translate("pincart::Workspace", "Admin");
    }
    return {};
}

} // namespace pincart
