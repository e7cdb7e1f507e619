// export: extractions as JSON and CSV, in the published schema (extract.h's kSchemaVersion).
//
//   minutes::Extraction x = minutes::Extract(doc, source, {});
//   std::cout << minutes::ToJson(x);                  // one JSON object
//   minutes::CsvTables tables;
//   tables.Add(x);                                    // any number of documents
//   minutes::Status s = tables.Write("out/");         // meetings.csv, people.csv, ...
//
// Output is deterministic: keys in schema order, rows in extraction order, numbers without
// locale. Functions are thread-safe; a CsvTables is not (give each thread its own, or lock).

#ifndef MINUTES_EXPORT_EXPORT_H_
#define MINUTES_EXPORT_EXPORT_H_

#include <string>
#include <vector>

#include "extract/extract.h"
#include "common/status.h"

namespace minutes {

// One JSON object for one document: schema_version, source, meeting, people, actions, money,
// la_mentions, person_mentions, findings (see README "Output schema"). `indent` 0 prints one line.
std::string ToJson(const Extraction& x, int indent = 2);

// The CSV tables of the schema, one row per item, every row keyed by the document's sha256.
class CsvTables {
 public:
  // The table names, in the order Write writes them.
  static const std::vector<std::string>& TableNames();

  // Appends the rows of one document to every table.
  void Add(const Extraction& x);

  // The CSV text of one table (header first, CRLF-free, RFC 4180 quoting).
  std::string Table(const std::string& name) const;

  // Writes TableNames()[i] + ".csv" into `dir` (created if missing), replacing any files there.
  // Fails with kIoError naming the file that could not be written.
  Status Write(const std::string& dir) const;

 private:
  struct TableData {
    std::vector<std::string> header;
    std::vector<std::vector<std::string>> rows;
  };
  const TableData* Find(const std::string& name) const;
  std::vector<std::pair<std::string, TableData>> tables_;
};

}  // namespace minutes

#endif  // MINUTES_EXPORT_EXPORT_H_
