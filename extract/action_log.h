// Internal to extract: the action log, as written.

#ifndef MINUTES_EXTRACT_ACTION_LOG_H_
#define MINUTES_EXTRACT_ACTION_LOG_H_

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/document.h"
#include "model/enums.h"
#include "model/model.h"

namespace minutes {

struct RawAction {
  std::string ref;
  std::string text;
  Span text_span;
  std::vector<std::string> owners;  // split as written
  std::vector<Span> owner_spans;
  std::vector<std::string> owner_organisations;  // parallel: "Kent" for "AB (Kent)", else ""
  std::string issued_raw;                        // "July 2025", "Dec"
  Span issued_span;
  std::string due_raw;
  Span due_span;
  std::string status_raw;  // "complete", "Ongoing/\ncomplete"
  Span status_span;
  Span span;  // the whole row (log) or line (inline)
  // An inline action's ref is written only by a matters-arising update ("Item 4.1 – ..."): an
  // action of an earlier meeting.
  ActionSource source = ActionSource::kLog;
  int table = -1;         // log rows: which action-log table (0, 1, ... in document order)
  std::string_view rule;  // a literal: "actions.table_row", ...
};

// The meeting's listed people, looked up by the ways an owner is written. Built once per document;
// `people` must outlive it.
class OwnerDirectory {
 public:
  explicit OwnerDirectory(const std::vector<Person>& people);

  // Everyone `owner` may be: by their own initials ("PN"), full name ("Priya Nair") or first name
  // ("Priya"), in list order. Empty when nobody fits (a body, an LA, a stranger).
  std::vector<const Person*> Find(std::string_view owner) const;

  // True when `owner` is the chair's role ("Chair", "the Chair").
  static bool IsChair(std::string_view owner);

 private:
  std::multimap<std::string, const Person*, std::less<>> by_initials_, by_name_, by_first_name_;
};

// Every action-log row of every table whose header names an action column (Action, Actions,
// Description, Task...) beside an owner, date or status column, whatever the column order;
// the ref column may be unlabelled. Then the actions written into the discussion (source inline):
//  * a labelled paragraph: "Action: ...", "ACTION - ...";
//  * the paragraphs under an "Actions" heading, until one is not an action;
//  * a matters-arising update: "Item 4.1 – Priya to circulate the rota – Complete" (ref 4.1, the
//    status as written);
//  * a sentence whose leading owners are all listed people or the chair ("Priya and Tom to draft
//    ...", "Chair to write ..."), or that asks a body ("Request for the secretariat to ...");
//  * a line ending with a flattened owner column of listed people's initials ("... terms of
//    reference. PN"), or with their initials in brackets after an instruction ("Draft a paper
//    (PN/TA)").
// Owners are taken as written: initials, names, first names, roles and bodies ("the secretariat",
// "DfE"). Without `people` (nullptr), only labelled actions, Actions sections and logs are found.
std::vector<RawAction> FindActions(const Document& doc, const OwnerDirectory* people = nullptr);

// Splits an owner cell as written: "PH KL SA", "RE/AMA", "LB, BH", "CD / DO", "JM SS CS JC",
// "Mark Vening and Peter Hodges", "All LAs". Offsets are relative to `cell`.
std::vector<std::pair<std::string, size_t>> SplitOwners(std::string_view cell);

// One owner of an owner cell, with the organisation written beside it.
struct CellOwner {
  std::string text;
  size_t offset = 0;         // relative to the cell
  std::string organisation;  // "Kent" for "AB (Kent)" and "AB - Kent"; "" when none
};

// SplitOwners, with an organisation in brackets or after a dash kept as its owner's, not read as
// an owner: "AB (Kent)", "CD - Surrey", "MK / AB (Surrey)", "CD (Kent), BH".
std::vector<CellOwner> SplitOwnerCell(std::string_view cell);

// Leading owners of an action sentence: "MC to share policy" -> MC; "PH, KL and SA to meet" ->
// PH, KL, SA; "RE to meet with SD" -> RE. Initials only. Offsets relative to `sentence`.
std::vector<std::pair<std::string, size_t>> LeadingOwners(std::string_view sentence);

// Leading owners in any form before "to <verb>": initials (also before "will", "agreed to"),
// names, first names, roles and bodies: "Priya and Tom to draft" -> Priya, Tom; "Chair to write"
// -> Chair; "the secretariat to circulate" -> the secretariat; "Request for the secretariat to
// collate" -> the secretariat; "All LAs to return" -> All LAs. Nothing for "The group agreed to
// ..." or "Draft a paper". Offsets relative to `sentence`.
std::vector<std::pair<std::string, size_t>> LeadingOwnerPhrase(std::string_view sentence);

}  // namespace minutes

#endif  // MINUTES_EXTRACT_ACTION_LOG_H_
