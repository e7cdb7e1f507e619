// The `minutes` program as a user meets it: help, version, exit codes, and one-line errors that
// name the file.

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "model/model.h"
#include "tests/ingest/zip_builder.h"

namespace {

struct Result {
  int exit_code = -1;
  std::string out;
  std::string err;
};

std::string Slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Runs `minutes ARGS` through the shell (ARGS is shell text), capturing both streams; `env`
// (shell text, "NAME=value ...") is set for it alone.
Result RunMinutes(const std::string& args, const std::string& stdin_text = "",
                  const std::string& env = "") {
  // ctest runs test cases in parallel processes: every file name carries the pid.
  std::string dir = ::testing::TempDir() + "/minutes_cli_" + std::to_string(::getpid());
  std::string out = dir + "_out", err = dir + "_err", in = dir + "_in";
  std::ofstream(in, std::ios::binary) << stdin_text;
  std::string cmd = (env.empty() ? "" : env + " ") + std::string(MINUTES_BIN) + " " + args + " <" +
                    in + " >" + out + " 2>" + err;
  int status = std::system(cmd.c_str());
  Result r;
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  r.out = Slurp(out);
  r.err = Slurp(err);
  return r;
}

std::string WriteTemp(const std::string& name, const std::string& content) {
  std::string path = ::testing::TempDir() + "/" + std::to_string(::getpid()) + "_" + name;
  std::ofstream(path, std::ios::binary) << content;
  return path;
}

TEST(CliTest, HelpAndVersion) {
  Result r = RunMinutes("--help");
  EXPECT_EQ(0, r.exit_code);
  EXPECT_NE(std::string::npos, r.out.find("usage: minutes"));
  EXPECT_NE(std::string::npos, r.out.find("exit codes"));

  r = RunMinutes("--version");
  EXPECT_EQ(0, r.exit_code);
  EXPECT_EQ(0u, r.out.rfind("minutes ", 0));

  r = RunMinutes("text --help");
  EXPECT_EQ(0, r.exit_code);
  EXPECT_NE(std::string::npos, r.out.find("usage: minutes text"));
}

TEST(CliTest, UsageErrorsExitTwo) {
  const char* const cases[] = {"",
                               "frobnicate",
                               "text",
                               "text --no-such-flag x.txt",
                               "text --max-xml-depth lots x.txt",
                               "text --input-format rtf x.txt",
                               "extract --format xml x.txt",
                               "extract --format csv x.txt"};
  for (const char* args : cases) {
    Result r = RunMinutes(args);
    EXPECT_EQ(2, r.exit_code) << "minutes " << args;
    EXPECT_FALSE(r.err.empty()) << "minutes " << args;
  }
}

TEST(CliTest, TextPrintsTheCanonicalText) {
  std::string path = WriteTemp("notes.txt", "Chair: Sarah Daly\r\nAttendees: Keith Langley\r\n");
  Result r = RunMinutes("text " + path);
  EXPECT_EQ(0, r.exit_code) << r.err;
  EXPECT_EQ("Chair: Sarah Daly\n\nAttendees: Keith Langley\n", r.out);

  r = RunMinutes("text -", "from stdin\n");
  EXPECT_EQ(0, r.exit_code) << r.err;
  EXPECT_EQ("from stdin\n", r.out);
}

TEST(CliTest, PdfAndHtmlAreToldFromTheBytesOrForced) {
  std::string page = WriteTemp("page.txt", "<p>Chair: <b>Sarah Daly</b></p>\n");
  Result r = RunMinutes("text " + page);  // no doctype: read as text
  EXPECT_EQ("<p>Chair: <b>Sarah Daly</b></p>\n", r.out);
  r = RunMinutes("text --input-format html " + page);
  EXPECT_EQ(0, r.exit_code) << r.err;
  EXPECT_EQ("Chair: Sarah Daly\n", r.out);
  std::string html = WriteTemp("notes.bin", "<!DOCTYPE html><p>Chair: Sarah Daly</p>");
  r = RunMinutes("text " + html);
  EXPECT_EQ("Chair: Sarah Daly\n", r.out);

  r = RunMinutes("text " + std::string(MINUTES_SOURCE_DIR) +
                 "/samples/cases/northgate_corporate_parenting.pdf");
  EXPECT_EQ(0, r.exit_code) << r.err;
  EXPECT_EQ(0u, r.out.find("Corporate Parenting Panel\n"));
  r = RunMinutes("text --input-format pdf " + html);
  EXPECT_EQ(3, r.exit_code);
  EXPECT_NE(std::string::npos, r.err.find("corrupt: not a PDF")) << r.err;
  std::string scan =
      WriteTemp("scan.pdf",
                "%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
                "2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n"
                "3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >> endobj\n"
                "trailer << /Root 1 0 R >>\n%%EOF\n");
  r = RunMinutes("text " + scan);
  EXPECT_EQ(3, r.exit_code);
  EXPECT_NE(std::string::npos, r.err.find("no text: PDF of 1 page with no text layer")) << r.err;
}

TEST(CliTest, UnreadableInputExitsThreeNamingTheFileAndGoesOn) {
  std::string good = WriteTemp("good.txt", "Item 1: minutes agreed\n");
  std::string empty = WriteTemp("empty.docx", "");
  std::string not_zip = WriteTemp("broken.docx", std::string("PK\x03\x04", 4) + "garbage");
  Result r = RunMinutes("text " + empty + " " + not_zip + " /nonexistent.docx " + good);
  EXPECT_EQ(3, r.exit_code);
  EXPECT_NE(std::string::npos, r.err.find(empty + ": corrupt: empty file")) << r.err;
  EXPECT_NE(std::string::npos, r.err.find(not_zip + ": ")) << r.err;
  EXPECT_NE(std::string::npos, r.err.find("/nonexistent.docx: cannot read")) << r.err;
  // One line per bad file, and the good file after them is still printed.
  EXPECT_EQ(3, std::count(r.err.begin(), r.err.end(), '\n')) << r.err;
  EXPECT_NE(std::string::npos, r.out.find("Item 1: minutes agreed")) << r.out;
}

TEST(CliTest, LimitsAreNamedOptions) {
  std::string path = WriteTemp("limit.txt", "0123456789abcdef\n");
  Result r = RunMinutes("text --max-input-bytes 8 " + path);
  EXPECT_EQ(3, r.exit_code);
  EXPECT_NE(std::string::npos, r.err.find("max_input_bytes")) << r.err;
}

std::string Seed(const char* name) {
  return std::string(MINUTES_SOURCE_DIR) + "/samples/seeds/" + name;
}

// The DOCX and HTML readers are the module minutes_xml.so (ingest/xml_module.h). Without it, each
// such file is one line naming the module and where it was looked for; text still reads.
TEST(CliTest, WithoutTheXmlModuleADocxIsRefusedInOneLineAndTextStillReads) {
  std::string dir = ::testing::TempDir() + "/minutes_no_modules_" + std::to_string(::getpid());
  std::filesystem::create_directories(dir);
  const std::string no_module = "MINUTES_MODULE_DIR=" + dir;
  auto refusal = [&](const std::string& file, const std::string& reading) {
    return "minutes: " + file + ": unsupported format: " + reading +
           " needs the module minutes_xml.so, not found in " + dir + "\n";
  };
  std::string docx = Seed("000_e0affe79a15288f1.docx"), txt = Seed("000_e0affe79a15288f1.txt");
  std::string html = WriteTemp("page.html", "<!DOCTYPE html><p>Chair: Sarah Daly</p>");
  Result r = RunMinutes("text " + docx, "", no_module);
  EXPECT_EQ(3, r.exit_code);
  EXPECT_EQ(refusal(docx, "reading a Word document"), r.err);
  r = RunMinutes("text " + html, "", no_module);
  EXPECT_EQ(3, r.exit_code);
  EXPECT_EQ(refusal(html, "reading an HTML page"), r.err);
  r = RunMinutes("extract " + txt, "", no_module);
  EXPECT_EQ(0, r.exit_code) << r.err;
  EXPECT_NE(std::string::npos, r.out.find("\"E10000032\"")) << r.out;
  std::filesystem::remove_all(dir);
  // With the module, the same DOCX reads.
  r = RunMinutes("text " + docx);
  EXPECT_EQ(0, r.exit_code) << r.err;
  EXPECT_NE(std::string::npos, r.out.find("Fostering regional group meeting notes"));
}

TEST(CliTest, ExtractPrintsOneJsonObjectInTheSchema) {
  Result r = RunMinutes("extract " + Seed("000_e0affe79a15288f1.txt"));
  ASSERT_EQ(0, r.exit_code) << r.err;
  Poco::JSON::Parser parser;
  Poco::JSON::Object::Ptr x = parser.parse(r.out).extract<Poco::JSON::Object::Ptr>();
  EXPECT_EQ(minutes::kSchemaVersion, x->getValue<std::string>("schema_version"));
  Poco::JSON::Object::Ptr source = x->getObject("source");
  EXPECT_EQ(64u, source->getValue<std::string>("sha256").size());
  EXPECT_EQ("text", source->getValue<std::string>("format"));
  EXPECT_EQ("2025-07-07", x->getObject("meeting")->getValue<std::string>("date"));
  for (const char* key :
       {"people", "actions", "money", "la_mentions", "person_mentions", "findings"})
    EXPECT_TRUE(x->isArray(key)) << key;
}

TEST(CliTest, ExtractOfSeveralFilesPrintsOneObjectPerLine) {
  Result r = RunMinutes("extract " + Seed("000_e0affe79a15288f1.txt") + " " +
                        Seed("001_2e77aad788dcd255.docx"));
  ASSERT_EQ(0, r.exit_code) << r.err;
  std::istringstream lines(r.out);
  std::string line;
  int n = 0;
  while (std::getline(lines, line)) {
    Poco::JSON::Parser parser;
    EXPECT_NO_THROW(parser.parse(line)) << line.substr(0, 80);
    ++n;
  }
  EXPECT_EQ(2, n);
}

// The meetings of one series are settled together, and printed in the order given.
TEST(CliTest, ExtractSettlesTheMeetingsOfASeriesTogether) {
  const std::string july = Seed("000_e0affe79a15288f1.txt");
  const std::string december = Seed("001_2e77aad788dcd255.txt");
  for (bool reversed : {false, true}) {
    SCOPED_TRACE(reversed ? "december first" : "july first");
    Result r = RunMinutes("extract " + (reversed ? december + " " + july : july + " " + december));
    ASSERT_EQ(0, r.exit_code) << r.err;
    std::istringstream lines(r.out);
    std::vector<Poco::JSON::Object::Ptr> docs;
    for (std::string line; std::getline(lines, line);) {
      Poco::JSON::Parser parser;
      docs.push_back(parser.parse(line).extract<Poco::JSON::Object::Ptr>());
    }
    ASSERT_EQ(2u, docs.size());
    Poco::JSON::Object::Ptr dec = docs[reversed ? 0 : 1], jul = docs[reversed ? 1 : 0];
    EXPECT_EQ("2025-12-09", dec->getObject("meeting")->getValue<std::string>("date"));
    std::string july_sha = jul->getObject("source")->getValue<std::string>("sha256");
    Poco::JSON::Array::Ptr mentions = dec->getArray("person_mentions");
    int re = 0;
    for (size_t i = 0; i < mentions->size(); ++i) {
      Poco::JSON::Object::Ptr m = mentions->getObject(i);
      if (m->getValue<std::string>("text") != "RE") continue;
      ++re;
      EXPECT_EQ("Rebecca Eligon", m->optValue<std::string>("name", "(null)"));
      EXPECT_EQ(july_sha, m->optValue<std::string>("settled_by", "(null)"));
    }
    EXPECT_EQ(14, re);
  }

  // December alone leaves RE open.
  Result r = RunMinutes("extract " + december);
  ASSERT_EQ(0, r.exit_code) << r.err;
  Poco::JSON::Parser parser;
  Poco::JSON::Object::Ptr dec = parser.parse(r.out).extract<Poco::JSON::Object::Ptr>();
  Poco::JSON::Array::Ptr mentions = dec->getArray("person_mentions");
  for (size_t i = 0; i < mentions->size(); ++i) {
    Poco::JSON::Object::Ptr m = mentions->getObject(i);
    if (m->getValue<std::string>("text") == "RE") {
      EXPECT_TRUE(m->isNull("name"));
    }
  }
  EXPECT_NE(std::string::npos, r.out.find("\"ambiguous_initials\"")) << r.out.substr(0, 200);
}

TEST(CliTest, ExtractSeriesOptionSetsTheSeries) {
  Result r = RunMinutes("extract --series 'SE fostering' " + Seed("000_e0affe79a15288f1.txt") +
                        " " + Seed("001_2e77aad788dcd255.txt"));
  ASSERT_EQ(0, r.exit_code) << r.err;
  std::istringstream lines(r.out);
  int n = 0;
  for (std::string line; std::getline(lines, line); ++n) {
    Poco::JSON::Parser parser;
    Poco::JSON::Object::Ptr x = parser.parse(line).extract<Poco::JSON::Object::Ptr>();
    EXPECT_EQ("SE fostering", x->getObject("meeting")->getValue<std::string>("series"));
  }
  EXPECT_EQ(2, n);
  // Without it, the series is the title without its dates.
  r = RunMinutes("extract " + Seed("000_e0affe79a15288f1.txt"));
  EXPECT_NE(std::string::npos, r.out.find("\"series\": \"fostering regional group meeting notes"))
      << r.out.substr(0, 400);
}

TEST(CliTest, ExtractWritesCsvTables) {
  std::string dir = ::testing::TempDir() + "/minutes_csv_" + std::to_string(::getpid());
  Result r = RunMinutes("extract --format csv --out " + dir + " " +
                        Seed("000_e0affe79a15288f1.txt") + " " + Seed("001_2e77aad788dcd255.txt"));
  ASSERT_EQ(0, r.exit_code) << r.err;
  EXPECT_TRUE(r.out.empty());
  std::string documents = Slurp(dir + "/documents.csv");
  std::string header = "," + documents.substr(0, documents.find('\n')) + ",";
  for (const char* column : {"path", "sha256", "format", "bytes", "title", "date", "series"})
    EXPECT_NE(std::string::npos, header.find("," + std::string(column) + ",")) << column;
  EXPECT_EQ(3, std::count(documents.begin(), documents.end(), '\n'));  // header + 2 meetings
  std::string people = Slurp(dir + "/attendance.csv");
  EXPECT_NE(std::string::npos, people.find("Kelly Wilkes,Kelly wilkes,KW,West Sussex,E10000032"));
  for (const char* table : {"actions", "action_owners", "money", "la_mentions", "person_mentions",
                            "findings", "next_meetings"})
    EXPECT_FALSE(Slurp(dir + "/" + table + ".csv").empty()) << table;
}

TEST(CliTest, ABrokenRegisterFolderIsNamed) {
  // MINUTES_DATA_DIR names the register every command loads: when it cannot be loaded, the one
  // line says which folder and what is wrong there, and nothing is extracted.
  std::string dir = ::testing::TempDir() + "/broken_register_" + std::to_string(::getpid());
  ASSERT_EQ(0, std::system(("mkdir -p " + dir).c_str()));
  std::ofstream(dir + "/la_register.csv") << "gss_code,name\nE0600003,West Berkshire\n";
  Result r =
      RunMinutes("extract " + Seed("000_e0affe79a15288f1.txt"), "", "MINUTES_DATA_DIR=" + dir);
  EXPECT_EQ(3, r.exit_code);
  EXPECT_EQ(r.err, "minutes: cannot load the LA register in " + dir +
                       ": la_register.csv:2: bad GSS code 'E0600003'\n");
  EXPECT_EQ(r.out, "");
}

TEST(CliTest, ExtractRefusesAMissingRegisterAndGoesOnPastBadFiles) {
  Result r =
      RunMinutes("extract --la-register /nonexistent/register " + Seed("000_e0affe79a15288f1.txt"));
  EXPECT_EQ(3, r.exit_code);
  EXPECT_NE(std::string::npos, r.err.find("/nonexistent/register")) << r.err;

  std::string empty = WriteTemp("empty.txt", "");
  r = RunMinutes("extract " + empty + " " + Seed("000_e0affe79a15288f1.txt"));
  EXPECT_EQ(3, r.exit_code);
  EXPECT_NE(std::string::npos, r.err.find(empty + ": corrupt: empty file")) << r.err;
  EXPECT_NE(std::string::npos,
            r.out.find("\"schema_version\":\"" + std::string(minutes::kSchemaVersion) + "\""))
      << r.out.substr(0, 200);
}

// Exit 1 means "read, but has findings to fix": an error always, a warning with --strict.
TEST(CliTest, FindingsToFixExitOne) {
  std::string clean = WriteTemp(
      "clean.txt", "Fostering leads notes\nDate: 14 October 2025\nAttendees: Ann Bell (Kent)\n");
  Result r = RunMinutes("extract " + clean);
  EXPECT_EQ(0, r.exit_code) << r.err << r.out;

  std::string undated = WriteTemp("undated.txt", "Notes\nAttendees: Ann Bell (Kent)\n");
  r = RunMinutes("extract " + undated);
  EXPECT_EQ(1, r.exit_code) << r.out;
  EXPECT_NE(std::string::npos, r.out.find("missing_meeting_date"));

  // A log row without a status is a warning: exit 0, or 1 with --strict.
  std::string no_status = WriteTemp(
      "no_status.txt",
      "Notes\nDate: 14 October 2025\nAttendees: Ann Bell (Kent)\n\nRef\tAction\tOwner\tStatus\n"
      "1\tSend the data\tAB\t\n");
  r = RunMinutes("extract " + no_status);
  EXPECT_EQ(0, r.exit_code) << r.out;
  EXPECT_NE(std::string::npos, r.out.find("missing_status")) << r.out;
  r = RunMinutes("extract --strict " + no_status);
  EXPECT_EQ(1, r.exit_code);

  // An unreadable file outranks findings.
  r = RunMinutes("extract " + undated + " /nonexistent.txt");
  EXPECT_EQ(3, r.exit_code);
}

TEST(CliTest, AFailedWriteToStandardOutputExitsFour) {
  if (!std::ifstream("/dev/full").good()) GTEST_SKIP() << "no /dev/full here";
  std::string cmd = std::string(MINUTES_BIN) + " extract " + Seed("000_e0affe79a15288f1.txt") +
                    " >/dev/full 2>/dev/null";
  int status = std::system(cmd.c_str());
  EXPECT_EQ(4, WIFEXITED(status) ? WEXITSTATUS(status) : -1);
  cmd = std::string(MINUTES_BIN) + " schema >/dev/full 2>/dev/null";
  status = std::system(cmd.c_str());
  EXPECT_EQ(4, WIFEXITED(status) ? WEXITSTATUS(status) : -1);
}

TEST(CliTest, OptionsParseAsOnAnyUnixTool) {
  std::string notes =
      WriteTemp("opts.txt", "Notes\nDate: 14 October 2025\nAttendees: Ann Bell (Kent)\n");
  // An unknown option is named, and does not swallow the file after it.
  Result r = RunMinutes("extract --no-such-flag " + notes);
  EXPECT_EQ(2, r.exit_code);
  EXPECT_NE(std::string::npos, r.err.find("no-such-flag")) << r.err;
  // "--" ends the options: a file may be called "--compact".
  std::string odd = ::testing::TempDir() + "/--compact";
  std::ofstream(odd) << "Notes\nDate: 14 October 2025\nAttendees: Ann Bell (Kent)\n";
  r = RunMinutes("extract --jsonl -- " + odd);
  EXPECT_EQ(0, r.exit_code) << r.err;
  EXPECT_EQ(1, std::count(r.out.begin(), r.out.end(), '\n')) << r.out.substr(0, 100);
  // --name=value and --name value are the same; --version answers anywhere.
  EXPECT_EQ(0, RunMinutes("extract --format=json " + notes).exit_code);
  r = RunMinutes("extract --format csv");
  EXPECT_EQ(2, r.exit_code);
  r = RunMinutes("extract " + notes + " --version");
  EXPECT_EQ(0, r.exit_code);
  EXPECT_EQ(0u, r.out.rfind("minutes ", 0)) << r.out;
  r = RunMinutes("extract --format");
  EXPECT_EQ(2, r.exit_code);
  EXPECT_NE(std::string::npos, r.err.find("format")) << r.err;
  // Help says how to read standard input, and that several files give JSON Lines.
  r = RunMinutes("extract --help");
  EXPECT_EQ(0, r.exit_code);
  EXPECT_NE(std::string::npos, r.out.find("'-' reads standard input")) << r.out;
  EXPECT_NE(std::string::npos, r.out.find("JSON Lines")) << r.out;
  EXPECT_NE(std::string::npos, r.out.find("--strict")) << r.out;
}

TEST(CliTest, PrettyOrLinesAsAsked) {
  std::string a = WriteTemp("a.txt", "Notes\nDate: 14 October 2025\nAttendees: Ann Bell (Kent)\n");
  Result r = RunMinutes("extract --jsonl " + a);
  EXPECT_EQ(1, std::count(r.out.begin(), r.out.end(), '\n'));
  r = RunMinutes("extract --pretty " + a + " " + a);
  EXPECT_EQ(0u, r.out.find("{\n  \"schema_version\": \"" + std::string(minutes::kSchemaVersion) +
                           "\",\n"))
      << r.out.substr(0, 80);
  EXPECT_NE(std::string::npos, r.out.find("}\n{\n  \"schema_version\""));
}

TEST(CliTest, SchemaPrintsTheJsonSchemaKeptInTheRepository) {
  Result r = RunMinutes("schema");
  ASSERT_EQ(0, r.exit_code) << r.err;
  EXPECT_EQ(Slurp(std::string(MINUTES_SOURCE_DIR) + "/schema/document.schema.json"), r.out)
      << "regenerate with: build/minutes schema > schema/document.schema.json";
  r = RunMinutes("schema --format datapackage");
  EXPECT_EQ(0, r.exit_code);
  EXPECT_NE(std::string::npos, r.out.find("\"primaryKey\""));
  EXPECT_EQ(2, RunMinutes("schema --format yaml").exit_code);
}

TEST(CliTest, ValidateMarksFindingsAndExitsByTheirSeverity) {
  // The December seed: the chair sent apologies but is recorded speaking; RE is ambiguous.
  Result r = RunMinutes("validate " + Seed("001_2e77aad788dcd255.txt"));
  EXPECT_EQ(0, r.exit_code) << r.out;  // warnings only
  EXPECT_NE(std::string::npos, r.out.find("warning chair_sent_apologies (line 7)")) << r.out;
  EXPECT_NE(std::string::npos, r.out.find("Chair: [[Sarah Daly]] DCS Portsmouth")) << r.out;
  EXPECT_NE(std::string::npos, r.out.find("[[RE]] presented")) << r.out;
  EXPECT_EQ(1, RunMinutes("validate --strict " + Seed("001_2e77aad788dcd255.txt")).exit_code);
  // With July given too, RE is settled and said so.
  r = RunMinutes("validate " + Seed("000_e0affe79a15288f1.txt") + " " +
                 Seed("001_2e77aad788dcd255.txt"));
  EXPECT_NE(std::string::npos, r.out.find("settled_initials")) << r.out;
  EXPECT_EQ(std::string::npos, r.out.find("ambiguous_initials (line 17)")) << r.out;

  std::string undated = WriteTemp("v_undated.txt", "Notes\nAttendees: Ann Bell (Kent)\n");
  r = RunMinutes("validate --format json " + undated);
  EXPECT_EQ(1, r.exit_code);
  Poco::JSON::Parser parser;
  Poco::JSON::Object::Ptr x = parser.parse(r.out).extract<Poco::JSON::Object::Ptr>();
  EXPECT_EQ(undated, x->getValue<std::string>("path"));
  Poco::JSON::Object::Ptr f = x->getArray("findings")->getObject(0);
  EXPECT_EQ("missing_meeting_date", f->getValue<std::string>("code"));
  EXPECT_EQ("error", f->getValue<std::string>("severity"));
  EXPECT_EQ(1, f->getValue<int>("line"));
  EXPECT_EQ("Notes", f->getValue<std::string>("text"));

  // A group's rules file: an error made a warning exits 0; an unknown code is a usage error.
  std::string rules = WriteTemp("rules.conf", "# ours\nmissing_meeting_date warning\n");
  EXPECT_EQ(0, RunMinutes("validate --rules " + rules + " " + undated).exit_code);
  rules = WriteTemp("rules_off.conf", "missing_meeting_date off\n");
  r = RunMinutes("validate --rules " + rules + " " + undated);
  EXPECT_EQ(0, r.exit_code);
  EXPECT_EQ(std::string::npos, r.out.find("missing_meeting_date")) << r.out;
  std::string bad = WriteTemp("rules_bad.conf", "missing_meting_date off\n");
  r = RunMinutes("validate --rules " + bad + " " + undated);
  EXPECT_EQ(2, r.exit_code);
  EXPECT_NE(std::string::npos, r.err.find("line 1: no rule is called 'missing_meting_date'"))
      << r.err;
  EXPECT_EQ(3, RunMinutes("validate /nonexistent.txt").exit_code);
}

TEST(CliTest, ValidateListsItsRules) {
  Result r = RunMinutes("validate --list-rules");
  EXPECT_EQ(0, r.exit_code);
  for (const char* code : {"missing_meeting_date", "weekday_mismatch", "ambiguous_initials",
                           "not_minutes", "open_action_missing"})
    EXPECT_NE(std::string::npos, r.out.find(code)) << code;
  // The README's catalogue is this one.
  Result md = RunMinutes("validate --list-rules --format markdown");
  std::string readme = Slurp(std::string(MINUTES_SOURCE_DIR) + "/README.md");
  const std::string begin =
      "<!-- rules:begin (generated by 'minutes validate --list-rules --format markdown') -->\n";
  size_t b = readme.find(begin), e = readme.find("<!-- rules:end -->");
  ASSERT_NE(std::string::npos, b);
  ASSERT_NE(std::string::npos, e);
  EXPECT_EQ(md.out, readme.substr(b + begin.size(), e - b - begin.size()))
      << "regenerate the README's rules table: build/minutes validate --list-rules --format "
         "markdown";
  r = RunMinutes("validate --list-rules --format json");
  Poco::JSON::Parser parser;
  Poco::JSON::Array::Ptr rules = parser.parse(r.out).extract<Poco::JSON::Array::Ptr>();
  EXPECT_GE(rules->size(), 15u);
}

// `minutes serve` as an operator runs it: it says where it listens, answers, and stops on SIGTERM.
TEST(CliTest, ServeAnswersAndStopsOnSigterm) {
  std::string err = ::testing::TempDir() + "/serve_err_" + std::to_string(::getpid());
  pid_t pid = fork();
  if (pid == 0) {
    freopen(err.c_str(), "w", stderr);
    execl(MINUTES_BIN, MINUTES_BIN, "serve", "--port", "0", static_cast<char*>(nullptr));
    _exit(127);
  }
  int port = 0;
  for (int i = 0; i < 200 && port == 0; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(25));
    std::string log = Slurp(err);
    size_t at = log.find("serving on http://127.0.0.1:");
    if (at != std::string::npos) port = std::atoi(log.c_str() + at + 28);
  }
  ASSERT_GT(port, 0) << Slurp(err);
  Poco::Net::HTTPClientSession session("127.0.0.1", static_cast<Poco::UInt16>(port));
  Poco::Net::HTTPRequest request(Poco::Net::HTTPRequest::HTTP_GET, "/healthz");
  session.sendRequest(request);
  Poco::Net::HTTPResponse response;
  session.receiveResponse(response);
  EXPECT_EQ(Poco::Net::HTTPResponse::HTTP_OK, response.getStatus());
  kill(pid, SIGTERM);
  int status = 0;
  waitpid(pid, &status, 0);
  EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << Slurp(err);
  EXPECT_NE(std::string::npos, Slurp(err).find("method=GET path=/healthz status=200"));
}

