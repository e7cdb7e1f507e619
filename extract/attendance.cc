// Attendance lists: find the labelled parts of the notes, split them into entries, and split each
// entry into name, organisation, roles and deputising, keeping byte spans throughout.

#include "extract/attendance.h"

#include <re2/re2.h>

#include <algorithm>
#include <cctype>
#include <memory>
#include <optional>

#include "extract/literals.h"
#include "extract/words.h"

namespace minutes {
namespace {

re2::StringPiece Piece(std::string_view s) { return re2::StringPiece(s.data(), s.size()); }

// Trims `s` (a view into the text at `*offset`) and moves `*offset` with the left edge.
std::string_view Trim(std::string_view s, size_t* offset) {
  size_t b = 0;
  while (b < s.size() && (IsSpace(s[b]) || s[b] == ',' || s[b] == ';')) ++b;
  size_t e = s.size();
  while (e > b && (IsSpace(s[e - 1]) || s[e - 1] == ',' || s[e - 1] == ';' || s[e - 1] == '.')) --e;
  *offset += b;
  return s.substr(b, e - b);
}

void AddUnique(std::vector<std::string>* v, const std::string& x) {
  if (std::find(v->begin(), v->end(), x) == v->end()) v->push_back(x);
}

// Role words that can stand beside a name or inside its parentheses. Matched case-sensitively for
// acronyms, insensitively for words.
const char* const kRoleAcronyms[] = {"DCS", "AD", "HoS", "ADCS", "SD", "TM", "ATM", "SSW"};
const char* const kRoleWords[] = {"chair",    "presenter", "support",  "lead",  "manager",
                                  "director", "minutes",   "observer", "guest", "speaker"};

bool IsRoleToken(std::string_view t, std::string* role) {
  for (const char* a : kRoleAcronyms)
    if (t == a) {
      *role = a;
      return true;
    }
  std::string lower = AsciiLower(t);
  for (const char* w : kRoleWords)
    if (lower == w) {
      *role = w;
      return true;
    }
  return false;
}

// Honours written after a name ("Ian Moss JP"): roles, never part of the name.
bool IsHonour(std::string_view w) {
  static const char* const kHonours[] = {"OBE", "MBE", "CBE", "KBE", "DBE", "JP", "DL"};
  for (const char* h : kHonours)
    if (w == h) return true;
  return false;
}

// A title written before a name, and the role it gives ("" for Mr, Mrs, ... which give none).
bool IsTitle(std::string_view w, std::string* role) {
  static const struct {
    const char* word;
    const char* role;
  } kTitles[] = {{"Cllr", "councillor"},
                 {"Cllr.", "councillor"},
                 {"Councillor", "councillor"},
                 {"Mayor", "mayor"},
                 {"Dr", "dr"},
                 {"Dr.", "dr"},
                 {"Prof", "professor"},
                 {"Prof.", "professor"},
                 {"Professor", "professor"},
                 {"Sir", "sir"},
                 {"Dame", "dame"},
                 {"Mr", ""},
                 {"Mr.", ""},
                 {"Mrs", ""},
                 {"Mrs.", ""},
                 {"Ms", ""},
                 {"Ms.", ""},
                 {"Miss", ""},
                 {"Mx", ""}};
  for (const auto& t : kTitles)
    if (w == t.word) {
      *role = t.role;
      return true;
    }
  return false;
}

// The words that say who stands in for whom. Group 1 is the person deputised for. A bare "for X"
// counts only at the start of a qualifier ("(for Kate Lyle)"): inside one it is a role's
// ("Cabinet Member for Finance").
const char kSubstituteWords[] =
    R"((?:in place of|deputi[sz]ing for|on behalf of|covering for|substituting for|substitute for|sub for|rep(?:resenting)? for))";

const RE2& SubstituteInside() {
  static const RE2 re(std::string(R"((?i)(?:^|\s))") + kSubstituteWords + R"(\s+(.+)$)");
  return re;
}

const RE2& SubstituteAtStart() {
  static const RE2 re(std::string(R"((?i)^\s*(?:)") + kSubstituteWords + R"(|for)\s+(.+)$)");
  return re;
}

// Words that make a piece an organisation, whatever else it says.
bool HasOrganisationWord(std::string_view s) {
  static const RE2 re(
      R"(\b(?:Council|Councils|Trust|NHS|ICB|University|College|Police|Association|Society|Agency|Ltd|Limited|CIC|Department|DfE|Ofsted|Partnership|Foundation|Network|Charity|School|Academy|Group|CC|MBC|BC|DC|CBC|RBC|LBC)\b)");
  return RE2::PartialMatch(Piece(s), re);
}

// "Director of Children's Services", "Head of Fostering", "Leader of the Council": a job by its
// first word, whatever organisation it names.
bool StartsAsRole(std::string_view s) {
  static const RE2 head(
      R"(^(?:Director|Head|Leader|Chair|Chairman|Chairperson|Chairwoman|Vice|Deputy|Assistant|Interim|Acting|Cabinet|Portfolio|Chief|Executive|Lead|Strategic|Senior|Principal|Independent|Shadow|Corporate)\b)");
  return RE2::PartialMatch(Piece(s), head);
}

// StartsAsRole, or a job by its last word that names no organisation: "Democratic Services
// Officer", "Independent Chair", or the service someone works in ("Democratic Services"). Not a
// name or an organisation.
bool IsRolePhrase(std::string_view s) {
  if (StartsAsRole(s)) return true;
  static const RE2 tail(
      R"(\b(?:Director|Manager|Officer|Lead|Leader|Chair|Chairman|Chairperson|Member|Adviser|Advisor|Clerk|Secretary|Coordinator|Co-ordinator|Commissioner|Holder|Executive|Consultant|Analyst|Administrator|Representative|Practitioner|Worker|Head|Governor|Trustee|Solicitor|Minister|Treasurer|Auditor|Services)$)");
  return !s.empty() && !HasOrganisationWord(s) && RE2::PartialMatch(Piece(s), tail);
}

// "Chair", "Vice Chair", "in the Chair": the chair's roles, canonical. Empty when not one.
std::string ChairRole(std::string_view s) {
  static const RE2 chair(R"((?i)^(?:in the )?chair(?:man|person|woman)?$)");
  static const RE2 vice(R"((?i)^(?:vice|deputy)[ -]?chair(?:man|person|woman)?$)");
  if (RE2::FullMatch(Piece(s), chair)) return "chair";
  if (RE2::FullMatch(Piece(s), vice)) return "vice chair";
  return "";
}

// Two or more capitalised words, or a title and one: "Ann Bell", "Cllr Marsh". A single word after
// a role is more of the role ("Cabinet Member for Children, Families and Education").
bool LooksLikeFullName(std::string_view s) {
  static const RE2 re(
      R"(^(?:(?:Councillor|Cllr\.?|Mr\.?|Mrs\.?|Ms\.?|Miss|Dr\.?|Professor|Sir|Dame)\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)+$|^(?:Councillor|Cllr\.?|Mr\.?|Mrs\.?|Ms\.?|Miss|Dr\.?|Professor|Sir|Dame)\s+[A-Z][\w'’-]*$)");
  return RE2::FullMatch(Piece(s), re);
}

bool StartsUpperWord(std::string_view w) {
  return !w.empty() && (std::isupper(static_cast<unsigned char>(w[0])) ||
                        static_cast<unsigned char>(w[0]) >= 0x80);
}

struct Token {
  std::string_view text;
  size_t offset;  // absolute
};

std::vector<Token> Words(std::string_view s, size_t offset) {
  std::vector<Token> out;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && IsSpace(s[i])) ++i;
    size_t b = i;
    while (i < s.size() && !IsSpace(s[i])) ++i;
    if (i > b) out.push_back({s.substr(b, i - b), offset + b});
  }
  return out;
}

