// Attendance lists: find the labelled parts of the notes, split them into entries, and split each
// entry into name, organisation, roles and deputising, keeping byte spans throughout.

#include "extract/attendance.h"

#include <re2/re2.h>

#include <cctype>

#include "extract/words.h"

namespace minutes {
namespace {

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// Trims `s` (a view into the text at `*offset`) and moves `*offset` with the left edge.
std::string_view Trim(std::string_view s, size_t* offset) {
  size_t b = 0;
  while (b < s.size() && (IsSpace(s[b]) || s[b] == ',' || s[b] == ';')) ++b;
  size_t e = s.size();
  while (e > b && (IsSpace(s[e - 1]) || s[e - 1] == ',' || s[e - 1] == ';' || s[e - 1] == '.')) --e;
  *offset += b;
  return s.substr(b, e - b);
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

// "in place of X", "deputising for X", "on behalf of X", "covering for X", "for X" (group 1 = X).
const RE2& SubstitutePattern() {
  static const RE2 re(
      R"((?i)\s*(?:in place of|deputi[sz]ing for|on behalf of|covering for|substituting for|sub for|rep(?:resenting)? for)\s+(.+)$)");
  return re;
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

// Reads "Org role in place of X" / "apologies" from a parenthesis or a trailing part.
void ParseQualifier(std::string_view q, size_t offset, ListedPerson* p) {
  q = Trim(q, &offset);
  re2::StringPiece sub;
  if (RE2::PartialMatch(re2::StringPiece(q.data(), q.size()), SubstitutePattern(), &sub)) {
    size_t sub_off = sub.data() - q.data();
    size_t o = offset + sub_off;
    p->substitute_for_raw = std::string(Trim(std::string_view(sub.data(), sub.size()), &o));
    // The part before "in place of" is the organisation.
    size_t cut = q.size();
    for (size_t i = 0; i < sub_off; ++i) {
      static const RE2 start(
          R"((?i)^\s*(?:in place of|deputi[sz]ing for|on behalf of|covering for|substituting for|sub for|rep(?:resenting)? for)\s)");
      if (RE2::PartialMatch(re2::StringPiece(q.data() + i, q.size() - i), start)) {
        cut = i;
        break;
      }
    }
    q = q.substr(0, cut);
  }
  std::vector<Token> words = Words(q, offset);
  // Attendance words anywhere; role words at either end; the rest is the organisation.
  std::vector<Token> kept;
  for (const Token& w : words) {
    std::string lower = AsciiLower(w.text);
    if (lower == "apologies" || lower == "(apologies)" || lower == "apols") {
      p->attendance = Attendance::kApologies;
      continue;
    }
    kept.push_back(w);
  }
  std::string role;
  while (!kept.empty() && IsRoleToken(kept.back().text, &role)) {
    p->roles.insert(p->roles.begin(), role);
    kept.pop_back();
  }
  while (!kept.empty() && IsRoleToken(kept.front().text, &role)) {
    p->roles.push_back(role);
    kept.erase(kept.begin());
  }
  if (!kept.empty()) {
    size_t b = kept.front().offset, e = kept.back().offset + kept.back().text.size();
    size_t rel = b - offset;
    p->organisation_raw = std::string(q.substr(rel, e - b));
    p->organisation_span = Span{b, e};
  }
}

bool IsHonorific(std::string_view w) {
  static const char* const kHonorifics[] = {
      "Cllr", "Cllr.", "Councillor", "Dr", "Dr.",  "Mr",    "Mr.",       "Mrs", "Mrs.",
      "Ms",   "Ms.",   "Miss",       "Mx", "Prof", "Prof.", "Professor", "Sir", "Dame"};
  for (const char* h : kHonorifics)
    if (w == h) return true;
  return false;
}

bool StartsUpper(std::string_view w) {
  return !w.empty() && (std::isupper(static_cast<unsigned char>(w[0])) ||
                        static_cast<unsigned char>(w[0]) >= 0x80);
}

}  // namespace

ListedPerson ParseEntry(std::string_view entry, size_t offset) {
  ListedPerson p;
  p.attendance = Attendance::kPresent;
  p.rule = "attendance.entry";
  entry = Trim(entry, &offset);

  // "Name (qualifier)" — possibly several parentheses: "(Slough) (apologies)".
  size_t paren = entry.find('(');
  std::string_view head = entry.substr(0, paren);
  if (paren != std::string_view::npos) {
    size_t pos = paren;
    while (pos != std::string_view::npos && pos < entry.size()) {
      size_t close = entry.find(')', pos);
      if (close == std::string_view::npos) close = entry.size();
      ListedPerson q;
      ParseQualifier(entry.substr(pos + 1, close - pos - 1), offset + pos + 1, &q);
      if (q.attendance == Attendance::kApologies) p.attendance = Attendance::kApologies;
      if (!q.organisation_raw.empty() && p.organisation_raw.empty()) {
        p.organisation_raw = q.organisation_raw;
        p.organisation_span = q.organisation_span;
      }
      if (!q.substitute_for_raw.empty()) p.substitute_for_raw = q.substitute_for_raw;
      p.roles.insert(p.roles.end(), q.roles.begin(), q.roles.end());
      pos = entry.find('(', close);
    }
    p.rule = "attendance.paren_org";
  }

  // The head: "Sarah Daly DCS Portsmouth", "Sarah Daly – Portsmouth", "Sarah Daly, Portsmouth".
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
    ListedPerson q;
    ParseQualifier(head.substr(sep + sep_len), head_off + sep + sep_len, &q);
    if (p.organisation_raw.empty()) {
      p.organisation_raw = q.organisation_raw;
      p.organisation_span = q.organisation_span;
    }
    p.roles.insert(p.roles.end(), q.roles.begin(), q.roles.end());
    if (q.attendance == Attendance::kApologies) p.attendance = Attendance::kApologies;
    p.rule = "attendance.separator_org";
  } else {
    words = Words(head, head_off);
    // A role word inside the head ends the name: "Sarah Daly DCS Portsmouth".
    for (size_t i = 1; i < words.size(); ++i) {
      std::string role;
      if (IsRoleToken(words[i].text, &role)) {
        size_t rest = words[i].offset - head_off;
        ListedPerson q;
        ParseQualifier(head.substr(rest), words[i].offset, &q);
        if (p.organisation_raw.empty()) {
          p.organisation_raw = q.organisation_raw;
          p.organisation_span = q.organisation_span;
        }
        p.roles.insert(p.roles.end(), q.roles.begin(), q.roles.end());
        words.resize(i);
        p.rule = "attendance.role_org";
        break;
      }
    }
  }
  // Names are capitalised words (lower-case slips such as "Kelly wilkes" allowed after the first),
  // after any honorific: "Cllr Jane Smith" is Jane Smith, a councillor.
  while (!words.empty() && !StartsUpper(words.front().text)) words.erase(words.begin());
  while (words.size() > 2 || (words.size() == 2 && IsHonorific(words.front().text))) {
    if (!IsHonorific(words.front().text)) break;
    std::string_view h = words.front().text;
    if (h.rfind("Cllr", 0) == 0 || h.rfind("Councillor", 0) == 0) p.roles.push_back("councillor");
    words.erase(words.begin());
  }
  if (!words.empty()) {
    size_t b = words.front().offset, e = words.back().offset + words.back().text.size();
    p.name_span = Span{b, e};
    p.name_raw = std::string(entry.substr(b - offset, e - b));
  }
  return p;
}

namespace {

// Splits a list "A (X), B (Y); C and D (Z)" at top-level separators, keeping offsets.
std::vector<std::pair<std::string_view, size_t>> SplitList(std::string_view s, size_t offset) {
  std::vector<std::pair<std::string_view, size_t>> out;
  int depth = 0;
  size_t start = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c == '(') ++depth;
    if (c == ')' && depth > 0) --depth;
    if (depth > 0) continue;
    size_t sep_len = 0;
    if (c == ',' || c == ';' || c == '\n')
      sep_len = 1;
    else if (s.compare(i, 5, " and ") == 0)
      sep_len = 5;
    else if (s.compare(i, 3, " & ") == 0)
      sep_len = 3;
    if (sep_len == 0) continue;
    if (i > start) out.push_back({s.substr(start, i - start), offset + start});
    start = i + sep_len;
    i = start - 1;
  }
  if (start < s.size()) out.push_back({s.substr(start), offset + start});
  return out;
}

enum class Label { kNone, kChair, kPresent, kApologies };

// "Chair:", "Attendees:", "Present:", "Apologies:" ... at the start of a paragraph: the label as a
// whole word, then either nothing (the list follows in the next blocks) or ":"/"-" and the list.
// "Chaired by X" needs no colon. Group 1 is the label word, group 2 the rest of the paragraph.
const RE2& LabelPattern() {
  static const RE2 re(
      R"((?is)^\s*(chaired by|(?:chair(?:person)?|attendees|attending|attendance|present|in attendance|members present|apologies(?: received)?(?: from)?)\b\s*(?:[:\-–]|$))\s*(.*?)\s*$)");
  return re;
}

// "Apologies were received from A (X) and B (Y)."
const RE2& ApologySentencePattern() {
  static const RE2 re(
      R"((?is)apologies (?:were |had been |have been )?(?:received|given|sent|noted) (?:from|by) (.+?)\.?\s*$)");
  return re;
}

Label ClassifyLabel(const std::string& word) {
  std::string lower = AsciiLower(word);
  if (lower.rfind("chair", 0) == 0) return Label::kChair;
  if (lower.rfind("apologies", 0) == 0) return Label::kApologies;
  return Label::kPresent;
}

// A paragraph after a bare "Attendees" label that still lists people ("Ann Bell, Kent", "A (X),
// B (Y)"), rather than the next label, a sentence or an agenda line.
bool LooksLikeEntryParagraph(std::string_view para) {
  static const RE2 not_entry(
      R"((?i)^\s*(?:\d|item\b|agenda\b|action|minutes\b|apologies\b|chair|present\b|attendees\b)|\.\s*$|\b(?:said|asked|noted|agreed|were|was|is|are)\b)");
  return para.size() <= 160 &&
         !RE2::PartialMatch(re2::StringPiece(para.data(), para.size()), not_entry);
}

// "None", "none received", "N/A", "Nil": a list of nobody.
bool SaysNobody(std::string_view list) {
  static const RE2 re(
      R"((?i)^\s*(?:none(?: received| given| noted)?|n/?a|nil|no apologies)\.?\s*$)");
  return RE2::FullMatch(re2::StringPiece(list.data(), list.size()), re);
}

using IsOrganisation = std::function<bool(std::string_view)>;

void AddEntries(std::string_view list, size_t offset, Label label, const std::string& rule,
                const IsOrganisation& is_organisation, std::vector<ListedPerson>* out) {
  if (SaysNobody(list)) return;
  size_t first = out->size();
  for (auto [entry, entry_off] : SplitList(list, offset)) {
    // "Ann Bell, Kent": a piece that is an organisation is the previous person's.
    size_t trimmed_off = entry_off;
    std::string_view trimmed = Trim(entry, &trimmed_off);
    if (out->size() > first && out->back().organisation_raw.empty() && is_organisation &&
        trimmed.find('(') == std::string_view::npos && is_organisation(trimmed)) {
      out->back().organisation_raw = std::string(trimmed);
      out->back().organisation_span = Span{trimmed_off, trimmed_off + trimmed.size()};
      continue;
    }
    ListedPerson p = ParseEntry(entry, entry_off);
    if (p.name_raw.empty()) continue;
    if (label == Label::kApologies) p.attendance = Attendance::kApologies;
    if (label == Label::kChair) p.roles.insert(p.roles.begin(), "chair");
    p.rule = rule + "." + p.rule.substr(p.rule.find('.') + 1);
    out->push_back(std::move(p));
  }
}

std::string_view CellText(const Document& doc, const Cell& c) {
  return std::string_view(doc.text).substr(c.span.start, c.span.size());
}

// One attendee from a table row: the name in the first cell (which may carry its own
// "(Organisation)"), the organisation, roles and deputising in the second.
ListedPerson PersonFromRow(const Document& doc, const Row& row) {
  ListedPerson p = ParseEntry(CellText(doc, row.cells[0]), row.cells[0].span.start);
  if (row.cells.size() > 1 && p.organisation_raw.empty()) {
    ListedPerson q;
    ParseQualifier(CellText(doc, row.cells[1]), row.cells[1].span.start, &q);
    p.organisation_raw = q.organisation_raw;
    p.organisation_span = q.organisation_span;
    p.roles.insert(p.roles.end(), q.roles.begin(), q.roles.end());
    if (!q.substitute_for_raw.empty()) p.substitute_for_raw = q.substitute_for_raw;
  }
  return p;
}

// A table that says in its own header row that it lists attendance: "Present | Organisation",
// "Apologies | Authority". Each later row is a person.
void AddAttendanceTable(const Document& doc, const Block& table, std::vector<ListedPerson>* out) {
  if (table.rows.size() < 2 || table.rows[0].cells.size() < 2) return;
  static const RE2 who(
      R"((?i)\s*(present|attendees|attending|attendance|in attendance|apologies|apologies received)\s*:?\s*)");
  static const RE2 org(
      R"((?i)\s*(organisation|organization|org|la|local authority|authority|agency|representing|service|council)\s*:?\s*)");
  std::string_view head = CellText(doc, table.rows[0].cells[0]);
  std::string_view second = CellText(doc, table.rows[0].cells[1]);
  std::string label;
  if (!RE2::FullMatch(re2::StringPiece(head.data(), head.size()), who, &label) ||
      !RE2::FullMatch(re2::StringPiece(second.data(), second.size()), org))
    return;
  bool apologies = ClassifyLabel(label) == Label::kApologies;
  for (size_t r = 1; r < table.rows.size(); ++r) {
    const Row& row = table.rows[r];
    if (row.cells.size() < 2) continue;
    ListedPerson p = PersonFromRow(doc, row);
    if (p.name_raw.empty()) continue;
    if (apologies) p.attendance = Attendance::kApologies;
    p.rule = apologies ? "apologies.table" : "attendees.table";
    out->push_back(std::move(p));
  }
}

}  // namespace

