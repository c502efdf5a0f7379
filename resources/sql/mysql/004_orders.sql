-- Carts, wishlists and orders. An order's lines keep the title and price they were sold at; its stock
-- takes (order_stock) record exactly which stock rows gave how many units, so a cancel puts back
-- exactly what was taken. orders.status is 'placed' or 'cancelled'; packed/shipped/delivered follow
-- from its shipments.

CREATE TABLE cart_lines (
    user_id      BIGINT NOT NULL,
    item_id      BIGINT NOT NULL,
    quantity     INT NOT NULL CHECK (quantity > 0),
    added_amount BIGINT NOT NULL,
    added_at     BIGINT NOT NULL,
    updated_at   BIGINT NOT NULL,
    PRIMARY KEY (user_id, item_id),
    CONSTRAINT cart_lines_user FOREIGN KEY (user_id) REFERENCES users(id)
) ENGINE=InnoDB;

CREATE TABLE wishlist_items (
    user_id      BIGINT NOT NULL,
    item_id      BIGINT NOT NULL,
    added_amount BIGINT NOT NULL,
    added_at     BIGINT NOT NULL,
    PRIMARY KEY (user_id, item_id),
    CONSTRAINT wishlist_user FOREIGN KEY (user_id) REFERENCES users(id)
) ENGINE=InnoDB;

CREATE TABLE orders (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    user_id         BIGINT NOT NULL,
    status          VARCHAR(16) NOT NULL,
    pincode         CHAR(6) NOT NULL,
    address         VARCHAR(500) NOT NULL,
    payment_method  VARCHAR(16) NOT NULL,
    payment_status  VARCHAR(16) NOT NULL,
    total_amount    BIGINT NOT NULL,
    currency        CHAR(3) NOT NULL,
    idempotency_key VARCHAR(100),
    request_hash    CHAR(64) NOT NULL,
    created_at      BIGINT NOT NULL,
    updated_at      BIGINT NOT NULL,
    UNIQUE KEY orders_idempotency (user_id, idempotency_key),
    KEY orders_user (user_id, id),
    CONSTRAINT orders_user_fk FOREIGN KEY (user_id) REFERENCES users(id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE order_lines (
    order_id     BIGINT NOT NULL,
    line_no      INT NOT NULL,
    item_id      BIGINT NOT NULL,
    sku          VARCHAR(64) NOT NULL,
    title        VARCHAR(200) NOT NULL,
    quantity     INT NOT NULL CHECK (quantity > 0),
    price_amount BIGINT NOT NULL,
    PRIMARY KEY (order_id, line_no),
    CONSTRAINT order_lines_order FOREIGN KEY (order_id) REFERENCES orders(id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE order_stock (
    order_id    BIGINT NOT NULL,
    stock_id    BIGINT NOT NULL,
    shipment_id BIGINT NOT NULL,
    item_id     BIGINT NOT NULL,
    quantity    INT NOT NULL CHECK (quantity > 0),
    PRIMARY KEY (order_id, stock_id),
    CONSTRAINT order_stock_order FOREIGN KEY (order_id) REFERENCES orders(id),
    CONSTRAINT order_stock_stock FOREIGN KEY (stock_id) REFERENCES stock(id),
    CONSTRAINT order_stock_shipment FOREIGN KEY (shipment_id) REFERENCES shipments(id)
) ENGINE=InnoDB;