// Splits `s` at top-level commas and semicolons (not inside parentheses), keeping offsets.
std::vector<std::pair<std::string_view, size_t>> SplitCommas(std::string_view s, size_t offset) {
  std::vector<std::pair<std::string_view, size_t>> out;
  int depth = 0;
  size_t start = 0;
  for (size_t i = 0; i <= s.size(); ++i) {
    if (i < s.size()) {
      if (s[i] == '(') ++depth;
      if (s[i] == ')' && depth > 0) --depth;
      if (depth > 0 || (s[i] != ',' && s[i] != ';')) continue;
    }
    out.push_back({s.substr(start, i - start), offset + start});
    start = i + 1;
  }
  return out;
}

// The name of a person deputised for, without titles: "Councillor Y" is Y.
std::string SubstituteName(std::string_view s, size_t offset) {
  std::string name = ParseEntry(s, offset).name_raw;
  return name.empty() ? std::string(Trim(s, &offset)) : name;
}

// Reads a qualifier — a parenthesis, or what follows a name's separator — into `p`: its pieces
// (at commas) are deputising ("in place of X"), attendance ("apologies"), the chair, roles
// ("Head of Fostering", "DCS") and the organisation (the first piece that is none of those).
void ParseQualifier(std::string_view q, size_t offset, ListedPerson* p,
                    const IsOrganisation& is_organisation) {
  bool after_role = false;
  for (auto [piece, piece_off] : SplitCommas(q, offset)) {
    piece = Trim(piece, &piece_off);
    if (piece.empty()) continue;
    re2::StringPiece sub;
    if (RE2::PartialMatch(Piece(piece), SubstituteAtStart(), &sub)) {
      p->substitute_for_raw = SubstituteName(std::string_view(sub.data(), sub.size()),
                                             sub.data() - piece.data() + piece_off);
      after_role = false;
      continue;
    }
    if (RE2::PartialMatch(Piece(piece), SubstituteInside(), &sub)) {
      size_t sub_rel = sub.data() - piece.data();
      p->substitute_for_raw =
          SubstituteName(std::string_view(sub.data(), sub.size()), piece_off + sub_rel);
      // What stands before "in place of" is read as a piece of its own: "Slough in place of X".
      static const RE2 start(std::string(R"((?i)^\s*)") + kSubstituteWords + R"(\s)");
      size_t cut = sub_rel;
      for (size_t i = 0; i < sub_rel; ++i)
        if (RE2::PartialMatch(Piece(piece.substr(i)), start)) {
          cut = i;
          break;
        }
      piece = Trim(piece.substr(0, cut), &piece_off);
      if (piece.empty()) continue;
    }
    std::string chair = ChairRole(piece);
    if (!chair.empty()) {
      AddUnique(&p->roles, chair);
      after_role = false;
      continue;
    }
    std::string token_role;
    bool single_token = piece.find(' ') == std::string_view::npos;
    if (!(single_token && IsRoleToken(piece, &token_role)) &&
        (StartsAsRole(piece) ||
         (IsRolePhrase(piece) && !(is_organisation && is_organisation(piece))))) {
      p->roles.push_back(std::string(piece));
      after_role = true;
      continue;
    }
    // "Cabinet Member for Children, Families and Education": a piece after a role that is neither
    // an organisation nor a name is more of the role.
    if (after_role && is_organisation && !is_organisation(piece) && !HasOrganisationWord(piece) &&
        !LooksLikeFullName(piece)) {
      p->roles.back() += ", " + std::string(piece);
      continue;
    }
    after_role = false;
    // Attendance words anywhere; role words at either end; the rest is the organisation.
    std::vector<Token> kept;
    for (const Token& w : Words(piece, piece_off)) {
      std::string lower = AsciiLower(w.text);
      if (lower == "apologies" || lower == "(apologies)" || lower == "apols") {
        p->attendance = Attendance::kApologies;
        continue;
      }
      kept.push_back(w);
    }
    std::string role;
    std::vector<std::string> roles;
    while (!kept.empty() && IsRoleToken(kept.back().text, &role)) {
      roles.insert(roles.begin(), role);
      kept.pop_back();
    }
    while (!kept.empty() && IsRoleToken(kept.front().text, &role)) {
      roles.push_back(role);
      kept.erase(kept.begin());
    }
    for (const std::string& r : roles) AddUnique(&p->roles, r);
    if (!kept.empty() && p->organisation_raw.empty()) {
      size_t b = kept.front().offset, e = kept.back().offset + kept.back().text.size();
      p->organisation_raw = std::string(piece.substr(b - piece_off, e - b));
      p->organisation_span = Span{b, e};
    }
  }
}

