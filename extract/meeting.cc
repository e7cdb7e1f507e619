// The meeting header: title, date, times and the next meetings, wherever the notes write them.

#include "extract/meeting.h"

#include <re2/re2.h>

#include <atomic>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <string_view>

#include "extract/findings.h"
#include "extract/literals.h"
#include "extract/steps.h"

namespace minutes {
namespace {

namespace nz = normalize;

// How many blocks from the top may hold the title and, when no "Date:" line gives it, the date.
constexpr size_t kOpeningBlocks = 5;

std::string_view View(const Document& doc, Span s) {
  return std::string_view(doc.text).substr(s.start, s.size());
}

re2::StringPiece Piece(std::string_view s) { return re2::StringPiece(s.data(), s.size()); }

std::string_view Sv(re2::StringPiece p) { return std::string_view(p.data(), p.size()); }

// A date as written inside a sentence: "Tuesday, 14 January 2025", "4th November", "the 3rd of
// June", "March 17, 2026", "14 Jan 25", "14/01/2025", "2025-01-14". No word boundary is asked
// for around the digits: a PDF export runs words together ("on3 May 2024at 2pm"). A two-digit
// year counts only before a comma, a semicolon, "at", "from" or the end ("14 Jan 25 at 6pm"),
// never before a time ("4 November 10 - 12"). ParseDate has the last word; this only finds the
// words.
#define MINUTES_MONTH R"((?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?)"
#define MINUTES_DATE                                                    \
  R"((?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?(?:the\s+)?(?:)" \
  R"(\d{1,2}(?:st|nd|rd|th)?(?:\s+of)?\s+)" MINUTES_MONTH               \
  R"((?:,?\s*(?:\d{4}|\d\d(?:[,;]|\.?\s*$|\s+(?:at|from)\b)))?)"        \
  R"(|)" MINUTES_MONTH R"(\s+\d{1,2}(?:st|nd|rd|th)?(?:,?\s+\d{4})?)"   \
  R"(|\d{1,2}/\d{1,2}/(?:\d{4}|\d\d)|\d{4}-\d\d-\d\d))"
// A time or range as written: "6.30 pm", "18:34", "9.45am – 12.30pm", "14:00-16.30", "12 noon".
#define MINUTES_CLOCK R"(\d{1,2}(?:[.:]\d\d)?\s*(?:[ap]\.m\.?|[ap]m|noon)?)"
#define MINUTES_TIME MINUTES_CLOCK R"((?:\s*(?:-|–|—|to|until|till)\s*)" MINUTES_CLOCK R"()?)"

// A pattern looked for anywhere in a text, for where its groups are. To say where an unanchored
// match starts, RE2 runs the pattern backwards, compiling it a second time on first use: for a
// one-line note, a third of the cost of finding its date. Behind "^\C*?" (any bytes, as few as
// may be: RE2's own unanchored prefix) the pattern finds the same leftmost-first match with one
// program; but RE2 then takes the groups from the text before the match as well, a few times
// dearer for a line and fifty times for a paragraph. So a text of a line uses the anchored form
// until a longer text has compiled the plain one, which every text uses from then on: a batch run
// pays for both once, a one-line note for the anchored form alone. Thread-safe; each form is
// compiled on first use.
class AnywhereSearch {
 public:
  explicit AnywhereSearch(const char* pattern) : pattern_(pattern) {}

  // The program to search `text` with.
  const RE2& For(std::string_view text) const {
    if (text.size() > kLineBytes || plain_compiled_.load(std::memory_order_acquire)) {
      std::call_once(plain_once_, [this] {
        plain_.emplace(pattern_);
        plain_compiled_.store(true, std::memory_order_release);
      });
      return *plain_;
    }
    std::call_once(anchored_once_,
                   [this] { anchored_.emplace(std::string(R"(^\C*?)") + pattern_); });
    return *anchored_;
  }

 private:
  static constexpr size_t kLineBytes = 100;

