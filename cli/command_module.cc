// The program's side of minutes_commands.so: loads it on the first of its commands.

#include "cli/command_module.h"

#include "cli/cli.h"
#include "common/module.h"

namespace minutes::cli {

int RunModuleCommand(std::string_view command, const std::vector<std::string>& args) {
  void* entry = nullptr;
  Status s = LoadModuleSymbol("commands", "the " + std::string(command) + " command",
                              kCommandModuleSymbol, &entry);
  if (!s.ok()) {
    StderrLine(s.message());
    return ExitCodeOf(s);
  }
  return static_cast<const CommandModule*>(entry)->run(command, args);
}

}  // namespace minutes::cli
