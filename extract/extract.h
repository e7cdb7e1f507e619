// extract: what a set of meeting notes says, as data, every item pointing at its source bytes.
//
//   minutes::Document doc;                                   // from ingest
//   minutes::Status s = minutes::ReadFile(path, minutes::IngestOptions(), &doc);
//   minutes::Extraction x = minutes::Extract(doc, minutes::SourceInfo::Of(path, bytes),
//                                            minutes::ExtractOptions());
//   for (const minutes::Money& m : x.money)
//     std::cout << m.amount << " " << doc.text.substr(m.span.start, m.span.size()) << "\n";
//
// Every item carries `span` (byte offsets into Document::text, the output of `minutes text`), a
// `confidence` in [0, 1] and the `rule` that produced it. Extract never fails: what it cannot
// make sense of becomes a finding. It is thread-safe and shares only immutable state (compiled
// patterns, the LA register), so a batch can run one Extract per thread.

#ifndef MINUTES_EXTRACT_EXTRACT_H_
#define MINUTES_EXTRACT_EXTRACT_H_

#include <optional>
#include <string>
#include <vector>

#include "ingest/document.h"

namespace minutes {

namespace normalize {
class LaRegister;
}  // namespace normalize

// The JSON/CSV output contract's version. Keys may be added in a minor version, never renamed.
inline constexpr char kSchemaVersion[] = "1.0";

// Where the extracted item came from and how sure we are.
struct Evidence {
  Span span;
  double confidence = 1.0;
  std::string rule;  // e.g. "attendees.paren_org", "money.per_hour_suffix"
};

struct SourceInfo {
  std::string path;
  std::string sha256;  // hex of the input file's bytes
  std::string format;  // "docx" | "text"
  size_t bytes = 0;
};

struct MeetingTime {
  std::string date;  // ISO "YYYY-MM-DD" (or "YYYY-MM" when only the month is known); "" unknown
  std::string start_time;  // "HH:MM" 24 h, "" unknown
  std::string end_time;
  bool time_inferred = false;  // am/pm was inferred from working hours, not written
  Evidence evidence;
};

struct Meeting {
  std::string title;
  std::string date;
  std::string start_time;
  std::string end_time;
  std::string chair;  // display name
  std::vector<MeetingTime> next_meetings;
  Evidence evidence;  // the title's span
};

struct Person {
  std::string name;          // display form: "Kelly Wilkes"
  std::string name_raw;      // as written: "Kelly wilkes"
  std::string initials;      // "KW", "KGOS"
  std::string organisation;  // canonical LA or group name, else the organisation as written
  std::vector<std::string> la_codes;  // GSS codes; empty for non-LA organisations (SESLIP, DfE)
  std::string attendance;             // "present" | "apologies"
  std::vector<std::string> roles;     // "chair", "DCS", "presenter", "support", ...
  std::string substitute_for;         // name of the person deputised for, "" if none
  Evidence evidence;
};

struct Action {
  std::string ref;  // as written: "49", "A3"; "" for an inline action not in the log
  std::string text;
  std::vector<std::string> owners;  // as written, split: "PH KL SA" -> PH, KL, SA
  std::vector<std::string>
      owner_names;     // resolved people ("" where unresolved), parallel to owners
  std::string issued;  // "YYYY-MM" or "YYYY-MM-DD", "" unknown
  std::string due;
  std::string status;      // open | ongoing | complete | closed | no_longer_relevant | "" unknown
  std::string status_raw;  // as written
  std::string source;      // "log" (action-log table row) | "inline" ("Action:" line)
  int linked_log_index = -1;  // inline actions: index in `actions` of the log row it became
  Evidence evidence;
};

struct Money {
  double amount = 0;
  std::string currency = "GBP";
  std::optional<double> range_max;  // "between £200 and £300", "£203-£267"
  std::string period;        // hour | day | week | month | year | one_off | session | "" (not said)
  bool approximate = false;  // c., circa, around, roughly, estimated, about
  std::string text;  // the figure as written, qualifiers included: "c.£60k", "£250 for week"
  std::vector<std::string> la_codes;  // the LA the figure belongs to
  Evidence evidence;
};

struct LaMentionItem {
  std::string text;
  std::vector<std::string> la_codes;
  std::string canonical_name;
  std::string method;  // exact | alias | group | fuzzy
  Evidence evidence;
};

struct PersonMention {
  std::string text;  // "KL", "KGOS"
  std::string name;  // resolved display name; "" when unresolved or ambiguous
  Evidence evidence;
};

struct Finding {
  std::string code;      // stable identifier, e.g. "weekday_mismatch", "ambiguous_initials"
  std::string severity;  // error | warning | info
  std::string message;
  Span span;
};

struct Extraction {
  std::string schema_version = kSchemaVersion;
  SourceInfo source;
  Meeting meeting;
  std::vector<Person> people;
  std::vector<Action> actions;
  std::vector<Money> money;
  std::vector<LaMentionItem> la_mentions;
  std::vector<PersonMention> person_mentions;
  std::vector<Finding> findings;
};

struct ExtractOptions {
  // The LA register to resolve against; nullptr uses the shipped default register.
  const normalize::LaRegister* la_register = nullptr;
  // The region the notes come from, to settle ambiguous abbreviations ("HCC" -> Hampshire).
  std::string region = "South East";
};

// Extracts everything from a rendered document. Never fails; never throws.
Extraction Extract(const Document& doc, const SourceInfo& source, const ExtractOptions& options);

}  // namespace minutes

#endif  // MINUTES_EXTRACT_EXTRACT_H_
