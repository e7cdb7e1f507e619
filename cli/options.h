// Internal to the CLI: the options a command accepts, parsed GNU style and listed in its help.
//
// Written here rather than on Poco::Util::OptionProcessor and HelpFormatter: linking Poco::Util
// (and the Foundation, XML and JSON libraries it needs) cost 8 ms of every start of the program on
// the 2-core development machine (`minutes extract` of a one-line note: 24.3 ms with Poco, 16.0
// without; tests/bench/startup.sh), against a start-up target of 10 ms in all (issue #14). Only
// the commands of minutes_commands.so (load, batch, serve) link Poco.

#ifndef MINUTES_CLI_OPTIONS_H_
#define MINUTES_CLI_OPTIONS_H_

#include <functional>
#include <string>
#include <vector>

#include "common/status.h"

namespace minutes::cli {

// One option: --name, perhaps also -c, either a flag or taking a value.
class Option {
 public:
  // `short_name` is "" or one character ("h" for -h).
  Option(std::string name, std::string short_name, std::string description);

  // The option takes a value, shown in the help as `placeholder` ("--jobs=N").
  Option& Argument(std::string placeholder);

  const std::string& name() const { return name_; }
  const std::string& short_name() const { return short_name_; }
  const std::string& description() const { return description_; }
  const std::string& placeholder() const { return placeholder_; }
  bool takes_value() const { return !placeholder_.empty(); }

 private:
  std::string name_, short_name_, description_, placeholder_;
};

class OptionSet {
 public:
  void Add(Option option) { options_.push_back(std::move(option)); }

  // Parses `args` GNU style: --name value, --name=value, an unambiguous prefix of a name, -c,
  // -c value, -cvalue; "--" ends the options and "-" is a file. Calls `on_option(name, value)`
  // for each option in order (value "" for a flag) and appends the other arguments to `*rest`.
  // Fails with InvalidArgument naming an unknown or ambiguous option, a missing value or a value
  // given to a flag, or with the first error `on_option` returns.
  Status Parse(
      const std::vector<std::string>& args,
      const std::function<Status(const std::string& name, const std::string& value)>& on_option,
      std::vector<std::string>* rest) const;

  // The option list for --help: one "-h, --help   description" entry per option, descriptions
  // aligned and wrapped to `width` columns.
  std::string Format(size_t width) const;

 private:
  // The option `arg` names ("--name..." or "-c..."), or null with a usage error in `*error`.
  const Option* Find(const std::string& arg, Status* error) const;

  std::vector<Option> options_;
};

}  // namespace minutes::cli

#endif  // MINUTES_CLI_OPTIONS_H_