  const char* const pattern_;
  mutable std::once_flag plain_once_;
  mutable std::once_flag anchored_once_;
  mutable std::optional<RE2> plain_;
  mutable std::optional<RE2> anchored_;
  mutable std::atomic<bool> plain_compiled_{false};
};

// A time or time range at the end of a date line: "10-11.30", "2-3.30", "1.30pm – 3pm".
// Group 1 is the date part, group 2 the time part.
const RE2& DateThenTime() {
  static const RE2 re(
      R"((?i)^\s*(.*?)[\s,;@]*(?:from\s+|at\s+)?(\d{1,2}(?:[.:]\d{2})?\s*(?:am|pm|noon)?\s*(?:-|–|—|to|until|till)\s*\d{1,2}(?:[.:]\d{2})?\s*(?:am|pm|noon)?|\d{1,2}(?:[.:]\d{2})?\s*(?:am|pm))\s*$)");
  return re;
}

// "July 2025", "December 2025" anywhere in a title.
const AnywhereSearch& MonthYear() {
  static const AnywhereSearch search(
      R"((?i)\b((?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{4})\b)");
  return search;
}

Finding WeekdayFinding(std::string_view written, const nz::ParsedDate& d, Span span) {
  static const char* const kDays[] = {"Monday", "Tuesday",  "Wednesday", "Thursday",
                                      "Friday", "Saturday", "Sunday"};
  return MakeFinding(FindingCode::kWeekdayMismatch,
                     "'" + std::string(written) + "' names a " +
                         (d.weekday >= 0 && d.weekday < 7 ? kDays[d.weekday] : "weekday") +
                         " but " + d.iso + " is not one; check the date",
                     span);
}

std::optional<nz::ParsedDate> Parse(std::string_view text, const nz::CivilDate& reference,
                                    bool next) {
  return next ? nz::ParseNextDate(text, reference) : nz::ParseDate(text, reference);
}

void SetTimes(const nz::TimeRange& range, MeetingTime* t) {
  t->start_time = range.start;
  t->end_time = range.end;
  t->time_inferred = range.start_inferred || range.end_inferred;
}

// Reads "<date> <time range>", the whole of `s`, starting at absolute offset `offset`.
MeetingTime ReadDateTime(std::string_view s, size_t offset, const nz::CivilDate& reference,
                         bool next, std::vector<Finding>* findings) {
  MeetingTime t;
  re2::StringPiece date_part, time_part;
  std::string_view date_text = s;
  // DateThenTime's time part is a range, whose separator is one of these words, or a time with
  // "am" or "pm"; both start with a digit.
  if (HasDigit(s) && MayContainAny(s, {"-", "–", "—", "to", "until", "till", "am", "pm"}) &&
      RE2::FullMatch(Piece(s), DateThenTime(), &date_part, &time_part)) {
    date_text = Sv(date_part);
    if (auto range = nz::ParseTimeRange(Sv(time_part))) SetTimes(*range, &t);
  }
  auto date = Parse(date_text, reference, next);
  Span span{offset, offset + s.size()};
  if (date) {
    t.date = date->iso;
    // The finding points at the date's own words, not at the time after them.
    size_t date_start = offset + (date_text.data() - s.data());
    if (date->weekday_mismatch)
      findings->push_back(
          WeekdayFinding(date_text, *date, Span{date_start, date_start + date_text.size()}));
  }
  t.evidence.span = span;
  t.evidence.rule = next ? "meeting.next_meeting_line" : "meeting.date_line";
  t.evidence.confidence = date ? (t.time_inferred ? 0.9 : 1.0) : 0.3;
  return t;
}

// A time right after a date: ", 9.45am – 12.30pm", " at 6.30 pm", "at 2pm" (run together).
// Returns how many bytes of `after` it takes, 0 when no time follows.
size_t TimeAfter(std::string_view after, MeetingTime* t) {
  if (!HasDigit(after)) return 0;  // a time starts with a digit
  static const RE2 re(R"((?i)^[\s,;@]*(?:from\s*|at\s*|starting\s+at\s*)?()" MINUTES_TIME ")");
  re2::StringPiece in = Piece(after), time;
  if (!RE2::Consume(&in, re, &time)) return 0;
  // "10.30-12" read as far as it goes; "at 10 people" is no time.
  auto range = nz::ParseTimeRange(Sv(time));
  if (!range) return 0;
  SetTimes(*range, t);
  return time.data() + time.size() - after.data();
}

// A date at the very start of `s` (after a bullet), with any time right after it and any words
// after those: "10 March (subject to confirmation)", "9 June 14:00-16.30", "4th November at
// 18:30pm, online". The evidence covers the date and its time. Empty date when `s` does not start
// with one.
MeetingTime ReadLeadingDateTime(std::string_view s, size_t offset, const nz::CivilDate& reference,
                                bool next, std::vector<Finding>* findings) {
  MeetingTime t;
  if (!HasDigit(s)) return t;  // every form of MINUTES_DATE has a digit: the day, the year or both
  static const RE2 re(R"((?i)^\s*(?:[•·*\-–]\s*)?()" MINUTES_DATE ")");
  re2::StringPiece in = Piece(s), date_words;
  if (!RE2::Consume(&in, re, &date_words)) return t;
  // The words a two-digit year is recognised by ("14 Jan 25 at") are not the date's.
  std::string_view words = Sv(date_words);
  static const RE2 trailer(R"((?i)^(.*?)(?:\s+(?:at|from))?[\s,;.]*$)");
  re2::StringPiece kept;
  if (RE2::FullMatch(Piece(words), trailer, &kept)) words = Sv(kept);
  auto date = Parse(words, reference, next);
  if (!date) return t;
  size_t start = offset + (words.data() - s.data());
  size_t end = start + words.size();
  end += TimeAfter(s.substr(words.data() + words.size() - s.data()), &t);
  t.date = date->iso;
  if (date->weekday_mismatch)
    findings->push_back(WeekdayFinding(words, *date, Span{start, start + words.size()}));
  t.evidence.span = Span{start, end};
  t.evidence.rule = next ? "meeting.next_meeting_line" : "meeting.date_line";
  t.evidence.confidence = t.time_inferred ? 0.85 : 0.95;
  return t;
}

// Reads one item of a next-meetings line or list: the whole item as a date and time if it is one,
// else a date at its start with the words after it ignored.
MeetingTime ReadNextItem(std::string_view item, size_t offset, const nz::CivilDate& reference,
                         std::vector<Finding>* findings) {
  std::vector<Finding> found;
  MeetingTime t = ReadDateTime(item, offset, reference, /*next=*/true, &found);
  if (t.date.empty()) {
    found.clear();
    t = ReadLeadingDateTime(item, offset, reference, /*next=*/true, &found);
  }
  for (Finding& f : found) findings->push_back(std::move(f));
  return t;
}

// A block that is only the name of the council whose minutes these are ("ANYTOWN BOROUGH
// COUNCIL", "London Borough of Hackney"): a letterhead above the meeting's own title.
bool IsCouncilName(std::string_view para) {
  if (!MayContainAny(para, {"borough", "council"})) return false;  // one or the other is the name
  static const RE2 re(
      R"((?i)^\s*(?:the\s+)?(?:(?:london|royal)\s+borough\s+of(?:\s+[a-z'&-]+){1,4}|(?:[a-z'&.-]+\s+){1,5}council)\s*$)");
  return RE2::FullMatch(Piece(para), re);
}

// A labelled line ("Date: ...", "Present:") rather than a title.
bool IsLabelled(std::string_view para) {
  if (para.find(':') == std::string_view::npos) return false;
  static const RE2 re(R"(^\s*[A-Za-z][A-Za-z ]{0,29}:)");
  return RE2::PartialMatch(Piece(para), re);
}

// The next meetings' label, alone as a heading ("Dates of future meetings", "6. Next meetings")
// or before the dates ("Next meeting dates: ..."). Group 1 is what follows it, maybe empty.
const RE2& NextLabel() {
  static const RE2 re(
      R"((?i)^\s*(?:\d{1,2}[.)]?\s+)?(?:(?:the\s+)?(?:dates?|times?|details)\s+(?:and\s+times?\s+)?of\s+(?:the\s+)?(?:next|future|forthcoming)\s+meetings?|(?:next|future|forthcoming)\s+meetings?(?:\s+dates?)?|(?:future\s+)?meeting\s+dates(?:\s+for\s+\d{4}(?:[/-]\d{2,4})?)?)\s*(?:[:\-–]\s*)?(.*?)\s*$)");
  return re;
}

// "the next meeting is scheduled for 4th November", "The next meeting will be held on Friday 5
// July 2024 at 2pm", "next meeting: 3 March". Group 1 is the date's words.
const RE2& NextSentence() {
  static const RE2 re(
      R"((?i)\bnext\s+(?:[a-z]+\s+)?meeting\s*(?:(?:is|will|be|has|been|was|now|provisionally|tentatively|scheduled|arranged|planned|booked|set|confirmed|due|to|held|taking|takes|place|for|on|as|date|of)\s+)*(?:[:\-–]\s*)?()" MINUTES_DATE
      ")");
  return re;
}

// A meeting or future meeting mentioned in the block at all: such a block never gives the
// meeting's own date.
bool MentionsOtherMeetings(std::string_view para) {
  static const RE2 re(
      R"((?i)\b(?:next|future|forthcoming|previous|last)\s+(?:[a-z]+\s+)?meetings?\b)");
  return RE2::PartialMatch(Piece(para), re);
}

// "The meeting commenced at 18:34", "Meeting started at: 10.05", "the meeting closed at
// 4.15pm", "Closed at 20:05." Group 1 is the verb, group 2 the time.
bool FindStartOrEnd(std::string_view para, bool* is_start, nz::TimeRange* time) {
  static const RE2 with_subject(
      R"((?i)\b(?:meeting|panel|committee|sub-committee|board)\s+(?:was\s+|formally\s+|then\s+)?(commenced|started|began|opened|closed|ended|finished|concluded|terminated)\s+(?:at\s*)?:?\s*()" MINUTES_TIME
      ")");
  static const RE2 bare(
      R"((?i)(?:^|[.;!]\s+)\s*(commenced|started|began|opened|closed|ended|finished|concluded)\s+at\s*:?\s*()" MINUTES_TIME
      R"()\s*(?:[.;,(]|$))");
  re2::StringPiece verb, t;
  if (!RE2::PartialMatch(Piece(para), with_subject, &verb, &t) &&
      !RE2::PartialMatch(Piece(para), bare, &verb, &t))
    return false;
  auto range = nz::ParseTimeRange(Sv(t));
  if (!range) return false;
  static const std::set<std::string> kStarts = {"commenced", "started", "began", "opened"};
  std::string v(verb.data(), verb.size());
  for (char& c : v) c = static_cast<char>(c | 0x20);
  *is_start = kStarts.count(v) > 0;
  *time = *range;
  return true;
}

// "Date: Tuesday 14 January 2025, 6.30pm", "When: ...". Group 1 is what follows the label.
const RE2& DateLabel() {
  static const RE2 re(R"((?i)^\s*(?:date(?: and time)?|when|meeting date)\s*:\s*(.+?)\s*$)");
  return re;
}

// A full date, the day's number and the year's included, anywhere in a block: "held on Thursday 20
// November 2025", "14/01/2025", "2025-01-14". Group 1 is the date.
const AnywhereSearch& FullDate() {
  static const AnywhereSearch search(
      R"((?i)(?:^|[^0-9])((?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?\d{1,2}(?:st|nd|rd|th)?\s+)" MINUTES_MONTH
      R"(,?\s*(?:\d{4}|\d\d(?:[,;]|\.?\s*$|\s+(?:at|from)\b))|\d{1,2}/\d{1,2}/\d{4}|\d{4}-\d\d-\d\d))");
  return search;
}

void SetReference(const std::string& iso, MeetingInfo* info) {
  if (auto d = nz::ParseDate(iso, {}); d && d->precision == nz::DatePrecision::kDay) {
    info->reference = {d->year, d->month, d->day};
    info->has_reference = true;
  }
}

// Where the notes announce the next meetings, found before the meeting's date is known (the
// opening lines that hold them never give the meeting's date), read after it.
struct NextSource {
  enum Kind { kLine, kListItem, kSentence } kind;
  size_t block;
  std::string_view words;  // what to read: the label's content, the list item, the sentence's date
};

}  // namespace

MeetingInfo FindMeeting(const Document& doc) {
  MeetingInfo info;
  Meeting& m = info.meeting;
  const std::string_view text(doc.text);

  // Title: the first block with text (a heading if the document has one before any paragraph),
  // unless that is only the council's name above the meeting's own title.
  {
    std::vector<const Block*> opening;
    for (const Block& b : doc.body) {
      if (opening.size() == 2) break;
      if (b.kind == BlockKind::kTable || b.kind == BlockKind::kImage) continue;
      if (View(doc, b.span).empty()) continue;
      opening.push_back(&b);
    }
    const Block* title = opening.empty() ? nullptr : opening[0];
    if (opening.size() == 2 && IsCouncilName(View(doc, opening[0]->span)) &&
        !IsLabelled(View(doc, opening[1]->span)))
      title = opening[1];
    if (title != nullptr) {
      m.title = std::string(View(doc, title->span));
      m.evidence.span = title->span;
      m.evidence.rule =
          title->kind == BlockKind::kHeading ? "meeting.title_heading" : "meeting.first_line";
      m.evidence.confidence = title->kind == BlockKind::kHeading ? 0.95 : 0.8;
    }
  }
  // The title's month and year: the reference for dates that omit the year.
  re2::StringPiece month_year;
  if (HasDigit(m.title) &&
      RE2::PartialMatch(Piece(m.title), MonthYear().For(m.title), &month_year)) {
    if (auto d = nz::ParseDate(Sv(month_year), {})) {
      info.reference = {d->year, d->month, 1};
      info.has_reference = true;
    }
  }

  // One pass over the blocks: the "Date:" line, where the next meetings are announced, and when
  // the meeting started and ended.
  // The words the patterns of the pass need, looked for once in the whole text: most notes lack
  // most of them, and then the patterns are never compiled. Every form of NextLabel, NextSentence
  // and MentionsOtherMeetings says "meeting"; NextLabel's also say "next", "future", "forthcoming"
  // or (in "meeting dates") "dates"; NextSentence's "next"; MentionsOtherMeetings' one of its five
  // words. FindStartOrEnd's patterns need one of their verbs and a time, which starts with a digit.
  const bool meeting_word = MayContain(text, "meeting");
  const bool next_label_words =
      meeting_word && MayContainAny(text, {"next", "future", "forthcoming", "dates"});
  const bool next_word = meeting_word && MayContain(text, "next");
  const bool other_meeting_words =
      meeting_word && MayContainAny(text, {"next", "future", "forthcoming", "previous", "last"});
  const bool start_or_end_words =
      HasDigit(text) && MayContainAny(text, {"commenced", "started", "began", "opened", "closed",
                                             "ended", "finished", "concluded", "terminated"});
  std::vector<NextSource> next_sources;
  std::set<size_t> next_blocks;  // blocks that announce next meetings
  std::optional<nz::TimeRange> started, ended;
  MeetingTime date_line;
  bool have_date = false;
  bool in_next_list = false;  // the blocks after a next-meetings heading, while they are dates
  for (size_t i = 0; i < doc.body.size(); ++i) {
    const Block& b = doc.body[i];
    std::string_view para = View(doc, b.span);
    if (in_next_list) {
      // One date per line; a table under the heading gives one per row.
      bool any = false;
      size_t line_start = 0;
      while (line_start <= para.size()) {
        size_t nl = para.find('\n', line_start);
        if (nl == std::string_view::npos) nl = para.size();
        std::string_view line = para.substr(line_start, nl - line_start);
        std::vector<Finding> ignored;
        if (!ReadLeadingDateTime(line, 0, {2000, 1, 1}, true, &ignored).date.empty()) {
          next_sources.push_back({NextSource::kListItem, i, line});
          any = true;
        }
        line_start = nl + 1;
      }
      if (any) {
        next_blocks.insert(i);
        continue;
      }
      in_next_list = false;
    }
    if (b.kind == BlockKind::kTable) continue;
    re2::StringPiece rest;
    if (!have_date && para.find(':') != std::string_view::npos &&
        RE2::FullMatch(Piece(para), DateLabel(), &rest)) {
      date_line = ReadDateTime(Sv(rest), rest.data() - text.data(), info.reference,
                               /*next=*/false, &info.findings);
      if (!date_line.date.empty()) {
        have_date = true;
        m.date = date_line.date;
        m.start_time = date_line.start_time;
        m.end_time = date_line.end_time;
        SetReference(m.date, &info);
      }
      continue;
    }
    if (next_label_words && RE2::FullMatch(Piece(para), NextLabel(), &rest)) {
      next_blocks.insert(i);
      if (rest.empty()) {
        in_next_list = true;
      } else {
        next_sources.push_back({NextSource::kLine, i, Sv(rest)});
      }
      continue;
    }
    re2::StringPiece next_date;
    if (next_word && RE2::PartialMatch(Piece(para), NextSentence(), &next_date)) {
      next_blocks.insert(i);
      next_sources.push_back(
          {NextSource::kSentence, i, para.substr(next_date.data() - para.data())});
      continue;
    }
    if (other_meeting_words && MentionsOtherMeetings(para)) next_blocks.insert(i);
    bool is_start = false;
    nz::TimeRange time;
    if (start_or_end_words && FindStartOrEnd(para, &is_start, &time)) {
      if (is_start && !started) started = time;
      if (!is_start) ended = time;  // the last close wins: an adjournment closes earlier
    }
  }

  // Without a date line, a full date in the opening lines ("Minutes of the meeting held on
  // Thursday 20 November 2025, 10am-12noon", "held at the Town Hall on Tuesday, 14 January 2025
  // at 6.30 pm") is the meeting's, with any time after it; never one in a line about other
  // meetings.
  for (size_t i = 0, seen = 0; !have_date && i < doc.body.size() && seen < kOpeningBlocks; ++i) {
    const Block& b = doc.body[i];
    if (b.kind == BlockKind::kTable) break;
    ++seen;
    if (next_blocks.count(i)) continue;
    std::string_view para = View(doc, b.span);
    re2::StringPiece date;
    if (!HasDigit(para) || !RE2::PartialMatch(Piece(para), FullDate().For(para), &date)) continue;
    size_t start = date.data() - text.data();
    std::string_view rest = text.substr(start, b.span.end - start);
    // Findings of the reading kept only: a date read twice is reported once.
    std::vector<Finding> found;
    date_line = ReadDateTime(rest, start, info.reference, /*next=*/false, &found);
    if (date_line.start_time.empty()) {
      // Not a date and time alone: the date, then any time right after it.
      found.clear();
      date_line = ReadLeadingDateTime(rest, start, info.reference, /*next=*/false, &found);
    }
    if (date_line.date.empty()) continue;
    for (Finding& f : found) info.findings.push_back(std::move(f));
    have_date = true;
    m.date = date_line.date;
    m.start_time = date_line.start_time;
    m.end_time = date_line.end_time;
    SetReference(m.date, &info);
  }
  // Without any date, the title's month stands for the date.
  if (!have_date && info.has_reference) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d", info.reference.year, info.reference.month);
    m.date = buf;
  }
  // When the minutes record when the meeting started or ended, that is its time, not the time it
  // was called for.
  if (started) m.start_time = started->start;
  if (ended) m.end_time = ended->start;

