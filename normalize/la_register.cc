// Loading and checking the LA register files; lookups by code. The matcher lives in la_matcher.cc.

#include <limits.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cstdlib>
#include <mutex>
#include <set>

#include "normalize/csv.h"
#include "normalize/fold.h"
#include "normalize/la_index.h"
#include "normalize/la_snapshot.h"
#include "normalize/normalize.h"

#ifndef MINUTES_DATA_DIR
#define MINUTES_DATA_DIR "normalize/data"
#endif
// Where an installed register lies relative to the installed program's folder (set by CMake from
// GNUInstallDirs: bin/ -> share/minutes/data).
#ifndef MINUTES_DATA_FROM_BIN
#define MINUTES_DATA_FROM_BIN "../share/minutes/data"
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

// The tier a register without a `tier` column implies by la_type.
std::string_view TierOf(std::string_view la_type) {
  if (la_type == "county") return "upper";
  if (la_type == "non_metropolitan_district") return "lower";
  if (la_type == "unitary" || la_type == "metropolitan_district" || la_type == "london_borough")
    return "single";
  return "";
}

std::string Where(const CsvTable& t, size_t row) {
  return t.name + ":" + std::to_string(t.lines[row]) + ": ";
}

// Looks up required columns into *idx; InvalidArgument names the first missing one.
Status Columns(const CsvTable& t, std::initializer_list<const char*> names, std::vector<int>* idx) {
  idx->clear();
  for (const char* n : names) {
    int c = t.Column(n);
    if (c < 0) return Status::InvalidArgument(t.name + ":1: missing column '" + n + "'");
    idx->push_back(c);
  }
  return Status::OK();
}

// Cell `column` of data row `row`, trimmed ("" for a missing column or a short row).
std::string TrimmedCell(const CsvTable& t, size_t row, int column) {
  std::string_view cell = t.cell(row, column);
  auto blank = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
  while (!cell.empty() && blank(cell.back())) cell.remove_suffix(1);
  while (!cell.empty() && blank(cell.front())) cell.remove_prefix(1);
  return std::string(cell);
}

// The installed register beside the running program (<prefix>/bin/minutes ->
// <prefix>/share/minutes/data), or "" when /proc/self/exe is unreadable or holds no register there
// (the build tree, a test binary).
std::string InstalledDataDir() {
  char exe[PATH_MAX];
  ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
  if (n <= 0) return "";
  std::string path(exe, static_cast<size_t>(n));
  size_t slash = path.find_last_of('/');
  if (slash == std::string::npos) return "";
  std::string dir = path.substr(0, slash + 1) + MINUTES_DATA_FROM_BIN;
  return internal::FileExists(dir + "/la_register.csv") ? dir : "";
}

}  // namespace

std::string LaRegister::DefaultPath() {
  const char* env = std::getenv("MINUTES_DATA_DIR");
  if (env != nullptr && *env != '\0') return env;
  std::string installed = InstalledDataDir();
  return installed.empty() ? MINUTES_DATA_DIR : installed;
}

namespace internal {

std::array<std::string, kRegisterFileCount> RegisterFilePaths(const std::string& path) {
  std::string dir;
  std::string register_file;
  if (FileExists(path)) {
    register_file = path;
    size_t slash = path.find_last_of('/');
    dir = slash == std::string::npos ? "." : path.substr(0, slash);
  } else {
    dir = path;
    register_file = path + "/la_register.csv";
  }
  std::array<std::string, kRegisterFileCount> paths;
  for (size_t i = 0; i < kRegisterFileCount; ++i)
    paths[i] = i == kLaRegisterFile ? register_file : dir + "/" + kRegisterFileNames[i];
  return paths;
}

void ReadRegisterFiles(const std::string& path, RegisterFiles* files) {
  std::array<std::string, kRegisterFileCount> paths = RegisterFilePaths(path);
  for (size_t i = 0; i < kRegisterFileCount; ++i) {
    RegisterFile& f = files->files[i];
    f.path = std::move(paths[i]);
    f.bytes.clear();
    // A missing register is unreadable (Load's error); a missing companion is just absent.
    if (i != kLaRegisterFile && !FileExists(f.path)) {
      f.state = RegisterFile::State::kAbsent;
    } else {
      f.state = ReadWholeFile(f.path, &f.bytes) ? RegisterFile::State::kRead
                                                : RegisterFile::State::kUnreadable;
    }
  }
}

Status LaSnapshot::LoadDefault(const std::string& path, std::unique_ptr<LaRegister>* out,
                               bool* from_snapshot) {
  const ShippedRegister* shipped = ShippedRegisterSnapshot();
  const bool use_snapshot = shipped != nullptr && shipped->Matches(path);
  if (from_snapshot != nullptr) *from_snapshot = use_snapshot;
  return use_snapshot ? Decode(shipped->snapshot, out) : LaRegister::Load(path, out);
}

}  // namespace internal

