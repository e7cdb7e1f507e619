// The command options as a user types them: GNU style, with the errors a usage line needs.

#include "cli/options.h"

#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

namespace minutes::cli {
namespace {

OptionSet Sample() {
  OptionSet options;
  options.Add(Option("help", "h", "this text"));
  options.Add(Option("jobs", "j", "worker processes").Argument("N"));
  options.Add(Option("max-seconds", "", "seconds one document may take").Argument("S"));
  options.Add(Option("max-blocks", "", "most blocks").Argument("N"));
  options.Add(Option("format", "", "json or csv").Argument("FORMAT"));
  options.Add(Option("format-version", "", "the schema version").Argument("V"));
  options.Add(Option("jsonl", "", "JSON Lines"));
  return options;
}

struct Parsed {
  Status status;
  std::vector<std::pair<std::string, std::string>> options;
  std::vector<std::string> rest;
};

Parsed Parse(const std::vector<std::string>& args) {
  Parsed p;
  p.status = Sample().Parse(
      args,
      [&](const std::string& name, const std::string& value) {
        p.options.emplace_back(name, value);
        return Status::OK();
      },
      &p.rest);
  return p;
}

using Pairs = std::vector<std::pair<std::string, std::string>>;
using Strings = std::vector<std::string>;

TEST(OptionsTest, ValuesAreGivenInEveryGnuForm) {
  Parsed p = Parse({"--jobs", "3", "a.docx", "--jobs=4", "-j", "5", "-j6", "--max-s", "7", "b"});
  ASSERT_TRUE(p.status.ok()) << p.status.message();
  EXPECT_EQ(
      (Pairs{{"jobs", "3"}, {"jobs", "4"}, {"jobs", "5"}, {"jobs", "6"}, {"max-seconds", "7"}}),
      p.options);
  EXPECT_EQ((Strings{"a.docx", "b"}), p.rest);
}

TEST(OptionsTest, AValueIsTheNextArgumentWhateverItLooksLike) {
  Parsed p = Parse({"--format", "-", "--jobs", "--", "-"});
  ASSERT_TRUE(p.status.ok()) << p.status.message();
  EXPECT_EQ((Pairs{{"format", "-"}, {"jobs", "--"}}), p.options);
  EXPECT_EQ((Strings{"-"}), p.rest);  // "-" is standard input, a file
}

TEST(OptionsTest, DoubleDashEndsTheOptions) {
  Parsed p = Parse({"--jsonl", "--", "--help", "-h"});
  ASSERT_TRUE(p.status.ok()) << p.status.message();
  EXPECT_EQ((Pairs{{"jsonl", ""}}), p.options);
  EXPECT_EQ((Strings{"--help", "-h"}), p.rest);
}

TEST(OptionsTest, AFullNameWinsOverALongerOne) {
  Parsed p = Parse({"--format=csv", "--format-v", "2"});
  ASSERT_TRUE(p.status.ok()) << p.status.message();
  EXPECT_EQ((Pairs{{"format", "csv"}, {"format-version", "2"}}), p.options);
}

TEST(OptionsTest, MistakesAreNamedAsTyped) {
  struct Case {
    Strings args;
    std::string message;
  } cases[] = {
      {{"--no-such-flag=1", "x"}, "unknown option --no-such-flag"},
      {{"-x"}, "unknown option -x"},
      {{"--max", "1"}, "ambiguous option --max (write it in full)"},
      {{"--jsonl=yes"}, "option --jsonl takes no value"},
      {{"-hv"}, "option -h takes no value"},
      {{"x", "--jobs"}, "option --jobs needs a value"},
      {{"-j"}, "option --jobs needs a value"},
  };
  for (const Case& c : cases) {
    Parsed p = Parse(c.args);
    EXPECT_EQ(Status::Code::kInvalidArgument, p.status.code()) << c.message;
    EXPECT_EQ(c.message, p.status.message());
  }
}

TEST(OptionsTest, TheFirstRefusedValueStopsParsing) {
  std::vector<std::string> rest;
  int calls = 0;
  Status s = Sample().Parse(
      {"--jobs=0", "--jsonl"},
      [&](const std::string&, const std::string& value) {
        ++calls;
        return value == "0" ? Status::InvalidArgument("--jobs takes 1 or more") : Status::OK();
      },
      &rest);
  EXPECT_EQ("--jobs takes 1 or more", s.message());
  EXPECT_EQ(1, calls);
}

TEST(OptionsTest, HelpAlignsAndWrapsTheDescriptions) {
  OptionSet options;
  options.Add(Option("help", "h", "this text"));
  options.Add(Option("input-format", "", "force a reader: auto|docx|pdf|html|text (default auto)")
                  .Argument("NAME"));
  EXPECT_EQ(
      "-h, --help           this text\n"
      "--input-format=NAME  force a reader:\n"
      "                     auto|docx|pdf|html|text\n"
      "                     (default auto)\n",
      options.Format(50));
}

}  // namespace
}  // namespace minutes::cli
