-- Carts, wishlists and orders. An order's lines keep the title and price they were sold at; its stock
-- takes (order_stock) record exactly which stock rows gave how many units, so a cancel puts back
-- exactly what was taken. orders.status is 'placed' or 'cancelled'; packed/shipped/delivered follow
-- from its shipments.

CREATE TABLE cart_lines (
    user_id      INTEGER NOT NULL REFERENCES users(id),
    item_id      INTEGER NOT NULL,
    quantity     INTEGER NOT NULL CHECK (quantity > 0),
    added_amount INTEGER NOT NULL, -- the price when added, to show a change since
    added_at     INTEGER NOT NULL,
    updated_at   INTEGER NOT NULL,
    PRIMARY KEY (user_id, item_id)
);

CREATE TABLE wishlist_items (
    user_id      INTEGER NOT NULL REFERENCES users(id),
    item_id      INTEGER NOT NULL,
    added_amount INTEGER NOT NULL,
    added_at     INTEGER NOT NULL,
    PRIMARY KEY (user_id, item_id)
);

CREATE TABLE orders (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id         INTEGER NOT NULL REFERENCES users(id),
    status          TEXT NOT NULL,
    pincode         TEXT NOT NULL,
    address         TEXT NOT NULL,
    payment_method  TEXT NOT NULL,
    payment_status  TEXT NOT NULL,
    total_amount    INTEGER NOT NULL,
    currency        TEXT NOT NULL,
    idempotency_key TEXT,
    request_hash    TEXT NOT NULL,
    created_at      INTEGER NOT NULL,
    updated_at      INTEGER NOT NULL,
    UNIQUE (user_id, idempotency_key)
);
CREATE INDEX orders_user ON orders (user_id, id);

CREATE TABLE order_lines (
    order_id     INTEGER NOT NULL REFERENCES orders(id),
    line_no      INTEGER NOT NULL,
    item_id      INTEGER NOT NULL,
    sku          TEXT NOT NULL,
    title        TEXT NOT NULL,
    quantity     INTEGER NOT NULL CHECK (quantity > 0),
    price_amount INTEGER NOT NULL,
    PRIMARY KEY (order_id, line_no)
);

CREATE TABLE order_stock (
    order_id    INTEGER NOT NULL REFERENCES orders(id),
    stock_id    INTEGER NOT NULL REFERENCES stock(id),
    shipment_id INTEGER NOT NULL REFERENCES shipments(id),
    item_id     INTEGER NOT NULL,
    quantity    INTEGER NOT NULL CHECK (quantity > 0),
    PRIMARY KEY (order_id, stock_id)
);
