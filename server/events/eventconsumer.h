#pragma once

#include "event.h"
#include "result.h"

namespace pincart::server {

// Something that reacts to the event log. Delivery is at least once, in id order (with gaps
// waited for, see EventTailer), so handle() must be idempotent.
class EventConsumer
{
public:
    virtual ~EventConsumer() = default;
    // Names the stored offset; two nodes running a durable consumer of the same name share it.
    virtual QString name() const = 0;
    // Durable consumers resume from their stored offset; node-local ones (caches) start at the
    // log's end each time the server starts.
    virtual bool durable() const = 0;
    // A failure stops the batch; the event is offered again on the next poll.
    virtual Status handle(const Event &event) = 0;
    // Called on the tailer's thread when it stops: release what was opened there (connections).
    virtual void stopped() {}
};

} // namespace pincart::server
