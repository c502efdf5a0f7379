#pragma once

#include "catalogstate.h"
#include "event.h"
#include "page.h"
#include "principal.h"
#include "result.h"
#include "submission.h"
#include "submissioncsv.h"

#include <functional>

namespace pincart::server {

class Connection;

// The design's Inbound service: suppliers hand over items (one as JSON, many as CSV); each
// submission is stored raw with a `submission.received` event in one transaction and answered at
// once; process() (run by the onboarding consumer) turns its valid rows into items.
class OnboardingService
{
public:
    static constexpr int MaxRows = submissioncsv::SubmissionMaxRows;
    static constexpr int ChunkRows = 500;
    static constexpr int MaxErrorsShown = 10'000;

    OnboardingService(Connection &db, CatalogState &state, OnCommitted onCommitted = {});

    Result<Submission> submit(const Principal &who, const QByteArray &contentType, const QByteArray &body);
    Result<Submission> submission(const Principal &who, qint64 id);
    Result<Page<Submission>> submissions(const Principal &who, const QString &after, int limit);

    // Processes a pending submission from where it stopped (rows_processed), in chunks, each chunk's
    // items, events, errors and progress in one transaction: a crash loses or repeats nothing.
    // Idempotent: a finished submission is left alone.
    Status process(qint64 submissionId);

private:
    Connection &m_db;
    CatalogState &m_state;
    OnCommitted m_onCommitted;
};

} // namespace pincart::server
