// FindMoney over the forms the notes use, table-driven.

#include "extract/money.h"

#include <gtest/gtest.h>

#include <string>

namespace minutes {
namespace {

struct MoneyCase {
  const char* text;
  const char* figure;  // the matched text; nullptr: no figure at all
  double amount;
  double range_max;  // 0: no range
  const char* period;
  bool approximate;
};

const MoneyCase kCases[] = {
    {"they are paid £10ph. They know", "£10ph", 10, 0, "hour", false},
    {"foster carers to do this at £15ph.RE said", "£15ph", 15, 0, "hour", false},
    {"paid £15 ph to", "£15 ph", 15, 0, "hour", false},
    {"at £12.50 an hour", "£12.50 an hour", 12.5, 0, "hour", false},
    {"Staff get £250 for week. ", "£250 for week", 250, 0, "week", false},
    {"a salary of £45k per annum", "£45k per annum", 45000, 0, "year", false},
    {"a budget of £2.5m", "£2.5m", 2.5e6, 0, "", false},
    {"funding of £3.2 million", "£3.2 million", 3.2e6, 0, "", false},
    {"costs £1,250 in total", "£1,250", 1250, 0, "", false},
    {"GBP 300 was agreed", "GBP 300", 300, 0, "", false},
    {"paid £40/hour", "£40/hour", 40, 0, "hour", false},
    {"salaried foster carers (c.£60k, 10 months a year", "c.£60k", 60000, 0, "", true},
    {"circa £500 each", "circa £500", 500, 0, "", true},
    {"around £20 per session", "around £20 per session", 20, 0, "session", true},
    {"between £200 and £300 a week", "between £200 and £300 a week", 200, 300, "week", false},
    {"allowances £203-£267 per age band", "£203-£267", 203, 267, "", false},
    {"£2-3m programme", "£2-3m", 2e6, 3e6, "", false},
    {"a flat fee of £33 for being on call", "£33 for being on call", 33, 0, "session", false},
    {"paid £25 from 6-11pm", "£25", 25, 0, "", false},
    {"a £10 pay rise", "£10", 10, 0, "", false},  // "pay" is not "pa"
    {"£1,250.75 pcm", "£1,250.75 pcm", 1250.75, 0, "month", false},
    {"a one-off £500", "£500", 500, 0, "one_off", false},
    // A period before the figure: the span stays the figure's.
    {"a one-off payment of £500 to each", "£500", 500, 0, "one_off", false},
    {"an annual grant of £20k from", "£20k", 20000, 0, "year", false},
    {"a weekly rate of £300 for", "£300", 300, 0, "week", false},
    {"the average weekly cost of a placement had risen to £6,240", "£6,240", 6240, 0, "week",
     false},
    {"weekly meetings are held and the fee is £40", "£40", 40, 0, "", false},
    {"the monthly allowance is £1,200", "£1,200", 1200, 0, "month", false},
    {"a sessional fee of approximately £60", "approximately £60", 60, 0, "session", true},
    {"its nightly rate of £45", "£45", 45, 0, "day", false},
    {"the weekly figures show £300 spent", "£300", 300, 0, "", false},  // too far from "weekly"
    // Per panel, sitting and visit are sessions; a night is a day.
    {"£75 per panel", "£75 per panel", 75, 0, "session", false},
    {"£90 a sitting", "£90 a sitting", 90, 0, "session", false},
    {"£120 per visit", "£120 per visit", 120, 0, "session", false},
    {"£45 per night", "£45 per night", 45, 0, "day", false},
    {"£500 one-off payment", "£500 one-off", 500, 0, "one_off", false},
    {"no figures here, 2022/23 and 10 months", nullptr, 0, 0, "", false},
};

TEST(MoneyTest, Forms) {
  for (const MoneyCase& c : kCases) {
    std::string text = c.text;
    std::vector<MoneyMatch> found = FindMoney(text);
    if (c.figure == nullptr) {
      EXPECT_TRUE(found.empty()) << text;
      continue;
    }
    ASSERT_EQ(1u, found.size()) << text;
    const MoneyMatch& m = found[0];
    EXPECT_EQ(c.figure, text.substr(m.start, m.end - m.start)) << text;
    EXPECT_EQ(Amount::FromPounds(c.amount), m.amount) << text;
    if (c.range_max > 0) {
      ASSERT_TRUE(m.range_max.has_value()) << text;
      EXPECT_EQ(Amount::FromPounds(c.range_max), *m.range_max) << text;
    } else {
      EXPECT_FALSE(m.range_max.has_value()) << text;
    }
    EXPECT_EQ(std::string_view(c.period), m.period ? EnumName(*m.period) : "") << text;
    EXPECT_EQ(c.approximate, m.approximate) << text;
  }
}

// MoneyBound counts without matching: never fewer than the figures, wherever they stand.
TEST(MoneyTest, TheBoundIsNeverBelowTheFigures) {
  for (const MoneyCase& c : kCases)
    EXPECT_GE(MoneyBound(c.text), FindMoney(c.text).size()) << c.text;
  const std::string text = "£1 £2-£3 between £4 and £5 GBP6 gbp 7 Gbp8, £ alone; £9";
  EXPECT_EQ(7u, FindMoney(text).size());
  EXPECT_EQ(10u, MoneyBound(text));  // every "£" and "GBP", figures or not
  EXPECT_EQ(0u, MoneyBound(""));
  EXPECT_EQ(0u, MoneyBound("no money, no GB"));
}

TEST(MoneyTest, SeveralFiguresInOneSentence) {
  std::string text = "out of hours paid £25 from 6-11pm and then £40 during weekends.";
  std::vector<MoneyMatch> found = FindMoney(text);
  ASSERT_EQ(2u, found.size());
  EXPECT_EQ("£25", text.substr(found[0].start, found[0].end - found[0].start));
  EXPECT_EQ("£40", text.substr(found[1].start, found[1].end - found[1].start));
}

}  // namespace
}  // namespace minutes
