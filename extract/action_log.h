// Internal to extract: the action log, as written.

#ifndef MINUTES_EXTRACT_ACTION_LOG_H_
#define MINUTES_EXTRACT_ACTION_LOG_H_

#include <string>
#include <string_view>
#include <vector>

#include "ingest/document.h"
#include "model/enums.h"

namespace minutes {

struct RawAction {
  std::string ref;
  std::string text;
  Span text_span;
  std::vector<std::string> owners;  // split as written
  std::vector<Span> owner_spans;
  std::string issued_raw;  // "July 2025", "Dec"
  Span issued_span;
  std::string due_raw;
  Span due_span;
  std::string status_raw;  // "complete", "Ongoing/\ncomplete"
  Span status_span;
  Span span;  // the whole row (log) or line (inline)
  ActionSource source = ActionSource::kLog;
  int table = -1;  // log rows: which action-log table (0, 1, ... in document order)
  std::string rule;
};

// Every action-log row of every table whose header names an action column (Action, Actions,
// Description, Task...) beside an owner, date or status column, whatever the column order;
// the ref column may be unlabelled. Then every inline "Action: ..." paragraph in the discussion.
std::vector<RawAction> FindActions(const Document& doc);

// Splits an owner cell as written: "PH KL SA", "RE/AMA", "LB, BH", "CD / DO", "JM SS CS JC",
// "Mark Vening and Peter Hodges". Offsets are relative to `cell`.
std::vector<std::pair<std::string, size_t>> SplitOwners(std::string_view cell);

// Leading owners of an action sentence: "MC to share policy" -> MC; "PH, KL and SA to meet" ->
// PH, KL, SA; "RE to meet with SD" -> RE. Offsets relative to `sentence`.
std::vector<std::pair<std::string, size_t>> LeadingOwners(std::string_view sentence);

}  // namespace minutes

#endif  // MINUTES_EXTRACT_ACTION_LOG_H_
