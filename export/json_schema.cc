// The JSON Schema (draft 2020-12) of a document's JSON, generated from the schema description.

#include <set>

#include "export/export.h"
#include "export/json_out.h"
#include "model/schema.h"

namespace minutes {
namespace {

using internal::JsonOut;
namespace sc = schema;

std::string Described(const sc::Field& f) {
  std::string d(f.description);
  if (!f.unit.empty()) d += " (" + std::string(f.unit) + ")";
  return d;
}

// "string" or ["string", "null"].
void Type(std::string_view type, bool nullable, JsonOut* out) {
  out->Key("type");
  if (!nullable) return out->String(type);
  out->BeginArray();
  out->String(type);
  out->String("null");
  out->EndArray();
}

void Property(const sc::Field& f, JsonOut* out) {
  out->Key(f.name);
  out->BeginObject();
  out->Key("description");
  out->String(Described(f));
  switch (f.kind) {
    case sc::Kind::kString:
      Type("string", f.nullable, out);
      if (!sc::Pattern(f.format).empty()) {
        out->Key("pattern");
        out->String(sc::Pattern(f.format));
      }
      break;
    case sc::Kind::kInteger:
      Type("integer", f.nullable, out);
      out->Key("minimum");
      out->Integer(0);
      break;
    case sc::Kind::kNumber:
    case sc::Kind::kMoney:
      Type("number", f.nullable, out);
      break;
    case sc::Kind::kBoolean:
      Type("boolean", f.nullable, out);
      break;
    case sc::Kind::kEnum:
      out->Key("enum");
      out->BeginArray();
      for (std::string_view v : f.enum_names) out->String(v);
      if (f.nullable) out->Null();
      out->EndArray();
      break;
    case sc::Kind::kStringList:
      Type("array", false, out);
      out->Key("items");
      out->BeginObject();
      Type("string", false, out);
      if (!sc::Pattern(f.format).empty()) {
        out->Key("pattern");
        out->String(sc::Pattern(f.format));
      }
      out->EndObject();
      break;
    case sc::Kind::kRecord:
      out->Key("$ref");
      out->String("#/$defs/" + std::string(f.record().name));
      break;
    case sc::Kind::kRecordList:
      Type("array", false, out);
      out->Key("items");
      out->BeginObject();
      out->Key("$ref");
      out->String("#/$defs/" + std::string(f.record().name));
      out->EndObject();
      break;
  }
  out->Key("x-since");
  out->String(f.since);
  out->EndObject();
}

// The record's own fields with inline records' fields in their place.
void CollectFields(const sc::Record& r, std::vector<const sc::Field*>* out) {
  for (const sc::Field& f : r.fields) {
    if (f.kind == sc::Kind::kRecord && f.embedding == sc::Embedding::kInline)
      CollectFields(f.record(), out);
    else
      out->push_back(&f);
  }
}

// type, properties, required and additionalProperties of one record.
void RecordBody(const sc::Record& r, JsonOut* out) {
  out->Key("type");
  out->String("object");
  std::vector<const sc::Field*> fields;
  CollectFields(r, &fields);
  out->Key("properties");
  out->BeginObject();
  for (const sc::Field* f : fields) Property(*f, out);
  out->EndObject();
  out->Key("required");
  out->BeginArray();
  for (const sc::Field* f : fields) out->String(f->name);
  out->EndArray();
  out->Key("additionalProperties");
  out->Bool(false);
}

// Every record reachable from `r` as a $ref (not inline), each once, in first-seen order.
void CollectDefs(const sc::Record& r, std::vector<const sc::Record*>* defs,
                 std::set<const sc::Record*>* seen) {
  for (const sc::Field& f : r.fields) {
    if (f.kind != sc::Kind::kRecord && f.kind != sc::Kind::kRecordList) continue;
    const sc::Record* child = &f.record();
    bool inline_record = f.kind == sc::Kind::kRecord && f.embedding == sc::Embedding::kInline;
    if (!inline_record && seen->insert(child).second) defs->push_back(child);
    CollectDefs(*child, defs, seen);
  }
}

}  // namespace

std::string JsonSchema() {
  std::string text;
  JsonOut out(&text, 2);
  const sc::Record& root = sc::Root();
  out.BeginObject();
  out.Key("$schema");
  out.String("https://json-schema.org/draft/2020-12/schema");
  out.Key("$id");
  out.String(std::string("urn:minutes:schema:") + kSchemaVersion + ":document");
  out.Key("title");
  out.String(std::string("minutes document, schema version ") + kSchemaVersion);
  out.Key("description");
  out.String(root.description);
  RecordBody(root, &out);
  out.Key("$defs");
  out.BeginObject();
  std::vector<const sc::Record*> defs;
  std::set<const sc::Record*> seen;
  CollectDefs(root, &defs, &seen);
  for (const sc::Record* r : defs) {
    out.Key(r->name);
    out.BeginObject();
    out.Key("description");
    out.String(r->description);
    RecordBody(*r, &out);
    out.EndObject();
  }
  out.EndObject();
  out.EndObject();
  text.push_back('\n');
  return text;
}

}  // namespace minutes