// ParseQualifier over "Thurrock Council (for Kate Lyle)": the words outside the parentheses and
// each parenthesis on its own.
void ParseWithParentheses(std::string_view s, size_t offset, ListedPerson* p,
                          const IsOrganisation& is_organisation) {
  size_t pos = 0;
  while (pos < s.size()) {
    size_t open = s.find('(', pos);
    size_t stop = open == std::string_view::npos ? s.size() : open;
    if (stop > pos) ParseQualifier(s.substr(pos, stop - pos), offset + pos, p, is_organisation);
    if (open == std::string_view::npos) break;
    size_t close = s.find(')', open);
    if (close == std::string_view::npos) close = s.size();
    ParseQualifier(s.substr(open + 1, close - open - 1), offset + open + 1, p, is_organisation);
    pos = close + 1;
  }
}

}  // namespace

ListedPerson ParseEntry(std::string_view entry, size_t offset,
                        const IsOrganisation& is_organisation) {
  ListedPerson p;
  p.attendance = Attendance::kPresent;
  p.rule = "attendance.entry";
  entry = Trim(entry, &offset);

  // "Name (qualifier)" — possibly several parentheses: "(Slough) (apologies)" — and words after
  // them: "Lucy Hart (Southend) deputising for Mark Denny".
  size_t paren = entry.find('(');
  std::string_view head = entry.substr(0, paren);
  if (paren != std::string_view::npos) {
    size_t pos = paren, end = entry.size();
    while (pos != std::string_view::npos && pos < entry.size()) {
      size_t close = entry.find(')', pos);
      if (close == std::string_view::npos) close = entry.size();
      ParseQualifier(entry.substr(pos + 1, close - pos - 1), offset + pos + 1, &p, is_organisation);
      end = std::min(entry.size(), close + 1);
      pos = entry.find('(', close);
    }
    if (end < entry.size()) ParseQualifier(entry.substr(end), offset + end, &p, is_organisation);
    p.rule = "attendance.paren_org";
  }

  // The head: "Sarah Daly DCS Portsmouth", "Sarah Daly – Portsmouth", "Jo Bright, Director, Kent".
  size_t head_off = offset;
  head = Trim(head, &head_off);
  size_t sep = std::string_view::npos, sep_len = 0;
  for (std::string_view s : {std::string_view(" – "), std::string_view(" - "),
                             std::string_view(" — "), std::string_view(", ")}) {
    size_t f = head.find(s);
    if (f != std::string_view::npos && f < sep) {
      sep = f;
      sep_len = s.size();
    }
  }
  std::vector<Token> words;
  if (sep != std::string_view::npos) {
    words = Words(head.substr(0, sep), head_off);
    ParseQualifier(head.substr(sep + sep_len), head_off + sep + sep_len, &p, is_organisation);
    p.rule = "attendance.separator_org";
  } else {
    words = Words(head, head_off);
    // A role word inside the head ends the name: "Sarah Daly DCS Portsmouth".
    for (size_t i = 1; i < words.size(); ++i) {
      std::string role;
      if (IsRoleToken(words[i].text, &role)) {
        size_t rest = words[i].offset - head_off;
        ParseQualifier(head.substr(rest), words[i].offset, &p, is_organisation);
        words.resize(i);
        p.rule = "attendance.role_org";
        break;
      }
    }
  }
  // Names are capitalised words (lower-case slips such as "Kelly wilkes" allowed after the first),
  // between titles and honours: "Cllr Dr Jane Smith OBE" is Jane Smith, a councillor, a doctor and
  // an OBE. A title that is all there is besides one word stays: "Lord Smith", "Cllr Marsh".
  while (!words.empty() && !StartsUpperWord(words.front().text)) words.erase(words.begin());
  std::vector<std::string> title_roles;
  while (!words.empty() && IsHonour(words.back().text)) {
    title_roles.insert(title_roles.begin(), std::string(words.back().text));
    words.pop_back();
  }
  std::string title_role;
  size_t leading = 0;
  std::vector<std::string> leading_roles;
  while (leading < words.size() && IsTitle(words[leading].text, &title_role)) {
    if (!title_role.empty()) leading_roles.push_back(title_role);
    ++leading;
  }
  if (words.size() - leading >= 2) {
    words.erase(words.begin(), words.begin() + leading);
  }
  for (const std::string& r : leading_roles) AddUnique(&p.roles, r);
  for (const std::string& r : title_roles) AddUnique(&p.roles, r);
  if (!words.empty()) {
    size_t b = words.front().offset, e = words.back().offset + words.back().text.size();
    p.name_span = Span{b, e};
    p.name_raw = std::string(entry.substr(b - offset, e - b));
  }
  return p;
}

void OrderRoles(std::vector<std::string>* roles) {
  auto rank = [](const std::string& r) {
    if (r == "chair" || r == "vice chair") return 0;
    if (r == "member" || r == "officer" || r == "secretariat" || r == "observer" || r == "guest")
      return 1;
    if (r == "councillor" || r == "mayor" || r == "dr" || r == "professor" || r == "sir" ||
        r == "dame" || IsHonour(r))
      return 2;
    return 3;
  };
  std::stable_sort(roles->begin(), roles->end(),
                   [&](const std::string& a, const std::string& b) { return rank(a) < rank(b); });
}

