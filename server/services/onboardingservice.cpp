#include "onboardingservice.h"

#include "codecs.h"
#include "connection.h"
#include "cursor.h"
#include "eventlog.h"
#include "itemrepository.h"
#include "jsonkeys.h"
#include "submissioncsv.h"
#include "submissionrepository.h"
#include "validation.h"

#include <QJsonDocument>
#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcOnboarding, "pincart.onboarding")

namespace pincart::server {

namespace {

// One JSON item, as the single row of its submission.
SubmissionParse parseJsonSubmission(const QByteArray &body, const CategoryLookup &categoryById)
{
    SubmissionParse parse;
    SubmissionRow row;
    row.row = 1;
    row.line = 1;
    const auto object = parseJsonObject(body);
    if (!object) {
        parse.fileErrors.append({QString(), object.error().message()});
        return parse;
    }
    auto input = itemInputFromJson(*object, true);
    if (!input) {
        row.errors = input.error().fields();
    } else {
        row.input = *input;
        Item item;
        input->applyTo(item);
        const Category *category = categoryById(item.categoryId);
        if (!category)
            row.errors.append({QString(keys::CategoryId), QStringLiteral("no such category")});
        else
            row.errors = validation::checkItem(item, *category);
    }
    parse.rows.append(row);
    return parse;
}

} // namespace

OnboardingService::OnboardingService(Connection &db, CatalogState &state, OnCommitted onCommitted)
    : m_db(db)
    , m_state(state)
    , m_onCommitted(std::move(onCommitted))
{}

Result<Submission> OnboardingService::submit(const Principal &who, const QByteArray &contentType, const QByteArray &body)
{
    if (!who.has(Role::Supplier))
        return DomainError::forbidden(QStringLiteral("Only suppliers submit items"));
    Submission::Format format;
    if (contentType.startsWith("text/csv"))
        format = Submission::Format::Csv;
    else if (contentType.isEmpty() || contentType.startsWith("application/json"))
        format = Submission::Format::Json;
    else
        return DomainError::badRequest(QStringLiteral("Send one item as application/json or many as text/csv"));
    if (body.trimmed().isEmpty())
        return DomainError::validation(QString(), QStringLiteral("The submission is empty"));
    if (format == Submission::Format::Json) {
        // Malformed JSON is refused at once; its rules are checked with the rest, by the consumer.
        if (const auto parsed = parseJsonObject(body); !parsed)
            return parsed.error();
    }

    Transaction tx(m_db);
    if (!tx.started())
        return tx.started().error();
    auto created = SubmissionRepository(m_db).create(who.userId, format, body);
    if (!created)
        return created.error();
    if (Status s = EventLog(m_db).append(topics::SubmissionReceived, QString::number(created->id),
                                         {{keys::Id, created->id}, {keys::SupplierId, who.userId}});
        !s)
        return s.error();
    if (Status s = tx.commit(); !s)
        return s.error();
    if (m_onCommitted)
        m_onCommitted({topics::SubmissionReceived});
    return created;
}

Result<Submission> OnboardingService::submission(const Principal &who, qint64 id)
{
    SubmissionRepository repo(m_db);
    auto found = repo.find(id);
    if (!found)
        return found.error();
    // Another supplier's submission is "not found": its existence is not theirs to learn.
    if (!*found || (!who.isAdmin() && (*found)->supplierId != who.userId))
        return DomainError::notFound(QStringLiteral("No submission %1").arg(id));
    Submission s = **found;
    bool truncated = false;
    auto errors = repo.errors(id, MaxErrorsShown, &truncated);
    if (!errors)
        return errors.error();
    s.errors = *errors;
    s.errorsTruncated = truncated;
    return s;
}

Result<Page<Submission>> OnboardingService::submissions(const Principal &who, const QString &after, int limit)
{
    std::optional<qint64> afterId = 0;
    if (!after.isEmpty())
        afterId = decodeIdCursor(after);
    if (!afterId)
        return DomainError::validation(QStringLiteral("after"), QStringLiteral("is not a cursor this server issued"));
    auto rows = SubmissionRepository(m_db).list(who.isAdmin() ? std::nullopt : std::optional(who.userId), *afterId, limit + 1);
    if (!rows)
        return rows.error();
    Page<Submission> page;
    page.items = std::move(*rows);
    if (page.items.size() > limit) {
        page.items.resize(limit);
        page.next = encodeIdCursor(page.items.last().id);
    }
    return page;
}

Status OnboardingService::process(qint64 submissionId)
{
    SubmissionRepository submissions(m_db);
    const auto found = submissions.find(submissionId);
    if (!found)
        return found.error();
    if (!*found || (*found)->status != Submission::Status::Pending)
        return {}; // gone or finished: a redelivered event
    Submission sub = **found;
    const auto body = submissions.body(submissionId);
    if (!body)
        return body.error();

    const auto tree = m_state.categories();
    const CategoryLookup lookup = [&tree](qint64 id) -> const Category * {
        return tree->isLeaf(id) ? tree->find(id) : nullptr;
    };
    const SubmissionParse parse = sub.format == Submission::Format::Csv ? parseSubmissionCsv(*body, lookup, MaxRows)
                                                                          : parseJsonSubmission(*body, lookup);
    const int total = int(parse.rows.size());

    if (!parse.headerErrors.isEmpty() || (!parse.fileErrors.isEmpty() && parse.rows.isEmpty())) {
        Transaction tx(m_db);
        if (!tx.started())
            return tx.started();
        QList<Submission::RowError> errors;
        for (const FieldError &e : parse.headerErrors + parse.fileErrors)
            errors.append({0, e.field, e.message});
        if (Status s = submissions.addErrors(submissionId, errors); !s)
            return s;
        if (const auto moved = submissions.advance(submissionId, sub.rowsProcessed, sub.rowsProcessed, 0, total); !moved)
            return moved.error();
        if (Status s = submissions.finish(submissionId, Submission::Status::Rejected); !s)
            return s;
        return tx.commit();
    }

    ItemRepository items(m_db);
    EventLog log(m_db);
    auto known = items.skusOf(sub.supplierId);
    if (!known)
        return known.error();
    int processed = sub.rowsProcessed;
    int accepted = sub.rowsAccepted;
    while (processed < total) {
        const int end = qMin(total, processed + ChunkRows);
        Transaction tx(m_db);
        if (!tx.started())
            return tx.started();
        QList<Submission::RowError> errors;
        QList<qint64> changed;
        int acceptedInChunk = 0;
        QHash<QString, ItemRepository::Key> added;
        for (int i = processed; i < end; ++i) {
            const SubmissionRow &row = parse.rows.at(i);
            for (const FieldError &e : row.errors)
                errors.append({row.row, e.field, e.message});
            if (!row.errors.isEmpty())
                continue;
            Item item;
            row.input.applyTo(item);
            item.supplierId = sub.supplierId;
            const QString key = item.sku.toLower();
            const ItemRepository::Key *existing = nullptr;
            if (const auto a = added.constFind(key); a != added.constEnd())
                existing = &*a;
            else if (const auto k = known->constFind(key); k != known->constEnd())
                existing = &*k;
            Result<Item> stored = item;
            if (existing) {
                item.id = existing->id;
                item.version = existing->version;
                item.createdAt = existing->createdAt;
                stored = items.overwrite(item);
            } else {
                stored = items.insert(item);
            }
            if (!stored) {
                if (stored.error().kind() == DomainError::Kind::Unavailable || stored.error().kind() == DomainError::Kind::Internal)
                    return stored.error(); // retried from this chunk's start
                errors.append({row.row, QStringLiteral("sku"), stored.error().message()});
                continue;
            }
            if (Status s = log.append(topics::ItemUpserted, QString::number(stored->id), toJson(*stored)); !s)
                return s;
            added.insert(key, {stored->id, stored->version, stored->createdAt});
            changed << stored->id;
            ++acceptedInChunk;
        }
        if (Status s = submissions.addErrors(submissionId, errors); !s)
            return s;
        const bool last = end == total;
        if (last && !parse.fileErrors.isEmpty()) {
            QList<Submission::RowError> fileErrors;
            for (const FieldError &e : parse.fileErrors)
                fileErrors.append({0, e.field, e.message});
            if (Status s = submissions.addErrors(submissionId, fileErrors); !s)
                return s;
        }
        const auto moved = submissions.advance(submissionId, processed, end, accepted + acceptedInChunk, total);
        if (!moved)
            return moved.error();
        if (!*moved)
            return {}; // another node processes this submission: leave it to it
        if (last) {
            const int acceptedAll = accepted + acceptedInChunk;
            const auto status = acceptedAll == total && parse.fileErrors.isEmpty() ? Submission::Status::Accepted
                                : acceptedAll == 0                                   ? Submission::Status::Rejected
                                                                                     : Submission::Status::Partial;
            if (Status s = submissions.finish(submissionId, status); !s)
                return s;
        }
        if (Status s = tx.commit(); !s)
            return s;
        for (auto it = added.constBegin(); it != added.constEnd(); ++it)
            known->insert(it.key(), it.value());
        for (qint64 id : std::as_const(changed))
            m_state.items().evict(id);
        processed = end;
        accepted += acceptedInChunk;
        if (m_onCommitted)
            m_onCommitted({topics::ItemUpserted});
    }
    if (total == 0) {
        Transaction tx(m_db);
        if (Status s = submissions.finish(submissionId, Submission::Status::Rejected); !s)
            return s;
        return tx.commit();
    }
    qCInfo(lcOnboarding) << "submission" << submissionId << "processed:" << accepted << "of" << total << "rows accepted";
    return {};
}

} // namespace pincart::server