TEST(CliTest, AnErrorStaysOneLineWhateverTheFileIsCalled) {
  // A newline in a file name could otherwise forge a second error line; an escape character
  // could drive the terminal.
  std::string path = WriteTemp("bad\nminutes: forged\x1b[2J.docx", "not a zip");
  Result r = RunMinutes("extract --input-format docx '" + path + "'");
  EXPECT_EQ(3, r.exit_code);
  ASSERT_FALSE(r.err.empty());
  EXPECT_EQ(1, std::count(r.err.begin(), r.err.end(), '\n')) << r.err;
  EXPECT_NE(std::string::npos, r.err.find("bad\\nminutes: forged\\x1b[2J.docx: corrupt")) << r.err;
}

TEST(CliTest, ALimitPassedExitsThreeNamingItAndTheOtherFilesGoOn) {
  std::string many = WriteTemp("many_lines.txt", std::string(2000, 'x') + "\n" + "a\nb\nc\n");
  std::string good = WriteTemp("good.txt", "Notes\n\nPresent: Ann Bell\n");
  Result r = RunMinutes("extract --max-blocks 3 " + many + " " + good);
  EXPECT_EQ(3, r.exit_code);
  EXPECT_EQ(1, std::count(r.err.begin(), r.err.end(), '\n')) << r.err;
  EXPECT_NE(std::string::npos,
            r.err.find("many_lines.txt: limit exceeded: the document has more than max_blocks (3) "
                       "blocks"))
      << r.err;
  EXPECT_NE(std::string::npos, r.out.find("Ann Bell")) << "the good file is still extracted";

  r = RunMinutes("extract --max-paragraph-bytes 1000 " + many);
  EXPECT_EQ(3, r.exit_code);
  EXPECT_NE(std::string::npos, r.err.find("max_paragraph_bytes (1000)")) << r.err;

  // The time budget covers extraction too: a budget no step can meet stops it.
  r = RunMinutes("validate --max-seconds 0.000001 " + good);
  EXPECT_EQ(3, r.exit_code);
  EXPECT_NE(std::string::npos,
            r.err.find("good.txt: limit exceeded: the document took longer than max_seconds"))
      << r.err;

  r = RunMinutes("extract --max-seconds soon " + good);
  EXPECT_EQ(2, r.exit_code);
}

}  // namespace