bool IsPageFurniture(std::string_view line) {
  // Furniture is one of these words or has a number in it.
  if (!HasDigit(line) && !MayStartWithAny(line, {"draft", "final", "official", "confidential",
                                                 "restricted", "not protectively marked"}))
    return false;
  static const RE2 re(
      R"((?i)^\s*(?:draft|final|official(?:[- ]sensitive)?|confidential|restricted|not protectively marked|(?:page\s+)?\d+\s+of\s+\d+|page\s+\d+|[-–]?\s*\d+\s*[-–]?)\s*$)");
  return RE2::FullMatch(Piece(line), re);
}

namespace {

// Splits a list "A (X), B (Y); C and D (Z)" at top-level separators, keeping offsets and the
// separator that ended each piece (',' for commas and semicolons, '&' for "and", '\n' for a line).
struct ListPiece {
  std::string_view text;
  size_t offset;
  char before;  // the separator before it: 0 at the start
};

std::vector<ListPiece> SplitList(std::string_view s, size_t offset) {
  std::vector<ListPiece> out;
  int depth = 0;
  size_t start = 0;
  char before = 0, sep = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c == '(') ++depth;
    if (c == ')' && depth > 0) --depth;
    if (depth > 0) continue;
    size_t sep_len = 0;
    if (c == ',' || c == ';' || c == '\n') {
      sep_len = 1;
      sep = c == '\n' ? '\n' : ',';
    } else if (s.compare(i, 5, " and ") == 0) {
      sep_len = 5;
      sep = '&';
    } else if (s.compare(i, 3, " & ") == 0) {
      sep_len = 3;
      sep = '&';
    }
    if (sep_len == 0) continue;
    if (i > start) out.push_back({s.substr(start, i - start), offset + start, before});
    before = sep;
    start = i + sep_len;
    i = start - 1;
  }
  if (start < s.size()) out.push_back({s.substr(start), offset + start, before});
  return out;
}

enum class Label { kNone, kChair, kPresent, kApologies, kAbsent };

// What a label says about the people it lists.
struct ListContext {
  Label label = Label::kPresent;
  std::string role;          // "member", "officer", ...; empty for "Present", "In attendance"
  bool substitute = false;   // "Substitutes", "Substitute Members"
  std::string rule;          // "attendees", "apologies", "members", ...
  bool councillors = false;  // "Councillors A, B and C": the plural title carries to later names
};

// The labels of attendance lists, lower case, and what each says. Longest first where one starts
// another. `starts` are the words the pattern's alternatives start with, '|' between them
// (LabelPattern's guard: every alternative must start with one of them). They are as long as the
// pattern allows ("note taker", not "note"), so that a first line like "Notes of the meeting" or
// "Minutes of the Committee" does not compile the pattern.
const struct {
  const char* pattern;
  Label label;
  const char* role;
  const char* rule;
  bool substitute;
  const char* starts;
} kLabels[] = {
    {R"(chaired by)", Label::kChair, "", "chair", false, "chair"},
    {R"(chair(?:person|man|woman)?)", Label::kChair, "", "chair", false, "chair"},
    {R"(apologies(?: for absence)?(?: (?:were )?received)?(?: from)?)", Label::kApologies, "",
     "apologies", false, "apologies"},
    {R"(absent(?: members)?|absentees)", Label::kAbsent, "", "absent", false, "absent"},
    {R"(substitutes?(?: members?)?|substitute members? present)", Label::kPresent, "member",
     "substitutes", true, "substitute"},
    {R"(officers?(?: present| in attendance| attending)?|council officers)", Label::kPresent,
     "officer", "officers", false, "officer|council officers"},
    {R"(secretariat|minute[- ]?takers?|minutes taken by|note[- ]?takers?|clerk)", Label::kPresent,
     "secretariat", "secretariat", false,
     "secretariat|minute-taker|minute taker|minutetaker|minutes taken by|note-taker|note taker|"
     "notetaker|clerk"},
    {R"(observers?|observing)", Label::kPresent, "observer", "observers", false, "observ"},
    {R"(guests?(?: speakers?)?|visitors)", Label::kPresent, "guest", "guests", false,
     "guest|visitors"},
    {R"((?:board |committee |panel |voting )?members(?: present)?|panel|councillors(?: present)?)",
     Label::kPresent, "member", "members", false,
     "board members|committee members|panel|voting members|members|councillors"},
    {R"(present|attendees|attending|attendance|in attendance|also present|also in attendance|also attending)",
     Label::kPresent, "", "attendees", false,
     "present|attend|in attendance|also present|also in attendance|also attending"},
};

// "chair:", "present:", "board members:", "apologies for absence:" ... at the start of a paragraph
// in ASCII lower case: the label as a whole phrase, then either nothing (the list follows in the
// next blocks) or ":" or a dash and the list. "chaired by x" needs no colon. Stores the label in
// *label, what follows in *rest (views of `lower`) and in *which the first of kLabels whose pattern
// matched the label: each pattern is a group, and RE2 prefers the earliest alternative that lets
// the whole match, as a loop over kLabels would.
//
// One pattern, matched on lower-cased text rather than with (?i): case-insensitive, RE2 turns every
// letter of the 600-character alternation into a class of both cases, and with a pattern of its
// own per label to classify, compiling them was 3.3 of a one-line note's 4.2 million instructions.
bool MatchLabelPattern(std::string_view lower, re2::StringPiece* label, re2::StringPiece* rest,
                       size_t* which) {
  constexpr int kLabelCount = static_cast<int>(std::size(kLabels));
  static const RE2* const re = [] {
    std::string alternatives;
    for (const auto& l : kLabels) {
      if (!alternatives.empty()) alternatives += "|";
      alternatives += "(" + std::string(l.pattern) + ")";
    }
    return new RE2(R"((?s)^\s*(chaired by\s*:?|(?:)" + alternatives +
                   R"()\s*(?:[:\-–]|$))\s*(.*?)\s*$)");
  }();
  // Groups: the label, one per kLabels entry, the rest.
  re2::StringPiece groups[kLabelCount + 2];
  RE2::Arg args[kLabelCount + 2];
  const RE2::Arg* arg_list[kLabelCount + 2];
  for (int i = 0; i < kLabelCount + 2; ++i) {
    args[i] = &groups[i];
    arg_list[i] = &args[i];
  }
  if (!RE2::FullMatchN(Piece(lower), *re, arg_list, kLabelCount + 2)) return false;
  *label = groups[0];
  *rest = groups[kLabelCount + 1];
  *which = 0;  // "chaired by", when the first alternative took it
  for (int i = 0; i < kLabelCount; ++i) {
    if (groups[i + 1].data() != nullptr) {
      *which = static_cast<size_t>(i);
      break;
    }
  }
  return true;
}

