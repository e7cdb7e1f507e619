#include "cli/options.h"

#include <algorithm>
#include <utility>

namespace minutes::cli {

Option::Option(std::string name, std::string short_name, std::string description)
    : name_(std::move(name)),
      short_name_(std::move(short_name)),
      description_(std::move(description)) {}

Option& Option::Argument(std::string placeholder) {
  placeholder_ = std::move(placeholder);
  return *this;
}

const Option* OptionSet::Find(const std::string& arg, Status* error) const {
  if (arg.compare(0, 2, "--") != 0) {  // -c or -cvalue
    for (const Option& o : options_)
      if (o.short_name() == arg.substr(1, 1)) return &o;
    *error = Status::InvalidArgument("unknown option " + arg.substr(0, 2));
    return nullptr;
  }
  std::string name = arg.substr(2, arg.find('=') - 2);
  const Option* found = nullptr;
  int prefixed = 0;
  for (const Option& o : options_) {
    if (o.name() == name) return &o;
    if (!name.empty() && o.name().compare(0, name.size(), name) == 0) {
      found = &o;
      ++prefixed;
    }
  }
  if (prefixed == 1) return found;
  *error =
      Status::InvalidArgument(prefixed == 0 ? "unknown option --" + name
                                            : "ambiguous option --" + name + " (write it in full)");
  return nullptr;
}

Status OptionSet::Parse(
    const std::vector<std::string>& args,
    const std::function<Status(const std::string& name, const std::string& value)>& on_option,
    std::vector<std::string>* rest) const {
  const Option* pending = nullptr;  // an option whose value is the next argument, whatever it is
  bool after_dashes = false;
  for (const std::string& arg : args) {
    if (pending != nullptr) {
      Status s = on_option(pending->name(), arg);
      if (!s.ok()) return s;
      pending = nullptr;
      continue;
    }
    if (after_dashes || arg.size() < 2 || arg[0] != '-') {  // a file, "-" among them
      rest->push_back(arg);
      continue;
    }
    if (arg == "--") {
      after_dashes = true;
      continue;
    }
    Status error;
    const Option* option = Find(arg, &error);
    if (option == nullptr) return error;
    bool long_form = arg[1] == '-';
    size_t equals = arg.find('=');
    bool has_value = long_form ? equals != std::string::npos : arg.size() > 2;
    std::string written = long_form ? "--" + option->name() : "-" + option->short_name();
    if (!option->takes_value()) {
      if (has_value) return Status::InvalidArgument("option " + written + " takes no value");
      Status s = on_option(option->name(), "");
      if (!s.ok()) return s;
    } else if (!has_value) {
      pending = option;
    } else {
      Status s = on_option(option->name(), long_form ? arg.substr(equals + 1) : arg.substr(2));
      if (!s.ok()) return s;
    }
  }
  if (pending != nullptr)
    return Status::InvalidArgument("option --" + pending->name() + " needs a value");
  return Status::OK();
}

std::string OptionSet::Format(size_t width) const {
  std::vector<std::string> left;
  size_t column = 0;
  for (const Option& o : options_) {
    std::string s = o.short_name().empty() ? "" : "-" + o.short_name() + ", ";
    s += "--" + o.name();
    if (o.takes_value()) s += "=" + o.placeholder();
    column = std::max(column, s.size() + 2);
    left.push_back(std::move(s));
  }
  std::string out;
  for (size_t i = 0; i < options_.size(); ++i) {
    out += left[i];
    out.append(column - left[i].size(), ' ');
    // The description's words, wrapped at `width` and indented to `column` on every line.
    size_t used = column;
    bool first_word = true;
    const std::string& text = options_[i].description();
    for (size_t p = 0; p < text.size();) {
      size_t end = std::min(text.find(' ', p), text.size());
      size_t length = end - p;
      if (!first_word && used + 1 + length > width) {
        out += '\n';
        out.append(column, ' ');
        used = column;
      } else if (!first_word) {
        out += ' ';
        ++used;
      }
      out.append(text, p, length);
      used += length;
      first_word = false;
      p = end + 1;
    }
    out += '\n';
  }
  return out;
}

}  // namespace minutes::cli
