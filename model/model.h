// The extraction model: what one document of meeting notes says, as typed data. Every output —
// JSON, CSV, the JSON Schema, datapackage.json, the database tables, the README's schema section —
// is derived from these structs through their one description in model/schema.h, so adding a
// field means: the struct member here, its line in schema.cc, its extractor, its gold.
//
//   minutes::Extraction x = minutes::Extract(doc, source, {});
//   for (const minutes::Money& m : x.money)
//     std::cout << m.amount.ToString() << " " << minutes::EnumName(*m.period) << "\n";
//
// Conventions: a string documented "empty = null" is written as null (JSON) or an empty field
// (CSV); std::optional is null when empty. Spans are byte offsets into the document's canonical
// text (what `minutes text` prints): text.substr(span.start, span.size()) is the item.
//
// Strings are std::string, except where one value repeats on many items of a document: there a
// SharedString (a list: SharedStringList, common/shared_string.h), whose copies share one buffer.
// A large note has hundreds of thousands of mentions, figures and uses of initials, each naming
// one of a few rules, agenda items, people and LAs; held as copies they would cost several times
// the note. Both read and compare like the standard types and are written out the same way.

#ifndef MINUTES_MODEL_MODEL_H_
#define MINUTES_MODEL_MODEL_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/shared_string.h"
#include "common/span.h"
#include "model/enums.h"

namespace minutes {

// The JSON/CSV output contract's version. A minor version adds fields or enum values; a major one
// renames, removes or reshapes. The history is in the README.
inline constexpr char kSchemaVersion[] = "2.1";

// A sum of money held exactly, in pence: "£1,234,567.89" is 123456789, never a binary fraction.
struct Amount {
  int64_t pence = 0;

