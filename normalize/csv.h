// Internal: a small RFC 4180 CSV reader for the register files.

#ifndef MINUTES_NORMALIZE_CSV_H_
#define MINUTES_NORMALIZE_CSV_H_

#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"

namespace minutes::normalize::internal {

// A parsed CSV file: the header row and the data rows, each with its 1-based line number for
// messages.
struct CsvTable {
  std::string name;  // file name for messages, e.g. "aliases.csv"
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;
  std::vector<int> lines;

  // Index of the named column, or -1.
  int Column(std::string_view column) const;
};

// Parses `text` (UTF-8, optional BOM, LF or CRLF, quoted fields with "" escapes and embedded
// newlines) into *table, named `name` in messages. Blank lines are skipped. Returns OK on success;
// Corrupt with the message "name:line: reason" when the text is not CSV (an unterminated quote, an
// empty file), and then *table holds a partial parse that callers should not use.
Status ParseCsv(std::string_view text, std::string_view name, CsvTable* table);

// Reads and parses the file at `path`, naming the table after the file's base name. Returns OK on
// success; IoError ("path: cannot read file") when the path is missing, not a regular file or
// unreadable; otherwise ParseCsv's status.
Status ReadCsvFile(const std::string& path, CsvTable* table);

// True if a regular file exists at `path`.
bool FileExists(const std::string& path);

// Reads a whole file into *contents. Returns false if it cannot be read.
bool ReadWholeFile(const std::string& path, std::string* contents);

}  // namespace minutes::normalize::internal

#endif  // MINUTES_NORMALIZE_CSV_H_
