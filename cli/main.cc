// minutes: the command-line program. A thin shell over the stage libraries: it parses arguments,
// calls them, prints, and maps their Status to the exit codes the README documents.

#include <cerrno>
#include <cstdlib>
#include <functional>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "export/export.h"
#include "extract/extract.h"
#include "ingest/ingest.h"
#include "normalize/normalize.h"

namespace {

constexpr int kExitOk = 0;
constexpr int kExitUsage = 2;

const char kMainHelp[] =
    "usage: minutes [--help] [--version] <command> [<args>]\n"
    "\n"
    "Turns the meeting notes of English local-authority groups (DOCX or text) into data.\n"
    "\n"
    "commands:\n"
    "  extract  meeting, attendance, actions, money, LA mentions and initials as JSON or CSV\n"
    "  text     print the canonical plain text of a notes file (the coordinate system of every "
    "span)\n"
    "\n"
    "Run 'minutes <command> --help' for a command's options.\n"
    "\n"
    "exit codes: 0 success, 1 validation findings, 2 usage error, 3 input could not be read\n";

const char kReadOptionsHelp[] =
    "reading options:\n"
    "  --input-format auto|docx|text force a reader (default: told from the bytes)\n"
    "  --max-input-bytes N           largest input accepted (default 67108864)\n"
    "  --max-decompressed-bytes N    total bytes inflated from a DOCX (default 268435456)\n"
    "  --max-compression-ratio R     largest inflate ratio of one zip entry (default 200)\n"
    "  --max-xml-depth N             deepest XML nesting accepted (default 256)\n"
    "  --max-zip-entries N           most entries a DOCX may list (default 100000)\n"
    "  --help                        this text\n";

const char kTextHelp[] =
    "usage: minutes text [options] FILE...\n"
    "\n"
    "Prints the canonical plain text of each FILE ('-' reads stdin): blocks separated by a blank\n"
    "line, table cells by a tab and rows by a newline, list items prefixed with their number or\n"
    "bullet, then footnotes, endnotes, comments, headers and footers. Byte offsets in every\n"
    "extracted item point into exactly this text. With several files, each is preceded by a\n"
    "line '==> FILE <=='.\n"
    "\n";

const char kExtractHelp[] =
    "usage: minutes extract [options] FILE...\n"
    "\n"
    "Extracts the meeting (title, date, times, chair, next meetings), the people present and\n"
    "sending apologies, the action log, money figures, LA mentions and uses of initials from each\n"
    "FILE, every item with its span in the output of 'minutes text'. Prints one JSON object per\n"
    "file (schema version 1.0; with several files, one object per line), or writes CSV tables.\n"
    "\n"
    "options:\n"
    "  --format json|csv             output format (default json)\n"
    "  --out DIR                     with --format csv: directory for meetings.csv, people.csv,\n"
    "                                actions.csv, money.csv, la_mentions.csv, "
    "person_mentions.csv,\n"
    "                                findings.csv (required for csv)\n"
    "  --la-register PATH            LA register directory or CSV (default: the shipped one)\n"
    "\n";

struct UsageError {
  std::string message;
};

// Options shared by every command that reads notes.
struct ReadArgs {
  minutes::IngestOptions ingest;
  std::vector<std::string> files;
};

unsigned long long ParseCount(const std::string& flag, const std::string& value) {
  char* end = nullptr;
  errno = 0;
  unsigned long long n = std::strtoull(value.c_str(), &end, 10);
  if (value.empty() || *end != '\0' || errno != 0 || value[0] == '-')
    throw UsageError{flag + " takes a whole number, not '" + value + "'"};
  return n;
}

// A command's own flags: returns true if it took `flag` (with `value`).
using ExtraFlags = std::function<bool(const std::string& flag, const std::string& value)>;

// Consumes `args` into `out`, passing flags it does not know to `extra`. Returns false if --help
// was asked for. Throws UsageError.
bool ParseReadArgs(const std::vector<std::string>& args, ReadArgs* out, const ExtraFlags& extra) {
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a == "--help" || a == "-h") return false;
    if (a.size() < 2 || a[0] != '-') {
      out->files.push_back(a);
      continue;
    }
    std::string flag = a, value;
    size_t eq = a.find('=');
    if (eq != std::string::npos) {
      flag = a.substr(0, eq);
      value = a.substr(eq + 1);
    } else {
      if (i + 1 >= args.size()) throw UsageError{flag + " needs a value"};
      value = args[++i];
    }
    minutes::IngestOptions& in = out->ingest;
    if (flag == "--input-format") {
      if (value == "auto")
        in.format = minutes::InputFormat::kAuto;
      else if (value == "docx")
        in.format = minutes::InputFormat::kDocx;
      else if (value == "text")
        in.format = minutes::InputFormat::kText;
      else
        throw UsageError{"--input-format takes auto, docx or text, not '" + value + "'"};
    } else if (flag == "--max-input-bytes") {
      in.max_input_bytes = ParseCount(flag, value);
    } else if (flag == "--max-decompressed-bytes") {
      in.max_decompressed_bytes = ParseCount(flag, value);
    } else if (flag == "--max-compression-ratio") {
      char* end = nullptr;
      double r = std::strtod(value.c_str(), &end);
      if (value.empty() || *end != '\0' || !(r >= 1.0))
        throw UsageError{"--max-compression-ratio takes a number >= 1, not '" + value + "'"};
      in.max_compression_ratio = r;
    } else if (flag == "--max-xml-depth") {
      in.max_xml_depth = static_cast<int>(ParseCount(flag, value));
    } else if (flag == "--max-zip-entries") {
      in.max_zip_entries = ParseCount(flag, value);
    } else if (!extra || !extra(flag, value)) {
      throw UsageError{"unknown option " + flag};
    }
  }
  if (out->files.empty()) throw UsageError{"no input file (use '-' for stdin)"};
  return true;
}

