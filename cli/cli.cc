#include "cli/cli.h"

#include <Poco/Util/HelpFormatter.h>
#include <Poco/Util/OptionException.h>
#include <Poco/Util/OptionProcessor.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <sstream>

namespace minutes::cli {

int ExitCodeOf(const Status& s) {
  if (s.ok()) return kExitOk;
  if (s.code() == Status::Code::kInvalidArgument) return kExitUsage;
  return kExitUnreadable;
}

std::vector<std::string> ParseArgs(
    const Poco::Util::OptionSet& options, const std::vector<std::string>& args,
    const std::function<void(const std::string& name, const std::string& value)>& on_option) {
  Poco::Util::OptionProcessor processor(options);
  processor.setUnixStyle(true);
  std::vector<std::string> rest;
  bool after_dashes = false;
  std::string pending;  // an option whose value is the next argument
  for (const std::string& arg : args) {
    if (after_dashes || (arg == "-" && pending.empty())) {
      rest.push_back(arg);
      continue;
    }
    if (arg == "--" && pending.empty()) {
      after_dashes = true;
      continue;
    }
    std::string name, value;
    try {
      if (!processor.process(arg, name, value)) {
        rest.push_back(arg);
        continue;
      }
    } catch (const Poco::Util::UnknownOptionException&) {
      throw UsageError{"unknown option " + arg.substr(0, arg.find('='))};
    } catch (const Poco::Util::AmbiguousOptionException&) {
      throw UsageError{"ambiguous option " + arg + " (write it in full)"};
    } catch (const Poco::Util::OptionException& e) {
      throw UsageError{e.message() + " (" + arg + ")"};
    }
    pending = name.empty() ? arg : "";
    if (!name.empty()) on_option(name, value);
  }
  if (!pending.empty()) throw UsageError{"option " + pending + " needs a value"};
  return rest;
}

namespace {

unsigned long long ParseCount(const std::string& flag, const std::string& value) {
  char* end = nullptr;
  errno = 0;
  unsigned long long n = std::strtoull(value.c_str(), &end, 10);
  if (value.empty() || *end != '\0' || errno != 0 || value[0] == '-')
    throw UsageError{"--" + flag + " takes a whole number, not '" + value + "'"};
  return n;
}

using Poco::Util::Option;

}  // namespace

void AddReadOptions(Poco::Util::OptionSet* options) {
  options->addOption(
      Option("input-format", "",
             "force a reader: auto, docx or text (default auto: told from the bytes)")
          .argument("NAME"));
  options->addOption(
      Option("max-input-bytes", "", "largest input accepted (default 67108864)").argument("N"));
  options->addOption(
      Option("max-decompressed-bytes", "", "total bytes inflated from a DOCX (default 268435456)")
          .argument("N"));
  options->addOption(
      Option("max-compression-ratio", "", "largest inflate ratio of one zip entry (default 200)")
          .argument("R"));
  options->addOption(
      Option("max-xml-depth", "", "deepest XML nesting accepted (default 256)").argument("N"));
  options->addOption(
      Option("max-zip-entries", "", "most entries a DOCX may list (default 100000)").argument("N"));
}

bool ApplyReadOption(const std::string& name, const std::string& value, IngestOptions* in) {
  if (name == "input-format") {
    if (value != "auto" && FindReader(value) == nullptr)
      throw UsageError{"--input-format takes auto|" + ReaderNames("|") + ", not '" + value + "'"};
    in->format = value;
  } else if (name == "max-input-bytes") {
    in->max_input_bytes = ParseCount(name, value);
  } else if (name == "max-decompressed-bytes") {
    in->max_decompressed_bytes = ParseCount(name, value);
  } else if (name == "max-compression-ratio") {
    char* end = nullptr;
    double r = std::strtod(value.c_str(), &end);
    if (value.empty() || *end != '\0' || !(r >= 1.0))
      throw UsageError{"--max-compression-ratio takes a number >= 1, not '" + value + "'"};
    in->max_compression_ratio = r;
  } else if (name == "max-xml-depth") {
    in->max_xml_depth = static_cast<int>(ParseCount(name, value));
  } else if (name == "max-zip-entries") {
    in->max_zip_entries = ParseCount(name, value);
  } else {
    return false;
  }
  return true;
}

std::string Help(const std::string& usage, const std::string& description,
                 const Poco::Util::OptionSet& options) {
  std::ostringstream out;
  out << "usage: " << usage << "\n\n" << description << "\n\noptions:\n";
  // HelpFormatter::format prints its own usage line without a newline; only the option list is
  // wanted here, which Poco keeps protected.
  struct OptionList : Poco::Util::HelpFormatter {
    using HelpFormatter::formatOptions;
    using HelpFormatter::HelpFormatter;
  } formatter(options);
  formatter.setUnixStyle(true);
  formatter.setWidth(100);
  formatter.formatOptions(out);
  out << "\n";
  return out.str();
}

void Output::Write(std::string_view s) {
  if (failed_ || s.empty()) return;
  if (std::fwrite(s.data(), 1, s.size(), stdout) != s.size()) {
    failed_ = true;
    error_ = errno;
  }
}

Status Output::Finish() {
  if (!failed_ && std::fflush(stdout) != 0) {
    failed_ = true;
    error_ = errno;
  }
  if (!failed_) return Status::OK();
  return Status::IoError(std::string("cannot write to standard output: ") + std::strerror(error_));
}

bool ReadInput(const std::string& path, const IngestOptions& options, Document* doc,
               int* exit_code) {
  Status s = ReadFile(path, options, doc);
  if (s.ok()) return true;
  std::cerr << "minutes: " << (path == "-" ? "<stdin>" : path) << ": " << s.ToString() << "\n";
  Raise(exit_code, ExitCodeOf(s) == kExitUsage ? kExitUsage : kExitUnreadable);
  return false;
}

}  // namespace minutes::cli
