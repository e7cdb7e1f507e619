// Money figures: one RE2 pass finds each currency figure; short anchored patterns then read the
// qualifiers around it (approximation before, range and period after). Positions come from
// StringPiece captures, which point into the caller's text.

#include "extract/money.h"

#include <re2/re2.h>

#include <cctype>
#include <cstdlib>
#include <memory>
#include <optional>
#include <string_view>
#include <unordered_map>

#include "extract/literals.h"
#include "extract/spans.h"
#include "extract/steps.h"
#include "extract/words.h"

namespace minutes {
namespace {

#define MINUTES_AMOUNT \
  R"((\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?(?:\s?((?i:k|m|bn|million|billion|thousand))\b)?)"

// Group 1 the whole figure; 2 integer part; 3 decimals; 4 multiplier.
const RE2& FigurePattern() {
  static const RE2 re("((?:£|(?i:GBP)\\s?)" MINUTES_AMOUNT ")");
  return re;
}

// The second figure of a range right after the first: "-£267", " – 300", " to £3k".
const RE2& RangeTailPattern() {
  static const RE2 re("^\\s?(?:-|–|—|(?i:to))\\s?(?:£|(?i:GBP)\\s?)?" MINUTES_AMOUNT);
  return re;
}

// After "between £200": " and £300".
const RE2& AndTailPattern() {
  static const RE2 re("^\\s(?i:and)\\s(?:£|(?i:GBP)\\s?)" MINUTES_AMOUNT);
  return re;
}

// A word of approximation (group 1) or "between" (group 2) ending right before the figure.
const RE2& QualifierBeforePattern() {
  static const RE2 re(
      R"((?i)(?:^|[\s(,;:])(?:(c\.|ca\.|c|circa|around|roughly|about|approx\.?|approximately|estimated|est\.)|(between))\s?$)");
  return re;
}

struct PeriodRule {
  const char* pattern;  // anchored at the text right after the figure
  MoneyPeriod period;
};

const PeriodRule kPeriodRules[] = {
    {R"(^\s?(?i:ph|p/h|phr|per\s+hour|an\s+hour|a\s+hour|per\s+hr|/\s?hour|/\s?hr|/\s?h|hourly)\b)",
     MoneyPeriod::kHour},
    {R"(^\s?(?i:pd|p/d|per\s+day|a\s+day|/\s?day|daily|per\s+night|a\s+night)\b)",
     MoneyPeriod::kDay},
    {R"(^\s?(?i:pw|p/w|per\s+week|a\s+week|/\s?week|/\s?wk|weekly|for\s+(?:a\s+|the\s+|one\s+|each\s+)?week)\b)",
     MoneyPeriod::kWeek},
    {R"(^\s?(?i:pcm|per\s+calendar\s+month|per\s+month|a\s+month|/\s?month|monthly)\b)",
     MoneyPeriod::kMonth},
    {R"(^\s?(?i:p\.a\.|pa\b|per\s+annum\b|per\s+year\b|a\s+year\b|/\s?year\b|/\s?yr\b|annually\b))",
     MoneyPeriod::kYear},
    // A panel, a sitting or a visit is paid as a session (a fee per attendance); a night is a day.
    {R"(^\s?(?i:(?:per|a|each)\s+(?:session|shift|panel|sitting|visit|attendance)|per\s+call(?:-out)?|for\s+being\s+on\s+call)\b)",
     MoneyPeriod::kSession},
    {R"(^\s?(?i:one-off|one\s+off|as\s+a\s+one-off|lump\s+sum)\b)", MoneyPeriod::kOneOff},
};

// A period written before the figure: "a one-off payment of £500", "an annual grant of £20k", "a
// weekly rate of £300", "a sessional fee of £75", "a one-off £500". The adjective right before the
// figure, or up to two more words and "of", "at", "is" or "was", or a money noun and up to seven
// words in one clause ("the average weekly cost of a placement had risen to £6,240"). Group 1 is
// the adjective.
const RE2& PeriodBeforePattern() {
  static const RE2 re(
      R"((?i)\b(one-off|one\s+off|annual|yearly|weekly|monthly|daily|nightly|hourly|sessional))"
      R"((?:\s+(?:[a-z-]+\s+){0,2}(?:of|at|is|was)|)"
      R"(\s+(?:costs?|rates?|fees?|payments?|grants?|allowances?|charges?|prices?|spend|spending|)"
      R"(budget|bonus|sum|amount|retainer|salary|income)(?:\s+[a-z-]+){0,7}\s+)"
      R"((?:of|at|is|was|to|by|be|reached|totalled))?\s+$)");
  return re;
}

std::optional<MoneyPeriod> PeriodOfAdjective(std::string adjective) {
  adjective = AsciiLower(adjective);
  if (adjective == "annual" || adjective == "yearly") return MoneyPeriod::kYear;
  if (adjective == "weekly") return MoneyPeriod::kWeek;
  if (adjective == "monthly") return MoneyPeriod::kMonth;
  if (adjective == "daily" || adjective == "nightly") return MoneyPeriod::kDay;
  if (adjective == "hourly") return MoneyPeriod::kHour;
  if (adjective == "sessional") return MoneyPeriod::kSession;
  if (adjective.rfind("one", 0) == 0) return MoneyPeriod::kOneOff;
  return std::nullopt;
}

const std::vector<std::unique_ptr<RE2>>& PeriodPatterns() {
  static const auto* patterns = [] {
    auto* v = new std::vector<std::unique_ptr<RE2>>;
    for (const PeriodRule& r : kPeriodRules) v->push_back(std::make_unique<RE2>(r.pattern));
    return v;
  }();
  return *patterns;
}

int64_t Multiplier(const std::string& m) {
  std::string lower = AsciiLower(m);
  if (lower == "k" || lower == "thousand") return 1000;
  if (lower == "m" || lower == "million") return 1000000;
  if (lower == "bn" || lower == "billion") return 1000000000;
  return 1;
}

// A GCC and Clang extension (hence __extension__, which keeps -Wpedantic quiet): wide enough that
// 19 digits times the multiplier and 100 cannot overflow before the saturation test.
__extension__ typedef __int128 Int128;

// The figure in pence, computed in decimal so "£1,234,567.89" and "£2.5m" are exact: the digits
// as one integer, scaled by the multiplier and 100, divided by 10^(decimal places), rounded half
// up. A figure past about £10^15 saturates rather than overflows.
Amount Number(const std::string& integer, const std::string& decimals, const std::string& mult) {
  constexpr Int128 kMax = static_cast<Int128>(INT64_MAX);
  Int128 n = 0;
  for (char c : integer + decimals)
    if (c >= '0' && c <= '9' && n <= kMax) n = n * 10 + (c - '0');
  Int128 scale = 1;
  for (size_t i = 0; i < decimals.size() && scale <= kMax; ++i) scale *= 10;
  Int128 pence = n * Multiplier(mult) * 100;
  pence = (pence + scale / 2) / scale;
  return Amount{static_cast<int64_t>(pence > kMax ? kMax : pence)};
}

}  // namespace

bool MoneyScanner::Next(MoneyMatch* out) {
  const std::string_view text = text_;
  // Every figure starts with "£" or "GBP"; a text with neither has none.
  if (pos_ == 0 && !MayContainAny(text, {"£", "gbp"})) return false;
  const char* const base = text.data();
  re2::StringPiece input(base + pos_, text.size() - pos_);
  re2::StringPiece figure;
  std::string integer, decimals, mult;
  if (RE2::FindAndConsume(&input, FigurePattern(), &figure, &integer, &decimals, &mult)) {
    MoneyMatch m;
    m.start = figure.data() - base;
    m.end = m.start + figure.size();
    m.amount = Number(integer, decimals, mult);
    m.rule = "money.figure";

    // Qualifiers before: look at a short window ending at the figure.
    size_t window_start = m.start >= 24 ? m.start - 24 : 0;
    re2::StringPiece before(base + window_start, m.start - window_start);
    re2::StringPiece approx, between;
    if (RE2::PartialMatch(before, QualifierBeforePattern(), &approx, &between)) {
      if (!approx.empty()) {
        m.approximate = true;
        m.start = approx.data() - base;
        m.rule = "money.approximate";
      }
    }

    // A range right after.
    re2::StringPiece after(base + m.end, text.size() - m.end);
    std::string r_int, r_dec, r_mult;
    const RE2& tail = between.empty() ? RangeTailPattern() : AndTailPattern();
    if (RE2::Consume(&after, tail, &r_int, &r_dec, &r_mult)) {
      // A multiplier written once applies to both ends: "£2-3m", "£20k-30".
      m.amount = Number(integer, decimals, mult.empty() ? r_mult : mult);
      m.range_max = Number(r_int, r_dec, r_mult.empty() ? mult : r_mult);
      if (!between.empty()) m.start = between.data() - base;
      m.end = after.data() - base;
      m.rule = between.empty() ? "money.range" : "money.between_range";
      input = re2::StringPiece(base + m.end, text.size() - m.end);
    }

    // A period right after.
    const auto& periods = PeriodPatterns();
    for (size_t i = 0; i < periods.size(); ++i) {
      re2::StringPiece t(base + m.end, text.size() - m.end);
      if (RE2::Consume(&t, *periods[i])) {
        m.period = kPeriodRules[i].period;
        m.end = t.data() - base;
        input = re2::StringPiece(base + m.end, text.size() - m.end);
        break;
      }
    }
    // Else a period before ("an annual grant of £20k"); the span stays the figure's.
    if (!m.period) {
      size_t from = m.start >= 120 ? m.start - 120 : 0;
      re2::StringPiece lead(base + from, m.start - from);
      std::string adjective;
      if (RE2::PartialMatch(lead, PeriodBeforePattern(), &adjective))
        m.period = PeriodOfAdjective(adjective);
    }
    pos_ = input.data() - base;
    *out = m;
    return true;
  }
  pos_ = text.size();
  return false;
}

std::vector<MoneyMatch> FindMoney(std::string_view text) {
  std::vector<MoneyMatch> out;
  MoneyScanner scan(text);
  for (MoneyMatch m; scan.Next(&m);) out.push_back(m);
  return out;
}

size_t MoneyBound(std::string_view text) {
  size_t n = 0;
  for (size_t i = 0; i + 1 < text.size(); ++i) {
    if (text[i] == '\xC2' && text[i + 1] == '\xA3') ++n;  // "£" in UTF-8
    if ((text[i] == 'G' || text[i] == 'g') && i + 2 < text.size() &&
        (text[i + 1] == 'B' || text[i + 1] == 'b') && (text[i + 2] == 'P' || text[i + 2] == 'p'))
      ++n;
  }
  return n;
}

namespace {

// Every money figure in the body, with the LA it belongs to: one named in its clause ("Camden's
// fee is £310; RBKC pays £295"), else in its sentence, else the speaker's (the last person named
// before it in its paragraph).
std::vector<Money> AttributedMoney(const Document& doc, const TextBreaks& breaks,
                                   const std::vector<LaMentionItem>& la_mentions,
                                   const std::vector<Span>& la_spans,
                                   const std::vector<PersonMention>& person_mentions,
                                   const std::vector<Person>& people) {
  const std::string_view text(doc.text);
  // The codes of the LAs named inside `where`. Figures come in text order and share clauses and
  // sentences, so the last answer for each kind of span is kept: every mention is then looked at
  // once per clause and once per sentence, however many figures they hold.
  struct Named {
    Span where{0, 0};
    SharedStringList codes;
  };
  auto named_in = [&](Span where, Named* last) -> const SharedStringList& {
    if (where == last->where) return last->codes;
    last->where = where;
    std::vector<std::string> codes;
    const SharedStringList* first = nullptr;  // the first mention's codes
    auto [first_la, last_la] = OverlappingRange(la_spans, where);
    for (size_t k = first_la; k < last_la; ++k) {
      const LaMentionItem& l = la_mentions[k];
      if (!Inside(l.evidence.span, where)) continue;
      if (first == nullptr) first = &l.la_codes;
      for (const std::string& c : l.la_codes)
        if (std::find(codes.begin(), codes.end(), c) == codes.end()) codes.push_back(c);
    }
    // Most clauses name one LA: its mention's list is shared rather than copied.
    last->codes = first != nullptr && *first == codes ? *first : SharedStringList(std::move(codes));
    return last->codes;
  };
  Named in_clause, in_sentence;
  // The speakers a figure can fall back on: person mentions with a name, in text order, and each
  // name's LA codes (a name listed twice: the last listing's), so each figure costs O(log n).
  std::vector<const PersonMention*> speakers;
  for (const PersonMention& pm : person_mentions)
    if (!pm.name.empty()) speakers.push_back(&pm);
  std::unordered_map<std::string_view, SharedStringList> la_codes_of;
  for (const Person& p : people) la_codes_of[p.name] = p.la_codes;
  // Each rule's name is one buffer, shared by its figures.
  SharedStringPool rules;
  const std::string_view body = text.substr(0, doc.body_end);
  std::vector<Money> money;
  money.reserve(MoneyBound(body));  // not grown by doubling: held twice while it moves
  MoneyScanner scan(body);
  for (MoneyMatch mm; scan.Next(&mm);) {
    Money m;
    m.amount = mm.amount;
    m.range_max = mm.range_max;
    m.period = mm.period;
    m.approximate = mm.approximate;
    m.text = std::string(text.substr(mm.start, mm.end - mm.start));
    Span para = ParagraphAt(doc, mm.start);
    m.la_codes = named_in(breaks.ClauseAt(para, mm.start), &in_clause);
    if (m.la_codes.empty()) m.la_codes = named_in(breaks.SentenceAt(para, mm.start), &in_sentence);
    std::string_view how;  // how the LA was found, added to the rule
    if (!m.la_codes.empty()) {
      how = "+la_in_sentence";
    } else {
      // The last named person before the figure, if in its paragraph.
      auto it = std::upper_bound(
          speakers.begin(), speakers.end(), mm.start,
          [](size_t pos, const PersonMention* pm) { return pos < pm->evidence.span.end; });
      if (it != speakers.begin() && (*--it)->evidence.span.start >= para.start) {
        auto person = la_codes_of.find((*it)->name);
        if (person != la_codes_of.end()) m.la_codes = person->second;
        if (!m.la_codes.empty()) how = "+speaker_la";
      }
    }
    m.evidence = {Span{mm.start, mm.end}, 0.9, rules.Get(std::string(mm.rule).append(how))};
    money.push_back(std::move(m));
  }
  return money;
}

}  // namespace

extern const Step kMoneyStep = {"money",
                                {Datum::kLaMentions, Datum::kPersonMentions, Datum::kPeople},
                                {Datum::kMoney},
                                [](Workspace* w) {
                                  w->x.money = AttributedMoney(w->doc, w->breaks, w->x.la_mentions,
                                                               w->la_spans, w->x.person_mentions,
                                                               w->x.people);
                                }};

}  // namespace minutes
