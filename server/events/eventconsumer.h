#pragma once

#include "event.h"
#include "result.h"

#include <optional>

namespace pincart::server {

class Connection;

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
    // The topics handle() acts on; empty: every topic. The tailer offers only these (with their
    // payloads: the others' are not even read) and a local commit wakes it only for these.
    virtual QList<QLatin1StringView> topics() const { return {}; }
    // A failure stops the batch; the event is offered again on the next poll.
    virtual Status handle(const Event &event) = 0;
    // Node-local consumers that keep their offset with their own state (the search index) say
    // where to resume: called on the tailer's thread before its first poll, which is the place
    // for long start-up work. nullopt: the default (stored offset or the log's end).
    virtual Result<std::optional<qint64>> resumeAfter(Connection &)
    {
        return std::optional<qint64>();
    }
    // After each batch, with the id up to which every event is handled or known lost: the place
    // to make a batch's work durable and visible at once. A failure stops the poll.
    virtual Status batchHandled(qint64 offset) { return (void)offset, Status(); }
    // Called on the tailer's thread when it stops: release what was opened there (connections).
    virtual void stopped() {}
};

} // namespace pincart::server
