#include "warehouse/sql_schema.h"

namespace minutes::warehouse {
namespace {

namespace sc = schema;

// The tables only a warehouse has. Column lists must match ExpectedTables below.
const char kRegistrySql[] =
    "CREATE TABLE \"people\" (\n"
    "  \"person_id\" TEXT NOT NULL,\n"
    "  \"name\" TEXT NOT NULL,\n"
    "  \"initials\" TEXT NOT NULL,\n"
    "  \"first_document_sha256\" TEXT NOT NULL,\n"
    "  PRIMARY KEY (\"person_id\")\n"
    ");\n"
    "CREATE TABLE \"action_status_history\" (\n"
    "  \"series\" TEXT NOT NULL,\n"
    "  \"ref\" TEXT NOT NULL,\n"
    "  \"meeting_date\" TEXT NOT NULL,\n"
    "  \"document_sha256\" TEXT NOT NULL,\n"
    "  \"status\" TEXT,\n"
    "  \"status_raw\" TEXT,\n"
    "  PRIMARY KEY (\"series\", \"ref\", \"document_sha256\"),\n"
    "  FOREIGN KEY (\"document_sha256\") REFERENCES \"documents\" (\"sha256\") ON DELETE CASCADE\n"
    ");\n"
    "CREATE TABLE \"local_authorities\" (\n"
    "  \"gss_code\" TEXT NOT NULL,\n"
    "  \"name\" TEXT NOT NULL,\n"
    "  \"la_type\" TEXT NOT NULL,\n"
    "  \"region\" TEXT NOT NULL,\n"
    "  \"dfe_code\" TEXT NOT NULL,\n"
    "  \"register_version\" TEXT NOT NULL,\n"
    "  \"tier\" TEXT NOT NULL DEFAULT '',\n"
    "  \"county_gss_code\" TEXT NOT NULL DEFAULT '',\n"
    "  PRIMARY KEY (\"gss_code\")\n"
    ");\n"
    // Two files of one meeting (a .docx and its text export) are one meeting: the second is
    // refused by this index rather than doubling history and counts.
    "CREATE UNIQUE INDEX \"documents_one_per_meeting\" ON \"documents\" (\"series\", \"date\")\n"
    "  WHERE \"series\" <> '' AND \"date\" IS NOT NULL;\n"
    "CREATE INDEX \"documents_path\" ON \"documents\" (\"path\");\n"
    "CREATE VIEW \"meetings\" AS\n"
    "  SELECT \"sha256\" AS \"document_sha256\", \"series\", \"title\", \"date\", "
    "\"start_time\", \"end_time\", \"chair_person_id\"\n"
    "  FROM \"documents\";\n";

const std::vector<ExpectedTable>& RegistryTables() {
  static const auto* tables = new std::vector<ExpectedTable>{
      {"people", {"person_id", "name", "initials", "first_document_sha256"}},
      {"action_status_history",
       {"series", "ref", "meeting_date", "document_sha256", "status", "status_raw"}},
      {"local_authorities",
       {"gss_code", "name", "la_type", "region", "dfe_code", "register_version", "tier",
        "county_gss_code"}},
      {"meetings",
       {"document_sha256", "series", "title", "date", "start_time", "end_time", "chair_person_id"}},
  };
  return *tables;
}

std::string Join(const std::vector<std::string>& names) {
  std::string s;
  for (const std::string& n : names) s += (s.empty() ? "" : ", ") + Quote(n);
  return s;
}

}  // namespace

std::string Quote(std::string_view identifier) {
  std::string q = "\"";
  for (char c : identifier) {
    if (c == '"') q += '"';
    q += c;
  }
  return q + "\"";
}

std::string_view SqlType(sc::Kind kind) {
  switch (kind) {
    case sc::Kind::kInteger:
      return "BIGINT";
    case sc::Kind::kNumber:
      return "DOUBLE PRECISION";
    case sc::Kind::kMoney:
      return "NUMERIC(18,2)";
    case sc::Kind::kBoolean:
      return "BOOLEAN";
    default:
      return "TEXT";
  }
}

const std::vector<DbTable>& DbTables() {
  static const auto* tables = [] {
    auto* v = new std::vector<DbTable>;
    for (const sc::Table& t : sc::Tables()) {
      DbTable d{&t, {}};
      if (t.parent == nullptr) d.extra_columns = {"loaded_at", "minutes_version"};
      v->push_back(d);
    }
    return v;
  }();
  return *tables;
}

std::vector<ExpectedTable> ExpectedTables() {
  std::vector<ExpectedTable> out;
  for (const DbTable& d : DbTables()) {
    ExpectedTable e{d.table->name, {}};
    for (const sc::Column& c : d.table->columns) e.columns.push_back(c.name);
    for (const std::string& c : d.extra_columns) e.columns.push_back(c);
    out.push_back(std::move(e));
  }
  for (const ExpectedTable& e : RegistryTables()) out.push_back(e);
  return out;
}

std::string CreateSchemaSql() {
  std::string sql;
  for (const DbTable& d : DbTables()) {
    const sc::Table& t = *d.table;
    sql += "CREATE TABLE " + Quote(t.name) + " (\n";
    for (const sc::Column& c : t.columns)
      sql += "  " + Quote(c.name) + " " + std::string(SqlType(c.kind)) +
             (c.nullable ? "" : " NOT NULL") + ",\n";
    for (const std::string& c : d.extra_columns) sql += "  " + Quote(c) + " TEXT NOT NULL,\n";
    sql += "  PRIMARY KEY (" + Join(t.primary_key) + ")";
    if (t.parent != nullptr)
      sql += ",\n  FOREIGN KEY (" + Join(t.foreign_key) + ") REFERENCES " + Quote(t.parent->name) +
             " (" + Join(t.parent->primary_key) + ") ON DELETE CASCADE";
    sql += "\n);\n";
  }
  return sql + kRegistrySql;
}

}  // namespace minutes::warehouse
