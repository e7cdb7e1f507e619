// minutes: the command-line program. A thin shell over the stage libraries: it parses arguments,
// calls them, prints, and maps their Status to the exit codes the README documents.

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/ingest.h"

namespace {

constexpr int kExitOk = 0;
constexpr int kExitUsage = 2;
constexpr int kExitInput = 3;

const char kMainHelp[] =
    "usage: minutes [--help] [--version] <command> [<args>]\n"
    "\n"
    "Turns the meeting notes of English local-authority groups (DOCX or text) into data.\n"
    "\n"
    "commands:\n"
    "  text     print the canonical plain text of a notes file (the coordinate system of every span)\n"
    "\n"
    "Run 'minutes <command> --help' for a command's options.\n"
    "\n"
    "exit codes: 0 success, 1 validation findings, 2 usage error, 3 input could not be read\n";

const char kTextHelp[] =
    "usage: minutes text [options] FILE...\n"
    "\n"
    "Prints the canonical plain text of each FILE ('-' reads stdin): blocks separated by a blank\n"
    "line, table cells by a tab and rows by a newline, list items prefixed with their number or\n"
    "bullet, then footnotes, endnotes, comments, headers and footers. Byte offsets in every\n"
    "extracted item point into exactly this text. With several files, each is preceded by a\n"
    "line '==> FILE <=='.\n"
    "\n"
    "options:\n"
    "  --format auto|docx|text       force a reader (default: told from the bytes)\n"
    "  --max-input-bytes N           largest input accepted (default 67108864)\n"
    "  --max-decompressed-bytes N    total bytes inflated from a DOCX (default 268435456)\n"
    "  --max-compression-ratio R     largest inflate ratio of one zip entry (default 200)\n"
    "  --max-xml-depth N             deepest XML nesting accepted (default 256)\n"
    "  --max-zip-entries N           most entries a DOCX may list (default 100000)\n"
    "  --help                        this text\n";

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

// Consumes `args` into `out`. Returns false if --help was asked for.
bool ParseReadArgs(const std::vector<std::string>& args, ReadArgs* out) {
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a == "--help" || a == "-h") return false;
    if (a.size() > 1 && a[0] == '-' && a != "-") {
      std::string flag = a, value;
      size_t eq = a.find('=');
      if (eq != std::string::npos) {
        flag = a.substr(0, eq);
        value = a.substr(eq + 1);
      } else {
        if (i + 1 >= args.size()) throw UsageError{flag + " needs a value"};
        value = args[++i];
      }
      if (flag == "--format") {
        if (value == "auto") out->ingest.format = minutes::InputFormat::kAuto;
        else if (value == "docx") out->ingest.format = minutes::InputFormat::kDocx;
        else if (value == "text") out->ingest.format = minutes::InputFormat::kText;
        else throw UsageError{"--format takes auto, docx or text, not '" + value + "'"};
      } else if (flag == "--max-input-bytes") {
        out->ingest.max_input_bytes = ParseCount(flag, value);
      } else if (flag == "--max-decompressed-bytes") {
        out->ingest.max_decompressed_bytes = ParseCount(flag, value);
      } else if (flag == "--max-compression-ratio") {
        char* end = nullptr;
        double r = std::strtod(value.c_str(), &end);
        if (value.empty() || *end != '\0' || !(r >= 1.0))
          throw UsageError{"--max-compression-ratio takes a number >= 1, not '" + value + "'"};
        out->ingest.max_compression_ratio = r;
      } else if (flag == "--max-xml-depth") {
        out->ingest.max_xml_depth = static_cast<int>(ParseCount(flag, value));
      } else if (flag == "--max-zip-entries") {
        out->ingest.max_zip_entries = ParseCount(flag, value);
      } else {
        throw UsageError{"unknown option " + flag};
      }
      continue;
    }
    out->files.push_back(a);
  }
  if (out->files.empty()) throw UsageError{"no input file (use '-' for stdin)"};
  return true;
}

// Reads one file; on failure prints "minutes: FILE: reason", keeps the first failure's exit code in
// `*exit_code`, and returns false.
bool Read(const std::string& path, const ReadArgs& args, minutes::Document* doc,
          int* exit_code) {
  minutes::Status s = minutes::ReadFile(path, args.ingest, doc);
  if (s.ok()) return true;
  std::cerr << "minutes: " << (path == "-" ? "<stdin>" : path) << ": " << s.ToString() << "\n";
  if (*exit_code == kExitOk) *exit_code = s.exit_code();
  return false;
}

int RunText(const std::vector<std::string>& args) {
  ReadArgs ra;
  if (!ParseReadArgs(args, &ra)) {
    std::cout << kTextHelp;
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
      std::cout << "minutes " << MINUTES_VERSION << "\n";
      return kExitOk;
    }
    if (command == "text") return RunText(rest);
    throw UsageError{"unknown command '" + command + "' (see 'minutes --help')"};
  } catch (const UsageError& e) {
    std::cerr << "minutes: " << e.message << "\n";
    return kExitUsage;
  }
}
