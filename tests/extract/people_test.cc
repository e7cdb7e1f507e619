// ResolvePeople (listed entries -> Person records) and InitialsResolver (initials -> who they may
// mean in one meeting).

#include "extract/people.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "extract/extract.h"
#include "extract/mentions.h"
#include "normalize/normalize.h"
#include "tests/extract/text_document.h"

namespace minutes {
namespace {

const normalize::LaRegister& Las() { return normalize::LaRegister::Default(); }

std::string Join(const std::vector<std::string>& v) {
  std::string out;
  for (const std::string& s : v) out += (out.empty() ? "" : " ") + s;
  return out;
}

ListedPerson Listed(const char* name, const char* organisation, std::vector<std::string> roles = {},
                    Attendance attendance = Attendance::kPresent) {
  ListedPerson lp;
  lp.name_raw = name;
  lp.organisation_raw = organisation;
  lp.roles = std::move(roles);
  lp.attendance = attendance;
  return lp;
}

TEST(ResolvePeopleTest, OnePersonEach) {
  static const struct {
    const char* name_raw;
    const char* organisation_raw;
    const char* name;
    const char* initials;
    const char* organisation;
    const char* la_codes;  // space-separated
  } kCases[] = {
      {"Kelly wilkes", "West Sussex", "Kelly Wilkes", "KW", "West Sussex", "E10000032"},
      {"Kelly Grant O’Sullivan", "Slough", "Kelly Grant O'Sullivan", "KGOS", "Slough", "E06000039"},
      {"Alitha Lee-Townsend", "Slough", "Alitha Lee-Townsend", "ALT", "Slough", "E06000039"},
      {"julie mcnally", "Oxfordshire", "Julie McNally", "JM", "Oxfordshire", "E10000025"},
      // Aliases, council names and casing resolve to the register's name.
      {"Cathy Seiderer", "brighton and Hove", "Cathy Seiderer", "CS", "Brighton and Hove",
       "E06000043"},
      {"Ann Bell", "West Berks", "Ann Bell", "AB", "West Berkshire", "E06000037"},
      {"Bob Cole", "Surrey County Council", "Bob Cole", "BC", "Surrey", "E10000030"},
      // A group stands for all its members.
      {"Sam Ives", "AfC", "Sam Ives", "SI", "Achieving for Children",
       "E09000021 E09000027 E06000040"},
      // A body that is not an LA keeps its name as written and has no codes.
      {"Rebecca Eligon", "SESLIP", "Rebecca Eligon", "RE", "SESLIP", ""},
      {"Dan Ford", "DfE", "Dan Ford", "DF", "DfE", ""},
      // No organisation written.
      {"Dev Patel", "", "Dev Patel", "DP", "", ""},
  };
  for (const auto& c : kCases) {
    std::vector<Person> got =
        ResolvePeople({Listed(c.name_raw, c.organisation_raw)}, Las(), normalize::MatchOptions());
    ASSERT_EQ(1u, got.size()) << c.name_raw;
    const Person& p = got[0];
    EXPECT_EQ(c.name_raw, p.name_raw);
    EXPECT_EQ(c.name, p.name) << c.name_raw;
    EXPECT_EQ(c.initials, p.initials) << c.name_raw;
    EXPECT_EQ(c.organisation, p.organisation) << c.name_raw;
    EXPECT_EQ(c.la_codes, Join(p.la_codes)) << c.name_raw;
  }
}

TEST(ResolvePeopleTest, KeepsTheListsOrderAttendanceRolesAndDeputising) {
  Document doc = minutes_test::TextDocument(
      "Group notes\n"
      "Chair: Sarah Daly DCS Portsmouth\n"
      "Attendees: Selina Rattu (SESLIP presenter), Kelly Grant O’Sullivan (Slough in place of "
      "george mathew)\n"
      "Apologies: Carly Arnold (Southampton)\n");
  std::vector<Person> got = ResolvePeople(
      FindAttendance(doc, [](std::string_view s) { return Las().Resolve(s).has_value(); }), Las(),
      normalize::MatchOptions());
  ASSERT_EQ(4u, got.size());
  EXPECT_EQ("Sarah Daly", got[0].name);
  EXPECT_EQ("chair DCS", Join(got[0].roles));
  EXPECT_EQ("Selina Rattu", got[1].name);
  EXPECT_EQ("presenter", Join(got[1].roles));
  EXPECT_EQ("SESLIP", got[1].organisation);
  EXPECT_EQ("Kelly Grant O'Sullivan", got[2].name);
  EXPECT_EQ("George Mathew", got[2].substitute_for);
  EXPECT_EQ("Carly Arnold", got[3].name);
  EXPECT_EQ(Attendance::kApologies, got[3].attendance);
  EXPECT_EQ("E06000045", Join(got[3].la_codes));
  for (const Person& p : got)
    EXPECT_EQ(p.name_raw, doc.text.substr(p.evidence.span.start, p.evidence.span.size()));
}

TEST(ResolvePeopleTest, APersonListedTwiceIsOne) {
  static const struct {
    const char* why;
    std::vector<ListedPerson> listed;
    const char* name;
    const char* organisation;
    const char* la_codes;
    const char* roles;
    Attendance attendance;
  } kCases[] = {
      {"chair and attendee",
       {Listed("Sarah Daly", "Portsmouth", {"chair", "DCS"}), Listed("Sarah Daly", "Portsmouth")},
       "Sarah Daly",
       "Portsmouth",
       "E06000044",
       "chair DCS",
       Attendance::kPresent},
      {"spelt with another case and apostrophe",
       {Listed("Kelly Grant O’Sullivan", "Slough"), Listed("kelly grant o'sullivan", "Slough")},
       "Kelly Grant O'Sullivan",
       "Slough",
       "E06000039",
       "",
       Attendance::kPresent},
      {"roles of both, first attendance kept",
       {Listed("Sarah Daly", "Portsmouth", {"chair"}, Attendance::kApologies),
        Listed("Sarah Daly", "", {"DCS", "chair"})},
       "Sarah Daly",
       "Portsmouth",
       "E06000044",
       "chair DCS",
       Attendance::kApologies},
      {"the organisation from the second listing is resolved too",
       {Listed("Sarah Daly", "", {"chair"}), Listed("Sarah Daly", "West Berks")},
       "Sarah Daly",
       "West Berkshire",
       "E06000037",
       "chair",
       Attendance::kPresent},
  };
  for (const auto& c : kCases) {
    std::vector<Person> got = ResolvePeople(c.listed, Las(), normalize::MatchOptions());
    ASSERT_EQ(1u, got.size()) << c.why;
    EXPECT_EQ(c.name, got[0].name) << c.why;
    EXPECT_EQ(c.organisation, got[0].organisation) << c.why;
    EXPECT_EQ(c.la_codes, Join(got[0].la_codes)) << c.why;
    EXPECT_EQ(c.roles, Join(got[0].roles)) << c.why;
    EXPECT_EQ(c.attendance, got[0].attendance) << c.why;
  }
}

TEST(ResolvePeopleTest, BlankNamesAreNobody) {
  EXPECT_TRUE(
      ResolvePeople({Listed("", "Kent"), Listed("  ", "Kent")}, Las(), normalize::MatchOptions())
          .empty());
  EXPECT_TRUE(ResolvePeople({}, Las(), normalize::MatchOptions()).empty());
}

// The people, the body and the resolver built from them as the person_mentions step does.
struct Resolver {
  Resolver(const std::vector<ListedPerson>& listed, const std::string& notes)
      : doc(minutes_test::TextDocument(notes)),
        people(ResolvePeople(listed, Las(), normalize::MatchOptions())),
        resolver(people, Body(), LaSpans(), CapsTokens(Body())) {}

