#include "extract/findings.h"

#include <map>
#include <utility>

#include "extract/steps.h"

namespace minutes {

const std::vector<FindingRule>& FindingCatalogue() {
  static const auto* rules = new std::vector<FindingRule>{
      {FindingCode::kMissingMeetingDate, "missing_meeting_date", Severity::kError,
       "no meeting date: add a 'Date:' line or the month and year to the title"},
      {FindingCode::kMissingAttendance, "missing_attendance", Severity::kError,
       "no attendance: add 'Attendees:', 'Present:' or 'Apologies:'"},
      {FindingCode::kWeekdayMismatch, "weekday_mismatch", Severity::kWarning,
       "a weekday contradicts its date: correct one of them"},
      {FindingCode::kChairSentApologies, "chair_sent_apologies", Severity::kWarning,
       "the chair sent apologies: say who chaired the meeting"},
      {FindingCode::kAmbiguousInitials, "ambiguous_initials", Severity::kWarning,
       "initials fit more than one person: write the name once"},
      {FindingCode::kUnresolvedInitials, "unresolved_initials", Severity::kInfo,
       "initials fit nobody in the attendance lists"},
      {FindingCode::kAbsentPersonSpeaks, "absent_person_speaks", Severity::kWarning,
       "someone who sent apologies is recorded speaking: check the attendance"},
      {FindingCode::kUnknownStatus, "unknown_status", Severity::kWarning,
       "an action's status is not a word the log uses: use open, ongoing, complete, ..."},
      {FindingCode::kMissingStatus, "missing_status", Severity::kWarning,
       "an action-log row has no status: give it one"},
      {FindingCode::kUnparsedDate, "unparsed_date", Severity::kWarning,
       "a date in the action log cannot be read: write it as a date"},
      {FindingCode::kNotMinutes, "not_minutes", Severity::kError,
       "no meeting date, no attendance and no actions: this is not meeting notes (a letter, a "
       "report); the warehouse can leave it out"},
      {FindingCode::kDuplicateMeeting, "duplicate_meeting", Severity::kInfo,
       "another document of the series has the same date: the same meeting, not evidence for it"},
      {FindingCode::kSettledInitials, "settled_initials", Severity::kInfo,
       "initials this document leaves open were settled by another meeting of the series"},
      {FindingCode::kConflictingInitials, "conflicting_initials", Severity::kWarning,
       "other meetings of the series name different people for the initials: write the name"},
      {FindingCode::kOpenActionMissing, "open_action_missing", Severity::kWarning,
       "an action open in the previous meeting's log is missing from this one: carry it or close "
       "it"},
      {FindingCode::kNextMeetingBeforeMeeting, "next_meeting_before_meeting", Severity::kWarning,
       "the next meeting is dated on or before this meeting: correct its date"},
      {FindingCode::kActionWithoutOwner, "action_without_owner", Severity::kWarning,
       "an action-log row has no owner: say who will do it"},
      {FindingCode::kDuplicateActionRef, "duplicate_action_ref", Severity::kWarning,
       "an action ref is used twice in one action log: renumber one of the rows"},
      {FindingCode::kDuplicateItemNumber, "duplicate_item_number", Severity::kWarning,
       "an agenda item number is used twice: renumber the items"},
      {FindingCode::kIssuedAfterMeeting, "issued_after_meeting", Severity::kWarning,
       "an action is dated as issued after the meeting: correct its issued date"},
      {FindingCode::kPresentAndApologies, "present_and_apologies", Severity::kError,
       "someone is listed both present and sending apologies: keep the right one"},
      {FindingCode::kUnknownOrganisation, "unknown_organisation", Severity::kInfo,
       "a person's organisation is neither a local authority nor a known body: check its spelling"},
      {FindingCode::kMoneyWithoutLa, "money_without_la", Severity::kInfo,
       "a sum of money belongs to no local authority: say whose figure it is"},
      {FindingCode::kOcrDebris, "ocr_debris", Severity::kWarning,
       "text looks like OCR debris (stray symbols, garbled figures): remove it or retype it"},
  };
  return *rules;
}

const FindingRule& RuleOf(FindingCode id) { return FindingCatalogue()[static_cast<size_t>(id)]; }

Finding MakeFinding(FindingCode id, std::string message, Span span) {
  const FindingRule& rule = RuleOf(id);
  return Finding{std::string(rule.code), rule.severity, std::move(message), span};
}

void MergeRepeatedFindings(std::vector<Finding>* findings) {
  std::vector<Finding> merged;
  std::vector<int> counts;
  std::map<std::pair<std::string, std::string>, size_t> index;  // (code, message) -> merged
  for (Finding& f : *findings) {
    auto [it, added] = index.try_emplace({f.code, f.message}, merged.size());
    if (added) {
      merged.push_back(std::move(f));
      counts.push_back(1);
    } else {
      ++counts[it->second];
    }
  }
  for (size_t i = 0; i < merged.size(); ++i)
    if (counts[i] > 1) merged[i].message += " (" + std::to_string(counts[i]) + " places)";
  *findings = std::move(merged);
}

Status ParseRuleOverrides(std::string_view text, RuleOverrides* out) {
  out->by_code.clear();
  size_t line_no = 0, start = 0;
  while (start <= text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string line(text.substr(start, end - start));
    start = end + 1;
    ++line_no;
    if (size_t hash = line.find('#'); hash != std::string::npos) line.erase(hash);
    std::vector<std::string> words;
    std::string word;
    for (char c : line + " ") {
      if (c == ' ' || c == '\t' || c == '\r' || c == '=') {
        if (!word.empty()) words.push_back(word);
        word.clear();
      } else {
        word += c;
      }
    }
    if (words.empty()) continue;
    std::string where = "line " + std::to_string(line_no) + ": ";
    if (words.size() != 2)
      return Status::InvalidArgument(where + "expected 'CODE off|error|warning|info'");
    bool known = false;
    for (const FindingRule& r : FindingCatalogue()) known = known || r.code == words[0];
    if (!known) return Status::InvalidArgument(where + "no rule is called '" + words[0] + "'");
    if (words[1] == "off") {
      out->by_code[words[0]] = std::nullopt;
    } else if (std::optional<Severity> s = EnumFromName<Severity>(words[1])) {
      out->by_code[words[0]] = s;
    } else {
      return Status::InvalidArgument(where + "'" + words[1] +
                                     "' is not off, error, warning or info");
    }
  }
  return Status::OK();
}

void ApplyRuleOverrides(const RuleOverrides& overrides, std::vector<Finding>* findings) {
  std::vector<Finding> kept;
  for (Finding& f : *findings) {
    auto it = overrides.by_code.find(f.code);
    if (it == overrides.by_code.end()) {
      kept.push_back(std::move(f));
    } else if (it->second) {
      f.severity = *it->second;
      kept.push_back(std::move(f));
    }
  }
  *findings = std::move(kept);
}

// What the notes lack as a whole.
extern const Step kCompletenessStep = {
    "completeness",
    {Datum::kMeeting, Datum::kPeople, Datum::kActions},
    {Datum::kCompleteness},
    [](Workspace* w) {
      // A letter or a report lacks everything at once: one finding says what it is.
      if (w->x.meeting.date.empty() && w->x.people.empty() && w->x.actions.empty()) {
        w->x.findings.push_back(MakeFinding(FindingCode::kNotMinutes,
                                            "no meeting date, no attendance and no actions: "
                                            "this does not read as meeting notes",
                                            Span{}));
        return;
      }
      if (w->x.meeting.date.empty())
        w->x.findings.push_back(MakeFinding(FindingCode::kMissingMeetingDate,
                                            "no meeting date found (expected a 'Date:' line or a "
                                            "month and year in the title)",
                                            w->x.meeting.evidence.span));
      if (w->x.people.empty())
        w->x.findings.push_back(MakeFinding(FindingCode::kMissingAttendance,
                                            "no attendance found (expected 'Attendees:', "
                                            "'Present:' or 'Apologies:')",
                                            Span{}));
    }};

}  // namespace minutes
