#include "extract/findings.h"

#include <map>
#include <utility>

#include "extract/steps.h"

namespace minutes {

const std::vector<FindingRule>& FindingCatalogue() {
  static const auto* rules = new std::vector<FindingRule>{
      {FindingCode::kMissingMeetingDate, "missing_meeting_date", Severity::kError,
       "no meeting date: add a 'Date:' line or the month and year to the title",
       "notes whose title and first lines give no date"},
      {FindingCode::kMissingAttendance, "missing_attendance", Severity::kError,
       "no attendance: add 'Attendees:', 'Present:' or 'Apologies:'",
       "notes with no 'Attendees:', 'Present:' or 'Apologies:' list"},
      {FindingCode::kWeekdayMismatch, "weekday_mismatch", Severity::kWarning,
       "a weekday contradicts its date: correct one of them",
       "'Date: Wednesday 5 February 2026' (5 February 2026 is a Thursday)"},
      {FindingCode::kChairSentApologies, "chair_sent_apologies", Severity::kWarning,
       "the chair sent apologies: say who chaired the meeting",
       "'Chair: Sarah Daly DCS Portsmouth (apologies)'"},
      {FindingCode::kAmbiguousInitials, "ambiguous_initials", Severity::kWarning,
       "initials fit more than one person: write the name once",
       "'RE presented' when Rebecca Eligon and Renee Eddy both attended"},
      {FindingCode::kUnresolvedInitials, "unresolved_initials", Severity::kInfo,
       "initials fit nobody in the attendance lists",
       "'GS and SD to meet' with nobody listed as GS"},
      {FindingCode::kAbsentPersonSpeaks, "absent_person_speaks", Severity::kWarning,
       "someone who sent apologies is recorded speaking: check the attendance",
       "'SD said ...' when Sarah Daly sent apologies"},
      {FindingCode::kUnknownStatus, "unknown_status", Severity::kWarning,
       "an action's status is not a word the log uses: use open, ongoing, complete, ...",
       "an action-log status 'Maybe'"},
      {FindingCode::kMissingStatus, "missing_status", Severity::kWarning,
       "an action-log row has no status: give it one",
       "an action-log row whose status cell is empty"},
      {FindingCode::kUnparsedDate, "unparsed_date", Severity::kWarning,
       "a date in the action log cannot be read: write it as a date",
       "a due date 'Next meeting' in the action log"},
      {FindingCode::kNotMinutes, "not_minutes", Severity::kError,
       "no meeting date, no attendance and no actions: this is not meeting notes (a letter, a "
       "report); the warehouse can leave it out",
       "a letter: 'Dear Ms Bell, thank you for ...'"},
      {FindingCode::kDuplicateMeeting, "duplicate_meeting", Severity::kInfo,
       "another document of the series has the same date: the same meeting, not evidence for it",
       "july.docx and its text export july.txt given together"},
      {FindingCode::kSettledInitials, "settled_initials", Severity::kInfo,
       "initials this document leaves open were settled by another meeting of the series",
       "December's 'RE' named Rebecca Eligon from July's notes (same action ref 48)"},
      {FindingCode::kConflictingInitials, "conflicting_initials", Severity::kWarning,
       "other meetings of the series name different people for the initials: write the name",
       "'SR' resolved to Sara Reid in one meeting and Sean Rowe in another"},
      {FindingCode::kOpenActionMissing, "open_action_missing", Severity::kWarning,
       "an action open in the previous meeting's log is missing from this one: carry it or close "
       "it",
       "action 47 'ongoing' in July and absent from December's log"},
      {FindingCode::kNextMeetingBeforeMeeting, "next_meeting_before_meeting", Severity::kWarning,
       "the next meeting is dated on or before this meeting: correct its date",
       "'Next meeting: 1 June 2025' in the notes of 7 July 2025"},
      {FindingCode::kActionWithoutOwner, "action_without_owner", Severity::kWarning,
       "an action-log row has no owner: say who will do it",
       "an action-log row whose owner cell is empty"},
      {FindingCode::kDuplicateActionRef, "duplicate_action_ref", Severity::kWarning,
       "an action ref is used twice in one action log: renumber one of the rows",
       "two rows numbered 12 in one action log"},
      {FindingCode::kDuplicateItemNumber, "duplicate_item_number", Severity::kWarning,
       "an agenda item number is used twice: renumber the items",
       "'Item 2:' twice in the July seed"},
      {FindingCode::kIssuedAfterMeeting, "issued_after_meeting", Severity::kWarning,
       "an action is dated as issued after the meeting: correct its issued date",
       "an action issued 'Dec 2025' in the notes of a July 2025 meeting"},
      {FindingCode::kPresentAndApologies, "present_and_apologies", Severity::kError,
       "someone is listed both present and sending apologies: keep the right one",
       "Ann Bell under 'Attendees:' and under 'Apologies:'"},
      {FindingCode::kUnknownOrganisation, "unknown_organisation", Severity::kInfo,
       "a person's organisation is neither a local authority nor a known body: check its spelling",
       "'Jo Bloggs (Fostering Forum)': neither an LA nor a known body"},
      {FindingCode::kMoneyWithoutLa, "money_without_la", Severity::kInfo,
       "a sum of money belongs to no local authority: say whose figure it is",
       "'c.£60k' in a sentence that names no LA and no speaker"},
      {FindingCode::kOcrDebris, "ocr_debris", Severity::kWarning,
       "text looks like OCR debris (stray symbols, garbled figures): remove it or retype it",
       "the OCR'd chart at the end of the December seed ('£23262' beside '£232.62')"},
      {FindingCode::kAmbiguousLa, "ambiguous_la", Severity::kWarning,
       "an abbreviation fits several LAs and the LAs the notes name do not settle it: write the "
       "council's name",
       "'WCC' (Warwickshire or Worcestershire) in notes naming only West Midlands LAs"},
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
