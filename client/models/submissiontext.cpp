#include "submissiontext.h"

#include <QCoreApplication>

namespace pincart {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("pincart::SubmissionText", text);
}

QString rows(int n)
{
    return n == 1 ? tr("1 row") : tr("%1 rows").arg(n);
}

} // namespace

QString submissionStatusText(Submission::Status status)
{
    switch (status) {
    case Submission::Status::Pending:
        return tr("Pending");
    case Submission::Status::Accepted:
        return tr("Accepted");
    case Submission::Status::Partial:
        return tr("Partly accepted");
    case Submission::Status::Rejected:
        return tr("Rejected");
    }
    return {};
}

QString submissionSummary(const Submission &s)
{
    const QString status = submissionStatusText(s.status);
    if (s.status == Submission::Status::Pending) {
        if (s.rowsTotal <= 0)
            return tr("%1: waiting for the server to process it").arg(status);
        return tr("%1: %2 of %3 processed").arg(status).arg(s.rowsProcessed).arg(rows(s.rowsTotal));
    }
    const int rejected = std::max(0, s.rowsTotal - s.rowsAccepted);
    QString text
        = tr("%1: %2 of %3 accepted").arg(status).arg(s.rowsAccepted).arg(rows(s.rowsTotal));
    if (rejected > 0)
        text += tr(", %1 rejected").arg(rejected);
    if (!s.errors.isEmpty())
        text += s.errors.size() == 1 ? tr("; 1 error") : tr("; %1 errors").arg(s.errors.size());
    if (s.errorsTruncated)
        text += tr(" (the server lists only the first ones)");
    return text;
}

} // namespace pincart
