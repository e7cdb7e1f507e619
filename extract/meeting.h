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

// Reads the title (the first block), the "Date:" line (date and time range; a date without a year
// takes it from the title) and the "Next meeting(s):" line (each date is the next occurrence after
// the meeting whose weekday matches). A weekday that contradicts its date is a finding.
MeetingInfo FindMeeting(const Document& doc);

}  // namespace minutes

#endif  // MINUTES_EXTRACT_MEETING_H_
