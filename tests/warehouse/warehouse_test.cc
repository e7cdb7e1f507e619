// The warehouse as its users meet it: loads that can be re-run, replaced, refused part-way or
// killed, a schema in step with the model, and warehouse questions answered alike on SQLite and
// PostgreSQL. Every test runs on each backend (PostgreSQL: a real server the test starts).

#include "warehouse/warehouse.h"

#include <dirent.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "export/export.h"
#include "extract/extract.h"
#include "ingest/ingest.h"
#include "normalize/normalize.h"
#include "tests/warehouse/backends.h"
#include "warehouse/sql_schema.h"

namespace minutes::warehouse {
namespace {

using minutes_test::Backend;

std::string Slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Every sample note, extracted.
std::vector<Extraction> Samples() {
  std::vector<Extraction> out;
  for (const char* dir : {"samples/seeds", "samples/cases"}) {
    std::string base = std::string(MINUTES_SOURCE_DIR) + "/" + dir;
    std::vector<std::string> names;
    if (DIR* d = opendir(base.c_str())) {
      while (dirent* e = readdir(d)) {
        std::string n = e->d_name;
        if (n.size() > 4 && (n.substr(n.size() - 4) == ".txt" || n.substr(n.size() - 5) == ".docx"))
          names.push_back(n);
      }
      closedir(d);
    }
    std::sort(names.begin(), names.end());
    for (const std::string& n : names) {
      Document doc;
      std::string path = base + "/" + n;
      EXPECT_TRUE(ReadFile(path, IngestOptions(), &doc).ok()) << path;
      out.push_back(Extract(doc, SourceOf(std::string(dir) + "/" + n, doc), {}));
    }
  }
  return out;
}

class WarehouseTest : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    std::string why;
    url_ = GetParam().NewDatabase(&why);
    if (url_.empty()) {
      if (std::getenv("CI") != nullptr) FAIL() << GetParam().name << " unavailable in CI: " << why;
      GTEST_SKIP() << GetParam().name << " unavailable here: " << why;
    }
    Status s = Warehouse::Open(url_, &db_);
    ASSERT_TRUE(s.ok()) << s.ToString();
    ASSERT_TRUE(db_->LoadRegister(normalize::LaRegister::Default()).ok());
  }

  // Every table's rows, sorted, as text: what "identical tables" compares.
  std::map<std::string, std::vector<std::string>> Dump() {
    std::map<std::string, std::vector<std::string>> out;
    for (const ExpectedTable& t : ExpectedTables()) {
      QueryResult r;
      Status s = db_->Query("SELECT * FROM " + Quote(t.name), &r);
      EXPECT_TRUE(s.ok()) << s.ToString();
      for (const auto& row : r.rows) {
        std::string line;
        for (const std::string& v : row) line += v + "\x1f";
        out[t.name].push_back(line);
      }
      std::sort(out[t.name].begin(), out[t.name].end());
    }
    return out;
  }

  int64_t Count(const std::string& sql) {
    QueryResult r;
    Status s = db_->Query(sql, &r);
    EXPECT_TRUE(s.ok()) << s.ToString();
    return r.rows.empty() ? -1 : std::stoll(r.rows[0][0]);
  }

  std::string url_;
  std::unique_ptr<Warehouse> db_;
};

TEST_P(WarehouseTest, MigrationsGiveTheTablesTheModelDescribes) {
  EXPECT_EQ(static_cast<int>(Migrations().size()), db_->schema_version());
  EXPECT_EQ(1, Count("SELECT COUNT(*) FROM \"schema_migrations\" WHERE \"version\" = 1"));
  for (const ExpectedTable& t : ExpectedTables()) {
    QueryResult r;
    Status s = db_->Query("SELECT * FROM " + Quote(t.name) + " WHERE 1 = 0", &r);
    ASSERT_TRUE(s.ok()) << t.name << ": " << s.ToString();
    // As sets: a column a later migration adds (ALTER TABLE ... ADD COLUMN) comes last in the
    // database, wherever the model declares it; rows are written by column name.
    std::set<std::string> want(t.columns.begin(), t.columns.end());
    std::set<std::string> got(r.columns.begin(), r.columns.end());
    EXPECT_EQ(want, got) << t.name << ": the migrations and the model disagree; add a migration";
  }
  // Opening again applies nothing twice.
  std::unique_ptr<Warehouse> again;
  ASSERT_TRUE(Warehouse::Open(url_, &again).ok());
  EXPECT_EQ(db_->schema_version(), again->schema_version());
  EXPECT_EQ(static_cast<int64_t>(Migrations().size()),
            Count("SELECT COUNT(*) FROM \"schema_migrations\""));
}