  std::string_view Body() const { return std::string_view(doc.text).substr(0, doc.body_end); }
  std::vector<Span> LaSpans() const {
    std::vector<Span> spans;
    for (const LaMentionItem& m : FindLaMentions(doc, Las(), normalize::MatchOptions(), people))
      spans.push_back(m.evidence.span);
    return spans;
  }
  // "name/listed|written/primary|variant" for each candidate, comma-separated.
  std::string Candidates(const char* initials) const {
    std::string out;
    for (const InitialsResolver::Candidate& c : resolver.Candidates(initials))
      out += (out.empty() ? "" : ", ") + c.name + (c.listed ? "/listed" : "/written") +
             (c.primary ? "/primary" : "/variant");
    return out;
  }

  Document doc;
  std::vector<Person> people;
  InitialsResolver resolver;
};

TEST(InitialsResolverTest, Candidates) {
  static const struct {
    const char* why;
    std::vector<ListedPerson> listed;
    const char* notes;
    const char* initials;
    const char* candidates;  // Resolver::Candidates
  } kCases[] = {
      {"a listed person's own initials",
       {Listed("Kelly Grant O'Sullivan", "Slough")},
       "Notes\nKGOS said yes.\n",
       "KGOS",
       "Kelly Grant O'Sullivan/listed/primary"},
      {"a variant of a listed person's initials",
       {Listed("Kelly Grant O'Sullivan", "Slough")},
       "Notes\nKO said yes.\n",
       "KO",
       "Kelly Grant O'Sullivan/listed/variant"},
      {"two people with the same initials, in the list's order",
       {Listed("Selina Rattu", "SESLIP"), Listed("Sinead Roche", "East Sussex")},
       "Notes\nSR said yes.\n",
       "SR",
       "Selina Rattu/listed/primary, Sinead Roche/listed/primary"},
      {"primary initials hide another's variant",
       {Listed("Kelly Grant O'Sullivan", "Slough"), Listed("Kate Smith", "Kent")},
       "Notes\nKS said yes.\n",
       "KS",
       "Kate Smith/listed/primary"},
      {"a listed variant hides a written name",
       {Listed("Kelly Grant O'Sullivan", "Slough")},
       "Notes\nKeith Stone joined late. KS said yes.\n",
       "KS",
       "Kelly Grant O'Sullivan/listed/variant"},
      {"the written name when nobody listed has the initials",
       {Listed("Ann Bell", "Kent")},
       "Notes\nKeith Stone joined late. KS said yes.\n",
       "KS",
       "Keith Stone/written/primary"},
      {"a name written in the notes",
       {Listed("Ann Bell", "Kent")},
       "Notes\nMark Vening and Peter Hodges to draft the letter. MV said yes.\n",
       "MV",
       "Mark Vening/written/primary"},
      {"a written name with a role before it",
       {},
       "Notes\nDCS Mac Heath opened the meeting. MH said yes.\n",
       "MH",
       "Mac Heath/written/primary"},
      {"a listed person's name written again is not a second candidate",
       {Listed("Mark Vening", "Kent")},
       "Notes\nMark Vening to draft the letter. MV said yes.\n",
       "MV",
       "Mark Vening/listed/primary"},
      {"an LA is not a written name",
       {},
       "Notes\nWest Berkshire said yes. WB said yes.\n",
       "WB",
       ""},
      {"months and weekdays are not names",
       {},
       "Notes\nTuesday March is the date. TM said yes.\n",
       "TM",
       ""},
      {"nobody", {Listed("Ann Bell", "Kent")}, "Notes\nXY said yes.\n", "XY", ""},
      {"no initials", {Listed("Ann Bell", "Kent")}, "Notes\n", "", ""},
  };
  for (const auto& c : kCases) {
    Resolver r(c.listed, c.notes);
    EXPECT_EQ(c.candidates, r.Candidates(c.initials)) << c.why;
  }
}

TEST(InitialsResolverTest, ListedCandidatesCarryTheirLaAndRoles) {
  Resolver r({Listed("Sinead Roche", "East Sussex", {"presenter"})}, "Notes\nSR said yes.\n");
  const std::vector<InitialsResolver::Candidate>& c = r.resolver.Candidates("SR");
  ASSERT_EQ(1u, c.size());
  EXPECT_EQ(std::vector<std::string>{"E10000011"}, c[0].la_codes);
  EXPECT_EQ(std::vector<std::string>{"presenter"}, c[0].roles);
}

TEST(ResolvePeopleTest, ASubstituteStandsForTheAbsentMemberOfTheirOrganisation) {
  ListedPerson doyle = Listed("Kevin Doyle", "Rochdale Borough Council", {"member"});
  doyle.substitute = true;
  ListedPerson unknown = Listed("Amy Shaw", "Bury", {"member"});
  unknown.substitute = true;  // two Bury members are away: nobody can say which she stands for
  std::vector<Person> got = ResolvePeople(
      {doyle, unknown, Listed("Sarah Lomax", "Rochdale", {}, Attendance::kApologies),
       Listed("Raj Sethi", "Bury", {}, Attendance::kApologies),
       Listed("Tim Wu", "Bury", {}, Attendance::kAbsent), Listed("Ann Moss", "Rochdale")},
      Las(), normalize::MatchOptions());
  ASSERT_EQ(6u, got.size());
  EXPECT_EQ("Sarah Lomax", got[0].substitute_for);
  EXPECT_EQ("", got[1].substitute_for);
}

TEST(ResolvePeopleTest, RolesKeepTheirOrderWhenListingsMerge) {
  std::vector<Person> got =
      ResolvePeople({Listed("Ruth Allen", "", {"councillor", "Leader of the Council"}),
                     Listed("Ruth Allen", "", {"chair", "councillor"})},
                    Las(), normalize::MatchOptions());
  ASSERT_EQ(1u, got.size());
  EXPECT_EQ("chair councillor Leader of the Council", Join(got[0].roles));
}

// The people of a council's own meeting are the council's when nothing else is written; a
// partnership's, a joint committee's or a guest's are not given one.
TEST(PeopleStepTest, AtACouncilsOwnMeetingPeopleAreTheCouncils) {
  struct Case {
    const char* text;
    const char* organisations;  // one per person, "-" for none
  } cases[] = {
      {"Wigan Council — Cabinet\nPresent: Cllr Ann Bell (Chair), Bob Cole (Kent)\n"
       "Guests: Cy Dee\n",
       "Wigan Kent -"},
      {"Cabinet of Stockport Metropolitan Borough Council\nPresent: Ann Bell\n", "Stockport"},
      {"Anytown Borough Council — Planning Committee\nPresent: Ann Bell\n",
       "Anytown Borough Council"},
      {"Mid Anglia Fostering Partnership Board\nPresent: Ann Bell\n", "-"},
      {"Bolton Council and Bury Council Joint Committee\nPresent: Ann Bell\n", "-"},
  };
  for (const Case& c : cases) {
    Document doc = minutes_test::TextDocument(c.text);
    Extraction x = Extract(doc, SourceOf("-", doc), {});
    std::string got;
    for (const Person& p : x.people)
      got += (got.empty() ? "" : " ") + (p.organisation.empty() ? "-" : p.organisation);
    EXPECT_EQ(c.organisations, got) << c.text;
  }
}

}  // namespace
}  // namespace minutes
