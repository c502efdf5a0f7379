-- Supplier onboarding: raw submissions (one JSON item or a CSV file), their progress and per-row errors.
-- rows_processed is advanced in the same transaction as the items of each chunk, so processing resumes
-- exactly where a crash stopped it.

CREATE TABLE submissions (
    id             BIGINT AUTO_INCREMENT PRIMARY KEY,
    supplier_id    BIGINT NOT NULL,
    format         VARCHAR(8) NOT NULL,
    body           LONGBLOB NOT NULL,
    status         VARCHAR(16) NOT NULL,
    rows_total     INT NOT NULL DEFAULT 0,
    rows_accepted  INT NOT NULL DEFAULT 0,
    rows_processed INT NOT NULL DEFAULT 0,
    created_at     BIGINT NOT NULL,
    updated_at     BIGINT NOT NULL,
    KEY submissions_supplier (supplier_id, id),
    CONSTRAINT submissions_supplier_fk FOREIGN KEY (supplier_id) REFERENCES users(id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE submission_errors (
    id            BIGINT AUTO_INCREMENT PRIMARY KEY,
    submission_id BIGINT NOT NULL,
    row_no    INT NOT NULL,
    field         VARCHAR(128) NOT NULL,
    message       VARCHAR(1000) NOT NULL,
    KEY submission_errors_submission (submission_id, row_no),
    CONSTRAINT submission_errors_fk FOREIGN KEY (submission_id) REFERENCES submissions(id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