TEST_P(WarehouseTest, LoadingEverySampleTwiceLeavesIdenticalTables) {
  std::vector<Extraction> docs = Samples();
  ASSERT_GE(docs.size(), 9u);
  std::map<LoadOutcome, int> first;
  for (const Extraction& x : docs) {
    LoadResult r;
    Status s = db_->Load(x, "test", &r);
    ASSERT_TRUE(s.ok()) << x.source.path << ": " << s.ToString();
    ++first[r.outcome];
  }
  // The .docx and .txt of each seed are one meeting: one of each pair is skipped.
  EXPECT_EQ(2, first[LoadOutcome::kDuplicateMeeting]);
  EXPECT_EQ(static_cast<int>(docs.size()) - 2, first[LoadOutcome::kLoaded]);
  auto before = Dump();
  for (const Extraction& x : docs) {
    LoadResult r;
    ASSERT_TRUE(db_->Load(x, "test", &r).ok());
    EXPECT_TRUE(r.outcome == LoadOutcome::kUnchanged || r.outcome == LoadOutcome::kDuplicateMeeting)
        << x.source.path;
  }
  EXPECT_EQ(before, Dump());
  // Rows match the documents: attendance of the July seed, its action history.
  EXPECT_EQ(static_cast<int64_t>(docs.size()) - 2, Count("SELECT COUNT(*) FROM \"documents\""));
  EXPECT_EQ(2, Count("SELECT COUNT(*) FROM \"action_status_history\" WHERE \"ref\" = '47'"));
  EXPECT_GT(Count("SELECT COUNT(*) FROM \"people\""), 40);
  EXPECT_EQ(317, Count("SELECT COUNT(*) FROM \"local_authorities\""));  // every English LA
  EXPECT_EQ(164, Count("SELECT COUNT(*) FROM \"local_authorities\" WHERE \"tier\" = 'lower' AND "
                       "\"county_gss_code\" <> ''"));  // the districts, each with its county
}

TEST_P(WarehouseTest, ANewVersionOfAPathReplacesItsRows) {
  std::vector<Extraction> docs = Samples();
  Extraction x = docs.front();
  LoadResult r;
  ASSERT_TRUE(db_->Load(x, "test", &r).ok());
  int64_t attendance = Count("SELECT COUNT(*) FROM \"attendance\"");
  Extraction edited = x;
  edited.source.sha256 = std::string(64, 'e');
  edited.people.pop_back();
  ASSERT_TRUE(db_->Load(edited, "test", &r).ok());
  EXPECT_EQ(LoadOutcome::kReplaced, r.outcome);
  EXPECT_EQ(x.source.sha256, r.other);
  EXPECT_EQ(1, Count("SELECT COUNT(*) FROM \"documents\""));
  EXPECT_EQ(attendance - 1, Count("SELECT COUNT(*) FROM \"attendance\""));
  EXPECT_EQ(0, Count("SELECT COUNT(*) FROM \"attendance\" WHERE \"document_sha256\" = '" +
                     x.source.sha256 + "'"));
}

// A load that fails part-way leaves the database as it was before that document.
TEST_P(WarehouseTest, AFailedLoadLeavesNothingOfTheDocument) {
  std::vector<Extraction> docs = Samples();
  LoadResult r;
  ASSERT_TRUE(db_->Load(docs[0], "test", &r).ok());
  auto before = Dump();
  // Another meeting's notes, with money in them.
  auto other = std::find_if(docs.begin(), docs.end(), [&](const Extraction& x) {
    return x.meeting.date != docs[0].meeting.date && !x.money.empty();
  });
  ASSERT_NE(docs.end(), other);
  Extraction bad = *other;
  // Money rows are written after the documents, attendance and actions rows of the same
  // transaction: refusing them fails the load part-way.
  Status broken = GetParam().BreakInserts(db_.get(), "money");
  ASSERT_TRUE(broken.ok()) << broken.ToString();
  Status s = db_->Load(bad, "test", &r);
  EXPECT_FALSE(s.ok());
  EXPECT_NE(std::string::npos,
            s.message().find(GetParam().name == "sqlite" ? "sqlite" : "postgresql"))
      << s.message();
  EXPECT_EQ(before, Dump());
}

