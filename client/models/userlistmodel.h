#pragma once

#include "apiclient.h"
#include "pagedtablemodel.h"
#include "user.h"

namespace pincart {

// Every account, paged from GET /admin/users (admins only). Columns: Email, Name, Roles.
class UserListModel : public PagedListModel<User>
{
    Q_OBJECT

public:
    enum Column { EmailColumn, NameColumn, RolesColumn, ColumnCount };
    enum Role { UserIdRole = Qt::UserRole + 1 };

    explicit UserListModel(ApiClient *api, QObject *parent = nullptr);

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

protected:
    void fetchPage(const QString &after, int limit, QObject *context, Done done) override;

private:
    ApiClient *m_api;
};

} // namespace pincart
