// The internal CSV reader behind the register files.

#include "normalize/csv.h"

#include <gtest/gtest.h>

namespace minutes::normalize::internal {
namespace {

TEST(Csv, Parses) {
  static const struct {
    const char* text;
    std::vector<std::vector<std::string>> rows;
  } kCases[] = {
      {"a,b\n1,2\n", {{"1", "2"}}},
      {"a,b\r\n1,2\r\n", {{"1", "2"}}},
      {"\xEF\xBB\xBF"
       "a,b\n1,2",
       {{"1", "2"}}},
      {"a,b\n\"x, y\",\"say \"\"hi\"\"\"\n", {{"x, y", "say \"hi\""}}},
      {"a,b\n\"line\nbreak\",2\n\n3,4\n", {{"line\nbreak", "2"}, {"3", "4"}}},
      {"a,b\n1,\n", {{"1", ""}}},
  };
  for (const auto& c : kCases) {
    CsvTable t;
    std::string error;
    ASSERT_TRUE(ParseCsv(c.text, "t.csv", &t, &error)) << c.text << ": " << error;
    EXPECT_EQ(t.header, std::vector<std::string>({"a", "b"})) << c.text;
    EXPECT_EQ(t.rows, c.rows) << c.text;
  }
}

TEST(Csv, LineNumbersAndErrors) {
  CsvTable t;
  std::string error;
  ASSERT_TRUE(ParseCsv("a\n\"x\ny\"\nz\n", "t.csv", &t, &error));
  EXPECT_EQ(t.lines, std::vector<int>({2, 4}));
  EXPECT_FALSE(ParseCsv("a\n\"open\n", "t.csv", &t, &error));
  EXPECT_EQ(error, "t.csv:2: unterminated quoted field");
  EXPECT_FALSE(ParseCsv("", "t.csv", &t, &error));
  EXPECT_EQ(t.Column("a"), -1);
}

}  // namespace
}  // namespace minutes::normalize::internal
