// Internal to extract: the meeting's title, date, times and next meetings.

#ifndef MINUTES_EXTRACT_MEETING_H_
#define MINUTES_EXTRACT_MEETING_H_

#include <vector>

#include "extract/extract.h"
#include "ingest/document.h"
#include "normalize/normalize.h"

namespace minutes {

struct MeetingInfo {
  Meeting meeting;  // chair is left empty: attendance knows it
  // The date other dates are read against: the meeting date, else the title's month, else none.
  normalize::CivilDate reference;
  bool has_reference = false;
  std::vector<Finding> findings;
};

// Reads, in one pass over the blocks:
//  * the title: the first block, or the second when the first is only the council's name
//    ("ANYTOWN BOROUGH COUNCIL" above "MINUTES of a meeting of the CORPORATE PARENTING PANEL ...");
//  * the date and time: the "Date:" line, else the first full date in the opening blocks ("held at
//    the Town Hall on Tuesday, 14 January 2025 at 6.30 pm", "Held on3 May 2024at 2pm"), never one
//    in a line about the next, future or previous meeting. A date without a year takes the
//    title's. "The meeting commenced at 18:34" / "closed at 20:05" (started, ended, finished ...)
//    are the start and end when written: the minutes record when it began, not when it was called;
//  * the next meetings: a "Next meeting(s):" / "Date of next meeting:" line, a "Dates of future
//    meetings" heading with one date a line (or a table row) under it, and sentences such as "the
//    next meeting is scheduled for 4th November at 18:30pm". A date without a year is the first
//    such date, with its weekday if named, after the one listed before it (the meeting's date for
//    the first), so "10 March, 9 June, 3 February" rolls into the next year. The same date
//    announced twice is one meeting.
// A weekday that contradicts its date is a finding. Linear in the document's size.
MeetingInfo FindMeeting(const Document& doc);

}  // namespace minutes

#endif  // MINUTES_EXTRACT_MEETING_H_
