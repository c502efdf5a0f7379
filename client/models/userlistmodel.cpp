#include "userlistmodel.h"

namespace pincart {

UserListModel::UserListModel(ApiClient *api, QObject *parent)
    : PagedListModel<User>(parent)
    , m_api(api)
{}

int UserListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant UserListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const User &user = at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case EmailColumn:
            return user.email;
        case NameColumn:
            return user.name;
        case RolesColumn:
            return pincart::roleNames(user.roles).join(QStringLiteral(", "));
        }
        break;
    case Qt::ToolTipRole:
        if (user.disabled)
            return tr("This account is disabled");
        break;
    case UserIdRole:
        return user.id;
    }
    return {};
}

QVariant UserListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case EmailColumn:
        return tr("Email");
    case NameColumn:
        return tr("Name");
    case RolesColumn:
        return tr("Roles");
    }
    return {};
}

void UserListModel::fetchPage(const QString &after, int limit, QObject *context, Done done)
{
    m_api->users(after, limit, context, std::move(done));
}

} // namespace pincart
