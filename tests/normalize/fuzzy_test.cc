// The string similarities behind the LA matcher's fuzzy fallback: EditDistance (optimal string
// alignment) and JaroWinkler, on classic pairs and by code point.

#include "normalize/fuzzy.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace minutes::normalize::internal {
namespace {

TEST(Fuzzy, EditDistance) {
  static const struct {
    const char* a;
    const char* b;
    int distance;
  } kCases[] = {
      {"", "", 0},
      {"", "abc", 3},
      {"abc", "", 3},
      {"abc", "abc", 0},
      {"a", "b", 1},                       // substitution
      {"kitten", "sitting", 3},            // two substitutions and an insertion
      {"oxfordshre", "oxfordshire", 1},    // insertion
      {"hampshire", "hamphire", 1},        // deletion
      {"surrey", "sussex", 3},             // substitutions only
      {"ab", "ba", 1},                     // a transposition counts 1
      {"ca", "ac", 1},                     //
      {"MARTHA", "MARHTA", 1},             //
      {"abcdef", "abdcef", 1},             // inside a word
      {"abcdef", "badcfe", 3},             // three transpositions
      {"hampshire", "hamshpire", 2},       // a rotation is two edits
      {"CA", "ABC", 3},                    // OSA: no substring edited twice (true DL says 2)
      {"kent", "KENT", 4},                 // case counts: fold first
      {"\xC5\x8Csaka", "Osaka", 1},        // "Ōsaka": one code point, two bytes
      {"caf\xC3\xA9", "cafe", 1},          // "café"
      {"caf\xC3\xA9", "cafe\xCC\x81", 2},  // precomposed é vs e + combining acute: normalise first
      {"\xEF\xBC\xAB\xEF\xBC\xA5\xEF\xBC\xAE\xEF\xBC\xB4", "KENT", 4},  // fullwidth "ＫＥＮＴ"
      {"a\xFF", "a\xEF\xBF\xBD", 0},                                    // an invalid byte is U+FFFD
      {"a\xFF", "ab", 1},
  };
  for (const auto& c : kCases) {
    EXPECT_EQ(EditDistance(c.a, c.b, 100), c.distance) << c.a << " / " << c.b;
    EXPECT_EQ(EditDistance(c.b, c.a, 100), c.distance) << c.b << " / " << c.a << " (reversed)";
    // Every limit gives min(distance, limit + 1): the early exits never cut below the truth.
    for (int limit = 0; limit <= c.distance + 1; ++limit) {
      EXPECT_EQ(EditDistance(c.a, c.b, limit), std::min(c.distance, limit + 1))
          << c.a << " / " << c.b << " limit " << limit;
    }
  }
}

TEST(Fuzzy, EditDistanceStopsAtLimit) {
  static const struct {
    const char* a;
    const char* b;
    int limit;
    int result;
  } kCases[] = {
      {"kitten", "sitting", 2, 3},
      {"kitten", "sitting", 3, 3},
      {"a", "abcdef", 2, 3},  // the length difference alone exceeds the limit
      {"abcdef", "a", 4, 5},  //
      {"abc", "abc", 0, 0},   // limit 0: equal or not
      {"abc", "abd", 0, 1},   //
      {"abc", "xyz", 1, 2},   // every row of the table already exceeds the limit
      {"", "", 0, 0},         //
      {"Oxfordshre", "Oxfordshire", 1, 1},
      {"Hampshire", "Wiltshire", 2, 3},
  };
  for (const auto& c : kCases) {
    EXPECT_EQ(EditDistance(c.a, c.b, c.limit), c.result) << c.a << " / " << c.b << " " << c.limit;
  }
}

TEST(Fuzzy, JaroWinkler) {
  static const struct {
    const char* a;
    const char* b;
    double similarity;  // to 3 decimals
  } kCases[] = {
      // Winkler's published pairs.
      {"MARTHA", "MARHTA", 0.961},
      {"DWAYNE", "DUANE", 0.840},
      {"DIXON", "DICKSONX", 0.813},
      {"JONES", "JOHNSON", 0.832},
      {"SHACKLEFORD", "SHACKELFORD", 0.982},
      {"DUNNINGHAM", "CUNNIGHAM", 0.896},
      {"NICHLESON", "NICHULSON", 0.956},
      {"MASSEY", "MASSIE", 0.933},
      {"CRATE", "TRACE", 0.733},  // no common prefix: Jaro alone
      // Edges.
      {"", "", 1.0},
      {"abc", "", 0.0},
      {"", "abc", 0.0},
      {"abc", "abc", 1.0},
      {"abc", "xyz", 0.0},
      {"ab", "ba", 0.0},                // the match window of two letters is 0: nothing matches
      {"CA", "ABC", 0.0},               //
      {"abcdefgh", "abcdefgx", 0.950},  // prefix bonus stops at 4 (7 would give 0.975)
      {"kent", "KENT", 0.0},            // case counts: fold first
      // The matcher's use: folded misspellings of LA names.
      {"oxfordshre", "oxfordshire", 0.982},
      {"hamshpire", "hampshire", 0.961},
      {"surrey", "sussex", 0.733},
      // By code point, not byte.
      {"\xC5\x8Csaka", "Osaka", 0.867},  // "Ōsaka": 4 of 5 match
      {"caf\xC3\xA9", "cafe", 0.883},    // "café": 3 of 4, prefix 3
  };
  for (const auto& c : kCases) {
    EXPECT_NEAR(JaroWinkler(c.a, c.b), c.similarity, 0.0005) << c.a << " / " << c.b;
    EXPECT_DOUBLE_EQ(JaroWinkler(c.a, c.b), JaroWinkler(c.b, c.a)) << c.a << " / " << c.b;
  }
}

}  // namespace
}  // namespace minutes::normalize::internal
