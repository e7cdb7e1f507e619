// The one contract: the JSON Schema, the CSV headers, datapackage.json and the README all list
// the fields of the model's description, and money survives every output exactly.

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <gtest/gtest.h>

#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "export/export.h"
#include "extract/extract.h"
#include "extract/findings.h"
#include "ingest/ingest.h"
#include "model/schema.h"

namespace minutes {
namespace {

namespace sc = schema;
using Poco::JSON::Array;
using Poco::JSON::Object;

Object::Ptr Parse(const std::string& json) {
  Poco::JSON::Parser parser;
  return parser.parse(json).extract<Object::Ptr>();
}

std::string Slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// A record's JSON keys: its fields, with inline records' fields in their place.
std::vector<std::string> JsonKeys(const sc::Record& r) {
  std::vector<std::string> keys;
  for (const sc::Field& f : r.fields) {
    if (f.kind == sc::Kind::kRecord && f.embedding == sc::Embedding::kInline) {
      for (const std::string& k : JsonKeys(f.record())) keys.push_back(k);
    } else {
      keys.push_back(std::string(f.name));
    }
  }
  return keys;
}

std::vector<std::string> Keys(const Object::Ptr& o) {
  std::vector<std::string> keys;
  for (const auto& [k, v] : *o) keys.push_back(k);
  return keys;
}

std::vector<std::string> Sorted(std::vector<std::string> v) {
  std::sort(v.begin(), v.end());
  return v;
}

TEST(ContractTest, JsonSchemaListsEveryFieldOfEveryRecord) {
  Object::Ptr schema = Parse(JsonSchema());
  EXPECT_EQ("https://json-schema.org/draft/2020-12/schema",
            schema->getValue<std::string>("$schema"));
  EXPECT_EQ(Sorted(JsonKeys(sc::Root())), Sorted(Keys(schema->getObject("properties"))));
  Object::Ptr defs = schema->getObject("$defs");
  size_t records_checked = 0;
  std::set<const sc::Record*> seen;
  std::vector<const sc::Record*> todo = {&sc::Root()};
  while (!todo.empty()) {
    const sc::Record* r = todo.back();
    todo.pop_back();
    if (!seen.insert(r).second) continue;
    for (const sc::Field& f : r->fields) {
      if (f.kind != sc::Kind::kRecord && f.kind != sc::Kind::kRecordList) continue;
      todo.push_back(&f.record());
      if (f.kind == sc::Kind::kRecord && f.embedding == sc::Embedding::kInline) continue;
      Object::Ptr def = defs->getObject(std::string(f.record().name));
      ASSERT_FALSE(def.isNull()) << f.record().name;
      EXPECT_EQ(Sorted(JsonKeys(f.record())), Sorted(Keys(def->getObject("properties"))))
          << f.record().name;
      EXPECT_EQ(def->getObject("properties")->size(), def->getArray("required")->size());
      ++records_checked;
    }
  }
  EXPECT_GE(records_checked, 10u);
}

TEST(ContractTest, CsvHeadersAndDatapackageFieldsAreTheTablesColumns) {
  CsvTables tables;
  Object::Ptr package = Parse(DataPackage());
  Array::Ptr resources = package->getArray("resources");
  ASSERT_EQ(sc::Tables().size(), resources->size());
  for (size_t i = 0; i < sc::Tables().size(); ++i) {
    const sc::Table& t = sc::Tables()[i];
    std::string header;
    for (const sc::Column& c : t.columns) header += (header.empty() ? "" : ",") + c.name;
    std::string csv = tables.Table(t.name);
    EXPECT_EQ(header, csv.substr(0, csv.find('\n'))) << t.name;
    Object::Ptr r = resources->getObject(i);
    EXPECT_EQ(t.name, r->getValue<std::string>("name"));
    EXPECT_EQ(t.name + ".csv", r->getValue<std::string>("path"));
    Array::Ptr fields = r->getObject("schema")->getArray("fields");
    std::string names;
    for (size_t k = 0; k < fields->size(); ++k)
      names += (names.empty() ? "" : ",") + fields->getObject(k)->getValue<std::string>("name");
    EXPECT_EQ(header, names) << t.name;
    // Every primary-key column exists, and every child table refers to its parent's key.
    Array::Ptr key = r->getObject("schema")->getArray("primaryKey");
    for (size_t k = 0; k < key->size(); ++k)
      EXPECT_NE(std::string::npos,
                ("," + header + ",").find("," + key->getElement<std::string>(k) + ","));
    if (t.parent != nullptr) {
      EXPECT_EQ(t.foreign_key.size(), t.parent->primary_key.size()) << t.name;
    }
  }
  // Every scalar field of every record is a column of exactly one table.
  size_t columns = 0;
  for (const sc::Table& t : sc::Tables())
    for (const sc::Column& c : t.columns) columns += c.field != nullptr;
  size_t scalars = 0;
  std::vector<const sc::Record*> todo = {&sc::Root()};
  while (!todo.empty()) {
    const sc::Record* r = todo.back();
    todo.pop_back();
    for (const sc::Field& f : r->fields) {
      if (f.is_scalar())
        ++scalars;
      else
        todo.push_back(&f.record());
    }
  }
  EXPECT_EQ(scalars, columns);
}

TEST(ContractTest, ReadmeSchemaSectionIsGenerated) {
  std::string readme = Slurp(std::string(MINUTES_SOURCE_DIR) + "/README.md");
  const std::string begin =
      "<!-- schema:begin (generated by 'minutes schema --format markdown') -->\n";
  const std::string end = "<!-- schema:end -->";
  size_t b = readme.find(begin), e = readme.find(end);
  ASSERT_NE(std::string::npos, b);
  ASSERT_NE(std::string::npos, e);
  EXPECT_EQ(SchemaMarkdown(), readme.substr(b + begin.size(), e - b - begin.size()))
      << "regenerate the README section with: build/minutes schema --format markdown";
}

TEST(ContractTest, EveryEnumValueAndFindingCodeHasOneName) {
  auto check = [](const auto& entries) {
    std::set<std::string_view> names;
    for (const auto& e : entries) {
      EXPECT_FALSE(e.name.empty());
      EXPECT_TRUE(names.insert(e.name).second) << e.name;
      EXPECT_EQ(e.name, EnumName(e.value));
    }
  };
  check(EnumTraits<Attendance>::kEntries);
  check(EnumTraits<ActionSource>::kEntries);
  check(EnumTraits<ActionStatus>::kEntries);
  check(EnumTraits<MatchMethod>::kEntries);
  check(EnumTraits<MoneyPeriod>::kEntries);
  check(EnumTraits<Severity>::kEntries);
  std::set<std::string_view> codes;
  for (size_t i = 0; i < FindingCatalogue().size(); ++i) {
    const FindingRule& r = FindingCatalogue()[i];
    EXPECT_EQ(i, static_cast<size_t>(r.id)) << r.code;  // RuleOf indexes by id
    EXPECT_TRUE(codes.insert(r.code).second) << r.code;
  }
}

// A note with a figure past six significant digits and one under a pound: both exact in the
// model, the JSON (as written and as parsed) and the CSV.
TEST(ContractTest, MoneyIsExactThroughEveryOutput) {
  Document doc;
  IngestOptions options;
  options.format = "text";
  ASSERT_TRUE(ReadBytes("Budget notes\nDate: 14 October 2025\nAttendees: Ann Bell (Kent)\n\n"
                        "Kent reported a budget of £1,234,567.89 and a mileage rate of £0.45.\n",
                        options, &doc)
                  .ok());
  Extraction x = Extract(doc, SourceOf("budget.txt", doc), {});
  ASSERT_EQ(2u, x.money.size());
  EXPECT_EQ(123456789, x.money[0].amount.pence);
  EXPECT_EQ(45, x.money[1].amount.pence);
  std::string json = ToJson(x, 0);
  EXPECT_NE(std::string::npos, json.find("\"amount\":1234567.89,")) << json;
  EXPECT_NE(std::string::npos, json.find("\"amount\":0.45,")) << json;
  Array::Ptr money = Parse(json)->getArray("money");
  EXPECT_EQ(1234567.89, money->getObject(0)->getValue<double>("amount"));
  EXPECT_EQ(0.45, money->getObject(1)->getValue<double>("amount"));
  CsvTables tables;
  tables.Add(x);
  std::string csv = tables.Table("money");
  EXPECT_NE(std::string::npos, csv.find("," + std::to_string(0) + ",1234567.89,GBP,")) << csv;
  EXPECT_NE(std::string::npos, csv.find(",1,0.45,GBP,")) << csv;
}

// JSON read back gives the same document: every sample, field for field.
TEST(ContractTest, JsonReadsBackToTheSameDocument) {
  int samples = 0;
  for (const char* dir : {"/samples/seeds/", "/samples/cases/"}) {
    for (const char* name : {"000_e0affe79a15288f1.txt", "001_2e77aad788dcd255.docx",
                             "eastern_semicolons.txt", "london_lists.docx", "midlands_cp1252.txt",
                             "northwest_bullets.txt", "southwest_table.docx"}) {
      std::string path = std::string(MINUTES_SOURCE_DIR) + dir + name;
      Document doc;
      if (!ReadFile(path, IngestOptions(), &doc).ok()) continue;  // the other folder's file
      Extraction x = Extract(doc, SourceOf(path, doc), {});
      std::string json = ToJson(x, 2);
      Extraction back;
      Status s = ParseJson(json, &back);
      ASSERT_TRUE(s.ok()) << path << ": " << s.ToString();
      EXPECT_EQ(json, ToJson(back, 2)) << path;
      EXPECT_EQ(ToJson(x, 0), ToJson(back, 0)) << path;
      ++samples;
    }
  }
  EXPECT_EQ(7, samples);
}

TEST(ContractTest, JsonThatDoesNotFitIsRefusedNamingWhere) {
  const struct {
    const char* json;
    Status::Code code;
    const char* message_part;
  } kCases[] = {
      {"not json", Status::Code::kCorrupt, "not JSON"},
      {"[1, 2]", Status::Code::kCorrupt, "not a JSON object"},
      {R"({"schema_version": "1.0"})", Status::Code::kUnsupported, "schema_version '1.0'"},
      {R"({"schema_version": "2.0", "people": [{"attendance": "maybe"}]})", Status::Code::kCorrupt,
       "$.people[0].attendance: 'maybe' is not one of its values"},
      {R"({"schema_version": "2.0", "money": [{"amount": "lots"}]})", Status::Code::kCorrupt,
       "$.money[0].amount: is not a number"},
      {R"({"schema_version": "2.0", "source": {"bytes": -3}})", Status::Code::kCorrupt,
       "$.source.bytes"},
      {R"({"schema_version": "2.0", "people": [{"name": null}]})", Status::Code::kCorrupt,
       "$.people[0].name: is null"},
      {R"({"schema_version": "2.0", "actions": {}})", Status::Code::kCorrupt,
       "$.actions: is not a list"},
  };
  for (const auto& c : kCases) {
    Extraction x;
    Status s = ParseJson(c.json, &x);
    EXPECT_EQ(c.code, s.code()) << c.json << " -> " << s.ToString();
    EXPECT_NE(std::string::npos, s.message().find(c.message_part)) << s.message();
  }
  // A later minor version's extra key is ignored; a missing key keeps its default.
  Extraction x;
  ASSERT_TRUE(
      ParseJson(R"({"schema_version": "2.7", "new_key": 1, "money": [{"amount": 0.45}]})", &x)
          .ok());
  ASSERT_EQ(1u, x.money.size());
  EXPECT_EQ(45, x.money[0].amount.pence);
  EXPECT_EQ("GBP", x.money[0].currency);
}

}  // namespace
}  // namespace minutes
