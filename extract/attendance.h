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
  // "chair", "vice chair", the list's role ("member", "officer", "secretariat", "observer",
  // "guest"), titles and honours ("councillor", "dr", "OBE"), then roles as written ("DCS",
  // "Head of Fostering"), in that order (OrderRoles).
  std::vector<std::string> roles;
  std::string substitute_for_raw;  // "George Mathew" from "(Slough in place of George Mathew)"
  // Listed under "Substitutes" or "Substitute Members" without saying for whom: ResolvePeople
  // links them to the absent member of their organisation.
  bool substitute = false;
  Attendance attendance = Attendance::kPresent;
  std::string rule;
};

// Tells a comma-separated organisation from a person: "Ann Bell, Kent" is one person of Kent.
using IsOrganisation = std::function<bool(std::string_view)>;

// Finds the chair, attendee, apology and absence lists in `doc`'s body, in any of their usual
// layouts:
//   - a "Label: A (X), B (Y)" paragraph (commas, semicolons, "and"), which may wrap onto the next
//     lines (a line ending in a comma or "and", or the next starting with "and");
//   - a label alone on its line, then list items, short paragraphs ("Name, role, Organisation"
//     each) or a table;
//   - a table laid out in sections: a row holding only "Members", "Substitute Members",
//     "Apologies", "Officers in attendance" ... (merged or not) heads the people below it;
//   - sentences: "Apologies were received from A, B and C", "Councillor A in the Chair";
//   - no label at all: "Councillor A (Leader)" lines at the top of the notes.
// Labels give attendance and a role: "Members:", "Board members:", "Panel:", "Councillors:"
// (member), "Officers:" (officer), "Secretariat:", "Minute taker:" (secretariat), "Observers:"
// (observer), "Guests:" (guest), "Substitutes:", "In attendance:", "Also present:", "Absent:",
// "Apologies for absence:". Page furniture ("DRAFT", "OFFICIAL", "Page 2 of 5") is never a person.
// `is_organisation` tells a comma-separated organisation from a person ("Ann Bell, Kent, Bob Cole"
// lists two people, Kent is Ann Bell's); nullptr treats every piece as a person.
std::vector<ListedPerson> FindAttendance(const Document& doc,
                                         const IsOrganisation& is_organisation = nullptr);

// Splits one list entry "Name (Org in place of Other)", "Name – Org", "Name, role, Org" into its
// parts; titles and honours ("Councillor Dr Ann Bell OBE") become roles, unless the title is all
// there is besides a surname ("Lord Smith", "Cllr Marsh" keep it in the name). `entry` is a view
// into the text starting at byte `offset`; spans are made absolute. `is_organisation` (optional)
// tells "Head of Fostering, Kent" (a role, then an organisation) from "Cabinet Member for
// Children, Families and Education" (one role).
ListedPerson ParseEntry(std::string_view entry, size_t offset,
                        const IsOrganisation& is_organisation = nullptr);

// Puts `roles` in their documented order (see ListedPerson::roles), keeping the written order
// within each group.
void OrderRoles(std::vector<std::string>* roles);

// "DRAFT", "OFFICIAL", "Page 2 of 5", "- 3 -": a line that a page carries, not the notes.
bool IsPageFurniture(std::string_view line);

}  // namespace minutes

#endif  // MINUTES_EXTRACT_ATTENDANCE_H_
