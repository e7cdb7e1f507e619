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
    if (!p.organisation_raw.empty()) {
      EXPECT_EQ(e.organisation, At(doc, p.organisation_span));
    }
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

TEST(AttendanceTest, TheServiceSomeoneWorksInIsARoleNotAnOrganisation) {
  ExpectPeople("Officers: Joanne Fry (Democratic Services), Ann Bell (Kent)\n",
               {{"Joanne Fry", "", "present", "officer Democratic Services", ""},
                {"Ann Bell", "Kent", "present", "officer", ""}});
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

// Issue #11's classes: each case is a layout of who was there that the seeds do not show.
struct Want {
  const char* name;
  const char* organisation;
  const char* attendance;
  const char* roles;  // "; "-separated: roles hold spaces ("vice chair", "Head of Fostering")
  const char* substitute_for;
  bool substitute = false;
};

void ExpectListed(const std::string& text, const std::vector<Want>& expected) {
  Document doc = minutes_test::TextDocument(text);
  const normalize::LaRegister& las = normalize::LaRegister::Default();
  auto is_organisation = [&](std::string_view s) {
    return las.Resolve(s).has_value() || s.find("University") != std::string_view::npos ||
           s.find("Association") != std::string_view::npos;
  };
  std::vector<ListedPerson> got = FindAttendance(doc, is_organisation);
  std::vector<std::string> names;
  for (const ListedPerson& p : got) names.push_back(p.name_raw);
  ASSERT_EQ(expected.size(), got.size()) << text << "\ngot: " << ::testing::PrintToString(names);
  for (size_t i = 0; i < expected.size(); ++i) {
    const ListedPerson& p = got[i];
    const Want& e = expected[i];
    EXPECT_EQ(e.name, p.name_raw) << text;
    EXPECT_EQ(e.name, At(doc, p.name_span)) << text;
    EXPECT_EQ(e.organisation, p.organisation_raw) << e.name;
    if (!p.organisation_raw.empty()) {
      EXPECT_EQ(e.organisation, At(doc, p.organisation_span));
    }
    EXPECT_EQ(std::string_view(e.attendance), EnumName(p.attendance)) << e.name;
    std::string roles;
    for (const std::string& r : p.roles) roles += (roles.empty() ? "" : "; ") + r;
    EXPECT_EQ(e.roles, roles) << e.name;
    EXPECT_EQ(e.substitute_for, p.substitute_for_raw) << e.name;
    EXPECT_EQ(e.substitute, p.substitute) << e.name;
  }
}

TEST(AttendanceTest, CommitteeLabelsWrappedListsAndPluralCouncillors) {
  ExpectListed(
      "Present: Councillor Jane Roe (Chair), Councillor Paul Whitley (Vice Chair), Councillors "
      "Peter Marsh,\n"
      "Tom Hale and Dr Rachel Stone\n"
      "Officers: Sue Platt (Director of Children's Services), Gareth Ince (Head of Fostering)\n"
      "and Nia Evans (Democratic Services Officer)\n"
      "Apologies for absence: Councillors Lee Grant and Maria Costa\n"
      "Absent: Councillor Owen Pryce\n"
      "DRAFT\n",
      {{"Jane Roe", "", "present", "chair; councillor", ""},
       {"Paul Whitley", "", "present", "vice chair; councillor", ""},
       {"Peter Marsh", "", "present", "councillor", ""},
       {"Tom Hale", "", "present", "councillor", ""},
       {"Rachel Stone", "", "present", "councillor; dr", ""},
       {"Sue Platt", "", "present", "officer; Director of Children's Services", ""},
       {"Gareth Ince", "", "present", "officer; Head of Fostering", ""},
       {"Nia Evans", "", "present", "officer; Democratic Services Officer", ""},
       {"Lee Grant", "", "apologies", "councillor", ""},
       {"Maria Costa", "", "apologies", "councillor", ""},
       {"Owen Pryce", "", "absent", "councillor", ""}});
}

TEST(AttendanceTest, EachLabelGivesItsRole) {
  ExpectListed(
      "Board members: Ann Bell (Kent)\n"
      "Panel: Bob Cole (Medway)\n"
      "Secretariat: Cara Dunn, Kent County Council\n"
      "Minute taker: Holly Dyer\n"
      "Observers: Dame Alison Fenn (DfE)\n"
      "Guests: Ian Moss JP, Magistrates' Association\n"
      "Also present: Raj Dutt (Luton)\n"
      "Substitutes: Kev Dunn (Walsall)\n",
      {{"Ann Bell", "Kent", "present", "member", ""},
       {"Bob Cole", "Medway", "present", "member", ""},
       {"Cara Dunn", "Kent County Council", "present", "secretariat", ""},
       {"Holly Dyer", "", "present", "secretariat", ""},
       {"Alison Fenn", "DfE", "present", "observer; dame", ""},
       {"Ian Moss", "Magistrates' Association", "present", "guest; JP", ""},
       {"Raj Dutt", "Luton", "present", "", ""},
       {"Kev Dunn", "Walsall", "present", "member", "", /*substitute=*/true}});
}

// Each label's every alternative, in capitals and after spaces too: labels are looked for only
// in paragraphs that start with a label's first word (extract/literals.h), so a word missing from
// that list would lose its list here. "Apologie\u017F" is "apologies" to RE2's case folding.
TEST(AttendanceTest, EveryLabelAlternativeHoweverWritten) {
  ExpectPeople(
      "Meeting of the panel\n"
      "  ABSENTEES: Ann Bell (Kent)\n"
      "Clerk: Bob Cole\n"
      "Visitors: Cara Dunn (Medway)\n"
      "Voting members: Dev Patel (Hants)\n"
      "Council officers: Eve Hart (Surrey)\n"
      "Councillors present: Fay Lamb (Slough)\n"
      "Observing: Gus Reed (Luton)\n"
      "Note taker: Hal Moss\n"
      "Minutes taken by: Ida Penn\n"
      "Also attending: Jon Tate (Kent)\n"
      "Attendance: Kim Ruiz (Medway)\n"
      "Chairperson: Lea Shaw (Kent)\n"
      "Substitute members present: Max Ford (Surrey)\n"
      "Guest speakers: Ned Cray (DfE)\n"
      "Apologie\u017F were received from Ola Berg (Kent).\n",
      {{"Ann Bell", "Kent", "absent", "", ""},
       {"Bob Cole", "", "present", "secretariat", ""},
       {"Cara Dunn", "Medway", "present", "guest", ""},
       {"Dev Patel", "Hants", "present", "member", ""},
       {"Eve Hart", "Surrey", "present", "officer", ""},
       {"Fay Lamb", "Slough", "present", "member", ""},
       {"Gus Reed", "Luton", "present", "observer", ""},
       {"Hal Moss", "", "present", "secretariat", ""},
       {"Ida Penn", "", "present", "secretariat", ""},
       {"Jon Tate", "Kent", "present", "", ""},
       {"Kim Ruiz", "Medway", "present", "", ""},
       {"Lea Shaw", "Kent", "present", "chair", ""},
       {"Max Ford", "Surrey", "present", "member", ""},
       {"Ned Cray", "DfE", "present", "guest", ""},
       {"Ola Berg", "Kent", "apologies", "", ""}});
}

TEST(AttendanceTest, LabelAloneThenNameRoleOrganisationLines) {
  ExpectListed(
      "Board members:\n"
      "Jo Bright, Director of Children's Services, Essex County Council\n"
      "Councillor Amir Khan, Cabinet Member for Children and Families, Southend-on-Sea City "
      "Council\n"
      "Councillor Bob Dean, Leader, Thurrock Council\n"
      "Ravi Patel, Vice Chair, Essex County Council\n"
      "OFFICIAL\n"
      "Item 1: Welcome\n",
      {{"Jo Bright", "Essex County Council", "present", "member; Director of Children's Services",
        ""},
       {"Amir Khan", "Southend-on-Sea City Council", "present",
        "member; councillor; Cabinet Member for Children and Families", ""},
       {"Bob Dean", "Thurrock Council", "present", "member; councillor; Leader", ""},
       {"Ravi Patel", "Essex County Council", "present", "vice chair; member", ""}});
  // A council's suffix ("Essex CC", "Wigan MBC") is an organisation, not a second person.
  ExpectListed("Members:\nJo Bright, Director, Essex CC\nAl Cole, Leader, Wigan MBC\n",
               {{"Jo Bright", "Essex CC", "present", "member; director", ""},
                {"Al Cole", "Wigan MBC", "present", "member; Leader", ""}});
}

TEST(AttendanceTest, DeputisingWrittenEveryWay) {
  ExpectListed(
      "Members:\n"
      "Sam Okoro, Head of Fostering, Thurrock Council (for Kate Lyle)\n"
      "Lucy Hart (Southend-on-Sea) deputising for Mark Denny\n"
      "Sir David Hill CBE, Anglia Ruskin University, on behalf of Lord Smith\n"
      "Ben Cole (Luton, sub for Councillor Ann Lee)\n"
      "Ali Khan (Kent, substituting for george mathew)\n",
      {{"Sam Okoro", "Thurrock Council", "present", "member; Head of Fostering", "Kate Lyle"},
       {"Lucy Hart", "Southend-on-Sea", "present", "member", "Mark Denny"},
       {"David Hill", "Anglia Ruskin University", "present", "member; sir; CBE", "Lord Smith"},
       {"Ben Cole", "Luton", "present", "member", "Ann Lee"},
       {"Ali Khan", "Kent", "present", "member", "george mathew"}});
}

TEST(AttendanceTest, TheChairInEveryUsualWay) {
  ExpectListed("Present: Ann Bell – Chair, Bob Cole (Kent)\n",
               {{"Ann Bell", "", "present", "chair", ""}, {"Bob Cole", "Kent", "present", "", ""}});
  ExpectListed("Present: Ann Bell, Kent County Council, Chair\n",
               {{"Ann Bell", "Kent County Council", "present", "chair", ""}});
  ExpectListed("Present: Cllr Ann Bell (in the Chair)\n",
               {{"Ann Bell", "", "present", "chair; councillor", ""}});
  ExpectListed("Chaired by Professor Helen Ward OBE\n",
               {{"Helen Ward", "", "present", "chair; professor; OBE", ""}});
  ExpectListed("Notes\nCouncillor Ruth Allen in the Chair\n",
               {{"Ruth Allen", "", "present", "chair; councillor", ""}});
  // "Vice Chair" is not the chair.
  ExpectListed("Present: Bob Cole (Vice-Chair)\n", {{"Bob Cole", "", "present", "vice chair", ""}});
}

TEST(AttendanceTest, UnlabelledNameLinesAtTheTopAndPageFurniture) {
  ExpectListed(
      "Stockport Metropolitan Borough Council — Cabinet\n"
      "OFFICIAL\n"
      "Date: Tuesday 17 February 2026\n"
      "\n"
      "Councillor Ruth Allen (Leader of the Council)\n"
      "Councillor Dan Moss (Deputy Leader)\n"
      "DRAFT\n"
      "Councillor Priya Gill (Cabinet Member for Children, Families and Education)\n"
      "\n"
      "Councillor Ruth Allen in the Chair\n"
      "\n"
      "Apologies were received from Councillors Sean Boyd and Kay Ward.\n"
      "Page 2 of 5\n",
      {{"Ruth Allen", "", "present", "councillor; Leader of the Council", ""},
       {"Dan Moss", "", "present", "councillor; Deputy Leader", ""},
       {"Priya Gill", "", "present",
        "councillor; Cabinet Member for Children, Families and Education", ""},
       {"Ruth Allen", "", "present", "chair; councillor", ""},
       {"Sean Boyd", "", "apologies", "councillor", ""},
       {"Kay Ward", "", "apologies", "councillor", ""}});
  // One name line alone is not a list, and furniture never is anyone.
  ExpectListed("Notes\nDr Amy Shaw (Ofsted)\nDRAFT\nPage 2 of 5\nItem 1\n", {});
}

TEST(AttendanceTest, PageFurnitureIsNobody) {
  for (const char* line : {"DRAFT", "OFFICIAL", "OFFICIAL-SENSITIVE", "Page 2 of 5", "Page 3",
                           "- 4 -", "2 of 5", "Not protectively marked"})
    EXPECT_TRUE(IsPageFurniture(line)) << line;
  for (const char* line : {"Ann Bell", "Draft budget", "Officials met"})
    EXPECT_FALSE(IsPageFurniture(line)) << line;
  ExpectListed(
      "Present:\nAnn Bell, Kent\nPage 1 of 2\nBob Cole, Medway\nItem 1\n",
      {{"Ann Bell", "Kent", "present", "", ""}, {"Bob Cole", "Medway", "present", "", ""}});
}

TEST(AttendanceTest, TitlesAndHonoursAreRolesButATitleAloneStays) {
  ExpectListed(
      "Present: Mayor Councillor Joe Bloggs MBE, Lord Smith, Cllr Marsh, Mr Tim Wu (Kent)\n",
      {{"Joe Bloggs", "", "present", "mayor; councillor; MBE", ""},
       {"Lord Smith", "", "present", "", ""},
       {"Cllr Marsh", "", "present", "councillor", ""},
       {"Tim Wu", "Kent", "present", "", ""}});
}

TEST(AttendanceTest, ATableInSections) {
  // Text tables: a section row is one cell ("Members") and empty ones.
  ExpectListed(
      "Attendance\n"
      "Name\tAuthority\tRole\n"
      "Members\t\t\n"
      "Cllr Ann Moss\tBolton Council\tChair\n"
      "Cllr Helen Fry\tOldham Council\tVice Chair\n"
      "Substitute Members\t\t\n"
      "Cllr Kevin Doyle\tRochdale Borough Council\t\n"
      "Apologies\t\t\n"
      "Cllr Sarah Lomax\tRochdale Borough Council\t\n"
      "Officers in attendance\t\t\n"
      "Karen Wild\tBolton Council\tHead of Regional Adoption\n"
      "\n"
      "1. Declarations\n",
      {{"Ann Moss", "Bolton Council", "present", "chair; member; councillor", ""},
       {"Helen Fry", "Oldham Council", "present", "vice chair; member; councillor", ""},
       {"Kevin Doyle", "Rochdale Borough Council", "present", "member; councillor", "", true},
       {"Sarah Lomax", "Rochdale Borough Council", "apologies", "councillor", ""},
       {"Karen Wild", "Bolton Council", "present", "officer; Head of Regional Adoption", ""}});
  // No label before it: the section rows say what it is.
  ExpectListed(
      "Notes\n"
      "Members\t\n"
      "Ann Moss\tBolton\n"
      "Apologies\t\n"
      "Raj Sethi\tBury\n",
      {{"Ann Moss", "Bolton", "present", "member", ""},
       {"Raj Sethi", "Bury", "apologies", "", ""}});
}

}  // namespace
}  // namespace minutes
