// SeriesKey: a meeting title without its dates, as the key of the group's series of meetings.

#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <set>
#include <string>
#include <vector>

#include "normalize/fold.h"
#include "normalize/normalize.h"

namespace minutes::normalize {
namespace {

bool IsDigits(const std::string& w) {
  return !w.empty() && w.find_first_not_of("0123456789") == std::string::npos;
}

// A word that is part of a date: a weekday, a month, a year, a day number ("3", "03", "3rd").
bool IsDateWord(const std::string& w) {
  static const std::set<std::string> kNames = {
      "monday",   "tuesday", "wednesday", "thursday", "friday",    "saturday", "sunday",
      "mon",      "tue",     "tues",      "wed",      "thu",       "thur",     "thurs",
      "fri",      "sat",     "sun",       "january",  "february",  "march",    "april",
      "may",      "june",    "july",      "august",   "september", "october",  "november",
      "december", "jan",     "feb",       "mar",      "apr",       "jun",      "jul",
      "aug",      "sep",     "sept",      "oct",      "nov",       "dec"};
  if (kNames.count(w)) return true;
  if (IsDigits(w)) return w.size() <= 2 || w.size() == 4;
  for (const char* suffix : {"st", "nd", "rd", "th"}) {
    size_t n = w.size();
    if (n > 2 && n <= 4 && w.compare(n - 2, 2, suffix) == 0 && IsDigits(w.substr(0, n - 2)))
      return true;
  }
  return false;
}

// Words a removed date leaves dangling at the end: "notes of meeting held (3 March 2026)".
bool IsDanglingWord(const std::string& w) {
  static const std::set<std::string> kWords = {"held", "on",   "of", "the",  "dated",
                                               "for",  "from", "at", "in",   "to",
                                               "and",  "w",    "c",  "date", "wc"};
  return kWords.count(w) > 0;
}

const char* const kMinutesOfAMeetingOfThe[] = {"minutes", "of", "a", "meeting", "of", nullptr};
const char* const kMinutesOfTheMeetingOfThe[] = {"minutes", "of", "the", "meeting", "of", nullptr};

}  // namespace

std::string SeriesKey(std::string_view title) {
  // Words are runs of letters and digits (any script); everything else separates them.
  icu::UnicodeString folded = icu::UnicodeString::fromUTF8(internal::FoldCase(title));
  std::vector<std::string> words;
  icu::UnicodeString word;
  auto flush = [&] {
    if (word.isEmpty()) return;
    std::string w;
    word.toUTF8String(w);
    words.push_back(std::move(w));
    word.remove();
  };
  for (int32_t i = 0; i < folded.length();) {
    UChar32 c = folded.char32At(i);
    if (u_isalnum(c))
      word.append(c);
    else
      flush();
    i += U16_LENGTH(c);
  }
  flush();
  // "MINUTES of a meeting of the CORPORATE PARENTING PANEL held at Anytown Town Hall on ...": the
  // meeting's name is what lies between the formula and "held"; where and when follow.
  size_t first = 0;
  for (const char* const* formula : {kMinutesOfAMeetingOfThe, kMinutesOfTheMeetingOfThe}) {
    size_t n = 0;
    while (formula[n] != nullptr && n < words.size() && words[n] == formula[n]) ++n;
    if (formula[n] == nullptr && n < words.size()) {
      first = n;
      if (first < words.size() && words[first] == "the") ++first;
      break;
    }
  }
  std::vector<std::string> kept;
  for (size_t i = first; i < words.size(); ++i) {
    if (words[i] == "held" && !kept.empty()) break;
    if (!IsDateWord(words[i])) kept.push_back(words[i]);
  }
  while (!kept.empty() && IsDanglingWord(kept.back())) kept.pop_back();
  std::string key;
  for (const std::string& w : kept) key += (key.empty() ? "" : " ") + w;
  return key;
}

}  // namespace minutes::normalize
