// JSON -> Extraction, by walking the schema description: the inverse of json.cc, for `load` and
// for batch, which reads every document back to settle series and write the tables.
//
// Poco's parser drives a Handler of our own that sets each value into the model as it is read.
// Poco's default handler would build a tree of Dynamic::Var objects first, then walked and freed:
// that was most of the cost of reading a document back.

#include <Poco/Exception.h>
#include <Poco/JSON/Handler.h>
#include <Poco/JSON/Parser.h>

#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "export/export.h"
#include "model/schema.h"

namespace minutes {
namespace {

namespace sc = schema;

// A key of a record's JSON object: its field, reached through the inline records (Evidence in
// every item) whose fields are written as the record's own.
struct KeyField {
  const sc::Field* field = nullptr;
  std::vector<const sc::Field*> inline_path;  // kInline kRecord fields, outermost first
};

using KeyMap = std::map<std::string, KeyField, std::less<>>;

void AddKeys(const sc::Record& record, std::vector<const sc::Field*>* inline_path, KeyMap* keys) {
  for (const sc::Field& f : record.fields) {
    if (f.kind == sc::Kind::kRecord && f.embedding == sc::Embedding::kInline) {
      inline_path->push_back(&f);
      AddKeys(f.record(), inline_path, keys);
      inline_path->pop_back();
      continue;
    }
    keys->emplace(std::string(f.name), KeyField{&f, *inline_path});
  }
}

// The keys of `record`'s JSON object, built once per record for the life of the process.
const KeyMap& KeysOf(const sc::Record& record) {
  static std::mutex mu;
  static auto* all = new std::map<const sc::Record*, KeyMap>;
  std::lock_guard<std::mutex> lock(mu);
  auto [it, fresh] = all->try_emplace(&record);
  if (fresh) {
    std::vector<const sc::Field*> path;
    AddKeys(record, &path, &it->second);
  }
  return it->second;
}

// A scalar as JSON gave it, before it is checked against its field.
struct Scalar {
  enum class Type { kNull, kString, kInteger, kNegative, kDouble, kBoolean } type;
  std::string text;
  uint64_t integer = 0;
  double number = 0;
  bool boolean = false;
};

class ModelHandler : public Poco::JSON::Handler {
 public:
  explicit ModelHandler(Extraction* x) : x_(x) {}

  // The first problem met, with where it is ("$.people[3].name: is not a string").
  const Status& status() const { return status_; }
  bool root_is_object() const { return root_is_object_; }
  // The document's schema_version, when it has one.
  const std::optional<std::string>& version() const { return version_; }

  void reset() override {}

  void startObject() override {
    if (frames_.empty()) {  // the document itself
      root_is_object_ = true;
      frames_.push_back(Make(Frame::kObject, &sc::Root(), x_, "$"));
      return;
    }
    Frame& top = frames_.back();
    if (top.type == Frame::kRecordList) {
      std::string name = Index(top);
      ++top.items;
      frames_.push_back(
          Make(Frame::kObject, &top.field->record(), top.field->append(top.owner), name));
      return;
    }
    if (top.type == Frame::kObject && top.pending.field != nullptr) {
      const sc::Field& f = *top.pending.field;
      if (f.kind == sc::Kind::kRecord) {
        void* owner = f.mutable_child(PendingOwner(top));
        std::string name = "." + std::string(f.name);
        top.pending = {};
        frames_.push_back(Make(Frame::kObject, &f.record(), owner, name));
        return;
      }
      top.pending = {};
      Fail(f, ScalarMismatch(f));
    } else if (top.type == Frame::kStringList) {
      FailItem(top, "is not a string");
    }
    Skip();
  }

  void endObject() override { Pop(); }

