// minutes extract: every file's extraction as JSON (pretty, or one object per line) or CSV tables.

#include <iostream>
#include <memory>
#include <optional>

#include "cli/cli.h"
#include "export/export.h"
#include "extract/extract.h"
#include "extract/series.h"
#include "normalize/normalize.h"

namespace minutes::cli {
namespace {

enum class JsonLayout { kAuto, kPretty, kLines };

const char kDescription[] =
    "Extracts the meeting (title, date, times, chair, next meetings), the people present and\n"
    "sending apologies, the action log, money figures, LA mentions and uses of initials from\n"
    "each FILE ('-' reads standard input), every item with its span in the output of\n"
    "'minutes text'. Prints JSON in the published schema ('minutes schema'): one indented\n"
    "object for one file; JSON Lines (one object per line) for several files, or with --jsonl.\n"
    "With --format csv, writes one CSV table per record list and datapackage.json into --out.\n"
    "Files of one series (the title without dates, or --series) are settled together: initials\n"
    "one meeting leaves open are named from the others, and actions dropped from the log are\n"
    "reported.\n"
    "\n"
    "Exits 1 when a file has a finding of severity error (with --strict, warning too), 3 when a\n"
    "file could not be read (the others are still processed), 4 when the output could not be\n"
    "written.";

}  // namespace

int RunExtract(const std::vector<std::string>& args) {
  OptionSet options;
  options.Add(Option("help", "h", "this text"));
  options.Add(Option("format", "", "json (default) or csv").Argument("FORMAT"));
  options.Add(Option("out", "",
                     "with --format csv: the directory for the tables (created "
                     "if missing)")
                  .Argument("DIR"));
  options.Add(Option("jsonl", "",
                     "JSON Lines: one object per line (the default for several "
                     "files)"));
  options.Add(Option("compact", "", "the same as --jsonl"));
  options.Add(Option("pretty", "", "indented JSON even for several files"));
  options.Add(Option("strict", "", "exit 1 on warnings too"));
  ExtractArgs::AddOptions(&options);
  AddReadOptions(&options);

  IngestOptions ingest;
  ExtractArgs extract_args;
  std::string format = "json", out_dir;
  JsonLayout layout = JsonLayout::kAuto;
  bool help = false, strict = false;
  std::vector<std::string> files;
  Status parsed = options.Parse(
      args,
      [&](const std::string& name, const std::string& value) {
        if (name == "help") {
          help = true;
        } else if (name == "format") {
          if (value != "json" && value != "csv")
            return Usage("--format takes json or csv, not '" + value + "'");
          format = value;
        } else if (name == "out") {
          out_dir = value;
        } else if (name == "jsonl" || name == "compact") {
          layout = JsonLayout::kLines;
        } else if (name == "pretty") {
          layout = JsonLayout::kPretty;
        } else if (name == "strict") {
          strict = true;
        } else if (!extract_args.Apply(name, value)) {
          return ApplyReadOption(name, value, &ingest);
        }
        return Status::OK();
      },
      &files);
  if (!parsed.ok()) return Fail(parsed);
  if (help) {
    std::cout << Help("minutes extract [options] FILE...", kDescription, options);
    return kExitOk;
  }
  if (files.empty()) return Fail(Usage("no input file (use '-' for standard input)"));
  if (format == "csv" && out_dir.empty()) return Fail(Usage("--format csv needs --out DIR"));
  if (format == "json" && !out_dir.empty()) return Fail(Usage("--out goes with --format csv"));

  ExtractOptions extract_options;
  if (int code = extract_args.Prepare(ingest, &extract_options); code != kExitOk) return code;

  int indent =
      layout == JsonLayout::kPretty || (layout == JsonLayout::kAuto && files.size() == 1) ? 2 : 0;
  int exit_code = kExitOk;
  Output out;
  // The tables are written as rows come (a large note's rows are never held whole); a folder
  // that cannot be written is reported at the end, after every input, as before. Made only for
  // CSV: their headers come from the schema's description, which JSON never needs.
  std::optional<CsvTables> tables;
  if (format == "csv") tables.emplace();
  const Status csv_open = tables ? tables->Open(out_dir) : Status::OK();
  // Every file first, then the meetings of each series together, then the output in input order.
  std::vector<Extraction> extractions;
  for (const std::string& path : files) {
    Document doc;
    Extraction x;
    if (!ExtractInput(path, ingest, extract_options, &doc, &x, &exit_code)) continue;
    extractions.push_back(std::move(x));
  }
  SettleSeries(&extractions);
  for (const Extraction& x : extractions) {
    if (x.HasFindingsToFix(strict)) Raise(&exit_code, kExitFindings);
    if (format == "json") {
      // Streamed: a large note's JSON is several times its size, never worth holding whole.
      WriteJson(x, indent, [&out](std::string_view piece) { out.Write(piece); });
    } else if (csv_open.ok()) {
      tables->Add(x);
    }
  }
  if (format != "csv") return Finished(out.Finish(), exit_code);
  return Finished(csv_open.ok() ? tables->Close() : csv_open, exit_code);
}

}  // namespace minutes::cli
