-- Supplier onboarding: raw submissions (one JSON item or a CSV file), their progress and per-row errors.
-- rows_processed is advanced in the same transaction as the items of each chunk, so processing resumes
-- exactly where a crash stopped it.

CREATE TABLE submissions (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    supplier_id    INTEGER NOT NULL REFERENCES users(id),
    format         TEXT NOT NULL,
    body           BLOB NOT NULL,
    status         TEXT NOT NULL,
    rows_total     INTEGER NOT NULL DEFAULT 0,
    rows_accepted  INTEGER NOT NULL DEFAULT 0,
    rows_processed INTEGER NOT NULL DEFAULT 0,
    created_at     INTEGER NOT NULL,
    updated_at     INTEGER NOT NULL
);
CREATE INDEX submissions_supplier ON submissions (supplier_id, id);

CREATE TABLE submission_errors (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    submission_id INTEGER NOT NULL REFERENCES submissions(id),
    row_no    INTEGER NOT NULL,
    field         TEXT NOT NULL,
    message       TEXT NOT NULL
);
CREATE INDEX submission_errors_submission ON submission_errors (submission_id, row_no);
