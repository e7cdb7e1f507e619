// Internal to warehouse: the database schema, derived from the model's description like every
// other output, plus the tables only a warehouse has (the person registry, action history, the LA
// register, lineage).
//
//   std::string ddl = CreateSchemaSql();          // what migration 0001 was generated from
//   for (const DbTable& t : DbTables()) ...       // the tables a load writes, with their columns
//
// Portable SQL: the same text runs on SQLite 3.40 and PostgreSQL 15. Identifiers are always
// double-quoted ("index", "date" and "text" are column names).

#ifndef MINUTES_WAREHOUSE_SQL_SCHEMA_H_
#define MINUTES_WAREHOUSE_SQL_SCHEMA_H_

#include <string>
#include <string_view>
#include <vector>

#include "model/schema.h"

namespace minutes::warehouse {

// "name" -> "\"name\"".
std::string Quote(std::string_view identifier);

// The SQL type of a column of `kind`: TEXT, BIGINT, DOUBLE PRECISION, NUMERIC(18,2), BOOLEAN.
std::string_view SqlType(schema::Kind kind);

// One table a load writes: a table of the description (schema::Tables()), and for "documents"
// the lineage columns a load adds.
struct DbTable {
  const schema::Table* table;
  std::vector<std::string> extra_columns;  // load lineage, after the table's own columns
};

// The description's tables as the database holds them.
const std::vector<DbTable>& DbTables();

// The columns, in order, of every table and view the schema creates: what a fresh database must
// hold after all migrations ran. Used by the test that keeps migrations and the model in step.
struct ExpectedTable {
  std::string name;
  std::vector<std::string> columns;
};
std::vector<ExpectedTable> ExpectedTables();

// CREATE TABLE / INDEX / VIEW statements for the whole schema, ";\n"-separated: the text of
// migration 0001 when it was written (`minutes schema --format sql`).
std::string CreateSchemaSql();

}  // namespace minutes::warehouse

#endif  // MINUTES_WAREHOUSE_SQL_SCHEMA_H_
