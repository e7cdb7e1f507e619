// datapackage.json (Frictionless Data Package v2) for the CSV tables, from the schema description.

#include "export/export.h"
#include "export/json_out.h"
#include "model/schema.h"

namespace minutes {
namespace {

using internal::JsonOut;
namespace sc = schema;

void FieldType(const sc::Column& c, JsonOut* out) {
  out->Key("type");
  switch (c.kind) {
    case sc::Kind::kInteger:
      return out->String("integer");
    case sc::Kind::kNumber:
    case sc::Kind::kMoney:
      return out->String("number");
    case sc::Kind::kBoolean:
      out->String("boolean");
      out->Key("trueValues");
      out->BeginArray();
      out->String("true");
      out->EndArray();
      out->Key("falseValues");
      out->BeginArray();
      out->String("false");
      return out->EndArray();
    case sc::Kind::kStringList:
      out->String("list");
      out->Key("delimiter");
      out->String(";");
      out->Key("itemType");
      return out->String("string");
    default:
      return out->String("string");
  }
}

void Constraints(const sc::Column& c, JsonOut* out) {
  // An empty field is null, so only fields that can never be empty are required.
  bool required = c.field == nullptr ||
                  (!c.nullable && c.kind != sc::Kind::kString && c.kind != sc::Kind::kStringList);
  std::string_view pattern = c.field != nullptr && c.kind == sc::Kind::kString
                                 ? sc::Pattern(c.field->format)
                                 : std::string_view();
  bool has_enum = c.kind == sc::Kind::kEnum;
  if (!required && pattern.empty() && !has_enum && c.kind != sc::Kind::kInteger) return;
  out->Key("constraints");
  out->BeginObject();
  if (required) {
    out->Key("required");
    out->Bool(true);
  }
  if (c.kind == sc::Kind::kInteger) {
    out->Key("minimum");
    out->Integer(0);
  }
  if (!pattern.empty()) {
    out->Key("pattern");
    out->String(pattern);
  }
  if (has_enum) {
    out->Key("enum");
    out->BeginArray();
    for (std::string_view v : c.field->enum_names) out->String(v);
    out->EndArray();
  }
  out->EndObject();
}

// Where a value sits in the document's JSON, as dotted keys: the kRecord fields walked (inline
// ones add no key) and then `last`.
std::string JsonPath(const std::vector<const sc::Field*>& via, std::string_view last) {
  std::string path;
  for (const sc::Field* f : via)
    if (f->embedding != sc::Embedding::kInline) path += std::string(f->name) + ".";
  return path + std::string(last);
}

// Where a table's items sit in the document's JSON: "" for the document itself,
// "actions[].owners[]" for the owners of every action.
std::string TablePath(const sc::Table& t) {
  if (t.parent == nullptr) return "";
  std::string parent = TablePath(*t.parent);
  return (parent.empty() ? "" : parent + ".") + JsonPath(t.list_via, t.list_field->name) + "[]";
}

void Names(const std::vector<std::string>& names, JsonOut* out) {
  out->BeginArray();
  for (const std::string& n : names) out->String(n);
  out->EndArray();
}

}  // namespace

std::string DataPackage() {
  std::string text;
  JsonOut out(&text, 2);
  out.BeginObject();
  out.Key("$schema");
  out.String("https://datapackage.org/profiles/2.0/datapackage.json");
  out.Key("name");
  out.String("minutes");
  out.Key("title");
  out.String("Meeting notes of English local-authority groups, extracted by minutes");
  out.Key("version");
  out.String(kSchemaVersion);
  out.Key("resources");
  out.BeginArray();
  for (const sc::Table& t : sc::Tables()) {
    out.BeginObject();
    out.Key("name");
    out.String(t.name);
    out.Key("type");
    out.String("table");
    out.Key("path");
    out.String(t.name + ".csv");
    out.Key("format");
    out.String("csv");
    out.Key("mediatype");
    out.String("text/csv");
    out.Key("encoding");
    out.String("utf-8");
    out.Key("description");
    out.String(t.description);
    out.Key("x-json-path");
    out.String(TablePath(t));
    out.Key("schema");
    out.BeginObject();
    out.Key("fields");
    out.BeginArray();
    for (const sc::Column& c : t.columns) {
      out.BeginObject();
      out.Key("name");
      out.String(c.name);
      FieldType(c, &out);
      out.Key("description");
      std::string d = c.description;
      if (c.field != nullptr && !c.field->unit.empty())
        d += " (" + std::string(c.field->unit) + ")";
      out.String(d);
      Constraints(c, &out);
      if (c.field != nullptr) {
        out.Key("x-json-path");
        out.String(JsonPath(c.via, c.field->name));
      }
      out.EndObject();
    }
    out.EndArray();
    out.Key("missingValues");
    out.BeginArray();
    out.String("");
    out.EndArray();
    out.Key("primaryKey");
    Names(t.primary_key, &out);
    if (t.parent != nullptr) {
      out.Key("foreignKeys");
      out.BeginArray();
      out.BeginObject();
      out.Key("fields");
      Names(t.foreign_key, &out);
      out.Key("reference");
      out.BeginObject();
      out.Key("resource");
      out.String(t.parent->name);
      out.Key("fields");
      Names(t.parent->primary_key, &out);
      out.EndObject();
      out.EndObject();
      out.EndArray();
    }
    out.EndObject();
    out.EndObject();
  }
  out.EndArray();
  out.EndObject();
  text.push_back('\n');
  return text;
}

}  // namespace minutes