  void startArray() override {
    if (frames_.empty()) {  // a document that is not an object: only noted
      frames_.push_back(Make(Frame::kSkip, nullptr, nullptr, "$"));
      return;
    }
    Frame& top = frames_.back();
    if (top.type == Frame::kObject && top.pending.field != nullptr) {
      const sc::Field& f = *top.pending.field;
      void* owner = PendingOwner(top);
      std::string name = "." + std::string(f.name);
      top.pending = {};
      if (f.kind == sc::Kind::kRecordList) {
        frames_.push_back(Make(Frame::kRecordList, nullptr, owner, name, &f));
        return;
      }
      if (f.kind == sc::Kind::kStringList) {
        frames_.push_back(Make(Frame::kStringList, nullptr, owner, name, &f));
        return;
      }
      Fail(f, ScalarMismatch(f));
    } else if (top.type == Frame::kRecordList) {
      FailItem(top, "is not an object");
    } else if (top.type == Frame::kStringList) {
      FailItem(top, "is not a string");
    }
    Skip();
  }

  void endArray() override {
    Frame& top = frames_.back();
    if (top.type == Frame::kStringList && status_.ok()) {
      sc::Value v;
      v.list = &top.strings;
      top.field->set(top.owner, v);
    }
    Pop();
  }

  void key(const std::string& k) override {
    Frame& top = frames_.back();
    if (top.type != Frame::kObject) return;
    const KeyMap& keys = KeysOf(*top.record);
    auto it = keys.find(k);
    // A key from a later minor version of the schema is not ours: its value is skipped.
    top.pending = it == keys.end() ? KeyField{} : it->second;
  }

  void null() override { OnScalar(Scalar{Scalar::Type::kNull, {}}); }
  void value(int v) override { OnInteger(static_cast<Poco::Int64>(v)); }
  void value(unsigned v) override { OnInteger(static_cast<Poco::UInt64>(v)); }
  void value(Poco::Int64 v) override {
    if (v < 0) {
      Scalar s{Scalar::Type::kNegative, {}};
      s.number = static_cast<double>(v);
      OnScalar(s);
    } else {
      OnInteger(static_cast<Poco::UInt64>(v));
    }
  }
  void value(Poco::UInt64 v) override { OnInteger(v); }
  void value(const std::string& v) override { OnScalar(Scalar{Scalar::Type::kString, v}); }
  void value(double d) override {
    Scalar s{Scalar::Type::kDouble, {}};
    s.number = d;
    OnScalar(s);
  }
  void value(bool b) override {
    Scalar s{Scalar::Type::kBoolean, {}};
    s.boolean = b;
    OnScalar(s);
  }

 private:
  struct Frame {
    enum Type { kObject, kRecordList, kStringList, kSkip } type;
    const sc::Record* record;          // kObject
    void* owner;                       // kObject: the record; lists: the record holding the list
    std::string name;                  // ".people", "[3]", "$": for messages
    KeyField pending;                  // kObject: the field of the key just read
    const sc::Field* field = nullptr;  // lists
    size_t items = 0;                  // lists: items so far
    std::vector<std::string> strings;  // kStringList
  };
  static Frame Make(Frame::Type type, const sc::Record* record, void* owner, std::string name,
                    const sc::Field* list_field = nullptr) {
    Frame f{type, record, owner, std::move(name), KeyField{}, list_field, 0, {}};
    return f;
  }

  void OnInteger(Poco::UInt64 v) {
    Scalar s{Scalar::Type::kInteger, {}};
    s.integer = v;
    s.number = static_cast<double>(v);
    OnScalar(s);
  }

  static void* PendingOwner(const Frame& top) {
    void* owner = top.owner;
    for (const sc::Field* f : top.pending.inline_path) owner = f->mutable_child(owner);
    return owner;
  }

  static std::string Index(const Frame& list) { return "[" + std::to_string(list.items) + "]"; }

  std::string Path() const {
    std::string path;
    for (const Frame& f : frames_) path += f.name;
    return path;
  }

  // Notes the first problem: field `f` of the innermost object, or the next item of its list.
  void Fail(const sc::Field& f, const std::string& what) {
    if (status_.ok())
      status_ = Status::Corrupt("JSON " + Path() + "." + std::string(f.name) + ": " + what);
  }
  void FailItem(Frame& list, const std::string& what) {
    if (status_.ok()) status_ = Status::Corrupt("JSON " + Path() + Index(list) + ": " + what);
    ++list.items;
  }

