// minutes validate: what a reviewer should fix in new notes, shown on the notes themselves.

#include <unistd.h>

#include <algorithm>
#include <fstream>
#include <iostream>
#include <sstream>

#include "cli/cli.h"
#include "export/export.h"
#include "export/json_out.h"
#include "extract/findings.h"
#include "extract/series.h"

namespace minutes::cli {
namespace {

const char kDescription[] =
    "Checks each FILE ('-' reads standard input) against the catalogue of validation rules\n"
    "('--list-rules') and prints what to fix: grouped by file and severity, each finding with\n"
    "its line and the words it is about marked; or, with --format json, one JSON object per\n"
    "file. Files of one series given together are settled together first (as 'extract' does).\n"
    "\n"
    "Exits 0 when no finding is an error (with --strict: no warning either), 1 when one is,\n"
    "2 for a usage error or a bad rules file, 3 when a file could not be read.";

// The line holding `span`, cut to about 100 characters around it, the span between `open` and
// `close`.
std::string Snippet(const std::string& text, Span span, const std::string& open,
                    const std::string& close) {
  if (span.start >= text.size() || span.end <= span.start) return "";
  size_t begin = text.rfind('\n', span.start);
  begin = begin == std::string::npos ? 0 : begin + 1;
  size_t end = text.find('\n', span.start);
  if (end == std::string::npos) end = text.size();
  size_t stop = std::min<size_t>(span.end, end);
  // Keep the marked words and up to 40 bytes either side, cut at UTF-8 character starts.
  auto char_start = [&](size_t p) {
    while (p > 0 && p < text.size() && (static_cast<unsigned char>(text[p]) & 0xC0) == 0x80) --p;
    return p;
  };
  size_t from = span.start > begin + 40 ? char_start(span.start - 40) : begin;
  size_t to = end > stop + 40 ? char_start(stop + 40) : end;
  std::string s = (from > begin ? "..." : "") + text.substr(from, span.start - from) + open +
                  text.substr(span.start, stop - span.start) + close +
                  text.substr(stop, to - stop) + (to < end ? "..." : "");
  std::replace(s.begin(), s.end(), '\t', ' ');
  return s;
}

void ListRules(const std::string& format) {
  if (format == "markdown") {
    std::cout << "| code | severity | meaning | example |\n|---|---|---|---|\n";
    for (const FindingRule& r : FindingCatalogue())
      std::cout << "| `" << r.code << "` | " << EnumName(r.severity) << " | " << r.meaning << " | "
                << r.example << " |\n";
    return;
  }
  if (format == "json") {
    std::string text;
    internal::JsonOut out(&text, 2);
    out.BeginArray();
    for (const FindingRule& r : FindingCatalogue()) {
      out.BeginObject();
      out.Key("code");
      out.String(r.code);
      out.Key("severity");
      out.String(EnumName(r.severity));
      out.Key("meaning");
      out.String(r.meaning);
      out.Key("example");
      out.String(r.example);
      out.EndObject();
    }
    out.EndArray();
    std::cout << text << "\n";
    return;
  }
  for (const FindingRule& r : FindingCatalogue()) {
    std::string code(r.code), severity(EnumName(r.severity));
    code.resize(std::max<size_t>(code.size(), 28), ' ');
    severity.resize(8, ' ');
    std::cout << code << severity << r.meaning << "\n";
  }
}

}  // namespace

int RunValidate(const std::vector<std::string>& args) {
  OptionSet options;
  options.Add(Option("help", "h", "this text"));
  options.Add(Option("format", "", "text (default) or json; markdown too for --list-rules")
                  .Argument("FORMAT"));
  options.Add(Option("strict", "", "warnings fail too (exit 1)"));
  options.Add(Option("rules", "",
                     "switch rules off or change their severity (a file of 'CODE off|error|"
                     "warning|info' lines)")
                  .Argument("FILE"));
  options.Add(Option("list-rules", "", "print the catalogue of rules and exit"));
  ExtractArgs::AddOptions(&options);
  AddReadOptions(&options);

  IngestOptions ingest;
  ExtractArgs extract_args;
  std::string format = "text", rules_path;
  bool help = false, strict = false, list = false;
  std::vector<std::string> files;
  Status parsed = options.Parse(
      args,
      [&](const std::string& name, const std::string& value) -> Status {
        if (name == "help") {
          help = true;
        } else if (name == "format") {
          if (value != "text" && value != "json" && value != "markdown")
            return Usage("--format takes text or json (markdown with --list-rules), not '" + value +
                         "'");
          format = value;
        } else if (name == "strict") {
          strict = true;
        } else if (name == "rules") {
          rules_path = value;
        } else if (name == "list-rules") {
          list = true;
        } else if (!extract_args.Apply(name, value)) {
          return ApplyReadOption(name, value, &ingest);
        }
        return Status::OK();
      },
      &files);
  if (!parsed.ok()) return Fail(parsed);
  if (help) {
    std::cout << Help("minutes validate [options] FILE...", kDescription, options);
    return kExitOk;
  }
  if (list) {
    ListRules(format);
    return kExitOk;
  }
  if (files.empty()) return Fail(Usage("no input file (use '-' for standard input)"));
  if (format == "markdown") return Fail(Usage("--format markdown goes with --list-rules"));
  RuleOverrides overrides;
  if (!rules_path.empty()) {
    std::ifstream in(rules_path, std::ios::binary);
    if (!in) return Fail(Usage(rules_path + ": cannot read the rules file"));
    std::stringstream ss;
    ss << in.rdbuf();
    Status s = ParseRuleOverrides(ss.str(), &overrides);
    if (!s.ok()) return Fail(Usage(rules_path + ": " + s.message()));
  }
  ExtractOptions extract_options;
  if (int code = extract_args.Prepare(ingest, &extract_options); code != kExitOk) return code;

  int exit_code = kExitOk;
  std::vector<Document> docs;
  std::vector<Extraction> extractions;
  for (const std::string& path : files) {
    Document doc;
    Extraction x;
    if (!ExtractInput(path, ingest, extract_options, &doc, &x, &exit_code)) continue;
    extractions.push_back(std::move(x));
    docs.push_back(std::move(doc));
  }
  SettleSeries(&extractions);

  const bool color = format == "text" && ::isatty(STDOUT_FILENO) == 1;
  const std::string open = color ? "\x1b[1;31m" : "[[", close = color ? "\x1b[0m" : "]]";
  Output out;
  for (size_t d = 0; d < extractions.size(); ++d) {
    Extraction& x = extractions[d];
    const std::string& text = docs[d].text;
    ApplyRuleOverrides(overrides, &x.findings);
    if (x.HasFindingsToFix(strict)) Raise(&exit_code, kExitFindings);
    if (format == "json") {
      out.Write(ValidationJson(x, text, strict));
      continue;
    }
    std::string report = x.source.path + ": ";
    if (x.findings.empty())
      report += "no findings\n";
    else
      report += std::to_string(x.findings.size()) + " finding" +
                (x.findings.size() > 1 ? "s" : "") + "\n";
    for (Severity severity : {Severity::kError, Severity::kWarning, Severity::kInfo}) {
      for (const Finding& f : x.findings) {
        if (f.severity != severity) continue;
        auto [line, column] = LineColumn(text, f.span.start);
        report += "  " + std::string(EnumName(f.severity)) + " " + f.code + " (line " +
                  std::to_string(line) + "): " + f.message + "\n";
        std::string snippet = Snippet(text, f.span, open, close);
        if (!snippet.empty()) report += "      " + snippet + "\n";
      }
    }
    out.Write(report);
  }
  return Finished(out.Finish(), exit_code);
}

}  // namespace minutes::cli