TEST_P(WarehouseTest, QuestionsHaveAnswers) {
  for (const Extraction& x : Samples()) {
    LoadResult r;
    ASSERT_TRUE(db_->Load(x, "test", &r).ok());
  }
  std::string dir = std::string(MINUTES_SOURCE_DIR) + "/warehouse/questions/";
  QueryResult r;
  ASSERT_TRUE(db_->Query(Slurp(dir + "action_history.sql"), &r).ok());
  ASSERT_EQ(2u, r.rows.size());
  EXPECT_EQ("2025-07-07", r.rows[0][0]);
  EXPECT_EQ("open", r.rows[0][1]);
  EXPECT_EQ("2025-12-09", r.rows[1][0]);
  EXPECT_EQ("ongoing", r.rows[1][1]);
  ASSERT_TRUE(db_->Query(Slurp(dir + "attendance_by_person.sql"), &r).ok());
  ASSERT_FALSE(r.rows.empty());
  EXPECT_EQ("2", r.rows[0][1]);  // someone was present at both seed meetings
}

// A value as the questions compare it: numbers by value (SQLite's REAL 310.0 and PostgreSQL's
// NUMERIC 310.00 are one answer), everything else as text.
std::string Canonical(const std::string& v) {
  char* end = nullptr;
  double d = std::strtod(v.c_str(), &end);
  if (!v.empty() && end != nullptr && *end == '\0') {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.2f", d);
    return buf;
  }
  return v;
}

// Every warehouse question gets the same answer from SQLite and from PostgreSQL after loading
// every sample.
TEST(WarehouseQuestionsTest, SqliteAndPostgresqlAnswerAlike) {
  std::vector<Extraction> docs = Samples();
  std::map<std::string, std::map<std::string, std::vector<std::vector<std::string>>>> answers;
  std::vector<std::string> questions;
  std::string dir = std::string(MINUTES_SOURCE_DIR) + "/warehouse/questions/";
  if (DIR* d = opendir(dir.c_str())) {
    while (dirent* e = readdir(d)) {
      std::string n = e->d_name;
      if (n.size() > 4 && n.substr(n.size() - 4) == ".sql") questions.push_back(n);
    }
    closedir(d);
  }
  std::sort(questions.begin(), questions.end());
  ASSERT_GE(questions.size(), 4u);
  for (const Backend& b : minutes_test::Backends()) {
    std::string why, url = b.NewDatabase(&why);
    if (url.empty()) {
      if (std::getenv("CI") != nullptr) FAIL() << b.name << " unavailable in CI: " << why;
      GTEST_SKIP() << b.name << " unavailable here: " << why;
    }
    std::unique_ptr<Warehouse> db;
    ASSERT_TRUE(Warehouse::Open(url, &db).ok());
    ASSERT_TRUE(db->LoadRegister(normalize::LaRegister::Default()).ok());
    for (const Extraction& x : docs) {
      LoadResult r;
      ASSERT_TRUE(db->Load(x, "test", &r).ok());
    }
    for (const std::string& q : questions) {
      QueryResult r;
      Status s = db->Query(Slurp(dir + q), &r);
      ASSERT_TRUE(s.ok()) << b.name << " " << q << ": " << s.ToString();
      EXPECT_FALSE(r.rows.empty()) << b.name << " " << q;
      std::vector<std::vector<std::string>> rows = {r.columns};
      for (auto& row : r.rows) {
        for (std::string& v : row) v = Canonical(v);
        rows.push_back(row);
      }
      answers[q][b.name] = rows;
    }
  }
  for (const std::string& q : questions)
    EXPECT_EQ(answers[q]["sqlite"], answers[q]["postgresql"]) << q;
}

TEST(WarehouseUrlTest, BadUrlsAreUsageErrors) {
  std::unique_ptr<Warehouse> db;
  for (const char* url : {"mysql://x/y", "sqlite:", "postgresql://host-only", "minutes.db"}) {
    Status s = Warehouse::Open(url, &db);
    EXPECT_EQ(Status::Code::kInvalidArgument, s.code()) << url << ": " << s.ToString();
  }
  Status s = Warehouse::Open("postgresql://nobody@127.0.0.1:1/none", &db);
  EXPECT_EQ(Status::Code::kIoError, s.code()) << s.ToString();
  EXPECT_EQ(nullptr, db);
}

TEST(WarehouseSqlTest, MigrationsSplitIntoStatements) {
  EXPECT_EQ(
      (std::vector<std::string>{"CREATE TABLE a (x TEXT)", "CREATE VIEW v AS\n  SELECT 1"}),
      SplitStatements(
          "-- a comment;\nCREATE TABLE a (x TEXT);\n\n-- kept: \nCREATE VIEW v AS\n  SELECT 1;\n"));
}

INSTANTIATE_TEST_SUITE_P(Backends, WarehouseTest, ::testing::ValuesIn(minutes_test::Backends()),
                         [](const auto& info) { return info.param.name; });

}  // namespace
}  // namespace minutes::warehouse
