#pragma once

#include "connection.h"
#include "submission.h"

#include <optional>

namespace pincart::server {

// The submissions and submission_errors tables: raw supplier hand-overs and their processing state.
class SubmissionRepository
{
public:
    explicit SubmissionRepository(Connection &connection)
        : m_db(connection)
    {}

    Result<Submission> create(qint64 supplierId, Submission::Format format, const QByteArray &body);
    // Without errors or body; nullopt when there is no such submission.
    Result<std::optional<Submission>> find(qint64 id);
    Result<QByteArray> body(qint64 id);
    // At most `maxErrors`, in row order; `truncated` tells whether there were more.
    Result<QList<Submission::RowError>> errors(qint64 id, int maxErrors, bool *truncated);
    Result<QList<Submission>> list(std::optional<qint64> supplierId, qint64 afterId, int limit);

    // Moves progress from `expectedProcessed` on; false when another worker moved it first (the
    // caller rolls back its chunk: optimistic, so two nodes never both apply one chunk).
    Result<bool> advance(qint64 id, int expectedProcessed, int processed, int accepted, int total);
    Status finish(qint64 id, Submission::Status status);
    Status addErrors(qint64 id, const QList<Submission::RowError> &errors);

private:
    Connection &m_db;
};

} // namespace pincart::server
