// FindAttendance over the layouts minutes use for who was there.

#include "extract/attendance.h"

#include <gtest/gtest.h>

#include <string>

#include "ingest/ingest.h"
#include "normalize/normalize.h"
#include "tests/extract/text_document.h"

namespace minutes {
namespace {

std::string At(const Document& doc, Span s) { return doc.text.substr(s.start, s.size()); }

struct Expected {
  const char* name;
  const char* organisation;
  const char* attendance;
  const char* roles;  // space-separated
  const char* substitute_for;
};

void ExpectPeople(const std::string& text, const std::vector<Expected>& expected) {
  Document doc = minutes_test::TextDocument(text);
  const normalize::LaRegister& las = normalize::LaRegister::Default();
  std::vector<ListedPerson> got =
      FindAttendance(doc, [&](std::string_view s) { return las.Resolve(s).has_value(); });
  ASSERT_EQ(expected.size(), got.size()) << text;
  for (size_t i = 0; i < expected.size(); ++i) {
    const ListedPerson& p = got[i];
    const Expected& e = expected[i];
    EXPECT_EQ(e.name, p.name_raw) << text;
    EXPECT_EQ(e.name, At(doc, p.name_span)) << text;
    EXPECT_EQ(e.organisation, p.organisation_raw) << text;
    if (!p.organisation_raw.empty()) EXPECT_EQ(e.organisation, At(doc, p.organisation_span));
    EXPECT_EQ(std::string_view(e.attendance), EnumName(p.attendance)) << text;
    std::string roles;
    for (const std::string& r : p.roles) roles += (roles.empty() ? "" : " ") + r;
    EXPECT_EQ(e.roles, roles) << text;
    EXPECT_EQ(e.substitute_for, p.substitute_for_raw) << text;
  }
}

TEST(AttendanceTest, SeedParagraphLists) {
  ExpectPeople(
      "Chair: Sarah Daly DCS Portsmouth\n"
      "Attendees: Rebecca Eligon (SESLIP support), Alitha Lee-Townsend (Slough), Kelly wilkes "
      "(West Sussex), Cathy Seiderer (brighton and Hove)\n",
      {{"Sarah Daly", "Portsmouth", "present", "chair DCS", ""},
       {"Rebecca Eligon", "SESLIP", "present", "support", ""},
       {"Alitha Lee-Townsend", "Slough", "present", "", ""},
       {"Kelly wilkes", "West Sussex", "present", "", ""},
       {"Cathy Seiderer", "brighton and Hove", "present", "", ""}});
}

TEST(AttendanceTest, ChairWithApologiesAndDeputising) {
  ExpectPeople(
      "Chair: Sarah Daly DCS Portsmouth (apologies)\n"
      "Attendees: Selina Rattu (SESLIP presenter), Kelly Grant O’Sullivan (Slough in place of "
      "George Mathew)\n"
      "Apologies: Carly Arnold (Southampton), George Mathew (Slough)  \n",
      {{"Sarah Daly", "Portsmouth", "apologies", "chair DCS", ""},
       {"Selina Rattu", "SESLIP", "present", "presenter", ""},
       {"Kelly Grant O’Sullivan", "Slough", "present", "", "George Mathew"},
       {"Carly Arnold", "Southampton", "apologies", "", ""},
       {"George Mathew", "Slough", "apologies", "", ""}});
}

TEST(AttendanceTest, SemicolonsDashesAndSentences) {
  ExpectPeople(
      "Present: Ann Bell – Kent; Bob Cole - Surrey County Council\n"
      "Apologies were received from Cara Dunn (Medway) and Dev Patel (Hants).\n",
      {{"Ann Bell", "Kent", "present", "", ""},
       {"Bob Cole", "Surrey County Council", "present", "", ""},
       {"Cara Dunn", "Medway", "apologies", "", ""},
       {"Dev Patel", "Hants", "apologies", "", ""}});
}

TEST(AttendanceTest, LabelFollowedByATwoColumnTable) {
  ExpectPeople(
      "Attendees\n"
      "Name\tOrganisation\n"
      "Ann Bell\tKent\n"
      "Bob Cole\tWest Berks\n"
      "\n"
      "Item 1: minutes agreed\n",
      {{"Ann Bell", "Kent", "present", "", ""}, {"Bob Cole", "West Berks", "present", "", ""}});
}

TEST(AttendanceTest, NothingListedWhenThereIsNoLabel) {
  ExpectPeople("Item 1: Minutes and actions from last meeting agreed.\nKL said it is similar.\n",
               {});
}

TEST(AttendanceTest, WordsThatStartLikeALabelAreNotLists) {
  // Regressions: "Present..." and "Chair..." as ordinary words opening a paragraph.
  ExpectPeople(
      "Presentation from Ann Bell on the hub.\n"
      "Present challenges include recruitment, Bob Cole said.\n"
      "Chairs of the regional groups met in May.\n",
      {});
}

TEST(AttendanceTest, NoApologiesIsNobody) {
  for (const char* none : {"None", "none received.", "N/A", "Nil"}) {
    ExpectPeople(std::string("Attendees: Ann Bell (Kent)\nApologies: ") + none + "\n",
                 {{"Ann Bell", "Kent", "present", "", ""}});
  }
}

TEST(AttendanceTest, ChairedByAndInAttendance) {
  ExpectPeople("Chaired by Sarah Daly (Portsmouth)\nIn attendance: Ann Bell (Kent)\n",
               {{"Sarah Daly", "Portsmouth", "present", "chair", ""},
                {"Ann Bell", "Kent", "present", "", ""}});
}

TEST(AttendanceTest, ParagraphsAfterABareLabelStopAtTheFirstNonEntry) {
  ExpectPeople(
      "Attendees\nAnn Bell, Kent\nBob Cole (Surrey), Cara Dunn (Medway)\n"
      "Apologies were received from Dev Patel (Hants).\nItem 1: Minutes agreed.\n",
      {{"Ann Bell", "Kent", "present", "", ""},
       {"Bob Cole", "Surrey", "present", "", ""},
       {"Cara Dunn", "Medway", "present", "", ""},
       {"Dev Patel", "Hants", "apologies", "", ""}});
  ExpectPeople(
      "Present:\n• Ann Bell, Kent\n• Bob Cole, Surrey\nKent said the budget is set.\n",
      {{"Ann Bell", "Kent", "present", "", ""}, {"Bob Cole", "Surrey", "present", "", ""}});
}

TEST(AttendanceTest, ATableWhoseHeaderSaysPresent) {
  ExpectPeople(
      "Present\tOrganisation\nGita Patel\tBirmingham Children's Trust\nMark O'Brien\tSandwell\n\n"
      "Apologies\tAuthority\nKev Dunn\tWalsall\n",
      {{"Gita Patel", "Birmingham Children's Trust", "present", "", ""},
       {"Mark O'Brien", "Sandwell", "present", "", ""},
       {"Kev Dunn", "Walsall", "apologies", "", ""}});
}

}  // namespace
}  // namespace minutes
