#pragma once

#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace pincart {

// A supplier's hand-over of one item (JSON) or many (CSV), processed by the onboarding consumer.
struct Submission
{
    enum class Status { Pending, Accepted, Partial, Rejected };
    enum class Format { Json, Csv };

    struct RowError
    {
        int row = 0; // 1-based item row; 0 for the file or its header
        QString field;
        QString message;
        bool operator==(const RowError &) const = default;
    };

    qint64 id = 0;
    qint64 supplierId = 0;
    Status status = Status::Pending;
    Format format = Format::Csv;
    int rowsTotal = 0;
    int rowsAccepted = 0;
    int rowsProcessed = 0;
    QList<RowError> errors; // detail view only
    bool errorsTruncated = false;
    QDateTime createdAt;
    QDateTime updatedAt;
};

QString submissionStatusName(Submission::Status status);
std::optional<Submission::Status> submissionStatusFromName(QStringView name);

} // namespace pincart
