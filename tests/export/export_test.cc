// JSON and CSV output: the types, nulls, order and quoting a warehouse loader depends on.

#include "export/export.h"

#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <gtest/gtest.h>

#include <string>

namespace minutes {
namespace {

Extraction Sample() {
  Extraction x;
  x.source = {"notes.txt", std::string(64, 'a'), "text", 120};
  x.meeting.title = "Group, \"quarterly\" notes";
  x.meeting.date = "2025-07-07";
  Money m;
  m.amount = 60000;
  m.approximate = true;
  m.text = "c.£60k";
  m.evidence = {Span{10, 17}, 0.9, "money.approximate"};
  x.money.push_back(m);
  Action a;
  a.ref = "41";
  a.text = "PH, KL and SA to meet";
  a.owners = {"PH", "SA"};
  a.owner_names = {"Peter Hodges", ""};
  a.source = "log";
  x.actions.push_back(a);
  return x;
}

TEST(ExportTest, JsonHasSchemaTypesAndNulls) {
  std::string json = ToJson(Sample());
  EXPECT_EQ(0u, json.find("{\n  \"schema_version\" : \"1.0\""));  // schema order: version first
  Poco::JSON::Parser parser;
  Poco::JSON::Object::Ptr x = parser.parse(json).extract<Poco::JSON::Object::Ptr>();
  Poco::JSON::Object::Ptr money = x->getArray("money")->getObject(0);
  EXPECT_TRUE(money->get("approximate").isBoolean());
  EXPECT_TRUE(money->getValue<bool>("approximate"));
  EXPECT_TRUE(money->isNull("range_max"));
  EXPECT_TRUE(money->isNull("period"));  // not said: null, not ""
  EXPECT_DOUBLE_EQ(60000, money->getValue<double>("amount"));
  EXPECT_EQ(10u, money->getObject("span")->getValue<size_t>("start"));
  Poco::JSON::Object::Ptr action = x->getArray("actions")->getObject(0);
  EXPECT_TRUE(action->getArray("owner_names")->isNull(1));  // unresolved owner
  EXPECT_TRUE(x->getObject("meeting")->isNull("chair"));
  std::string compact = ToJson(Sample(), 0);
  EXPECT_EQ(compact.size() - 1, compact.find('\n'));  // the compact form is one line
}

TEST(ExportTest, CsvQuotesAndKeysEveryRow) {
  CsvTables tables;
  tables.Add(Sample());
  std::string meetings = tables.Table("meetings");
  EXPECT_NE(std::string::npos, meetings.find("\"Group, \"\"quarterly\"\" notes\""));
  std::string actions = tables.Table("actions");
  EXPECT_NE(std::string::npos, actions.find(std::string(64, 'a') + ",41,\"PH, KL and SA to meet\""))
      << actions;
  EXPECT_NE(std::string::npos, actions.find(",PH;SA,Peter Hodges;,")) << actions;
  std::string money = tables.Table("money");
  EXPECT_NE(std::string::npos, money.find(",60000,GBP,,,true,c.£60k,")) << money;
  EXPECT_EQ(7u, CsvTables::TableNames().size());
}

}  // namespace
}  // namespace minutes
