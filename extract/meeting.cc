// The meeting header: title, "Date:" and "Next meeting dates:" lines.

#include "extract/meeting.h"

#include <re2/re2.h>

#include <string>
#include <string_view>

#include "extract/findings.h"
#include "extract/steps.h"

namespace minutes {
namespace {

namespace nz = normalize;

// How many blocks from the top may hold the meeting's date when no "Date:" line gives it.
constexpr size_t kOpeningBlocks = 5;

std::string_view View(const Document& doc, Span s) {
  return std::string_view(doc.text).substr(s.start, s.size());
}

re2::StringPiece Piece(std::string_view s) { return re2::StringPiece(s.data(), s.size()); }

// A time or time range at the end of a date line: "10-11.30", "2-3.30", "1.30pm – 3pm".
// Group 1 is the date part, group 2 the time part.
const RE2& DateThenTime() {
  static const RE2 re(
      R"((?i)^\s*(.*?)[\s,;@]*(?:from\s+|at\s+)?(\d{1,2}(?:[.:]\d{2})?\s*(?:am|pm|noon)?\s*(?:-|–|—|to|until|till)\s*\d{1,2}(?:[.:]\d{2})?\s*(?:am|pm|noon)?|\d{1,2}(?:[.:]\d{2})?\s*(?:am|pm))\s*$)");
  return re;
}

// "July 2025", "December 2025" anywhere in a title.
const RE2& MonthYear() {
  static const RE2 re(
      R"((?i)\b((?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{4})\b)");
  return re;
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

// Reads "<date> <time range>" starting at absolute offset `offset`.
MeetingTime ReadDateTime(std::string_view s, size_t offset, const nz::CivilDate& reference,
                         bool next, std::vector<Finding>* findings) {
  MeetingTime t;
  re2::StringPiece date_part, time_part;
  std::string_view date_text = s;
  if (RE2::FullMatch(Piece(s), DateThenTime(), &date_part, &time_part)) {
    date_text = std::string_view(date_part.data(), date_part.size());
    if (auto range = nz::ParseTimeRange(std::string_view(time_part.data(), time_part.size()))) {
      t.start_time = range->start;
      t.end_time = range->end;
      t.time_inferred = range->start_inferred || range->end_inferred;
    }
  }
  auto date = next ? nz::ParseNextDate(date_text, reference) : nz::ParseDate(date_text, reference);
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

}  // namespace

MeetingInfo FindMeeting(const Document& doc) {
  MeetingInfo info;
  Meeting& m = info.meeting;
  const std::string_view text(doc.text);

  // Title: the first block with text (a heading if the document has one before any paragraph).
  for (const Block& b : doc.body) {
    if (b.kind == BlockKind::kTable || b.kind == BlockKind::kImage) continue;
    std::string_view t = View(doc, b.span);
    if (t.empty()) continue;
    m.title = std::string(t);
    m.evidence.span = b.span;
    m.evidence.rule =
        b.kind == BlockKind::kHeading ? "meeting.title_heading" : "meeting.first_line";
    m.evidence.confidence = b.kind == BlockKind::kHeading ? 0.95 : 0.8;
    break;
  }
  // The title's month and year: the reference for dates that omit the year.
  re2::StringPiece month_year;
  if (RE2::PartialMatch(Piece(m.title), MonthYear(), &month_year)) {
    if (auto d = nz::ParseDate(std::string_view(month_year.data(), month_year.size()), {})) {
      info.reference = {d->year, d->month, 1};
      info.has_reference = true;
    }
  }

  static const RE2 date_label(
      R"((?i)^\s*(?:date(?: and time)?|when|meeting date)\s*:\s*(.+?)\s*$)");
  static const RE2 next_label(
      R"((?i)^\s*(?:next meeting(?: dates?)?|future meetings?(?: dates?)?|dates? of (?:the )?next meetings?)\s*:?\s*(.+?)\s*$)");
  MeetingTime date_line;
  bool have_date = false;
  for (const Block& b : doc.body) {
    if (b.kind == BlockKind::kTable) continue;
    std::string_view para = View(doc, b.span);
    re2::StringPiece rest;
    if (!have_date && RE2::FullMatch(Piece(para), date_label, &rest)) {
      date_line =
          ReadDateTime(std::string_view(rest.data(), rest.size()), rest.data() - text.data(),
                       info.reference, /*next=*/false, &info.findings);
      if (!date_line.date.empty()) {
        have_date = true;
        m.date = date_line.date;
        m.start_time = date_line.start_time;
        m.end_time = date_line.end_time;
        auto d = nz::ParseDate(m.date, {});
        if (d && d->precision == nz::DatePrecision::kDay) {
          info.reference = {d->year, d->month, d->day};
          info.has_reference = true;
        }
      }
    }
  }
  // Without a date line, a full date in the opening lines ("Minutes of the meeting held on
  // Thursday 20 November 2025, 10am-12noon") is the meeting's, with any time after it.
  static const RE2 full_date(
      R"((?i)\b((?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?\d{1,2}(?:st|nd|rd|th)?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?,?\s+\d{4}\b))");
  for (size_t i = 0, seen = 0; !have_date && i < doc.body.size() && seen < kOpeningBlocks; ++i) {
    const Block& b = doc.body[i];
    if (b.kind == BlockKind::kTable) break;
    ++seen;
    std::string_view para = View(doc, b.span);
    re2::StringPiece date;
    if (!RE2::PartialMatch(Piece(para), full_date, &date)) continue;
    size_t start = date.data() - text.data();
    std::string_view rest = text.substr(start, b.span.end - start);
    // Findings of the reading kept only: a date read twice is reported once.
    std::vector<Finding> found;
    date_line = ReadDateTime(rest, start, info.reference, /*next=*/false, &found);
    if (date_line.start_time.empty()) {
      // Only the date: read it alone, so trailing words do not hide it.
      found.clear();
      date_line = ReadDateTime(std::string_view(date.data(), date.size()), start, info.reference,
                               /*next=*/false, &found);
    }
    if (date_line.date.empty()) continue;
    for (Finding& f : found) info.findings.push_back(std::move(f));
    have_date = true;
    date_line.evidence.rule = "meeting.date_in_opening_line";
    m.date = date_line.date;
    m.start_time = date_line.start_time;
    m.end_time = date_line.end_time;
    if (auto d = nz::ParseDate(m.date, {}); d && d->precision == nz::DatePrecision::kDay) {
      info.reference = {d->year, d->month, d->day};
      info.has_reference = true;
    }
  }
  // Without any date, the title's month stands for the date.
  if (!have_date && info.has_reference) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d", info.reference.year, info.reference.month);
    m.date = buf;
  }

  for (const Block& b : doc.body) {
    if (b.kind == BlockKind::kTable) continue;
    std::string_view para = View(doc, b.span);
    re2::StringPiece rest;
    if (!RE2::FullMatch(Piece(para), next_label, &rest)) continue;
    // "Tuesday March 17 10.30-12, Monday June 22 10-11.30 and Thursday September 24 2-3.30".
    std::string_view list(rest.data(), rest.size());
    size_t base = rest.data() - text.data();
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
        MeetingTime t =
            ReadDateTime(item, base + start + lead, info.reference, /*next=*/true, &info.findings);
        if (!t.date.empty()) {
          m.next_meetings.push_back(std::move(t));
        } else if (auto range = nz::ParseTimeRange(item);
                   range && !m.next_meetings.empty() && m.next_meetings.back().start_time.empty()) {
          // "Thursday 7 May 2026, 2-4pm": the comma parted a date from its time.
          MeetingTime& prev = m.next_meetings.back();
          prev.start_time = range->start;
          prev.end_time = range->end;
          prev.time_inferred = range->start_inferred || range->end_inferred;
          prev.evidence.span.end = base + start + lead + item.size();
        }
      }
      start = i + sep;
      if (sep > 1) i += sep - 1;
    }
    break;
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

}  // namespace minutes