LaRegister::LaRegister() = default;
LaRegister::~LaRegister() = default;

Status LaRegister::Load(const std::string& path, std::unique_ptr<LaRegister>* out) {
  out->reset();
  // Every file is read before any is parsed, through the one list (la_snapshot.h).
  internal::RegisterFiles files;
  internal::ReadRegisterFiles(path, &files);
  // Parses file `i` into `table`: an IoError when it could not be read, as ReadCsvFile's.
  auto parse = [&files](size_t i, CsvTable* table) {
    const internal::RegisterFile& f = files.files[i];
    if (f.state != internal::RegisterFile::State::kRead)
      return Status::IoError(f.path + ": cannot read file");
    return internal::ParseCsv(f.bytes, f.path.substr(f.path.find_last_of('/') + 1), table);
  };
  std::unique_ptr<LaRegister> reg(new LaRegister());
  std::vector<int> c;

  CsvTable table;
  Status s = parse(internal::kLaRegisterFile, &table);
  if (s.ok()) s = Columns(table, {"gss_code", "name"}, &c);
  if (!s.ok()) return s;
  const int type_col = table.Column("la_type");
  const int region_col = table.Column("region");
  const int dfe_col = table.Column("dfe_la_code");
  const int tier_col = table.Column("tier");
  const int county_col = table.Column("county_gss_code");
  reg->authorities_.reserve(table.size());
  std::set<std::string_view> codes;  // seen so far, for the duplicate check in row order
  // The fields view strings the register keeps (LocalAuthority).
  auto keep = [&reg](std::string field) {
    return field.empty() ? std::string_view()
                         : std::string_view(reg->strings_.emplace_back(std::move(field)));
  };
  for (size_t r = 0; r < table.size(); ++r) {
    LocalAuthority la;
    la.gss_code = keep(TrimmedCell(table, r, c[0]));
    la.name = keep(TrimmedCell(table, r, c[1]));
    la.la_type = keep(TrimmedCell(table, r, type_col));
    la.region = keep(TrimmedCell(table, r, region_col));
    la.dfe_la_code = keep(TrimmedCell(table, r, dfe_col));
    la.tier = keep(TrimmedCell(table, r, tier_col));
    if (la.tier.empty()) la.tier = TierOf(la.la_type);
    la.county_gss_code = keep(TrimmedCell(table, r, county_col));
    const std::string code(la.gss_code);
    if (!ValidGssCode(code)) {
      return Status::InvalidArgument(Where(table, r) + "bad GSS code '" + code + "'");
    }
    if (la.name.empty()) {
      return Status::InvalidArgument(Where(table, r) + "empty name for " + code);
    }
    if (!codes.insert(la.gss_code).second) {
      return Status::InvalidArgument(Where(table, r) + "duplicate GSS code '" + code + "'");
    }
    reg->authorities_.push_back(la);
  }
  reg->IndexCodes();
  if (reg->authorities_.empty()) {
    return Status::InvalidArgument(table.name + ": no local authorities");
  }
  for (size_t r = 0; r < reg->authorities_.size(); ++r) {
    const std::string_view county = reg->authorities_[r].county_gss_code;
    if (!county.empty() && reg->FindByCode(county) == nullptr) {
      return Status::InvalidArgument(Where(table, r) + "unknown county GSS code '" +
                                     std::string(county) + "'");
    }
  }

  // Every code in the companion files must be in the register.
  auto check_code = [&](size_t r, const std::string& code) {
    if (reg->FindByCode(code) != nullptr) return Status::OK();
    return Status::InvalidArgument(Where(table, r) + "unknown GSS code '" + code + "'");
  };
  auto check_codes = [&](size_t r, const std::vector<std::string>& codes) {
    for (const std::string& code : codes) {
      if (Status st = check_code(r, code); !st.ok()) return st;
    }
    return Status::OK();
  };
  // Parses the optional companion file kRegisterFileNames[i] into `table` and its required columns
  // into `c`. A missing file is no error (*present says whether it was there); an unreadable or
  // malformed one is.
  auto companion = [&](size_t i, std::initializer_list<const char*> columns, bool* present) {
    *present = files.files[i].state != internal::RegisterFile::State::kAbsent;
    if (!*present) return Status::OK();
    Status st = parse(i, &table);
    if (st.ok()) st = Columns(table, columns, &c);
    return st;
  };

  internal::RegisterRows rows;
  bool present = false;
  s = companion(internal::kAliasesFile, {"gss_code", "alias"}, &present);
  if (!s.ok()) return s;
  if (present) {
    int kind_col = table.Column("kind");
    rows.aliases.reserve(table.size());
    for (size_t r = 0; r < table.size(); ++r) {
      internal::AliasRow row{TrimmedCell(table, r, c[0]), TrimmedCell(table, r, c[1]),
                             TrimmedCell(table, r, kind_col)};
      s = check_code(r, row.gss_code);
      if (!s.ok()) return s;
      if (!row.alias.empty()) rows.aliases.push_back(std::move(row));
    }
  }
  s = companion(internal::kGroupsFile, {"name", "alias", "member_gss_codes"}, &present);
  if (!s.ok()) return s;
  if (present) {
    int mention_col = table.Column("la_mention");
    for (size_t r = 0; r < table.size(); ++r) {
      internal::GroupRow row;
      row.name = TrimmedCell(table, r, c[0]);
      row.alias = TrimmedCell(table, r, c[1]);
      row.members = SplitCodes(TrimmedCell(table, r, c[2]));
      row.la_mention = TrimmedCell(table, r, mention_col) != "no";
      s = check_codes(r, row.members);
      if (!s.ok()) return s;
      if (!row.alias.empty() && !row.members.empty()) rows.groups.push_back(std::move(row));
    }
  }
  s = companion(internal::kAmbiguousAliasesFile, {"alias", "candidate_gss_codes"}, &present);
  if (!s.ok()) return s;
  if (present) {
    int in_col = table.Column("in_aliases_csv");
    for (size_t r = 0; r < table.size(); ++r) {
      internal::AmbiguousRow row;
      row.alias = TrimmedCell(table, r, c[0]);
      row.candidates = SplitCodes(TrimmedCell(table, r, c[1]));
      row.in_aliases = TrimmedCell(table, r, in_col) == "yes";
      s = check_codes(r, row.candidates);
      if (!s.ok()) return s;
      if (!row.alias.empty()) rows.ambiguous.push_back(std::move(row));
    }
  }
  s = companion(internal::kAcronymsFile, {"acronym"}, &present);
  if (!s.ok()) return s;
  if (present) {
    int cat_col = table.Column("category");
    for (size_t r = 0; r < table.size(); ++r) {
      std::string acronym = TrimmedCell(table, r, c[0]);
      if (acronym.empty()) continue;
      rows.acronyms.emplace_back(acronym, TrimmedCell(table, r, cat_col));
      reg->acronyms_.insert(internal::FoldCase(internal::CollapseSpaces(acronym)));
    }
  }
  s = companion(internal::kCommonWordRisksFile, {"alias", "gss_code"}, &present);
  if (!s.ok()) return s;
  if (present) {
    for (size_t r = 0; r < table.size(); ++r) {
      internal::CommonWordRow row{TrimmedCell(table, r, c[0]), TrimmedCell(table, r, c[1])};
      s = check_code(r, row.gss_code);
      if (!s.ok()) return s;
      rows.common_words.push_back(std::move(row));
    }
  }
  s = companion(internal::kGssCodeHistoryFile, {"old_gss_code", "new_gss_codes"}, &present);
  if (!s.ok()) return s;
  if (present) {
    for (size_t r = 0; r < table.size(); ++r) {
      std::vector<std::string> successors = SplitCodes(TrimmedCell(table, r, c[1]));
      s = check_codes(r, successors);
      if (!s.ok()) return s;
      reg->successors_[TrimmedCell(table, r, c[0])] = std::move(successors);
    }
  }

  if (const internal::RegisterFile& f = files.files[internal::kProvenanceFile];
      f.state == internal::RegisterFile::State::kRead) {
    const std::string& provenance = f.bytes;
    size_t pos = provenance.find("version:");
    if (pos != std::string::npos) {
      size_t eol = provenance.find('\n', pos);
      std::string v =
          Trim(provenance.substr(pos + 8, eol == std::string::npos ? eol : eol - pos - 8));
      if (!v.empty()) reg->version_ = v;
    }
  }

  s = internal::LaIndex::Build(*reg, rows, &reg->index_);
  if (!s.ok()) return s;
  *out = std::move(reg);
  return Status::OK();
}