std::vector<ListedPerson> FindAttendance(const Document& doc,
                                         const IsOrganisation& is_organisation) {
  std::vector<ListedPerson> out;
  const std::string_view text(doc.text);
  for (size_t i = 0; i < doc.body.size(); ++i) {
    const Block& b = doc.body[i];
    if (b.kind == BlockKind::kTable) {
      AddAttendanceTable(doc, b, &out);
      continue;
    }
    std::string_view para = text.substr(b.span.start, b.span.size());
    re2::StringPiece label_word, rest;
    if (RE2::FullMatch(re2::StringPiece(para.data(), para.size()), LabelPattern(), &label_word,
                       &rest)) {
      Label label = ClassifyLabel(std::string(label_word.data(), label_word.size()));
      size_t rest_off = rest.data() - text.data();
      std::string_view rest_view(rest.data(), rest.size());
      // "Apologies: none" / "Chair: n/a".
      if (!rest_view.empty()) {
        if (SaysNobody(rest_view)) continue;
        std::string rule = label == Label::kChair       ? "chair"
                           : label == Label::kApologies ? "apologies"
                                                        : "attendees";
        if (label == Label::kChair) {
          // The chair line is one person, commas and all: "Sarah Daly, DCS, Portsmouth".
          ListedPerson p = ParseEntry(rest_view, rest_off);
          if (!p.name_raw.empty()) {
            p.roles.insert(p.roles.begin(), "chair");
            p.rule = "chair." + p.rule.substr(p.rule.find('.') + 1);
            out.push_back(std::move(p));
          }
        } else {
          AddEntries(rest_view, rest_off, label, rule, is_organisation, &out);
        }
        continue;
      }
      // A bare label: the list follows as list items, short paragraphs or a table.
      std::string rule = label == Label::kApologies ? "apologies.block" : "attendees.block";
      for (size_t j = i + 1; j < doc.body.size(); ++j) {
        const Block& next = doc.body[j];
        if (next.kind == BlockKind::kTable) {
          for (const Row& row : next.rows) {
            if (row.cells.empty()) continue;
            std::string_view name = CellText(doc, row.cells[0]);
            if (name.empty()) continue;
            static const RE2 header(
                R"((?i)^\s*(name|names|attendee|attendees|who|present|attending|apologies)\s*:?\s*$)");
            if (RE2::FullMatch(re2::StringPiece(name.data(), name.size()), header)) continue;
            ListedPerson p = PersonFromRow(doc, row);
            if (p.name_raw.empty()) continue;
            if (label == Label::kApologies) p.attendance = Attendance::kApologies;
            p.rule = rule + ".table";
            out.push_back(std::move(p));
          }
          i = j;
          break;
        }
        std::string_view item = text.substr(next.span.start, next.span.size());
        // A list that starts as list items is the list items; a list of paragraphs ends at
        // anything that is not an entry: a label, a sentence, an agenda line, prose.
        if (next.kind == BlockKind::kHeading) break;  // a new section
        bool list_mode = doc.body[i + 1].kind == BlockKind::kListItem;
        if (list_mode != (next.kind == BlockKind::kListItem)) break;
        if (!list_mode && !LooksLikeEntryParagraph(item)) break;
        // A list item is one person ("• Ann Bell, Lancashire County Council"); a paragraph may
        // list several ("A (X), B (Y)").
        size_t skip = next.marker.empty() ? 0 : next.marker.size() + 1;
        if (next.kind == BlockKind::kListItem) {
          ListedPerson p = ParseEntry(item.substr(skip), next.span.start + skip);
          if (!p.name_raw.empty()) {
            if (label == Label::kApologies) p.attendance = Attendance::kApologies;
            p.rule = rule + ".list_item";
            out.push_back(std::move(p));
          }
        } else {
          AddEntries(item.substr(skip), next.span.start + skip, label, rule, is_organisation, &out);
        }
        i = j;
      }
      continue;
    }
    // "Apologies were received from ..." inside any paragraph.
    re2::StringPiece names;
    if (RE2::PartialMatch(re2::StringPiece(para.data(), para.size()), ApologySentencePattern(),
                          &names)) {
      AddEntries(std::string_view(names.data(), names.size()), names.data() - text.data(),
                 Label::kApologies, "apologies.sentence", is_organisation, &out);
    }
  }
  return out;
}

}  // namespace minutes
