// warehouse: extractions loaded into SQLite (the embedded default) or PostgreSQL, idempotently,
// one transaction per document, with a group's history across its meetings.
//
//   std::unique_ptr<minutes::warehouse::Warehouse> db;
//   minutes::Status s = minutes::warehouse::Warehouse::Open("sqlite:minutes.db", &db);
//   if (s.ok()) s = db->LoadRegister(minutes::normalize::LaRegister::Default());
//   minutes::warehouse::LoadResult r;
//   if (s.ok()) s = db->Load(extraction, &r);      // r.outcome: loaded, replaced, unchanged, ...
//
// URLs: "sqlite:PATH" (the file is created if missing) or
// "postgresql://USER[:PASSWORD]@HOST[:PORT]/DB". Open applies the migrations in
// warehouse/migrations/ that the database has not had yet, in order, and records each in
// "schema_migrations"; several processes opening one database at once apply each migration once.
//
// The tables are the CSV tables of the schema (model/schema.h, same names and columns; documents
// also carry loaded_at and minutes_version) plus people (the person registry),
// action_status_history, local_authorities and the view meetings: see the README's "Warehouse"
// section.
//
// A Warehouse holds one connection: use it from one thread at a time. Any number of processes may
// load into one database at once: every document's load is one transaction, retried when the
// database reports a deadlock, a serialisation failure or a lost race for the same row.

#ifndef MINUTES_WAREHOUSE_WAREHOUSE_H_
#define MINUTES_WAREHOUSE_WAREHOUSE_H_

#include <memory>
#include <string>
#include <vector>

#include "common/status.h"
#include "model/model.h"

namespace minutes {
namespace normalize {
class LaRegister;
}  // namespace normalize

namespace warehouse {

enum class LoadOutcome {
  kLoaded,            // a document the database did not have
  kReplaced,          // a new version of a path already loaded: the old rows are gone
  kUnchanged,         // the same bytes (sha256) were loaded before: nothing changed
  kDuplicateMeeting,  // another file of the same meeting (series and date) is loaded: skipped
};

struct LoadResult {
  LoadOutcome outcome = LoadOutcome::kLoaded;
  // kReplaced: the path's old sha256. kDuplicateMeeting: the path of the file already loaded.
  std::string other;
  int attempts = 1;  // 1, or more when the database asked for a retry
};

struct QueryResult {
  std::vector<std::string> columns;
  std::vector<std::vector<std::string>> rows;  // values as text; NULL as ""
};

class Warehouse {
 public:
  // Connects to `url` and migrates. Fails with kInvalidArgument for a URL it does not understand
  // and kIoError when the database cannot be reached or migrated (the message says why).
  static Status Open(const std::string& url, std::unique_ptr<Warehouse>* out);

  ~Warehouse();
  Warehouse(const Warehouse&) = delete;
  Warehouse& operator=(const Warehouse&) = delete;

  // The number of the last migration applied.
  int schema_version() const { return schema_version_; }
  // "sqlite" or "postgresql".
  const std::string& dialect() const { return dialect_; }

  // Fills local_authorities from `las` when it holds another register version. Idempotent.
  Status LoadRegister(const normalize::LaRegister& las);

  // Loads one document in one transaction (see LoadOutcome). `minutes_version` is recorded on its
  // documents row with the load time. On failure the database is as it was before the call.
  Status Load(const Extraction& x, const std::string& minutes_version, LoadResult* result);

  // Runs one statement that returns rows (a warehouse question).
  Status Query(const std::string& sql, QueryResult* result);

  // Runs one statement that returns no rows (administration; the tests' failure injection).
  Status Execute(const std::string& sql);

 private:
  struct Impl;
  explicit Warehouse(std::unique_ptr<Impl> impl);
  Status Migrate();
  Status LoadOnce(const Extraction& x, const std::string& minutes_version, LoadResult* result);

  std::unique_ptr<Impl> impl_;
  std::string dialect_;
  int schema_version_ = 0;
};

// The migrations compiled into the program: (version, name, SQL), in order.
struct Migration {
  int version;
  std::string name;
  std::string sql;
};
const std::vector<Migration>& Migrations();

// The statements of a migration: its text split at semicolons that end a line.
std::vector<std::string> SplitStatements(const std::string& sql);

}  // namespace warehouse
}  // namespace minutes

#endif  // MINUTES_WAREHOUSE_WAREHOUSE_H_
