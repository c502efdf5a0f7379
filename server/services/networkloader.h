#pragma once

#include "deliverynetwork.h"
#include "logisticsstate.h"

namespace pincart::server {

class Connection;

// Reads the network from the database and builds its TAT tables (about a second for the whole
// India Post directory: run it off the request threads).
Result<std::shared_ptr<const DeliveryNetwork>> loadDeliveryNetwork(Connection &db);

// Fills the stock index with every item's availability (a node's start).
Status warmStockIndex(Connection &db, LogisticsState &state);

} // namespace pincart::server
