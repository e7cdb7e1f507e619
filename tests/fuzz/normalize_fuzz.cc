// Fuzz target "normalize": any string through the normalisers as extraction calls them: dates
// (ParseDate, ParseNextDate), times (ParseTimeRange), money (extract's FindMoney), LA names
// (LaRegister::FindMentions and Resolve, with and without context), people's names and initials,
// series keys and action statuses. The first byte picks the reference date and the match options;
// the rest is the text.

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>

#include "extract/money.h"
#include "normalize/normalize.h"
#include "tests/fuzz/fuzz_check.h"

namespace {

namespace nz = minutes::normalize;

// The ISO form of a parsed date agrees with its fields, and the fields make a real date.
void CheckDate(const nz::ParsedDate& d) {
  static const int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  char iso[32];
  switch (d.precision) {
    case nz::DatePrecision::kDay:
      FUZZ_CHECK(d.month >= 1 && d.month <= 12 && d.day >= 1 && d.day <= kDays[d.month - 1]);
      std::snprintf(iso, sizeof iso, "%04d-%02d-%02d", d.year, d.month, d.day);
      break;
    case nz::DatePrecision::kMonth:
      FUZZ_CHECK(d.month >= 1 && d.month <= 12 && d.day == 0);
      std::snprintf(iso, sizeof iso, "%04d-%02d", d.year, d.month);
      break;
    case nz::DatePrecision::kYear:
      FUZZ_CHECK(d.month == 0 && d.day == 0);
      std::snprintf(iso, sizeof iso, "%04d", d.year);
      break;
  }
  FUZZ_CHECK(d.iso == iso);
  FUZZ_CHECK(d.weekday >= -1 && d.weekday <= 6);
}

// "HH:MM" is the same time as the minutes after midnight.
void CheckClock(const std::string& hhmm, int minutes) {
  FUZZ_CHECK(minutes >= 0 && minutes < 24 * 60);
  char buf[16];
  std::snprintf(buf, sizeof buf, "%02d:%02d", minutes / 60, minutes % 60);
  FUZZ_CHECK(hhmm == buf);
}

void CheckMention(const nz::LaRegister& las, std::string_view text, const nz::LaMention& m) {
  FUZZ_CHECK(m.start < m.end && m.end <= text.size());
  FUZZ_CHECK(m.text == text.substr(m.start, m.end - m.start));
  FUZZ_CHECK(!m.gss_codes.empty());
  for (const std::string& code : m.gss_codes) FUZZ_CHECK(las.FindByCode(code) != nullptr);
  FUZZ_CHECK(m.confidence > 0 && m.confidence <= 1);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0 || size > 4096) return 0;  // normalisers see names, dates and paragraphs
  const uint8_t pick = data[0];
  const std::string_view text(reinterpret_cast<const char*>(data) + 1, size - 1);
  const bool utf8 = minutes::fuzz::IsUtf8(text);

  // Callers pass a meeting's date, or no date at all ({}: year 0) when the notes give none.
  static const nz::CivilDate kReferences[] = {{2025, 12, 9}, {}, {2024, 2, 29}, {2199, 12, 31}};
  const nz::CivilDate& ref = kReferences[pick & 3];
  if (auto d = nz::ParseDate(text, ref)) CheckDate(*d);
  if (auto d = nz::ParseNextDate(text, ref)) CheckDate(*d);

  nz::TimeOptions time_options;
  time_options.first_morning_hour = (pick >> 2) & 15;
  if (auto t = nz::ParseTimeRange(text, time_options)) {
    CheckClock(t->start, t->start_minutes);
    if (t->end_minutes >= 0)
      CheckClock(t->end, t->end_minutes);
    else
      FUZZ_CHECK(t->end.empty());
  }

  for (const minutes::MoneyMatch& m : minutes::FindMoney(text)) {
    FUZZ_CHECK(m.start < m.end && m.end <= text.size());
    FUZZ_CHECK(m.amount.pence >= 0);
  }

  const nz::LaRegister& las = nz::LaRegister::Default();
  FUZZ_CHECK(las.status().ok());
  nz::MatchOptions match;
  match.keep_ambiguous = (pick & 64) != 0;
  match.fuzzy = (pick & 128) == 0;
  if (pick & 32) match.expected_gss_codes = {"E06000037", "E10000016"};  // West Berkshire, Kent
  size_t last_end = 0;
  for (const nz::LaMention& m : las.FindMentions(text, match)) {
    CheckMention(las, text, m);
    FUZZ_CHECK(m.start >= last_end);  // in text order, non-overlapping
    last_end = m.end;
  }
  if (auto m = las.Resolve(text, match)) CheckMention(las, text, *m);
  (void)las.IsSectorAcronym(text);

  const std::string name = nz::NormalizePersonName(text);
  const std::string initials = nz::Initials(text);
  const std::vector<std::string> variants = nz::InitialsVariants(text);
  if (!initials.empty()) FUZZ_CHECK(!variants.empty() && variants[0] == initials);
  const std::string key = nz::PersonNameKey(text);
  const std::string series = nz::SeriesKey(text);
  if (utf8) {
    FUZZ_CHECK(minutes::fuzz::IsUtf8(name) && minutes::fuzz::IsUtf8(key));
    FUZZ_CHECK(minutes::fuzz::IsUtf8(initials) && minutes::fuzz::IsUtf8(series));
    // The display form is already a display form, and its key is the name's key.
    FUZZ_CHECK(nz::NormalizePersonName(name) == name);
    FUZZ_CHECK(nz::PersonNameKey(name) == key);
  }
  (void)nz::NormalizeStatus(text);
  return 0;
}
