// export: extractions as JSON, CSV tables, and the documents that describe them — all derived
// from the one description of the model (model/schema.h), so no field is listed here by hand.
//
//   minutes::Extraction x = minutes::Extract(doc, source, {});
//   std::cout << minutes::ToJson(x, 2);                 // one pretty JSON object and "\n"
//   minutes::CsvTables tables;
//   tables.Add(x);                                      // any number of documents
//   minutes::Status s = tables.Write("out/a/b");        // documents.csv, people.csv, ...,
//                                                       // datapackage.json
//   std::cout << minutes::JsonSchema();                 // what `minutes schema` prints
//
// Output is deterministic: keys and columns in schema order, rows in extraction order, numbers
// without locale (money exact to the penny, other numbers in shortest round-trip form).
// Functions are thread-safe; a CsvTables is not (give each thread its own, or lock).

#ifndef MINUTES_EXPORT_EXPORT_H_
#define MINUTES_EXPORT_EXPORT_H_

#include <cstdio>
#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "common/status.h"
#include "model/model.h"

namespace minutes {

// One JSON object for one document, keys in schema order, followed by "\n". `indent` 0 prints it
// on one line (JSON Lines); otherwise nested values are indented by `indent` spaces per level.
std::string ToJson(const Extraction& x, int indent = 2);

// As ToJson, appending to `*out`.
void AppendJson(const Extraction& x, int indent, std::string* out);

// Receives text in pieces, in order; a piece is valid only during the call.
using JsonSink = std::function<void(std::string_view piece)>;

// As ToJson, handing the text to `sink` in pieces of about 64 KB as it is written, so a large
// document's JSON is never held whole (the JSON of a text note is about five times its size).
// The pieces joined are ToJson's bytes exactly.
void WriteJson(const Extraction& x, int indent, const JsonSink& sink);

// One document's findings as JSON, one line: {path, sha256, valid (no error; with `strict`, no
// warning), findings: [{code, severity, message, line, column, span, text}]}, where line and
// column (1-based) and text refer to `text`, the document's canonical text.
std::string ValidationJson(const Extraction& x, std::string_view text, bool strict);

// The 1-based line and column of byte `pos` in `text`.
std::pair<size_t, size_t> LineColumn(std::string_view text, size_t pos);

// One RFC 4180 line (fields quoted where they hold a comma, quote or line break; "\n" at the
// end), for the small CSV files beside the tables (a batch's skipped.csv and errors.csv).
std::string CsvLine(const std::vector<std::string>& fields);

// Reads one document's JSON (as ToJson writes it, any indentation) back into `*x`. Keys an
// earlier minor version did not have keep their defaults; keys this version does not know are
// ignored. Fails with kCorrupt naming the JSON path of the first value that does not fit, or
// kUnsupported for another major schema version.
Status ParseJson(std::string_view json, Extraction* x);

// The CSV tables of the schema (schema::Tables()): one file per table, RFC 4180, UTF-8, a header
// row, LF line ends. Every row is keyed by the document's sha256 and the item's index (see
// schema::Table). An empty field is null (or an empty string where the field cannot be null);
// a list is its items joined by ';' (no item contains one), empty when there are none; booleans
// are true/false; money is an exact decimal.
//
// CsvTables (below) holds them; a CsvRows holds the rows one document adds to them, rendered
// apart (on another thread, say, or in another process) and added later, in order, with
// CsvTables::Add.
class CsvRows {
 public:
  CsvRows();  // no rows
  explicit CsvRows(const Extraction& x);

  // The rows' CSV text for each table of schema::Tables(), in order; "" for a table the document
  // has no rows in.
  const std::vector<std::string>& tables() const { return text_; }

 private:
  std::vector<std::string> text_;  // parallel to schema::Tables()
};

// Two ways to use it: in memory (Add, then Table or Write), or streaming for any number of
// documents in bounded memory (Open, Add..., Close), where rows go to temporary files as they come.
class CsvTables {
 public:
  CsvTables();
  ~CsvTables();

  // Appends the rows of one document to every table.
  void Add(const Extraction& x);
  // ... made earlier and kept (a batch keeps them): one text per table of schema::Tables(), in
  // order, as CsvRows::tables() gave them. Requires that count.
  void Add(const std::vector<std::string_view>& rows);

  // The CSV text of the named table, header first; "" for a name that is not a table. In
  // memory use only (after Open, rows already written out are not here).
  std::string Table(const std::string& name) const;

  // Writes "<table>.csv" for every table and "datapackage.json" into `dir`, creating it and any
  // missing parents, replacing files there. Each file is written to a temporary name and renamed,
  // so a reader never sees half a table. Fails with kIoError naming the path that failed.
  Status Write(const std::string& dir);

  // Streaming: creates `dir` and a temporary file per table; later Adds write through to them.
  Status Open(const std::string& dir);
  // Streaming: flushes, writes datapackage.json, and renames every table into place. A process
  // killed before Close leaves only "*.tmp" files beside the previous complete tables.
  Status Close();

 private:
  Status Flush(size_t table);

  std::vector<std::string> text_;  // parallel to schema::Tables(): rows not yet written out
  std::string dir_;                // set by Open
  std::vector<std::FILE*> files_;  // parallel to text_ while open
  bool failed_ = false;
};

// The JSON Schema (draft 2020-12) of one document's JSON, as `minutes schema` prints it and as
// schema/document.schema.json holds it.
std::string JsonSchema();

// A Frictionless Data Package (v2) describing the CSV tables: fields with types, descriptions and
// constraints, primary and foreign keys. Written beside every CSV output.
std::string DataPackage();

// The README's "Output schema" tables, in Markdown.
std::string SchemaMarkdown();

}  // namespace minutes

#endif  // MINUTES_EXPORT_EXPORT_H_
