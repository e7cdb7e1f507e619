// Internal to extract: who was at the meeting, as written.

#ifndef MINUTES_EXTRACT_ATTENDANCE_H_
#define MINUTES_EXTRACT_ATTENDANCE_H_

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/document.h"
#include "model/enums.h"

namespace minutes {

// One person as the notes list them, before any normalisation. Spans are into Document::text.
struct ListedPerson {
  std::string name_raw;  // "Kelly wilkes"
  Span name_span;
  std::string organisation_raw;  // "West Sussex", "SESLIP", "" if none written
  Span organisation_span;
  std::vector<std::string> roles;  // "chair", "DCS", "support", "presenter", ...
  std::string substitute_for_raw;  // "George Mathew" from "(Slough in place of George Mathew)"
  Attendance attendance = Attendance::kPresent;
  std::string rule;
};

// Finds the chair, attendee and apology lists in `doc`'s body, in any of their usual layouts: a
// "Label: A (X), B (Y)" paragraph (commas or semicolons), a label followed by a bulleted list or
// a two-column table, or a sentence such as "Apologies were received from A (X) and B (Y)".
// The chair is listed first, with role "chair" (and "apologies" if the line says so).
// `is_organisation` tells a comma-separated organisation from a person ("Ann Bell, Kent, Bob Cole"
// lists two people, Kent is Ann Bell's); nullptr treats every piece as a person.
std::vector<ListedPerson> FindAttendance(
    const Document& doc, const std::function<bool(std::string_view)>& is_organisation = nullptr);

// Splits one list entry "Name (Org in place of Other)", "Name – Org", "Name, DCS Org" into its
// parts. `entry` is a view into `text` starting at byte `offset`; spans are made absolute.
ListedPerson ParseEntry(std::string_view entry, size_t offset);

}  // namespace minutes

#endif  // MINUTES_EXTRACT_ATTENDANCE_H_
