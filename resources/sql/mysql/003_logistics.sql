-- The delivery network and the warehouses: where stock is, who carries it, how long it takes.
-- Hubs are courier sorting centres (the demo puts one per district); lanes join hubs per courier with
-- transit hours; coverage says which states, districts or pincodes a courier delivers to, by service
-- level. Shipments are the warehouse's unit of work (orders create them).
-- Item ids carry no foreign key: an item deleted from the catalogue keeps its stock and receipt history.

CREATE TABLE warehouses (
    id             BIGINT AUTO_INCREMENT PRIMARY KEY,
    code           VARCHAR(32) NOT NULL,
    name           VARCHAR(100) NOT NULL,
    pincode        CHAR(6) NOT NULL,
    cutoff_minutes INT NOT NULL CHECK (cutoff_minutes BETWEEN 0 AND 1439),
    handling_hours INT NOT NULL CHECK (handling_hours BETWEEN 0 AND 168),
    active         TINYINT NOT NULL DEFAULT 1,
    created_at     BIGINT NOT NULL,
    updated_at     BIGINT NOT NULL,
    UNIQUE KEY warehouses_code (code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE bins (
    warehouse_id BIGINT NOT NULL,
    code         VARCHAR(32) NOT NULL,
    PRIMARY KEY (warehouse_id, code),
    CONSTRAINT bins_warehouse FOREIGN KEY (warehouse_id) REFERENCES warehouses(id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE stock (
    id            BIGINT AUTO_INCREMENT PRIMARY KEY,
    warehouse_id  BIGINT NOT NULL,
    item_id       BIGINT NOT NULL,
    bin           VARCHAR(32) NOT NULL,
    on_hand       INT NOT NULL DEFAULT 0 CHECK (on_hand >= 0),
    reserved      INT NOT NULL DEFAULT 0 CHECK (reserved >= 0),
    reorder_level INT NOT NULL DEFAULT 0 CHECK (reorder_level >= 0),
    updated_at    BIGINT NOT NULL,
    UNIQUE KEY stock_place (warehouse_id, item_id, bin),
    KEY stock_item (item_id, warehouse_id),
    CONSTRAINT stock_warehouse FOREIGN KEY (warehouse_id) REFERENCES warehouses(id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE receipts (
    id           BIGINT AUTO_INCREMENT PRIMARY KEY,
    warehouse_id BIGINT NOT NULL,
    operator_id  BIGINT NOT NULL,
    units        INT NOT NULL,
    created_at   BIGINT NOT NULL,
    KEY receipts_warehouse (warehouse_id, created_at),
    CONSTRAINT receipts_warehouse_fk FOREIGN KEY (warehouse_id) REFERENCES warehouses(id),
    CONSTRAINT receipts_operator_fk FOREIGN KEY (operator_id) REFERENCES users(id)
) ENGINE=InnoDB;

CREATE TABLE receipt_lines (
    receipt_id BIGINT NOT NULL,
    line_no    INT NOT NULL,
    item_id    BIGINT NOT NULL,
    bin        VARCHAR(32) NOT NULL,
    quantity   INT NOT NULL CHECK (quantity > 0),
    PRIMARY KEY (receipt_id, line_no),
    CONSTRAINT receipt_lines_receipt FOREIGN KEY (receipt_id) REFERENCES receipts(id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE couriers (
    id         BIGINT AUTO_INCREMENT PRIMARY KEY,
    code       VARCHAR(32) NOT NULL,
    name       VARCHAR(100) NOT NULL,
    speed_kmph INT NOT NULL CHECK (speed_kmph > 0),
    active     TINYINT NOT NULL DEFAULT 1,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    UNIQUE KEY couriers_code (code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE courier_coverage (
    courier_id    BIGINT NOT NULL,
    state         VARCHAR(64) NOT NULL,
    district      VARCHAR(64) NOT NULL DEFAULT '',
    pincode       VARCHAR(6) NOT NULL DEFAULT '',
    service_level VARCHAR(16) NOT NULL,
    PRIMARY KEY (courier_id, state, district, pincode),
    CONSTRAINT coverage_courier FOREIGN KEY (courier_id) REFERENCES couriers(id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE hubs (
    id        BIGINT AUTO_INCREMENT PRIMARY KEY,
    code      VARCHAR(32) NOT NULL,
    name      VARCHAR(100) NOT NULL,
    district  VARCHAR(64) NOT NULL,
    state     VARCHAR(64) NOT NULL,
    latitude  DOUBLE NOT NULL,
    longitude DOUBLE NOT NULL,
    UNIQUE KEY hubs_code (code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE lanes (
    id            BIGINT AUTO_INCREMENT PRIMARY KEY,
    courier_id    BIGINT NOT NULL,
    from_hub      BIGINT NOT NULL,
    to_hub        BIGINT NOT NULL,
    transit_hours INT NOT NULL CHECK (transit_hours > 0),
    active        TINYINT NOT NULL DEFAULT 1,
    UNIQUE KEY lanes_route (courier_id, from_hub, to_hub),
    CONSTRAINT lanes_courier FOREIGN KEY (courier_id) REFERENCES couriers(id),
    CONSTRAINT lanes_from FOREIGN KEY (from_hub) REFERENCES hubs(id),
    CONSTRAINT lanes_to FOREIGN KEY (to_hub) REFERENCES hubs(id)
) ENGINE=InnoDB;

CREATE TABLE shipments (
    id           BIGINT AUTO_INCREMENT PRIMARY KEY,
    order_id     BIGINT,
    warehouse_id BIGINT NOT NULL,
    courier_id   BIGINT NOT NULL,
    pincode      CHAR(6) NOT NULL,
    status       VARCHAR(16) NOT NULL,
    promise_date CHAR(10) NOT NULL,
    created_at   BIGINT NOT NULL,
    updated_at   BIGINT NOT NULL,
    KEY shipments_warehouse (warehouse_id, status, id),
    KEY shipments_order (order_id),
    CONSTRAINT shipments_warehouse_fk FOREIGN KEY (warehouse_id) REFERENCES warehouses(id),
    CONSTRAINT shipments_courier_fk FOREIGN KEY (courier_id) REFERENCES couriers(id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE shipment_lines (
    shipment_id BIGINT NOT NULL,
    item_id     BIGINT NOT NULL,
    quantity    INT NOT NULL CHECK (quantity > 0),
    PRIMARY KEY (shipment_id, item_id),
    CONSTRAINT shipment_lines_shipment FOREIGN KEY (shipment_id) REFERENCES shipments(id)
) ENGINE=InnoDB;