  static std::string ScalarMismatch(const sc::Field& f) {
    switch (f.kind) {
      case sc::Kind::kString:
      case sc::Kind::kEnum:
        return "is not a string";
      case sc::Kind::kInteger:
        return "is not a whole number >= 0";
      case sc::Kind::kNumber:
      case sc::Kind::kMoney:
        return "is not a number";
      case sc::Kind::kBoolean:
        return "is not true or false";
      case sc::Kind::kStringList:
      case sc::Kind::kRecordList:
        return "is not a list";
      case sc::Kind::kRecord:
        return "is not an object";
    }
    return "is not valid";
  }

  void Skip() { frames_.push_back(Make(Frame::kSkip, nullptr, nullptr, "")); }
  void Pop() {
    if (!frames_.empty()) frames_.pop_back();
  }

  void OnScalar(const Scalar& in) {
    if (frames_.empty()) return;  // a document that is only a scalar
    Frame& top = frames_.back();
    if (top.type == Frame::kStringList) {
      if (in.type != Scalar::Type::kString) return FailItem(top, "is not a string");
      top.strings.push_back(in.text);
      ++top.items;
      return;
    }
    if (top.type == Frame::kRecordList) return FailItem(top, "is not an object");
    if (top.type != Frame::kObject || top.pending.field == nullptr) return;
    const sc::Field& f = *top.pending.field;
    void* owner = PendingOwner(top);
    top.pending = {};
    if (!f.is_scalar()) return Fail(f, ScalarMismatch(f));
    sc::Value v;
    using T = Scalar::Type;
    if (in.type == T::kNull) {
      if (!f.nullable) return Fail(f, "is null but the field cannot be");
      v.is_null = true;
    } else {
      switch (f.kind) {
        case sc::Kind::kString:
        case sc::Kind::kEnum:
          if (in.type != T::kString) return Fail(f, ScalarMismatch(f));
          v.text = in.text;
          break;
        case sc::Kind::kInteger:
          if (in.type != T::kInteger) return Fail(f, ScalarMismatch(f));
          v.integer = in.integer;
          break;
        case sc::Kind::kNumber:
          if (in.type != T::kInteger && in.type != T::kNegative && in.type != T::kDouble)
            return Fail(f, ScalarMismatch(f));
          v.number = in.number;
          break;
        case sc::Kind::kMoney:
          if (in.type != T::kInteger && in.type != T::kNegative && in.type != T::kDouble)
            return Fail(f, ScalarMismatch(f));
          v.money = Amount::FromPounds(in.number);
          break;
        case sc::Kind::kBoolean:
          if (in.type != T::kBoolean) return Fail(f, ScalarMismatch(f));
          v.boolean = in.boolean;
          break;
        case sc::Kind::kStringList:
        case sc::Kind::kRecord:
        case sc::Kind::kRecordList:
          return Fail(f, ScalarMismatch(f));
      }
    }
    if (status_.ok() && !f.set(owner, v))
      Fail(f, f.kind == sc::Kind::kInteger
                  ? "is larger than the field holds"
                  : "'" + std::string(v.text) + "' is not one of its values");
    if (f.name == "schema_version" && top.record == &sc::Root() && in.type == T::kString)
      version_ = in.text;
  }

  Extraction* x_;
  std::vector<Frame> frames_;
  Status status_;
  bool root_is_object_ = false;
  std::optional<std::string> version_;
};

}  // namespace

Status ParseJson(std::string_view json, Extraction* x) {
  *x = Extraction();
  Poco::SharedPtr<ModelHandler> handler(new ModelHandler(x));
  try {
    Poco::JSON::Parser parser(handler);
    parser.parse(std::string(json));
  } catch (const Poco::Exception& e) {
    return Status::Corrupt("not JSON: " + e.displayText());
  }
  if (!handler->root_is_object()) return Status::Corrupt("not a JSON object");
  // Only this major version's documents have this shape; a newer minor version only adds keys.
  std::string version = handler->version().value_or("");
  std::string major = std::string(kSchemaVersion).substr(0, std::string(kSchemaVersion).find('.'));
  if (version.substr(0, version.find('.')) != major)
    return Status::Unsupported("schema_version '" + version + "' is not " + major +
                               ".x: extract the notes again with this version");
  x->schema_version = kSchemaVersion;
  return handler->status();
}

}  // namespace minutes
