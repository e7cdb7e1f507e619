// Extraction -> one CSV table per record list of the schema, by walking its description.

#include <charconv>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <system_error>

#include "export/export.h"
#include "model/schema.h"

namespace minutes {
namespace {

namespace sc = schema;

// RFC 4180: quote a field holding a comma, quote, CR or LF; double the quotes.
void AppendField(std::string_view f, std::string* out) {
  // One pass over the field (string_view::find_first_of would call memchr on the four characters
  // for each of the field's: a third of writing a table).
  bool plain = true;
  for (char c : f) plain = plain && c != ',' && c != '"' && c != '\r' && c != '\n';
  if (plain) {
    out->append(f);
    return;
  }
  out->push_back('"');
  for (char c : f) {
    if (c == '"') out->push_back('"');
    out->push_back(c);
  }
  out->push_back('"');
}

// A column's value as a CSV field: null is empty, booleans true/false, money an exact decimal,
// lists joined by ';'. Appended in place: a table has a field per column per row, and most are
// short strings or numbers that need no buffer of their own.
void AppendCell(sc::Kind kind, const sc::Value& v, std::string* out) {
  if (v.is_null) return;
  char buf[32];
  switch (kind) {
    case sc::Kind::kString:
    case sc::Kind::kEnum:
      return AppendField(v.text, out);
    case sc::Kind::kInteger:
      out->append(buf, std::to_chars(buf, buf + sizeof buf, v.integer).ptr);
      return;
    case sc::Kind::kNumber:
      out->append(buf, std::to_chars(buf, buf + sizeof buf, v.number).ptr);
      return;
    case sc::Kind::kMoney:
      return AppendField(v.money.ToString(), out);
    case sc::Kind::kBoolean:
      out->append(v.boolean ? "true" : "false");
      return;
    case sc::Kind::kStringList: {
      std::string s;
      for (const std::string& item : *v.list) {
        if (!s.empty()) s.push_back(';');
        s += item;
      }
      return AppendField(s, out);
    }
    case sc::Kind::kRecord:
    case sc::Kind::kRecordList:
      break;
  }
}

void AppendHeader(const sc::Table& t, std::string* out) {
  for (size_t i = 0; i < t.columns.size(); ++i) {
    if (i > 0) out->push_back(',');
    AppendField(t.columns[i].name, out);
  }
  out->push_back('\n');
}

// `name` in the directory `dir` (which may or may not end with a separator).
std::string InDirectory(const std::string& dir, const std::string& name) {
  return (std::filesystem::path(dir) / name).string();
}

// Writes `contents` to `path` through a temporary file and a rename.
Status WriteFileAtomically(const std::string& path, const std::string& contents) {
  std::string tmp = path + ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    out.write(contents.data(), static_cast<std::streamsize>(contents.size()));
    out.close();
    if (!out) {
      std::remove(tmp.c_str());
      return Status::IoError(path + ": could not be written");
    }
  }
  if (std::rename(tmp.c_str(), path.c_str()) != 0) {
    std::remove(tmp.c_str());
    return Status::IoError(path + ": could not be written");
  }
  return Status::OK();
}

// Rows are written out once a table's buffer passes this size.
constexpr size_t kFlushBytes = 1 << 20;

}  // namespace

std::string CsvLine(const std::vector<std::string>& fields) {
  std::string out;
  for (size_t i = 0; i < fields.size(); ++i) {
    if (i > 0) out.push_back(',');
    AppendField(fields[i], &out);
  }
  out.push_back('\n');
  return out;
}

CsvTables::CsvTables() {
  for (const sc::Table& t : sc::Tables()) AppendHeader(t, &text_.emplace_back());
}

CsvTables::~CsvTables() {
  for (std::FILE* f : files_)
    if (f != nullptr) std::fclose(f);
}

