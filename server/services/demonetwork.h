#pragma once

#include "logistics.h"
#include "pincoderepository.h"

namespace pincart::server {

// A lane of the demo network, by positions in DemoNetwork's lists (ids come from storage).
struct DemoLane
{
    int courier = 0;
    int fromHub = 0;
    int toHub = 0;
    int transitHours = 0;
};

struct DemoNetwork
{
    QList<Warehouse> warehouses;
    QList<Hub> hubs;
    QList<Courier> couriers; // with coverage
    QList<DemoLane> lanes;
};

// A delivery network over the real directory, with no randomness: a dozen warehouses in major
// cities; a hub per district at its located pincodes' centroid; for each courier, lanes between
// every hub and its nearest neighbours (both ways) sized by great-circle distance, a road factor
// and the courier's speed, plus a trunk between the metro hubs. The couriers differ: India
// Post-like Bharat Parcel reaches every state but slowly; Northstar is quicker but serves neither
// the North-East nor the islands; Swift Metro is fast between and within metro districts only;
// Coastal Cargo works the coastal states. Lakshadweep is served by none, and pincodes without
// coordinates in districts without any located pincode have no hub: both are unreachable, a real
// answer.
DemoNetwork generateDemoNetwork(const QList<PincodeEntry> &directory);

} // namespace pincart::server
