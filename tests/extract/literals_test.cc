// The guards of extract/literals.h: never false where RE2 would find the word, table-driven and
// against RE2 itself.

#include "extract/literals.h"

#include <gtest/gtest.h>
#include <re2/re2.h>

#include <cstdint>
#include <string>
#include <vector>

namespace minutes {
namespace {

std::string Utf8(char32_t c) {
  std::string s;
  if (c < 0x80) {
    s += static_cast<char>(c);
  } else if (c < 0x800) {
    s += static_cast<char>(0xC0 | (c >> 6));
    s += static_cast<char>(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    s += static_cast<char>(0xE0 | (c >> 12));
    s += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    s += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    s += static_cast<char>(0xF0 | (c >> 18));
    s += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
    s += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    s += static_cast<char>(0x80 | (c & 0x3F));
  }
  return s;
}

struct ContainsCase {
  const char* text;
  const char* word;
  bool expected;
};

const ContainsCase kContains[] = {
    {"The next meeting", "next", true},
    {"THE NEXT MEETING", "next", true},
    {"NeXt", "next", true},
    {"nex t", "next", false},
    {"", "next", false},
    {"ne", "next", false},
    {"Apologies were received", "apologies", true},
    {"Apologie\xC5\xBF were received", "apologies", true},  // long s: RE2's (?i)s matches it
    {"Apologie\xC5\xBF were received", "chair", false},     // no 's' in the word
    {"Cler\xE2\x84\xAA: Ann Bell", "clerk", true},          // Kelvin sign: (?i)k matches it
    {"Cler\xE2\x84\xAA: Ann Bell", "chair", false},
    {"\xC2\xA3"
     "300 a week",
     "\xC2\xA3", true},  // "£": non-ASCII bytes compare exactly
    {"GBP 300", "gbp", true},
    {"10 \xE2\x80\x93 12", "\xE2\x80\x93", true},  // en dash
    {"10 \xE2\x80\x94 12", "\xE2\x80\x93", false},
    {"a.o.b.", "a.o.b", true},
    {"aXoXb", "a.o.b", false},  // "." is a byte, not a wildcard
    {"@[", "`{", false},        // only letters fold: '@' is not '`'
};

TEST(LiteralsTest, MayContainTable) {
  for (const ContainsCase& c : kContains)
    EXPECT_EQ(c.expected, MayContain(c.text, c.word)) << c.text << " / " << c.word;
}

TEST(LiteralsTest, MayContainAnyFindsEachWordAndStopsAtNone) {
  EXPECT_TRUE(MayContainAny("the panel decided to", {"agreed", "resolved", "decided"}));
  EXPECT_TRUE(MayContainAny("AGREED", {"agreed", "resolved", "decided"}));
  EXPECT_FALSE(MayContainAny("the panel noted it", {"agreed", "resolved", "decided"}));
  EXPECT_TRUE(MayContainAny("Meeting", {"meeting", "me"}));  // words sharing a first letter
  EXPECT_TRUE(MayContainAny("x", {"y", ""}));                // an empty word is in every text
}

TEST(LiteralsTest, MayStartWithAnyAfterWhitespace) {
  EXPECT_TRUE(MayStartWithAny("Present: Ann Bell", {"present"}));
  EXPECT_TRUE(MayStartWithAny(" \t\n\v\f\rPRESENT", {"present"}));
  EXPECT_FALSE(MayStartWithAny("Also present: Ann Bell", {"present"}));
  EXPECT_FALSE(MayStartWithAny("  ", {"present"}));
  EXPECT_FALSE(MayStartWithAny("", {"present"}));
  EXPECT_TRUE(MayStartWithAny("4. Finance", {"0", "4"}));
  EXPECT_FALSE(MayStartWithAny("Item 4", {"0", "4"}));
  // A folded letter anywhere lets the text through: "\u017Fubstitutes:" is a label to RE2.
  EXPECT_TRUE(MayStartWithAny("\xC5\xBFubstitutes: Ann Bell", {"substitute"}));
  EXPECT_FALSE(MayStartWithAny("\xC5\xBFubstitutes: Ann Bell", {"chair"}));
  const std::vector<std::string_view> words = {"chair", "present"};
  EXPECT_TRUE(MayStartWithAny("Chair: Ann Bell", words));
  EXPECT_FALSE(MayStartWithAny("Minutes", words));
}

TEST(LiteralsTest, HasDigitIsAsciiDigitsOnly) {
  EXPECT_TRUE(HasDigit("4 March"));
  EXPECT_TRUE(HasDigit("March 2024"));
  EXPECT_FALSE(HasDigit("March"));
  EXPECT_FALSE(HasDigit("\xD9\xA4"));  // ARABIC-INDIC DIGIT FOUR: RE2's \d does not match it
  EXPECT_FALSE(RE2::PartialMatch("\xD9\xA4", RE2(R"(\d)")));
}

// The guards rest on which characters RE2's case folding maps onto ASCII letters. Asking RE2
// about every code point keeps the guards true to the RE2 this program is built against: a letter
// it folds that the guards do not know about fails here.
TEST(LiteralsTest, EveryCharacterRe2FoldsOntoAnAsciiLetterIsKnown) {
  const RE2 any_letter("(?i)[a-z]");
  int folded = 0;
  for (char32_t c = 0x80; c <= 0x10FFFF; ++c) {
    if (c >= 0xD800 && c <= 0xDFFF) continue;
    std::string s = Utf8(c);
    if (!RE2::FullMatch(s, any_letter)) continue;
    for (char letter = 'a'; letter <= 'z'; ++letter) {
      if (!RE2::FullMatch(s, RE2(std::string("(?i)") + letter))) continue;
      ++folded;
      EXPECT_TRUE(MayContain(s, std::string(1, letter)))
          << "U+" << std::hex << static_cast<uint32_t>(c) << " " << letter;
      EXPECT_TRUE(MayContain("x" + s + "x", std::string("x") + letter + "x"));
      EXPECT_TRUE(MayStartWithAny(s, {std::string_view(&letter, 1)}));
    }
  }
  EXPECT_GT(folded, 0);  // U+017F and U+212A, with the RE2 of Debian 12
}

// Whatever RE2 finds case-insensitively, the guards let through: every word the extractors guard
// on, written in every case and with each 's' and 'k' as its non-ASCII fold, alone, inside a
// sentence and after whitespace.
TEST(LiteralsTest, NeverFalseWhereRe2FindsTheWord) {
  const char* const words[] = {"apologies",  "chair",    "next",     "meeting",   "clerk",
                               "substitute", "started",  "decision", "resolved",  "gbp",
                               "agenda",     "visitors", "a.o.b",    "summary of"};
  for (std::string_view word : words) {
    std::vector<std::string> spellings = {std::string(word)};
    for (size_t i = 0; i < word.size(); ++i) {
      std::vector<std::string> more;
      for (const std::string& s : spellings) {
        if (s[i] >= 'a' && s[i] <= 'z') {
          std::string upper = s;
          upper[i] = static_cast<char>(s[i] - 'a' + 'A');
          more.push_back(upper);
        }
      }
      if (spellings.size() < 256) spellings.insert(spellings.end(), more.begin(), more.end());
    }
    std::vector<std::string> folded;
    for (const std::string& s : spellings) {
      std::string long_s, kelvin;
      for (char c : s) {
        long_s += (c == 's' || c == 'S') ? std::string("\xC5\xBF") : std::string(1, c);
        kelvin += (c == 'k' || c == 'K') ? std::string("\xE2\x84\xAA") : std::string(1, c);
      }
      folded.push_back(long_s);
      folded.push_back(kelvin);
    }
    spellings.insert(spellings.end(), folded.begin(), folded.end());
    const RE2 contains("(?i)" + RE2::QuoteMeta(word));
    const RE2 starts(R"((?i)^\s*)" + RE2::QuoteMeta(word));
    for (const std::string& s : spellings) {
      for (const std::string& text : {s, "The " + s + " of it", " \t" + s}) {
        if (RE2::PartialMatch(text, contains)) {
          EXPECT_TRUE(MayContain(text, word)) << text;
        }
        if (RE2::PartialMatch(text, starts)) {
          EXPECT_TRUE(MayStartWithAny(text, {word})) << text;
        }
      }
    }
  }
}

}  // namespace
}  // namespace minutes
