// The catalogue of findings extraction reports: each with a stable code, a default severity and
// what it means. Steps make findings only through MakeFinding, so a code is written once.
//
//   findings->push_back(MakeFinding(FindingCode::kMissingStatus, "action 12 has no status", span));
//   for (const FindingRule& r : FindingCatalogue()) std::cout << r.code << "\n";

#ifndef MINUTES_EXTRACT_FINDINGS_H_
#define MINUTES_EXTRACT_FINDINGS_H_

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "model/model.h"

namespace minutes {

enum class FindingCode {
  kMissingMeetingDate,
  kMissingAttendance,
  kWeekdayMismatch,
  kChairSentApologies,
  kAmbiguousInitials,
  kUnresolvedInitials,
  kAbsentPersonSpeaks,
  kUnknownStatus,
  kMissingStatus,
  kUnparsedDate,
  kNotMinutes,
  // Across the meetings of a series (extract/series.h).
  kDuplicateMeeting,
  kSettledInitials,
  kConflictingInitials,
  kOpenActionMissing,
  // Consistency rules over one document (extract/validation.cc).
  kNextMeetingBeforeMeeting,
  kActionWithoutOwner,
  kDuplicateActionRef,
  kDuplicateItemNumber,
  kIssuedAfterMeeting,
  kPresentAndApologies,
  kUnknownOrganisation,
  kMoneyWithoutLa,
  kOcrDebris,
  // LA mentions (extract/mentions.cc).
  kAmbiguousLa,
};

struct FindingRule {
  FindingCode id;
  std::string_view code;  // the stable string in Finding::code
  Severity severity;
  std::string_view meaning;  // one line: what it says and what to do
  std::string_view example;  // where it fires, for the README and --list-rules
};

// Every rule, in the order above.
const std::vector<FindingRule>& FindingCatalogue();

// The rule of `id`.
const FindingRule& RuleOf(FindingCode id);

// A finding of rule `id` at `span`, with the rule's severity.
Finding MakeFinding(FindingCode id, std::string message, Span span);

// The same finding at several places ("SD sent apologies but speaks", seven times) becomes one
// finding at its first place, its message saying how often. Order is kept.
void MergeRepeatedFindings(std::vector<Finding>* findings);

// A group's own view of the catalogue: rules switched off, or given another severity.
//
//   # rules.conf
//   unresolved_initials off
//   money_without_la    warning
//
// One rule per line, "CODE off|error|warning|info"; '#' starts a comment.
struct RuleOverrides {
  std::map<std::string, std::optional<Severity>> by_code;  // nullopt = off
};

// Parses a rules file. Fails with kInvalidArgument naming the line for an unknown code, an
// unknown setting or a malformed line.
Status ParseRuleOverrides(std::string_view text, RuleOverrides* out);

// Drops the findings of rules switched off and gives the others their overridden severity.
void ApplyRuleOverrides(const RuleOverrides& overrides, std::vector<Finding>* findings);

}  // namespace minutes

#endif  // MINUTES_EXTRACT_FINDINGS_H_