  // The next meetings, in the order written; a date without a year is the first such date after
  // the one before it ("10 March, 9 June, 3 February" after 14 January 2025: 2026-02-03).
  nz::CivilDate reference = info.reference;
  std::set<std::string> seen_dates;
  auto add = [&](MeetingTime t) {
    if (t.date.empty() || !seen_dates.insert(t.date).second) return;
    if (auto d = nz::ParseDate(t.date, {}); d && d->precision == nz::DatePrecision::kDay)
      reference = {d->year, d->month, d->day};
    t.evidence.rule = "meeting.next_meeting_line";
    m.next_meetings.push_back(std::move(t));
  };
  for (const NextSource& source : next_sources) {
    size_t base = source.words.data() - text.data();
    if (source.kind != NextSource::kLine) {
      add(ReadNextItem(source.words, base, reference, &info.findings));
      continue;
    }
    // "Tuesday March 17 10.30-12, Monday June 22 10-11.30 and Thursday September 24 2-3.30".
    std::string_view list = source.words;
    size_t start = 0;
    for (size_t i = 0; i <= list.size(); ++i) {
      bool at_end = i == list.size();
      size_t sep = 0;
      if (!at_end) {
        if (list[i] == ',' || list[i] == ';')
          sep = 1;
        else if (list.compare(i, 5, " and ") == 0)
          sep = 5;
      }
      if (!at_end && sep == 0) continue;
      std::string_view item = list.substr(start, i - start);
      size_t lead = item.find_first_not_of(" ");
      if (lead != std::string_view::npos) {
        size_t trail = item.find_last_not_of(" .");
        item = item.substr(lead, trail - lead + 1);
        MeetingTime t = ReadNextItem(item, base + start + lead, reference, &info.findings);
        if (!t.date.empty()) {
          add(std::move(t));
        } else if (auto range = nz::ParseTimeRange(item);
                   range && !m.next_meetings.empty() && m.next_meetings.back().start_time.empty()) {
          // "Thursday 7 May 2026, 2-4pm": the comma parted a date from its time.
          MeetingTime& prev = m.next_meetings.back();
          SetTimes(*range, &prev);
          prev.evidence.span.end = base + start + lead + item.size();
        }
      }
      start = i + sep;
      if (sep > 1) i += sep - 1;
    }
  }
  return info;
}

extern const Step kMeetingStep = {"meeting", {}, {Datum::kMeeting}, [](Workspace* w) {
                                    w->meeting_info = FindMeeting(w->doc);
                                    w->x.meeting = w->meeting_info.meeting;
                                    w->x.meeting.series = w->options.series.empty()
                                                              ? nz::SeriesKey(w->x.meeting.title)
                                                              : w->options.series;
                                    for (Finding& f : w->meeting_info.findings)
                                      w->x.findings.push_back(std::move(f));
                                    w->meeting_info.findings.clear();
                                  }};

#undef MINUTES_TIME
#undef MINUTES_CLOCK
#undef MINUTES_DATE
#undef MINUTES_MONTH

}  // namespace minutes
