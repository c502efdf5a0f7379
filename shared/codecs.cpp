#include "codecs.h"

#include "jsonkeys.h"

#include <QJsonDocument>

namespace pincart {

namespace k = keys;

QString toIsoUtc(const QDateTime &time)
{
    return time.isValid() ? time.toUTC().toString(Qt::ISODate) : QString();
}

QString isoDate(const QDate &date)
{
    int year = 0, month = 0, day = 0;
    date.getDate(&year, &month, &day);
    if (!date.isValid() || year < 1 || year > 9999)
        return date.isValid() ? date.toString(Qt::ISODate) : QString();
    const auto digit = [](int n) {
        return char16_t(u'0' + n % 10);
    };
    const char16_t text[10] = {digit(year / 1000),
                               digit(year / 100),
                               digit(year / 10),
                               digit(year),
                               u'-',
                               digit(month / 10),
                               digit(month),
                               u'-',
                               digit(day / 10),
                               digit(day)};
    return QString(reinterpret_cast<const QChar *>(text), 10);
}

QDateTime fromIsoUtc(const QString &text)
{
    QDateTime t = QDateTime::fromString(text, Qt::ISODateWithMs);
    return t.isValid() ? t.toUTC() : QDateTime();
}

QJsonObject toJson(const Money &money)
{
    return {{k::Amount, money.amount}, {k::Currency, money.currency}};
}

void writeJson(JsonWriter &w, const Money &money)
{
    w.beginObject().field(k::Amount, money.amount).field(k::Currency, money.currency).endObject();
}

QJsonObject jsonObject(const QByteArray &bytes)
{
    return QJsonDocument::fromJson(bytes).object();
}

std::optional<Money> readMoney(JsonReader &reader, QLatin1StringView key,
                               JsonReader::Presence presence)
{
    const auto obj = reader.object(key, presence);
    if (!obj)
        return std::nullopt;
    JsonReader r(*obj, reader.path(key));
    const auto amount = r.integer(k::Amount, JsonReader::Required, 0, Money::MaxAmount);
    const auto currency = r.string(k::Currency, JsonReader::Required);
    r.rejectUnknown({k::Amount, k::Currency});
    if (currency && *currency != QLatin1String("INR"))
        r.addError(r.path(k::Currency), QStringLiteral("only INR is supported"));
    for (const FieldError &e : r.errors())
        reader.addError(e.field, e.message);
    if (!r.ok())
        return std::nullopt;
    return Money{*amount, *currency};
}

QJsonObject toJson(const User &user)
{
    QJsonArray warehouses;
    for (qint64 id : user.warehouseIds)
        warehouses.append(id);
    QJsonObject o{{k::Id, user.id},
                  {k::Email, user.email},
                  {k::Name, user.name},
                  {k::Roles, QJsonArray::fromStringList(roleNames(user.roles))},
                  {k::Pincode, user.pincode.isEmpty() ? QJsonValue() : QJsonValue(user.pincode)},
                  {k::Disabled, user.disabled}};
    if (!warehouses.isEmpty())
        o.insert(k::WarehouseIds, warehouses);
    if (user.createdAt.isValid())
        o.insert(k::CreatedAt, toIsoUtc(user.createdAt));
    return o;
}

static Result<QStringList> stringList(const QJsonArray &array, const QString &field)
{
    QStringList out;
    for (const QJsonValue &v : array) {
        if (!v.isString())
            return DomainError::validation(field, QStringLiteral("must be a list of strings"));
        out << v.toString();
    }
    return out;
}

Result<User> userFromJson(const QJsonObject &object)
{
    JsonReader r(object);
    User u;
    u.id = r.integer(k::Id).value_or(0);
    u.email = r.string(k::Email).value_or(QString());
    u.name = r.string(k::Name).value_or(QString());
    u.pincode = r.string(k::Pincode, JsonReader::Optional).value_or(QString());
    u.disabled = r.boolean(k::Disabled, JsonReader::Optional).value_or(false);
    u.createdAt = fromIsoUtc(r.string(k::CreatedAt, JsonReader::Optional).value_or(QString()));
    if (const auto roles = r.array(k::Roles)) {
        const auto names = stringList(*roles, QString(k::Roles));
        const auto parsed = names ? rolesFromNames(*names) : std::nullopt;
        if (parsed)
            u.roles = *parsed;
        else
            r.addError(QString(k::Roles), QStringLiteral("unknown role"));
    }
    if (const auto ids = r.array(k::WarehouseIds, JsonReader::Optional)) {
        for (const QJsonValue &v : *ids)
            u.warehouseIds << qint64(v.toDouble());
    }
    if (!r.ok())
        return DomainError::validation(r.errors(), QStringLiteral("Malformed user"));
    return u;
}

Result<Session> sessionFromJson(const QJsonObject &object)
{
    JsonReader r(object);
    const auto token = r.string(k::Token);
    const auto expires = r.string(k::ExpiresAt);
    const auto user = r.object(k::User);
    if (!r.ok())
        return DomainError::validation(r.errors(), QStringLiteral("Malformed session"));
    auto u = userFromJson(*user);
    if (!u)
        return u.error();
    return Session{token->toUtf8(), fromIsoUtc(*expires), std::move(*u)};
}

QJsonObject toJson(const AttributeSpec &spec)
{
    QJsonObject o{{k::Name, spec.name},
                  {k::Label, spec.label},
                  {k::Type, attributeTypeName(spec.type)},
                  {k::Required, spec.required},
                  {k::Facet, spec.facet}};
    switch (spec.type) {
    case AttributeSpec::Type::Enum:
        o.insert(k::Values, QJsonArray::fromStringList(spec.values));
        break;
    case AttributeSpec::Type::Number:
        if (!spec.unit.isEmpty())
            o.insert(k::Unit, spec.unit);
        if (spec.min)
            o.insert(k::Min, *spec.min);
        if (spec.max)
            o.insert(k::Max, *spec.max);
        o.insert(k::Integer, spec.integer);
        break;
    case AttributeSpec::Type::Text:
        o.insert(k::MaxLength, spec.maxLength);
        break;
    case AttributeSpec::Type::Bool:
        break;
    }
    return o;
}

QJsonObject toJson(const Category &category)
{
    QJsonArray attrs;
    for (const AttributeSpec &a : category.attributes)
        attrs.append(toJson(a));
    return {{k::Id, category.id},
            {k::ParentId, category.parentId ? QJsonValue(*category.parentId) : QJsonValue()},
            {k::Name, category.name},
            {k::Slug, category.slug},
            {k::Attributes, attrs}};
}

static std::optional<AttributeSpec> attributeFromJson(const QJsonObject &o, JsonReader &outer,
                                                      const QString &path)
{
    JsonReader r(o, path);
    AttributeSpec a;
    a.name = r.string(k::Name).value_or(QString());
    a.label = r.string(k::Label, JsonReader::Optional).value_or(a.name);
    const auto typeName = r.string(k::Type).value_or(QString());
    const auto type = attributeTypeFromName(typeName);
    if (!type)
        r.addError(r.path(k::Type), QStringLiteral("unknown attribute type"));
    a.type = type.value_or(AttributeSpec::Type::Text);
    a.required = r.boolean(k::Required, JsonReader::Optional).value_or(false);
    a.facet = r.boolean(k::Facet, JsonReader::Optional).value_or(false);
    a.unit = r.string(k::Unit, JsonReader::Optional).value_or(QString());
    a.integer = r.boolean(k::Integer, JsonReader::Optional).value_or(false);
    a.maxLength = int(r.integer(k::MaxLength, JsonReader::Optional, 1, 100000).value_or(200));
    if (o.contains(k::Min))
        a.min = o.value(k::Min).toDouble();
    if (o.contains(k::Max))
        a.max = o.value(k::Max).toDouble();
    if (const auto values = r.array(k::Values, JsonReader::Optional)) {
        auto list = stringList(*values, r.path(k::Values));
        if (list)
            a.values = *list;
        else
            r.addError(r.path(k::Values), QStringLiteral("must be a list of strings"));
    }
    for (const FieldError &e : r.errors())
        outer.addError(e.field, e.message);
    return r.ok() ? std::optional(a) : std::nullopt;
}

Result<Category> categoryFromJson(const QJsonObject &object)
{
    JsonReader r(object);
    Category c;
    c.id = r.integer(k::Id).value_or(0);
    c.parentId = r.integer(k::ParentId, JsonReader::Optional);
    c.name = r.string(k::Name).value_or(QString());
    c.slug = r.string(k::Slug, JsonReader::Optional).value_or(QString());
    if (const auto attrs = r.array(k::Attributes)) {
        for (qsizetype i = 0; i < attrs->size(); ++i) {
            const QString path = QStringLiteral("attributes[%1]").arg(i);
            if (!attrs->at(i).isObject()) {
                r.addError(path, QStringLiteral("must be an object"));
                continue;
            }
            if (auto a = attributeFromJson(attrs->at(i).toObject(), r, path))
                c.attributes << *a;
        }
    }
    if (!r.ok())
        return DomainError::validation(r.errors(), QStringLiteral("Malformed category"));
    return c;
}

Result<QList<Category>> categoriesFromJson(const QJsonArray &array)
{
    QList<Category> out;
    for (const QJsonValue &v : array) {
        auto c = categoryFromJson(v.toObject());
        if (!c)
            return c.error();
        out << std::move(*c);
    }
    return out;
}

QJsonObject toJson(const Item &item)
{
    return {{k::Id, item.id},
            {k::Sku, item.sku},
            {k::Title, item.title},
            {k::Description, item.description},
            {k::Brand, item.brand},
            {k::CategoryId, item.categoryId},
            {k::Price, toJson(item.price)},
            {k::Attributes, item.attributes},
            {k::SupplierId, item.supplierId},
            {k::Status, itemStatusName(item.status)},
            {k::Version, item.version},
            {k::CreatedAt, toIsoUtc(item.createdAt)},
            {k::UpdatedAt, toIsoUtc(item.updatedAt)}};
}

Result<Item> itemFromJson(const QJsonObject &object)
{
    JsonReader r(object);
    Item i;
    i.id = r.integer(k::Id).value_or(0);
    i.sku = r.string(k::Sku).value_or(QString());
    i.title = r.string(k::Title).value_or(QString());
    i.description = r.string(k::Description, JsonReader::Optional).value_or(QString());
    i.brand = r.string(k::Brand, JsonReader::Optional).value_or(QString());
    i.categoryId = r.integer(k::CategoryId).value_or(0);
    i.supplierId = r.integer(k::SupplierId, JsonReader::Optional).value_or(0);
    i.price = readMoney(r, k::Price).value_or(Money{});
    i.attributes = r.object(k::Attributes, JsonReader::Optional).value_or(QJsonObject());
    i.version = r.integer(k::Version, JsonReader::Optional).value_or(1);
    i.status = itemStatusFromName(r.string(k::Status, JsonReader::Optional).value_or(QString()))
                   .value_or(Item::Status::Active);
    i.createdAt = fromIsoUtc(r.string(k::CreatedAt, JsonReader::Optional).value_or(QString()));
    i.updatedAt = fromIsoUtc(r.string(k::UpdatedAt, JsonReader::Optional).value_or(QString()));
    if (!r.ok())
        return DomainError::validation(r.errors(), QStringLiteral("Malformed item"));
    return i;
}

Result<ItemInput> itemInputFromJson(const QJsonObject &object, bool forCreate)
{
    JsonReader r(object);
    const auto need = forCreate ? JsonReader::Required : JsonReader::Optional;
    ItemInput in;
    in.sku = r.string(k::Sku, need);
    in.title = r.string(k::Title, need);
    in.description = r.string(k::Description, need);
    in.brand = r.string(k::Brand, need);
    in.categoryId = r.integer(k::CategoryId, need, 1);
    in.price = readMoney(r, k::Price, need);
    in.attributes = r.object(k::Attributes, need);
    in.supplierId = r.integer(k::SupplierId, JsonReader::Optional, 1);
    if (const auto status = r.string(k::Status, JsonReader::Optional)) {
        in.status = itemStatusFromName(*status);
        if (!in.status)
            r.addError(QString(k::Status), QStringLiteral("must be active or inactive"));
    }
    // id, version and timestamps are the server's; accepting them silently would mislead.
    r.rejectUnknown({k::Sku, k::Title, k::Description, k::Brand, k::CategoryId, k::Price,
                     k::Attributes, k::SupplierId, k::Status});
    if (!r.ok())
        return DomainError::validation(r.errors());
    return in;
}

QJsonObject toJson(const ItemInput &in)
{
    QJsonObject o;
    if (in.sku)
        o.insert(k::Sku, *in.sku);
    if (in.title)
        o.insert(k::Title, *in.title);
    if (in.description)
        o.insert(k::Description, *in.description);
    if (in.brand)
        o.insert(k::Brand, *in.brand);
    if (in.categoryId)
        o.insert(k::CategoryId, *in.categoryId);
    if (in.price)
        o.insert(k::Price, toJson(*in.price));
    if (in.attributes)
        o.insert(k::Attributes, *in.attributes);
    if (in.status)
        o.insert(k::Status, itemStatusName(*in.status));
    if (in.supplierId)
        o.insert(k::SupplierId, *in.supplierId);
    return o;
}

Result<Page<Item>> itemPageFromJson(const QJsonObject &object)
{
    return pageFromJson<Item>(object, itemFromJson);
}

Result<Page<User>> userPageFromJson(const QJsonObject &object)
{
    return pageFromJson<User>(object, userFromJson);
}

QJsonObject toJson(const Submission &s)
{
    QJsonObject o{{k::Id, s.id},
                  {k::SupplierId, s.supplierId},
                  {k::Status, submissionStatusName(s.status)},
                  {k::Format, s.format == Submission::Format::Csv ? QStringLiteral("csv")
                                                                  : QStringLiteral("json")},
                  {k::RowsTotal, s.rowsTotal},
                  {k::RowsAccepted, s.rowsAccepted},
                  {k::RowsProcessed, s.rowsProcessed},
                  {k::CreatedAt, toIsoUtc(s.createdAt)},
                  {k::UpdatedAt, toIsoUtc(s.updatedAt)}};
    QJsonArray errors;
    for (const Submission::RowError &e : s.errors)
        errors.append(QJsonObject{{k::Row, e.row}, {k::Field, e.field}, {k::Message, e.message}});
    o.insert(k::Errors, errors);
    o.insert(k::ErrorsTruncated, s.errorsTruncated);
    return o;
}

Result<Submission> submissionFromJson(const QJsonObject &object)
{
    JsonReader r(object);
    Submission s;
    s.id = r.integer(k::Id).value_or(0);
    s.supplierId = r.integer(k::SupplierId, JsonReader::Optional).value_or(0);
    const auto status = submissionStatusFromName(r.string(k::Status).value_or(QString()));
    if (!status)
        r.addError(QString(k::Status), QStringLiteral("unknown submission status"));
    s.status = status.value_or(Submission::Status::Pending);
    s.format
        = r.string(k::Format, JsonReader::Optional).value_or(QString()) == QLatin1String("json")
              ? Submission::Format::Json
              : Submission::Format::Csv;
    s.rowsTotal = int(r.integer(k::RowsTotal, JsonReader::Optional).value_or(0));
    s.rowsAccepted = int(r.integer(k::RowsAccepted, JsonReader::Optional).value_or(0));
    s.rowsProcessed = int(r.integer(k::RowsProcessed, JsonReader::Optional).value_or(0));
    s.errorsTruncated = r.boolean(k::ErrorsTruncated, JsonReader::Optional).value_or(false);
    s.createdAt = fromIsoUtc(r.string(k::CreatedAt, JsonReader::Optional).value_or(QString()));
    s.updatedAt = fromIsoUtc(r.string(k::UpdatedAt, JsonReader::Optional).value_or(QString()));
    if (const auto errors = r.array(k::Errors, JsonReader::Optional)) {
        for (const QJsonValue &v : *errors) {
            const QJsonObject e = v.toObject();
            s.errors.append({int(e.value(k::Row).toInteger()), e.value(k::Field).toString(),
                             e.value(k::Message).toString()});
        }
    }
    if (!r.ok())
        return DomainError::validation(r.errors(), QStringLiteral("Malformed submission"));
    return s;
}

Result<Page<Submission>> submissionPageFromJson(const QJsonObject &object)
{
    return pageFromJson<Submission>(object, submissionFromJson);
}

DomainError::Kind errorKindForStatus(int httpStatus)
{
    using K = DomainError::Kind;
    switch (httpStatus) {
    case 400:
        return K::BadRequest;
    case 401:
        return K::Unauthorized;
    case 403:
        return K::Forbidden;
    case 404:
        return K::NotFound;
    case 409:
        return K::Conflict;
    case 413:
        return K::PayloadTooLarge;
    case 422:
        return K::Validation;
    case 429:
        return K::RateLimited;
    case 503:
        return K::Unavailable;
    default:
        return httpStatus >= 400 && httpStatus < 500 ? K::BadRequest : K::Internal;
    }
}

DomainError problemFromJson(int httpStatus, const QByteArray &body)
{
    const QJsonObject o = QJsonDocument::fromJson(body).object();
    QString message = o.value(k::ProblemDetail).toString();
    if (message.isEmpty())
        message = o.value(k::ProblemTitle).toString();
    if (message.isEmpty())
        message = QStringLiteral("HTTP status %1").arg(httpStatus);
    QList<FieldError> fields;
    const QJsonArray errors = o.value(k::ProblemErrors).toArray();
    for (const QJsonValue &v : errors) {
        const QJsonObject e = v.toObject();
        fields.append({e.value(k::Field).toString(), e.value(k::Message).toString()});
    }
    return {errorKindForStatus(httpStatus), message, fields};
}

} // namespace pincart
