// The consistency rules: what the extracted data say against each other and against the text.
// One step, after everything else, adding only findings (codes in findings.cc):
//   next_meeting_before_meeting, issued_after_meeting   dates against the meeting's (a "YYYY-MM"
//                                                        counts only when the whole month is)
//   action_without_owner, duplicate_action_ref          log rows (a ref repeated in one table)
//   duplicate_item_number                               agenda items (extract/agenda.h)
//   present_and_apologies, unknown_organisation         the attendance lists as written
//   money_without_la                                    figures outside OCR debris
//   ocr_debris                                          blocks of stray symbols and garbled figures

#include <re2/re2.h>

#include <algorithm>
#include <array>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "extract/findings.h"
#include "extract/mentions.h"
#include "extract/steps.h"

namespace minutes {
namespace {

namespace nz = normalize;

// --- dates: "YYYY-MM-DD" or "YYYY-MM" ---

bool IsIsoDate(std::string_view s) {
  if (s.size() != 7 && s.size() != 10) return false;
  for (size_t i = 0; i < s.size(); ++i) {
    bool dash = i == 4 || i == 7;
    if (dash ? s[i] != '-' : (s[i] < '0' || s[i] > '9')) return false;
  }
  return true;
}

// The first and last day a date can mean, as comparable strings: a month runs from day 00 to 99.
std::string FirstDay(std::string_view s) { return std::string(s) + (s.size() == 7 ? "-00" : ""); }
std::string LastDay(std::string_view s) { return std::string(s) + (s.size() == 7 ? "-99" : ""); }

// True when every day `a` can mean is after every day `b` can mean.
bool WhollyAfter(std::string_view a, std::string_view b) {
  return IsIsoDate(a) && IsIsoDate(b) && FirstDay(a) > LastDay(b);
}

// True when no day `a` can mean is after every day `b` can mean: `a` is on or before `b`.
bool OnOrBefore(std::string_view a, std::string_view b) {
  return IsIsoDate(a) && IsIsoDate(b) && LastDay(a) <= FirstDay(b);
}

void CheckDates(Workspace* w) {
  const Meeting& m = w->x.meeting;
  if (m.date.empty()) return;
  for (const MeetingTime& t : m.next_meetings)
    if (OnOrBefore(t.date, m.date))
      w->x.findings.push_back(MakeFinding(FindingCode::kNextMeetingBeforeMeeting,
                                          "the next meeting (" + t.date +
                                              ") is not after this meeting (" + m.date +
                                              "): correct its date",
                                          t.evidence.span));
  for (size_t i = 0; i < w->x.actions.size(); ++i) {
    const Action& a = w->x.actions[i];
    if (!WhollyAfter(a.issued, m.date)) continue;
    Span span = i < w->raw_actions.size() && w->raw_actions[i].issued_span.size() > 0
                    ? w->raw_actions[i].issued_span
                    : a.evidence.span;
    std::string which = a.ref.empty() ? "an action" : "action " + a.ref;
    w->x.findings.push_back(MakeFinding(FindingCode::kIssuedAfterMeeting,
                                        which + " is issued " + a.issued + ", after the meeting (" +
                                            m.date + "): correct its issued date",
                                        span));
  }
}

// --- the action log ---

// The span of `ref` inside the row `row`, else the row.
Span RefSpan(std::string_view text, const RawAction& row) {
  if (row.span.end <= text.size() && !row.ref.empty()) {
    size_t at = text.substr(0, row.span.end).find(row.ref, row.span.start);
    if (at != std::string_view::npos) return Span{at, at + row.ref.size()};
  }
  return row.span;
}

void CheckActionLog(Workspace* w) {
  std::map<std::pair<int, std::string>, int> uses;  // (table, ref) -> rows so far
  for (size_t i = 0; i < w->x.actions.size() && i < w->raw_actions.size(); ++i) {
    const Action& a = w->x.actions[i];
    const RawAction& row = w->raw_actions[i];
    if (a.source != ActionSource::kLog) continue;
    if (a.owners.empty())
      w->x.findings.push_back(
          MakeFinding(FindingCode::kActionWithoutOwner,
                      "action " + (a.ref.empty() ? std::string("without a ref") : a.ref) +
                          " has no owner: say who will do it",
                      row.span));
    if (a.ref.empty()) continue;
    if (++uses[{row.table, a.ref}] == 2)
      w->x.findings.push_back(
          MakeFinding(FindingCode::kDuplicateActionRef,
                      "action ref " + a.ref + " is used twice in one action log: renumber a row",
                      RefSpan(w->doc.text, row)));
  }
}

// --- agenda items ---

void CheckItemNumbers(Workspace* w) {
  std::set<std::string> seen;
  for (const AgendaItem& item : w->x.items)
    if (!seen.insert(item.number.str()).second)
      w->x.findings.push_back(
          MakeFinding(FindingCode::kDuplicateItemNumber,
                      "agenda item " + item.number.str() + " is numbered twice: renumber the items",
                      item.evidence.span));
}

// --- people ---

void CheckAttendance(Workspace* w) {
  std::map<std::string, const ListedPerson*> present;
  std::map<std::string, const ListedPerson*> apologies;
  for (const ListedPerson& lp : w->listed_people) {
    std::string key = nz::PersonNameKey(lp.name_raw);
    if (key.empty()) continue;
    if (lp.attendance == Attendance::kAbsent) continue;  // absent is neither present nor apologies
    (lp.attendance == Attendance::kApologies ? apologies : present).try_emplace(key, &lp);
  }
  for (const auto& [key, lp] : apologies) {
    auto it = present.find(key);
    if (it == present.end()) continue;
    // The span is on the later of the two listings.
    const ListedPerson* later = it->second->name_span.start > lp->name_span.start ? it->second : lp;
    w->x.findings.push_back(
        MakeFinding(FindingCode::kPresentAndApologies,
                    nz::NormalizePersonName(lp->name_raw) +
                        " is listed both present and sending apologies: keep the right one",
                    later->name_span));
  }
}

// A body that is not an LA but stands where an organisation does: a sector acronym from the
// register (SESLIP, DfE, Ofsted, ICB...) or a word that names a kind of body (NHS, Trust...).
bool IsKnownBody(std::string_view org, const nz::LaRegister& las) {
  static const RE2 body_re(
      R"((?i)\b(?:NHS|Trust|Foundation|Partnership|Department|Agency|Police|University|College|Ltd|Limited|CIC|Charity)\b)");
  if (RE2::PartialMatch(re2::StringPiece(org.data(), org.size()), body_re)) return true;
  if (las.IsSectorAcronym(org)) return true;
  static const RE2 word_re(R"(([\p{L}\p{N}'’]+))");
  re2::StringPiece input(org.data(), org.size());
  re2::StringPiece word;
  while (RE2::FindAndConsume(&input, word_re, &word))
    if (las.IsSectorAcronym(std::string_view(word.data(), word.size()))) return true;
  return false;
}

void CheckOrganisations(Workspace* w) {
  // Each listing's organisation span, by name key, to point at the words themselves.
  std::map<std::string, Span> org_spans;
  for (const ListedPerson& lp : w->listed_people)
    if (!lp.organisation_raw.empty())
      org_spans.try_emplace(nz::PersonNameKey(lp.name_raw), lp.organisation_span);
  for (const Person& p : w->x.people) {
    if (p.organisation.empty() || !p.la_codes.empty() || IsKnownBody(p.organisation, w->las))
      continue;
    if (IsUnsettledLaAlias(w->las, p.organisation)) continue;  // ambiguous_la says it already
    auto it = org_spans.find(nz::PersonNameKey(p.name_raw));
    Span span = it != org_spans.end() && it->second.size() > 0 ? it->second : p.evidence.span;
    w->x.findings.push_back(MakeFinding(FindingCode::kUnknownOrganisation,
                                        p.name + "'s organisation '" + p.organisation +
                                            "' is neither a local authority nor a known body: "
                                            "check its spelling",
                                        span));
  }
}

// --- money ---

// --- OCR debris ---

// How much a line looks like OCR debris: one point per stray thing.
//  * a run of three or more stray symbols (";::“\"‘", "|[}");
//  * a "|" or an unmatched "[" inside a line that is not a table row ("| a | b |");
//  * an "e" or "#" where a "£" was ("e23041", "#1096");
//  * a whole-pound figure of four or more digits beside pence figures at least twenty times
//    smaller ("£23262" among "£239.33", "£303.52": the "." was lost).
int DebrisScore(std::string_view line) {
  // Each pattern is compiled and run only on a line that has what it needs: three symbols (each
  // of them an ASCII byte of the set or, for the curly quotes, a 0xE2 lead byte), an "e" or a "#"
  // before a digit, a "." before a digit, a "£".
  static constexpr std::array<bool, 256> kSymbol = [] {
    std::array<bool, 256> t{};
    for (unsigned char c : std::string_view(";:'\"|[]{}~^`<>@\xE2")) t[c] = true;
    return t;
  }();
  int symbols = 0;
  bool pound_sign = false, pence = false;
  for (size_t i = 0; i < line.size(); ++i) {
    char c = line[i];
    symbols += kSymbol[static_cast<unsigned char>(c)];
    bool digit_next = i + 1 < line.size() && line[i + 1] >= '0' && line[i + 1] <= '9';
    pound_sign = pound_sign || (digit_next && (c == 'e' || c == '#'));
    pence = pence || (digit_next && c == '.');
  }
  re2::StringPiece text(line.data(), line.size());
  int score = 0;
  re2::StringPiece input = text;
  if (symbols >= 3) {
    static const RE2 symbols_re(R"((?:[;:'"|\[\]{}~^`<>@]|“|”|‘|’){3,})");
    while (RE2::FindAndConsume(&input, symbols_re)) ++score;
  }
  if (pound_sign) {
    static const RE2 pound_sign_re(R"((?:^|[\s\[|(])(?:e\d|#\d))");
    input = text;
    while (RE2::FindAndConsume(&input, pound_sign_re)) ++score;
  }

  std::string_view trimmed = line;
  while (!trimmed.empty() && (trimmed.front() == ' ' || trimmed.front() == '\t'))
    trimmed.remove_prefix(1);
  while (!trimmed.empty() &&
         (trimmed.back() == ' ' || trimmed.back() == '\t' || trimmed.back() == '\r'))
    trimmed.remove_suffix(1);
  bool table_row = trimmed.size() > 1 && trimmed.front() == '|' && trimmed.back() == '|';
  if (!table_row) {
    int open = 0;
    for (char c : line) {
      if (c == '|') ++score;
      if (c == '[') ++open;
      if (c == ']' && open > 0) --open;
    }
    score += open;
  }

  int pence_figures = 0;
  double largest_pence = 0;
  if (pence) {
    static const RE2 pence_re(R"(£?\b(\d{1,4})\.(\d\d)\b)");
    input = text;
    std::string pounds, pence_digits;
    while (RE2::FindAndConsume(&input, pence_re, &pounds, &pence_digits)) {
      ++pence_figures;
      largest_pence = std::max(largest_pence, std::stod(pounds));
    }
  }
  if (pence_figures >= 2) {
    static const RE2 whole_re(R"(£(\d{4,12})\b(?:[^.,\d]|$))");  // std::stod cannot overflow
    input = text;
    std::string whole;
    while (RE2::FindAndConsume(&input, whole_re, &whole))
      if (std::stod(whole) >= 20 * largest_pence) ++score;
  }
  return score;
}

// Adds a finding per debris region; returns the regions.
std::vector<Span> CheckOcrDebris(Workspace* w) {
  std::vector<Span> regions;
  // A region: suspect lines (score > 0) with at most kGap other non-blank lines between them. It is
  // debris when it holds at least kMinLines suspect lines and kMinScore points: one stray "|" or an
  // odd quotation is not debris, a block of them is.
  constexpr int kGap = 2;
  constexpr int kMinLines = 3;
  constexpr int kMinScore = 6;
  std::string_view text = w->doc.text;
  struct Region {
    size_t start = 0, end = 0;
    int lines = 0, score = 0, gap = 0;
  };
  Region r;
  auto flush = [&] {
    if (r.lines >= kMinLines && r.score >= kMinScore) {
      regions.push_back(Span{r.start, r.end});
      w->x.findings.push_back(MakeFinding(
          FindingCode::kOcrDebris,
          "these " + std::to_string(r.lines) +
              " lines look like OCR debris (stray symbols, garbled figures): remove or retype them",
          Span{r.start, r.end}));
    }
    r = Region{};
  };
  size_t pos = 0;
  while (pos < text.size()) {
    size_t nl = text.find('\n', pos);
    size_t end = nl == std::string_view::npos ? text.size() : nl;
    std::string_view line = text.substr(pos, end - pos);
    int score = DebrisScore(line);
    if (score > 0) {
      size_t first = line.find_first_not_of(" \t");
      size_t last = line.find_last_not_of(" \t\r");
      if (r.lines == 0) r.start = pos + first;
      r.end = pos + last + 1;
      ++r.lines;
      r.score += score;
      r.gap = 0;
    } else if (r.lines > 0 && line.find_first_not_of(" \t\r") != std::string_view::npos &&
               ++r.gap > kGap) {
      flush();
    }
    pos = end + 1;
  }
  flush();
  return regions;
}

// A figure inside OCR debris is not worth an LA: the debris finding covers it.
void CheckMoney(Workspace* w, const std::vector<Span>& debris) {
  for (const Money& m : w->x.money) {
    if (!m.la_codes.empty()) continue;
    const Span& s = m.evidence.span;
    bool in_debris = std::any_of(debris.begin(), debris.end(), [&s](const Span& d) {
      return d.start <= s.start && s.end <= d.end;
    });
    if (in_debris) continue;
    w->x.findings.push_back(MakeFinding(
        FindingCode::kMoneyWithoutLa,
        "the figure '" + m.text + "' belongs to no local authority: say whose it is", s));
  }
}

}  // namespace

extern const Step kValidationStep = {"validation",
                                     {Datum::kMeeting, Datum::kPeople, Datum::kActionLog,
                                      Datum::kActions, Datum::kMoney, Datum::kAgenda},
                                     {Datum::kValidation},
                                     [](Workspace* w) {
                                       CheckDates(w);
                                       CheckActionLog(w);
                                       CheckItemNumbers(w);
                                       CheckAttendance(w);
                                       CheckOrganisations(w);
                                       CheckMoney(w, CheckOcrDebris(w));
                                     }};

}  // namespace minutes
