// The module minutes_pg.so: Poco's PostgreSQL connector, and with it libpq. Loaded by
// Warehouse::Open the first time a PostgreSQL URL is opened (common/module.h); its one export
// registers the connector with Poco::Data's SessionFactory (in libPocoData, which the program has
// loaded already, so the registration is the program's), under the key "postgresql". Never
// unloaded: the factory keeps the connector until the process exits.

#include <Poco/Data/PostgreSQL/Connector.h>

// The module is built with hidden visibility (minutes_add_module): this is its one export.
// Registering twice is harmless (the factory counts registrations), but Open calls it once.
extern "C" __attribute__((visibility("default"))) void minutes_pg_register() {
  Poco::Data::PostgreSQL::Connector::registerConnector();
}
