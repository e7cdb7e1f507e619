// minutes schema: the published description of the output.

#include <iostream>

#include "cli/cli.h"
#include "export/export.h"
#include "warehouse/sql_schema.h"

namespace minutes::cli {

int RunSchema(const std::vector<std::string>& args) {
  OptionSet options;
  options.Add(Option("help", "h", "this text"));
  options.Add(Option("format", "", "json-schema (default), datapackage, markdown or sql")
                  .Argument("FORMAT"));
  std::string format = "json-schema";
  bool help = false;
  std::vector<std::string> rest;
  Status parsed = options.Parse(
      args,
      [&](const std::string& name, const std::string& value) {
        if (name == "help") {
          help = true;
        } else if (value == "json-schema" || value == "datapackage" || value == "markdown" ||
                   value == "sql") {
          format = value;
        } else {
          return Usage("--format takes json-schema, datapackage, markdown or sql, not '" + value +
                       "'");
        }
        return Status::OK();
      },
      &rest);
  if (!parsed.ok()) return Fail(parsed);
  if (help) {
    std::cout << Help("minutes schema [--format json-schema|datapackage|markdown|sql]",
                      "Prints the output schema: the JSON Schema (draft 2020-12) of one\n"
                      "document's JSON, the Frictionless datapackage.json of the CSV tables, or\n"
                      "the README's Markdown tables. All three are generated from one\n"
                      "description of the model.",
                      options);
    return kExitOk;
  }
  if (!rest.empty()) return Fail(Usage("schema takes no file, but was given '" + rest[0] + "'"));
  Output out;
  out.Write(format == "json-schema"   ? JsonSchema()
            : format == "datapackage" ? DataPackage()
            : format == "markdown"    ? SchemaMarkdown()
                                      : warehouse::CreateSchemaSql());
  return Finished(out.Finish(), kExitOk);
}

}  // namespace minutes::cli
