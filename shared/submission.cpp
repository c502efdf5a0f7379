#include "submission.h"

namespace pincart {

QString submissionStatusName(Submission::Status status)
{
    switch (status) {
    case Submission::Status::Pending:
        return QStringLiteral("pending");
    case Submission::Status::Accepted:
        return QStringLiteral("accepted");
    case Submission::Status::Partial:
        return QStringLiteral("partial");
    case Submission::Status::Rejected:
        return QStringLiteral("rejected");
    }
    return {};
}

std::optional<Submission::Status> submissionStatusFromName(QStringView name)
{
    for (auto s : {Submission::Status::Pending, Submission::Status::Accepted, Submission::Status::Partial,
                   Submission::Status::Rejected}) {
        if (name == submissionStatusName(s))
            return s;
    }
    return std::nullopt;
}

} // namespace pincart
