#include "normalize/csv.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <utility>

namespace minutes::normalize::internal {

int CsvTable::Column(std::string_view column) const {
  for (size_t i = 0; i < header.size(); ++i) {
    if (header[i] == column) return static_cast<int>(i);
  }
  return -1;
}

std::string_view CsvTable::cell(size_t row, int column) const {
  if (column < 0 || static_cast<size_t>(column) >= width(row)) return {};
  const size_t i = row_begins_[row] + static_cast<size_t>(column);
  const size_t begin = i == 0 ? 0 : cell_ends_[i - 1];
  return std::string_view(cells_).substr(begin, cell_ends_[i] - begin);
}

Status ParseCsv(std::string_view text, std::string_view name, CsvTable* table) {
  table->name = std::string(name);
  table->header.clear();
  table->lines.clear();
  table->cells_.clear();
  table->cell_ends_.clear();
  table->row_begins_.assign(1, 0);
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  // A file is at most 4 GiB here: offsets are 32-bit.
  if (text.size() >= UINT32_MAX) {
    return Status::Corrupt(std::string(name) + ":1: file too large");
  }
  table->cells_.reserve(text.size());

  // The row being read: its cells from cell_ends_[row_begins_.back()] on, the current field from
  // cells_[field_begin] on.
  std::string& cells = table->cells_;
  std::vector<uint32_t>& ends = table->cell_ends_;
  size_t field_begin = 0;
  int line = 1;
  int row_line = 1;
  bool in_quotes = false;
  bool field_quoted = false;
  auto end_field = [&]() {
    ends.push_back(static_cast<uint32_t>(cells.size()));
    field_begin = cells.size();
    field_quoted = false;
  };
  auto end_row = [&]() {
    end_field();
    const size_t first = table->row_begins_.back();
    const size_t row_start = first == 0 ? 0 : ends[first - 1];
    const bool blank = ends.size() - first == 1 && ends.back() == row_start;
    if (blank) {
      ends.pop_back();
    } else if (table->header.empty()) {
      // The first row is the header: out of the cells, into strings of its own.
      for (size_t i = first, begin = row_start; i < ends.size(); begin = ends[i++])
        table->header.emplace_back(std::string_view(cells).substr(begin, ends[i] - begin));
      ends.resize(first);
      cells.resize(row_start);
      field_begin = row_start;
    } else {
      table->row_begins_.push_back(static_cast<uint32_t>(ends.size()));
      table->lines.push_back(row_line);
    }
  };
  // Runs of ordinary bytes are appended whole: a byte at a time, parsing was a tenth of loading
  // the register.
  const size_t n = text.size();
  size_t i = 0;
  while (i < n) {
    if (in_quotes) {
      size_t quote = text.find('"', i);
      std::string_view run = text.substr(i, (quote == std::string_view::npos ? n : quote) - i);
      line += static_cast<int>(std::count(run.begin(), run.end(), '\n'));
      cells.append(run);
      if (quote == std::string_view::npos) break;
      if (quote + 1 < n && text[quote + 1] == '"') {
        cells.push_back('"');
        i = quote + 2;
      } else {
        in_quotes = false;
        i = quote + 1;
      }
      continue;
    }
    size_t special = i;
    while (special < n && text[special] != '"' && text[special] != ',' && text[special] != '\r' &&
           text[special] != '\n')
      ++special;
    cells.append(text.substr(i, special - i));
    if (special == n) break;
    const char c = text[special];
    i = special + 1;
    switch (c) {
      case '"':
        if (cells.size() == field_begin && !field_quoted) {
          in_quotes = true;
          field_quoted = true;
        } else {
          cells.push_back(c);  // a stray quote inside an unquoted field is kept literally
        }
        break;
      case ',':
        end_field();
        break;
      case '\r':
        break;
      case '\n':
        end_row();
        ++line;
        row_line = line;
        break;
    }
  }
  if (in_quotes) {
    return Status::Corrupt(std::string(name) + ":" + std::to_string(row_line) +
                           ": unterminated quoted field");
  }
  if (cells.size() != field_begin || ends.size() != table->row_begins_.back()) end_row();
  if (table->header.empty()) {
    return Status::Corrupt(std::string(name) + ":1: empty file (no header row)");
  }
  return Status::OK();
}

bool FileExists(const std::string& path) {
  struct stat st;
  return stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode);
}

bool ReadWholeFile(const std::string& path, std::string* contents) {
  // Never opened unless a regular file: opening a FIFO would wait for a writer.
  if (!FileExists(path)) return false;
  // One read into a string of the file's size: through streams, each file cost a filebuf and a
  // doubling string, heap that a run starting up pays for page by page.
  int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return false;
  struct stat st;
  bool ok = fstat(fd, &st) == 0;
  // A byte more than fstat says, so that the end of the file is seen without growing the string.
  std::string bytes(ok ? static_cast<size_t>(st.st_size) + 1 : 0, '\0');
  size_t got = 0;
  while (ok) {
    if (got == bytes.size()) bytes.resize(bytes.size() * 2);  // the file grew since fstat
    ssize_t n = read(fd, bytes.data() + got, bytes.size() - got);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) ok = false;
    if (n <= 0) break;
    got += static_cast<size_t>(n);
  }
  close(fd);
  if (!ok) return false;
  bytes.resize(got);
  *contents = std::move(bytes);
  return true;
}

bool FileHolds(const std::string& path, std::string_view bytes) {
  struct stat st;
  if (stat(path.c_str(), &st) != 0 || !S_ISREG(st.st_mode) ||
      static_cast<size_t>(st.st_size) != bytes.size())
    return false;
  int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return false;
  char buffer[16384];
  bool same = true;
  while (same) {
    ssize_t n = read(fd, buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      same = n == 0 && bytes.empty();  // the end, with nothing left to match
      break;
    }
    const size_t got = static_cast<size_t>(n);
    same = got <= bytes.size() && std::memcmp(buffer, bytes.data(), got) == 0;
    bytes.remove_prefix(same ? got : 0);
  }
  close(fd);
  return same;
}

Status ReadCsvFile(const std::string& path, CsvTable* table) {
  std::string contents;
  if (!ReadWholeFile(path, &contents)) return Status::IoError(path + ": cannot read file");
  return ParseCsv(contents, path.substr(path.find_last_of('/') + 1), table);
}

}  // namespace minutes::normalize::internal
