#pragma once

#include "connection.h"

namespace pincart::server {

// Makes the compiled-in resources (migrations, reference data) available; idempotent.
void initResources();

// Applies every numbered migration of the connection's dialect (resources/sql/<dialect>/NNN_*.sql)
// that is not yet recorded in schema_migrations, each in its own transaction, in order.
// Refuses (Unavailable) a database whose schema is newer than this build knows.
Status migrate(Connection &connection);

// The highest migration this build carries, and the one the database has (0 when none).
int latestSchemaVersion(Connection::Dialect dialect);
Result<int> currentSchemaVersion(Connection &connection);

} // namespace pincart::server
