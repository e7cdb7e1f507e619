// PersonRegistry across the two seed meetings.

#include <gtest/gtest.h>

#include "normalize/normalize.h"

namespace minutes::normalize {
namespace {

constexpr const char* kJuly = "000_e0affe79a15288f1";
constexpr const char* kDec = "001_2e77aad788dcd255";

TEST(PersonRegistry, SamePersonAcrossMeetings) {
  PersonRegistry reg;
  std::string a = reg.Add("Keith Langley", "E06000037", kJuly, Attendance::kPresent);
  std::string b = reg.Add("keith  langley", "E06000037", kDec, Attendance::kPresent);
  std::string c =
      reg.Add("Kelly Grant O\xE2\x80\x99Sullivan", "E06000039", kDec, Attendance::kPresent);
  std::string d = reg.Add("Kelly Grant O'Sullivan", "E06000039", kDec, Attendance::kPresent);
  EXPECT_EQ(a, b);
  EXPECT_EQ(c, d);
  EXPECT_NE(a, c);
  ASSERT_EQ(reg.people().size(), 2u);
  const PersonRecord* keith = reg.Find(a);
  ASSERT_NE(keith, nullptr);
  EXPECT_EQ(keith->display_name, "Keith Langley");
  EXPECT_EQ(keith->appearances.size(), 2u);
  EXPECT_EQ(keith->raw_names, std::vector<std::string>({"Keith Langley", "keith  langley"}));
  EXPECT_EQ(reg.Find(c)->appearances.size(), 1u);  // the same appearance twice is recorded once
  EXPECT_EQ(reg.Find(c)->initials, "KGOS");
  EXPECT_EQ(a.substr(0, 2), "p-");
  EXPECT_EQ(a.size(), 18u);
}

TEST(PersonRegistry, SameNameOtherOrganisationIsAnotherPerson) {
  PersonRegistry reg;
  std::string a = reg.Add("Sarah Smith", "E10000014", kJuly, Attendance::kPresent);
  std::string b = reg.Add("Sarah Smith", "E10000030", kJuly, Attendance::kPresent);
  std::string c = reg.Add("Sarah Smith", "e10000014", kDec, Attendance::kApologies);
  EXPECT_NE(a, b);
  EXPECT_EQ(a, c);
  EXPECT_EQ(reg.Add("", "E10000014", kJuly, Attendance::kPresent), "");
  EXPECT_EQ(reg.people().size(), 2u);
}

TEST(PersonRegistry, IdsAreStableAcrossRegistries) {
  PersonRegistry one, two;
  two.Add("Someone Else", "X", kJuly, Attendance::kPresent);
  EXPECT_EQ(one.Add("Sarah Daly", "E06000044", kJuly, Attendance::kChair),
            two.Add("sarah daly", "E06000044", kDec, Attendance::kChair));
}

TEST(PersonRegistry, InitialsWithinAMeetingAndAcrossTheBatch) {
  PersonRegistry reg;
  // December attendees (seed 001).
  reg.Add("Rebecca Eligon", "SESLIP", kDec, Attendance::kPresent);
  reg.Add("Selina Rattu", "SESLIP", kDec, Attendance::kPresent);
  reg.Add("Sinead Roche", "E10000011", kDec, Attendance::kPresent);
  reg.Add("Kelly Grant O'Sullivan", "E06000039", kDec, Attendance::kPresent);
  reg.Add("Alison Miller", "E06000042", kDec, Attendance::kPresent);
  // July (seed 000).
  reg.Add("Alitha Lee-Townsend", "E06000039", kJuly, Attendance::kPresent);
  reg.Add("Maria Cordrey", "E10000016", kJuly, Attendance::kPresent);

  static const struct {
    const char* initials;
    const char* meeting;
    std::vector<std::string> names;
  } kCases[] = {
      {"SR", kDec, {"Selina Rattu", "Sinead Roche"}},  // ambiguous: the caller decides
      {"KGOS", kDec, {"Kelly Grant O'Sullivan"}},
      {"KS", kDec, {"Kelly Grant O'Sullivan"}},
      {"AM", kDec, {"Alison Miller"}},
      {"ALT", kDec, {}},  // not at that meeting
      {"ALT", "", {"Alitha Lee-Townsend"}},
      {"al", "", {"Alitha Lee-Townsend"}},
      {"MC", kJuly, {"Maria Cordrey"}},
      {"MC", kDec, {}},
      {"", "", {}},
  };
  for (const auto& c : kCases) {
    std::vector<std::string> names;
    for (const PersonRecord* p : reg.FindByInitials(c.initials, c.meeting)) {
      names.push_back(p->display_name);
    }
    EXPECT_EQ(names, c.names) << c.initials << " in " << c.meeting;
  }
}

TEST(PersonRegistry, PrimaryInitialsFirst) {
  PersonRegistry reg;
  reg.Add("Kelly Grant O'Sullivan", "E06000039", kDec, Attendance::kPresent);  // KS is a variant
  reg.Add("Kimberley Showell", "E10000032", kDec, Attendance::kApologies);     // KS is primary
  std::vector<const PersonRecord*> ks = reg.FindByInitials("KS", kDec);
  ASSERT_EQ(ks.size(), 2u);
  EXPECT_EQ(ks[0]->display_name, "Kimberley Showell");
  EXPECT_STREQ(AttendanceName(ks[0]->appearances[0].attendance), "apologies");
}

}  // namespace
}  // namespace minutes::normalize