// Whether `para` may be a label: MatchLabelPattern after the words a label starts with (its text
// after any whitespace starts with one of them), never compiled for notes without labels. `label`
// and `rest` (either may be null) are set to its label and rest, in `para`.
bool MatchLabel(std::string_view para, re2::StringPiece* label, re2::StringPiece* rest) {
  static const std::vector<std::string_view>* const starts = [] {
    auto* v = new std::vector<std::string_view>;
    for (const auto& l : kLabels) {
      std::string_view words = l.starts;
      for (size_t bar; (bar = words.find('|')) != std::string_view::npos;
           words.remove_prefix(bar + 1))
        v->push_back(words.substr(0, bar));
      v->push_back(words);
    }
    return v;
  }();
  if (!MayStartWithAny(para, *starts)) return false;
  const std::string lower = AsciiLower(para);
  re2::StringPiece groups[2];
  size_t which = 0;
  if (!MatchLabelPattern(lower, &groups[0], &groups[1], &which)) return false;
  // The same bytes of `para` (lower-casing ASCII keeps every byte where it was).
  re2::StringPiece* out[2] = {label, rest};
  for (int i = 0; i < 2; ++i) {
    if (out[i] != nullptr)
      *out[i] = re2::StringPiece(para.data() + (groups[i].data() - lower.data()), groups[i].size());
  }
  return true;
}

// The context a label (as MatchLabel's `label`, or a table's heading) gives: that of the first of
// kLabels whose pattern matches its words whole.
std::optional<ListContext> ClassifyLabel(std::string_view label) {
  // The label's words: what follows them (a colon, a dash) is not part of it.
  size_t e = label.size();
  while (e > 0 && !std::isalpha(static_cast<unsigned char>(label[e - 1]))) --e;
  size_t b = 0;
  while (b < e && IsSpace(label[b])) ++b;
  std::string lower = AsciiLower(label.substr(b, e - b));
  // Collapse inner whitespace: "Board  members".
  std::string folded;
  for (char c : lower) {
    if (IsSpace(c)) {
      if (!folded.empty() && folded.back() != ' ') folded += ' ';
    } else {
      folded += c;
    }
  }
  // The words end in a letter, as every label pattern does: nothing can follow the label but an
  // empty rest, so the label is the words whole.
  re2::StringPiece matched, rest;
  size_t which = 0;
  if (!MatchLabelPattern(folded, &matched, &rest, &which) || !rest.empty() ||
      matched.size() != folded.size())
    return std::nullopt;
  const auto& l = kLabels[which];
  ListContext c;
  c.label = l.label;
  c.role = l.role;
  c.rule = l.rule;
  c.substitute = l.substitute;
  return c;
}

// "Apologies were received from A (X) and B (Y)."
const RE2& ApologySentencePattern() {
  static const RE2 re(
      R"((?is)apologies (?:for absence )?(?:were |had been |have been )?(?:received|given|sent|noted|submitted) (?:from|by) (.+?)\.?\s*$)");
  return re;
}

// "Councillor Ruth Allen in the Chair", "Cllr Ann Bell was in the chair." Group 1 is the person.
const RE2& InTheChairPattern() {
  static const RE2 re(R"((?i)^\s*(.{3,80}?)\s+(?:was\s+)?in\s+the\s+chair\s*\.?\s*$)");
  return re;
}

// A paragraph after a bare "Attendees" label that still lists people ("Ann Bell, Kent", "A (X),
// B (Y)"), rather than the next label, a sentence or an agenda line.
bool LooksLikeEntryParagraph(std::string_view para) {
  static const RE2 not_entry(
      R"((?i)^\s*(?:\d|item\b|agenda\b|action|minutes\b|apologies\b|chair|present\b|attendees\b)|\.\s*$|\b(?:said|asked|noted|agreed|were|was|is|are)\b)");
  return para.size() <= 160 && !RE2::PartialMatch(Piece(para), not_entry);
}

// "None", "none received", "N/A", "Nil": a list of nobody.
bool SaysNobody(std::string_view list) {
  static const RE2 re(
      R"((?i)^\s*(?:none(?: received| given| noted)?|n/?a|nil|no apologies)\.?\s*$)");
  return RE2::FullMatch(Piece(list), re);
}

// Gives `p` what its list says: attendance, the list's role, the chair, deputising.
void ApplyContext(const ListContext& ctx, ListedPerson* p) {
  if (ctx.label == Label::kApologies) p->attendance = Attendance::kApologies;
  if (ctx.label == Label::kAbsent) p->attendance = Attendance::kAbsent;
  if (ctx.label == Label::kChair &&
      std::find(p->roles.begin(), p->roles.end(), "chair") == p->roles.end())
    p->roles.insert(p->roles.begin(), "chair");
  if (!ctx.role.empty()) AddUnique(&p->roles, ctx.role);
  if (ctx.substitute && p->substitute_for_raw.empty()) p->substitute = true;
  p->rule = ctx.rule + "." + p->rule.substr(p->rule.find('.') + 1);
}

