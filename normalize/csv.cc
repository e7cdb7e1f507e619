#include "normalize/csv.h"

#include <sys/stat.h>

#include <fstream>
#include <sstream>

namespace minutes::normalize::internal {

int CsvTable::Column(std::string_view column) const {
  for (size_t i = 0; i < header.size(); ++i) {
    if (header[i] == column) return static_cast<int>(i);
  }
  return -1;
}

Status ParseCsv(std::string_view text, std::string_view name, CsvTable* table) {
  table->name = std::string(name);
  table->header.clear();
  table->rows.clear();
  table->lines.clear();
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);

  std::vector<std::string> row;
  std::string field;
  int line = 1;
  int row_line = 1;
  bool in_quotes = false;
  bool field_quoted = false;
  auto end_row = [&]() {
    row.push_back(std::move(field));
    field.clear();
    field_quoted = false;
    bool blank = row.size() == 1 && row[0].empty();
    if (!blank) {
      if (table->header.empty()) {
        table->header = std::move(row);
      } else {
        table->rows.push_back(std::move(row));
        table->lines.push_back(row_line);
      }
    }
    row.clear();
  };
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (in_quotes) {
      if (c == '"') {
        if (i + 1 < text.size() && text[i + 1] == '"') {
          field.push_back('"');
          ++i;
        } else {
          in_quotes = false;
        }
      } else {
        if (c == '\n') ++line;
        field.push_back(c);
      }
      continue;
    }
    switch (c) {
      case '"':
        if (field.empty() && !field_quoted) {
          in_quotes = true;
          field_quoted = true;
        } else {
          field.push_back(c);  // a stray quote inside an unquoted field is kept literally
        }
        break;
      case ',':
        row.push_back(std::move(field));
        field.clear();
        field_quoted = false;
        break;
      case '\r':
        break;
      case '\n':
        end_row();
        ++line;
        row_line = line;
        break;
      default:
        field.push_back(c);
    }
  }
  if (in_quotes) {
    return Status::Corrupt(std::string(name) + ":" + std::to_string(row_line) +
                           ": unterminated quoted field");
  }
  if (!field.empty() || !row.empty()) end_row();
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
  if (!FileExists(path)) return false;
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream ss;
  ss << in.rdbuf();
  if (in.bad()) return false;
  *contents = ss.str();
  return true;
}

Status ReadCsvFile(const std::string& path, CsvTable* table) {
  std::string contents;
  if (!ReadWholeFile(path, &contents)) return Status::IoError(path + ": cannot read file");
  return ParseCsv(contents, path.substr(path.find_last_of('/') + 1), table);
}

}  // namespace minutes::normalize::internal
