// Extract end to end on small notes: the behaviours a reviewer relies on, one per test.

#include "extract/extract.h"

#include <gtest/gtest.h>

#include <string>

#include "ingest/ingest.h"
#include "tests/extract/text_document.h"

namespace minutes {
namespace {

Extraction FromText(const std::string& text, Document* doc_out = nullptr) {
  Document doc = minutes_test::TextDocument(text);
  Extraction x = Extract(doc, SourceOf("test.txt", doc), {});
  if (doc_out != nullptr) *doc_out = doc;
  return x;
}

const Finding* FindingWith(const Extraction& x, const std::string& code) {
  for (const Finding& f : x.findings)
    if (f.code == code) return &f;
  return nullptr;
}

TEST(ExtractTest, MeetingTimesAreReadAsAPersonWould) {
  struct {
    const char* date_line;
    const char* date;
    const char* start;
    const char* end;
  } cases[] = {
      {"Date:  7 July 2025 10-11.30", "2025-07-07", "10:00", "11:30"},
      {"Date: 9 December 2025 2-3.30", "2025-12-09", "14:00", "15:30"},
      {"Date: 3 March 2026, 1.30pm – 3pm", "2026-03-03", "13:30", "15:00"},
      {"Date: 3 March 2026, 10am to 12.15pm", "2026-03-03", "10:00", "12:15"},
      {"Date: 3 March 2026", "2026-03-03", "", ""},
  };
  for (const auto& c : cases) {
    Extraction x = FromText(std::string("Group notes\n") + c.date_line + "\n");
    EXPECT_EQ(c.date, x.meeting.date) << c.date_line;
    EXPECT_EQ(c.start, x.meeting.start_time) << c.date_line;
    EXPECT_EQ(c.end, x.meeting.end_time) << c.date_line;
  }
}

TEST(ExtractTest, ADateWithoutAYearTakesTheTitlesAndNextMeetingsFollowTheWeekday) {
  Extraction x = FromText(
      "Fostering group notes December 2025\n"
      "Date:  Tuesday 9th December 2-3.30\n"
      "Next meeting dates: Tuesday March 17 10.30-12, Monday June 22 10-11.30 and Thursday "
      "September 24 2-3.30\n");
  EXPECT_EQ("2025-12-09", x.meeting.date);
  ASSERT_EQ(3u, x.meeting.next_meetings.size());
  EXPECT_EQ("2026-03-17", x.meeting.next_meetings[0].date);
  EXPECT_EQ("10:30", x.meeting.next_meetings[0].start_time);
  EXPECT_EQ("12:00", x.meeting.next_meetings[0].end_time);
  EXPECT_EQ("2026-09-24", x.meeting.next_meetings[2].date);
  EXPECT_EQ("14:00", x.meeting.next_meetings[2].start_time);
  EXPECT_EQ(nullptr, FindingWith(x, "weekday_mismatch"));
}

TEST(ExtractTest, AWeekdayThatContradictsItsDateIsAFindingNotAFix) {
  Document doc;
  Extraction x = FromText("Notes\nDate: Wednesday 5 February 2026 9.30-11\n", &doc);
  EXPECT_EQ("2026-02-05", x.meeting.date);  // the date as written, not moved to a Wednesday
  const Finding* f = FindingWith(x, "weekday_mismatch");
  ASSERT_NE(nullptr, f);
  EXPECT_EQ(Severity::kWarning, f->severity);
  EXPECT_NE(std::string::npos, doc.text.substr(f->span.start, f->span.size()).find("Wednesday"));
}

TEST(ExtractTest, SharedInitialsAreSettledByContextOrReported) {
  Extraction x = FromText(
      "Notes\nAttendees: Selina Rattu (SESLIP presenter), Sinead Roche (East Sussex)\n"
      "SR presented the research.\n"
      "SR said from East Sussex that training is in place.\n"
      "Action log\nAction\tResponsible\tStatus\nCirculate the slides\tSR\tOpen\n");
  ASSERT_EQ(3u, x.person_mentions.size());
  EXPECT_EQ("Selina Rattu", x.person_mentions[0].name);  // the presenter presented
  EXPECT_EQ("Sinead Roche", x.person_mentions[1].name);  // the East Sussex one
  EXPECT_EQ("", x.person_mentions[2].name);              // the log row: nothing says which
  EXPECT_NE(nullptr, FindingWith(x, "ambiguous_initials"));
}

TEST(ExtractTest, SectorAcronymsAndOrdinaryCapitalsAreNotPeople) {
  Extraction x = FromText(
      "Notes\nAttendees: John Donnelly (Brighton and Hove), Tara Mills (Kent)\n"
      "JD said the EDT covers BH. OOH expectations is in the manager JD. TM said yes.\n");
  std::vector<std::string> seen;
  for (const PersonMention& pm : x.person_mentions) seen.push_back(pm.text + "=" + pm.name);
  // "the manager JD" is a job description; EDT and OOH are services; BH is Brighton and Hove.
  EXPECT_EQ((std::vector<std::string>{"JD=John Donnelly", "TM=Tara Mills"}), seen);
  bool bh_is_la = false;
  for (const LaMentionItem& m : x.la_mentions)
    if (m.text == "BH") bh_is_la = m.canonical_name == "Brighton and Hove";
  EXPECT_TRUE(bh_is_la);
}

TEST(ExtractTest, SomeoneWhoSentApologiesButSpeaksIsAFinding) {
  Extraction x = FromText(
      "Notes\nChair: Sarah Daly DCS Portsmouth (apologies)\nAttendees: Ann Bell (Kent)\n"
      "SD said it was a good piece of work.\nAB said thanks.\n");
  ASSERT_FALSE(x.people.empty());
  EXPECT_EQ(Attendance::kApologies, x.people[0].attendance);
  EXPECT_EQ("Sarah Daly", x.meeting.chair);
  const Finding* f = FindingWith(x, "absent_person_speaks");
  ASSERT_NE(nullptr, f);
  EXPECT_NE(std::string::npos, f->message.find("Sarah Daly"));
  f = FindingWith(x, "chair_sent_apologies");
  ASSERT_NE(nullptr, f);
  EXPECT_NE(std::string::npos, f->message.find("Sarah Daly"));
}

TEST(ExtractTest, MoneyBelongsToTheLaNamedElseToTheSpeakers) {
  Extraction x = FromText(
      "Notes\nAttendees: Maria Cordrey (Kent), Victoria Nyathi (Surrey)\n"
      "Kent: MC said they run a service. They are paid £10ph.\n"
      "VN said in Surrey out of hours paid £25 from 6-11pm.\n");
  ASSERT_EQ(2u, x.money.size());
  EXPECT_EQ(std::vector<std::string>{"E10000016"}, x.money[0].la_codes);  // MC is Kent's
  EXPECT_EQ(MoneyPeriod::kHour, x.money[0].period);
  EXPECT_EQ(std::vector<std::string>{"E10000030"}, x.money[1].la_codes);  // Surrey named
  EXPECT_EQ(std::nullopt, x.money[1].period);
}

TEST(ExtractTest, UnknownStatusAndMissingAttendanceAreFindings) {
  Extraction x = FromText("Notes\nAction\tOwner\tStatus\nShare the policy\tMC\tPending review\n");
  EXPECT_NE(nullptr, FindingWith(x, "unknown_status"));
  EXPECT_NE(nullptr, FindingWith(x, "missing_attendance"));
  EXPECT_NE(nullptr, FindingWith(x, "missing_meeting_date"));
}

TEST(ExtractTest, EverySpanPointsAtItsText) {
  Document doc;
  Extraction x = FromText(
      "Notes July 2025\nAttendees: Keith Langley (West Berks)\n"
      "KL said it is very similar in West\nBerkshire, at c.£60k.\n",
      &doc);
  for (const LaMentionItem& m : x.la_mentions)
    EXPECT_EQ(m.text, doc.text.substr(m.evidence.span.start, m.evidence.span.size()));
  for (const Money& m : x.money)
    EXPECT_EQ(m.text, doc.text.substr(m.evidence.span.start, m.evidence.span.size()));
  for (const PersonMention& m : x.person_mentions)
    EXPECT_EQ(m.text, doc.text.substr(m.evidence.span.start, m.evidence.span.size()));
  for (const Person& p : x.people)
    EXPECT_EQ(p.name_raw, doc.text.substr(p.evidence.span.start, p.evidence.span.size()));
  // A name broken across a line: in a text export each line is a paragraph.
  ASSERT_EQ(2u, x.la_mentions.size());
  EXPECT_EQ("West\n\nBerkshire", x.la_mentions[1].text);
  EXPECT_EQ("West Berkshire", x.la_mentions[1].canonical_name);
}

TEST(ExtractTest, HonorificsAreNotPartOfTheName) {
  Extraction x = FromText(
      "Notes\nDate: 14 October 2025\nChair: Cllr Jane Smith, Kent County Council\n"
      "JS said the policy is agreed.\n");
  ASSERT_EQ(1u, x.people.size());
  EXPECT_EQ("Jane Smith", x.people[0].name);
  EXPECT_EQ("JS", x.people[0].initials);
  EXPECT_EQ((std::vector<std::string>{"chair", "councillor"}), x.people[0].roles);
  EXPECT_EQ("Jane Smith", x.meeting.chair);
  ASSERT_EQ(1u, x.person_mentions.size());
  EXPECT_EQ("Jane Smith", x.person_mentions[0].name);
}

TEST(ExtractTest, AnInlineActionIsIssuedAtTheMeetingAndDueWhenItSays) {
  Extraction x = FromText(
      "Notes\nDate: 14 October 2025\nAttendees: Ann Bell (Kent)\n"
      "Action: AB to send the data by 31 March.\n");
  ASSERT_EQ(1u, x.actions.size());
  EXPECT_EQ(ActionSource::kInline, x.actions[0].source);
  EXPECT_EQ("2025-10-14", x.actions[0].issued);
  EXPECT_EQ("2026-03-31", x.actions[0].due);  // the next 31 March after the meeting
  ASSERT_EQ(1u, x.actions[0].owners.size());
  EXPECT_EQ("Ann Bell", x.actions[0].owners[0].name);
}

TEST(ExtractTest, AnInlineActionLinksToTheLogThatFollowsIt) {
  // Two meetings' notes in one file: each "Action:" becomes a row of its own meeting's log.
  std::string meeting =
      "Action: MC to share the out of hours policy.\n"
      "Ref\tAction\tOwner\tStatus\n"
      "49\tMC to share the out of hours policy\tMC\tOpen\n"
      "48\tRE to convene a design meeting\tRE\tOpen\n\n";
  Extraction x = FromText("Notes\n" + meeting + meeting);
  std::vector<size_t> links;
  for (const Action& a : x.actions)
    if (a.source == ActionSource::kInline && a.linked_log_index)
      links.push_back(*a.linked_log_index);
  ASSERT_EQ(2u, links.size());
  EXPECT_EQ("49", x.actions[links[0]].ref);
  EXPECT_EQ("49", x.actions[links[1]].ref);
  EXPECT_LT(x.actions[links[0]].evidence.span.start, x.actions[links[1]].evidence.span.start);
}

TEST(ExtractTest, ASurnameThatIsAnLaNameIsNotAnLaMention) {
  Extraction x = FromText(
      "Notes\nAttendees: Lucy Kent (Greenwich), Ann Reading (Surrey)\n"
      "Lucy Kent said Kent and Medway agree. Ann Reading will write.\n");
  std::vector<std::string> seen;
  for (const LaMentionItem& m : x.la_mentions) seen.push_back(m.text.str());
  EXPECT_EQ((std::vector<std::string>{"Greenwich", "Surrey", "Kent", "Medway"}), seen);
}

TEST(ExtractTest, AFigureBelongsToTheLaNamedInItsClause) {
  Extraction x = FromText(
      "Notes\nAttendees: Priti Rao (Camden)\nPR said Camden's fee is £310 per week; RBKC pays "
      "£295; the rest pay £280.\n");
  ASSERT_EQ(3u, x.money.size());
  EXPECT_EQ(std::vector<std::string>{"E09000007"}, x.money[0].la_codes);
  EXPECT_EQ(std::vector<std::string>{"E09000020"}, x.money[1].la_codes);
  // No LA in its clause: every LA the sentence names.
  EXPECT_EQ((std::vector<std::string>{"E09000007", "E09000020"}), x.money[2].la_codes);
}

TEST(ExtractTest, TheMeetingDateMayBeInAnOpeningLine) {
  Extraction x = FromText(
      "West Midlands Regional Fostering Group\n"
      "Minutes of the meeting held on Thursday 20 November 2025, 10am-12noon\n");
  EXPECT_EQ("2025-11-20", x.meeting.date);
  EXPECT_EQ("10:00", x.meeting.start_time);
  EXPECT_EQ("12:00", x.meeting.end_time);
}

TEST(ExtractTest, DueDatesLieAheadOfTheMeeting) {
  Extraction x = FromText(
      "Notes\nDate: 20 November 2025\n"
      "Ref\tAction\tOwner\tDate raised\tTarget date\tStatus\n"
      "1\tCirculate fee schedules\tSM\tMarch 2025\tEnd of March\tOpen\n"
      "2\tReview rates\tJL\tNov\tby 9 Jan\tOpen\n");
  ASSERT_EQ(2u, x.actions.size());
  EXPECT_EQ("2025-03", x.actions[0].issued);  // raised in the past, as written
  EXPECT_EQ("2026-03", x.actions[0].due);     // the next March after the meeting
  EXPECT_EQ("2025-11", x.actions[1].issued);
  EXPECT_EQ("2026-01-09", x.actions[1].due);
}

TEST(ExtractTest, AnInlineActionLinksToAShortenedLogRowOfTheSameOwner) {
  Extraction x = FromText(
      "Notes\nAction - SM to circulate Dudley's fee schedule by end of January.\n"
      "\tAction\tLead\tStatus\n"
      "1\tCirculate fee schedules\tSM\tOpen\n"
      "2\tCirculate the fee schedule review\tJL\tOpen\n");
  const Action* inline_action = nullptr;
  for (const Action& a : x.actions)
    if (a.source == ActionSource::kInline) inline_action = &a;
  ASSERT_NE(nullptr, inline_action);
  EXPECT_EQ("1", inline_action->ref);  // row 2 shares words but not the owner
}

}  // namespace
}  // namespace minutes