// "Councillors Peter Marsh", "Cllrs Ann Bell": a plural title before the first of several names.
const RE2& PluralCouncillors() {
  static const RE2 re(R"(^\s*(?:Councillors|Cllrs\.?)\s+)");
  return re;
}

// "Mr Ian Moss" in "Councillors A and B, Mr Ian Moss": a title that ends the councillors.
const RE2& PlainTitle() {
  static const RE2 re(R"(^\s*(?:Mr|Mrs|Ms|Miss|Mx)\.?\s)");
  return re;
}

// Reads one list (a label's paragraph, or a line of it) into `out`. `ctx` carries what the label
// says, and the plural title from one line of a wrapped list to the next.
void AddEntries(std::string_view list, size_t offset, ListContext* ctx,
                const IsOrganisation& is_organisation, std::vector<ListedPerson>* out) {
  if (SaysNobody(list)) return;
  size_t first = out->size();
  // Where the role of the last person started, while the pieces after it may continue it.
  size_t role_start = std::string_view::npos;
  for (const ListPiece& lp : SplitList(list, offset)) {
    size_t trimmed_off = lp.offset;
    std::string_view trimmed = Trim(lp.text, &trimmed_off);
    if (trimmed.empty() || IsPageFurniture(trimmed)) continue;
    size_t head_off = trimmed_off;
    std::string_view head = Trim(trimmed.substr(0, trimmed.find('(')), &head_off);
    if (out->size() > first) {
      ListedPerson& last = out->back();
      // "Ann Bell, Kent": a piece that is an organisation, a role or deputising is the previous
      // person's.
      re2::StringPiece sub;
      bool deputising = RE2::PartialMatch(Piece(trimmed), SubstituteAtStart(), &sub) &&
                        trimmed.rfind("for ", 0) != 0;
      bool organisation = last.organisation_raw.empty() && is_organisation && !head.empty() &&
                          (is_organisation(head) || HasOrganisationWord(head));
      bool role = !head.empty() && (IsRolePhrase(head) || !ChairRole(head).empty());
      if (deputising || organisation || role) {
        ParseWithParentheses(trimmed, trimmed_off, &last, is_organisation);
        role_start = role && ChairRole(head).empty() ? trimmed_off : std::string_view::npos;
        continue;
      }
      // "Cabinet Member for Children and Families": more of the role, not a person.
      if (role_start != std::string_view::npos && !last.roles.empty() &&
          trimmed.find('(') == std::string_view::npos && !LooksLikeFullName(trimmed) &&
          !(is_organisation && is_organisation(trimmed)) && !HasOrganisationWord(trimmed)) {
        size_t end = trimmed_off + trimmed.size();
        last.roles.back() = std::string(list.substr(role_start - offset, end - role_start));
        continue;
      }
    }
    role_start = std::string_view::npos;
    re2::StringPiece input = Piece(trimmed);
    if (RE2::Consume(&input, PluralCouncillors())) {
      ctx->councillors = true;
      trimmed_off += input.data() - trimmed.data();
      trimmed = std::string_view(input.data(), input.size());
    } else if (RE2::PartialMatch(Piece(trimmed), PlainTitle())) {
      ctx->councillors = false;
    }
    ListedPerson p = ParseEntry(trimmed, trimmed_off, is_organisation);
    if (p.name_raw.empty() || IsPageFurniture(p.name_raw)) continue;
    if (ctx->councillors &&
        std::find(p.roles.begin(), p.roles.end(), "councillor") == p.roles.end())
      p.roles.insert(p.roles.begin(), "councillor");
    ApplyContext(*ctx, &p);
    out->push_back(std::move(p));
  }
}

std::string_view CellText(const Document& doc, const Cell& c) {
  return std::string_view(doc.text).substr(c.span.start, c.span.size());
}

// One attendee from a table row: the name in the first cell (which may carry its own
// "(Organisation)"), then the organisation, roles and deputising in the others.
ListedPerson PersonFromRow(const Document& doc, const Row& row,
                           const IsOrganisation& is_organisation) {
  ListedPerson p =
      ParseEntry(CellText(doc, row.cells[0]), row.cells[0].span.start, is_organisation);
  for (size_t c = 1; c < row.cells.size(); ++c) {
    std::string_view text = CellText(doc, row.cells[c]);
    if (!text.empty()) ParseQualifier(text, row.cells[c].span.start, &p, is_organisation);
  }
  return p;
}

// A row that only names a section of the attendance ("Members", "Substitute Members",
// "Apologies", "Officers in attendance"): one cell with text — merged across the row or not —
// that is a label. Returns what the section says.
std::optional<ListContext> SectionRow(const Document& doc, const Row& row) {
  std::string_view only;
  for (const Cell& c : row.cells) {
    std::string_view t = CellText(doc, c);
    if (t.find_first_not_of(" \t\n") == std::string_view::npos) continue;
    if (!only.empty()) return std::nullopt;
    only = t;
  }
  if (only.empty() || only.size() > 40) return std::nullopt;
  std::string label(only);
  if (!label.empty() && label.back() == ':') label.pop_back();
  std::optional<ListContext> ctx = ClassifyLabel(label);
  if (ctx && ctx->label == Label::kChair) return std::nullopt;
  return ctx;
}

// A header row: "Name | Organisation | Role".
bool IsHeaderRow(const Document& doc, const Row& row) {
  if (row.cells.empty()) return false;
  std::string_view name = CellText(doc, row.cells[0]);
  static const RE2 header(
      R"((?i)^\s*(name|names|attendee|attendees|who|present|attending|apologies|member|members)\s*:?\s*$)");
  return RE2::FullMatch(Piece(name), header) && row.cells.size() > 1 &&
         !SectionRow(doc, row).has_value();
}