// Reads one file; on failure prints "minutes: FILE: reason", keeps the first failure's exit code in
// `*exit_code`, and returns false.
bool Read(const std::string& path, const ReadArgs& args, minutes::Document* doc, int* exit_code) {
  minutes::Status s = minutes::ReadFile(path, args.ingest, doc);
  if (s.ok()) return true;
  std::cerr << "minutes: " << (path == "-" ? "<stdin>" : path) << ": " << s.ToString() << "\n";
  if (*exit_code == kExitOk) *exit_code = 3;
  return false;
}

int RunText(const std::vector<std::string>& args) {
  ReadArgs ra;
  if (!ParseReadArgs(args, &ra, nullptr)) {
    std::cout << kTextHelp << kReadOptionsHelp;
    return kExitOk;
  }
  int exit_code = kExitOk;
  for (const std::string& path : ra.files) {
    minutes::Document doc;
    if (!Read(path, ra, &doc, &exit_code)) continue;
    if (ra.files.size() > 1) std::cout << "==> " << path << " <==\n";
    std::cout << doc.text;
  }
  return exit_code;
}

int RunExtract(const std::vector<std::string>& args) {
  ReadArgs ra;
  std::string format = "json", out_dir, register_path;
  bool help = !ParseReadArgs(args, &ra, [&](const std::string& flag, const std::string& value) {
    if (flag == "--format") {
      if (value != "json" && value != "csv")
        throw UsageError{"--format takes json or csv, not '" + value + "'"};
      format = value;
    } else if (flag == "--out") {
      out_dir = value;
    } else if (flag == "--la-register") {
      register_path = value;
    } else {
      return false;
    }
    return true;
  });
  if (help) {
    std::cout << kExtractHelp << kReadOptionsHelp;
    return kExitOk;
  }
  if (format == "csv" && out_dir.empty()) throw UsageError{"--format csv needs --out DIR"};

  minutes::ExtractOptions options;
  std::unique_ptr<minutes::normalize::LaRegister> custom;
  if (!register_path.empty()) {
    minutes::Status s = minutes::normalize::LaRegister::Load(register_path, &custom);
    if (!s.ok()) {
      std::cerr << "minutes: " << register_path << ": cannot load LA register: " << s.message()
                << "\n";
      return 3;
    }
    options.la_register = custom.get();
  } else if (!minutes::normalize::LaRegister::Default().status().ok()) {
    std::cerr << "minutes: cannot load the shipped LA register: "
              << minutes::normalize::LaRegister::Default().status().message() << "\n";
    return 3;
  }

  int exit_code = kExitOk;
  minutes::CsvTables tables;
  for (const std::string& path : ra.files) {
    minutes::Document doc;
    if (!Read(path, ra, &doc, &exit_code)) continue;
    minutes::SourceInfo source;
    source.path = path;
    source.sha256 = doc.sha256;
    source.format = doc.format == minutes::Document::Format::kDocx ? "docx" : "text";
    source.bytes = doc.source_bytes;
    minutes::Extraction x = minutes::Extract(doc, source, options);
    if (format == "json") {
      std::cout << minutes::ToJson(x, ra.files.size() > 1 ? 0 : 2);
    } else {
      tables.Add(x);
    }
  }
  if (format == "csv") {
    minutes::Status s = tables.Write(out_dir);
    if (!s.ok()) {
      std::cerr << "minutes: " << s.message() << "\n";
      return 3;
    }
  }
  return exit_code;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  try {
    if (args.empty()) {
      std::cerr << kMainHelp;
      return kExitUsage;
    }
    const std::string command = args[0];
    std::vector<std::string> rest(args.begin() + 1, args.end());
    if (command == "--help" || command == "-h" || command == "help") {
      std::cout << kMainHelp;
      return kExitOk;
    }
    if (command == "--version") {
      std::cout << "minutes " << MINUTES_VERSION << " (schema " << minutes::kSchemaVersion << ")\n";
      return kExitOk;
    }
    if (command == "text") return RunText(rest);
    if (command == "extract") return RunExtract(rest);
    throw UsageError{"unknown command '" + command + "' (see 'minutes --help')"};
  } catch (const UsageError& e) {
    std::cerr << "minutes: " << e.message << "\n";
    return kExitUsage;
  }
}
