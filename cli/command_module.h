// Internal to the CLI: the commands that live in the module minutes_commands.so rather than in the
// program. `load` and `batch` need Poco::Data and SQLite, `serve` needs Poco::Net: linked into the
// program, those libraries were loaded and relocated by every run, and were the largest part of
// what `minutes extract notes.txt` spent starting up once poppler and libpq had become modules
// (common/module.h). A run of one of these commands loads the module first, a few milliseconds on
// a command that then runs for seconds or serves for days.
//
//   return RunModuleCommand("load", args);   // main.cc, for the commands its table marks
//
// The module holds its own copy of the stages it uses (it links the same static libraries as the
// program), so nothing but this header passes between the two.

#ifndef MINUTES_CLI_COMMAND_MODULE_H_
#define MINUTES_CLI_COMMAND_MODULE_H_

#include <string>
#include <string_view>
#include <vector>

namespace minutes::cli {

// What minutes_commands.so exports, under kCommandModuleSymbol.
struct CommandModule {
  // Runs `command` ("load", "batch" or "serve") with the arguments after its name; returns the
  // exit code (the command's own Run* function in cli.h).
  int (*run)(std::string_view command, const std::vector<std::string>& args);
};
inline constexpr char kCommandModuleSymbol[] = "minutes_commands";

// Loads minutes_commands.so (common/module.h says where it is looked for) and runs `command` there.
// Without the module, prints one line naming it and where it was looked for, and returns
// kExitUnreadable; the program's other commands still work.
int RunModuleCommand(std::string_view command, const std::vector<std::string>& args);

}  // namespace minutes::cli

#endif  // MINUTES_CLI_COMMAND_MODULE_H_