// The people of a table of attendance, from row `first` on: section rows change what the rows
// below them are; header rows and empty rows are skipped.
void AddTableRows(const Document& doc, const Block& table, size_t first, ListContext ctx,
                  const std::string& rule_suffix, const IsOrganisation& is_organisation,
                  std::vector<ListedPerson>* out) {
  for (size_t r = first; r < table.rows.size(); ++r) {
    const Row& row = table.rows[r];
    if (row.cells.empty()) continue;
    if (std::optional<ListContext> section = SectionRow(doc, row)) {
      ctx = *section;
      continue;
    }
    if (IsHeaderRow(doc, row)) continue;
    std::string_view name = CellText(doc, row.cells[0]);
    if (name.empty() || IsPageFurniture(name)) continue;
    ListedPerson p = PersonFromRow(doc, row, is_organisation);
    if (p.name_raw.empty()) continue;
    ApplyContext(ctx, &p);
    p.rule = ctx.rule + rule_suffix;
    out->push_back(std::move(p));
  }
}

// A table that says in its own header row that it lists attendance ("Present | Organisation",
// "Apologies | Authority"), or that is laid out in sections (a "Members" row near its top).
bool AddAttendanceTable(const Document& doc, const Block& table,
                        const IsOrganisation& is_organisation, std::vector<ListedPerson>* out) {
  if (table.rows.size() < 2) return false;
  for (size_t r = 0; r < 2; ++r)
    if (SectionRow(doc, table.rows[r])) {
      AddTableRows(doc, table, 0, ListContext{}, ".table", is_organisation, out);
      return true;
    }
  if (table.rows[0].cells.size() < 2) return false;
  static const RE2 who(
      R"((?i)\s*(present|attendees|attending|attendance|in attendance|apologies|apologies received)\s*:?\s*)");
  static const RE2 org(
      R"((?i)\s*(organisation|organization|org|la|local authority|authority|agency|representing|service|council)\s*:?\s*)");
  std::string_view head = CellText(doc, table.rows[0].cells[0]);
  std::string_view second = CellText(doc, table.rows[0].cells[1]);
  std::string label;
  if (!RE2::FullMatch(Piece(head), who, &label) || !RE2::FullMatch(Piece(second), org))
    return false;
  std::optional<ListContext> ctx = ClassifyLabel(label);
  AddTableRows(doc, table, 1, ctx ? *ctx : ListContext{}, ".table", is_organisation, out);
  return true;
}

// "Councillor Ruth Allen (Leader of the Council)", "Dr Amy Shaw (Ofsted)": a line that is one
// person and nothing else, as the unlabelled lists at the top of council minutes write them.
bool IsNameLine(std::string_view line, const IsOrganisation& is_organisation) {
  // A titled line starts with a title; a bracketed one has a parenthesis.
  if (MayStartWithAny(
          line, {"councillor", "cllr", "mr", "ms", "miss", "dr", "prof", "sir", "dame", "mayor"})) {
    static const RE2 titled(
        R"(^\s*(?:(?:Councillor|Cllr\.?|Mr\.?|Mrs\.?|Ms\.?|Miss|Dr\.?|Professor|Prof\.?|Sir|Dame|Mayor)\s+)+[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,3}(?:\s+(?:OBE|MBE|CBE|JP))?\s*(?:\([^()]{2,80}\))?\s*$)");
    if (RE2::FullMatch(Piece(line), titled)) return true;
  }
  if (line.find('(') == std::string_view::npos) return false;
  static const RE2 bracketed(
      R"(^\s*([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){1,3})\s*\([^()]{2,80}\)\s*$)");
  re2::StringPiece name;
  if (!RE2::FullMatch(Piece(line), bracketed, &name)) return false;
  std::string_view n(name.data(), name.size());
  return !HasOrganisationWord(n) && !(is_organisation && is_organisation(n));
}

// How many blocks from the top an unlabelled list of who was there may start in.
constexpr size_t kOpeningBlocks = 12;

// The unlabelled list: two or more name lines among the opening blocks (after the title), page
// furniture between them allowed. Returns the people, or nothing.
std::vector<ListedPerson> UnlabelledList(const Document& doc,
                                         const IsOrganisation& is_organisation) {
  std::vector<ListedPerson> run;
  const std::string_view text(doc.text);
  for (size_t i = 1; i < doc.body.size() && i < kOpeningBlocks; ++i) {
    const Block& b = doc.body[i];
    std::string_view para = text.substr(b.span.start, b.span.size());
    if (b.kind == BlockKind::kParagraph && IsPageFurniture(para)) continue;
    if (b.kind == BlockKind::kParagraph && IsNameLine(para, is_organisation)) {
      ListedPerson p = ParseEntry(para, b.span.start, is_organisation);
      if (p.name_raw.empty()) continue;
      p.rule = "attendees.unlabelled." + p.rule.substr(p.rule.find('.') + 1);
      run.push_back(std::move(p));
      continue;
    }
    if (run.size() >= 2) return run;
    run.clear();
  }
  if (run.size() < 2) run.clear();
  return run;
}

// A wrapped list goes on in the next paragraph when its line stops mid-list (a comma, "and") or
// the next line starts with "and".
bool ListContinues(std::string_view list, std::string_view next) {
  static const RE2 open_end(R"((?:,|;|\band|&)\s*$)");
  static const RE2 and_start(R"(^\s*(?:and|&)\s)");
  return RE2::PartialMatch(Piece(list), open_end) || RE2::PartialMatch(Piece(next), and_start);
}

}  // namespace

