// JSON and CSV output: the types, nulls, order, indentation and quoting a warehouse loader
// depends on, checked on a hand-built extraction.

#include "export/export.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <fstream>
#include <sstream>
#include <string>

namespace minutes {
namespace {

Extraction Sample() {
  Extraction x;
  x.source = {"notes.txt", std::string(64, 'a'), "text", 120, {}};
  x.meeting.title = "Group, \"quarterly\" notes";
  x.meeting.date = "2025-07-07";
  x.meeting.next_meetings.push_back(MeetingTime{"2025-10-06", "10:00", "11:30", false, {}});
  Money m;
  m.amount = Amount{6000000};
  m.approximate = true;
  m.text = "c.£60k";
  m.evidence = {Span{10, 17}, 0.9, "money.approximate"};
  x.money.push_back(m);
  Money exact;
  exact.amount = Amount{123456789};
  exact.range_max = Amount{45};
  exact.period = MoneyPeriod::kWeek;
  x.money.push_back(exact);
  Action a;
  a.ref = "41";
  a.text = "PH, KL and SA to meet";
  a.owners = {Owner{"PH", "Peter Hodges", "p-1", Span{0, 2}}, Owner{"SA", "", "", Span{11, 13}}};
  a.status = ActionStatus::kOngoing;
  x.actions.push_back(a);
  Person p;
  p.name = "Ann Bell";
  p.la_codes = {"E10000016", "E06000035"};
  p.attendance = Attendance::kApologies;
  x.people.push_back(p);
  x.findings.push_back(Finding{"missing_status", Severity::kWarning, "no status", Span{3, 4}});
  return x;
}

Poco::JSON::Object::Ptr Parse(const std::string& json) {
  Poco::JSON::Parser parser;
  return parser.parse(json).extract<Poco::JSON::Object::Ptr>();
}

TEST(ExportTest, JsonHasSchemaTypesAndNulls) {
  std::string json = ToJson(Sample());
  EXPECT_EQ(0u, json.find("{\n  \"schema_version\": \"" + std::string(kSchemaVersion) +
                          "\",\n"));  // schema order: version first
  EXPECT_LT(json.find("\"source\": {\n    \"path\""), json.find("\"meeting\": {\n"));
  Poco::JSON::Object::Ptr x = Parse(json);
  Poco::JSON::Object::Ptr money = x->getArray("money")->getObject(0);
  EXPECT_TRUE(money->get("approximate").isBoolean());
  EXPECT_TRUE(money->getValue<bool>("approximate"));
  EXPECT_TRUE(money->isNull("range_max"));
  EXPECT_TRUE(money->isNull("period"));  // not said: null, not ""
  EXPECT_EQ(10u, money->getObject("span")->getValue<size_t>("start"));
  Poco::JSON::Object::Ptr action = x->getArray("actions")->getObject(0);
  Poco::JSON::Array::Ptr owners = action->getArray("owners");
  EXPECT_EQ("Peter Hodges", owners->getObject(0)->getValue<std::string>("name"));
  EXPECT_TRUE(owners->getObject(1)->isNull("name"));  // unresolved owner
  EXPECT_TRUE(action->isNull("linked_log_index"));
  EXPECT_EQ("ongoing", action->getValue<std::string>("status"));
  EXPECT_TRUE(x->getObject("meeting")->isNull("chair"));
  EXPECT_EQ("apologies", x->getArray("people")->getObject(0)->getValue<std::string>("attendance"));
}

// Spans hold 32-bit offsets (common/span.h): a larger one read back is refused, not wrapped.
TEST(ExportTest, ReadBackSpanPast32BitsIsRefused) {
  Extraction x;
  ASSERT_TRUE(ParseJson(R"({"schema_version": "2.1", "money": [{"span": {"start": 4294967295,
                             "end": 4294967295}}]})",
                        &x)
                  .ok());
  EXPECT_EQ(4294967295u, x.money[0].evidence.span.start);
  Status s = ParseJson(
      R"({"schema_version": "2.1", "money": [{"span": {"start": 4294967296, "end": 1}}]})", &x);
  EXPECT_EQ(Status::Code::kCorrupt, s.code());
  EXPECT_NE(std::string::npos, s.message().find("span.start: is larger than the field holds"))
      << s.message();
}

TEST(ExportTest, MoneyIsExactToThePenny) {
  std::string json = ToJson(Sample(), 0);
  EXPECT_NE(std::string::npos, json.find("\"amount\":60000,")) << json;
  EXPECT_NE(std::string::npos, json.find("\"amount\":1234567.89,")) << json;
  EXPECT_NE(std::string::npos, json.find("\"range_max\":0.45,")) << json;
  EXPECT_EQ("0.1", Amount{10}.ToString());
  EXPECT_EQ("-3.05", Amount{-305}.ToString());
  EXPECT_EQ(Amount{123456789}, Amount::FromPounds(1234567.89));
}

