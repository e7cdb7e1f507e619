// `minutes batch` over an archive as people keep them: nested folders of notes, copies, corrupt,
// empty, binary and unreadable files, a letter; parallel, resumable after kill -9, deterministic.

#include <Poco/Data/SQLite/Connector.h>
#include <Poco/Data/Session.h>
#include <Poco/DirectoryIterator.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "export/export.h"

namespace minutes {
namespace {

std::string Slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

void Write(const std::string& path, const std::string& bytes) {
  std::ofstream(path, std::ios::binary) << bytes;
}

std::string Dir(const std::string& name) {
  std::string d = ::testing::TempDir() + "/batch_" + std::to_string(::getpid()) + "_" + name;
  std::system(("rm -rf '" + d + "' && mkdir -p '" + d + "'").c_str());
  return d;
}

std::string Sample(const std::string& rel) { return std::string(MINUTES_SOURCE_DIR) + "/" + rel; }

struct Result {
  int exit_code = -1;
  std::string err;
};

Result Batch(const std::string& args) {
  std::string err = ::testing::TempDir() + "/batch_err_" + std::to_string(::getpid());
  int status = std::system(
      (std::string(MINUTES_BIN) + " batch " + args + " 2>" + err + " >/dev/null").c_str());
  return Result{WIFEXITED(status) ? WEXITSTATUS(status) : -1, Slurp(err)};
}

// The paths named in each output, by file.
std::vector<std::string> DocumentPaths(const std::string& out) {
  std::vector<std::string> paths;
  std::istringstream lines(Slurp(out + "/documents.jsonl"));
  std::string line;
  while (std::getline(lines, line)) {
    Extraction x;
    EXPECT_TRUE(ParseJson(line, &x).ok()) << line.substr(0, 80);
    paths.push_back(x.source.path);
    for (const std::string& p : x.source.other_paths) paths.push_back(p);
  }
  return paths;
}

std::vector<std::string> CsvFirstColumn(const std::string& path) {
  std::vector<std::string> out;
  std::istringstream lines(Slurp(path));
  std::string line;
  std::getline(lines, line);  // header
  while (std::getline(lines, line)) out.push_back(line.substr(0, line.find(',')));
  return out;
}

// An archive: the seeds and cases in nested folders, a copy under another name, and the files
// that break batches.
std::string MakeArchive() {
  std::string a = Dir("archive");
  std::system(("mkdir -p '" + a + "/2025/q3' '" + a + "/2025/q4' '" + a + "/other'").c_str());
  Write(a + "/2025/q3/july.docx", Slurp(Sample("samples/seeds/000_e0affe79a15288f1.docx")));
  Write(a + "/2025/q3/july.txt", Slurp(Sample("samples/seeds/000_e0affe79a15288f1.txt")));
  Write(a + "/2025/q4/december.docx", Slurp(Sample("samples/seeds/001_2e77aad788dcd255.docx")));
  Write(a + "/other/december copy.docx", Slurp(Sample("samples/seeds/001_2e77aad788dcd255.docx")));
  for (const char* c : {"eastern_semicolons.txt", "london_lists.docx", "midlands_cp1252.txt"})
    Write(a + "/other/" + c, Slurp(Sample(std::string("samples/cases/") + c)));
  Write(a + "/other/broken.docx", std::string("PK\x03\x04", 4) + "not really a zip");
  Write(a + "/other/empty.txt", "");
  Write(a + "/other/binary.txt", std::string("\x7f"
                                             "ELF\x02\x01\x01\x00\x00\x00\x00\x00",
                                             12) +
                                     std::string(2000, '\0'));
  Write(a + "/other/letter.txt",
        "Dear Ms Bell,\n\nThank you for your letter about the allowance review. We will reply "
        "in full next month.\n\nYours sincerely,\nJohn Smith\n");
  Write(a + "/other/agenda.pdf", "%PDF-1.4 truncated");  // a .pdf is read, and this one fails
  Write(a + "/other/~$july.docx", "owner");
  // Unreadable to this process whoever runs it (root reads any mode): a link to nowhere.
  symlink("/nonexistent/notes.docx", (a + "/other/moved.docx").c_str());
  return a;
}

TEST(BatchTest, EveryPathLandsInExactlyOneOutput) {
  std::string archive = MakeArchive(), out = Dir("out");
  Result r = Batch(archive + " --out " + out);
  EXPECT_EQ(3, r.exit_code) << r.err;  // some files failed
  std::vector<std::string> documents = DocumentPaths(out);
  std::vector<std::string> skipped = CsvFirstColumn(out + "/skipped.csv");
  std::vector<std::string> errors = CsvFirstColumn(out + "/errors.csv");
  std::multiset<std::string> all(documents.begin(), documents.end());
  all.insert(skipped.begin(), skipped.end());
  all.insert(errors.begin(), errors.end());
  const std::vector<std::string> expected = {"/2025/q3/july.docx",
                                             "/2025/q3/july.txt",
                                             "/2025/q4/december.docx",
                                             "/other/december copy.docx",
                                             "/other/eastern_semicolons.txt",
                                             "/other/london_lists.docx",
                                             "/other/midlands_cp1252.txt",
                                             "/other/broken.docx",
                                             "/other/empty.txt",
                                             "/other/binary.txt",
                                             "/other/letter.txt",
                                             "/other/agenda.pdf",
                                             "/other/~$july.docx",
                                             "/other/moved.docx"};
  EXPECT_EQ(expected.size(), all.size());
  for (const std::string& p : expected) EXPECT_EQ(1u, all.count(archive + p)) << p;
  EXPECT_EQ((std::vector<std::string>{archive + "/other/~$july.docx"}), skipped);
  EXPECT_EQ((std::vector<std::string>{archive + "/other/agenda.pdf", archive + "/other/binary.txt",
                                      archive + "/other/broken.docx", archive + "/other/empty.txt",
                                      archive + "/other/moved.docx"}),
            errors);
  std::string error_text = Slurp(out + "/errors.csv");
  EXPECT_NE(std::string::npos, error_text.find("broken.docx,")) << error_text;
  EXPECT_NE(std::string::npos, error_text.find(",corrupt,")) << error_text;
  // The copy is the same document: one line, both paths.
  std::string jsonl = Slurp(out + "/documents.jsonl");
  EXPECT_NE(std::string::npos,
            jsonl.find("\"other_paths\":[\"" + archive + "/other/december copy.docx\"]"));
  EXPECT_EQ(7, std::count(jsonl.begin(), jsonl.end(), '\n'));
  // The letter is converted and marked.
  EXPECT_NE(std::string::npos, jsonl.find("\"code\":\"not_minutes\"")) << jsonl.substr(0, 200);
  // The seeds of one series are settled together: December's RE is Rebecca Eligon.
  EXPECT_NE(std::string::npos, jsonl.find("\"settled_initials\"")) << jsonl.substr(0, 200);
  for (const char* table : {"documents.csv", "attendance.csv", "actions.csv", "datapackage.json"})
    EXPECT_FALSE(Slurp(out + "/" + table).empty()) << table;
  EXPECT_NE(std::string::npos, r.err.find("14 files: 8 converted (7 documents")) << r.err;
}

TEST(BatchTest, OutputIsTheSameWhateverTheNumberOfWorkers) {
  std::string archive = MakeArchive(), one = Dir("jobs1"), four = Dir("jobs4");
  EXPECT_EQ(3, Batch(archive + " --quiet --jobs 1 --out " + one).exit_code);
  EXPECT_EQ(3, Batch(archive + " --quiet --jobs 4 --out " + four).exit_code);
  for (const char* file : {"documents.jsonl", "skipped.csv", "errors.csv", "documents.csv",
                           "attendance.csv", "actions.csv", "action_owners.csv", "money.csv",
                           "person_mentions.csv", "findings.csv", "datapackage.json"}) {
    std::string a = Slurp(one + "/" + file), b = Slurp(four + "/" + file);
    EXPECT_FALSE(a.empty()) << file;
    EXPECT_EQ(a, b) << file;
  }
}

TEST(BatchTest, ShardsSplitThePathsAndTogetherCoverThem) {
  std::string archive = MakeArchive(), s0 = Dir("shard0"), s1 = Dir("shard1"), all = Dir("all");
  Batch(archive + " --quiet --shard 0/2 --out " + s0);
  Batch(archive + " --quiet --shard 1/2 --out " + s1);
  Batch(archive + " --quiet --out " + all);
  auto paths = [](const std::string& out) {
    std::vector<std::string> p = DocumentPaths(out);
    for (const char* f : {"/skipped.csv", "/errors.csv"})
      for (const std::string& x : CsvFirstColumn(out + f)) p.push_back(x);
    return std::multiset<std::string>(p.begin(), p.end());
  };
  std::multiset<std::string> a = paths(s0), b = paths(s1), both = a;
  both.insert(b.begin(), b.end());
  EXPECT_FALSE(a.empty());
  EXPECT_FALSE(b.empty());
  EXPECT_EQ(paths(all).size(), both.size());
  EXPECT_EQ(2, Batch(archive + " --shard 2/2 --out " + s0).exit_code);
}

TEST(BatchTest, ATimeBudgetTooShortFailsTheDocumentNotTheBatch) {
  std::string in = Dir("slow"), out = Dir("slow_out");
  Write(in + "/july.txt", Slurp(Sample("samples/seeds/000_e0affe79a15288f1.txt")));
  Result r = Batch(in + " --quiet --doc-timeout 0.000001 --out " + out);
  EXPECT_EQ(3, r.exit_code) << r.err;
  EXPECT_NE(std::string::npos, Slurp(out + "/errors.csv").find(",timeout,took longer than"));
  // Given time, the same file converts: failures are not remembered as done.
  r = Batch(in + " --quiet --out " + out);
  EXPECT_EQ(0, r.exit_code) << r.err;
  EXPECT_EQ(1u, DocumentPaths(out).size());
}

// 120 distinct notes; the batch killed with SIGKILL part-way, then run again: every document
// exactly once, and the same output as a run never interrupted.
TEST(BatchTest, AKilledBatchResumesWithNothingLostOrDoubled) {
  std::string in = Dir("many"), out = Dir("many_out"), clean = Dir("many_clean");
  std::string seed = Slurp(Sample("samples/seeds/000_e0affe79a15288f1.txt"));
  for (int i = 0; i < 120; ++i)
    Write(in + "/notes_" + std::to_string(1000 + i) + ".txt",
          seed + "\nFile reference " + std::to_string(i) + "\n");
  pid_t pid = fork();
  if (pid == 0) {
    freopen("/dev/null", "w", stderr);
    execl(MINUTES_BIN, MINUTES_BIN, "batch", in.c_str(), "--out", out.c_str(), "--jobs", "2",
          static_cast<char*>(nullptr));
    _exit(127);
  }
  // Kill it once the manifest holds some documents, long before all.
  Poco::Data::SQLite::Connector::registerConnector();
  int recorded = 0;
  for (int i = 0; i < 4000 && recorded < 15; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
    try {
      Poco::Data::Session s("sqlite", out + "/manifest.db");
      s << "SELECT COUNT(*) FROM files", Poco::Data::Keywords::into(recorded),
          Poco::Data::Keywords::now;
    } catch (const Poco::Exception&) {
      // Not created yet, or busy.
    }
  }
  kill(pid, SIGKILL);
  int status = 0;
  waitpid(pid, &status, 0);
  ASSERT_TRUE(WIFSIGNALED(status)) << "the batch finished before it could be killed";
  EXPECT_GE(recorded, 15);
  EXPECT_TRUE(Slurp(out + "/documents.jsonl").empty());  // no half-written output trusted

  Result r = Batch(in + " --quiet --out " + out);
  EXPECT_EQ(0, r.exit_code) << r.err;
  std::vector<std::string> paths = DocumentPaths(out);
  EXPECT_EQ(120u, paths.size());
  EXPECT_EQ(120u, std::set<std::string>(paths.begin(), paths.end()).size());
  EXPECT_EQ(0, Batch(in + " --quiet --out " + clean).exit_code);
  EXPECT_EQ(Slurp(clean + "/documents.jsonl"), Slurp(out + "/documents.jsonl"));
  EXPECT_EQ(Slurp(clean + "/actions.csv"), Slurp(out + "/actions.csv"));
  // A third run does nothing again, and --force redoes it all to the same result.
  r = Batch(in + " --out " + out);
  EXPECT_NE(std::string::npos, r.err.find("120 done before")) << r.err;
  EXPECT_EQ(0, Batch(in + " --quiet --force --out " + out).exit_code);
  EXPECT_EQ(Slurp(clean + "/documents.jsonl"), Slurp(out + "/documents.jsonl"));
}

// Two seeds (one group's July and December) and another group's notes, in `in`.
void WriteThreeNotes(const std::string& in) {
  Write(in + "/july.txt", Slurp(Sample("samples/seeds/000_e0affe79a15288f1.txt")));
  Write(in + "/december.docx", Slurp(Sample("samples/seeds/001_2e77aad788dcd255.docx")));
  Write(in + "/eastern.txt", Slurp(Sample("samples/cases/eastern_semicolons.txt")));
}

// The outputs a user reads, the same in both folders.
void ExpectSameOutputs(const std::string& expected, const std::string& out) {
  for (const char* file : {"documents.jsonl", "documents.csv", "attendance.csv", "actions.csv",
                           "la_mentions.csv", "findings.csv"})
    EXPECT_EQ(Slurp(expected + "/" + file), Slurp(out + "/" + file)) << file;
}

// A document's output is kept from the run that extracted it; a later run that finds its bytes
// under another path (a file renamed, or copied) names the paths it sees now, exactly as a fresh
// run would.
TEST(BatchTest, ARenamedFileIsNamedWhereItIsNow) {
  std::string in = Dir("renamed"), out = Dir("renamed_out"), fresh = Dir("renamed_fresh");
  WriteThreeNotes(in);
  ASSERT_EQ(0, Batch(in + " --quiet --out " + out).exit_code);
  ASSERT_EQ(0, std::rename((in + "/july.txt").c_str(), (in + "/2025-07.txt").c_str()));
  Write(in + "/eastern copy.txt", Slurp(Sample("samples/cases/eastern_semicolons.txt")));
  Result r = Batch(in + " --out " + out);
  EXPECT_EQ(0, r.exit_code) << r.err;
  std::vector<std::string> paths = DocumentPaths(out);
  std::sort(paths.begin(), paths.end());
  EXPECT_EQ((std::vector<std::string>{in + "/2025-07.txt", in + "/december.docx",
                                      in + "/eastern copy.txt", in + "/eastern.txt"}),
            paths);
  EXPECT_EQ(std::string::npos, Slurp(out + "/documents.csv").find("/july.txt"));
  ASSERT_EQ(0, Batch(in + " --quiet --out " + fresh).exit_code);
  ExpectSameOutputs(fresh, out);
}

// The output logs' files (manifest.outputs/*.bin), with their sizes.
std::map<std::string, off_t> OutputLogs(const std::string& out) {
  std::map<std::string, off_t> logs;
  for (Poco::DirectoryIterator it(out + "/manifest.outputs"), end; it != end; ++it)
    logs[it.name()] = static_cast<off_t>(it->getSize());
  return logs;
}

// A power cut can leave the manifest naming outputs its logs never received. The next run finds
// them missing, extracts those documents again and writes what a fresh run writes; the logs no
// document needs any more are deleted.
TEST(BatchTest, OutputsLostFromTheLogsAreExtractedAgain) {
  std::string in = Dir("lost"), out = Dir("lost_out"), fresh = Dir("lost_fresh");
  WriteThreeNotes(in);
  ASSERT_EQ(0, Batch(in + " --quiet --jobs 1 --out " + out).exit_code);
  // One worker's log, and the parent's for the settled series (the seeds are one group's).
  std::map<std::string, off_t> logs = OutputLogs(out);
  ASSERT_EQ(2u, logs.size());
  auto [worker_log, worker_size] = *logs.begin();
  auto settled_log = logs.rbegin()->first;
  ASSERT_EQ(0u, settled_log.rfind("settled-", 0)) << settled_log;
  ASSERT_EQ(0, ::truncate((out + "/manifest.outputs/" + worker_log).c_str(), worker_size / 2));

  Result r = Batch(in + " --jobs 1 --out " + out);
  EXPECT_EQ(0, r.exit_code) << r.err;
  EXPECT_EQ(std::string::npos, r.err.find("3 done before")) << r.err;
  ASSERT_EQ(0, Batch(in + " --quiet --out " + fresh).exit_code);
  ExpectSameOutputs(fresh, out);
  // The series was settled again into this run's log; the last run's is gone.
  logs = OutputLogs(out);
  EXPECT_EQ(0u, logs.count(settled_log));
  EXPECT_EQ(1, std::count_if(logs.begin(), logs.end(),
                             [](const auto& log) { return log.first.rfind("settled-", 0) == 0; }));
  // A third run reuses all, and --force starts the logs afresh.
  r = Batch(in + " --jobs 1 --out " + out);
  EXPECT_NE(std::string::npos, r.err.find("3 done before")) << r.err;
  EXPECT_EQ(Slurp(fresh + "/documents.jsonl"), Slurp(out + "/documents.jsonl"));
  ASSERT_EQ(0, Batch(in + " --quiet --force --jobs 1 --out " + out).exit_code);
  EXPECT_EQ(2u, OutputLogs(out).size());
  EXPECT_EQ(Slurp(fresh + "/documents.jsonl"), Slurp(out + "/documents.jsonl"));
}

TEST(BatchTest, UsageErrors) {
  EXPECT_EQ(2, Batch("").exit_code);
  EXPECT_EQ(2, Batch(Sample("samples")).exit_code);  // no --out
  EXPECT_EQ(2, Batch(Sample("samples") + " --out /tmp/x --jobs 0").exit_code);
  EXPECT_EQ(2, Batch(Sample("samples") + " --out /tmp/x --shard 3").exit_code);
}

}  // namespace
}  // namespace minutes
