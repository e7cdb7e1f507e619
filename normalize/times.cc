// Times and time ranges as the notes write them -> 24-hour "HH:MM", with am/pm carried and
// inferred.

#include <cstdio>

#include "normalize/fold.h"
#include "normalize/normalize.h"

namespace minutes::normalize {

namespace {

enum class Meridiem { kNone, kAm, kPm, kNoon };

struct Clock {
  int hour = 0;
  int minute = 0;
  bool has_minutes = false;
  bool leading_zero = false;  // "09:00": a 24-hour clock
  Meridiem meridiem = Meridiem::kNone;
};

class Cursor {
 public:
  explicit Cursor(std::string s) : s_(std::move(s)) {}
  bool done() const { return i_ >= s_.size(); }
  void SkipSpaces() {
    while (i_ < s_.size() && s_[i_] == ' ') ++i_;
  }
  bool Eat(std::string_view word) {
    if (s_.compare(i_, word.size(), word) != 0) return false;
    i_ += word.size();
    return true;
  }
  bool Digit() const { return i_ < s_.size() && s_[i_] >= '0' && s_[i_] <= '9'; }
  // The number the digits here write, saturating at six digits: callers accept two at most, and a
  // longer run ("888888888888") must be refused, not overflow on its way there.
  int TakeDigits(int* count) {
    int v = 0;
    *count = 0;
    while (Digit()) {
      int digit = s_[i_++] - '0';
      if (v < 100000) v = v * 10 + digit;
      ++*count;
    }
    return v;
  }
  bool Letter() const { return i_ < s_.size() && s_[i_] >= 'a' && s_[i_] <= 'z'; }
  // True when the next letters are `word` as a whole word; nothing is consumed.
  bool AtWord(std::string_view word) const {
    if (s_.compare(i_, word.size(), word) != 0) return false;
    size_t after = i_ + word.size();
    return after >= s_.size() || s_[after] < 'a' || s_[after] > 'z';
  }

 private:
  std::string s_;
  size_t i_ = 0;
};

bool ParseClock(Cursor* c, Clock* out) {
  c->SkipSpaces();
  if (c->Eat("noon") || c->Eat("midday")) {
    *out = Clock{12, 0, true, false, Meridiem::kNoon};
    return true;
  }
  if (!c->Digit()) return false;
  int digits = 0;
  out->hour = c->TakeDigits(&digits);
  if (digits > 2) return false;
  out->leading_zero = digits == 2 && out->hour < 10;
  if (c->Eat(".") || c->Eat(":")) {
    int mdigits = 0;
    out->minute = c->TakeDigits(&mdigits);
    if (mdigits != 2 || out->minute > 59) return false;
    out->has_minutes = true;
  }
  c->SkipSpaces();
  if (c->Eat("a.m.") || c->Eat("a.m") || c->Eat("am")) {
    out->meridiem = Meridiem::kAm;
  } else if (c->Eat("p.m.") || c->Eat("p.m") || c->Eat("pm")) {
    out->meridiem = Meridiem::kPm;
  } else if (c->Eat("noon") || c->Eat("midday")) {
    if (out->hour != 12) return false;
    out->meridiem = Meridiem::kNoon;
  }
  // "10amx", "5 children" are not times; "9:30 to 11:00" is a range.
  if (c->Letter() && !c->AtWord("to") && !c->AtWord("until") && !c->AtWord("till") &&
      !c->AtWord("til"))
    return false;
  if (out->hour > 23) return false;
  // "18:30pm": a 24-hour clock typed with a habitual pm, which adds nothing. A bare "13pm" is
  // more likely a slip for 1pm or 3pm, and "18:30am" contradicts itself.
  if (out->meridiem == Meridiem::kPm && out->hour > 12 && out->has_minutes)
    out->meridiem = Meridiem::kNone;
  if (out->meridiem != Meridiem::kNone && (out->hour > 12 || out->hour == 0)) return false;
  return true;
}

bool ParseSeparator(Cursor* c) {
  c->SkipSpaces();
  bool ok = c->Eat("-") || c->Eat("\xE2\x80\x93") || c->Eat("\xE2\x80\x94") ||
            c->Eat("\xE2\x80\x90") || c->Eat("until") || c->Eat("till") || c->Eat("til") ||
            c->Eat("to");
  c->SkipSpaces();
  return ok;
}

// Minutes after midnight for an hour with an explicit meridiem.
int With(const Clock& t, Meridiem m) {
  int h = t.hour;
  if (m == Meridiem::kAm) h = h == 12 ? 0 : h;
  if (m == Meridiem::kPm) h = h == 12 ? 12 : h + 12;
  return h * 60 + t.minute;
}

bool Is24Hour(const Clock& t) { return t.hour >= 13 || t.hour == 0 || t.leading_zero; }

// A bare hour in working hours: before first_morning_hour it is afternoon; 12 is noon.
int WorkingHours(const Clock& t, const TimeOptions& o) {
  if (Is24Hour(t)) return t.hour * 60 + t.minute;
  if (t.hour == 12) return 12 * 60 + t.minute;
  return With(t, t.hour < o.first_morning_hour ? Meridiem::kPm : Meridiem::kAm);
}

int Explicit(const Clock& t) {
  if (t.meridiem == Meridiem::kNoon) return 12 * 60 + t.minute;
  return With(t, t.meridiem);
}

Meridiem Opposite(Meridiem m) { return m == Meridiem::kAm ? Meridiem::kPm : Meridiem::kAm; }

std::string Format(int minutes) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "%02d:%02d", minutes / 60 % 24, minutes % 60);
  return buf;
}

}  // namespace

