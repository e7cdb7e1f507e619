// ParseDate and ParseNextDate over the forms the notes use.

#include <gtest/gtest.h>

#include "normalize/normalize.h"

namespace minutes::normalize {
namespace {

constexpr CivilDate kJuly2025{2025, 7, 7};
constexpr CivilDate kDec2025{2025, 12, 9};

TEST(Dates, Forms) {
  static const struct {
    const char* text;
    CivilDate reference;
    const char* iso;  // nullptr: not a date
    DatePrecision precision;
    bool year_inferred;
  } kCases[] = {
      {"7 July 2025", kJuly2025, "2025-07-07", DatePrecision::kDay, false},
      {"  7 July 2025. ", kJuly2025, "2025-07-07", DatePrecision::kDay, false},
      {"31 March 2026", kJuly2025, "2026-03-31", DatePrecision::kDay, false},
      {"Tuesday 9th December", kDec2025, "2025-12-09", DatePrecision::kDay, true},
      {"Tuesday, 9 December 2025", kDec2025, "2025-12-09", DatePrecision::kDay, false},
      {"17 September", kJuly2025, "2025-09-17", DatePrecision::kDay, true},
      {"29 December", kDec2025, "2025-12-29", DatePrecision::kDay, true},
      {"March 17, 2026", kDec2025, "2026-03-17", DatePrecision::kDay, false},
      {"1st March 2026", kDec2025, "2026-03-01", DatePrecision::kDay, false},
      {"2nd of June 2026", kDec2025, "2026-06-02", DatePrecision::kDay, false},
      {"the 3rd of June 2026", kDec2025, "2026-06-03", DatePrecision::kDay, false},
      {"Sept 2025", kJuly2025, "2025-09", DatePrecision::kMonth, false},
      {"Sep 2025", kJuly2025, "2025-09", DatePrecision::kMonth, false},
      {"September 2025", kJuly2025, "2025-09", DatePrecision::kMonth, false},
      {"March 2025", kJuly2025, "2025-03", DatePrecision::kMonth, false},
      {"July 2025", kJuly2025, "2025-07", DatePrecision::kMonth, false},
      {"Dec 2024", kJuly2025, "2024-12", DatePrecision::kMonth, false},
      {"Dec", kDec2025, "2025-12", DatePrecision::kMonth, true},
      {"dec.", kDec2025, "2025-12", DatePrecision::kMonth, true},
      {"Mar-26", kDec2025, "2026-03", DatePrecision::kMonth, false},
      {"Mar \xE2\x80\x99"
       "26",
       kDec2025, "2026-03", DatePrecision::kMonth, false},
      {"Mar-2026", kDec2025, "2026-03", DatePrecision::kMonth, false},
      {"2025-07-07", kDec2025, "2025-07-07", DatePrecision::kDay, false},
      {"07/07/2025", kDec2025, "2025-07-07", DatePrecision::kDay, false},
      {"7/7/25", kDec2025, "2025-07-07", DatePrecision::kDay, false},
      {"2025", kDec2025, "2025", DatePrecision::kYear, false},
      {"29 February 2024", kDec2025, "2024-02-29", DatePrecision::kDay, false},
      // As formal minutes write the meeting's date.
      {"14th January 2025", kDec2025, "2025-01-14", DatePrecision::kDay, false},
      {"14 Jan 25", kDec2025, "2025-01-14", DatePrecision::kDay, false},
      {"Tuesday, 14 January, 2025", kDec2025, "2025-01-14", DatePrecision::kDay, false},
      {"14/01/2025", kDec2025, "2025-01-14", DatePrecision::kDay, false},
      {"2025-01-14", kDec2025, "2025-01-14", DatePrecision::kDay, false},
      // Not dates.
      {"2022/23", kDec2025, nullptr, DatePrecision::kDay, false},
      {"31 February 2025", kDec2025, nullptr, DatePrecision::kDay, false},
      {"29 February 2025", kDec2025, nullptr, DatePrecision::kDay, false},
      {"32 March 2025", kDec2025, nullptr, DatePrecision::kDay, false},
      {"Tuesday March", kDec2025, nullptr, DatePrecision::kDay, false},
      {"Tuesday", kDec2025, nullptr, DatePrecision::kDay, false},
      {"March meeting", kDec2025, nullptr, DatePrecision::kDay, false},
      {"Item 3", kDec2025, nullptr, DatePrecision::kDay, false},
      {"", kDec2025, nullptr, DatePrecision::kDay, false},
      {"£60k", kDec2025, nullptr, DatePrecision::kDay, false},
      {"13/13/2025", kDec2025, nullptr, DatePrecision::kDay, false},
      {"14 Jan 2", kDec2025, nullptr, DatePrecision::kDay, false},
      {"14 Jan 25 10", kDec2025, nullptr, DatePrecision::kDay, false},
      {"14 Jan 25th", kDec2025, nullptr, DatePrecision::kDay, false},
  };
  for (const auto& c : kCases) {
    std::optional<ParsedDate> d = ParseDate(c.text, c.reference);
    if (c.iso == nullptr) {
      EXPECT_FALSE(d.has_value()) << c.text << " -> " << (d ? d->iso : "");
      continue;
    }
    ASSERT_TRUE(d.has_value()) << c.text;
    EXPECT_EQ(d->iso, c.iso) << c.text;
    EXPECT_EQ(d->precision, c.precision) << c.text;
    EXPECT_EQ(d->year_inferred, c.year_inferred) << c.text;
    EXPECT_FALSE(d->weekday_mismatch) << c.text;
  }
}

TEST(Dates, WeekdayMismatchIsReportedNotFixed) {
  std::optional<ParsedDate> d = ParseDate("Wednesday 9th December", kDec2025);
  ASSERT_TRUE(d.has_value());
  EXPECT_EQ(d->iso, "2025-12-09");
  EXPECT_EQ(d->weekday, 2);
  EXPECT_TRUE(d->weekday_mismatch);
  d = ParseDate("Tuesday 9th December", kDec2025);
  ASSERT_TRUE(d.has_value());
  EXPECT_EQ(d->weekday, 1);
  EXPECT_FALSE(d->weekday_mismatch);
}

TEST(Dates, NextOccurrence) {
  static const struct {
    const char* text;
    CivilDate after;
    const char* iso;
    bool mismatch;
  } kCases[] = {
      // "Next meeting dates: Tuesday March 17 10.30-12, Monday June 22 10-11.30 and Thursday
      // September 24"
      {"Tuesday March 17", kDec2025, "2026-03-17", false},
      {"Monday June 22", kDec2025, "2026-06-22", false},
      {"Thursday September 24", kDec2025, "2026-09-24", false},
      {"Tuesday 16 December", kDec2025, "2025-12-16", false},
      {"17 March", kDec2025, "2026-03-17", false},
      {"9 December", kDec2025, "2026-12-09", false},            // strictly after the reference
      {"Monday 17 March", {2025, 12, 9}, "2031-03-17", false},  // the next year it is a Monday
      {"Mar", kDec2025, "2026-03", false},
      {"March 2025", kDec2025, "2025-03", false},  // a written year is kept
  };
  for (const auto& c : kCases) {
    std::optional<ParsedDate> d = ParseNextDate(c.text, c.after);
    ASSERT_TRUE(d.has_value()) << c.text;
    EXPECT_EQ(d->iso, c.iso) << c.text;
    EXPECT_EQ(d->weekday_mismatch, c.mismatch) << c.text;
  }
  // 30 February never exists.
  EXPECT_FALSE(ParseNextDate("30 February", kDec2025).has_value());
}

}  // namespace
}  // namespace minutes::normalize