// Every line of pretty JSON is indented two spaces per open container, at every depth.
TEST(ExportTest, PrettyJsonIsIndentedByDepth) {
  std::string json = ToJson(Sample(), 2);
  std::istringstream lines(json);
  std::string line;
  int depth = 0, checked = 0;
  while (std::getline(lines, line)) {
    size_t indent = line.find_first_not_of(' ');
    ASSERT_NE(std::string::npos, indent) << "blank line in " << json;
    char first = line[indent];
    int expected = depth - ((first == '}' || first == ']') ? 1 : 0);
    EXPECT_EQ(static_cast<size_t>(2 * expected), indent) << "line: " << line;
    ++checked;
    bool in_string = false;
    for (size_t i = indent; i < line.size(); ++i) {
      char c = line[i];
      if (in_string) {
        if (c == '\\')
          ++i;
        else if (c == '"')
          in_string = false;
      } else if (c == '"') {
        in_string = true;
      } else if (c == '{' || c == '[') {
        ++depth;
      } else if (c == '}' || c == ']') {
        --depth;
      }
    }
  }
  EXPECT_EQ(0, depth);
  EXPECT_GT(checked, 60);
  EXPECT_NE(std::string::npos, json.find("\"roles\": [],"));  // empty lists stay on one line
  std::string compact = ToJson(Sample(), 0);
  EXPECT_EQ(compact.size() - 1, compact.find('\n'));  // JSON Lines: one line per document
  EXPECT_EQ(Parse(compact)->getArray("money")->size(), 2u);
}

// A large document's JSON is written in pieces as it goes: joined, they are ToJson's bytes, and
// no piece holds much more than the writer's buffer.
TEST(ExportTest, StreamedJsonIsToJsonInBoundedPieces) {
  Extraction x = Sample();
  for (int i = 0; i < 3000; ++i) {
    Money m = x.money[0];
    m.evidence.span = Span{static_cast<size_t>(i) * 20, static_cast<size_t>(i) * 20 + 7};
    m.text = "£" + std::to_string(i) + "ph \"weekly\"";
    x.money.push_back(m);
  }
  for (int indent : {0, 2}) {
    const std::string whole = ToJson(x, indent);
    ASSERT_GT(whole.size(), 3u * (64u << 10));
    std::string joined;
    size_t pieces = 0, largest = 0;
    WriteJson(x, indent, [&](std::string_view piece) {
      EXPECT_FALSE(piece.empty());
      ++pieces;
      largest = std::max(largest, piece.size());
      joined.append(piece);
    });
    EXPECT_EQ(whole, joined) << "indent " << indent;
    EXPECT_GE(pieces, 3u);
    EXPECT_LT(largest, 2u * (64u << 10));
  }
  // A small document is one piece.
  size_t pieces = 0;
  WriteJson(Sample(), 2, [&](std::string_view) { ++pieces; });
  EXPECT_EQ(1u, pieces);
}

TEST(ExportTest, JsonStringsAreEscapedAndAlwaysUtf8) {
  Extraction x = Sample();
  x.meeting.title = std::string("tab\tquote\" back\\ nl\n bell\x07 bad\xff end £");
  std::string json = ToJson(x, 0);
  EXPECT_NE(std::string::npos,
            json.find("\"tab\\tquote\\\" back\\\\ nl\\n bell\\u0007 bad\xEF\xBF\xBD end £\""))
      << json;
  EXPECT_EQ(x.meeting.title.substr(0, 9),
            Parse(json)->getObject("meeting")->getValue<std::string>("title").substr(0, 9));
}

TEST(ExportTest, CsvQuotesAndKeysEveryRow) {
  CsvTables tables;
  tables.Add(Sample());
  const std::string sha(64, 'a');
  std::string documents = tables.Table("documents");
  EXPECT_EQ(0u, documents.find("schema_version,")) << documents;
  std::string header = "," + documents.substr(0, documents.find('\n')) + ",";
  for (const char* column : {"path", "sha256", "format", "bytes", "title", "date", "series"})
    EXPECT_NE(std::string::npos, header.find("," + std::string(column) + ",")) << column;
  EXPECT_NE(std::string::npos, documents.find("\"Group, \"\"quarterly\"\" notes\""));
  std::string actions = tables.Table("actions");
  EXPECT_EQ(0u, actions.find("document_sha256,index,ref,text,issued,due,status,")) << actions;
  EXPECT_NE(std::string::npos, actions.find(sha + ",0,41,\"PH, KL and SA to meet\",,,ongoing,"))
      << actions;
  // Owners are rows of their own, keyed by the action: no list with a hole in it.
  EXPECT_EQ("document_sha256,action_index,index,text,name,person_id,span_start,span_end\n" + sha +
                ",0,0,PH,Peter Hodges,p-1,0,2\n" + sha + ",0,1,SA,,,11,13\n",
            tables.Table("action_owners"));
  std::string money = tables.Table("money");
  EXPECT_NE(std::string::npos, money.find(sha + ",0,60000,GBP,,,true,c.£60k,")) << money;
  EXPECT_NE(std::string::npos, money.find(sha + ",1,1234567.89,GBP,0.45,week,false,")) << money;
  EXPECT_NE(std::string::npos, tables.Table("attendance").find(",E10000016;E06000035,apologies,"));
  EXPECT_NE(std::string::npos, tables.Table("next_meetings").find(sha + ",0,2025-10-06,10:00,"));
  EXPECT_EQ("", tables.Table("no_such_table"));
}

TEST(ExportTest, CsvWriteCreatesNestedDirectoriesAndAPackage) {
  std::string dir = ::testing::TempDir() + "/export_test_" + std::to_string(::getpid()) + "/a/b";
  CsvTables tables;
  tables.Add(Sample());
  ASSERT_TRUE(tables.Write(dir).ok());
  for (const char* name : {"documents.csv", "attendance.csv", "actions.csv", "action_owners.csv",
                           "money.csv", "datapackage.json"}) {
    std::ifstream in(dir + "/" + name);
    EXPECT_TRUE(in.good()) << name;
  }
  Status s = tables.Write("/proc/no/such/dir");
  EXPECT_FALSE(s.ok());
  EXPECT_NE(std::string::npos, s.message().find("/proc/no/such/dir")) << s.message();
}

}  // namespace
}  // namespace minutes
