#include "categoryrepository.h"

#include "codecs.h"
#include "migrations.h"
#include "statement.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

namespace pincart::server {

Result<QList<Category>> CategoryRepository::all()
{
    Statement q(m_db, QStringLiteral("SELECT id, parent_id, name, slug, attributes FROM categories "
                                     "ORDER BY id"));
    if (Status s = q.exec("list categories"); !s)
        return s.error();
    QList<Category> out;
    while (q.next()) {
        // The stored schema is decoded with the same codec as the API's, via a full object.
        QJsonObject o{{QStringLiteral("id"), q.value(0).toLongLong()},
                      {QStringLiteral("parent_id"),
                       q.value(1).isNull() ? QJsonValue() : QJsonValue(q.value(1).toLongLong())},
                      {QStringLiteral("name"), q.value(2).toString()},
                      {QStringLiteral("slug"), q.value(3).toString()},
                      {QStringLiteral("attributes"),
                       QJsonDocument::fromJson(q.value(4).toByteArray()).array()}};
        auto c = categoryFromJson(o);
        if (!c)
            return DomainError::internal(QStringLiteral("Stored category %1 is malformed: %2")
                                             .arg(q.value(0).toLongLong())
                                             .arg(c.error().toString()));
        out << std::move(*c);
    }
    return out;
}

Status CategoryRepository::insertMissing(const QList<Category> &categories)
{
    for (const Category &c : categories) {
        QJsonArray attrs;
        for (const AttributeSpec &a : c.attributes)
            attrs.append(toJson(a));
        Statement q(m_db, m_db.insertIgnore()
                              + QStringLiteral(" INTO categories (id, parent_id, name, slug, "
                                               "attributes) VALUES (:id, :parent, :name, :slug, :attrs)"));
        q.bind(QStringLiteral(":id"), c.id)
            .bind(QStringLiteral(":parent"),
                  c.parentId ? QVariant(*c.parentId) : QVariant(QMetaType(QMetaType::LongLong)))
            .bind(QStringLiteral(":name"), c.name)
            .bind(QStringLiteral(":slug"), c.slug)
            .bind(QStringLiteral(":attrs"),
                  QString::fromUtf8(QJsonDocument(attrs).toJson(QJsonDocument::Compact)));
        if (Status s = q.exec("insert category"); !s)
            return s;
    }
    return {};
}

Result<QList<Category>> referenceCategories()
{
    initResources();
    QFile file(QStringLiteral(":/data/categories.json"));
    if (!file.open(QIODevice::ReadOnly))
        return DomainError::internal(QStringLiteral("categories.json is missing from the build"));
    return categoriesFromJson(QJsonDocument::fromJson(file.readAll()).array());
}

} // namespace pincart::server
