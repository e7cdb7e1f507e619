// ParseTimeRange over the time forms in the notes.

#include <gtest/gtest.h>

#include "normalize/normalize.h"

namespace minutes::normalize {
namespace {

TEST(Times, Ranges) {
  static const struct {
    const char* text;
    const char* start;  // nullptr: not a time
    const char* end;
    bool start_inferred;
    bool end_inferred;
  } kCases[] = {
      {"10-11.30", "10:00", "11:30", true, true},
      {"2-3.30", "14:00", "15:30", true, true},
      {"10.30-12", "10:30", "12:00", true, true},
      {"1.30pm \xE2\x80\x93 3pm", "13:30", "15:00", false, false},
      {"10am to 12.15pm", "10:00", "12:15", false, false},
      {"9:30 to 11:00", "09:30", "11:00", true, true},
      {"9.30 until 11", "09:30", "11:00", true, true},
      {"9am-11pm", "09:00", "23:00", false, false},
      {"5-11pm", "17:00", "23:00", true, false},
      {"11-8pm", "11:00", "20:00", true, false},
      {"6-11pm", "18:00", "23:00", true, false},
      {"5-10pm", "17:00", "22:00", true, false},
      {"9-5pm", "09:00", "17:00", true, false},
      {"5-9pm", "17:00", "21:00", true, false},
      {"12-2pm", "12:00", "14:00", true, false},
      {"11am-1", "11:00", "13:00", false, true},
      {"9-5", "09:00", "17:00", true, true},
      {"14:00-15:30", "14:00", "15:30", false, false},
      {"09:00 - 10:30", "09:00", "10:30", false, false},
      {"10 AM until 12 noon", "10:00", "12:00", false, false},
      {"10a.m.-11.30a.m.", "10:00", "11:30", false, false},
      {"10-11.30\xC2\xA0", "10:00", "11:30", true, true},
      {"9.45am \xE2\x80\x93 12.30pm", "09:45", "12:30", false, false},
      {"14:00-16.30", "14:00", "16:30", false, false},
      // A 24-hour time typed with a pm that adds nothing.
      {"18:30pm", "18:30", "", false, false},
      {"18.30pm - 20:00", "18:30", "20:00", false, false},
      {"6.30pm-20:05pm", "18:30", "20:05", false, false},
      // Single times.
      {"1.30pm", "13:30", "", false, false},
      {"10.30", "10:30", "", true, false},
      {"3.15", "15:15", "", true, false},
      {"12 noon", "12:00", "", false, false},
      {"noon", "12:00", "", false, false},
      // Not times.
      {"5", nullptr, nullptr, false, false},
      {"25:00", nullptr, nullptr, false, false},
      {"10.75", nullptr, nullptr, false, false},
      {"13pm", nullptr, nullptr, false, false},  // a slip for 1pm or 3pm, not a clock
      {"18:30am", nullptr, nullptr, false, false},
      {"10-11.30 Sat", nullptr, nullptr, false, false},
      {"5 children", nullptr, nullptr, false, false},
      {"10.3", nullptr, nullptr, false, false},
      {"", nullptr, nullptr, false, false},
      {"Mon-fri", nullptr, nullptr, false, false},
  };
  for (const auto& c : kCases) {
    std::optional<TimeRange> t = ParseTimeRange(c.text);
    if (c.start == nullptr) {
      EXPECT_FALSE(t.has_value()) << c.text << " -> " << (t ? t->start : "");
      continue;
    }
    ASSERT_TRUE(t.has_value()) << c.text;
    EXPECT_EQ(t->start, c.start) << c.text;
    EXPECT_EQ(t->end, c.end) << c.text;
    EXPECT_EQ(t->start_inferred, c.start_inferred) << c.text;
    EXPECT_EQ(t->end_inferred, c.end_inferred) << c.text;
  }
}

TEST(Times, MinutesAndOptions) {
  std::optional<TimeRange> t = ParseTimeRange("2-3.30");
  ASSERT_TRUE(t.has_value());
  EXPECT_EQ(t->start_minutes, 14 * 60);
  EXPECT_EQ(t->end_minutes, 15 * 60 + 30);
  TimeOptions early;
  early.first_morning_hour = 7;  // a 7am start is morning in this group
  t = ParseTimeRange("7-9", early);
  ASSERT_TRUE(t.has_value());
  EXPECT_EQ(t->start, "07:00");
  EXPECT_EQ(t->end, "09:00");
  t = ParseTimeRange("7-9");
  ASSERT_TRUE(t.has_value());
  EXPECT_EQ(t->start, "19:00");
  t = ParseTimeRange("1.30pm");
  ASSERT_TRUE(t.has_value());
  EXPECT_EQ(t->end_minutes, -1);
}

}  // namespace
}  // namespace minutes::normalize
