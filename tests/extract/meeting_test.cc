// FindMeeting over the headers the notes use: the title, the "Date:" line or an opening "held on"
// line, the time range and the "Next meeting(s):" line.

#include "extract/meeting.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "tests/extract/text_document.h"

namespace minutes {
namespace {

std::string At(const Document& doc, Span s) { return doc.text.substr(s.start, s.size()); }

std::vector<const Finding*> FindingsWith(const MeetingInfo& info, const std::string& code) {
  std::vector<const Finding*> out;
  for (const Finding& f : info.findings)
    if (f.code == code) out.push_back(&f);
  return out;
}

TEST(MeetingTest, TitleDateAndTimes) {
  static const struct {
    const char* notes;
    const char* title;  // also the text under the title's span
    const char* date;
    const char* start;
    const char* end;
  } kCases[] = {
      // The "Date:" line, with the time ranges the notes write.
      {"Kinship group\nDate: Monday 7 July 2025, 10-11.30\n", "Kinship group", "2025-07-07",
       "10:00", "11:30"},
      {"Kinship group\nDate:  7 July 2025 10-11.30\n", "Kinship group", "2025-07-07", "10:00",
       "11:30"},
      {"Fostering group\nDate: 14 October 2025 9:30 to 11:00\n", "Fostering group", "2025-10-14",
       "09:30", "11:00"},
      {"Fostering group\nDate: Tuesday 9 December 2025 2-3.30\n", "Fostering group", "2025-12-09",
       "14:00", "15:30"},
      {"Fostering group\nDate: Tuesday 14 October 2025, 1.30pm – 3pm\n", "Fostering group",
       "2025-10-14", "13:30", "15:00"},
      {"Fostering group\nDate and time: 3 March 2026 from 10am to 12.15pm\n", "Fostering group",
       "2026-03-03", "10:00", "12:15"},
      {"Fostering group\nWhen: 3 March 2026\n", "Fostering group", "2026-03-03", "", ""},
      {"Fostering group\nDate: 3 March 2026 at 10am\n", "Fostering group", "2026-03-03", "10:00",
       ""},
      // A date without a year takes the title's.
      {"Fostering group notes December 2025\nDate:  Tuesday 9th December 2-3.30\n",
       "Fostering group notes December 2025", "2025-12-09", "14:00", "15:30"},
      // The title's month and year alone stand for the date.
      {"Kinship care group July 2025\nItem 1: minutes agreed.\n", "Kinship care group July 2025",
       "2025-07", "", ""},
      // A "Date:" line that is not a date leaves the title's month.
      {"Kinship care group July 2025\nDate: TBC\n", "Kinship care group July 2025", "2025-07", "",
       ""},
      // The "Date:" line wins over the title's month and over an opening "held on" line.
      {"Kinship care group July 2025\nDate: 14 July 2025\n", "Kinship care group July 2025",
       "2025-07-14", "", ""},
      {"Minutes of the meeting held on 1 May 2025\nDate: 7 July 2025 10-11.30\n",
       "Minutes of the meeting held on 1 May 2025", "2025-07-07", "10:00", "11:30"},
      // An opening "held on" line, with or without a time after the date.
      {"Minutes of the meeting held on Thursday 20 November 2025, 10am-12noon\nItem 1\n",
       "Minutes of the meeting held on Thursday 20 November 2025, 10am-12noon", "2025-11-20",
       "10:00", "12:00"},
      {"Regional group\nMinutes of the meeting held on 20 November 2025 at County Hall\n",
       "Regional group", "2025-11-20", "", ""},
      {"Regional group\nMinutes of the meeting held on 20th November 2025.\n", "Regional group",
       "2025-11-20", "", ""},
      // A date deep in the discussion is not the meeting's.
      {"Regional group\nItem 1\nItem 2\nItem 3\nItem 4\nThe panel met on 20 November 2025.\n",
       "Regional group", "", "", ""},
      // A date without a year and no year anywhere is not guessed.
      {"Regional group\nDate: Tuesday 9th December 2-3.30\n", "Regional group", "", "", ""},
      // The title is the first block with text, not a table before it.
      {"Ref\tAction\n1\tSend the slides\n\nRegional group\nDate: 7 July 2025\n", "Regional group",
       "2025-07-07", "", ""},
      // Formal council minutes: the council's name above the meeting line is a letterhead, not
      // the title; the date and time come from the meeting line.
      {"ANYTOWN BOROUGH COUNCIL\n\nMINUTES of a meeting of the CORPORATE PARENTING PANEL held at "
       "Anytown Town Hall on Tuesday, 14 January 2025 at 6.30 pm\n",
       "MINUTES of a meeting of the CORPORATE PARENTING PANEL held at Anytown Town Hall on "
       "Tuesday, 14 January 2025 at 6.30 pm",
       "2025-01-14", "18:30", ""},
      {"Anytown Borough Council\nCorporate Parenting Panel\nMinutes of the meeting held on 14th "
       "January 2025 in the Council Chamber\n",
       "Corporate Parenting Panel", "2025-01-14", "", ""},
      {"London Borough of Anytown\nCorporate Parenting Panel\nHeld on Tuesday, 14 January, 2025 at "
       "6.30 pm in Committee Room 1\n",
       "Corporate Parenting Panel", "2025-01-14", "18:30", ""},
      // A council's name over a labelled line stays the title: nothing else names the meeting.
      {"Anytown Borough Council\nDate: 14 January 2025\n", "Anytown Borough Council", "2025-01-14",
       "", ""},
      // Dates as formal minutes write them.
      {"Panel\nMinutes of the meeting held on 14 Jan 25 at 6pm\n", "Panel", "2025-01-14", "18:00",
       ""},
      {"Panel\nMinutes of the meeting held on 14/01/2025\n", "Panel", "2025-01-14", "", ""},
      {"Panel\nMinutes of the meeting held on 2025-01-14, 10-12\n", "Panel", "2025-01-14", "10:00",
       "12:00"},
      // A date line of its own, am/pm on both ends of an en dash.
      {"Kinship Care Partnership\nThursday 5 March 2026, 9.45am \xE2\x80\x93 12.30pm\n",
       "Kinship Care Partnership", "2026-03-05", "09:45", "12:30"},
      {"Kinship Care Partnership\nDate: 5 March 2026, 18:30pm-20:00\n", "Kinship Care Partnership",
       "2026-03-05", "18:30", "20:00"},
      // Words run together by a PDF export.
      {"West Yorkshire Adoption Leads\nNotes of meeting\nHeld on3 May 2024at 2pm\n",
       "West Yorkshire Adoption Leads", "2024-05-03", "14:00", ""},
      // A line about the previous meeting is not this one's date.
      {"Panel\nMinutes of the last meeting held on 12 November 2024 were agreed\nItem 1\n", "Panel",
       "", "", ""},
      // Nothing found: empty fields.
      {"Item 1: minutes agreed.\n", "Item 1: minutes agreed.", "", "", ""},
  };
  for (const auto& c : kCases) {
    Document doc = minutes_test::TextDocument(c.notes);
    MeetingInfo info = FindMeeting(doc);
    const Meeting& m = info.meeting;
    EXPECT_EQ(c.title, m.title) << c.notes;
    EXPECT_EQ(c.title, At(doc, m.evidence.span)) << c.notes;
    EXPECT_EQ(c.date, m.date) << c.notes;
    EXPECT_EQ(c.start, m.start_time) << c.notes;
    EXPECT_EQ(c.end, m.end_time) << c.notes;
    EXPECT_EQ("", m.chair) << c.notes;  // attendance knows the chair
    EXPECT_TRUE(m.next_meetings.empty()) << c.notes;
    EXPECT_TRUE(info.findings.empty()) << c.notes;
  }
}

TEST(MeetingTest, TheTimesTheMinutesRecordWinOverTheTimeCalled) {
  static const struct {
    const char* notes;
    const char* start;
    const char* end;
  } kCases[] = {
      {"Panel\nDate: 14 January 2025, 6.30pm\nThe meeting commenced at 18:34.\n1. Minutes\n"
       "The meeting closed at 20:05.\n",
       "18:34", "20:05"},
      {"Group\nDate: 5 March 2026, 9.45am \xE2\x80\x93 12.30pm\n"
       "Meeting started at: 10.05 (room booking overran)\n",
       "10:05", "12:30"},
      {"Group\nDate: 3 May 2024\nMeeting ended at 3.40pm\n", "", "15:40"},
      {"Group\nDate: 3 May 2024\nThere being no further business, the meeting closed at 8.05pm.\n",
       "", "20:05"},
      {"Group\nDate: 3 May 2024\nFinished at 4.15pm.\n", "", "16:15"},
      // In capitals: the words the patterns need are looked for case-insensitively.
      {"GROUP\nDATE: 3 MAY 2024\nTHE MEETING CLOSED AT 8.05PM.\n", "", "20:05"},
      {"Group\nDate: 3 May 2024 10-12\nThe meeting started at 10.10 with introductions.\n", "10:10",
       "12:00"},
      // Not the meeting's times.
      {"Group\nDate: 3 May 2024 10-12\nThe consultation closed at 5pm on Friday.\n", "10:00",
       "12:00"},
      {"Group\nDate: 3 May 2024 10-12\nRecruitment started at 10 schools.\n", "10:00", "12:00"},
      {"Group\nDate: 3 May 2024 10-12\nThe evening group started at 6pm each Monday.\n", "10:00",
       "12:00"},
  };
  for (const auto& c : kCases) {
    MeetingInfo info = FindMeeting(minutes_test::TextDocument(c.notes));
    EXPECT_EQ(c.start, info.meeting.start_time) << c.notes;
    EXPECT_EQ(c.end, info.meeting.end_time) << c.notes;
  }
}

TEST(MeetingTest, ALineAboutTheNextMeetingNeverGivesTheMeetingsDate) {
  Document doc = minutes_test::TextDocument(
      "Panel\nDate of next meeting: Tuesday 11 March 2025\n"
      "Minutes of the meeting held on Tuesday 14 January 2025\n");
  MeetingInfo info = FindMeeting(doc);
  EXPECT_EQ("2025-01-14", info.meeting.date);
  ASSERT_EQ(1u, info.meeting.next_meetings.size());
  EXPECT_EQ("2025-03-11", info.meeting.next_meetings[0].date);
  // Without a line of its own, the meeting has no date: the next meeting's is not it.
  info = FindMeeting(minutes_test::TextDocument(
      "Panel\nThe next meeting will be held on Tuesday 11 March 2025.\n"));
  EXPECT_EQ("", info.meeting.date);
  ASSERT_EQ(1u, info.meeting.next_meetings.size());
  EXPECT_EQ("2025-03-11", info.meeting.next_meetings[0].date);
}

TEST(MeetingTest, AnEmptyDocumentHasNothing) {
  // Built by hand: the text reader refuses an empty file.
  Document doc;
  RenderDocument(&doc);
  MeetingInfo info = FindMeeting(doc);
  EXPECT_EQ("", info.meeting.title);
  EXPECT_EQ("", info.meeting.date);
  EXPECT_EQ("", info.meeting.start_time);
  EXPECT_EQ("", info.meeting.end_time);
  EXPECT_TRUE(info.meeting.next_meetings.empty());
  EXPECT_FALSE(info.has_reference);
  EXPECT_TRUE(info.findings.empty());
}

TEST(MeetingTest, TheReferenceIsTheMeetingDateElseTheTitlesMonth) {
  static const struct {
    const char* notes;
    bool has_reference;
    normalize::CivilDate reference;
  } kCases[] = {
      {"Group notes December 2025\nDate: Tuesday 9th December\n", true, {2025, 12, 9}},
      {"Group notes December 2025\nItem 1\n", true, {2025, 12, 1}},
      {"Minutes of the meeting held on 20 November 2025\n", true, {2025, 11, 20}},
      {"Group notes\nItem 1\n", false, {}},
  };
  for (const auto& c : kCases) {
    MeetingInfo info = FindMeeting(minutes_test::TextDocument(c.notes));
    EXPECT_EQ(c.has_reference, info.has_reference) << c.notes;
    if (!c.has_reference) continue;
    EXPECT_EQ(c.reference.year, info.reference.year) << c.notes;
    EXPECT_EQ(c.reference.month, info.reference.month) << c.notes;
    EXPECT_EQ(c.reference.day, info.reference.day) << c.notes;
  }
}

TEST(MeetingTest, NextMeetings) {
  struct Next {
    const char* words;  // the text under the evidence span
    const char* date;
    const char* start;
    const char* end;
  };
  static const struct {
    const char* notes;
    std::vector<Next> next;
  } kCases[] = {
      // Several, each the next occurrence after the meeting whose weekday matches.
      {"Group notes December 2025\nDate: Tuesday 9th December 2-3.30\n"
       "Next meeting dates: Tuesday March 17 10.30-12, Monday June 22 10-11.30 and Thursday "
       "September 24 2-3.30\n",
       {{"Tuesday March 17 10.30-12", "2026-03-17", "10:30", "12:00"},
        {"Monday June 22 10-11.30", "2026-06-22", "10:00", "11:30"},
        {"Thursday September 24 2-3.30", "2026-09-24", "14:00", "15:30"}}},
      // Later in the meeting's year stays in it.
      {"Group notes\nDate: Monday 7 July 2025\nNext meeting: Monday 8 September\n",
       {{"Monday 8 September", "2025-09-08", "", ""}}},
      // 12 March 2026 is a Thursday: the next Friday 12 March is in 2027.
      {"Group notes\nDate: Tuesday 9 December 2025\nNext meeting: Friday 12 March\n",
       {{"Friday 12 March", "2027-03-12", "", ""}}},
      // A comma between a date and its time does not part them.
      {"Group notes\nDate: Thursday 5 February 2026 9.30-11\n"
       "Next meeting: Thursday 7 May 2026, 2-4pm\n",
       {{"Thursday 7 May 2026, 2-4pm", "2026-05-07", "14:00", "16:00"}}},
      {"Minutes of the meeting held on Thursday 20 November 2025, 10am-12noon\n"
       "Next meeting: Thursday 19 February 2026 at 10am\n",
       {{"Thursday 19 February 2026 at 10am", "2026-02-19", "10:00", ""}}},
      {"Group notes\nDate: 7 July 2025\nFuture meeting dates: 8 September 2025; 3 November 2025.\n",
       {{"8 September 2025", "2025-09-08", "", ""}, {"3 November 2025", "2025-11-03", "", ""}}},
      // The next meeting in a sentence.
      {"Group\nThursday 5 March 2026, 9.45am \xE2\x80\x93 12.30pm\n"
       "AL thanked everyone; the next meeting is scheduled for 4th November at 18:30pm, online.\n",
       {{"4th November at 18:30pm", "2026-11-04", "18:30", ""}}},
      {"Group\nHeld on 3 May 2024 at 2pm\nThe next meeting will be held on Friday 5 July 2024 at "
       "2pm.\n",
       {{"Friday 5 July 2024 at 2pm", "2024-07-05", "14:00", ""}}},
      {"Group\nDate: 3 May 2024\nDate of next meeting: Friday 5 July 2024, 10am-12noon\n",
       {{"Friday 5 July 2024, 10am-12noon", "2024-07-05", "10:00", "12:00"}}},
      {"Group\nDate: 3 May 2024\nDate of the next meeting: 5 July at County Hall\n",
       {{"5 July", "2024-07-05", "", ""}}},
      // Under their own heading, one a line, without a year: each the first such date after the
      // one before it.
      {"Panel\nDate: Tuesday 14 January 2025\n6. Dates of future meetings\n"
       "10 March (subject to confirmation)\n9 June 14:00-16.30\n3 February\n"
       "The meeting closed at 20:05.\n",
       {{"10 March", "2025-03-10", "", ""},
        {"9 June 14:00-16.30", "2025-06-09", "14:00", "16:30"},
        {"3 February", "2026-02-03", "", ""}}},
      {"Group\nDate: 7 July 2025\nNext meetings\n\n\xE2\x80\xA2 8 September 2025\n"
       "\xE2\x80\xA2 3 November 2025\n\nItem 1\n",
       {{"8 September 2025", "2025-09-08", "", ""}, {"3 November 2025", "2025-11-03", "", ""}}},
      {"Group\nDate: 7 July 2025\nFuture meeting dates:\n\nDate\tTime\n8 September\t10-12\n"
       "3 November\t2-4pm\n",
       {{"8 September\t10-12", "2025-09-08", "10:00", "12:00"},
        {"3 November\t2-4pm", "2025-11-03", "14:00", "16:00"}}},
      {"GROUP NOTES\nDATE: 7 JULY 2025\nNEXT MEETING: 8 SEPTEMBER 2025\n",
       {{"8 SEPTEMBER 2025", "2025-09-08", "", ""}}},
      // The same meeting announced twice is one.
      {"Group\nDate: 7 July 2025\nNext meeting: 8 September 2025\n"
       "The next meeting will be on 8 September 2025.\n",
       {{"8 September 2025", "2025-09-08", "", ""}}},
      // Not dates: nothing.
      {"Group notes\nDate: 7 July 2025\nNext meeting: TBC\n", {}},
      {"Group notes\nDate: 7 July 2025\nThe next meeting's agenda will include the budget.\n", {}},
      {"Group notes\nDate: 7 July 2025\nDates of future meetings\nTo be agreed by email.\n", {}},
      {"Group notes\nDate: 7 July 2025\nItem 4: agenda items for next meeting\n", {}},
  };
  for (const auto& c : kCases) {
    Document doc = minutes_test::TextDocument(c.notes);
    MeetingInfo info = FindMeeting(doc);
    const std::vector<MeetingTime>& got = info.meeting.next_meetings;
    ASSERT_EQ(c.next.size(), got.size()) << c.notes;
    for (size_t i = 0; i < got.size(); ++i) {
      EXPECT_EQ(c.next[i].words, At(doc, got[i].evidence.span)) << c.notes;
      EXPECT_EQ(c.next[i].date, got[i].date) << c.notes;
      EXPECT_EQ(c.next[i].start, got[i].start_time) << c.notes;
      EXPECT_EQ(c.next[i].end, got[i].end_time) << c.notes;
      EXPECT_EQ("meeting.next_meeting_line", got[i].evidence.rule) << c.notes;
    }
    EXPECT_TRUE(info.findings.empty()) << c.notes;
  }
}

TEST(MeetingTest, AWeekdayThatContradictsItsDateIsAFindingAtItsWords) {
  static const struct {
    const char* notes;
    const char* date;   // the meeting's date: as written, not moved to the weekday
    const char* words;  // the text under the finding's span
    const char* named;  // the weekday the message says was written
  } kCases[] = {
      // 5 February 2026 is a Thursday.
      {"Group notes\nDate: Wednesday 5 February 2026 9.30-11\n", "2026-02-05",
       "Wednesday 5 February 2026", "Wednesday"},
      {"Group notes\nDate: Wednesday 5 February 2026\n", "2026-02-05", "Wednesday 5 February 2026",
       "Wednesday"},
      {"Minutes of the meeting held on Wednesday 5 February 2026, 10am-12noon\n", "2026-02-05",
       "Wednesday 5 February 2026", "Wednesday"},
      {"Minutes of the meeting held on Wednesday 5 February 2026.\n", "2026-02-05",
       "Wednesday 5 February 2026", "Wednesday"},
      // A next meeting with its year written keeps it; 19 February 2026 is a Thursday.
      {"Group notes\nDate: 5 February 2026\nNext meeting: Friday 19 February 2026 at 10am\n",
       "2026-02-05", "Friday 19 February 2026", "Friday"},
  };
  for (const auto& c : kCases) {
    Document doc = minutes_test::TextDocument(c.notes);
    MeetingInfo info = FindMeeting(doc);
    EXPECT_EQ(c.date, info.meeting.date) << c.notes;
    std::vector<const Finding*> found = FindingsWith(info, "weekday_mismatch");
    ASSERT_EQ(1u, found.size()) << c.notes;
    EXPECT_EQ(1u, info.findings.size()) << c.notes;
    EXPECT_EQ(Severity::kWarning, found[0]->severity) << c.notes;
    EXPECT_EQ(c.words, At(doc, found[0]->span)) << c.notes;
    EXPECT_NE(std::string::npos, found[0]->message.find(c.named)) << found[0]->message;
  }
}

}  // namespace
}  // namespace minutes
