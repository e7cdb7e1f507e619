// `minutes load` as a user runs it: notes and JSON Lines in, one line per document out, exit codes,
// and a load killed part-way that leaves only whole documents.

#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>

#include "export/export.h"
#include "tests/support/pg_server.h"
#include "warehouse/warehouse.h"

namespace minutes::warehouse {
namespace {

struct CommandRun {
  int exit_code = -1;
  std::string out, err;
};

std::string Slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::string Temp(const std::string& name) {
  return ::testing::TempDir() + "/load_cli_" + std::to_string(::getpid()) + "_" + name;
}

CommandRun Minutes(const std::string& args) {
  std::string out = Temp("out"), err = Temp("err");
  int status =
      std::system((std::string(MINUTES_BIN) + " " + args + " >" + out + " 2>" + err).c_str());
  return CommandRun{WIFEXITED(status) ? WEXITSTATUS(status) : -1, Slurp(out), Slurp(err)};
}

std::string Seed(const char* name) {
  return std::string(MINUTES_SOURCE_DIR) + "/samples/seeds/" + name;
}

std::string FreshSqlite(const std::string& name) {
  std::string path = Temp(name);
  for (const char* suffix : {"", "-wal", "-shm"}) std::remove((path + suffix).c_str());
  return path;
}

TEST(LoadCliTest, NotesAndJsonLinesLoadOncePerDocument) {
  std::string db = FreshSqlite("a.db");
  CommandRun r = Minutes("load --db sqlite:" + db + " " + Seed("000_e0affe79a15288f1.txt") + " " +
                         Seed("001_2e77aad788dcd255.docx"));
  ASSERT_EQ(0, r.exit_code) << r.err;
  EXPECT_EQ(2, std::count(r.out.begin(), r.out.end(), '\n')) << r.out;
  EXPECT_EQ(0u, r.out.find("loaded ")) << r.out;
  // The same notes as extract's JSON Lines: unchanged; the other rendition of a meeting: skipped.
  std::string jsonl = Temp("docs.jsonl");
  CommandRun e = Minutes("extract --jsonl " + Seed("000_e0affe79a15288f1.txt") + " " +
                         Seed("001_2e77aad788dcd255.txt"));
  std::ofstream(jsonl) << e.out;
  r = Minutes("load --db sqlite:" + db + " " + jsonl);
  ASSERT_EQ(0, r.exit_code) << r.err;
  EXPECT_NE(std::string::npos, r.out.find("unchanged " + Seed("000_e0affe79a15288f1.txt")))
      << r.out;
  EXPECT_NE(std::string::npos,
            r.out.find("skipped " + Seed("001_2e77aad788dcd255.txt") + ": the same meeting as " +
                       Seed("001_2e77aad788dcd255.docx")))
      << r.out;
}

// Meetings of one series loaded together settle each other: December's RE is Rebecca Eligon.
TEST(LoadCliTest, ASeriesLoadedTogetherIsSettled) {
  std::string db = FreshSqlite("series.db");
  CommandRun r = Minutes("load --db sqlite:" + db + " " + Seed("001_2e77aad788dcd255.txt") + " " +
                         Seed("000_e0affe79a15288f1.txt"));
  ASSERT_EQ(0, r.exit_code) << r.err;
  std::unique_ptr<Warehouse> w;
  ASSERT_TRUE(Warehouse::Open("sqlite:" + db, &w).ok());
  QueryResult q;
  ASSERT_TRUE(w->Query("SELECT DISTINCT m.\"name\", m.\"rule\" FROM \"person_mentions\" m JOIN "
                       "\"documents\" d ON d.\"sha256\" = m.\"document_sha256\" WHERE "
                       "m.\"text\" = 'RE' AND d.\"date\" = '2025-12-09' ORDER BY 2",
                       &q)
                  .ok());
  ASSERT_EQ(2u, q.rows.size());
  EXPECT_EQ("Rebecca Eligon", q.rows[0][0]);
  EXPECT_EQ("series.action_ref", q.rows[0][1]);
  EXPECT_EQ("Rebecca Eligon", q.rows[1][0]);
  EXPECT_EQ("series.earlier_use", q.rows[1][1]);
}

TEST(LoadCliTest, UnreadableFilesAreReportedAndTheRestLoad) {
  std::string db = FreshSqlite("b.db");
  std::string bad = Temp("bad.jsonl");
  std::ofstream(bad) << "{\"schema_version\": \"2.0\", \"people\": 3}\n";
  CommandRun r = Minutes("load --db sqlite:" + db + " /nonexistent.docx " + bad + " " +
                         Seed("000_e0affe79a15288f1.txt"));
  EXPECT_EQ(3, r.exit_code);
  EXPECT_NE(std::string::npos, r.err.find("/nonexistent.docx: cannot read")) << r.err;
  EXPECT_NE(std::string::npos, r.err.find(bad + ": corrupt:")) << r.err;
  EXPECT_NE(std::string::npos, r.out.find("loaded " + Seed("000_e0affe79a15288f1.txt"))) << r.out;
  EXPECT_EQ(2, Minutes("load " + Seed("000_e0affe79a15288f1.txt")).exit_code);  // no --db
  EXPECT_EQ(2, Minutes("load --db mysql://x/y " + Seed("000_e0affe79a15288f1.txt")).exit_code);
  r = Minutes("load --db sqlite:/proc/no/such/dir/x.db " + Seed("000_e0affe79a15288f1.txt"));
  EXPECT_EQ(4, r.exit_code) << r.err;
}

Extraction JulySeed() {
  CommandRun e = Minutes("extract --jsonl " + Seed("000_e0affe79a15288f1.txt"));
  Extraction seed;
  EXPECT_TRUE(ParseJson(e.out, &seed).ok());
  return seed;
}

// Meetings first..last-1 of a series of distinct meetings: the July seed, each on its own date
// with its own bytes, as JSON Lines in `path`.
void WriteMeetings(const Extraction& seed, int first, int last, const std::string& path) {
  std::ofstream out(path);
  for (int i = first; i < last; ++i) {
    Extraction x = seed;
    char sha[65];
    std::snprintf(sha, sizeof sha, "%064x", i + 1);
    x.source.sha256 = sha;
    x.source.path = "meeting" + std::to_string(i) + ".txt";
    char date[11];
    std::snprintf(date, sizeof date, "20%02d-%02d-01", 10 + i / 12, 1 + i % 12);
    x.meeting.date = date;
    out << ToJson(x, 0);
  }
}

pid_t Spawn(const std::vector<std::string>& args, const std::string& out) {
  pid_t pid = fork();
  if (pid == 0) {
    freopen(out.c_str(), "w", stdout);
    freopen((out + ".err").c_str(), "w", stderr);
    std::vector<char*> argv = {const_cast<char*>(MINUTES_BIN)};
    for (const std::string& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    execv(MINUTES_BIN, argv.data());
    _exit(127);
  }
  return pid;
}

// Two loads into one PostgreSQL database at once, with overlapping shards: no lost or doubled
// rows, every overlapping document loaded once, both finish.
TEST(LoadCliTest, TwoLoadsAtOnceIntoPostgresql) {
  std::string why;
  minutes_test::PgServer* pg = minutes_test::SharedPgServer(&why);
  if (pg == nullptr) {
    if (minutes_test::RunningInCi()) FAIL() << "PostgreSQL unavailable in CI: " << why;
    GTEST_SKIP() << "PostgreSQL unavailable here: " << why;
  }
  ASSERT_TRUE(pg->CreateDatabase("concurrent_loads").ok());
  std::string url = pg->Url("concurrent_loads");
  Extraction seed = JulySeed();
  std::string a = Temp("shard_a.jsonl"), b = Temp("shard_b.jsonl");
  WriteMeetings(seed, 0, 80, a);
  WriteMeetings(seed, 40, 120, b);
  pid_t pa = Spawn({"load", "--db", url, a}, Temp("shard_a.out"));
  pid_t pb = Spawn({"load", "--db", url, b}, Temp("shard_b.out"));
  int sa = 0, sb = 0;
  waitpid(pa, &sa, 0);
  waitpid(pb, &sb, 0);
  EXPECT_EQ(0, WIFEXITED(sa) ? WEXITSTATUS(sa) : -1) << Slurp(Temp("shard_a.out.err"));
  EXPECT_EQ(0, WIFEXITED(sb) ? WEXITSTATUS(sb) : -1) << Slurp(Temp("shard_b.out.err"));
  std::string out = Slurp(Temp("shard_a.out")) + Slurp(Temp("shard_b.out"));
  auto count = [&](const std::string& word) {
    size_t n = 0;
    for (size_t p = out.find(word); p != std::string::npos; p = out.find(word, p + 1)) ++n;
    return n;
  };
  EXPECT_EQ(120u, count("loaded "));
  EXPECT_EQ(40u, count("unchanged "));

  std::unique_ptr<Warehouse> w;
  ASSERT_TRUE(Warehouse::Open(url, &w).ok());
  auto number = [&](const std::string& sql) {
    QueryResult r;
    EXPECT_TRUE(w->Query(sql, &r).ok()) << sql;
    return r.rows.empty() ? std::string() : r.rows[0][0];
  };
  EXPECT_EQ("120", number("SELECT COUNT(*) FROM \"documents\""));
  EXPECT_EQ(std::to_string(120 * seed.people.size()),
            number("SELECT COUNT(*) FROM \"attendance\""));
  EXPECT_EQ(std::to_string(120 * seed.money.size()), number("SELECT COUNT(*) FROM \"money\""));
  EXPECT_EQ("120", number("SELECT COUNT(*) FROM \"action_status_history\" WHERE \"ref\" = '47'"));
  // One registry row per person, however many loads named them at once.
  EXPECT_EQ(number("SELECT COUNT(DISTINCT \"person_id\") FROM \"attendance\""),
            number("SELECT COUNT(*) FROM \"people\" p WHERE EXISTS (SELECT 1 FROM \"attendance\" a "
                   "WHERE a.\"person_id\" = p.\"person_id\")"));
}

// kill -9 in the middle of a load: every document in the database is whole, and loading again
// finishes the job.
TEST(LoadCliTest, AKilledLoadLeavesOnlyWholeDocuments) {
  Extraction seed = JulySeed();
  std::string jsonl = Temp("many.jsonl");
  WriteMeetings(seed, 0, 150, jsonl);
  std::string db = FreshSqlite("killed.db");
  std::string out = Temp("killed.out");
  pid_t pid = fork();
  if (pid == 0) {
    freopen(out.c_str(), "w", stdout);
    execl(MINUTES_BIN, MINUTES_BIN, "load", "--db", ("sqlite:" + db).c_str(), jsonl.c_str(),
          static_cast<char*>(nullptr));
    _exit(127);
  }
  // Kill it once some documents are in, long before all are. The wait is bounded by what a slow
  // build needs (an ASan build on a busy machine takes seconds before its first document), not by
  // what a fast one does: it ends as soon as 20 documents are reported.
  auto lines = [&] {
    std::string text = Slurp(out);
    return std::count(text.begin(), text.end(), '\n');
  };
  for (int i = 0; i < 24000 && lines() < 20; ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  kill(pid, SIGKILL);
  int status = 0;
  waitpid(pid, &status, 0);
  ASSERT_TRUE(WIFSIGNALED(status)) << "the load finished before it could be killed";

  std::unique_ptr<Warehouse> w;
  ASSERT_TRUE(Warehouse::Open("sqlite:" + db, &w).ok());
  QueryResult r;
  ASSERT_TRUE(w->Query("SELECT d.\"sha256\", (SELECT COUNT(*) FROM \"attendance\" a WHERE "
                       "a.\"document_sha256\" = d.\"sha256\"), (SELECT COUNT(*) FROM "
                       "\"person_mentions\" m WHERE m.\"document_sha256\" = d.\"sha256\") FROM "
                       "\"documents\" d",
                       &r)
                  .ok());
  EXPECT_GT(r.rows.size(), 0u);
  EXPECT_LT(r.rows.size(), 150u);
  for (const auto& row : r.rows) {
    EXPECT_EQ(std::to_string(seed.people.size()), row[1]) << row[0];
    EXPECT_EQ(std::to_string(seed.person_mentions.size()), row[2]) << row[0];
  }
  CommandRun again = Minutes("load --db sqlite:" + db + " " + jsonl);
  EXPECT_EQ(0, again.exit_code) << again.err;
  ASSERT_TRUE(w->Query("SELECT COUNT(*) FROM \"documents\"", &r).ok());
  EXPECT_EQ("150", r.rows[0][0]);
}

}  // namespace
}  // namespace minutes::warehouse
