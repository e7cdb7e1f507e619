// The contract's enumerations, each with its string forms in one table.
//
//   minutes::Attendance a = minutes::Attendance::kApologies;
//   std::string_view s = minutes::EnumName(a);                      // "apologies"
//   std::optional<minutes::Attendance> b = minutes::EnumFromName<minutes::Attendance>("present");
//   for (const auto& e : minutes::EnumTraits<minutes::Attendance>::kEntries) ...  // schema enums
//
// The names are the values JSON, CSV and the databases carry; they never change once published
// (a new value is a minor schema version). Every table below is what EnumName, EnumFromName and
// the schema generators read, so a value and its string form are written exactly once.

#ifndef MINUTES_MODEL_ENUMS_H_
#define MINUTES_MODEL_ENUMS_H_

#include <optional>
#include <string_view>

namespace minutes {

// How a listed person took part in the meeting.
enum class Attendance { kPresent, kApologies, kAbsent };

// Where an action was written.
enum class ActionSource { kLog, kInline };

// An action's state, from whatever word the notes use ("Done", "In progress", "Red", ...).
enum class ActionStatus { kOpen, kOngoing, kComplete, kClosed, kNoLongerRelevant };

// How an LA mention was resolved against the register.
enum class MatchMethod { kExact, kAlias, kGroup, kFuzzy };

// What a money figure is per.
enum class MoneyPeriod { kHour, kDay, kWeek, kMonth, kYear, kOneOff, kSession };

// How much a finding matters: an error is something a reviewer must fix before the notes are
// filed (and makes `minutes extract` exit 1); a warning should be looked at; info is a note.
enum class Severity { kError, kWarning, kInfo };

template <class E>
struct EnumEntry {
  E value;
  std::string_view name;         // the stable string form
  std::string_view description;  // one line, for the schema and the README
};

// Specialised once per enum below: `kTypeName` (the schema's name for it) and `kEntries`.
template <class E>
struct EnumTraits;

template <>
struct EnumTraits<Attendance> {
  static constexpr std::string_view kTypeName = "attendance";
  static constexpr EnumEntry<Attendance> kEntries[] = {
      {Attendance::kPresent, "present", "listed as attending"},
      {Attendance::kApologies, "apologies", "sent apologies (absent)"},
      {Attendance::kAbsent, "absent", "listed as absent, without apologies"},
  };
};

template <>
struct EnumTraits<ActionSource> {
  static constexpr std::string_view kTypeName = "action_source";
  static constexpr EnumEntry<ActionSource> kEntries[] = {
      {ActionSource::kLog, "log", "a row of an action-log table"},
      {ActionSource::kInline, "inline", "an 'Action:' line in the discussion"},
  };
};

template <>
struct EnumTraits<ActionStatus> {
  static constexpr std::string_view kTypeName = "action_status";
  static constexpr EnumEntry<ActionStatus> kEntries[] = {
      {ActionStatus::kOpen, "open", "not started, new, open, on hold, RAG red"},
      {ActionStatus::kOngoing, "ongoing", "in progress, carried forward, RAG amber"},
      {ActionStatus::kComplete, "complete", "complete, done, achieved, RAG green"},
      {ActionStatus::kClosed, "closed", "closed"},
      {ActionStatus::kNoLongerRelevant, "no_longer_relevant",
       "no longer relevant, withdrawn, cancelled, superseded"},
  };
};

template <>
struct EnumTraits<MatchMethod> {
  static constexpr std::string_view kTypeName = "match_method";
  static constexpr EnumEntry<MatchMethod> kEntries[] = {
      {MatchMethod::kExact, "exact", "the register's name itself"},
      {MatchMethod::kAlias, "alias", "an alias: council name, short name, abbreviation, variant"},
      {MatchMethod::kGroup, "group", "a name for several LAs (AfC, Berkshire)"},
      {MatchMethod::kFuzzy, "fuzzy", "a misspelling close to one LA's name"},
  };
};

template <>
struct EnumTraits<MoneyPeriod> {
  static constexpr std::string_view kTypeName = "money_period";
  static constexpr EnumEntry<MoneyPeriod> kEntries[] = {
      {MoneyPeriod::kHour, "hour", "per hour"},
      {MoneyPeriod::kDay, "day", "per day"},
      {MoneyPeriod::kWeek, "week", "per week"},
      {MoneyPeriod::kMonth, "month", "per month"},
      {MoneyPeriod::kYear, "year", "per year (per annum)"},
      {MoneyPeriod::kOneOff, "one_off", "a one-off payment"},
      {MoneyPeriod::kSession, "session", "per session"},
  };
};

template <>
struct EnumTraits<Severity> {
  static constexpr std::string_view kTypeName = "severity";
  static constexpr EnumEntry<Severity> kEntries[] = {
      {Severity::kError, "error", "must be fixed before the notes are filed"},
      {Severity::kWarning, "warning", "should be checked"},
      {Severity::kInfo, "info", "for information"},
  };
};

// The string form of `value` ("" only for a value missing from its table, which a test forbids).
template <class E>
constexpr std::string_view EnumName(E value) {
  for (const auto& e : EnumTraits<E>::kEntries)
    if (e.value == value) return e.name;
  return "";
}

// The value whose string form is `name` (exact, case-sensitive), or nullopt.
template <class E>
constexpr std::optional<E> EnumFromName(std::string_view name) {
  for (const auto& e : EnumTraits<E>::kEntries)
    if (e.name == name) return e.value;
  return std::nullopt;
}

}  // namespace minutes

#endif  // MINUTES_MODEL_ENUMS_H_
