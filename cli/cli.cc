#include "cli/cli.h"

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <limits>

namespace minutes::cli {

int ExitCodeOf(const Status& s) {
  if (s.ok()) return kExitOk;
  if (s.code() == Status::Code::kInvalidArgument) return kExitUsage;
  return kExitUnreadable;
}

void StderrLine(std::string_view text) {
  std::string line = "minutes: ";
  for (char c : text) {
    unsigned char u = static_cast<unsigned char>(c);
    if (u >= 0x20 && u != 0x7f) {
      line += c;
    } else if (c == '\n') {
      line += "\\n";
    } else if (c == '\t') {
      line += "\\t";
    } else if (c == '\r') {
      line += "\\r";
    } else {
      static const char kHex[] = "0123456789abcdef";
      line += "\\x";
      line += kHex[u >> 4];
      line += kHex[u & 15];
    }
  }
  line += '\n';
  std::cerr << line << std::flush;
}

int Fail(const Status& s) {
  StderrLine(s.message());
  return ExitCodeOf(s);
}

namespace {

// Reads a whole number into *n.
template <typename T>
Status ParseCount(const std::string& flag, const std::string& value, T* n) {
  char* end = nullptr;
  errno = 0;
  unsigned long long v = std::strtoull(value.c_str(), &end, 10);
  if (value.empty() || *end != '\0' || errno != 0 || value[0] == '-' ||
      v > static_cast<unsigned long long>(std::numeric_limits<T>::max()))
    return Usage("--" + flag + " takes a whole number, not '" + value + "'");
  *n = static_cast<T>(v);
  return Status::OK();
}

}  // namespace

void AddReadOptions(OptionSet* options) {
  options->Add(
      Option("input-format", "",
             "force a reader: auto|" + ReaderNames("|") + " (default auto: told from the bytes)")
          .Argument("NAME"));
  options->Add(
      Option("max-input-bytes", "", "largest input accepted (default 67108864)").Argument("N"));
  options->Add(Option("max-decompressed-bytes", "",
                      "total bytes inflated from a DOCX or PDF (default 268435456)")
                   .Argument("N"));
  options->Add(
      Option("max-compression-ratio", "", "largest inflate ratio of one zip entry (default 200)")
          .Argument("R"));
  options->Add(
      Option("max-xml-depth", "", "deepest XML nesting accepted (default 256)").Argument("N"));
  options->Add(
      Option("max-zip-entries", "", "most entries a DOCX may list (default 100000)").Argument("N"));
  options->Add(
      Option("max-pdf-pages", "", "most pages a PDF may have (default 5000)").Argument("N"));
  options->Add(Option("max-pdf-objects", "", "most objects a PDF may declare (default 1000000)")
                   .Argument("N"));
  options->Add(Option("max-blocks", "",
                      "most paragraphs, list items, tables and images in one document "
                      "(default 2000000)")
                   .Argument("N"));
  options->Add(Option("max-paragraph-bytes", "", "longest paragraph or line (default 4194304)")
                   .Argument("N"));
  options->Add(Option("max-table-cells", "", "most table cells in one document (default 1000000)")
                   .Argument("N"));
  options->Add(Option("max-seconds", "",
                      "seconds reading, and again extracting, one document may take "
                      "(default 60; 0: no limit)")
                   .Argument("S"));
}

Status ApplyReadOption(const std::string& name, const std::string& value, IngestOptions* in) {
  if (name == "input-format") {
    if (value != "auto" && FindReader(value) == nullptr)
      return Usage("--input-format takes auto|" + ReaderNames("|") + ", not '" + value + "'");
    in->format = value;
    return Status::OK();
  }
  if (name == "max-input-bytes") return ParseCount(name, value, &in->max_input_bytes);
  if (name == "max-decompressed-bytes") return ParseCount(name, value, &in->max_decompressed_bytes);
  if (name == "max-xml-depth") return ParseCount(name, value, &in->max_xml_depth);
  if (name == "max-zip-entries") return ParseCount(name, value, &in->max_zip_entries);
  if (name == "max-pdf-pages") return ParseCount(name, value, &in->max_pdf_pages);
  if (name == "max-pdf-objects") return ParseCount(name, value, &in->max_pdf_objects);
  if (name == "max-blocks") return ParseCount(name, value, &in->max_blocks);
  if (name == "max-paragraph-bytes") return ParseCount(name, value, &in->max_paragraph_bytes);
  if (name == "max-table-cells") return ParseCount(name, value, &in->max_table_cells);
  if (name == "max-seconds") {
    char* end = nullptr;
    double t = std::strtod(value.c_str(), &end);
    if (value.empty() || *end != '\0' || !(t >= 0.0))
      return Usage("--max-seconds takes a number of seconds >= 0, not '" + value + "'");
    in->max_seconds = t;
    return Status::OK();
  }
  if (name == "max-compression-ratio") {
    char* end = nullptr;
    double r = std::strtod(value.c_str(), &end);
    if (value.empty() || *end != '\0' || !(r >= 1.0))
      return Usage("--max-compression-ratio takes a number >= 1, not '" + value + "'");
    in->max_compression_ratio = r;
    return Status::OK();
  }
  return Usage("unknown option --" + name);
}

void ExtractArgs::AddOptions(OptionSet* options) {
  options->Add(
      Option("series", "", "the series every FILE belongs to (default: each title without dates)")
          .Argument("NAME"));
  options->Add(Option("la-register", "", "LA register directory or CSV (default: the shipped one)")
                   .Argument("PATH"));
}

bool ExtractArgs::Apply(const std::string& name, const std::string& value) {
  if (name == "series")
    series_ = value;
  else if (name == "la-register")
    register_path_ = value;
  else
    return false;
  return true;
}

int ExtractArgs::Prepare(const IngestOptions& ingest, ExtractOptions* options) {
  options->series = series_;
  options->max_seconds = ingest.max_seconds;
  if (!register_path_.empty()) {
    Status s = normalize::LaRegister::Load(register_path_, &custom_);
    if (!s.ok()) {
      StderrLine(register_path_ + ": cannot load LA register: " + s.message());
      return kExitUnreadable;
    }
    options->la_register = custom_.get();
    return kExitOk;
  }
  const Status& shipped = normalize::LaRegister::Default().status();
  if (!shipped.ok()) {
    StderrLine("cannot load the LA register in " + normalize::LaRegister::DefaultPath() + ": " +
               shipped.message());
    return kExitUnreadable;
  }
  options->la_register = &normalize::LaRegister::Default();
  return kExitOk;
}

std::string Help(const std::string& usage, const std::string& description,
                 const OptionSet& options) {
  return "usage: " + usage + "\n\n" + description + "\n\noptions:\n" + options.Format(100) + "\n";
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

int Finished(const Status& s, int exit_code) {
  if (s.ok()) return exit_code;
  StderrLine(s.message());
  Raise(&exit_code, kExitUnwritable);
  return exit_code;
}

namespace {

// Prints "minutes: PATH: kind: reason" for an input that failed and raises the exit code.
void InputFailed(const std::string& path, const Status& s, int* exit_code) {
  StderrLine((path == "-" ? "<stdin>" : path) + ": " + s.ToString());
  Raise(exit_code, ExitCodeOf(s));
}

}  // namespace

bool ReadInput(const std::string& path, const IngestOptions& options, Document* doc,
               int* exit_code) {
  Status s = ReadFile(path, options, doc);
  if (!s.ok()) InputFailed(path, s, exit_code);
  return s.ok();
}

bool ExtractInput(const std::string& path, const IngestOptions& ingest,
                  const ExtractOptions& extract, Document* doc, Extraction* x, int* exit_code) {
  IngestOptions for_extraction = ingest;
  for_extraction.keep_block_text = false;  // extraction reads doc->text alone
  if (!ReadInput(path, for_extraction, doc, exit_code)) return false;
  Status s = Extract(*doc, SourceOf(path, *doc), extract, x);
  if (!s.ok()) InputFailed(path, s, exit_code);
  return s.ok();
}

}  // namespace minutes::cli
