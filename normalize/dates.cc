// Dates as the notes write them -> ISO, relative to a reference date.

#include <cstdio>
#include <unordered_map>
#include <vector>

#include "normalize/fold.h"
#include "normalize/normalize.h"

namespace minutes::normalize {

namespace {

struct Item {
  enum Kind { kWord, kNumber, kPunct } kind;
  std::string text;      // folded word, digits, or the punctuation character
  int value = 0;         // numbers
  bool ordinal = false;  // "9th"
};

int MonthNumber(const std::string& w) {
  static const std::unordered_map<std::string, int> kMonths = {
      {"jan", 1},  {"january", 1},  {"feb", 2},    {"february", 2},  {"mar", 3},  {"march", 3},
      {"apr", 4},  {"april", 4},    {"may", 5},    {"jun", 6},       {"june", 6}, {"jul", 7},
      {"july", 7}, {"aug", 8},      {"august", 8}, {"sep", 9},       {"sept", 9}, {"september", 9},
      {"oct", 10}, {"october", 10}, {"nov", 11},   {"november", 11}, {"dec", 12}, {"december", 12}};
  auto it = kMonths.find(w);
  return it == kMonths.end() ? 0 : it->second;
}

// 0 = Monday .. 6 = Sunday, or -1.
int WeekdayNumber(const std::string& w) {
  static const std::unordered_map<std::string, int> kDays = {
      {"mon", 0},  {"monday", 0},    {"tue", 1}, {"tues", 1},     {"tuesday", 1}, {"wed", 2},
      {"weds", 2}, {"wednesday", 2}, {"thu", 3}, {"thur", 3},     {"thurs", 3},   {"thursday", 3},
      {"fri", 4},  {"friday", 4},    {"sat", 5}, {"saturday", 5}, {"sun", 6},     {"sunday", 6}};
  auto it = kDays.find(w);
  return it == kDays.end() ? -1 : it->second;
}

bool IsLeap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int DaysInMonth(int y, int m) {
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && IsLeap(y) ? 29 : kDays[m - 1];
}

// Days since 1970-01-01 (H. Hinnant's days_from_civil).
long DaysFromCivil(int y, int m, int d) {
  y -= m <= 2;
  const long era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<long>(doe) - 719468;
}

int Weekday(int y, int m, int d) {
  long days = DaysFromCivil(y, m, d);  // 1970-01-01 was a Thursday (3)
  return static_cast<int>(((days % 7) + 7 + 3) % 7);
}

bool Lex(std::string_view text, std::vector<Item>* items) {
  std::string s = internal::CollapseSpaces(internal::FoldCase(text));
  size_t i = 0;
  while (i < s.size()) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c == ' ' || c == ',' || c == '.') {
      ++i;
    } else if (c >= '0' && c <= '9') {
      Item it{Item::kNumber, ""};
      while (i < s.size() && s[i] >= '0' && s[i] <= '9') it.text.push_back(s[i++]);
      if (it.text.size() > 4) return false;
      it.value = std::stoi(it.text);
      if (i + 1 < s.size()) {
        std::string suffix = s.substr(i, 2);
        if (suffix == "st" || suffix == "nd" || suffix == "rd" || suffix == "th") {
          bool word_follows = i + 2 < s.size() && s[i + 2] >= 'a' && s[i + 2] <= 'z';
          if (!word_follows) {
            it.ordinal = true;
            i += 2;
          }
        }
      }
      items->push_back(it);
    } else if (c >= 'a' && c <= 'z') {
      Item it{Item::kWord, ""};
      while (i < s.size() && s[i] >= 'a' && s[i] <= 'z') it.text.push_back(s[i++]);
      items->push_back(it);
    } else if (c == '-' || c == '/' || c == '\'') {
      items->push_back(Item{Item::kPunct, std::string(1, static_cast<char>(c))});
      ++i;
    } else if (s.compare(i, 3, "\xE2\x80\x99") == 0) {  // ’ as in Mar ’26
      items->push_back(Item{Item::kPunct, "'"});
      i += 3;
    } else {
      return false;
    }
  }
  return true;
}

bool Finish(int y, int m, int d, DatePrecision p, int weekday, bool year_inferred,
            ParsedDate* out) {
  if (y < 1900 || y > 2200) return false;
  if (p != DatePrecision::kYear && (m < 1 || m > 12)) return false;
  if (p == DatePrecision::kDay && (d < 1 || d > DaysInMonth(y, m))) return false;
  out->year = y;
  out->month = p == DatePrecision::kYear ? 0 : m;
  out->day = p == DatePrecision::kDay ? d : 0;
  out->precision = p;
  out->year_inferred = year_inferred;
  out->weekday = weekday;
  out->weekday_mismatch = weekday >= 0 && p == DatePrecision::kDay && Weekday(y, m, d) != weekday;
  char buf[16];
  if (p == DatePrecision::kDay) {
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
  } else if (p == DatePrecision::kMonth) {
    std::snprintf(buf, sizeof buf, "%04d-%02d", y, m);
  } else {
    std::snprintf(buf, sizeof buf, "%04d", y);
  }
  out->iso = buf;
  return true;
}

// The parse before any year inference: year 0 means "not written".
struct Raw {
  int year = 0, month = 0, day = 0, weekday = -1;
  DatePrecision precision = DatePrecision::kDay;
};

