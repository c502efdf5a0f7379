#pragma once

#include "submission.h"

#include <QString>

namespace pincart {

// A submission's status for people: "Pending", "Accepted", "Partly accepted", "Rejected".
QString submissionStatusText(Submission::Status status);

// One line on where a submission stands, for the status lines of the supplier workspace:
// "Pending: 40 of 100 rows processed" or "Partly accepted: 95 of 100 rows accepted, 5 rejected".
QString submissionSummary(const Submission &submission);

} // namespace pincart
