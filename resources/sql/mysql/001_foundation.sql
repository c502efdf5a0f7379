-- Foundation: settings, users, catalogue, pincode directory, the event outbox and consumer offsets.
-- Timestamps are milliseconds since the epoch (UTC); money is integer paise.

CREATE TABLE settings (
    name  VARCHAR(64) PRIMARY KEY,
    value TEXT NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE users (
    id            BIGINT AUTO_INCREMENT PRIMARY KEY,
    email         VARCHAR(254) NOT NULL,
    password_hash VARCHAR(255) NOT NULL,
    name          VARCHAR(100) NOT NULL,
    roles         INT NOT NULL,
    pincode       CHAR(6),
    disabled      TINYINT NOT NULL DEFAULT 0,
    created_at    BIGINT NOT NULL,
    UNIQUE KEY users_email (email)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE user_warehouses (
    user_id      BIGINT NOT NULL,
    warehouse_id BIGINT NOT NULL,
    PRIMARY KEY (user_id, warehouse_id),
    CONSTRAINT user_warehouses_user FOREIGN KEY (user_id) REFERENCES users(id) ON DELETE CASCADE
) ENGINE=InnoDB;

CREATE TABLE categories (
    id         BIGINT PRIMARY KEY,
    parent_id  BIGINT,
    name       VARCHAR(100) NOT NULL,
    slug       VARCHAR(100) NOT NULL,
    attributes JSON NOT NULL,
    UNIQUE KEY categories_slug (slug),
    CONSTRAINT categories_parent FOREIGN KEY (parent_id) REFERENCES categories(id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE items (
    id           BIGINT AUTO_INCREMENT PRIMARY KEY,
    supplier_id  BIGINT NOT NULL,
    sku          VARCHAR(64) NOT NULL,
    title        VARCHAR(200) NOT NULL,
    description  TEXT NOT NULL,
    brand        VARCHAR(80) NOT NULL,
    category_id  BIGINT NOT NULL,
    price_amount BIGINT NOT NULL,
    currency     CHAR(3) NOT NULL,
    attributes   JSON NOT NULL,
    status       VARCHAR(16) NOT NULL,
    version      BIGINT NOT NULL,
    created_at   BIGINT NOT NULL,
    updated_at   BIGINT NOT NULL,
    UNIQUE KEY items_supplier_sku (supplier_id, sku),
    KEY items_category (category_id, id),
    CONSTRAINT items_price CHECK (price_amount > 0),
    CONSTRAINT items_supplier FOREIGN KEY (supplier_id) REFERENCES users(id),
    CONSTRAINT items_category_fk FOREIGN KEY (category_id) REFERENCES categories(id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE pincodes (
    pincode   CHAR(6) PRIMARY KEY,
    office    VARCHAR(120) NOT NULL,
    district  VARCHAR(80) NOT NULL,
    state     VARCHAR(80) NOT NULL,
    latitude  DOUBLE,
    longitude DOUBLE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE events (
    id         BIGINT AUTO_INCREMENT PRIMARY KEY,
    topic      VARCHAR(64) NOT NULL,
    event_key  VARCHAR(128) NOT NULL,
    payload    JSON NOT NULL,
    created_at BIGINT NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE consumer_offsets (
    consumer   VARCHAR(64) PRIMARY KEY,
    last_id    BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
) ENGINE=InnoDB;
