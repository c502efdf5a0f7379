#include "catalogservice.h"

#include "categoryrepository.h"
#include "codecs.h"
#include "connection.h"
#include "cursor.h"
#include "eventlog.h"
#include "itemrepository.h"
#include "jsonkeys.h"
#include "validation.h"

#include <QJsonDocument>

namespace pincart::server {

namespace {

std::shared_ptr<const CachedItem> cached(const Item &item)
{
    return std::make_shared<const CachedItem>(
        CachedItem{item, QJsonDocument(toJson(item)).toJson(QJsonDocument::Compact)});
}

bool maySeeInactive(const Principal &who, const Item &item)
{
    return who.isAdmin() || (who.has(Role::Supplier) && who.userId == item.supplierId);
}

} // namespace

CatalogService::CatalogService(Connection &db, CatalogState &state, OnCommitted onCommitted)
    : m_db(db)
    , m_state(state)
    , m_onCommitted(std::move(onCommitted))
{}

Status CatalogService::reloadCategories()
{
    auto all = CategoryRepository(m_db).all();
    if (!all)
        return all.error();
    m_state.publishCategories(std::make_shared<const CategoryTree>(std::move(*all)));
    return {};
}

Result<std::shared_ptr<const CachedItem>> CatalogService::item(const Principal &who, qint64 id)
{
    ItemCache &cache = m_state.items();
    if (auto hit = cache.find(id))
        return visibleTo(who, std::move(hit));
    const quint64 ticket = cache.ticket(id);
    auto found = ItemRepository(m_db).findById(id);
    if (!found)
        return found.error();
    if (!*found)
        return DomainError::notFound(QStringLiteral("No item %1").arg(id));
    auto loaded = cached(**found);
    cache.insert(ticket, loaded);
    return visibleTo(who, std::move(loaded));
}

std::optional<Result<std::shared_ptr<const CachedItem>>>
CatalogService::itemFromMemory(const Principal &who, qint64 id) const
{
    auto hit = m_state.items().find(id);
    if (!hit)
        return std::nullopt;
    return visibleTo(who, std::move(hit));
}

Result<std::shared_ptr<const CachedItem>>
CatalogService::visibleTo(const Principal &who, std::shared_ptr<const CachedItem> item)
{
    if (item->item.status != Item::Status::Active && !maySeeInactive(who, item->item))
        return DomainError::notFound(QStringLiteral("No item %1").arg(item->item.id));
    return item;
}

Result<Page<Item>> CatalogService::items(const Principal &who, const ItemListQuery &query)
{
    QList<FieldError> errors;
    if (query.limit < 1 || query.limit > MaxPageSize)
        errors.append(
            {QStringLiteral("limit"), QStringLiteral("must be between 1 and %1").arg(MaxPageSize)});
    std::optional<qint64> after = 0;
    if (!query.after.isEmpty()) {
        after = decodeIdCursor(query.after);
        if (!after)
            errors.append(
                {QStringLiteral("after"), QStringLiteral("is not a cursor this server issued")});
    }
    ItemRepository::ListFilter filter;
    if (query.categoryId) {
        const auto tree = m_state.categories();
        if (!tree->find(*query.categoryId))
            errors.append({QStringLiteral("category"), QStringLiteral("no such category")});
        else
            filter.categoryIds = tree->subtree(*query.categoryId);
    }
    if (!errors.isEmpty())
        return DomainError::validation(errors);
    filter.supplierId = query.supplierId;
    // A supplier sees its own inactive items in its own list; everyone else only active ones.
    filter.activeOnly = !(who.isAdmin() || (query.supplierId && *query.supplierId == who.userId));
    filter.afterId = *after;
    filter.limit = query.limit + 1; // one more tells whether there is a next page
    auto rows = ItemRepository(m_db).list(filter);
    if (!rows)
        return rows.error();
    Page<Item> page;
    page.items = std::move(*rows);
    if (page.items.size() > query.limit) {
        page.items.resize(query.limit);
        page.next = encodeIdCursor(page.items.last().id);
    }
    return page;
}

Status CatalogService::validate(const Item &item)
{
    const auto tree = m_state.categories();
    const Category *category = tree->find(item.categoryId);
    if (!category)
        return DomainError::validation(QString(keys::CategoryId),
                                       QStringLiteral("no such category"));
    if (!tree->isLeaf(item.categoryId))
        return DomainError::validation(
            QString(keys::CategoryId),
            QStringLiteral("items belong to a leaf category, not to %1").arg(category->name));
    const QList<FieldError> errors = validation::checkItem(item, *category);
    if (!errors.isEmpty())
        return DomainError::validation(errors);
    return {};
}

Status CatalogService::commitWithEvent(const Item &item, bool deleted)
{
    EventLog log(m_db);
    const QString key = QString::number(item.id);
    Status s = deleted ? log.append(topics::ItemDeleted, key,
                                    {{keys::Id, item.id}, {keys::SupplierId, item.supplierId}})
                       : log.append(topics::ItemUpserted, key, toJson(item));
    return s;
}

Result<Item> CatalogService::createItem(const Principal &who, const ItemInput &input)
{
    if (!who.has(Role::Supplier) && !who.isAdmin())
        return DomainError::forbidden(QStringLiteral("Only suppliers and admins create items"));
    Item item;
    input.applyTo(item);
    if (!who.isAdmin()) {
        if (input.supplierId && *input.supplierId != who.userId)
            return DomainError::forbidden(
                QStringLiteral("Suppliers create items for themselves only"));
        item.supplierId = who.userId;
    } else if (!input.supplierId) {
        item.supplierId = who.userId;
    }
    if (Status s = validate(item); !s)
        return s.error();

    Transaction tx(m_db);
    if (!tx.started())
        return tx.started().error();
    auto created = ItemRepository(m_db).insert(item);
    if (!created)
        return created.error();
    if (Status s = commitWithEvent(*created, false); !s)
        return s.error();
    if (Status s = tx.commit(); !s)
        return s.error();
    m_state.items().evict(created->id);
    if (m_onCommitted)
        m_onCommitted({topics::ItemUpserted});
    return created;
}

Result<Item> CatalogService::ownedItem(const Principal &who, qint64 id)
{
    if (!who.has(Role::Supplier) && !who.isAdmin())
        return DomainError::forbidden(QStringLiteral("Only suppliers and admins change items"));
    auto found = ItemRepository(m_db).findById(id);
    if (!found)
        return found.error();
    if (!*found)
        return DomainError::notFound(QStringLiteral("No item %1").arg(id));
    if (!who.isAdmin() && (*found)->supplierId != who.userId)
        return DomainError::forbidden(QStringLiteral("This item belongs to another supplier"));
    return **found;
}

Result<Item> CatalogService::updateItem(const Principal &who, qint64 id, const ItemInput &input)
{
    auto item = ownedItem(who, id);
    if (!item)
        return item.error();
    if (input.supplierId && !who.isAdmin() && *input.supplierId != who.userId)
        return DomainError::forbidden(QStringLiteral("Suppliers cannot hand items to others"));
    input.applyTo(*item);
    if (Status s = validate(*item); !s)
        return s.error();

    Transaction tx(m_db);
    if (!tx.started())
        return tx.started().error();
    auto updated = ItemRepository(m_db).update(*item); // fails if the version moved since the read
    if (!updated)
        return updated.error();
    if (Status s = commitWithEvent(*updated, false); !s)
        return s.error();
    if (Status s = tx.commit(); !s)
        return s.error();
    m_state.items().evict(id);
    if (m_onCommitted)
        m_onCommitted({topics::ItemUpserted});
    return updated;
}

Status CatalogService::deleteItem(const Principal &who, qint64 id)
{
    auto item = ownedItem(who, id);
    if (!item)
        return item.error();
    Transaction tx(m_db);
    if (!tx.started())
        return tx.started();
    auto removed = ItemRepository(m_db).remove(id);
    if (!removed)
        return removed.error();
    if (!*removed)
        return DomainError::notFound(QStringLiteral("No item %1").arg(id));
    if (Status s = commitWithEvent(*item, true); !s)
        return s;
    if (Status s = tx.commit(); !s)
        return s;
    m_state.items().evict(id);
    if (m_onCommitted)
        m_onCommitted({topics::ItemDeleted});
    return {};
}

} // namespace pincart::server
