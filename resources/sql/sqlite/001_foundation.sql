-- Foundation: settings, users, catalogue, pincode directory, the event outbox and consumer offsets.
-- Timestamps are milliseconds since the epoch (UTC); money is integer paise.

CREATE TABLE settings (
    name  TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TABLE users (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    email         TEXT NOT NULL COLLATE NOCASE UNIQUE,
    password_hash TEXT NOT NULL,
    name          TEXT NOT NULL,
    roles         INTEGER NOT NULL,
    pincode       TEXT,
    disabled      INTEGER NOT NULL DEFAULT 0,
    created_at    INTEGER NOT NULL
);

CREATE TABLE user_warehouses (
    user_id      INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    warehouse_id INTEGER NOT NULL,
    PRIMARY KEY (user_id, warehouse_id)
);

CREATE TABLE categories (
    id         INTEGER PRIMARY KEY,
    parent_id  INTEGER REFERENCES categories(id),
    name       TEXT NOT NULL,
    slug       TEXT NOT NULL UNIQUE,
    attributes TEXT NOT NULL
);

CREATE TABLE items (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    supplier_id  INTEGER NOT NULL REFERENCES users(id),
    sku          TEXT NOT NULL COLLATE NOCASE, -- as MariaDB does (utf8mb4_unicode_ci): one rule for SKU uniqueness
    title        TEXT NOT NULL,
    description  TEXT NOT NULL,
    brand        TEXT NOT NULL,
    category_id  INTEGER NOT NULL REFERENCES categories(id),
    price_amount INTEGER NOT NULL CHECK (price_amount > 0),
    currency     TEXT NOT NULL,
    attributes   TEXT NOT NULL,
    status       TEXT NOT NULL,
    version      INTEGER NOT NULL,
    created_at   INTEGER NOT NULL,
    updated_at   INTEGER NOT NULL,
    UNIQUE (supplier_id, sku)
);
CREATE INDEX items_category ON items (category_id, id);

CREATE TABLE pincodes (
    pincode   TEXT PRIMARY KEY,
    office    TEXT NOT NULL,
    district  TEXT NOT NULL,
    state     TEXT NOT NULL,
    latitude  REAL,
    longitude REAL
);

CREATE TABLE events (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    topic      TEXT NOT NULL,
    event_key  TEXT NOT NULL,
    payload    TEXT NOT NULL,
    created_at INTEGER NOT NULL
);

CREATE TABLE consumer_offsets (
    consumer   TEXT PRIMARY KEY,
    last_id    INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
);
