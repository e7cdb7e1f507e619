// JSON -> Extraction, by walking the schema description: the inverse of json.cc, for `load`.

#include <Poco/Exception.h>
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include "export/export.h"
#include "model/schema.h"

namespace minutes {
namespace {

namespace sc = schema;
using Poco::JSON::Array;
using Poco::JSON::Object;

Status Bad(const std::string& path, const std::string& what) {
  return Status::Corrupt("JSON " + path + ": " + what);
}

Status ReadFields(const sc::Record& record, const Object& json, void* owner,
                  const std::string& path);

Status ReadScalar(const sc::Field& f, const Poco::Dynamic::Var& v, void* owner,
                  const std::string& path) {
  sc::Value in;
  std::string text;
  std::vector<std::string> list;
  try {
    if (v.isEmpty()) {
      if (!f.nullable) return Bad(path, "is null but the field cannot be");
      in.is_null = true;
    } else {
      switch (f.kind) {
        case sc::Kind::kString:
        case sc::Kind::kEnum:
          if (!v.isString()) return Bad(path, "is not a string");
          text = v.extract<std::string>();
          in.text = text;
          break;
        case sc::Kind::kInteger:
          if (!v.isInteger() || v.convert<Poco::Int64>() < 0)
            return Bad(path, "is not a whole number >= 0");
          in.integer = v.convert<Poco::UInt64>();
          break;
        case sc::Kind::kNumber:
          if (!v.isNumeric()) return Bad(path, "is not a number");
          in.number = v.convert<double>();
          break;
        case sc::Kind::kMoney:
          if (!v.isNumeric()) return Bad(path, "is not a number");
          in.money = Amount::FromPounds(v.convert<double>());
          break;
        case sc::Kind::kBoolean:
          if (!v.isBoolean()) return Bad(path, "is not true or false");
          in.boolean = v.convert<bool>();
          break;
        case sc::Kind::kStringList: {
          Array::Ptr a = v.type() == typeid(Array::Ptr) ? v.extract<Array::Ptr>() : nullptr;
          if (a.isNull()) return Bad(path, "is not a list");
          for (size_t i = 0; i < a->size(); ++i) {
            Poco::Dynamic::Var item = a->get(i);
            if (!item.isString())
              return Bad(path + "[" + std::to_string(i) + "]", "is not a string");
            list.push_back(item.extract<std::string>());
          }
          in.list = &list;
          break;
        }
        case sc::Kind::kRecord:
        case sc::Kind::kRecordList:
          break;
      }
    }
  } catch (const Poco::Exception& e) {
    return Bad(path, e.displayText());
  }
  if (!f.set(owner, in)) return Bad(path, "'" + text + "' is not one of its values");
  return Status::OK();
}

Object::Ptr AsObject(const Poco::Dynamic::Var& v) {
  return v.type() == typeid(Object::Ptr) ? v.extract<Object::Ptr>() : nullptr;
}

Status ReadFields(const sc::Record& record, const Object& json, void* owner,
                  const std::string& path) {
  for (const sc::Field& f : record.fields) {
    std::string here = path + "." + std::string(f.name);
    if (f.kind == sc::Kind::kRecord && f.embedding == sc::Embedding::kInline) {
      Status s = ReadFields(f.record(), json, f.mutable_child(owner), path);
      if (!s.ok()) return s;
      continue;
    }
    // A key missing from a document written by an earlier minor version keeps its default.
    if (!json.has(std::string(f.name))) continue;
    Poco::Dynamic::Var v = json.get(std::string(f.name));
    if (f.kind == sc::Kind::kRecord) {
      Object::Ptr o = AsObject(v);
      if (o.isNull()) return Bad(here, "is not an object");
      Status s = ReadFields(f.record(), *o, f.mutable_child(owner), here);
      if (!s.ok()) return s;
    } else if (f.kind == sc::Kind::kRecordList) {
      Array::Ptr a = v.type() == typeid(Array::Ptr) ? v.extract<Array::Ptr>() : nullptr;
      if (a.isNull()) return Bad(here, "is not a list");
      for (size_t i = 0; i < a->size(); ++i) {
        std::string item_path = here + "[" + std::to_string(i) + "]";
        Object::Ptr o = a->getObject(static_cast<unsigned>(i));
        if (o.isNull()) return Bad(item_path, "is not an object");
        Status s = ReadFields(f.record(), *o, f.append(owner), item_path);
        if (!s.ok()) return s;
      }
    } else {
      Status s = ReadScalar(f, v, owner, here);
      if (!s.ok()) return s;
    }
  }
  return Status::OK();
}

}  // namespace

Status ParseJson(std::string_view json, Extraction* x) {
  *x = Extraction();
  Object::Ptr root;
  try {
    Poco::JSON::Parser parser;
    root = AsObject(parser.parse(std::string(json)));
  } catch (const Poco::Exception& e) {
    return Status::Corrupt("not JSON: " + e.displayText());
  }
  if (root.isNull()) return Status::Corrupt("not a JSON object");
  // Only this major version's documents have this shape; a newer minor version only adds keys.
  std::string version = root->optValue<std::string>("schema_version", "");
  std::string major = std::string(kSchemaVersion).substr(0, std::string(kSchemaVersion).find('.'));
  if (version.substr(0, version.find('.')) != major)
    return Status::Unsupported("schema_version '" + version + "' is not " + major +
                               ".x: extract the notes again with this version");
  Status s = ReadFields(schema::Root(), *root, x, "$");
  x->schema_version = kSchemaVersion;
  return s;
}

}  // namespace minutes
