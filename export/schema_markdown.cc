// The README's "Output schema" tables, generated from the schema description (a test keeps the
// README equal to this).

#include <set>

#include "export/export.h"
#include "model/schema.h"

namespace minutes {
namespace {

namespace sc = schema;

std::string TypeText(const sc::Field& f) {
  switch (f.kind) {
    case sc::Kind::kString:
      switch (f.format) {
        case sc::Format::kPartialDate:
          return "date (`YYYY-MM-DD` or `YYYY-MM`)";
        case sc::Format::kTime:
          return "time (`HH:MM`)";
        case sc::Format::kSha256:
          return "sha256 (hex)";
        case sc::Format::kVersion:
          return "version (`MAJOR.MINOR`)";
        default:
          return "string";
      }
    case sc::Kind::kInteger:
      return "integer";
    case sc::Kind::kNumber:
      return "number";
    case sc::Kind::kMoney:
      return "money (exact decimal)";
    case sc::Kind::kBoolean:
      return "boolean";
    case sc::Kind::kEnum: {
      std::string s;
      for (std::string_view v : f.enum_names)
        s += (s.empty() ? "`" : " \\| `") + std::string(v) + "`";
      return s;
    }
    case sc::Kind::kStringList:
      return f.format == sc::Format::kGssCode ? "list of GSS codes" : "list of strings";
    case sc::Kind::kRecord:
      return "`" + std::string(f.record().name) + "`";
    case sc::Kind::kRecordList:
      return "list of `" + std::string(f.record().name) + "` (table `" + std::string(f.table) +
             "`)";
  }
  return "";
}

void RecordTable(const sc::Record& r, std::string* out) {
  *out += "#### `" + std::string(r.name) + "`\n\n" + std::string(r.description) + "\n\n";
  *out += "| field | type | null | unit | since | description |\n|---|---|---|---|---|---|\n";
  for (const sc::Field& f : r.fields) {
    if (f.kind == sc::Kind::kRecord && f.embedding == sc::Embedding::kInline) {
      *out += "| *(" + std::string(f.record().name) + ")* | the fields of `" +
              std::string(f.record().name) + "` | | | | |\n";
      continue;
    }
    *out += "| `" + std::string(f.name) + "` | " + TypeText(f) + " | " + (f.nullable ? "yes" : "") +
            " | " + std::string(f.unit) + " | " + std::string(f.since) + " | " +
            std::string(f.description) + " |\n";
  }
  *out += "\n";
}

void CollectRecords(const sc::Record& r, std::vector<const sc::Record*>* out,
                    std::set<const sc::Record*>* seen) {
  if (!seen->insert(&r).second) return;
  out->push_back(&r);
  for (const sc::Field& f : r.fields)
    if (f.kind == sc::Kind::kRecord || f.kind == sc::Kind::kRecordList)
      CollectRecords(f.record(), out, seen);
}

}  // namespace

std::string SchemaMarkdown() {
  std::string out = "Schema version " + std::string(kSchemaVersion) + ".\n\n";
  std::vector<const sc::Record*> records;
  std::set<const sc::Record*> seen;
  CollectRecords(sc::Root(), &records, &seen);
  for (const sc::Record* r : records) RecordTable(*r, &out);
  out += "#### CSV tables\n\n| table | primary key | references |\n|---|---|---|\n";
  for (const sc::Table& t : sc::Tables()) {
    std::string key, ref;
    for (const std::string& k : t.primary_key) key += (key.empty() ? "" : ", ") + k;
    if (t.parent != nullptr) {
      for (const std::string& k : t.foreign_key) ref += (ref.empty() ? "" : ", ") + k;
      ref = "`" + ref + "` → `" + t.parent->name + "`";
    }
    out += "| `" + t.name + ".csv` | `" + key + "` | " + ref + " |\n";
  }
  return out;
}

}  // namespace minutes
