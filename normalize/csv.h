// Internal: a small RFC 4180 CSV reader for the register files.

#ifndef MINUTES_NORMALIZE_CSV_H_
#define MINUTES_NORMALIZE_CSV_H_

#include <string>
#include <string_view>
#include <vector>

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
// newlines). Blank lines are skipped. On failure (unterminated quote, empty file) returns false and
// sets *error to "name:line: reason".
bool ParseCsv(std::string_view text, std::string_view name, CsvTable* table, std::string* error);

// Reads and parses the file at `path`. On failure (cannot read, or ParseCsv fails) returns false
// with *error set.
bool ReadCsvFile(const std::string& path, CsvTable* table, std::string* error);

// True if a regular file exists at `path`.
bool FileExists(const std::string& path);

// Reads a whole file into *contents. Returns false if it cannot be read.
bool ReadWholeFile(const std::string& path, std::string* contents);

}  // namespace minutes::normalize::internal

#endif  // MINUTES_NORMALIZE_CSV_H_
