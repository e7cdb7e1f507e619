// SeriesKey: titles of one group's meetings over time give one key.

#include <gtest/gtest.h>

#include "normalize/normalize.h"

namespace minutes::normalize {
namespace {

TEST(SeriesKey, TitlesWithoutTheirDates) {
  const struct {
    const char* title;
    const char* key;
  } kCases[] = {
      {"Fostering regional group meeting notes and action log July 2025",
       "fostering regional group meeting notes and action log"},
      {"Fostering regional group meeting notes and action log December 2025",
       "fostering regional group meeting notes and action log"},
      {"FOSTERING Regional Group meeting notes & action log – Dec 2025",
       "fostering regional group meeting notes action log"},
      {"Eastern Region Kinship Leads — Action notes, 5 February 2026",
       "eastern region kinship leads action notes"},
      {"South West Fostering Network – Notes of meeting held 3 March 2026",
       "south west fostering network notes of meeting"},
      {"South West Fostering Network – Notes of meeting held on Tuesday 3rd March 2026",
       "south west fostering network notes of meeting"},
      {"London Fostering Leads – 12/11/2025", "london fostering leads"},
      {"West Midlands Regional Fostering Group", "west midlands regional fostering group"},
      {"Kinship Forum 2025-26", "kinship forum"},
      {"Région Île-de-France minutes", "région île de france minutes"},
      // Formal minutes: the body's name, without the formula before it and where and when after.
      {"MINUTES of a meeting of the CORPORATE PARENTING PANEL held at Anytown Town Hall on "
       "Tuesday, 14 January 2025 at 6.30 pm",
       "corporate parenting panel"},
      {"Minutes of the meeting of the Corporate Parenting Panel held on 14 Jan 25",
       "corporate parenting panel"},
      {"Corporate Parenting Panel", "corporate parenting panel"},
      {"Minutes of the meeting held on 14 January 2025", "minutes of the meeting"},
      {"12 March 2026", ""},
      {"", ""},
  };
  for (const auto& c : kCases) EXPECT_EQ(c.key, SeriesKey(c.title)) << c.title;
}

TEST(PersonId, SameAsTheRegistryAndStable) {
  PersonRegistry registry;
  std::string id = registry.Add("rebecca eligon", "E06000037", "m1", Attendance::kPresent);
  EXPECT_EQ(id, PersonId("Rebecca Eligon", "E06000037"));
  EXPECT_EQ(id, PersonId("Rebecca  ELIGON", "e06000037"));
  EXPECT_NE(id, PersonId("Rebecca Eligon", ""));
  EXPECT_EQ("", PersonId("  ", "E06000037"));
  EXPECT_EQ(18u, id.size());
  EXPECT_EQ(0u, id.rfind("p-", 0));
}

}  // namespace
}  // namespace minutes::normalize
