// Action logs: tables are recognised by their header row, columns mapped by header words and
// grid position (so merged and spanning cells line up), then each row read into a RawAction.

#include "extract/action_log.h"

#include <re2/re2.h>

#include <algorithm>
#include <cctype>
#include <memory>
#include <set>

#include "extract/literals.h"
#include "extract/steps.h"
#include "extract/words.h"
#include "normalize/normalize.h"

namespace minutes {
namespace {

enum class Column { kUnknown, kRef, kText, kOwner, kIssued, kDue, kStatus };

struct HeaderRule {
  const char* pattern;  // full-match, case-insensitive, on the trimmed header cell
  Column column;
};

const HeaderRule kHeaderRules[] = {
    {R"(ref\.?|reference|no\.?|number|#|id|item(?: no\.?)?|action (?:no\.?|number|ref\.?))",
     Column::kRef},
    {R"(actions?|action points?|agreed actions?|description|task|actions? agreed|what)",
     Column::kText},
    {R"(responsible|owners?|leads?|who|by whom|action by|person responsible|assigned to|responsibility)",
     Column::kOwner},
    {R"(date issued|date raised|raised|date added|date agreed|date opened|issued|date|meeting date|date of meeting)",
     Column::kIssued},
    {R"(due|due date|deadline|by when|target date|timescales?|when|date due|completion date)",
     Column::kDue},
    {R"(status|rag|rag status|progress|update|progress update|complete\??|current status)",
     Column::kStatus},
};

Column ClassifyHeader(std::string_view cell) {
  cell = TrimSpace(cell);
  if (cell.empty()) return Column::kUnknown;
  static const std::vector<std::unique_ptr<RE2>>* patterns = [] {
    auto* v = new std::vector<std::unique_ptr<RE2>>;
    for (const HeaderRule& r : kHeaderRules)
      v->push_back(std::make_unique<RE2>(std::string("(?i)") + r.pattern + R"([\s:]*)"));
    return v;
  }();
  for (size_t i = 0; i < patterns->size(); ++i)
    if (RE2::FullMatch(re2::StringPiece(cell.data(), cell.size()), *(*patterns)[i]))
      return kHeaderRules[i].column;
  return Column::kUnknown;
}

bool LooksLikeRef(std::string_view s) {
  static const RE2 re(R"([A-Za-z]{0,3}\s?\d{1,4}[a-z]?\.?)");
  return RE2::FullMatch(re2::StringPiece(s.data(), s.size()), re);
}

// Maps grid column -> cell for a row (a cell spanning n columns covers all n).
std::vector<const Cell*> GridCells(const Row& row) {
  std::vector<const Cell*> grid;
  for (const Cell& c : row.cells)
    for (int k = 0; k < std::max(1, c.grid_span); ++k) grid.push_back(&c);
  return grid;
}

std::string_view Text(const Document& doc, Span s) {
  return std::string_view(doc.text).substr(s.start, s.size());
}

}  // namespace

std::vector<std::pair<std::string, size_t>> SplitOwners(std::string_view cell) {
  std::vector<std::pair<std::string, size_t>> out;
  // Separators: '/', ',', ';', '&', " and ", and plain spaces between initials. A full name
  // ("Mark Vening") keeps its inner space: words are grouped while they are not all-caps initials.
  size_t i = 0;
  std::vector<std::pair<std::string_view, size_t>> parts;
  while (i < cell.size()) {
    while (i < cell.size() && (IsSpace(cell[i]) || cell[i] == '/' || cell[i] == ',' ||
                               cell[i] == ';' || cell[i] == '&' || cell[i] == '+'))
      ++i;
    size_t b = i;
    while (i < cell.size() && !IsSpace(cell[i]) && cell[i] != '/' && cell[i] != ',' &&
           cell[i] != ';' && cell[i] != '&' && cell[i] != '+')
      ++i;
    if (i > b) parts.push_back({cell.substr(b, i - b), b});
  }
  auto is_initials = [](std::string_view w) {
    if (w.size() < 2 || w.size() > 5) return false;
    for (char c : w)
      if (!std::isupper(static_cast<unsigned char>(c))) return false;
    return true;
  };
  std::string current;
  size_t current_off = 0;
  auto flush = [&] {
    if (!current.empty()) out.push_back({current, current_off});
    current.clear();
  };
  for (auto [w, off] : parts) {
    if (w == "and") {
      flush();
      continue;
    }
    if (is_initials(w)) {
      flush();
      out.push_back({std::string(w), off});
      continue;
    }
    if (current.empty()) {
      current = std::string(w);
      current_off = off;
    } else {
      current += " " + std::string(w);
    }
  }
  flush();
  return out;
}

std::vector<CellOwner> SplitOwnerCell(std::string_view cell) {
  std::vector<CellOwner> out;
  size_t piece = 0;  // start of the text not yet split
  // Splits cell[piece, end) into owners and gives the last of them `organisation`.
  auto emit = [&](size_t end, std::string_view organisation) {
    size_t before = out.size();
    for (auto& [name, off] : SplitOwners(cell.substr(piece, end - piece)))
      out.push_back({name, piece + off, ""});
    organisation = TrimSpace(organisation);
    if (out.size() > before && !organisation.empty()) out.back().organisation = organisation;
  };
  static const std::string_view kDashes[] = {" - ", " \u2013 ", " \u2014 "};
  size_t i = 0;
  while (i < cell.size()) {
    if (cell[i] == '(') {
      size_t close = cell.find(')', i);
      if (close == std::string_view::npos) break;
      emit(i, cell.substr(i + 1, close - i - 1));
      piece = i = close + 1;
      continue;
    }
    size_t dash = 0;
    for (std::string_view d : kDashes)
      if (cell.substr(i, d.size()) == d) dash = d.size();
    if (dash > 0) {
      // The organisation runs to the next owner separator.
      size_t end = cell.find_first_of(",;/&", i + dash);
      if (end == std::string_view::npos) end = cell.size();
      emit(i, cell.substr(i + dash, end - i - dash));
      piece = i = end;
      continue;
    }
    ++i;
  }
  emit(cell.size(), "");
  return out;
}

OwnerDirectory::OwnerDirectory(const std::vector<Person>& people) {
  for (const Person& p : people) {
    by_initials_.emplace(p.initials, &p);
    by_name_.emplace(normalize::PersonNameKey(p.name), &p);
    size_t space = p.name.find(' ');
    if (space != std::string::npos)
      by_first_name_.emplace(normalize::PersonNameKey(p.name.substr(0, space)), &p);
  }
}

std::vector<const Person*> OwnerDirectory::Find(std::string_view owner) const {
  std::vector<const Person*> out;
  auto collect = [&](const auto& map, std::string_view key) {
    auto [b, e] = map.equal_range(key);
    for (auto it = b; it != e; ++it) out.push_back(it->second);
  };
  bool caps = owner.size() >= 2 && owner.size() <= 5 &&
              std::all_of(owner.begin(), owner.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
  if (caps) {
    collect(by_initials_, owner);
    return out;
  }
  std::string key = normalize::PersonNameKey(owner);
  if (key.empty()) return out;
  collect(owner.find(' ') == std::string_view::npos ? by_first_name_ : by_name_, key);
  return out;
}

bool OwnerDirectory::IsChair(std::string_view owner) {
  std::string w = AsciiLower(owner);
  return w == "chair" || w == "the chair";
}

std::vector<std::pair<std::string, size_t>> LeadingOwners(std::string_view sentence) {
  // "MC to", "PH, KL and SA to", "GS and SD to", "RE/AMA to": owners up to " to ".
  static const RE2 re(
      R"(^\s*((?:[A-Z]{2,5})(?:\s*(?:,|/|&|and)\s*[A-Z]{2,5})*)\s+(?:to|will|has agreed to|agreed to)\s)");
  re2::StringPiece owners;
  if (!RE2::PartialMatch(re2::StringPiece(sentence.data(), sentence.size()), re, &owners))
    return {};
  size_t base = owners.data() - sentence.data();
  auto split = SplitOwners(std::string_view(owners.data(), owners.size()));
  for (auto& [name, off] : split) off += base;
  return split;
}

namespace {

// One owner as a phrase writes it: initials, one to three capitalised words (a name, "DfE", "LAs"),
// or a role or body in lower case, after an optional "the" or "all".
#define MINUTES_OWNER_UNIT                                                                 \
  R"re((?:(?:[Tt]he|[Aa]ll)\s+)?(?:[A-Z][A-Za-z'’\-]*|secretariat|board|chair|group))re" \
  R"re((?:\s+[A-Z][A-Za-z'’\-]*){0,2})re"
#define MINUTES_OWNER_SEPARATOR R"((?:\s*[,/&]\s*(?:and\s+)?|\s+and\s+))"

// What a leading owner phrase holds, and how far it reaches.
struct Phrase {
  std::vector<std::pair<std::string, size_t>> owners;  // relative to the sentence
  bool request = false;                                // "Request for X to ..."
  bool to = false;  // the owners precede "to", not "will" or "agreed to"
};

bool AllInitials(const std::vector<std::pair<std::string, size_t>>& owners) {
  for (const auto& [name, off] : owners)
    if (name.size() < 2 || name.size() > 5 ||
        !std::all_of(name.begin(), name.end(), [](char c) { return c >= 'A' && c <= 'Z'; }))
      return false;
  return !owners.empty();
}

Phrase ParsePhrase(std::string_view sentence) {
  Phrase p;
  if (!MayContainAny(sentence, {"to", "will"})) return p;  // each connector says one or the other
  static const RE2 re("^\\s*((?:[Rr]equest for|[Rr]equest that)\\s+)?(" MINUTES_OWNER_UNIT
                      "(?:" MINUTES_OWNER_SEPARATOR MINUTES_OWNER_UNIT
                      ")*)\\s+(to|will|has agreed to|agreed to)\\s+([a-z]+)");
  re2::StringPiece request, owners, connector, verb;
  if (!RE2::PartialMatch(re2::StringPiece(sentence.data(), sentence.size()), re, &request, &owners,
                         &connector, &verb))
    return p;
  if (verb == "the" || verb == "a" || verb == "an") return p;  // "Welcome to the board"
  // Each unit is split as a cell is ("PH KL" is two owners, "the secretariat" one).
  static const RE2 unit_re("(" MINUTES_OWNER_UNIT ")");
  re2::StringPiece rest = owners;
  re2::StringPiece unit;
  while (RE2::FindAndConsume(&rest, unit_re, &unit)) {
    size_t base = unit.data() - sentence.data();
    for (auto& [name, off] : SplitOwners(std::string_view(unit.data(), unit.size())))
      p.owners.push_back({name, base + off});
  }
  // "will" and "agreed to" assign only after initials: "The group agreed to ..." is a decision.
  if (connector != "to" && !AllInitials(p.owners)) p.owners.clear();
  p.request = !request.empty() && !p.owners.empty();
  p.to = connector == "to";
  return p;
}

#undef MINUTES_OWNER_UNIT
#undef MINUTES_OWNER_SEPARATOR

}  // namespace

std::vector<std::pair<std::string, size_t>> LeadingOwnerPhrase(std::string_view sentence) {
  return ParsePhrase(sentence).owners;
}

namespace {

// How a paragraph is marked as a list entry.
enum class Marker { kNone, kBullet, kNumber };

// Where a paragraph's words start: after a list marker (a Word list's, or a typed bullet "•", "-",
// "*", or number "1.", "2)"), and which kind of marker it was.
size_t ContentStart(const Block& b, std::string_view para, Marker* marker) {
  size_t i = 0;
  *marker = Marker::kNone;
  if (b.kind == BlockKind::kListItem && !b.marker.empty() &&
      para.substr(0, b.marker.size()) == b.marker) {
    i = b.marker.size();
    *marker =
        std::isalnum(static_cast<unsigned char>(b.marker[0])) ? Marker::kNumber : Marker::kBullet;
  }
  while (i < para.size() && IsSpace(para[i])) ++i;
  if (*marker != Marker::kNone) return i;
  for (std::string_view bullet : {"\u2022", "\u25cf", "\u25aa", "-", "*", "\u2013", "o"}) {
    if (para.substr(i, bullet.size()) == bullet && i + bullet.size() < para.size() &&
        IsSpace(para[i + bullet.size()])) {
      *marker = Marker::kBullet;
      i += bullet.size();
      break;
    }
  }
  if (*marker == Marker::kNone) {
    size_t d = i;
    while (d < para.size() && d - i < 2 && std::isdigit(static_cast<unsigned char>(para[d]))) ++d;
    if (d > i && d + 1 < para.size() && (para[d] == '.' || para[d] == ')') && para[d + 1] == ' ') {
      *marker = Marker::kNumber;
      i = d + 1;
    }
  }
  while (i < para.size() && IsSpace(para[i])) ++i;
  return i;
}

// Trailing owners: initials after the text as a flattened owner column writes them ("... reference.
// PN", "...\tPN/TA", "... – GL"), or in brackets ("... paper (PN/TA)"). `bracketed` says which.
// Offsets relative to `para`; empty when the paragraph ends otherwise.
std::vector<std::pair<std::string, size_t>> TrailingOwners(std::string_view para, bool* bracketed,
                                                           size_t* text_end) {
  std::vector<std::pair<std::string, size_t>> out;
  // Both patterns end in capitals, or in ")" with at most a full stop after it, before trailing
  // white space (RE2's \s). Most paragraphs end otherwise; asking that first spares them the
  // patterns' lazy prefix with submatches, which cost a quarter of all extraction.
  auto before_spaces = [&](size_t end) {
    while (end > 0 && std::string_view(" \t\n\f\r").find(para[end - 1]) != std::string_view::npos)
      --end;
    return end;
  };
  size_t last = before_spaces(para.size());
  if (last > 0 && para[last - 1] == '.') last = before_spaces(last - 1);
  if (last == 0 || !(para[last - 1] == ')' || (para[last - 1] >= 'A' && para[last - 1] <= 'Z')))
    return out;
  // Initials are two capitals or more.
  bool capitals = false;
  for (size_t i = 1; i < para.size() && !capitals; ++i)
    capitals = para[i - 1] >= 'A' && para[i - 1] <= 'Z' && para[i] >= 'A' && para[i] <= 'Z';
  if (!capitals) return out;
#define MINUTES_INITIALS_LIST R"(([A-Z]{2,5}(?:\s*[/,&]\s*[A-Z]{2,5}|\s+and\s+[A-Z]{2,5})*))"
  static const RE2 column_re(R"(^(.*?\S)(?:\s*\.\s+|\t+|\s{2,}|\s+[–—-]\s+))" MINUTES_INITIALS_LIST
                             R"(\s*$)");
  static const RE2 bracket_re(R"(^(.*?\S)\s*\(\s*)" MINUTES_INITIALS_LIST R"(\s*\)\s*\.?\s*$)");
#undef MINUTES_INITIALS_LIST
  re2::StringPiece in(para.data(), para.size()), text, owners;
  if (RE2::FullMatch(in, column_re, &text, &owners)) {
    *bracketed = false;
    // The text keeps its full stop: "... terms of reference."
    size_t end = text.data() + text.size() - para.data();
    if (end < para.size() && para[end] == '.') ++end;
    *text_end = end;
  } else if (RE2::FullMatch(in, bracket_re, &text, &owners)) {
    *bracketed = true;
    *text_end = para.size();
  } else {
    return out;
  }
  size_t base = owners.data() - para.data();
  for (auto& [name, off] : SplitOwners(std::string_view(owners.data(), owners.size())))
    out.push_back({name, base + off});
  return out;
}

// True when `para` starts with an instruction: "Draft ...", "Circulate ...", not "Update from ...".
bool StartsWithInstruction(std::string_view para) {
  static const auto* verbs = new std::set<std::string, std::less<>>{
      "add",       "agree",   "amend",    "arrange",  "ask",      "book",     "bring",   "check",
      "circulate", "collate", "compile",  "complete", "confirm",  "consider", "contact", "convene",
      "develop",   "discuss", "draft",    "email",    "escalate", "explore",  "feed",    "find",
      "follow",    "forward", "identify", "invite",   "liaise",   "look",     "map",     "meet",
      "organise",  "prepare", "present",  "produce",  "provide",  "publish",  "raise",   "report",
      "request",   "review",  "revise",   "schedule", "seek",     "send",     "set",     "share",
      "speak",     "submit",  "update",   "write"};
  size_t e = 0;
  while (e < para.size() && std::isalpha(static_cast<unsigned char>(para[e]))) ++e;
  if (e == 0 || !std::isupper(static_cast<unsigned char>(para[0])) ||
      verbs->count(AsciiLower(para.substr(0, e))) == 0)
    return false;
  // "Update from the hub (SR)", "Review of placements (PN)": a noun heading an item, not an order.
  size_t n = e;
  while (n < para.size() && para[n] == ' ') ++n;
  size_t m = n;
  while (m < para.size() && std::isalpha(static_cast<unsigned char>(para[m]))) ++m;
  static const auto* nouns_before =
      new std::set<std::string, std::less<>>{"from", "on", "of", "by", "for"};
  return nouns_before->count(AsciiLower(para.substr(n, m - n))) == 0;
}

// A status written after an update: "... – Complete", "... - carried forward.", "... (ongoing)".
// Returns where the status starts (relative to `s`) and sets `*status`, or npos.
size_t TrailingStatus(std::string_view s, std::string* status) {
  size_t end = s.size();
  while (end > 0 && (IsSpace(s[end - 1]) || s[end - 1] == '.')) --end;
  if (end > 0 && s[end - 1] == ')') {
    size_t open = s.rfind('(', end);
    if (open != std::string_view::npos &&
        normalize::NormalizeStatus(s.substr(open + 1, end - open - 2))) {
      *status = std::string(s.substr(open + 1, end - open - 2));
      return open;
    }
    return std::string_view::npos;
  }
  size_t best = std::string_view::npos, skip = 0;
  for (std::string_view sep : {" - ", " \u2013 ", " \u2014 ", ". ", ": ", "; "}) {
    size_t at = s.rfind(sep, end);
    if (at != std::string_view::npos && (best == std::string_view::npos || at > best)) {
      best = at;
      skip = sep.size();
    }
  }
  if (best == std::string_view::npos) return best;
  std::string_view tail = s.substr(best + skip, end - best - skip);
  if (!normalize::NormalizeStatus(tail)) return std::string_view::npos;
  *status = std::string(tail);
  return best;
}

bool IsPersonOrChair(const std::string& owner, const OwnerDirectory* people) {
  return OwnerDirectory::IsChair(owner) || (people != nullptr && !people->Find(owner).empty());
}

bool AllPeople(const std::vector<std::pair<std::string, size_t>>& owners,
               const OwnerDirectory* people) {
  for (const auto& [name, off] : owners)
    if (!IsPersonOrChair(name, people)) return false;
  return !owners.empty();
}

// Finds the inline actions of the paragraphs of the body (see FindActions).
class InlineFinder {
 public:
  InlineFinder(const Document& doc, const OwnerDirectory* people, std::vector<RawAction>* out)
      : doc_(doc), people_(people), out_(out) {}

  void Paragraph(const Block& b) {
    std::string_view para = Text(doc_, b.span);
    Marker marker = Marker::kNone;
    size_t start = ContentStart(b, para, &marker);
    size_t base = b.span.start + start;
    std::string_view content = para.substr(start);
    size_t trimmed_end = content.size();
    while (trimmed_end > 0 && IsSpace(content[trimmed_end - 1])) --trimmed_end;
    content = content.substr(0, trimmed_end);
    if (content.empty()) return;

    if (Labelled(b, content)) return;
    // A heading starts with one of these words.
    if (MayStartWithAny(content, {"agreed", "new", "summary of", "action"})) {
      static const RE2 heading_re(
          R"((?i)^(?:agreed\s+|new\s+|summary of\s+)?actions?(?:\s+(?:points?|agreed|arising|from (?:this|the) meeting))?\s*:?)");
      if (RE2::FullMatch(re2::StringPiece(content.data(), content.size()), heading_re)) {
        in_section_ = true;
        return;
      }
    }
    if (MattersArising(b, content, base)) return;
    if (in_section_) {
      if (SectionLine(b, content, base, marker)) return;
      in_section_ = false;
    }
    Discussion(b, content, base);
  }

  void Table() { in_section_ = false; }

 private:
  RawAction Make(const Block& b, const char* rule, std::string_view text, size_t text_start) {
    RawAction a;
    a.source = ActionSource::kInline;
    a.rule = rule;
    a.span = b.span;
    a.text = std::string(text);
    a.text_span = Span{text_start, text_start + text.size()};
    return a;
  }

  void AddOwners(RawAction* a, const std::vector<std::pair<std::string, size_t>>& owners,
                 size_t base) {
    for (const auto& [name, off] : owners) {
      a->owners.push_back(name);
      a->owner_spans.push_back(Span{base + off, base + off + name.size()});
      a->owner_organisations.push_back("");
    }
  }

  // Owners at the end of `text` (absolute start `base`): a flattened column or brackets. Returns
  // where the action's text ends, relative to `text`.
  size_t AddTrailingOwners(RawAction* a, std::string_view text, size_t base) {
    bool bracketed = false;
    size_t end = text.size();
    auto owners = TrailingOwners(text, &bracketed, &end);
    AddOwners(a, owners, base);
    return owners.empty() ? text.size() : end;
  }

  // "Action: ...", "ACTION - ...": the text after the label, owners from the first sentence that
  // names them, else from its end.
  bool Labelled(const Block& b, std::string_view para) {
    if (!MayStartWithAny(para, {"action"})) return false;  // the label
    static const RE2 inline_re(R"((?i)^\s*actions?\s*(?:point)?\s*[:\-–]\s*(.+?)\s*$)");
    re2::StringPiece body;
    if (!RE2::FullMatch(re2::StringPiece(para.data(), para.size()), inline_re, &body)) return false;
    size_t off = body.data() - doc_.text.data();
    std::string_view text(body.data(), body.size());
    RawAction a = Make(b, "actions.inline_label", text, off);
    size_t sentence = 0;
    while (sentence < text.size()) {
      auto owners = ParsePhrase(text.substr(sentence)).owners;
      if (!owners.empty()) {
        AddOwners(&a, owners, off + sentence);
        break;
      }
      size_t dot = text.find(". ", sentence);
      if (dot == std::string_view::npos) break;
      sentence = dot + 2;
    }
    if (a.owners.empty()) {
      size_t end = AddTrailingOwners(&a, text, off);
      a.text = std::string(text.substr(0, end));
      a.text_span.end = off + end;
    }
    out_->push_back(std::move(a));
    return true;
  }

  // "Item 4.1 – Priya to circulate the rota – Complete": an update on an earlier action, by the
  // number it had.
  bool MattersArising(const Block& b, std::string_view content, size_t base) {
    if (!MayStartWithAny(content, {"item", "action"})) return false;
    static const RE2 re(
        R"(^(?:[Ii]tem|[Aa]ction)\s+(\d{1,3}(?:\.\d{1,3})*[a-z]?)\s*[:\-–—.)]?\s+)");
    re2::StringPiece in(content.data(), content.size()), ref;
    if (!RE2::Consume(&in, re, &ref)) return false;
    size_t rest_start = in.data() - content.data();
    std::string_view rest = content.substr(rest_start);
    Phrase phrase = ParsePhrase(rest);
    if (phrase.owners.empty()) return false;
    std::string status;
    size_t status_at = TrailingStatus(rest, &status);
    // An agenda heading may read "Item 5 – Surrey to present ...": an update says its status or
    // names people.
    if (status_at == std::string_view::npos && !AllPeople(phrase.owners, people_)) return false;
    std::string_view text = rest.substr(0, std::min(status_at, rest.size()));
    while (!text.empty() && IsSpace(text.back())) text.remove_suffix(1);
    RawAction a = Make(b, "actions.matters_arising", text, base + rest_start);
    a.ref = std::string(ref.data(), ref.size());
    AddOwners(&a, phrase.owners, base + rest_start);
    if (!status.empty()) {
      a.status_raw = status;
      size_t s = base + rest_start + rest.find(status, status_at);
      a.status_span = Span{s, s + status.size()};
    }
    out_->push_back(std::move(a));
    return true;
  }

  // A paragraph under an "Actions" heading: an action if it names owners or is a list item.
  bool SectionLine(const Block& b, std::string_view content, size_t base, Marker marker) {
    RawAction a = Make(b, "actions.section", content, base);
    auto owners = ParsePhrase(content).owners;
    if (!owners.empty()) {
      AddOwners(&a, owners, base);
    } else {
      size_t end = AddTrailingOwners(&a, content, base);
      a.text = std::string(content.substr(0, end));
      a.text_span.end = base + end;
      // A bulleted line is an action without an owner; a numbered one may be the next heading.
      if (a.owners.empty() && marker != Marker::kBullet) return false;
    }
    out_->push_back(std::move(a));
    return true;
  }

  // A discussion paragraph: each sentence whose leading owners are people or the chair, or that
  // asks someone; else a line ending with listed people's initials.
  void Discussion(const Block& b, std::string_view content, size_t base) {
    bool found = false;
    size_t sentence = 0;
    // The next ". ", "? " and "! " at or after `sentence`, each searched again only once passed:
    // one pass over the paragraph however many sentences it has.
    const std::string_view stops[] = {". ", "? ", "! "};
    size_t next_stop[] = {0, 0, 0};
    bool searched[] = {false, false, false};
    while (sentence < content.size()) {
      size_t end = content.size();
      for (int k = 0; k < 3; ++k) {
        if (!searched[k] || (next_stop[k] != std::string_view::npos && next_stop[k] < sentence)) {
          next_stop[k] = content.find(stops[k], sentence);
          searched[k] = true;
        }
        if (next_stop[k] != std::string_view::npos && next_stop[k] + 1 < end)
          end = next_stop[k] + 1;
      }
      std::string_view s = content.substr(sentence, end - sentence);
      Phrase phrase = ParsePhrase(s);
      // Only "X to ...": "SR will be working with ..." reports, it does not assign.
      if (phrase.to && (phrase.request || AllPeople(phrase.owners, people_))) {
        RawAction a = Make(b, phrase.request ? "actions.request" : "actions.owner_sentence", s,
                           base + sentence);
        AddOwners(&a, phrase.owners, base + sentence);
        out_->push_back(std::move(a));
        found = true;
      }
      sentence = end;
      while (sentence < content.size() && IsSpace(content[sentence])) ++sentence;
    }
    if (found || people_ == nullptr) return;
    bool bracketed = false;
    size_t end = content.size();
    auto owners = TrailingOwners(content, &bracketed, &end);
    if (owners.empty() || (bracketed && !StartsWithInstruction(content))) return;
    for (const auto& [name, off] : owners)
      if (people_->Find(name).empty()) return;
    // A flattened row has words before its owners, not just a name or a heading.
    if (std::count(content.begin(), content.begin() + end, ' ') < 2) return;
    RawAction a = Make(b, bracketed ? "actions.bracketed_owners" : "actions.owner_column",
                       content.substr(0, end), base);
    AddOwners(&a, owners, base);
    out_->push_back(std::move(a));
  }

  const Document& doc_;
  const OwnerDirectory* people_;
  std::vector<RawAction>* out_;
  bool in_section_ = false;  // under an "Actions" heading
};

}  // namespace

std::vector<RawAction> FindActions(const Document& doc, const OwnerDirectory* people) {
  std::vector<RawAction> out;
  int log_tables = 0;
  for (const Block& b : doc.body) {
    if (b.kind != BlockKind::kTable || b.rows.size() < 2) continue;
    // The header is the first row that names a text column beside one other known column.
    size_t header_row = b.rows.size();
    std::vector<Column> columns;
    for (size_t r = 0; r < std::min<size_t>(b.rows.size(), 3); ++r) {
      std::vector<const Cell*> grid = GridCells(b.rows[r]);
      std::vector<Column> cols;
      bool has_text = false;
      int others = 0;
      for (size_t g = 0; g < grid.size(); ++g) {
        Column c = ClassifyHeader(Text(doc, grid[g]->span));
        if (g > 0 && grid[g] == grid[g - 1]) c = Column::kUnknown;  // spanned
        // "Action" in a table with no other text column is the text column.
        if (c == Column::kText) {
          if (has_text) c = Column::kUnknown;
          has_text = true;
        } else if (c != Column::kUnknown) {
          ++others;
        }
        cols.push_back(c);
      }
      if (has_text && others >= 1) {
        header_row = r;
        columns = cols;
        break;
      }
    }
    if (header_row == b.rows.size()) continue;
    ++log_tables;

    for (size_t r = header_row + 1; r < b.rows.size(); ++r) {
      const Row& row = b.rows[r];
      std::vector<const Cell*> grid = GridCells(row);
      RawAction a;
      a.source = ActionSource::kLog;
      a.table = log_tables - 1;
      a.rule = "actions.table_row";
      a.span = row.span;
      for (size_t g = 0; g < grid.size() && g < columns.size(); ++g) {
        if (g > 0 && grid[g] == grid[g - 1]) continue;
        size_t off = grid[g]->span.start;
        std::string_view v = TrimSpace(Text(doc, grid[g]->span), &off);
        Span s{off, off + v.size()};
        Column c = columns[g];
        // An unlabelled column of refs ("49") is the ref column.
        if (c == Column::kUnknown && a.ref.empty() && !v.empty() && LooksLikeRef(v) &&
            grid[g]->span.size() < 8)
          c = Column::kRef;
        switch (c) {
          case Column::kRef:
            a.ref = std::string(v);
            break;
          case Column::kText:
            a.text = std::string(v);
            a.text_span = s;
            break;
          case Column::kOwner:
            for (CellOwner& o : SplitOwnerCell(v)) {
              a.owner_spans.push_back(Span{off + o.offset, off + o.offset + o.text.size()});
              a.owners.push_back(std::move(o.text));
              a.owner_organisations.push_back(std::move(o.organisation));
            }
            break;
          case Column::kIssued:
            a.issued_raw = std::string(v);
            a.issued_span = s;
            break;
          case Column::kDue:
            a.due_raw = std::string(v);
            a.due_span = s;
            break;
          case Column::kStatus:
            a.status_raw = std::string(v);
            a.status_span = s;
            break;
          case Column::kUnknown:
            break;
        }
      }
      if (a.text.empty() && a.ref.empty()) continue;  // a blank row
      out.push_back(std::move(a));
    }
  }

  // The actions written into the discussion, in one pass over the body's paragraphs.
  InlineFinder inline_finder(doc, people, &out);
  for (const Block& b : doc.body) {
    if (b.kind == BlockKind::kTable)
      inline_finder.Table();
    else
      inline_finder.Paragraph(b);
  }
  return out;
}

// The action-log rows and inline actions as written, and where every owner is written: in an
// owner cell, or leading an action's text ("GS and SD to meet").
extern const Step kActionLogStep = {
    "action_log", {Datum::kPeople}, {Datum::kActionLog}, [](Workspace* w) {
      OwnerDirectory people(w->x.people);
      w->raw_actions = FindActions(w->doc, &people);
      const std::string_view text(w->doc.text);
      for (const RawAction& a : w->raw_actions) {
        w->owner_spans.insert(w->owner_spans.end(), a.owner_spans.begin(), a.owner_spans.end());
        for (auto& [name, off] : LeadingOwners(text.substr(a.text_span.start, a.text_span.size())))
          w->owner_spans.push_back(
              Span{a.text_span.start + off, a.text_span.start + off + name.size()});
      }
    }};

}  // namespace minutes