  // The nearest whole penny to `pounds` (figures are parsed as decimals; "£2.5m" is 250000000).
  static Amount FromPounds(double pounds);
  // Pounds as a decimal without exponent or trailing zeros: "1234567.89", "0.45", "60000".
  std::string ToString() const;
  bool operator==(const Amount& o) const { return pence == o.pence; }
};

// Where the extracted item came from and how sure we are. Embedded in each item.
struct Evidence {
  Span span;
  double confidence = 1.0;
  SharedString rule;  // which rule made it, e.g. "attendance.paren_org", "money.per_hour_suffix"
};

// The input the document was read from.
struct Source {
  std::string path;    // as given on the command line ("-" for stdin)
  std::string sha256;  // lower-case hex of the input's bytes
  std::string format;  // the reader that read it: "docx", "text"
  uint64_t bytes = 0;  // the input's size
  // Other paths holding the same bytes, when a batch met them (extracted once).
  std::vector<std::string> other_paths;
};

struct MeetingTime {
  std::string date;        // "YYYY-MM-DD", or "YYYY-MM" when only the month is known; empty = null
  std::string start_time;  // "HH:MM", 24 h; empty = null
  std::string end_time;    // empty = null
  bool time_inferred = false;  // am/pm was inferred from working hours, not written
  Evidence evidence;
};

struct Meeting {
  std::string title;   // empty = null
  std::string series;  // the group's series: the title without dates (normalize::SeriesKey)
  std::string date;    // as MeetingTime::date; empty = null
  std::string start_time;
  std::string end_time;
  std::string chair;            // display name; empty = null
  std::string chair_person_id;  // empty = null
  std::vector<MeetingTime> next_meetings;
  Evidence evidence;  // the title's
};

// A numbered item of the agenda, as the minutes number it: "4. Minutes of the last meeting". An
// item runs from its heading to the next item's heading; every item below carries the number of the
// one it sits in.
struct AgendaItem {
  SharedString number;  // as written, without the final dot: "4", "4.1", "23/25", "A"
  std::string title;    // empty = null
  Evidence evidence;    // the heading
};

struct Person {
  std::string person_id;              // stable across meetings (normalize::PersonId)
  std::string name;                   // display form: "Kelly Wilkes"
  std::string name_raw;               // as written: "Kelly wilkes"
  std::string initials;               // "KW", "KGOS"
  std::string organisation;           // canonical LA or body name, else as written; empty = null
  std::vector<std::string> la_codes;  // ONS GSS codes; empty for non-LA bodies (SESLIP, DfE)
  Attendance attendance = Attendance::kPresent;
  std::vector<std::string> roles;        // "chair", "DCS", "presenter", "support", ...
  std::string substitute_for;            // the person deputised for; empty = null
  std::string substitute_for_person_id;  // empty = null
  Evidence evidence;
};

// One owner of an action, as written and as resolved.
struct Owner {
  std::string text;       // as written: "PH", "Mark Vening"
  std::string name;       // the person it resolves to; empty = null (unknown or ambiguous)
  std::string person_id;  // empty = null
  Span span;
};

struct Action {
  std::string ref;  // as written: "49", "A3"; empty = null (an inline action not in the log)
  std::string text;
  std::vector<Owner> owners;           // split as written: "PH KL SA" -> PH, KL, SA
  std::string issued;                  // "YYYY-MM-DD" or "YYYY-MM"; empty = null
  std::string due;                     // empty = null
  std::optional<ActionStatus> status;  // null when not given or not understood
  std::string status_raw;              // as written; empty = null
  ActionSource source = ActionSource::kLog;
  std::optional<uint64_t> linked_log_index;  // inline actions: index in `actions` of its log row
  SharedString item;  // the agenda item it sits in (AgendaItem::number); empty = null
  Evidence evidence;
};

// "GBP", the currency of every figure so far: one buffer for all of them.
const SharedString& Gbp();

struct Money {
  Amount amount;
  SharedString currency = Gbp();      // ISO 4217
  std::optional<Amount> range_max;    // "between £200 and £300", "£203-£267"
  std::optional<MoneyPeriod> period;  // null when not said
  bool approximate = false;           // c., circa, around, roughly, estimated, about
  std::string text;  // the figure as written, qualifiers included: "c.£60k", "£250 for week"
  SharedStringList la_codes;  // the LA the figure belongs to
  SharedString item;          // the agenda item it sits in; empty = null
  Evidence evidence;
};

struct LaMentionItem {
  SharedString text;
  SharedStringList la_codes;
  SharedString canonical_name;
  MatchMethod method = MatchMethod::kExact;
  SharedString item;  // the agenda item it sits in; empty = null
  Evidence evidence;
};

struct PersonMention {
  SharedString text;       // the initials: "KL", "KGOS"
  SharedString name;       // resolved display name; empty = null (nobody, or more than one, fits)
  SharedString person_id;  // empty = null
  // When the name was settled from other meetings of the series: the sha256 of the document
  // whose evidence settled it (evidence.rule says how); empty = null.
  SharedString settled_by;
  SharedString item;  // the agenda item it sits in; empty = null
  Evidence evidence;
};

// What the meeting resolved or agreed: "RESOLVED – that the report be noted", "The Board agreed
// that ...". The recommendations listed under it are kept as written, one string each.
struct Recommendation {
  std::string text;  // as written, marker included: "(a) that the report be noted;"
  Span span;
};

struct Decision {
  std::string text;                             // the decision as written, its keyword removed
  std::vector<Recommendation> recommendations;  // the list under it, in order
  SharedString item;                            // the agenda item it sits in; empty = null
  Evidence evidence;                            // the keyword to the end of its last recommendation
};

struct Finding {
  std::string code;  // stable identifier, e.g. "weekday_mismatch" (extract/findings.h lists them)
  Severity severity = Severity::kWarning;
  std::string message;  // what to fix
  Span span;
};

// Everything extracted from one document: the root of the contract.
struct Extraction {
  std::string schema_version = kSchemaVersion;
  std::string la_register_version;  // the LA register the GSS codes come from
  Source source;
  Meeting meeting;
  std::vector<AgendaItem> items;
  std::vector<Person> people;
  std::vector<Action> actions;
  std::vector<Money> money;
  std::vector<LaMentionItem> la_mentions;
  std::vector<PersonMention> person_mentions;
  std::vector<Decision> decisions;
  std::vector<Finding> findings;

  // True when any finding has severity kError (or, with `strict`, kWarning).
  bool HasFindingsToFix(bool strict) const;
};

}  // namespace minutes

#endif  // MINUTES_MODEL_MODEL_H_
