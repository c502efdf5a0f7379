#pragma once

#include "apiclient.h"
#include "item.h"
#include "pagedtablemodel.h"

#include <optional>

namespace pincart {

// The items of one ItemQuery (a category, a supplier, or all), paged from GET /items.
// Columns: Title, Brand, Price. Changing the query resets the rows and loads the first page.
class ItemListModel : public PagedListModel<Item>
{
    Q_OBJECT

public:
    enum Column { TitleColumn, BrandColumn, PriceColumn, ColumnCount };
    enum Role {
        ItemIdRole = Qt::UserRole + 1, // qint64
        CategoryIdRole,                // qint64
        PriceAmountRole,               // qint64 minor units, for sorting and tests
        SortRole,                      // for a sorting proxy: text as shown, price as amount
    };

    explicit ItemListModel(ApiClient *api, QObject *parent = nullptr);

    // Sets the filter (its `after` and `limit` are ignored), drops the rows and reloads.
    void setQuery(const ItemQuery &query);
    const ItemQuery &query() const { return m_query; }

    std::optional<int> rowOfItem(qint64 id) const;
    // Replaces the row of `item.id` (a fresher copy, e.g. from GET /items/{id}); no-op if absent.
    void updateItem(const Item &item);
    // The item left the server (deleted): its row goes. No-op if absent.
    void removeItem(qint64 id);

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

protected:
    void fetchPage(const QString &after, int limit, QObject *context, Done done) override;

private:
    ApiClient *m_api;
    ItemQuery m_query;
};

} // namespace pincart
