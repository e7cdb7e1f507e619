// minutes text: the canonical plain text of each file.

#include <iostream>

#include "cli/cli.h"

namespace minutes::cli {

int RunText(const std::vector<std::string>& args) {
  OptionSet options;
  options.Add(Option("help", "h", "this text"));
  AddReadOptions(&options);
  IngestOptions ingest;
  bool help = false;
  std::vector<std::string> files;
  Status parsed = options.Parse(
      args,
      [&](const std::string& name, const std::string& value) {
        if (name != "help") return ApplyReadOption(name, value, &ingest);
        help = true;
        return Status::OK();
      },
      &files);
  if (!parsed.ok()) return Fail(parsed);
  if (help) {
    std::cout << Help("minutes text [options] FILE...",
                      "Prints the canonical plain text of each FILE ('-' reads standard input):\n"
                      "blocks separated by a blank line, table cells by a tab and rows by a\n"
                      "newline, list items prefixed with their number or bullet, then footnotes,\n"
                      "endnotes, comments, headers and footers. Byte offsets in every extracted\n"
                      "item point into exactly this text. With several files, each is preceded by\n"
                      "a line '==> FILE <=='.",
                      options);
    return kExitOk;
  }
  if (files.empty()) return Fail(Usage("no input file (use '-' for standard input)"));
  int exit_code = kExitOk;
  Output out;
  for (const std::string& path : files) {
    Document doc;
    if (!ReadInput(path, ingest, &doc, &exit_code)) continue;
    if (files.size() > 1) out.Write("==> " + path + " <==\n");
    out.Write(doc.text);
  }
  return Finished(out.Finish(), exit_code);
}

}  // namespace minutes::cli