std::optional<TimeRange> ParseTimeRange(std::string_view text, const TimeOptions& options) {
  Cursor c(internal::CollapseSpaces(internal::FoldCase(text)));
  Clock start;
  if (!ParseClock(&c, &start)) return std::nullopt;
  c.SkipSpaces();
  TimeRange out;
  if (c.done()) {
    // A lone bare number is not a time.
    if (start.meridiem == Meridiem::kNone && !start.has_minutes) return std::nullopt;
    if (start.meridiem != Meridiem::kNone) {
      out.start_minutes = Explicit(start);
    } else {
      out.start_minutes = WorkingHours(start, options);
      out.start_inferred = !Is24Hour(start);
    }
    out.start = Format(out.start_minutes);
    return out;
  }
  Clock end;
  if (!ParseSeparator(&c) || !ParseClock(&c, &end)) return std::nullopt;
  c.SkipSpaces();
  if (!c.done()) return std::nullopt;

  const bool start_known = start.meridiem != Meridiem::kNone || Is24Hour(start);
  const bool end_known = end.meridiem != Meridiem::kNone || Is24Hour(end);
  auto value = [](const Clock& t) {
    return t.meridiem != Meridiem::kNone ? Explicit(t) : t.hour * 60 + t.minute;
  };
  if (start_known && end_known) {
    out.start_minutes = value(start);
    out.end_minutes = value(end);
  } else if (end_known) {
    // "5-11pm": carry pm back unless that would put the start after the end ("11-8pm").
    out.end_minutes = value(end);
    Meridiem m = end.meridiem == Meridiem::kNoon || end.meridiem == Meridiem::kNone
                     ? (out.end_minutes >= 12 * 60 ? Meridiem::kPm : Meridiem::kAm)
                     : end.meridiem;
    out.start_minutes = With(start, m);
    if (out.start_minutes >= out.end_minutes) out.start_minutes = With(start, Opposite(m));
    out.start_inferred = true;
  } else if (start_known && start.meridiem == Meridiem::kNone) {
    // "09:00 - 10:30": a 24-hour start makes the end 24-hour too.
    out.start_minutes = value(start);
    out.end_minutes = end.hour * 60 + end.minute;
    if (out.end_minutes <= out.start_minutes) {
      out.end_minutes += 12 * 60;
      out.end_inferred = true;
    }
  } else if (start_known) {
    // "11am-1": carry am forward unless the end would come first.
    out.start_minutes = value(start);
    Meridiem m = start.meridiem == Meridiem::kNoon || start.meridiem == Meridiem::kNone
                     ? (out.start_minutes >= 12 * 60 ? Meridiem::kPm : Meridiem::kAm)
                     : start.meridiem;
    out.end_minutes = With(end, m);
    if (out.end_minutes <= out.start_minutes) out.end_minutes = With(end, Opposite(m));
    out.end_inferred = true;
  } else {
    // "10-11.30", "2-3.30", "9-5": the start in working hours, the end the first reading after it.
    out.start_minutes = WorkingHours(start, options);
    int am = With(end, Meridiem::kAm);
    int pm = With(end, Meridiem::kPm);
    if (am > out.start_minutes) {
      out.end_minutes = am;
    } else if (pm > out.start_minutes) {
      out.end_minutes = pm;
    } else {
      out.end_minutes = WorkingHours(end, options);
    }
    out.start_inferred = true;
    out.end_inferred = true;
  }
  out.start = Format(out.start_minutes);
  out.end = Format(out.end_minutes);
  return out;
}

}  // namespace minutes::normalize
