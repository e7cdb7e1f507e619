// Loading and checking the LA register files; lookups by code. The matcher lives in la_matcher.cc.

#include <cstdlib>
#include <mutex>

#include "normalize/csv.h"
#include "normalize/fold.h"
#include "normalize/la_index.h"
#include "normalize/normalize.h"

#ifndef MINUTES_DATA_DIR
#define MINUTES_DATA_DIR "normalize/data"
#endif

namespace minutes::normalize {

namespace {

using internal::CsvTable;

bool ValidGssCode(std::string_view code) {
  if (code.size() != 9 || code[0] < 'A' || code[0] > 'Z') return false;
  for (size_t i = 1; i < code.size(); ++i) {
    if (code[i] < '0' || code[i] > '9') return false;
  }
  return true;
}

std::string Trim(std::string_view s) {
  size_t b = s.find_first_not_of(" \t\r\n");
  if (b == std::string_view::npos) return "";
  size_t e = s.find_last_not_of(" \t\r\n");
  return std::string(s.substr(b, e - b + 1));
}

std::vector<std::string> SplitCodes(std::string_view s) {
  std::vector<std::string> out;
  size_t pos = 0;
  while (pos <= s.size()) {
    size_t semi = s.find(';', pos);
    if (semi == std::string_view::npos) semi = s.size();
    std::string code = Trim(s.substr(pos, semi - pos));
    if (!code.empty()) out.push_back(code);
    pos = semi + 1;
  }
  return out;
}

std::string Where(const CsvTable& t, size_t row) {
  return t.name + ":" + std::to_string(t.lines[row]) + ": ";
}

// Looks up required columns; on failure sets *error naming the first missing one.
bool Columns(const CsvTable& t, std::initializer_list<const char*> names, std::vector<int>* idx,
             std::string* error) {
  idx->clear();
  for (const char* n : names) {
    int c = t.Column(n);
    if (c < 0) {
      if (error) *error = t.name + ":1: missing column '" + n + "'";
      return false;
    }
    idx->push_back(c);
  }
  return true;
}

std::string Cell(const std::vector<std::string>& row, int column) {
  if (column < 0 || static_cast<size_t>(column) >= row.size()) return "";
  return Trim(row[column]);
}

}  // namespace

const char* MatchMethodName(MatchMethod method) {
  switch (method) {
    case MatchMethod::kExact:
      return "exact";
    case MatchMethod::kAlias:
      return "alias";
    case MatchMethod::kGroup:
      return "group";
    case MatchMethod::kFuzzy:
      return "fuzzy";
  }
  return "unknown";
}

LaRegister::LaRegister() = default;
LaRegister::~LaRegister() = default;

std::unique_ptr<LaRegister> LaRegister::Load(const std::string& path, std::string* error) {
  std::string dir;
  std::string register_file;
  if (internal::FileExists(path)) {
    register_file = path;
    size_t slash = path.find_last_of('/');
    dir = slash == std::string::npos ? "." : path.substr(0, slash);
  } else {
    dir = path;
    register_file = path + "/la_register.csv";
  }
  std::unique_ptr<LaRegister> reg(new LaRegister());
  std::vector<int> c;

  CsvTable table;
  if (!internal::ReadCsvFile(register_file, &table, error)) return nullptr;
  if (!Columns(table, {"gss_code", "name"}, &c, error)) return nullptr;
  const int type_col = table.Column("la_type");
  const int region_col = table.Column("region");
  const int dfe_col = table.Column("dfe_la_code");
  for (size_t r = 0; r < table.rows.size(); ++r) {
    LocalAuthority la;
    la.gss_code = Cell(table.rows[r], c[0]);
    la.name = Cell(table.rows[r], c[1]);
    la.la_type = Cell(table.rows[r], type_col);
    la.region = Cell(table.rows[r], region_col);
    la.dfe_la_code = Cell(table.rows[r], dfe_col);
    if (!ValidGssCode(la.gss_code)) {
      if (error) *error = Where(table, r) + "bad GSS code '" + la.gss_code + "'";
      return nullptr;
    }
    if (la.name.empty()) {
      if (error) *error = Where(table, r) + "empty name for " + la.gss_code;
      return nullptr;
    }
    if (!reg->by_code_.emplace(la.gss_code, reg->authorities_.size()).second) {
      if (error) *error = Where(table, r) + "duplicate GSS code '" + la.gss_code + "'";
      return nullptr;
    }
    reg->authorities_.push_back(std::move(la));
  }
  if (reg->authorities_.empty()) {
    if (error) *error = table.name + ": no local authorities";
    return nullptr;
  }

  // Every code in the companion files must be in the register.
  auto check_codes = [&](const CsvTable& t, size_t r, const std::vector<std::string>& codes) {
    for (const std::string& code : codes) {
      if (reg->FindByCode(code) == nullptr) {
        if (error) *error = Where(t, r) + "unknown GSS code '" + code + "'";
        return false;
      }
    }
    return true;
  };
  // Reads an optional companion file: returns false only on a read or parse error.
  auto optional_file = [&](const char* name, CsvTable* t, bool* present) {
    std::string p = dir + "/" + name;
    *present = internal::FileExists(p);
    return !*present || internal::ReadCsvFile(p, t, error);
  };

  internal::RegisterRows rows;
  bool present = false;
  if (!optional_file("aliases.csv", &table, &present)) return nullptr;
  if (present) {
    if (!Columns(table, {"gss_code", "alias"}, &c, error)) return nullptr;
    int kind_col = table.Column("kind");
    for (size_t r = 0; r < table.rows.size(); ++r) {
      internal::AliasRow row{Cell(table.rows[r], c[0]), Cell(table.rows[r], c[1]),
                             Cell(table.rows[r], kind_col)};
      if (!check_codes(table, r, {row.gss_code})) return nullptr;
      if (!row.alias.empty()) rows.aliases.push_back(std::move(row));
    }
  }
  if (!optional_file("groups.csv", &table, &present)) return nullptr;
  if (present) {
    if (!Columns(table, {"name", "alias", "member_gss_codes"}, &c, error)) return nullptr;
    int mention_col = table.Column("la_mention");
    for (size_t r = 0; r < table.rows.size(); ++r) {
      internal::GroupRow row;
      row.name = Cell(table.rows[r], c[0]);
      row.alias = Cell(table.rows[r], c[1]);
      row.members = SplitCodes(Cell(table.rows[r], c[2]));
      row.la_mention = Cell(table.rows[r], mention_col) != "no";
      if (!check_codes(table, r, row.members)) return nullptr;
      if (!row.alias.empty() && !row.members.empty()) rows.groups.push_back(std::move(row));
    }
  }
  if (!optional_file("ambiguous_aliases.csv", &table, &present)) return nullptr;
  if (present) {
    if (!Columns(table, {"alias", "candidate_gss_codes"}, &c, error)) return nullptr;
    int in_col = table.Column("in_aliases_csv");
    for (size_t r = 0; r < table.rows.size(); ++r) {
      internal::AmbiguousRow row;
      row.alias = Cell(table.rows[r], c[0]);
      row.candidates = SplitCodes(Cell(table.rows[r], c[1]));
      row.in_aliases = Cell(table.rows[r], in_col) == "yes";
      if (!check_codes(table, r, row.candidates)) return nullptr;
      if (!row.alias.empty()) rows.ambiguous.push_back(std::move(row));
    }
  }
  if (!optional_file("acronyms.csv", &table, &present)) return nullptr;
  if (present) {
    if (!Columns(table, {"acronym"}, &c, error)) return nullptr;
    int cat_col = table.Column("category");
    for (size_t r = 0; r < table.rows.size(); ++r) {
      std::string acronym = Cell(table.rows[r], c[0]);
      if (acronym.empty()) continue;
      rows.acronyms.emplace_back(acronym, Cell(table.rows[r], cat_col));
      reg->acronyms_.insert(internal::FoldCase(internal::CollapseSpaces(acronym)));
    }
  }
  if (!optional_file("common_word_risks.csv", &table, &present)) return nullptr;
  if (present) {
    if (!Columns(table, {"alias", "gss_code"}, &c, error)) return nullptr;
    for (size_t r = 0; r < table.rows.size(); ++r) {
      internal::CommonWordRow row{Cell(table.rows[r], c[0]), Cell(table.rows[r], c[1])};
      if (!check_codes(table, r, {row.gss_code})) return nullptr;
      rows.common_words.push_back(std::move(row));
    }
  }
  if (!optional_file("gss_code_history.csv", &table, &present)) return nullptr;
  if (present) {
    if (!Columns(table, {"old_gss_code", "new_gss_codes"}, &c, error)) return nullptr;
    for (size_t r = 0; r < table.rows.size(); ++r) {
      std::vector<std::string> successors = SplitCodes(Cell(table.rows[r], c[1]));
      if (!check_codes(table, r, successors)) return nullptr;
      reg->successors_[Cell(table.rows[r], c[0])] = std::move(successors);
    }
  }

  std::string provenance;
  if (internal::ReadWholeFile(dir + "/PROVENANCE.md", &provenance)) {
    size_t pos = provenance.find("version:");
    if (pos != std::string::npos) {
      size_t eol = provenance.find('\n', pos);
      std::string v =
          Trim(provenance.substr(pos + 8, eol == std::string::npos ? eol : eol - pos - 8));
      if (!v.empty()) reg->version_ = v;
    }
  }

  std::unique_ptr<internal::LaIndex> index = internal::LaIndex::Build(*reg, rows, error);
  if (!index) return nullptr;
  reg->index_ = std::move(index);
  return reg;
}

const LaRegister& LaRegister::Default() {
  static const LaRegister* const instance = [] {
    const char* env = std::getenv("MINUTES_DATA_DIR");
    std::string dir = env != nullptr && *env != '\0' ? env : MINUTES_DATA_DIR;
    std::string error;
    std::unique_ptr<LaRegister> reg = Load(dir, &error);
    if (!reg) {
      reg.reset(new LaRegister());
      reg->error_ = error.empty() ? "cannot load the LA register from " + dir : error;
    }
    return reg.release();  // lives until exit, by design
  }();
  return *instance;
}

const LocalAuthority* LaRegister::FindByCode(std::string_view gss_code) const {
  auto it = by_code_.find(gss_code);
  return it == by_code_.end() ? nullptr : &authorities_[it->second];
}

std::vector<std::string> LaRegister::CurrentCodes(std::string_view gss_code) const {
  if (FindByCode(gss_code) != nullptr) return {std::string(gss_code)};
  auto it = successors_.find(gss_code);
  if (it == successors_.end()) return {};
  return it->second;
}

bool LaRegister::IsSectorAcronym(std::string_view word) const {
  std::string folded = internal::FoldCase(internal::CollapseSpaces(word));
  if (folded.empty()) return false;
  if (acronyms_.count(folded) > 0) return true;
  // Plurals: "ICBs", "SSW's", "SSW’s".
  for (std::string_view suffix : {"'s", "\xE2\x80\x99s", "s"}) {
    if (folded.size() > suffix.size() + 1 &&
        folded.compare(folded.size() - suffix.size(), suffix.size(), suffix) == 0 &&
        acronyms_.count(folded.substr(0, folded.size() - suffix.size())) > 0) {
      return true;
    }
  }
  return false;
}

std::vector<LaMention> LaRegister::FindMentions(std::string_view text,
                                                const MatchOptions& options) const {
  if (!index_) return {};
  return index_->Scan(*this, text, options, /*organisation=*/false).mentions;
}

std::optional<LaMention> LaRegister::Resolve(std::string_view org,
                                             const MatchOptions& options) const {
  if (!index_) return std::nullopt;
  internal::LaIndex::ScanResult r = index_->Scan(*this, org, options, /*organisation=*/true);
  if (r.leading_body || r.mentions.empty()) return std::nullopt;
  if (r.mentions[0].start == r.first_token_start) return r.mentions[0];
  if (r.mentions.size() == 1) return r.mentions[0];
  return std::nullopt;
}

}  // namespace minutes::normalize
