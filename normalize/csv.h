// Internal: a small RFC 4180 CSV reader for the register files.

#ifndef MINUTES_NORMALIZE_CSV_H_
#define MINUTES_NORMALIZE_CSV_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"

namespace minutes::normalize::internal {

// A parsed CSV file: the header row and the data rows, each with its 1-based line number for
// messages. The data rows' cells lie one after another in one string (a vector per row and a
// string per cell were half the cost of parsing the register), read through cell().
struct CsvTable {
  std::string name;  // file name for messages, e.g. "aliases.csv"
  std::vector<std::string> header;
  std::vector<int> lines;  // one per data row

  // Index of the named column, or -1.
  int Column(std::string_view column) const;

  // The number of data rows, and of cells in data row `row` (< size()).
  size_t size() const { return lines.size(); }
  size_t width(size_t row) const { return row_begins_[row + 1] - row_begins_[row]; }
  // Cell `column` of data row `row` (< size()), unquoted; "" when `column` is negative or past the
  // row's end. Valid until the table is parsed into again or destroyed.
  std::string_view cell(size_t row, int column) const;

 private:
  friend Status ParseCsv(std::string_view text, std::string_view name, CsvTable* table);

  std::string cells_;  // every data cell's bytes, one after another
  std::vector<uint32_t>
      cell_ends_;  // where each cell ends in cells_ (it starts where the last ended)
  std::vector<uint32_t> row_begins_;  // each data row's first cell in cell_ends_, then the count
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

// True if the regular file at `path` holds exactly `bytes`. Reads it in pieces into a buffer on
// the stack: a caller that only compares (the shipped register's files, at every start) need not
// fault in heap pages to hold a copy.
bool FileHolds(const std::string& path, std::string_view bytes);

}  // namespace minutes::normalize::internal

#endif  // MINUTES_NORMALIZE_CSV_H_
