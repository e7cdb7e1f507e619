// Extraction -> JSON, by walking the schema description: one writer for every record.

#include "export/export.h"
#include "export/json_out.h"
#include "model/schema.h"

namespace minutes {
namespace {

using internal::JsonOut;
namespace sc = schema;

void WriteScalar(const sc::Field& f, const sc::Value& v, JsonOut* out) {
  if (v.is_null) return out->Null();
  switch (f.kind) {
    case sc::Kind::kString:
    case sc::Kind::kEnum:
      return out->String(v.text);
    case sc::Kind::kInteger:
      return out->Integer(v.integer);
    case sc::Kind::kNumber:
      return out->Number(v.number);
    case sc::Kind::kMoney:
      return out->RawNumber(v.money.ToString());
    case sc::Kind::kBoolean:
      return out->Bool(v.boolean);
    case sc::Kind::kStringList:
      out->BeginArray();
      for (const std::string& s : *v.list) out->String(s);
      return out->EndArray();
    case sc::Kind::kRecord:
    case sc::Kind::kRecordList:
      break;  // not scalars
  }
}

void WriteFields(const sc::Record& record, const void* owner, JsonOut* out);

void WriteRecord(const sc::Record& record, const void* owner, JsonOut* out) {
  out->BeginObject();
  WriteFields(record, owner, out);
  out->EndObject();
}

void WriteFields(const sc::Record& record, const void* owner, JsonOut* out) {
  for (const sc::Field& f : record.fields) {
    if (f.kind == sc::Kind::kRecord) {
      if (f.embedding == sc::Embedding::kInline) {
        WriteFields(f.record(), f.child(owner), out);
      } else {
        out->Key(f.name);
        WriteRecord(f.record(), f.child(owner), out);
      }
    } else if (f.kind == sc::Kind::kRecordList) {
      out->Key(f.name);
      out->BeginArray();
      for (size_t i = 0, n = f.size(owner); i < n; ++i)
        WriteRecord(f.record(), f.at(owner, i), out);
      out->EndArray();
    } else {
      out->Key(f.name);
      WriteScalar(f, sc::Get(f, owner), out);
    }
  }
}

}  // namespace

void AppendJson(const Extraction& x, int indent, std::string* out) {
  JsonOut json(out, indent);
  WriteRecord(sc::Root(), &x, &json);
  out->push_back('\n');
}

void WriteJson(const Extraction& x, int indent, const JsonSink& sink) {
  std::string buffer;
  JsonOut json(&buffer, indent, &sink);
  WriteRecord(sc::Root(), &x, &json);
  buffer.push_back('\n');
  json.Flush();
}

std::string ToJson(const Extraction& x, int indent) {
  std::string out;
  AppendJson(x, indent, &out);
  return out;
}

}  // namespace minutes
