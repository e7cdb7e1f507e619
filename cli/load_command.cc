// minutes load: notes (extracted on the way) or extract's JSON / JSON Lines into a database.

#include <cstdio>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>

#include "cli/cli.h"
#include "export/export.h"
#include "extract/extract.h"
#include "extract/series.h"
#include "normalize/normalize.h"
#include "warehouse/warehouse.h"

namespace minutes::cli {
namespace {

const char kDescription[] =
    "Loads each FILE into the database at --db: a notes file ('-' reads standard input) is\n"
    "extracted on the way; a file of JSON or JSON Lines that 'minutes extract' wrote is loaded as\n"
    "it is. Each document loads in one transaction: loading it again changes nothing, a new\n"
    "version of a path replaces the old one's rows, and a second file of a meeting already loaded\n"
    "(same series and date, such as a .docx and its text export) is skipped. One line per\n"
    "document says which.\n"
    "\n"
    "URL: sqlite:PATH (created if missing) or postgresql://USER[:PASSWORD]@HOST[:PORT]/DB.\n"
    "\n"
    "Exits 3 when a file could not be read (the others still load), 4 when the database could\n"
    "not be opened or a document could not be written.";

// JSON Lines (or one JSON document) when the first character that is not white space is '{'.
bool LooksLikeJson(const std::string& bytes) {
  size_t first = bytes.find_first_not_of(" \t\r\n");
  return first != std::string::npos && bytes[first] == '{';
}

// Reads FILE's bytes as ingest would (limits included) when it is JSON, else extracts it.
Status ReadDocuments(const std::string& path, const IngestOptions& ingest,
                     const ExtractOptions& extract_options, std::vector<Extraction>* out) {
  if (path != "-") {
    std::ifstream in(path, std::ios::binary);
    char head[64] = {};
    in.read(head, sizeof head);
    if (in.gcount() > 0 && LooksLikeJson(std::string(head, in.gcount()))) {
      in.clear();
      in.seekg(0);
      std::stringstream ss;
      ss << in.rdbuf();
      std::string line;
      int n = 0;
      while (std::getline(ss, line)) {
        ++n;
        if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
        Extraction x;
        Status s = ParseJson(line, &x);
        if (!s.ok() && n == 1) {
          // Not JSON Lines: one indented document.
          out->clear();
          Status whole = ParseJson(ss.str(), &x);
          if (!whole.ok()) return whole;
          out->push_back(std::move(x));
          return Status::OK();
        }
        if (!s.ok()) return Status::Corrupt("line " + std::to_string(n) + ": " + s.message());
        out->push_back(std::move(x));
      }
      return Status::OK();
    }
  }
  Document doc;
  Status s = ReadFile(path, ingest, &doc);
  if (!s.ok()) return s;
  Extraction x;
  s = Extract(doc, SourceOf(path, doc), extract_options, &x);
  if (!s.ok()) return s;
  out->push_back(std::move(x));
  return Status::OK();
}

}  // namespace

int RunLoad(const std::vector<std::string>& args) {
  OptionSet options;
  options.Add(Option("help", "h", "this text"));
  options.Add(Option("db", "", "the database URL (required)").Argument("URL"));
  ExtractArgs::AddOptions(&options);
  AddReadOptions(&options);

  IngestOptions ingest;
  ExtractOptions extract_options;
  ExtractArgs extract_args;
  std::string url;
  bool help = false;
  std::vector<std::string> files;
  Status parsed = options.Parse(
      args,
      [&](const std::string& name, const std::string& value) {
        if (name == "help")
          help = true;
        else if (name == "db")
          url = value;
        else if (!extract_args.Apply(name, value))
          return ApplyReadOption(name, value, &ingest);
        return Status::OK();
      },
      &files);
  if (!parsed.ok()) return Fail(parsed);
  if (help) {
    std::cout << Help("minutes load --db URL [options] FILE...", kDescription, options);
    return kExitOk;
  }
  if (url.empty()) return Fail(Usage("load needs --db URL (sqlite:PATH or postgresql://...)"));
  if (files.empty()) return Fail(Usage("no input file (use '-' for standard input)"));

  if (int code = extract_args.Prepare(ingest, &extract_options); code != kExitOk) return code;
  const normalize::LaRegister* las = extract_options.la_register;

  int exit_code = kExitOk;
  std::vector<Extraction> docs;
  for (const std::string& path : files) {
    Status s = ReadDocuments(path, ingest, extract_options, &docs);
    if (!s.ok()) {
      StderrLine((path == "-" ? "<stdin>" : path) + ": " + s.ToString());
      Raise(&exit_code, kExitUnreadable);
    }
  }

  // Meetings of one series given together settle each other, as `extract` does.
  SettleSeries(&docs);

  std::unique_ptr<warehouse::Warehouse> db;
  Status s = warehouse::Warehouse::Open(url, &db);
  if (s.ok()) s = db->LoadRegister(*las);
  if (!s.ok()) {
    StderrLine(s.message());
    return ExitCodeOf(s) == kExitUsage ? kExitUsage : kExitUnwritable;
  }
  // One line per document as it is committed, so whoever watches (or kills) the load knows
  // exactly which documents are in.
  std::setvbuf(stdout, nullptr, _IOLBF, 0);
  Output out;
  for (const Extraction& x : docs) {
    warehouse::LoadResult r;
    s = db->Load(x, MINUTES_VERSION, &r);
    if (!s.ok()) {
      StderrLine(x.source.path + ": " + s.message());
      Raise(&exit_code, kExitUnwritable);
      continue;
    }
    switch (r.outcome) {
      case warehouse::LoadOutcome::kLoaded:
        out.Write("loaded " + x.source.path + "\n");
        break;
      case warehouse::LoadOutcome::kReplaced:
        out.Write("replaced " + x.source.path + " (was " + r.other.substr(0, 12) + ")\n");
        break;
      case warehouse::LoadOutcome::kUnchanged:
        out.Write("unchanged " + x.source.path + "\n");
        break;
      case warehouse::LoadOutcome::kDuplicateMeeting:
        out.Write("skipped " + x.source.path + ": the same meeting as " + r.other + "\n");
        break;
    }
  }
  return Finished(out.Finish(), exit_code);
}

}  // namespace minutes::cli
