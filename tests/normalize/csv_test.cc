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
    Status s = ParseCsv(c.text, "t.csv", &t);
    ASSERT_TRUE(s.ok()) << c.text << ": " << s.ToString();
    EXPECT_EQ(t.header, std::vector<std::string>({"a", "b"})) << c.text;
    std::vector<std::vector<std::string>> rows(t.size());
    for (size_t r = 0; r < t.size(); ++r) {
      for (size_t col = 0; col < t.width(r); ++col)
        rows[r].emplace_back(t.cell(r, static_cast<int>(col)));
    }
    EXPECT_EQ(rows, c.rows) << c.text;
    ASSERT_FALSE(c.rows.empty());
    EXPECT_EQ(t.cell(0, -1), "");
    EXPECT_EQ(t.cell(0, static_cast<int>(c.rows[0].size())), "");  // past the row's end
  }
}

TEST(Csv, LineNumbers) {
  CsvTable t;
  ASSERT_TRUE(ParseCsv("a\n\"x\ny\"\nz\n", "t.csv", &t).ok());
  EXPECT_EQ(t.lines, std::vector<int>({2, 4}));
}

TEST(Csv, Errors) {
  static const struct {
    const char* text;
    const char* message;
  } kCases[] = {
      {"a\n\"open\n", "t.csv:2: unterminated quoted field"},
      {"a\nb\n\n\"x\ny\n", "t.csv:4: unterminated quoted field"},  // the line the field opens on
      {"", "t.csv:1: empty file (no header row)"},
      {"\n\r\n\n", "t.csv:1: empty file (no header row)"},
      {"\xEF\xBB\xBF", "t.csv:1: empty file (no header row)"},
  };
  for (const auto& c : kCases) {
    CsvTable t;
    Status s = ParseCsv(c.text, "t.csv", &t);
    EXPECT_EQ(s.code(), Status::Code::kCorrupt) << c.text << ": " << s.ToString();
    EXPECT_EQ(s.message(), c.message) << c.text;
  }
  CsvTable t;
  ASSERT_FALSE(ParseCsv("", "t.csv", &t).ok());
  EXPECT_EQ(t.Column("a"), -1);
}

TEST(Csv, ReadCsvFile) {
  CsvTable t;
  Status s = ReadCsvFile("/nonexistent/dir/x.csv", &t);
  EXPECT_EQ(s.code(), Status::Code::kIoError) << s.ToString();
  EXPECT_EQ(s.message(), "/nonexistent/dir/x.csv: cannot read file");
  s = ReadCsvFile(MINUTES_DATA_DIR, &t);  // a directory is not a file
  EXPECT_EQ(s.code(), Status::Code::kIoError) << s.ToString();

  s = ReadCsvFile(std::string(MINUTES_DATA_DIR) + "/la_register.csv", &t);
  ASSERT_TRUE(s.ok()) << s.ToString();
  EXPECT_EQ(t.name, "la_register.csv");
  EXPECT_GE(t.Column("gss_code"), 0);
}

}  // namespace
}  // namespace minutes::normalize::internal