bool ParseRaw(std::string_view text, Raw* r) {
  std::vector<Item> it;
  if (!Lex(text, &it) || it.empty()) return false;
  auto is_num = [&](size_t k, size_t max_digits) {
    return k < it.size() && it[k].kind == Item::kNumber && it[k].text.size() <= max_digits;
  };
  auto is_punct = [&](size_t k, const char* p) {
    return k < it.size() && it[k].kind == Item::kPunct && it[k].text == p;
  };
  auto month_at = [&](size_t k) {
    return k < it.size() && it[k].kind == Item::kWord ? MonthNumber(it[k].text) : 0;
  };

  // Numeric forms: 2025-07-07, 07/07/2025, 7/7/25.
  if (it.size() == 5 && it[0].kind == Item::kNumber && it[0].text.size() == 4 && is_punct(1, "-") &&
      is_num(2, 2) && is_punct(3, "-") && is_num(4, 2)) {
    *r = Raw{it[0].value, it[2].value, it[4].value};
    return true;
  }
  if (it.size() == 5 && is_num(0, 2) && is_punct(1, "/") && is_num(2, 2) && is_punct(3, "/") &&
      it[4].kind == Item::kNumber && (it[4].text.size() == 4 || it[4].text.size() == 2)) {
    int y = it[4].text.size() == 2 ? 2000 + it[4].value : it[4].value;
    *r = Raw{y, it[2].value, it[0].value};
    return true;
  }

  size_t k = 0;
  if (it[k].kind == Item::kWord && WeekdayNumber(it[k].text) >= 0)
    r->weekday = WeekdayNumber(it[k++].text);
  auto year_at = [&](size_t pos, int* year) {
    if (pos < it.size() && it[pos].kind == Item::kNumber && it[pos].text.size() == 4 &&
        !it[pos].ordinal) {
      *year = it[pos].value;
      return true;
    }
    return false;
  };

  if (is_num(k, 2) && month_at(k + 1) > 0) {  // 7 July [2025]; 9th of December
    r->day = it[k].value;
    r->month = month_at(k + 1);
    k += 2;
    if (year_at(k, &r->year)) {
      ++k;
    } else if (k + 1 == it.size() && it[k].kind == Item::kNumber && it[k].text.size() == 2 &&
               !it[k].ordinal) {
      r->year = 2000 + it[k++].value;  // 14 Jan 25: only as the last word, never a day or hour
    }
  } else if (k < it.size() && it[k].kind == Item::kWord && it[k].text == "the" &&
             is_num(k + 1, 2) && k + 2 < it.size() && it[k + 2].text == "of" &&
             month_at(k + 3) > 0) {
    r->day = it[k + 1].value;
    r->month = month_at(k + 3);
    k += 4;
    if (year_at(k, &r->year)) ++k;
  } else if (is_num(k, 2) && k + 1 < it.size() && it[k + 1].text == "of" && month_at(k + 2) > 0) {
    r->day = it[k].value;
    r->month = month_at(k + 2);
    k += 3;
    if (year_at(k, &r->year)) ++k;
  } else if (month_at(k) > 0) {
    r->month = month_at(k++);
    if ((is_punct(k, "-") || is_punct(k, "'")) && k + 1 < it.size() &&
        it[k + 1].kind == Item::kNumber &&
        (it[k + 1].text.size() == 2 || it[k + 1].text.size() == 4) && !it[k + 1].ordinal) {
      // Mar-26, Mar '26, Mar-2026
      r->year = it[k + 1].text.size() == 2 ? 2000 + it[k + 1].value : it[k + 1].value;
      r->precision = DatePrecision::kMonth;
      k += 2;
    } else if (year_at(k, &r->year)) {  // Sept 2025
      r->precision = DatePrecision::kMonth;
      ++k;
    } else if (is_num(k, 2)) {  // March 17[, 2026]
      r->day = it[k++].value;
      if (year_at(k, &r->year)) ++k;
    } else {  // Dec
      r->precision = DatePrecision::kMonth;
    }
    if (r->precision == DatePrecision::kMonth && r->weekday >= 0) return false;  // "Tuesday March"
  } else if (r->weekday < 0 && it.size() == 1 && year_at(0, &r->year)) {
    r->precision = DatePrecision::kYear;
    k = 1;
  } else {
    return false;
  }
  return k == it.size();  // trailing words or "/23" make it something else
}

}  // namespace

std::optional<ParsedDate> ParseDate(std::string_view text, const CivilDate& reference) {
  Raw r;
  if (!ParseRaw(text, &r)) return std::nullopt;
  bool inferred = r.year == 0;
  int year = inferred ? reference.year : r.year;
  ParsedDate out;
  if (!Finish(year, r.month, r.day, r.precision, r.weekday, inferred, &out)) return std::nullopt;
  return out;
}

std::optional<ParsedDate> ParseNextDate(std::string_view text, const CivilDate& reference) {
  Raw r;
  if (!ParseRaw(text, &r)) return std::nullopt;
  if (r.year != 0) return ParseDate(text, reference);
  ParsedDate out;
  if (r.precision == DatePrecision::kMonth) {
    int year = r.month > reference.month ? reference.year : reference.year + 1;
    if (!Finish(year, r.month, 0, r.precision, r.weekday, true, &out)) return std::nullopt;
    return out;
  }
  const long ref_days = DaysFromCivil(reference.year, reference.month, reference.day);
  std::optional<ParsedDate> first;
  for (int year = reference.year; year <= reference.year + 8; ++year) {
    if (r.day > DaysInMonth(year, r.month)) continue;  // 29 February
    if (DaysFromCivil(year, r.month, r.day) <= ref_days) continue;
    ParsedDate candidate;
    if (!Finish(year, r.month, r.day, r.precision, r.weekday, true, &candidate))
      return std::nullopt;
    if (!candidate.weekday_mismatch) return candidate;
    if (!first) first = candidate;
  }
  return first;
}

}  // namespace minutes::normalize