std::vector<ListedPerson> FindAttendance(const Document& doc,
                                         const IsOrganisation& is_organisation) {
  std::vector<ListedPerson> out;
  bool listed_present = false;  // a labelled list or table of who was there
  const std::string_view text(doc.text);
  // The words the sentence patterns need, looked for once: ApologySentencePattern starts with
  // "apologies", InTheChairPattern ends with "in the chair".
  const bool apologies_word = MayContain(text, "apologies");
  const bool chair_word = MayContain(text, "chair");
  for (size_t i = 0; i < doc.body.size(); ++i) {
    const Block& b = doc.body[i];
    if (b.kind == BlockKind::kTable) {
      size_t before = out.size();
      if (AddAttendanceTable(doc, b, is_organisation, &out) && out.size() > before)
        listed_present = true;
      continue;
    }
    std::string_view para = text.substr(b.span.start, b.span.size());
    re2::StringPiece label_word, rest;
    std::optional<ListContext> ctx;
    if (MatchLabel(para, &label_word, &rest))
      ctx = ClassifyLabel(std::string_view(label_word.data(), label_word.size()));
    if (ctx) {
      if (ctx->label == Label::kPresent) listed_present = true;
      size_t rest_off = rest.data() - text.data();
      std::string_view rest_view(rest.data(), rest.size());
      // "Apologies: none" / "Chair: n/a".
      if (!rest_view.empty()) {
        if (SaysNobody(rest_view)) continue;
        if (ctx->label == Label::kChair) {
          // The chair line is one person, commas and all: "Sarah Daly, DCS, Portsmouth".
          ListedPerson p = ParseEntry(rest_view, rest_off, is_organisation);
          if (!p.name_raw.empty()) {
            ApplyContext(*ctx, &p);
            out.push_back(std::move(p));
          }
          continue;
        }
        AddEntries(rest_view, rest_off, &*ctx, is_organisation, &out);
        // A list that wraps onto the next lines.
        std::string_view last = rest_view;
        for (size_t j = i + 1; j < doc.body.size(); ++j) {
          const Block& next = doc.body[j];
          if (next.kind != BlockKind::kParagraph) break;
          std::string_view line = text.substr(next.span.start, next.span.size());
          if (MatchLabel(line, nullptr, nullptr) || !ListContinues(last, line)) break;
          AddEntries(line, next.span.start, &*ctx, is_organisation, &out);
          last = line;
          i = j;
        }
        continue;
      }
      // A bare label: the list follows as list items, short paragraphs or a table.
      std::string rule = ctx->rule + ".block";
      size_t first_entry = i + 1;
      while (first_entry < doc.body.size() && doc.body[first_entry].kind == BlockKind::kParagraph &&
             IsPageFurniture(
                 text.substr(doc.body[first_entry].span.start, doc.body[first_entry].span.size())))
        ++first_entry;
      for (size_t j = first_entry; j < doc.body.size(); ++j) {
        const Block& next = doc.body[j];
        if (next.kind == BlockKind::kTable) {
          AddTableRows(doc, next, 0, *ctx, ".block.table", is_organisation, &out);
          i = j;
          break;
        }
        std::string_view item = text.substr(next.span.start, next.span.size());
        if (next.kind == BlockKind::kParagraph && IsPageFurniture(item)) continue;
        // A list that starts as list items is the list items; a list of paragraphs ends at
        // anything that is not an entry: a label, a sentence, an agenda line, prose.
        if (next.kind == BlockKind::kHeading) break;  // a new section
        bool list_mode = doc.body[first_entry].kind == BlockKind::kListItem;
        if (list_mode != (next.kind == BlockKind::kListItem)) break;
        if (!list_mode && (!LooksLikeEntryParagraph(item) || MatchLabel(item, nullptr, nullptr)))
          break;
        // A list item is one person ("• Ann Bell, Lancashire County Council"); a paragraph may
        // list several ("A (X), B (Y)") or be one "Name, role, Organisation".
        size_t skip = next.marker.empty() ? 0 : next.marker.size() + 1;
        if (next.kind == BlockKind::kListItem) {
          ListedPerson p = ParseEntry(item.substr(skip), next.span.start + skip, is_organisation);
          if (!p.name_raw.empty()) {
            ApplyContext(*ctx, &p);
            p.rule = rule + ".list_item";
            out.push_back(std::move(p));
          }
        } else {
          ListContext line_ctx = *ctx;
          line_ctx.rule = rule;
          AddEntries(item.substr(skip), next.span.start + skip, &line_ctx, is_organisation, &out);
          ctx->councillors = line_ctx.councillors;
        }
        i = j;
      }
      continue;
    }
    // "Apologies were received from ..." inside any paragraph.
    re2::StringPiece names;
    if (apologies_word && RE2::PartialMatch(Piece(para), ApologySentencePattern(), &names)) {
      ListContext apologies{Label::kApologies, "", false, "apologies.sentence", false};
      AddEntries(std::string_view(names.data(), names.size()), names.data() - text.data(),
                 &apologies, is_organisation, &out);
      continue;
    }
    // "Councillor Ruth Allen in the Chair".
    re2::StringPiece chair;
    if (b.kind == BlockKind::kParagraph && chair_word &&
        RE2::FullMatch(Piece(para), InTheChairPattern(), &chair)) {
      std::string_view who(chair.data(), chair.size());
      if (LooksLikeFullName(who) || IsNameLine(who, is_organisation)) {
        ListedPerson p = ParseEntry(who, chair.data() - text.data(), is_organisation);
        if (!p.name_raw.empty()) {
          ListContext c{Label::kChair, "", false, "chair.in_the_chair", false};
          ApplyContext(c, &p);
          p.rule = "chair.in_the_chair";
          out.push_back(std::move(p));
        }
      }
    }
  }
  if (!listed_present) {
    std::vector<ListedPerson> unlabelled = UnlabelledList(doc, is_organisation);
    out.insert(out.begin(), std::make_move_iterator(unlabelled.begin()),
               std::make_move_iterator(unlabelled.end()));
  }
  for (ListedPerson& p : out) OrderRoles(&p.roles);
  return out;
}

}  // namespace minutes
