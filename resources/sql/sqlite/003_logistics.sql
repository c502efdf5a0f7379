-- The delivery network and the warehouses: where stock is, who carries it, how long it takes.
-- Hubs are courier sorting centres (the demo puts one per district); lanes join hubs per courier with
-- transit hours; coverage says which states, districts or pincodes a courier delivers to, by service
-- level. Shipments are the warehouse's unit of work (orders create them).
-- Item ids carry no foreign key: an item deleted from the catalogue keeps its stock and receipt history.

CREATE TABLE warehouses (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    code           TEXT NOT NULL COLLATE NOCASE UNIQUE,
    name           TEXT NOT NULL,
    pincode        TEXT NOT NULL,
    cutoff_minutes INTEGER NOT NULL CHECK (cutoff_minutes BETWEEN 0 AND 1439), -- India time, after midnight
    handling_hours INTEGER NOT NULL CHECK (handling_hours BETWEEN 0 AND 168),
    active         INTEGER NOT NULL DEFAULT 1,
    created_at     INTEGER NOT NULL,
    updated_at     INTEGER NOT NULL
);

CREATE TABLE bins (
    warehouse_id INTEGER NOT NULL REFERENCES warehouses(id),
    code         TEXT NOT NULL COLLATE NOCASE,
    PRIMARY KEY (warehouse_id, code)
);

CREATE TABLE stock (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    warehouse_id  INTEGER NOT NULL REFERENCES warehouses(id),
    item_id       INTEGER NOT NULL,
    bin           TEXT NOT NULL COLLATE NOCASE,
    on_hand       INTEGER NOT NULL DEFAULT 0 CHECK (on_hand >= 0),
    reserved      INTEGER NOT NULL DEFAULT 0 CHECK (reserved >= 0),
    reorder_level INTEGER NOT NULL DEFAULT 0 CHECK (reorder_level >= 0),
    updated_at    INTEGER NOT NULL,
    UNIQUE (warehouse_id, item_id, bin)
);
CREATE INDEX stock_item ON stock (item_id, warehouse_id);

CREATE TABLE receipts (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    warehouse_id INTEGER NOT NULL REFERENCES warehouses(id),
    operator_id  INTEGER NOT NULL REFERENCES users(id),
    units        INTEGER NOT NULL,
    created_at   INTEGER NOT NULL
);
CREATE INDEX receipts_warehouse ON receipts (warehouse_id, created_at);

CREATE TABLE receipt_lines (
    receipt_id INTEGER NOT NULL REFERENCES receipts(id),
    line_no    INTEGER NOT NULL,
    item_id    INTEGER NOT NULL,
    bin        TEXT NOT NULL,
    quantity   INTEGER NOT NULL CHECK (quantity > 0),
    PRIMARY KEY (receipt_id, line_no)
);

CREATE TABLE couriers (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    code       TEXT NOT NULL COLLATE NOCASE UNIQUE,
    name       TEXT NOT NULL,
    speed_kmph INTEGER NOT NULL CHECK (speed_kmph > 0),
    active     INTEGER NOT NULL DEFAULT 1,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
);

-- One row per rule: a whole state (district and pincode ''), a district of a state, or one pincode.
CREATE TABLE courier_coverage (
    courier_id    INTEGER NOT NULL REFERENCES couriers(id),
    state         TEXT NOT NULL,
    district      TEXT NOT NULL DEFAULT '',
    pincode       TEXT NOT NULL DEFAULT '',
    service_level TEXT NOT NULL,
    PRIMARY KEY (courier_id, state, district, pincode)
);

CREATE TABLE hubs (
    id        INTEGER PRIMARY KEY AUTOINCREMENT,
    code      TEXT NOT NULL COLLATE NOCASE UNIQUE,
    name      TEXT NOT NULL,
    district  TEXT NOT NULL,
    state     TEXT NOT NULL,
    latitude  REAL NOT NULL,
    longitude REAL NOT NULL
);

CREATE TABLE lanes (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    courier_id    INTEGER NOT NULL REFERENCES couriers(id),
    from_hub      INTEGER NOT NULL REFERENCES hubs(id),
    to_hub        INTEGER NOT NULL REFERENCES hubs(id),
    transit_hours INTEGER NOT NULL CHECK (transit_hours > 0),
    active        INTEGER NOT NULL DEFAULT 1,
    UNIQUE (courier_id, from_hub, to_hub)
);

CREATE TABLE shipments (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    order_id     INTEGER,
    warehouse_id INTEGER NOT NULL REFERENCES warehouses(id),
    courier_id   INTEGER NOT NULL REFERENCES couriers(id),
    pincode      TEXT NOT NULL,
    status       TEXT NOT NULL,
    promise_date TEXT NOT NULL,
    created_at   INTEGER NOT NULL,
    updated_at   INTEGER NOT NULL
);
CREATE INDEX shipments_warehouse ON shipments (warehouse_id, status, id);
CREATE INDEX shipments_order ON shipments (order_id);

CREATE TABLE shipment_lines (
    shipment_id INTEGER NOT NULL REFERENCES shipments(id),
    item_id     INTEGER NOT NULL,
    quantity    INTEGER NOT NULL CHECK (quantity > 0),
    PRIMARY KEY (shipment_id, item_id)
);
