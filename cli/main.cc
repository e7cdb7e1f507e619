// minutes: the command-line program. A thin shell over the stage libraries: it parses arguments,
// calls them, prints, and maps their Status to the exit codes the README documents.

#include <malloc.h>

#include <iostream>
#include <new>
#include <string>
#include <vector>

#include "cli/cli.h"
#include "cli/command_module.h"
#include "model/model.h"

namespace {

using namespace minutes::cli;

const char kMainHelp[] =
    "usage: minutes [--help] [--version] <command> [<args>]\n"
    "\n"
    "Turns the meeting notes of English local-authority groups (DOCX or text) into data.\n"
    "\n"
    "commands:\n"
    "  extract  meeting, attendance, actions, money, LA mentions and initials as JSON or CSV\n"
    "  text     the canonical plain text of a notes file (the coordinate system of every span)\n"
    "  validate what to fix in new notes, marked on the notes (exit 1 on errors)\n"
    "  serve    validate and extract over HTTP (POST /api/v1/validate, /api/v1/extract)\n"
    "  batch    a whole archive: folders walked, in parallel, resumable\n"
    "  load     notes or extract's JSON into SQLite or PostgreSQL (--db URL)\n"
    "  schema   the output schema: JSON Schema, datapackage.json, Markdown or SQL\n"
    "\n"
    "Commands that read notes take '-' for standard input. 'minutes <command> --help' lists\n"
    "its options.\n"
    "\n"
    "exit codes: 0 success, 1 findings to fix, 2 usage error, 3 an input could not be read,\n"
    "            4 the output could not be written\n";

struct Command {
  const char* name;
  int (*run)(const std::vector<std::string>& args);  // null: in minutes_commands.so
};

const Command kCommands[] = {
    {"extract", RunExtract}, {"text", RunText},         {"schema", RunSchema}, {"load", nullptr},
    {"batch", nullptr},      {"validate", RunValidate}, {"serve", nullptr},
};

}  // namespace

int main(int argc, char** argv) {
  // glibc hands freed heap back to the kernel as soon as 128 KiB lie free at its top, and a
  // document's buffers are freed and allocated again for the next one: every document paid for
  // brk, page faults and TLB flushes (a tenth of a batch's time). Keep up to 64 MiB; larger
  // blocks still go to mmap and return at once.
  mallopt(M_TRIM_THRESHOLD, 64 << 20);
  mallopt(M_TOP_PAD, 4 << 20);
  mallopt(M_MMAP_THRESHOLD, 32 << 20);
  std::vector<std::string> args(argv + 1, argv + argc);
  // --version answers wherever it stands before "--".
  for (const std::string& a : args) {
    if (a == "--") break;
    if (a == "--version") {
      std::cout << "minutes " << MINUTES_VERSION << " (schema " << minutes::kSchemaVersion << ")\n";
      return kExitOk;
    }
  }
  if (args.empty()) {
    std::cerr << kMainHelp;
    return kExitUsage;
  }
  const std::string& command = args[0];
  if (command == "--help" || command == "-h" || command == "help") {
    std::cout << kMainHelp;
    return kExitOk;
  }
  std::vector<std::string> rest(args.begin() + 1, args.end());
  for (const Command& c : kCommands) {
    if (command != c.name) continue;
    try {
      return c.run != nullptr ? c.run(rest) : RunModuleCommand(command, rest);
    } catch (const std::bad_alloc&) {
      // Reading and extracting report it per input; this is what is left (writing the output).
      StderrLine("limit exceeded: out of memory");
      return kExitUnreadable;
    }
  }
  return Fail(Usage("unknown command '" + command + "' (see 'minutes --help')"));
}
