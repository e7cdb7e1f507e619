// NormalizePersonName, PersonNameKey, Initials and InitialsVariants with the names in the notes.

#include <gtest/gtest.h>

#include "normalize/normalize.h"

namespace minutes::normalize {
namespace {

TEST(PersonNames, Display) {
  static const struct {
    const char* raw;
    const char* display;
  } kCases[] = {
      {"Kelly wilkes", "Kelly Wilkes"},
      {"julie mcnally", "Julie McNally"},
      {"Julie McNally", "Julie McNally"},
      {"JULIE MCNALLY", "Julie McNally"},
      {"kelly grant o\xE2\x80\x99sullivan", "Kelly Grant O'Sullivan"},
      {"Kelly Grant O\xE2\x80\x99Sullivan", "Kelly Grant O'Sullivan"},
      {"alitha lee-townsend", "Alitha Lee-Townsend"},
      {"Alitha Lee-Townsend", "Alitha Lee-Townsend"},
      {"josh macallister", "Josh MacAllister"},
      {"Josh MacAllister", "Josh MacAllister"},
      {"sam mace", "Sam Mace"},
      {"sam macey", "Sam Macey"},
      {"sam mack", "Sam Mack"},
      {"ana machado", "Ana Machado"},
      {"  Sarah \t Daly\xC2\xA0 ", "Sarah Daly"},
      {"\xC3\xA9lodie d\xC3\xBCrr", "\xC3\x89lodie D\xC3\xBCrr"},
      {"Rebecca Eligon", "Rebecca Eligon"},
      {"", ""},
      {"   ", ""},
  };
  for (const auto& c : kCases) EXPECT_EQ(NormalizePersonName(c.raw), c.display) << c.raw;
}

TEST(PersonNames, KeysIgnoreCaseSpacingAndApostrophes) {
  EXPECT_EQ(PersonNameKey("Kelly Grant O\xE2\x80\x99Sullivan"),
            PersonNameKey("kelly  grant o'sullivan"));
  EXPECT_EQ(PersonNameKey("West\xC2\xA0Smith"), PersonNameKey("west smith"));
  EXPECT_NE(PersonNameKey("Sarah Daly"), PersonNameKey("Sarah Smith"));
}

TEST(PersonNames, Initials) {
  static const struct {
    const char* name;
    const char* initials;
  } kCases[] = {
      {"Kelly Grant O'Sullivan", "KGOS"},
      {"Kelly Grant O\xE2\x80\x99Sullivan", "KGOS"},
      {"Alitha Lee-Townsend", "ALT"},
      {"Julie McNally", "JM"},
      {"Josh MacAllister", "JM"},
      {"Sarah Daly", "SD"},
      {"selina rattu", "SR"},
      {"Dr Sinead Roche", "SR"},
      // Titles and honours give no initials: names written in the notes keep them.
      {"Councillor Peter Marsh", "PM"},
      {"Councillor Marsh", "M"},
      {"Professor Helen Ward OBE", "HW"},
      {"Ian Moss JP", "IM"},
      {"Lord Smith", "LS"},
      {"Rebecca", "R"},
      {"", ""},
  };
  for (const auto& c : kCases) EXPECT_EQ(Initials(c.name), c.initials) << c.name;
}

TEST(PersonNames, Variants) {
  using V = std::vector<std::string>;
  static const struct {
    const char* name;
    V variants;
  } kCases[] = {
      {"Kelly Grant O'Sullivan", {"KGOS", "KGO", "KGS", "KOS", "KO", "KS"}},
      {"Alitha Lee-Townsend", {"ALT", "AL"}},
      {"Sarah Daly", {"SD"}},
      {"Julie McNally", {"JM"}},
      {"Rebecca", {"R"}},
      {"", {}},
  };
  for (const auto& c : kCases) EXPECT_EQ(InitialsVariants(c.name), c.variants) << c.name;
}

}  // namespace
}  // namespace minutes::normalize
