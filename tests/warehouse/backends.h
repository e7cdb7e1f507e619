// Test helper: the databases the warehouse tests run on. SQLite always; PostgreSQL when a real
// server can be started here (tests/support/pg_server.h).

#ifndef MINUTES_TESTS_WAREHOUSE_BACKENDS_H_
#define MINUTES_TESTS_WAREHOUSE_BACKENDS_H_

#include <functional>
#include <ostream>
#include <string>
#include <vector>

#include "common/status.h"
#include "warehouse/warehouse.h"

namespace minutes_test {

struct Backend {
  std::string name;  // "sqlite", "postgresql"
  // A URL of a new, empty database; "" and *why when this backend cannot run here.
  std::function<std::string(std::string* why)> NewDatabase;
  // Makes every later insert into `table` fail, as a disk or constraint error part-way through a
  // document's load would.
  std::function<minutes::Status(minutes::warehouse::Warehouse*, const std::string& table)>
      BreakInserts;
};

std::vector<Backend> Backends();

// How GoogleTest names a backend in test names and messages.
inline void PrintTo(const Backend& b, std::ostream* os) { *os << b.name; }

}  // namespace minutes_test

#endif  // MINUTES_TESTS_WAREHOUSE_BACKENDS_H_
