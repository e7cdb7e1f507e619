// Internal to the CLI: what every command shares — exit codes, option parsing (options.h),
// writing to standard output with errors checked, and the reading options.
//
// Only this layer turns a Status into an exit code (ExitCodeOf). Commands print one line per
// problem to standard error, "minutes: FILE: kind: reason", and never document content.

#ifndef MINUTES_CLI_CLI_H_
#define MINUTES_CLI_CLI_H_

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "cli/options.h"
#include "common/status.h"
#include "extract/extract.h"
#include "ingest/ingest.h"
#include "normalize/normalize.h"

namespace minutes::cli {

// The exit codes the README documents. When several apply, the highest wins.
enum ExitCode {
  kExitOk = 0,
  kExitFindings = 1,    // the notes were read but have findings to fix (errors; warnings if strict)
  kExitUsage = 2,       // unknown command or option, bad option value, no input
  kExitUnreadable = 3,  // an input (or the LA register) could not be read
  kExitUnwritable = 4,  // the output could not be written (disk full, closed pipe, no permission)
};

// kExitUsage for kInvalidArgument, kExitUnreadable for every other error, kExitOk for OK.
int ExitCodeOf(const Status& s);

// A usage error: Status::InvalidArgument(message), which exits 2.
inline Status Usage(const std::string& message) { return Status::InvalidArgument(message); }

// Writes "minutes: <text>" and a newline to standard error, as exactly one line: a control
// character in a file name or a library's message (a newline in a name could forge a second
// error line) is written escaped, "\n", "\t", "\x1b". The one way commands report a problem or
// log a request.
void StderrLine(std::string_view text);

// Prints "minutes: <message>" for a non-OK `s` and returns its exit code (ExitCodeOf).
int Fail(const Status& s);

// The options of every command that reads notes: --input-format and the limits.
void AddReadOptions(OptionSet* options);
// Applies one of them to `*ingest`. Fails with InvalidArgument for a bad value or a name that is
// not a reading option.
Status ApplyReadOption(const std::string& name, const std::string& value, IngestOptions* ingest);
// Their help text.
std::string ReadOptionsHelp();

// The options of every command that extracts: --series and --la-register.
class ExtractArgs {
 public:
  static void AddOptions(OptionSet* options);
  // Takes one of them; false if `name` is not an extraction option.
  bool Apply(const std::string& name, const std::string& value);
  // Loads the register asked for (or checks the shipped one) and fills `*options`, which then
  // refers to this object: keep it alive while they are used; the time budget is the reading
  // options' (--max-seconds covers both). On failure prints
  // "minutes: PATH: cannot load LA register: reason" and returns kExitUnreadable.
  int Prepare(const IngestOptions& ingest, ExtractOptions* options);

 private:
  std::string register_path_, series_;
  std::unique_ptr<normalize::LaRegister> custom_;
};

// The help text: `usage`, `description` and the list of `options`.
std::string Help(const std::string& usage, const std::string& description,
                 const OptionSet& options);

// Standard output, with write errors remembered rather than lost.
class Output {
 public:
  void Write(std::string_view s);
  // Flushes; returns kIoError with the reason if any write failed.
  Status Finish();

 private:
  bool failed_ = false;
  int error_ = 0;
};

// The exit code `exit_code` becomes once the output `s` (Output::Finish, a file written) is
// known: raised to kExitUnwritable, the reason printed, when it failed.
int Finished(const Status& s, int exit_code);

// Reads `path` ("-" is stdin). On failure prints "minutes: PATH: kind: reason" and returns false.
bool ReadInput(const std::string& path, const IngestOptions& options, Document* doc,
               int* exit_code);
// ReadInput without the blocks' own text (IngestOptions::keep_block_text: extraction reads
// doc->text alone), then Extract within `extract`'s limits; a limit passed is printed the same way.
bool ExtractInput(const std::string& path, const IngestOptions& ingest,
                  const ExtractOptions& extract, Document* doc, Extraction* x, int* exit_code);

// Raises `*exit_code` to `code` if higher.
inline void Raise(int* exit_code, int code) {
  if (code > *exit_code) *exit_code = code;
}

// The commands: each takes the arguments after its name and returns the exit code.
int RunText(const std::vector<std::string>& args);
int RunExtract(const std::vector<std::string>& args);
int RunSchema(const std::vector<std::string>& args);
int RunLoad(const std::vector<std::string>& args);
int RunBatch(const std::vector<std::string>& args);
int RunValidate(const std::vector<std::string>& args);
int RunServe(const std::vector<std::string>& args);

}  // namespace minutes::cli

#endif  // MINUTES_CLI_CLI_H_