namespace {

// Appends the rows of `x` to `text` (parallel to schema::Tables()), calling `after_row(table)`
// after each row it adds.
template <typename AfterRow>
void AppendRows(const Extraction& x, std::vector<std::string>* text, AfterRow after_row) {
  const sc::Table* first = sc::Tables().data();
  sc::ForEachRow(x, [&](const sc::Table& t, const std::vector<sc::Value>& row) {
    const size_t table = &t - first;
    std::string& out = (*text)[table];
    for (size_t i = 0; i < row.size(); ++i) {
      if (i > 0) out.push_back(',');
      AppendCell(t.columns[i].kind, row[i], &out);
    }
    out.push_back('\n');
    after_row(table);
  });
}

}  // namespace

CsvRows::CsvRows() : text_(sc::Tables().size()) {}

CsvRows::CsvRows(const Extraction& x) : text_(sc::Tables().size()) {
  AppendRows(x, &text_, [](size_t) {});
}

void CsvTables::Add(const Extraction& x) {
  // Streaming: written out as it grows, so one large document's rows are never held whole.
  AppendRows(x, &text_, [this](size_t table) {
    if (!files_.empty() && text_[table].size() > kFlushBytes)
      failed_ = !Flush(table).ok() || failed_;
  });
}

void CsvTables::Add(const std::vector<std::string_view>& rows) {
  for (size_t i = 0; i < text_.size(); ++i) {
    text_[i] += rows[i];
    if (!files_.empty() && text_[i].size() > kFlushBytes) failed_ = !Flush(i).ok() || failed_;
  }
}

std::string CsvTables::Table(const std::string& name) const {
  const std::vector<sc::Table>& tables = sc::Tables();
  for (size_t i = 0; i < tables.size(); ++i)
    if (tables[i].name == name) return text_[i];
  return "";
}

Status CsvTables::Open(const std::string& dir) {
  std::error_code error;
  std::filesystem::create_directories(dir, error);
  if (error) return Status::IoError(dir + ": cannot create the directory: " + error.message());
  dir_ = dir;
  const std::vector<sc::Table>& tables = sc::Tables();
  for (const sc::Table& t : tables) {
    std::string tmp = InDirectory(dir, t.name + ".csv.tmp");
    std::FILE* f = std::fopen(tmp.c_str(), "wb");
    files_.push_back(f);
    if (f == nullptr) return Status::IoError(tmp + ": could not be written");
  }
  for (size_t i = 0; i < text_.size(); ++i) {
    Status s = Flush(i);
    if (!s.ok()) return s;
  }
  return Status::OK();
}

Status CsvTables::Flush(size_t i) {
  const std::string& text = text_[i];
  if (std::fwrite(text.data(), 1, text.size(), files_[i]) != text.size())
    return Status::IoError(InDirectory(dir_, sc::Tables()[i].name + ".csv") +
                           ": could not be written");
  text_[i].clear();
  return Status::OK();
}

Status CsvTables::Close() {
  const std::vector<sc::Table>& tables = sc::Tables();
  Status s = failed_ ? Status::IoError(dir_ + ": a table could not be written") : Status::OK();
  for (size_t i = 0; i < files_.size(); ++i) {
    if (s.ok()) s = Flush(i);
    if (std::fclose(files_[i]) != 0 && s.ok())
      s = Status::IoError(InDirectory(dir_, tables[i].name + ".csv") + ": could not be written");
    files_[i] = nullptr;
  }
  files_.clear();
  if (s.ok()) s = WriteFileAtomically(InDirectory(dir_, "datapackage.json"), DataPackage());
  for (const sc::Table& t : tables) {
    std::string path = InDirectory(dir_, t.name + ".csv");
    if (s.ok() && std::rename((path + ".tmp").c_str(), path.c_str()) != 0)
      s = Status::IoError(path + ": could not be written");
    if (!s.ok()) std::remove((path + ".tmp").c_str());
  }
  return s;
}

Status CsvTables::Write(const std::string& dir) {
  Status s = Open(dir);
  if (s.ok()) return Close();
  for (std::FILE*& f : files_)
    if (f != nullptr) std::fclose(f), f = nullptr;
  files_.clear();
  return s;
}

}  // namespace minutes
