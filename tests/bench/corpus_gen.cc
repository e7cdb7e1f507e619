// The corpus generator. A note is first built as format-neutral blocks (title, paragraphs, bullets,
// tables), then written as a text export or as DOCX, so both formats say the same things.

#include "tests/bench/corpus_gen.h"

#include <Poco/DateTime.h>
#include <Poco/Exception.h>
#include <Poco/Zip/Compress.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <set>
#include <sstream>
#include <string_view>
#include <utility>
#include <vector>

#include "normalize/csv.h"

namespace minutes::bench {

uint64_t Rng::Derive(uint64_t seed, uint64_t stream) {
  uint64_t z = seed + 0x9e3779b97f4a7c15ULL * (stream + 1);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

uint64_t Rng::Below(uint64_t n) {
  // Accept draws below the largest multiple of n, so every residue is equally likely.
  const uint64_t limit = UINT64_MAX - UINT64_MAX % n;
  uint64_t x;
  do {
    x = engine_();
  } while (x >= limit);
  return x % n;
}

const char* FileKindName(FileKind kind) {
  switch (kind) {
    case FileKind::kNotesText:
      return "notes_text";
    case FileKind::kNotesDocx:
      return "notes_docx";
    case FileKind::kLetter:
      return "letter";
    case FileKind::kCorruptZip:
      return "corrupt_zip";
    case FileKind::kEmpty:
      return "empty";
    case FileKind::kBinary:
      return "binary";
  }
  return "unknown";
}

namespace {

// ------------------------------------------------------------------------------------------------
// Word lists. Common English first names and surnames, paired at random (the seeds' distinctive
// surnames are left out); a few have the shapes that test readers of initials (hyphens, O', two
// surnames) and of encodings (accents).

const char* const kFirstNames[] = {
    "Sarah",   "Rebecca", "Alicia",   "Kelly",    "Maria", "Keith",  "Holly",  "Peter",   "Cathy",
    "Carly",   "John",    "Julie",    "Victoria", "Mark",  "Nicola", "Renee",  "Selina",  "Alison",
    "Hannah",  "Jackie",  "Sinead",   "Dave",     "Carol", "George", "Sam",    "Kerry",   "Ann",
    "Bob",     "Priya",   "Tom",      "Liz",      "Mo",    "Jo",     "Hana",   "Sean",    "Sara",
    "Tim",     "Kim",     "Raj",      "Gita",     "Jen",   "Sue",    "Kev",    "Ruth",    "Dee",
    "Mia",     "Ian",     "Ava",      "Omar",     "Lucy",  "Nia",    "Dan",    "Priti",   "Emma",
    "James",   "Claire",  "Michelle", "David",    "Helen", "Paul",   "Karen",  "Andrew",  "Louise",
    "Richard", "Joanne",  "Stephen",  "Rachel",   "Gary",  "Amanda", "Simon",  "Natalie", "Lee",
    "Zoë",     "Siân",    "Renée",    "Aisha",    "Imran", "Fatima", "Kwame",  "Chloe",   "Gemma",
    "Martin",  "Tracey",  "Neil",     "Joy",      "Anita", "Yusuf",  "Bethan", "Owen",    "Rhys",
    "Grace",   "Abdul",   "Shirin",   "Lorraine", "Wendy", "Colin",  "Marcus", "Toby",    "Hollie"};

const char* const kLastNames[] = {
    "Daly",        "Elliott",    "Lee-Thomas", "Wilkes",     "Cooper",   "Langley",   "Collins",
    "Hodges",      "Simpson",    "Arnold",     "Donnelly",   "McNally",  "Ndlovu",    "Vaughan",
    "Saunders",    "Eddy",       "Rahman",     "Miller",     "Palmer",   "Clark",     "Roche",
    "Crawford",    "Norris",     "Mathews",    "Horton",     "Shaw",     "Bailey",    "Howard",
    "Smith",       "Bell",       "Cole",       "Shah",       "O'Neill",  "Grant",     "Khan",
    "Reed",        "Ali",        "Rowe",       "Reid",       "Wu",       "Lowe",      "Dutt",
    "Patel",       "O’Brien",    "Marsh",      "Dunn",       "Nwosu",    "Tait",      "Okafor",
    "Brook",       "Ford",       "Pike",       "Rao",        "Said",     "Kent",      "Hill",
    "Ross",        "Jones",      "Williams",   "Taylor",     "Brown",    "Davies",    "Evans",
    "Wilson",      "Thomas",     "Johnson",    "Roberts",    "Robinson", "Thompson",  "Wright",
    "Walker",      "White",      "Edwards",    "Hughes",     "Green",    "Hall",      "Wood",
    "Harris",      "Lewis",      "Martin",     "Jackson",    "Clarke",   "Turner",    "Hussain",
    "Begum",       "Mensah",     "Okoro",      "Kowalski",   "Nowak",    "Fernandes", "Da Silva",
    "Grant-Mills", "O'Sullivan", "Macdonald",  "Sutherland", "Fletcher", "Atkinson",  "Chambers",
    "Gallagher",   "Doherty",    "Byrne",      "Quinn",      "Mahmood",  "Chowdhury", "Bennett"};

struct GroupType {
  const char* name;     // as it appears in a group's name: "Fostering"
  const char* clients;  // who the group's work is for: "foster carers"
  const char* topics[10];
};

const GroupType kGroupTypes[] = {
    {"Fostering",
     "foster carers",
     {"Out of hours and emergency fostering", "Foster carer allowances",
      "Recruitment and retention", "Mockingbird hubs", "Fostering community project",
      "Notifiable events", "Foster carer medicals", "Support in the first year",
      "Parent and child placements", "Panel member payments"}},
    {"Kinship",
     "kinship carers",
     {"Kinship allowances", "SGO support", "Kinship assessments", "Family network support packages",
      "Training for kinship carers", "Legal advice for kinship carers", "Kinship local offer",
      "Viability assessments", "Peer support groups", "Kinship data return"}},
    {"Adoption",
     "adopters",
     {"Adoption support fund", "Early permanence", "Adopter recruitment", "Inter-agency fees",
      "RAA performance", "Life story work", "Adoption panel", "Post-adoption contact",
      "Sibling placements", "Adopter voice"}},
    {"Commissioning",
     "providers",
     {"Residential sufficiency", "Framework fees", "IFA placement costs", "Unregistered provision",
      "Market position statement", "Block contracts", "Provider forum", "Fee uplifts",
      "Supported accommodation", "Regional care cooperative"}},
    {"Care Leavers",
     "care leavers",
     {"Staying close", "Council tax exemption", "Leaving care allowances",
      "Supported accommodation", "Care leaver covenant", "Setting up home allowance", "Staying put",
      "Apprenticeships for care leavers", "Housing protocol", "Personal advisers"}},
    {"Residential",
     "young people",
     {"Children's home registrations", "Secure welfare", "Workforce in homes",
      "Regional children's home", "Ofsted inspections", "Solo placements", "Deprivation of liberty",
      "Therapeutic support", "Education in homes", "Missing episodes"}},
    {"Workforce",
     "staff",
     {"Agency social worker rates", "ASYE programme", "Retention payments", "Apprenticeships",
      "Caseloads", "Regional memorandum of understanding", "Recruitment campaign",
      "Exit interviews", "Market supplements", "Career pathways"}},
    {"SEND",
     "families",
     {"EHCP timeliness", "Home to school transport", "Independent school placements",
      "Safety valve", "Short breaks", "Preparing for adulthood", "Alternative provision",
      "Tribunals", "Parent carer forum", "Inclusion funding"}},
    {"Youth Justice",
     "young people",
     {"Remands", "Serious youth violence", "Out of court disposals", "Reducing first time entrants",
      "Custody placements", "Turnaround programme", "Court delays", "Resettlement",
      "Speech and language support", "Victim work"}},
    {"Edge of Care",
     "families",
     {"Family hubs", "Edge of care teams", "Family group conferencing", "Respite for families",
      "Reunification", "Family help", "Multi-agency panels", "Early help offer",
      "Parenting programmes", "Outreach workers"}},
};

// How a group names itself; {R} is the region's title name, {T} the group type.
const char* const kGroupForms[] = {"{T} regional group",        "{R} {T} Leads",
                                   "{R} Regional {T} Group",    "{T} Managers Forum ({R})",
                                   "{R} {T} Network",           "{R} {T} Heads of Service",
                                   "{R} {T} Operational Group", "{T} Practice Leads – {R}"};

const char* const kSubAreas[] = {"North",   "South",   "East",  "West",
                                 "Central", "Coastal", "Rural", "Metropolitan"};

const char* const kMonths[] = {"January",   "February", "March",    "April",
                               "May",       "June",     "July",     "August",
                               "September", "October",  "November", "December"};
const char* const kShortMonths[] = {"Jan", "Feb", "Mar",  "Apr", "May", "Jun",
                                    "Jul", "Aug", "Sept", "Oct", "Nov", "Dec"};
const char* const kWeekdays[] = {"Monday", "Tuesday",  "Wednesday", "Thursday",
                                 "Friday", "Saturday", "Sunday"};

// ------------------------------------------------------------------------------------------------
// Calendar (proleptic Gregorian), for real weekdays.

int64_t DaysFromCivil(int y, int m, int d) {
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const int64_t yoe = y - era * 400;
  const int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

// 0 = Monday.
int Weekday(int y, int m, int d) {
  int64_t days = DaysFromCivil(y, m, d);  // 1970-01-01 was a Thursday (3)
  return static_cast<int>(((days % 7) + 7 + 3) % 7);
}

int DaysInMonth(int y, int m) {
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return m == 2 && leap ? 29 : kDays[m - 1];
}

// The n-th (1-4) `weekday` of a month.
int NthWeekday(int y, int m, int weekday, int n) {
  return 1 + (weekday - Weekday(y, m, 1) + 7) % 7 + 7 * (n - 1);
}

struct Date {
  int y = 2025, m = 1, d = 1;
  int weekday() const { return Weekday(y, m, d); }
};

// Months counted from year 0, so adding a cadence is addition.
int MonthIndex(int y, int m) { return y * 12 + (m - 1); }

std::string Ordinal(int d) {
  const char* suffix = "th";
  if (d % 100 < 11 || d % 100 > 13) {
    if (d % 10 == 1) suffix = "st";
    if (d % 10 == 2) suffix = "nd";
    if (d % 10 == 3) suffix = "rd";
  }
  return std::to_string(d) + suffix;
}

// ------------------------------------------------------------------------------------------------
// Small text helpers.

std::string Slug(std::string_view s) {
  std::string out;
  for (unsigned char c : s) {
    if (std::isalnum(c)) {
      out += static_cast<char>(std::tolower(c));
    } else if (c < 0x80 && !out.empty() && out.back() != '-') {
      out += '-';
    }
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  return out;
}

// Replaces every "{KEY}" in `tmpl` with value(KEY); the callback may give a fresh value each time.
std::string Fill(std::string_view tmpl, const std::function<std::string(std::string_view)>& value) {
  std::string out;
  size_t i = 0;
  while (i < tmpl.size()) {
    size_t open = tmpl.find('{', i);
    if (open == std::string_view::npos) break;
    size_t close = tmpl.find('}', open);
    if (close == std::string_view::npos) break;
    out.append(tmpl.substr(i, open - i));
    out += value(tmpl.substr(open + 1, close - open - 1));
    i = close + 1;
  }
  out.append(tmpl.substr(i));
  return out;
}

// A topic title as it reads inside a sentence: "Foster carer allowances" -> "foster carer
// allowances"; acronyms and names keep their capitals ("SGO support", "Ofsted inspections").
std::string InSentence(std::string s) {
  if (s.size() < 2 || !(s[0] >= 'A' && s[0] <= 'Z') || !(s[1] >= 'a' && s[1] <= 'z')) return s;
  if (s.rfind("Ofsted", 0) == 0 || s.rfind("Mockingbird", 0) == 0) return s;
  s[0] = static_cast<char>(s[0] - 'A' + 'a');
  return s;
}

// Initials as notes write them: a capital per word and per hyphenated part; O'Brien gives OB.
std::string InitialsOf(std::string_view name) {
  std::string out;
  bool at_start = true;
  for (size_t i = 0; i < name.size(); ++i) {
    char c = name[i];
    if (c == ' ' || c == '-') {
      at_start = true;
      continue;
    }
    if (at_start && c >= 'A' && c <= 'Z') out += c;
    at_start = false;
    // O'Brien, O’Brien: the letter after the apostrophe starts a part too.
    if (c == '\'') at_start = true;
    if (static_cast<unsigned char>(c) == 0x99 && i >= 2 && name.substr(i - 2, 3) == "’")
      at_start = true;
  }
  return out;
}

std::string WithThousands(int64_t n) {
  std::string digits = std::to_string(n);
  std::string out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

// A sum of money in one of the forms the seeds and cases use.
std::string MoneyPhrase(Rng& r) {
  char buf[96];
  switch (r.Below(18)) {
    case 0:
      std::snprintf(buf, sizeof buf, "£%dph", r.Between(10, 45));
      break;
    case 1:
      std::snprintf(buf, sizeof buf, "£%d per hour", r.Between(10, 60));
      break;
    case 2:
      std::snprintf(buf, sizeof buf, "£%d.50 an hour", r.Between(9, 30));
      break;
    case 3:
      std::snprintf(buf, sizeof buf, "£%d per week", 5 * r.Between(30, 140));
      break;
    case 4:
      std::snprintf(buf, sizeof buf, "£%d a week", 5 * r.Between(30, 140));
      break;
    case 5:
      std::snprintf(buf, sizeof buf, "£%d for the week", 10 * r.Between(10, 40));
      break;
    case 6:
      std::snprintf(buf, sizeof buf, "c.£%dk", 5 * r.Between(4, 80));
      break;
    case 7:
      std::snprintf(buf, sizeof buf, "around £%dk a year", 10 * r.Between(2, 50));
      break;
    case 8:
      std::snprintf(buf, sizeof buf, "£%d.%dm a year", r.Between(1, 9), r.Between(1, 9));
      break;
    case 9:
      std::snprintf(buf, sizeof buf, "£%s per month",
                    WithThousands(50 * r.Between(20, 80)).c_str());
      break;
    case 10:
      std::snprintf(buf, sizeof buf, "GBP %s per month",
                    WithThousands(100 * r.Between(10, 40)).c_str());
      break;
    case 11: {
      int lo = r.Between(150, 300);
      std::snprintf(buf, sizeof buf, "£%d-£%d", lo, lo + r.Between(10, 90));
      break;
    }
    case 12: {
      int lo = 10 * r.Between(15, 40);
      std::snprintf(buf, sizeof buf, "between £%d and £%d a week", lo, lo + 10 * r.Between(2, 15));
      break;
    }
    case 13:
      std::snprintf(buf, sizeof buf, "a flat fee of £%d for being on call", r.Between(20, 60));
      break;
    case 14:
      std::snprintf(buf, sizeof buf, "£%s as a one-off",
                    WithThousands(50 * r.Between(2, 40)).c_str());
      break;
    case 15:
      std::snprintf(buf, sizeof buf, "£%d per session", 5 * r.Between(6, 40));
      break;
    case 16:
      std::snprintf(buf, sizeof buf, "£%d.%02d per week", r.Between(180, 460), r.Between(1, 99));
      break;
    default:
      std::snprintf(buf, sizeof buf, "£%d/hour", r.Between(12, 40));
      break;
  }
  return buf;
}

// A weekly sum, for sentences that compare like with like.
std::string WeeklyMoney(Rng& r) {
  char buf[48];
  if (r.Chance(0.3))
    std::snprintf(buf, sizeof buf, "£%d.%02d per week", r.Between(150, 460), r.Between(1, 99));
  else
    std::snprintf(buf, sizeof buf, r.Chance(0.5) ? "£%d per week" : "£%d a week",
                  5 * r.Between(30, 120));
  return buf;
}

// ------------------------------------------------------------------------------------------------
// The register.

struct La {
  std::string gss;
  std::string name;  // "Bristol" (the register's "Bristol, City of" without its tail)
  std::string region;
  std::vector<std::string> short_forms;    // short names and abbreviations: "West Berks", "AfC"
  std::vector<std::string> council_names;  // "Blackpool Borough Council"
};

struct Region {
  std::string name;      // as in the register: "East of England"
  std::string title;     // as groups write it: "Eastern Region"
  std::string slug;      // "east-of-england"
  std::string support;   // the regional improvement body: "SESLIP"
  std::vector<int> las;  // indices into the LA list
};

std::string RegionTitle(const std::string& region) {
  if (region == "East of England") return "Eastern Region";
  if (region == "Yorkshire and The Humber") return "Yorkshire and Humber";
  return region;
}

std::string RegionSupport(const std::string& region) {
  if (region == "South East") return "SESLIP";
  if (region == "London") return "LIIA";
  return "RIIA";
}

Status LoadRegister(const std::string& dir, std::vector<La>* las, std::vector<Region>* regions) {
  using normalize::internal::CsvTable;
  CsvTable table;
  Status s = normalize::internal::ReadCsvFile(dir + "/la_register.csv", &table);
  if (!s.ok()) return s;
  int code = table.Column("gss_code"), name = table.Column("name"), region = table.Column("region");
  if (code < 0 || name < 0 || region < 0)
    return Status::InvalidArgument(dir +
                                   "/la_register.csv: needs gss_code, name and region columns");
  std::map<std::string, int> by_code;
  for (size_t r = 0; r < table.size(); ++r) {
    if (table.width(r) <= static_cast<size_t>(std::max({code, name, region}))) continue;
    La la;
    la.gss = std::string(table.cell(r, code));
    std::string_view la_name = table.cell(r, name);
    la.name = std::string(la_name.substr(0, la_name.find(',')));
    la.region = std::string(table.cell(r, region));
    by_code[la.gss] = static_cast<int>(las->size());
    las->push_back(std::move(la));
  }
  if (las->empty()) return Status::InvalidArgument(dir + "/la_register.csv: no rows");
  CsvTable aliases;
  if (normalize::internal::FileExists(dir + "/aliases.csv") &&
      normalize::internal::ReadCsvFile(dir + "/aliases.csv", &aliases).ok()) {
    int a_code = aliases.Column("gss_code"), a_alias = aliases.Column("alias"),
        a_kind = aliases.Column("kind");
    if (a_code >= 0 && a_alias >= 0 && a_kind >= 0) {
      for (size_t r = 0; r < aliases.size(); ++r) {
        if (aliases.width(r) <= static_cast<size_t>(std::max({a_code, a_alias, a_kind}))) continue;
        const std::string_view kind = aliases.cell(r, a_kind);
        const std::string alias(aliases.cell(r, a_alias));
        auto it = by_code.find(std::string(aliases.cell(r, a_code)));
        if (it == by_code.end()) continue;
        La& la = (*las)[it->second];
        if (kind == "short_name" || kind == "abbreviation")
          la.short_forms.push_back(alias);
        else if (kind == "council_name")
          la.council_names.push_back(alias);
      }
    }
  }
  std::map<std::string, size_t> region_index;
  for (size_t i = 0; i < las->size(); ++i) {
    const std::string& r = (*las)[i].region;
    auto [it, added] = region_index.emplace(r, regions->size());
    if (added) regions->push_back({r, RegionTitle(r), Slug(r), RegionSupport(r), {}});
    (*regions)[it->second].las.push_back(static_cast<int>(i));
  }
  return Status::OK();
}

// ------------------------------------------------------------------------------------------------
// A note as blocks, and its two renderings.

struct Block {
  enum class Kind { kTitle, kParagraph, kBullet, kNumbered, kTable, kBlank };
  Kind kind = Kind::kParagraph;
  std::string text;
  std::vector<std::vector<std::string>> rows;  // kTable; a cell may hold '\n' (a wrapped cell)
};

struct Note {
  std::vector<Block> blocks;
  // About the bytes of its text rendering (the blocks' text and line ends), kept as blocks are
  // added so a long note can grow to a size without rendering it again and again.
  size_t bytes = 0;
  void Title(std::string t) { Add({Block::Kind::kTitle, std::move(t), {}}); }
  void Para(std::string t) { Add({Block::Kind::kParagraph, std::move(t), {}}); }
  void Bullet(std::string t) { Add({Block::Kind::kBullet, std::move(t), {}}); }
  void Numbered(std::string t) { Add({Block::Kind::kNumbered, std::move(t), {}}); }
  void Blank() { Add({Block::Kind::kBlank, {}, {}}); }
  void Table(std::vector<std::vector<std::string>> rows) {
    Add({Block::Kind::kTable, {}, std::move(rows)});
  }

 private:
  void Add(Block b) {
    bytes += b.text.size() + 1;
    for (const auto& row : b.rows)
      for (const std::string& cell : row) bytes += cell.size() + 2;
    blocks.push_back(std::move(b));
  }
};

// How a text export writes lists and tables.
struct TextLayout {
  const char* bullet = "• ";
  // The seeds' layout: one tab-prefixed line per cell, rows parted by a blank line, a wrapped cell
  // going on in untabbed lines. Otherwise one tab-separated line per row.
  bool cell_per_line = true;
};

std::string RenderText(const Note& note, const TextLayout& layout) {
  std::string out;
  int number = 0;
  for (const Block& b : note.blocks) {
    if (b.kind != Block::Kind::kNumbered) number = 0;
    switch (b.kind) {
      case Block::Kind::kTitle:
      case Block::Kind::kParagraph:
        out += b.text + "\n";
        break;
      case Block::Kind::kBullet:
        out += layout.bullet + b.text + "\n";
        break;
      case Block::Kind::kNumbered:
        out += std::to_string(++number) + ". " + b.text + "\n";
        break;
      case Block::Kind::kBlank:
        out += "\n";
        break;
      case Block::Kind::kTable:
        for (size_t r = 0; r < b.rows.size(); ++r) {
          if (layout.cell_per_line) {
            if (r > 0) out += "\n";
            for (const std::string& cell : b.rows[r]) out += "\t" + cell + "\n";
          } else {
            for (size_t c = 0; c < b.rows[r].size(); ++c) {
              std::string cell = b.rows[r][c];
              std::replace(cell.begin(), cell.end(), '\n', ' ');
              out += (c > 0 ? "\t" : "") + cell;
            }
            out += "\n";
          }
        }
        out += "\n";
        break;
    }
  }
  return out;
}

std::string XmlEscape(std::string_view s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string Run(std::string_view text, bool bold = false) {
  return std::string("<w:r>") + (bold ? "<w:rPr><w:b/></w:rPr>" : "") +
         "<w:t xml:space=\"preserve\">" + XmlEscape(text) + "</w:t></w:r>";
}

// A paragraph; a "Label:" opening short line is a bold run of its own, as Word users write it.
std::string Paragraph(std::string_view text, const char* style, int num_id) {
  std::string p = "<w:p>";
  if (style || num_id) {
    p += "<w:pPr>";
    if (style) p += std::string("<w:pStyle w:val=\"") + style + "\"/>";
    if (num_id)
      p += "<w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"" + std::to_string(num_id) +
           "\"/></w:numPr>";
    p += "</w:pPr>";
  }
  size_t colon = text.find(':');
  if (!style && !num_id && colon != std::string_view::npos && colon < 25) {
    p += Run(text.substr(0, colon + 1), /*bold=*/true) + Run(text.substr(colon + 1));
  } else if (!text.empty()) {
    p += Run(text);
  }
  return p + "</w:p>";
}

std::string DocumentXml(const Note& note) {
  std::string body;
  for (const Block& b : note.blocks) {
    switch (b.kind) {
      case Block::Kind::kTitle:
        body += Paragraph(b.text, "Title", 0);
        break;
      case Block::Kind::kParagraph:
        body += Paragraph(b.text, nullptr, 0);
        break;
      case Block::Kind::kBullet:
        body += Paragraph(b.text, nullptr, 1);
        break;
      case Block::Kind::kNumbered:
        body += Paragraph(b.text, nullptr, 2);
        break;
      case Block::Kind::kBlank:
        body += "<w:p/>";
        break;
      case Block::Kind::kTable: {
        size_t columns = b.rows.empty() ? 0 : b.rows[0].size();
        body +=
            "<w:tbl><w:tblPr><w:tblStyle w:val=\"TableGrid\"/><w:tblW w:w=\"0\" "
            "w:type=\"auto\"/></w:tblPr><w:tblGrid>";
        for (size_t c = 0; c < columns; ++c) body += "<w:gridCol w:w=\"1800\"/>";
        body += "</w:tblGrid>";
        for (const auto& row : b.rows) {
          body += "<w:tr>";
          for (const std::string& cell : row) {
            body += "<w:tc><w:tcPr><w:tcW w:w=\"1800\" w:type=\"dxa\"/></w:tcPr>";
            // A wrapped cell is one paragraph per line.
            size_t start = 0;
            while (true) {
              size_t nl = cell.find('\n', start);
              body += Paragraph(std::string_view(cell).substr(start, nl - start), nullptr, 0);
              if (nl == std::string::npos) break;
              start = nl + 1;
            }
            body += "</w:tc>";
          }
          body += "</w:tr>";
        }
        body += "</w:tbl><w:p/>";
        break;
      }
    }
  }
  return "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
         "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" "
         "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
         "<w:body>" +
         body + "<w:sectPr><w:pgSz w:w=\"11906\" w:h=\"16838\"/></w:sectPr></w:body></w:document>";
}

// A zip of `entries`, deflated, every entry stamped with one fixed time so the bytes depend only
// on the content.
Status Zip(const std::vector<std::pair<std::string, std::string>>& entries, std::string* out) {
  try {
    std::ostringstream stream;
    Poco::Zip::Compress zip(stream, /*seekableOut=*/true);
    for (const auto& [name, content] : entries) {
      std::istringstream in(content);
      zip.addFile(in, Poco::DateTime(2026, 1, 1, 12), name, Poco::Zip::ZipCommon::CM_DEFLATE,
                  Poco::Zip::ZipCommon::CL_NORMAL);
    }
    zip.close();
    *out = stream.str();
    return Status::OK();
  } catch (const Poco::Exception& e) {
    return Status::IoError("cannot build zip: " + e.displayText());
  }
}

Status RenderDocx(const Note& note, std::string* out) {
  static const char kContentTypes[] =
      "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
      "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
      "<Default Extension=\"rels\" "
      "ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
      "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
      "<Override PartName=\"/word/document.xml\" "
      "ContentType=\"application/"
      "vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
      "<Override PartName=\"/word/styles.xml\" "
      "ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml\"/>"
      "<Override PartName=\"/word/numbering.xml\" "
      "ContentType=\"application/"
      "vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml\"/>"
      "</Types>";
  static const char kRels[] =
      "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
      "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
      "<Relationship Id=\"rId1\" "
      "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" "
      "Target=\"word/document.xml\"/></Relationships>";
  static const char kDocumentRels[] =
      "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
      "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
      "<Relationship Id=\"rId1\" "
      "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" "
      "Target=\"styles.xml\"/>"
      "<Relationship Id=\"rId2\" "
      "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering\" "
      "Target=\"numbering.xml\"/></Relationships>";
  static const char kStyles[] =
      "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
      "<w:styles xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
      "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name "
      "w:val=\"Normal\"/></w:style>"
      "<w:style w:type=\"paragraph\" w:styleId=\"Title\"><w:name w:val=\"Title\"/></w:style>"
      "<w:style w:type=\"table\" w:styleId=\"TableGrid\"><w:name w:val=\"Table Grid\"/></w:style>"
      "</w:styles>";
  // numId 1: bullets; numId 2: 1., 2., 3.
  static const char kNumbering[] =
      "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
      "<w:numbering xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
      "<w:abstractNum w:abstractNumId=\"0\"><w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/>"
      "<w:numFmt w:val=\"bullet\"/><w:lvlText w:val=\"•\"/></w:lvl></w:abstractNum>"
      "<w:abstractNum w:abstractNumId=\"1\"><w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/>"
      "<w:numFmt w:val=\"decimal\"/><w:lvlText w:val=\"%1.\"/></w:lvl></w:abstractNum>"
      "<w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num>"
      "<w:num w:numId=\"2\"><w:abstractNumId w:val=\"1\"/></w:num></w:numbering>";
  return Zip({{"[Content_Types].xml", kContentTypes},
              {"_rels/.rels", kRels},
              {"word/document.xml", DocumentXml(note)},
              {"word/_rels/document.xml.rels", kDocumentRels},
              {"word/styles.xml", kStyles},
              {"word/numbering.xml", kNumbering}},
             out);
}

// UTF-8 -> Windows-1252. False (and *out unspecified) if a character has no byte there.
bool ToWindows1252(std::string_view utf8, std::string* out) {
  static const std::pair<uint32_t, unsigned char> kExtra[] = {
      {0x20AC, 0x80}, {0x201A, 0x82}, {0x201E, 0x84}, {0x2026, 0x85},
      {0x2018, 0x91}, {0x2019, 0x92}, {0x201C, 0x93}, {0x201D, 0x94},
      {0x2022, 0x95}, {0x2013, 0x96}, {0x2014, 0x97}};
  out->clear();
  for (size_t i = 0; i < utf8.size();) {
    unsigned char c = utf8[i];
    uint32_t cp;
    size_t len;
    if (c < 0x80) {
      cp = c;
      len = 1;
    } else if ((c & 0xE0) == 0xC0 && i + 1 < utf8.size()) {
      cp = ((c & 0x1F) << 6) | (utf8[i + 1] & 0x3F);
      len = 2;
    } else if ((c & 0xF0) == 0xE0 && i + 2 < utf8.size()) {
      cp = ((c & 0x0F) << 12) | ((utf8[i + 1] & 0x3F) << 6) | (utf8[i + 2] & 0x3F);
      len = 3;
    } else {
      return false;
    }
    i += len;
    if (cp < 0x80 || (cp >= 0xA0 && cp <= 0xFF)) {
      *out += static_cast<char>(cp);
      continue;
    }
    bool found = false;
    for (const auto& [from, to] : kExtra)
      if (from == cp) {
        *out += static_cast<char>(to);
        found = true;
      }
    if (!found) return false;
  }
  return true;
}

// The bytes of a text export: mostly UTF-8, sometimes with a BOM or in Windows-1252, sometimes
// with CRLF line ends, as different machines save them.
std::string EncodeText(const std::string& utf8, Rng& r) {
  std::string text = utf8;
  if (r.Chance(0.25)) {
    std::string crlf;
    for (char c : text) {
      if (c == '\n') crlf += '\r';
      crlf += c;
    }
    text.swap(crlf);
  }
  double pick = r.Unit();
  std::string cp1252;
  if (pick < 0.10 && ToWindows1252(text, &cp1252)) return cp1252;
  if (pick >= 0.10 && pick < 0.15) return "\xEF\xBB\xBF" + text;
  return text;
}

// ------------------------------------------------------------------------------------------------
// Series: a group's meetings.

struct Person {
  std::string name;      // "Kelly Wilkes"
  std::string initials;  // "KW"
  int la = -1;           // index into the LA list; -1 for another body
  std::string body;      // when la < 0: "SESLIP support", "DfE"
  std::string role;      // "DCS", "support", "presenter" or ""
  double attendance = 0.75;
};

enum class LogStatus { kOpen, kOngoing, kComplete, kClosed, kNoLongerRelevant };

struct LogEntry {
  std::string ref;
  std::string text;
  std::string owners;
  std::string issued;
  std::string due;
  LogStatus status = LogStatus::kOpen;
};

// A series' habits, drawn once: groups keep their template.
struct Habits {
  int title = 0;       // 0..6: the forms in SeriesWriter::WriteHeader
  int date_line = 0;   // 0..4: likewise ("Date:  7 July 2025 10-11.30", ...)
  int time_style = 0;  // see FormatTime
  bool next_meetings = true;
  int next_style = 0;  // 0 seed list, 1 "Thursday 7 May 2026, 2-4pm", 2 "... at 10am"
  int chair = 0;       // 0 "Name DCS LA", 1 "Name (LA)", 2 "Name, LA"
  int attendance = 0;  // 0 commas, 1 semicolons, 2 bullets, 3 table
  const char* present_label = "Attendees";
  int apologies = 0;    // 0 "Apologies: ...", 1 "Apologies were received from ..."
  int items = 0;        // 0 "Item N: T", 1 "Item N – T", 2 numbered list, 3 "N. T" paragraph
  int speaker = 0;      // the speaker's LA leads a paragraph ("Kent: MC said"): 0 always, 1 never,
                        // 2 half the time
  int log_columns = 0;  // kLogHeaders
  bool newest_first = true;
  int log_window = 20;
  int status_words = 0;    // 0 plain, 1 RAG, 2 "In progress"/"Done"
  int issued_style = 0;    // 0 "July 2025", 1 "Jul 2025" ("Sept"), 2 "Jul-25"
  std::string ref_prefix;  // "" or "A"
  int next_ref = 1;
  int weekday = 1;  // the day it meets: 0 Monday .. 4 Friday
  int nth = 2;      // which of the month's weekdays
  int start_minutes = 600;
  int length_minutes = 90;
  TextLayout layout;
};

const char* const kLogHeaders[][6] = {
    {"", "Action", "Responsible", "Date issued", "Status", nullptr},
    {"Ref", "Action", "Owner", "Due", "RAG", nullptr},
    {"No.", "Action", "Lead", "Target date", "Status", nullptr},
    {"Ref", "Action", "Responsible", "Date raised", "Due", "Status"},
    {"Action", "By whom", "Due date", "Status", nullptr, nullptr},
};

std::string Hour12(int minutes, bool suffix, char sep) {
  int h = minutes / 60, m = minutes % 60;
  if (suffix && h == 12 && m == 0) return "12noon";
  int h12 = h % 12 == 0 ? 12 : h % 12;
  std::string out = std::to_string(h12);
  if (m) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "%c%02d", sep, m);
    out += buf;
  }
  if (suffix) out += h < 12 ? "am" : "pm";
  return out;
}

// A time range as notes write it: 0 "10-11.30", "2-3.30"; 1 "1.30pm – 3pm"; 2 "9:30 to 11:00";
// 3 "14:00-15:30".
std::string FormatTime(int style, int start, int end) {
  char buf[32];
  switch (style) {
    case 0:
      return Hour12(start, false, '.') + "-" + Hour12(end, false, '.');
    case 1:
      return Hour12(start, true, '.') + (start % 60 ? " – " : "-") + Hour12(end, true, '.');
    case 2:
      std::snprintf(buf, sizeof buf, "%d:%02d to %d:%02d", start / 60, start % 60, end / 60,
                    end % 60);
      return buf;
    default:
      std::snprintf(buf, sizeof buf, "%02d:%02d-%02d:%02d", start / 60, start % 60, end / 60,
                    end % 60);
      return buf;
  }
}

// Sentences of discussion. {S} the speaker's initials, {O} another attendee's, {LA} the speaker's
// LA as written, {LA2} another member LA, {M} a fresh sum of money, {W} a weekly one, {T} the
// item's topic, {C} who the group's work is for, {N} a small number, {P} a practice, {Q} a
// question, {R} a reflection.
const char* const kSentences[] = {
    "{S} said they {P}. They pay {M}.",
    "{S} said in {LA} they {P}; the cost is {M}.",
    "{S} noted that {LA} and {LA2} share an arrangement costing {M}.",
    "{S} asked whether anyone {Q}?",
    "{O} said {LA2} has a similar approach and pays {M}.",
    "{S} reflected that {R}.",
    "{S} presented an update on {T}. The budget is {M}.",
    "{S} said {LA} is reviewing its offer to {C} and will share the learning.",
    "Query from {S}: does anyone have a policy on {T}? {O} said yes and will share it.",
    "{S} said the group should come back to {T} at the next meeting.",
    "{S} said they {P}.",
    "{S} said {LA} pays {M} and {LA2} pays {M}.",
    "{S} and {O} agreed to take this forward outside the meeting.",
    "The group discussed {T}. {S} said there is high variability across the region, from {W} to "
    "{W}.",
    "{S} said that {C} in {LA} are paid {M}, which has helped with retention.",
    "{S} said {R}; {O} agreed.",
    "{S} said they {P}. We have had this approach for {N} years and feedback has been positive.",
    "{O} asked if {LA} had considered a regional approach. {S} said it was being explored.",
};

// Sentences that carry no figure or initials: the bulk of real discussion.
const char* const kFillers[] = {
    "This approach has worked effectively for many years.",
    "There are also emergency beds which are available.",
    "They would love to do something more robust and are keen to hear from others.",
    "Feedback has always been positive.",
    "It has felt quite difficult this year.",
    "Organisationally it is better to be overseen by a small number of people.",
    "Staff provide phone support and advice out of hours.",
    "Numbers have gone up since the last meeting.",
    "The offer will be reviewed in the spring.",
    "This will be picked up at the next regional meeting.",
    "The group agreed this was a priority for the region.",
    "Communication between LAs has improved but there is more to do.",
    "A dashboard is being sent out imminently which will bring all of the data together.",
    "There is a risk that we extend and extend if we do not hold to this.",
    "We give them an updated list of carers weekly.",
    "The group were more interested in developing something new.",
};

const char* const kPractices[] = {
    "have a dedicated team of {N} covering evenings and weekends",
    "run an advice line for {C} out of hours",
    "don't have a policy for this yet but are keen to hear from others",
    "use hub carers in constellations to provide advice and support",
    "have recently reviewed the offer and will share it with the group",
    "operate a rota for about a week at a time",
    "pay a retainer to emergency carers",
    "commission this from an external provider",
    "are piloting a new approach with {N} households",
    "have a hard end of {N} days and rarely extend",
    "have a written protocol that is reviewed every year",
    "share the arrangement with a neighbouring LA",
};

const char* const kQuestions[] = {
    "has a process for notifiable events", "pays differently for emergency placements",
    "has used the DfE funding for {T}",    "shares {T} with a neighbouring LA",
    "has a written policy on {T}",         "lets {C} deliver the out of hours support",
    "has data on {T} they could share",
};

const char* const kReflections[] = {
    "you need someone to coordinate the rotas",
    "this has been difficult given sufficiency issues",
    "there is limited buy-in from others",
    "demand is higher than last year",
    "it would help to have a regional approach to {T}",
    "feedback from {C} has been positive",
    "recruitment remains the main pressure",
};

// Actions. {S} and {O} the owners' initials.
const char* const kActionTasks[] = {
    "{S} to share the {LA} policy on {T} with the group",
    "{S} to circulate the paper on {T} before the next meeting",
    "{S} and {O} to meet to agree a consistent approach to {T}",
    "{S} to write to DfE about {T}",
    "LAs to send their figures on {T} to {S} to collate",
    "{S} to report back on {T} at the next meeting",
    "{S} to convene a task and finish group on {T}",
    "{S} to add {T} to the agenda for the next meeting",
    "{S} to find out what {LA2} pays for {T} and report back",
};

const char* const kGuestBodies[] = {"DfE",   "Ofsted",       "CAMHS", "Data to Insight",
                                    "Coram", "Home for Good"};

// ------------------------------------------------------------------------------------------------
// The plan: which series and letters a corpus holds.

struct SeriesPlan {
  int region = 0;
  const GroupType* type = nullptr;
  std::string group;  // "South East Fostering Leads"
  std::string slug;
  int meetings = 0;
  int cadence = 1;      // months between meetings
  int first_month = 0;  // MonthIndex of the first meeting
};

struct LetterPlan {
  int region = 0;
  int index = 0;
};

// The register as the generator uses it. Constant after LoadRegister.
struct World {
  std::vector<La> las;
  std::vector<Region> regions;

  // An LA as a note-taker writes it: mostly the register's name, else a short form or a name with
  // a lower-case word ("brighton and Hove", "West berks").
  std::string LaWritten(int la, Rng& r) const;
  // A person's organisation as written; `council_form` allows "Blackpool Borough Council".
  std::string OrgWritten(const Person& p, Rng& r, bool council_form) const;
  // Someone new from LA `la` (-1: from another body; the caller names it).
  Person NewPerson(int la, Rng& r) const;
};

std::string World::LaWritten(int la_index, Rng& r) const {
  const La& la = las[la_index];
  double pick = r.Unit();
  if (pick < 0.18 && !la.short_forms.empty()) return la.short_forms[r.Below(la.short_forms.size())];
  if (pick < 0.23) {
    std::string s = la.name;
    size_t space = s.rfind(' ');
    if (space != std::string::npos && space + 1 < s.size() && s[space + 1] >= 'A' &&
        s[space + 1] <= 'Z')
      s[space + 1] = static_cast<char>(s[space + 1] - 'A' + 'a');
    return s;
  }
  return la.name;
}

std::string World::OrgWritten(const Person& p, Rng& r, bool council_form) const {
  if (p.la < 0) return p.body;
  const La& la = las[p.la];
  if (council_form && !la.council_names.empty() && r.Chance(0.6))
    return la.council_names[r.Below(la.council_names.size())];
  return LaWritten(p.la, r);
}

Person World::NewPerson(int la, Rng& r) const {
  Person p;
  p.name = std::string(r.Pick(kFirstNames)) + " " + r.Pick(kLastNames);
  if (r.Chance(0.03)) p.name += std::string(" ") + r.Pick(kLastNames);  // two surnames
  p.initials = InitialsOf(p.name);
  p.la = la;
  p.attendance = 0.55 + 0.4 * r.Unit();
  return p;
}

// ------------------------------------------------------------------------------------------------
// One series, written meeting by meeting.

// Writes the notes of one series in date order. What carries from one meeting to the next (the
// members, the action log) lives here; each meeting draws from a stream of its own, so a
// meeting's words do not shift when an earlier one changes length.
class SeriesWriter {
 public:
  // Draws the series' habits and members from its own stream (the seed and `index`).
  SeriesWriter(const World& world, const CorpusOptions& options, const SeriesPlan& plan,
               size_t index);

  // Writes meeting k into *out. Meetings must be written in order, k = 0, 1, ...: each moves the
  // members and the log on. With `bad`, *out is that bad file in place of the notes (the meeting
  // still happens, so later meetings are the same either way).
  Status Meeting(int k, const FileKind* bad, GeneratedFile* out);

 private:
  // The meeting being written: reset by Meeting(), filled by the steps below in this order.
  struct Draft {
    int month_index = 0;
    Date date;
    std::string time, month_year, day_month_year;
    std::vector<const Person*> present, apologies, speakers;
    bool chair_away = false;
    Person guest, deputy;  // present when listed in `present`
    std::string deputy_for;
    Note note;
    std::vector<LogEntry> new_actions;
  };

  void DrawHabits(Rng& r);
  void MoveMembersOn();
  void TakeAttendance();
  void WriteHeader(int k);
  void WriteAttendance();
  void WriteItems();
  void WriteItem(int number, const std::string& topic);
  void WriteHeading(int number, const std::string& title);
  void AdvanceLog();
  void WriteLog();
  Status Package(const FileKind* bad, GeneratedFile* out);

  // Another member LA than `not_la`, another speaker than `not_p`, when there is one.
  std::string OtherLa(int not_la);
  const Person* OtherSpeaker(const Person* not_p);

  // Constant after construction.
  const World& world_;
  const CorpusOptions& options_;
  const SeriesPlan& plan_;
  const Region& region_;
  const GroupType& type_;
  const size_t index_;
  Habits h_;
  std::vector<int> member_las_;
  Person support_;
  size_t chair_ = 0;        // index into members_
  bool docx_bias_ = false;  // some groups use Word more than others

  // Carried from meeting to meeting.
  std::vector<Person> members_;
  std::vector<LogEntry> log_;

  // The current meeting.
  Rng mr_{0};
  Draft m_;
};

SeriesWriter::SeriesWriter(const World& world, const CorpusOptions& options, const SeriesPlan& plan,
                           size_t index)
    : world_(world),
      options_(options),
      plan_(plan),
      region_(world.regions[plan.region]),
      type_(*plan.type),
      index_(index) {
  Rng r(Rng::Derive(options.seed, 1000 + index));
  DrawHabits(r);
  // Members: people of 5 to 14 LAs of the region (now and then one from outside it), a support
  // officer of the regional body, and a chair.
  std::vector<int> pool = region_.las;
  int n = std::min<int>(static_cast<int>(pool.size()), r.Between(5, 14));
  for (int i = 0; i < n; ++i) {
    size_t k = i + r.Below(pool.size() - i);
    std::swap(pool[i], pool[k]);
    member_las_.push_back(pool[i]);
  }
  if (r.Chance(0.3)) member_las_.push_back(static_cast<int>(r.Below(world_.las.size())));
  for (int la : member_las_) {
    int people = r.Chance(0.3) ? 2 : 1;
    for (int k = 0; k < people; ++k) members_.push_back(world_.NewPerson(la, r));
  }
  support_ = world_.NewPerson(-1, r);
  support_.body = region_.support + " support";
  support_.role = "support";
  chair_ = r.Below(members_.size());
  if (h_.chair == 0) members_[chair_].role = "DCS";
  docx_bias_ = r.Chance(0.5);
}

void SeriesWriter::DrawHabits(Rng& r) {
  h_.title = r.Between(0, 6);
  h_.date_line = r.Between(0, 4);
  h_.time_style = r.Between(0, 3);
  h_.next_meetings = r.Chance(0.6);
  h_.next_style = r.Between(0, 2);
  h_.chair = r.Between(0, 2);
  h_.attendance = r.Between(0, 3);
  static const char* const kPresentLabels[] = {"Attendees", "Present", "In attendance",
                                               "Attendance"};
  h_.present_label = r.Pick(kPresentLabels);
  h_.apologies = r.Chance(0.3) ? 1 : 0;
  h_.items = r.Between(0, 3);
  h_.speaker = r.Between(0, 2);
  h_.log_columns = r.Below(10) < 8 ? r.Between(0, 3) : 4;
  h_.newest_first = r.Chance(0.6);
  h_.log_window = r.Between(8, 24);
  h_.status_words = r.Between(0, 2);
  h_.issued_style = r.Between(0, 2);
  h_.ref_prefix = r.Chance(0.2) ? "A" : "";
  h_.next_ref = r.Between(1, 40);
  h_.weekday = r.Between(0, 4);
  h_.nth = r.Between(1, 4);
  static const int kStarts[] = {540, 570, 600, 600, 630, 780, 810, 840};
  static const int kLengths[] = {60, 90, 90, 120};
  h_.start_minutes = r.Pick(kStarts);
  h_.length_minutes = r.Pick(kLengths);
  h_.layout.cell_per_line = r.Chance(0.5);
  static const char* const kBullets[] = {"• ", "• ", "- ", "·\t"};
  h_.layout.bullet = r.Pick(kBullets);
}

Status SeriesWriter::Meeting(int k, const FileKind* bad, GeneratedFile* out) {
  mr_ = Rng(Rng::Derive(options_.seed, (static_cast<uint64_t>(index_) << 20) + 1000000 + k));
  m_ = Draft();
  m_.month_index = plan_.first_month + k * plan_.cadence;
  m_.date = {m_.month_index / 12, m_.month_index % 12 + 1, 1};
  m_.date.d = NthWeekday(m_.date.y, m_.date.m, h_.weekday, h_.nth);
  m_.time = FormatTime(h_.time_style, h_.start_minutes, h_.start_minutes + h_.length_minutes);
  m_.month_year = std::string(kMonths[m_.date.m - 1]) + " " + std::to_string(m_.date.y);
  m_.day_month_year = std::to_string(m_.date.d) + " " + m_.month_year;

  MoveMembersOn();
  TakeAttendance();
  WriteHeader(k);
  WriteAttendance();
  WriteItems();
  AdvanceLog();
  WriteLog();
  return Package(bad, out);
}

void SeriesWriter::MoveMembersOn() {
  // People move on; their successor comes from the same LA.
  for (size_t i = 0; i < members_.size(); ++i)
    if (i != chair_ && mr_.Chance(0.03)) members_[i] = world_.NewPerson(members_[i].la, mr_);
  if (mr_.Chance(0.01)) {
    members_[chair_] = world_.NewPerson(members_[chair_].la, mr_);
    if (h_.chair == 0) members_[chair_].role = "DCS";
  }
}

void SeriesWriter::TakeAttendance() {
  std::vector<const Person*>& present = m_.present;
  std::vector<const Person*>& apologies = m_.apologies;
  m_.chair_away = mr_.Chance(0.05);
  if (mr_.Chance(0.9)) present.push_back(&support_);
  for (size_t i = 0; i < members_.size(); ++i) {
    if (i == chair_) continue;
    double u = mr_.Unit();
    if (u < members_[i].attendance)
      present.push_back(&members_[i]);
    else if (u < members_[i].attendance + 0.6 * (1 - members_[i].attendance))
      apologies.push_back(&members_[i]);
  }
  while (present.size() < 4) {
    const Person* p = &members_[mr_.Below(members_.size())];
    if (std::find(present.begin(), present.end(), p) == present.end() && p != &members_[chair_]) {
      apologies.erase(std::remove(apologies.begin(), apologies.end(), p), apologies.end());
      present.push_back(p);
    }
    if (members_.size() <= 4) break;
  }
  if (mr_.Chance(0.15)) {
    m_.guest = world_.NewPerson(-1, mr_);
    m_.guest.body = mr_.Pick(kGuestBodies);
    m_.guest.role = "presenter";
    present.push_back(&m_.guest);
  }
  if (!apologies.empty() && mr_.Chance(0.06)) {
    const Person* away = apologies[mr_.Below(apologies.size())];
    if (away->la >= 0) {
      m_.deputy = world_.NewPerson(away->la, mr_);
      m_.deputy_for = away->name;
      present.push_back(&m_.deputy);
    }
  }
  if (m_.chair_away) apologies.push_back(&members_[chair_]);
  // Speakers: those present, the chair too.
  m_.speakers = present;
  if (!m_.chair_away) m_.speakers.push_back(&members_[chair_]);
}

std::string SeriesWriter::OtherLa(int not_la) {
  int la = member_las_[mr_.Below(member_las_.size())];
  for (int tries = 0; la == not_la && tries < 8; ++tries)
    la = member_las_[mr_.Below(member_las_.size())];
  return world_.LaWritten(la, mr_);
}

const Person* SeriesWriter::OtherSpeaker(const Person* not_p) {
  const Person* p = m_.speakers[mr_.Below(m_.speakers.size())];
  for (int tries = 0; p == not_p && tries < 8; ++tries)
    p = m_.speakers[mr_.Below(m_.speakers.size())];
  return p;
}

// Title, date line, next meetings and chair.
void SeriesWriter::WriteHeader(int k) {
  Note& note = m_.note;
  const Date& date = m_.date;
  const std::string& group = plan_.group;
  const std::string title_date =
      h_.title == 0 || h_.title == 5 || h_.title == 6 ? m_.month_year : m_.day_month_year;
  switch (h_.title) {
    case 0:
      note.Title(group + " meeting notes and action log " + title_date);
      break;
    case 1:
      note.Title(group + " – Minutes, " + title_date);
      break;
    case 2:
      note.Title(group + " — Action notes, " + title_date);
      break;
    case 3:  // the date comes in the next line, with no "Date:" label
      note.Title(group);
      break;
    case 4:
      note.Title(group + " – " + title_date);
      break;
    case 5:
      note.Title("Minutes: " + group + ", " + title_date);
      break;
    default:
      note.Title(group + " " + title_date);
      break;
  }
  if (h_.title != 3 && mr_.Chance(0.7)) note.Blank();
  const std::string weekday = kWeekdays[date.weekday()];
  if (h_.title == 3) {
    note.Para("Minutes of the meeting held on " + weekday + " " + m_.day_month_year + ", " +
              m_.time);
  } else {
    switch (h_.date_line) {
      case 0:
        note.Para("Date:  " + m_.day_month_year + " " + m_.time);
        break;
      case 1:  // no year: the title gives it
        note.Para("Date:  " + weekday + " " + Ordinal(date.d) + " " + kMonths[date.m - 1] + " " +
                  m_.time);
        break;
      case 2:
        note.Para("Date: " + weekday + " " + m_.day_month_year + ", " + m_.time);
        break;
      case 3:
        note.Para("Date: " + weekday + " " + m_.day_month_year + " " + m_.time);
        break;
      default:
        note.Para("Date and time: " + m_.day_month_year + ", " + m_.time);
        break;
    }
  }
  // Next meetings: the series' next one to three dates.
  if (h_.next_meetings && k + 1 < plan_.meetings) {
    int n = std::min(plan_.meetings - k - 1, mr_.Between(1, 3));
    std::vector<std::string> dates;
    for (int j = 1; j <= n; ++j) {
      int mi = m_.month_index + j * plan_.cadence;
      Date d{mi / 12, mi % 12 + 1, 1};
      d.d = NthWeekday(d.y, d.m, h_.weekday, h_.nth);
      int wd = d.weekday();
      if (mr_.Chance(0.01)) wd = (wd + 1) % 7;  // a slip the extractor reports
      const std::string day = std::string(kWeekdays[wd]) + " ";
      if (h_.next_style == 0)
        dates.push_back(day + kMonths[d.m - 1] + " " + std::to_string(d.d) + " " + m_.time);
      else if (h_.next_style == 1)
        dates.push_back(day + std::to_string(d.d) + " " + kMonths[d.m - 1] + " " +
                        std::to_string(d.y) + ", " + m_.time);
      else
        dates.push_back(day + std::to_string(d.d) + " " + kMonths[d.m - 1] + " " +
                        std::to_string(d.y) + " at " + Hour12(h_.start_minutes, true, '.'));
    }
    if (h_.next_style == 0) {
      std::string line = n > 1 ? "Next meeting dates: " : "Next meeting: ";
      for (size_t j = 0; j < dates.size(); ++j)
        line += (j == 0 ? "" : j + 1 == dates.size() ? " and " : ", ") + dates[j];
      note.Para(line);
    } else {
      note.Para("Next meeting: " + dates[0]);
    }
  }
  const Person& chair = members_[chair_];
  std::string line = "Chair: " + chair.name;
  const std::string la = world_.LaWritten(chair.la, mr_);
  if (h_.chair == 0)
    line += " DCS " + la;
  else if (h_.chair == 1)
    line += " (" + la + ")";
  else
    line += ", " + la;
  if (m_.chair_away) line += " (apologies)";
  note.Para(line);
}

// Present (commas, semicolons, bullets or a table) and apologies.
void SeriesWriter::WriteAttendance() {
  Note& note = m_.note;
  auto entry = [&](const Person* p, bool parens) {
    std::string org = world_.OrgWritten(*p, mr_, !parens);
    if (p == &m_.deputy) org += " in place of " + m_.deputy_for;
    if (p->role == "presenter") org += " presenter";
    if (!parens) return p->name + (mr_.Chance(0.5) ? ", " : " – ") + org;
    return p->name + " (" + org + ")";
  };
  switch (h_.attendance) {
    case 0:
    case 1: {
      std::string line = std::string(h_.present_label) + ": ";
      for (size_t i = 0; i < m_.present.size(); ++i)
        line += (i ? (h_.attendance == 0 ? ", " : "; ") : "") + entry(m_.present[i], true);
      note.Para(line);
      break;
    }
    case 2:
      note.Para(std::string(h_.present_label) + ":");
      for (const Person* p : m_.present) note.Bullet(entry(p, false));
      break;
    default: {
      // A "Name" column needs the label above the table; a "Present" column is its own label.
      const bool name_column = mr_.Chance(0.5);
      if (name_column) note.Para(h_.present_label);
      std::vector<std::vector<std::string>> rows = {
          {name_column ? "Name" : "Present", "Organisation"}};
      const Person& chair = members_[chair_];
      if (!m_.chair_away) rows.push_back({chair.name, world_.LaWritten(chair.la, mr_)});
      for (const Person* p : m_.present) {
        std::string org = world_.OrgWritten(*p, mr_, true);
        if (p == &m_.deputy) org += " (in place of " + m_.deputy_for + ")";
        rows.push_back({p->name, org});
      }
      note.Table(std::move(rows));
      break;
    }
  }
  if (!m_.apologies.empty()) {
    std::string list;
    for (size_t i = 0; i < m_.apologies.size(); ++i) {
      if (i) list += h_.apologies == 1 && i + 1 == m_.apologies.size() ? " and " : ", ";
      list += m_.apologies[i]->name + " (" + world_.OrgWritten(*m_.apologies[i], mr_, false) + ")";
    }
    if (h_.apologies == 1)
      note.Para("Apologies were received from " + list + ".");
    else
      note.Para("Apologies: " + list);
  } else if (mr_.Chance(0.5)) {
    note.Para("Apologies: none");
  }
  if (mr_.Chance(0.4)) note.Blank();
}

void SeriesWriter::WriteHeading(int number, const std::string& title) {
  switch (h_.items) {
    case 0:
      m_.note.Para("Item " + std::to_string(number) + ": " + title);
      break;
    case 1:
      m_.note.Para("Item " + std::to_string(number) + " – " + title);
      break;
    case 2:
      m_.note.Numbered(title);
      break;
    default:
      m_.note.Para(std::to_string(number) + ". " + title);
      break;
  }
}

// The agenda: an opening item, one to five topics of the group's kind, and sometimes AOB.
void SeriesWriter::WriteItems() {
  static const char* const kOpeners[] = {"Minutes and actions from last meeting agreed.",
                                         "Welcome, introductions and apologies",
                                         "Minutes of the last meeting and matters arising"};
  WriteHeading(1, mr_.Pick(kOpeners));
  std::vector<int> topics = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9};
  const int n_items = mr_.Between(1, 5);
  for (int item = 0; item < n_items; ++item) {
    size_t pick = item + mr_.Below(topics.size() - item);
    std::swap(topics[item], topics[pick]);
    WriteItem(item + 2, type_.topics[topics[item]]);
  }
  // A long note: the agenda goes on, topic after topic, until the text is long enough.
  for (int number = n_items + 2; m_.note.bytes < options_.min_note_bytes; ++number)
    WriteItem(number, type_.topics[mr_.Below(10)]);
  if (mr_.Chance(0.4)) {
    m_.note.Para("AOB");
    const Person* s = m_.speakers[mr_.Below(m_.speakers.size())];
    m_.note.Para(s->initials + " said " +
                 Fill(mr_.Pick(kReflections),
                      [&](std::string_view key) {
                        return key == "T" ? InSentence(type_.topics[mr_.Below(10)])
                                          : std::string(type_.clients);
                      }) +
                 ".");
  }
}

// One topic: paragraphs of discussion, and perhaps an action, which joins the log.
void SeriesWriter::WriteItem(int number, const std::string& topic) {
  WriteHeading(number, topic);
  const std::string topic_lower = InSentence(topic);
  int paragraphs = mr_.Between(2, 8);
  for (int p = 0; p < paragraphs; ++p) {
    const Person* s = m_.speakers[mr_.Below(m_.speakers.size())];
    const Person* o = OtherSpeaker(s);
    std::string la = s->la >= 0 ? world_.LaWritten(s->la, mr_) : OtherLa(-1);
    std::function<std::string(std::string_view)> value = [&](std::string_view key) {
      if (key == "S") return s->initials;
      if (key == "O") return o->initials;
      if (key == "LA") return la;
      if (key == "LA2") return OtherLa(s->la);
      if (key == "M") return MoneyPhrase(mr_);
      if (key == "W") return WeeklyMoney(mr_);
      if (key == "T") return topic_lower;
      if (key == "C") return std::string(type_.clients);
      if (key == "N") return std::to_string(mr_.Between(2, 20));
      if (key == "P") return Fill(mr_.Pick(kPractices), value);
      if (key == "Q") return Fill(mr_.Pick(kQuestions), value);
      if (key == "R") return Fill(mr_.Pick(kReflections), value);
      return std::string(key);
    };
    const size_t first = mr_.Below(std::size(kSentences));
    std::string sentence = Fill(kSentences[first], value);
    // Where the speaker's LA leads the paragraph: "Kent: MC said ...", "Slough ALT said ...".
    bool lead = s->la >= 0 && (h_.speaker == 0 || (h_.speaker == 2 && mr_.Chance(0.5)));
    if (lead && sentence.compare(0, s->initials.size() + 1, s->initials + " ") == 0) {
      static const char* const kLeads[] = {": ", ": ", " – ", " "};
      sentence = la + mr_.Pick(kLeads) + sentence;
    }
    if (mr_.Chance(0.3)) {
      size_t second = mr_.Below(std::size(kSentences) - 1);
      sentence += " " + Fill(kSentences[second >= first ? second + 1 : second], value);
    }
    // Up to three different fillers.
    size_t fillers[std::size(kFillers)];
    for (size_t f = 0; f < std::size(kFillers); ++f) fillers[f] = f;
    for (int f = 0, n = mr_.Between(0, 3); f < n; ++f) {
      std::swap(fillers[f], fillers[f + mr_.Below(std::size(kFillers) - f)]);
      sentence += std::string(" ") + kFillers[fillers[f]];
    }
    m_.note.Para(sentence);
  }
  if (!mr_.Chance(0.55)) return;
  const Person* s = m_.speakers[mr_.Below(m_.speakers.size())];
  const Person* o = OtherSpeaker(s);
  LogEntry e;
  std::string task = mr_.Pick(kActionTasks);
  e.text = Fill(task, [&](std::string_view key) -> std::string {
    if (key == "S") return s->initials;
    if (key == "O") return o->initials;
    if (key == "LA") return s->la >= 0 ? world_.LaWritten(s->la, mr_) : OtherLa(-1);
    if (key == "LA2") return OtherLa(s->la);
    if (key == "T") return topic_lower;
    return std::string(key);
  });
  if (task.find("{O}") != std::string::npos) {
    static const char* const kJoins[] = {" ", ", ", " / ", " and "};
    e.owners = s->initials + mr_.Pick(kJoins) + o->initials;
  } else if (task.rfind("LAs", 0) == 0) {
    e.owners = mr_.Chance(0.5) ? "ALL" : "All";
  } else {
    e.owners = mr_.Chance(0.1) ? s->name : s->initials;
  }
  static const char* const kActionLabels[] = {"Action: ", "Action:  ", "Action – ", "ACTION: "};
  m_.note.Para(mr_.Pick(kActionLabels) + e.text + ".");
  m_.new_actions.push_back(std::move(e));
}

// Last time's actions move on; this meeting's join with the series' next refs.
void SeriesWriter::AdvanceLog() {
  for (LogEntry& e : log_) {
    double u = mr_.Unit();
    if (e.status == LogStatus::kOpen) {
      if (u < 0.30)
        e.status = LogStatus::kComplete;
      else if (u < 0.45)
        e.status = LogStatus::kOngoing;
      else if (u < 0.49)
        e.status = LogStatus::kClosed;
      else if (u < 0.52)
        e.status = LogStatus::kNoLongerRelevant;
    } else if (e.status == LogStatus::kOngoing) {
      if (u < 0.35)
        e.status = LogStatus::kComplete;
      else if (u < 0.40)
        e.status = LogStatus::kClosed;
    }
  }
  const Date& date = m_.date;
  for (LogEntry& e : m_.new_actions) {
    e.ref = h_.ref_prefix + std::to_string(h_.next_ref++);
    switch (h_.issued_style) {
      case 0:
        e.issued = m_.month_year;
        break;
      case 1:
        e.issued = std::string(kShortMonths[date.m - 1]) + " " + std::to_string(date.y);
        break;
      default: {
        char buf[16];
        std::snprintf(buf, sizeof buf, "%.3s-%02d", kMonths[date.m - 1], date.y % 100);
        e.issued = buf;
      }
    }
    int due_month = m_.month_index + plan_.cadence;
    Date due{due_month / 12, due_month % 12 + 1, 1};
    switch (mr_.Below(6)) {
      case 0:
        e.due = "Next meeting";
        break;
      case 1:
      case 2:
        e.due = std::to_string(DaysInMonth(due.y, due.m)) + " " + kMonths[due.m - 1] + " " +
                std::to_string(due.y);
        break;
      default:
        e.due = std::string(kMonths[due.m - 1]) + " " + std::to_string(due.y);
    }
    log_.push_back(std::move(e));
  }
  if (log_.size() > 200) log_.erase(log_.begin(), log_.begin() + (log_.size() - 200));
}

// The log as a table: the latest rows, and every row still open or ongoing however old.
void SeriesWriter::WriteLog() {
  if (log_.empty()) return;
  Note& note = m_.note;
  for (int b = mr_.Between(0, 6); b > 0; --b) note.Blank();
  static const char* const kLogTitles[] = {
      "Action log: updated {D} Shaded lines, actions are complete", "Action log", "Actions",
      "Actions arising", "Action log – {MY}"};
  int updated_month = m_.month_index + 1;
  const std::string updated =
      std::to_string(mr_.Between(1, 28)) + " " + kMonths[(updated_month % 12 + 12) % 12];
  note.Para(Fill(mr_.Pick(kLogTitles), [&](std::string_view key) -> std::string {
    return key == "D" ? updated : m_.month_year;
  }));
  const char* const* header = kLogHeaders[h_.log_columns];
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> head;
  for (int c = 0; c < 6 && header[c]; ++c) head.push_back(header[c]);
  if (!h_.layout.cell_per_line && head[0].empty()) head[0] = "Ref";
  rows.push_back(head);
  size_t recent =
      log_.size() > static_cast<size_t>(h_.log_window) ? log_.size() - h_.log_window : 0;
  auto status_word = [&](LogStatus s) -> std::string {
    static const char* const kPlain[][5] = {
        {"open", "ongoing", "complete", "closed", "No longer relevant"},
        {"Open", "Ongoing", "Complete", "Closed", "No longer relevant"}};
    static const char* const kRag[] = {"Red", "Amber", "Green", "Closed", "Withdrawn"};
    static const char* const kProgress[] = {"Not started", "In progress", "Done", "Closed",
                                            "Cancelled"};
    int i = static_cast<int>(s);
    if (h_.status_words == 1) return kRag[i];
    if (h_.status_words == 2) return kProgress[i];
    return kPlain[mr_.Below(2)][i];
  };
  std::vector<std::vector<std::string>> body;
  for (size_t i = 0; i < log_.size(); ++i) {
    const LogEntry& e = log_[i];
    if (i < recent && e.status != LogStatus::kOpen && e.status != LogStatus::kOngoing) continue;
    std::string text = e.text;
    // Long actions wrap in the seeds' text export; keep one in ten on two lines.
    if (h_.layout.cell_per_line && text.size() > 60 && mr_.Chance(0.1)) {
      size_t space = text.find(' ', 40);
      if (space != std::string::npos) text[space] = '\n';
    }
    std::vector<std::string> row;
    for (const std::string& col : head) {
      if (col.empty() || col == "Ref" || col == "No.")
        row.push_back(e.ref);
      else if (col == "Action")
        row.push_back(text);
      else if (col == "Responsible" || col == "Owner" || col == "Lead" || col == "By whom")
        row.push_back(e.owners);
      else if (col == "Date issued" || col == "Date raised")
        row.push_back(e.issued);
      else if (col == "Due" || col == "Target date" || col == "Due date")
        row.push_back(e.due);
      else
        row.push_back(status_word(e.status));
    }
    body.push_back(std::move(row));
  }
  if (h_.newest_first) std::reverse(body.begin(), body.end());
  rows.insert(rows.end(), body.begin(), body.end());
  note.Table(std::move(rows));
}

// The note as a file: text or DOCX, or the bad file standing in for it.
Status SeriesWriter::Package(const FileKind* bad, GeneratedFile* out) {
  const double docx_p = options_.docx_share >= 1
                            ? 1.0
                            : std::min(1.0, options_.docx_share * (docx_bias_ ? 1.4 : 0.6));
  const bool docx = mr_.Chance(docx_p);
  char stem[64];
  std::snprintf(stem, sizeof stem, "_%04d-%02d", m_.date.y, m_.date.m);
  out->path = region_.slug + "/" + std::to_string(m_.date.y) + "/" + plan_.slug + stem;
  if (bad == nullptr && docx) {
    out->kind = FileKind::kNotesDocx;
    out->path += ".docx";
    return RenderDocx(m_.note, &out->bytes);
  }
  if (bad == nullptr) {
    out->kind = FileKind::kNotesText;
    out->path += ".txt";
    // A long note is plain UTF-8, so notes of different sizes differ in length alone.
    out->bytes = options_.min_note_bytes > 0 ? RenderText(m_.note, h_.layout)
                                             : EncodeText(RenderText(m_.note, h_.layout), mr_);
    return Status::OK();
  }
  out->kind = *bad;
  switch (*bad) {
    case FileKind::kCorruptZip: {
      out->path += ".docx";
      Status s = RenderDocx(m_.note, &out->bytes);
      if (!s.ok()) return s;
      // Cut before the central directory and scramble a stretch of the first entry.
      out->bytes.resize(out->bytes.size() * 3 / 5);
      for (size_t i = 40; i < std::min<size_t>(out->bytes.size(), 120); ++i)
        out->bytes[i] = static_cast<char>(mr_.Below(256));
      return Status::OK();
    }
    case FileKind::kEmpty:
      out->path += ".txt";
      return Status::OK();
    default:
      out->path += ".txt";
      out->bytes.resize(4096 + mr_.Below(60000));
      for (char& c : out->bytes) c = static_cast<char>(mr_.Below(256));
      out->bytes[0] = '\0';  // no text starts with NUL
      return Status::OK();
  }
}

// ------------------------------------------------------------------------------------------------
// Letters: readable files that are not minutes.

Status WriteLetter(const World& world, const CorpusOptions& options, const LetterPlan& plan,
                   GeneratedFile* out) {
  const Region& region = world.regions[plan.region];
  const std::vector<La>& las = world.las;
  Rng r(Rng::Derive(options.seed, 0x1e77e5ULL + plan.index));
  const int la = region.las[r.Below(region.las.size())];
  const Person from = world.NewPerson(la, r);
  const Person to = world.NewPerson(region.las[r.Below(region.las.size())], r);
  const GroupType& type = r.Pick(kGroupTypes);
  const int year = r.Between(2019, 2026);
  const int month = r.Between(1, 12);
  const int day = r.Between(1, DaysInMonth(year, month));
  const std::string council =
      las[la].council_names.empty() ? las[la].name + " Council" : las[la].council_names[0];

  Note note;
  note.Para(council);
  note.Para("Children's Services");
  note.Para(std::to_string(r.Between(1, 120)) + " " + r.Pick(kLastNames) + " Street");
  note.Blank();
  note.Para(std::to_string(day) + " " + kMonths[month - 1] + " " + std::to_string(year));
  note.Blank();
  note.Para("Dear " + to.name + ",");
  note.Blank();
  note.Para("Re: " + std::string(r.Pick(type.topics)) + " " + std::to_string(year) + "/" +
            std::to_string((year + 1) % 100));
  note.Blank();
  note.Para(std::string("Thank you for your letter about the support we offer to ") + type.clients +
            ". From 1 " + "April " + std::to_string(year) + " " + las[la].name + " will pay " +
            MoneyPhrase(r) + ", in line with the regional agreement.");
  note.Para(
      "We will review this with colleagues in the region and write again before the end of "
      "the financial year.");
  note.Blank();
  note.Para("Yours sincerely,");
  note.Blank();
  note.Para(from.name);
  note.Para("Director of Children's Services");

  const bool docx = r.Chance(options.docx_share);
  out->kind = FileKind::kLetter;
  out->path = region.slug + "/" + std::to_string(year) + "/letter-" + std::to_string(plan.index) +
              "_" + Slug(las[la].name) + (docx ? ".docx" : ".txt");
  if (docx) return RenderDocx(note, &out->bytes);
  out->bytes = EncodeText(RenderText(note, TextLayout()), r);
  return Status::OK();
}

}  // namespace

// ------------------------------------------------------------------------------------------------

struct CorpusGenerator::Impl {
  CorpusOptions options;
  World world;
  std::vector<SeriesPlan> series;
  std::vector<LetterPlan> letters;
  // Global meeting number (over the series in order) -> the bad file standing in for its notes.
  std::map<size_t, FileKind> bad;

  // Fills series, letters and bad from the options' count and seed.
  void Plan();
};

void CorpusGenerator::Impl::Plan() {
  const std::vector<La>& las = world.las;
  const std::vector<Region>& regions = world.regions;
  Rng r(Rng::Derive(options.seed, 0));
  const size_t count = options.count;
  size_t n_letters = static_cast<size_t>(static_cast<double>(count) * options.letter_share + 0.5);
  if (count >= 50 && options.letter_share > 0) n_letters = std::max<size_t>(n_letters, 1);
  n_letters = std::min(n_letters, count - 1);
  size_t meetings = count - n_letters;

  // Regions weighted by their number of LAs (London has the most groups, as it has the most LAs).
  size_t total_las = las.size();
  std::map<int, std::set<std::string>> slugs;  // region -> group slugs taken
  size_t remaining = meetings;
  while (remaining > 0) {
    SeriesPlan s;
    uint64_t ticket = r.Below(total_las);
    for (size_t i = 0; i < regions.size(); ++i) {
      if (ticket < regions[i].las.size()) {
        s.region = static_cast<int>(i);
        break;
      }
      ticket -= regions[i].las.size();
    }
    const Region& region = regions[s.region];
    for (int attempt = 0;; ++attempt) {
      s.type = &r.Pick(kGroupTypes);
      std::string form = r.Pick(kGroupForms);
      s.group = Fill(form, [&](std::string_view key) -> std::string {
        return key == "R" ? region.title : s.type->name;
      });
      if (attempt >= 6) s.group += std::string(" (") + r.Pick(kSubAreas) + ")";
      if (attempt >= 12) s.group += " " + std::to_string(attempt);
      s.slug = Slug(s.group);
      if (slugs[s.region].insert(s.slug).second) break;
    }
    int len = r.Between(12, 48);
    if (static_cast<size_t>(len) + 6 > remaining) len = static_cast<int>(remaining);
    s.meetings = len;
    static const int kCadences[] = {1, 1, 1, 2, 2, 3, 3};  // monthly, bimonthly, quarterly
    s.cadence = r.Pick(kCadences);
    // The last meeting falls between mid-2024 and the end of 2026.
    int last = MonthIndex(2024, 6) + r.Between(0, 30);
    s.first_month = last - (len - 1) * s.cadence;
    series.push_back(std::move(s));
    remaining -= len;
  }
  for (size_t i = 0; i < n_letters; ++i) {
    LetterPlan l;
    l.region = static_cast<int>(r.Below(regions.size()));
    l.index = static_cast<int>(i) + 1;
    letters.push_back(l);
  }
  if (options.with_bad && meetings >= 6) {
    size_t each = std::max<size_t>(1, count / 2000);
    const FileKind kinds[] = {FileKind::kCorruptZip, FileKind::kEmpty, FileKind::kBinary};
    for (FileKind kind : kinds) {
      for (size_t k = 0; k < each && bad.size() < meetings / 2; ++k) {
        size_t at;
        do {
          at = r.Below(meetings);
        } while (bad.count(at));
        bad[at] = kind;
      }
    }
  }
}

CorpusGenerator::CorpusGenerator(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
CorpusGenerator::~CorpusGenerator() = default;

Status CorpusGenerator::Create(const CorpusOptions& options,
                               std::unique_ptr<CorpusGenerator>* out) {
  if (options.count == 0) return Status::InvalidArgument("count must be at least 1");
  if (!(options.docx_share >= 0 && options.docx_share <= 1))
    return Status::InvalidArgument("docx share must be between 0 and 1");
  if (!(options.letter_share >= 0 && options.letter_share <= 1))
    return Status::InvalidArgument("letter share must be between 0 and 1");
  auto impl = std::make_unique<Impl>();
  impl->options = options;
  Status s = LoadRegister(options.la_register_dir, &impl->world.las, &impl->world.regions);
  if (!s.ok()) return s;
  impl->Plan();
  out->reset(new CorpusGenerator(std::move(impl)));
  return Status::OK();
}

size_t CorpusGenerator::series_count() const { return impl_->series.size(); }

Status CorpusGenerator::Generate(const std::function<Status(const GeneratedFile&)>& sink) const {
  size_t global = 0;  // meeting number over all series
  for (size_t i = 0; i < impl_->series.size(); ++i) {
    SeriesWriter writer(impl_->world, impl_->options, impl_->series[i], i);
    for (int k = 0; k < impl_->series[i].meetings; ++k, ++global) {
      auto bad = impl_->bad.find(global);
      GeneratedFile file;
      Status s = writer.Meeting(k, bad == impl_->bad.end() ? nullptr : &bad->second, &file);
      if (s.ok()) s = sink(file);
      if (!s.ok()) return s;
    }
  }
  for (const LetterPlan& l : impl_->letters) {
    GeneratedFile file;
    Status s = WriteLetter(impl_->world, impl_->options, l, &file);
    if (s.ok()) s = sink(file);
    if (!s.ok()) return s;
  }
  return Status::OK();
}

Status WriteCorpus(const std::string& dir, const CorpusOptions& options, CorpusStats* stats) {
  namespace fs = std::filesystem;
  std::unique_ptr<CorpusGenerator> gen;
  Status s = CorpusGenerator::Create(options, &gen);
  if (!s.ok()) return s;
  std::error_code ec;
  if (fs::exists(dir, ec) && !fs::is_empty(dir, ec))
    return Status::InvalidArgument(dir + ": not empty (a corpus is written into a new folder)");
  fs::create_directories(dir, ec);
  if (ec) return Status::IoError(dir + ": cannot create: " + ec.message());
  CorpusStats local;
  local.series = gen->series_count();
  std::set<std::string> made;  // folders already created
  s = gen->Generate([&](const GeneratedFile& f) -> Status {
    fs::path path = fs::path(dir) / f.path;
    std::string parent = path.parent_path().string();
    if (made.insert(parent).second) {
      fs::create_directories(parent, ec);
      if (ec) return Status::IoError(parent + ": cannot create: " + ec.message());
    }
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(f.bytes.data(), static_cast<std::streamsize>(f.bytes.size()));
    out.close();
    if (!out) return Status::IoError(path.string() + ": cannot write");
    ++local.files;
    local.bytes += f.bytes.size();
    switch (f.kind) {
      case FileKind::kNotesText:
        ++local.notes_text;
        break;
      case FileKind::kNotesDocx:
        ++local.notes_docx;
        break;
      case FileKind::kLetter:
        ++local.letters;
        break;
      default:
        ++local.bad;
    }
    return Status::OK();
  });
  if (stats) *stats = local;
  return s;
}

}  // namespace minutes::bench
