#include "submissionrepository.h"

#include "statement.h"

namespace pincart::server {

namespace {

const QString Columns = QStringLiteral(
    "id, supplier_id, format, status, rows_total, rows_accepted, rows_processed, created_at, updated_at");

Submission submissionFrom(const Statement &q)
{
    Submission s;
    s.id = q.value(0).toLongLong();
    s.supplierId = q.value(1).toLongLong();
    s.format = q.value(2).toString() == QLatin1String("json") ? Submission::Format::Json : Submission::Format::Csv;
    s.status = submissionStatusFromName(q.value(3).toString()).value_or(Submission::Status::Pending);
    s.rowsTotal = q.value(4).toInt();
    s.rowsAccepted = q.value(5).toInt();
    s.rowsProcessed = q.value(6).toInt();
    s.createdAt = QDateTime::fromMSecsSinceEpoch(q.value(7).toLongLong(), Qt::UTC);
    s.updatedAt = QDateTime::fromMSecsSinceEpoch(q.value(8).toLongLong(), Qt::UTC);
    return s;
}

} // namespace

Result<Submission> SubmissionRepository::create(qint64 supplierId, Submission::Format format, const QByteArray &body)
{
    const qint64 now = Connection::nowMs();
    Statement q(m_db, QStringLiteral("INSERT INTO submissions (supplier_id, format, body, status, created_at, "
                                     "updated_at) VALUES (:supplier, :format, :body, 'pending', :now, :now)"));
    q.bind(QStringLiteral(":supplier"), supplierId)
        .bind(QStringLiteral(":format"), format == Submission::Format::Json ? QStringLiteral("json") : QStringLiteral("csv"))
        .bind(QStringLiteral(":body"), body)
        .bind(QStringLiteral(":now"), now);
    if (Status s = q.exec("create submission"); !s)
        return s.error();
    Submission s;
    s.id = q.lastInsertId();
    s.supplierId = supplierId;
    s.format = format;
    s.createdAt = s.updatedAt = QDateTime::fromMSecsSinceEpoch(now, Qt::UTC);
    return s;
}

Result<std::optional<Submission>> SubmissionRepository::find(qint64 id)
{
    Statement q(m_db, QStringLiteral("SELECT ") + Columns + QStringLiteral(" FROM submissions WHERE id = :id"));
    q.bind(QStringLiteral(":id"), id);
    if (Status s = q.exec("find submission"); !s)
        return s.error();
    if (!q.next())
        return std::optional<Submission>();
    return std::optional<Submission>(submissionFrom(q));
}

Result<QByteArray> SubmissionRepository::body(qint64 id)
{
    Statement q(m_db, QStringLiteral("SELECT body FROM submissions WHERE id = :id"));
    q.bind(QStringLiteral(":id"), id);
    if (Status s = q.exec("submission body"); !s)
        return s.error();
    if (!q.next())
        return DomainError::notFound(QStringLiteral("No submission %1").arg(id));
    return q.value(0).toByteArray();
}

Result<QList<Submission::RowError>> SubmissionRepository::errors(qint64 id, int maxErrors, bool *truncated)
{
    Statement q(m_db, QStringLiteral("SELECT row_no, field, message FROM submission_errors WHERE submission_id = "
                                     ":id ORDER BY row_no, id LIMIT :limit"));
    q.bind(QStringLiteral(":id"), id).bind(QStringLiteral(":limit"), maxErrors + 1);
    if (Status s = q.exec("submission errors"); !s)
        return s.error();
    QList<Submission::RowError> out;
    while (q.next())
        out.append({q.value(0).toInt(), q.value(1).toString(), q.value(2).toString()});
    *truncated = out.size() > maxErrors;
    if (*truncated)
        out.resize(maxErrors);
    return out;
}

Result<QList<Submission>> SubmissionRepository::list(std::optional<qint64> supplierId, qint64 afterId, int limit)
{
    Statement q(m_db, QStringLiteral("SELECT ") + Columns
                          + (supplierId ? QStringLiteral(" FROM submissions WHERE supplier_id = :supplier AND id < :after "
                                                         "ORDER BY id DESC LIMIT :limit")
                                        : QStringLiteral(" FROM submissions WHERE id < :after ORDER BY id DESC LIMIT :limit")));
    if (supplierId)
        q.bind(QStringLiteral(":supplier"), *supplierId);
    // Newest first: the cursor is the last id shown, and the next page holds smaller ids.
    q.bind(QStringLiteral(":after"), afterId > 0 ? afterId : std::numeric_limits<qint64>::max())
        .bind(QStringLiteral(":limit"), limit);
    if (Status s = q.exec("list submissions"); !s)
        return s.error();
    QList<Submission> out;
    while (q.next())
        out << submissionFrom(q);
    return out;
}

Result<bool> SubmissionRepository::advance(qint64 id, int expectedProcessed, int processed, int accepted, int total)
{
    Statement q(m_db, QStringLiteral("UPDATE submissions SET rows_processed = :processed, rows_accepted = :accepted, "
                                     "rows_total = :total, updated_at = :now WHERE id = :id AND rows_processed = :expected "
                                     "AND status = 'pending'"));
    q.bind(QStringLiteral(":processed"), processed)
        .bind(QStringLiteral(":accepted"), accepted)
        .bind(QStringLiteral(":total"), total)
        .bind(QStringLiteral(":now"), Connection::nowMs())
        .bind(QStringLiteral(":id"), id)
        .bind(QStringLiteral(":expected"), expectedProcessed);
    if (Status s = q.exec("advance submission"); !s)
        return s.error();
    return q.numRowsAffected() == 1;
}

Status SubmissionRepository::finish(qint64 id, Submission::Status status)
{
    Statement q(m_db, QStringLiteral("UPDATE submissions SET status = :status, updated_at = :now WHERE id = :id"));
    q.bind(QStringLiteral(":status"), submissionStatusName(status))
        .bind(QStringLiteral(":now"), Connection::nowMs())
        .bind(QStringLiteral(":id"), id);
    return q.exec("finish submission");
}

Status SubmissionRepository::addErrors(qint64 id, const QList<Submission::RowError> &errors)
{
    for (const Submission::RowError &e : errors) {
        Statement q(m_db, QStringLiteral("INSERT INTO submission_errors (submission_id, row_no, field, message) "
                                         "VALUES (:id, :row, :field, :message)"));
        q.bind(QStringLiteral(":id"), id)
            .bind(QStringLiteral(":row"), e.row)
            .bind(QStringLiteral(":field"), nonNull(e.field.left(128)))
            .bind(QStringLiteral(":message"), nonNull(e.message.left(1000)));
        if (Status s = q.exec("submission error"); !s)
            return s;
    }
    return {};
}

} // namespace pincart::server