const LaRegister& LaRegister::Default() {
  static const LaRegister* const instance = [] {
    std::unique_ptr<LaRegister> reg;
    Status s = internal::LaSnapshot::LoadDefault(DefaultPath(), &reg);
    if (!s.ok()) {
      reg.reset(new LaRegister());
      reg->status_ = std::move(s);
    }
    return reg.release();  // lives until exit, by design
  }();
  return *instance;
}

void LaRegister::IndexCodes() {
  by_code_.resize(authorities_.size());
  for (size_t i = 0; i < by_code_.size(); ++i) by_code_[i] = static_cast<uint32_t>(i);
  auto by_code = [this](uint32_t a, uint32_t b) {
    return authorities_[a].gss_code < authorities_[b].gss_code;
  };
  // The shipped register lists its authorities in code order: one pass then, rather than a sort.
  if (!std::is_sorted(by_code_.begin(), by_code_.end(), by_code))
    std::sort(by_code_.begin(), by_code_.end(), by_code);
}

const LocalAuthority* LaRegister::FindByCode(std::string_view gss_code) const {
  auto it = std::lower_bound(
      by_code_.begin(), by_code_.end(), gss_code,
      [this](uint32_t i, std::string_view code) { return authorities_[i].gss_code < code; });
  if (it == by_code_.end() || authorities_[*it].gss_code != gss_code) return nullptr;
  return &authorities_[*it];
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
  // Fuzzy candidates are looked for only when they can be kept.
  LaMentionScan scan;
  scan.register_ = this;
  scan.text_ = text;
  if (index_) index_->Scan(text, /*organisation=*/false, options.fuzzy, &scan);
  return std::move(scan).Settle(options);
}

