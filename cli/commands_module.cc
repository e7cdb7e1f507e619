// The module minutes_commands.so: `load`, `batch` and `serve` (cli/command_module.h says why they
// are not in the program). Built with hidden visibility: its one export is the table below.

#include "cli/cli.h"
#include "cli/command_module.h"

namespace minutes::cli {
namespace {

int Run(std::string_view command, const std::vector<std::string>& args) {
  if (command == "load") return RunLoad(args);
  if (command == "batch") return RunBatch(args);
  if (command == "serve") return RunServe(args);
  StderrLine("minutes_commands.so has no command '" + std::string(command) + "'");
  return kExitUsage;
}

}  // namespace
}  // namespace minutes::cli

extern "C" __attribute__((visibility("default")))
const minutes::cli::CommandModule minutes_commands = {&minutes::cli::Run};