LaMentionScan LaRegister::ScanMentions(std::string_view text) const {
  LaMentionScan scan;
  scan.register_ = this;
  scan.text_ = text;
  if (index_) index_->Scan(text, /*organisation=*/false, /*fuzzy=*/true, &scan);
  return scan;
}

std::optional<std::string> LaRegister::SettleInArea(const std::vector<std::string>& candidates,
                                                    const MatchOptions& options,
                                                    bool also_acronym) const {
  auto contains = [](const std::vector<std::string_view>& v, std::string_view s) {
    return std::find(v.begin(), v.end(), s) != v.end();
  };
  std::vector<std::string_view> named;  // the expected LAs and the counties of expected districts
  for (const std::string& code : options.expected_gss_codes) {
    named.push_back(code);
    const LocalAuthority* la = FindByCode(code);
    if (la != nullptr && !la->county_gss_code.empty()) named.push_back(la->county_gss_code);
  }
  std::vector<const std::string*> hits;
  for (const std::string& c : candidates)
    if (contains(named, c)) hits.push_back(&c);
  if (hits.size() == 1) return *hits[0];
  if (also_acronym) return std::nullopt;

  // How many expected LAs each region holds; options.region counts as one.
  std::map<std::string_view, int> named_in_region;
  if (!options.region.empty()) ++named_in_region[options.region];
  for (const std::string& code : options.expected_gss_codes) {
    const LocalAuthority* la = FindByCode(code);
    if (la != nullptr && !la->region.empty()) ++named_in_region[la->region];
  }
  hits.clear();
  int most = 0;
  for (const std::string& c : candidates) {
    const LocalAuthority* la = FindByCode(c);
    auto it = la == nullptr ? named_in_region.end() : named_in_region.find(la->region);
    if (it == named_in_region.end()) continue;
    hits.push_back(&c);
    most = std::max(most, it->second);
  }
  if (hits.size() == 1) return *hits[0];
  // Several regions fit: the one most of the named LAs lie in is the meeting's own (a London
  // meeting that mentions Reading once still reads "WCC" as Westminster).
  const std::string* best = nullptr;
  for (const std::string* c : hits) {
    if (named_in_region.find(FindByCode(*c)->region)->second != most) continue;
    if (best != nullptr) return std::nullopt;
    best = c;
  }
  if (best != nullptr) return *best;
  return std::nullopt;
}

std::optional<LaMention> LaRegister::Resolve(std::string_view org,
                                             const MatchOptions& options) const {
  if (!index_) return std::nullopt;
  MatchOptions settled_only = options;
  settled_only.keep_ambiguous = false;  // an unsettled "WCC" is no organisation's LA
  LaMentionScan scan;
  scan.register_ = this;
  scan.text_ = org;
  index_->Scan(org, /*organisation=*/true, options.fuzzy, &scan);
  const bool leading_body = scan.leading_body_;
  const size_t first_token_start = scan.first_token_start_;
  std::vector<LaMention> mentions = std::move(scan).Settle(settled_only);
  if (leading_body || mentions.empty()) return std::nullopt;
  if (mentions[0].start == first_token_start) return mentions[0];
  if (mentions.size() == 1) return mentions[0];
  return std::nullopt;
}

}  // namespace minutes::normalize
