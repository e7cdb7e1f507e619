// Internal to extract: extraction as named steps that declare what they read and what they
// produce, run in dependency order by a small runner.
//
//   // In the extractor's own file:
//   const Step kMoneyStep = {
//       "money", {Datum::kLaMentions, Datum::kPersonMentions, Datum::kPeople}, {Datum::kMoney},
//       [](Workspace* w) { w->x.money = ...; }};
//   // And one line in steps.cc's registry:  &kMoneyStep,
//
// Lifecycle: register (steps.cc) -> order (once, on first use; a datum that two steps write, that
// no step writes, or a cycle is a programming error that a test catches) -> run (per document).
// A step reads only the data it declares and writes only its own; it adds findings to
// `Workspace::x.findings`, the one place they are gathered. Steps are stateless functions, so the
// ordered list is shared by every thread.

#ifndef MINUTES_EXTRACT_STEPS_H_
#define MINUTES_EXTRACT_STEPS_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "common/deadline.h"
#include "common/status.h"
#include "extract/action_log.h"
#include "extract/agenda.h"
#include "extract/attendance.h"
#include "extract/extract.h"
#include "extract/meeting.h"
#include "extract/spans.h"
#include "ingest/document.h"
#include "normalize/normalize.h"

namespace minutes {

// What a step can read or produce. Each is written by exactly one step.
enum class Datum {
  kMeeting,         // x.meeting (but its chair), Workspace::meeting_info
  kPeople,          // x.people, Workspace::listed_people, Workspace::match.expected_gss_codes
  kLaScan,          // Workspace::la_scan (freed by its one reader, la_mentions)
  kChair,           // x.meeting.chair
  kLaMentions,      // x.la_mentions, Workspace::la_spans
  kActionLog,       // Workspace::raw_actions, Workspace::owner_spans
  kPersonMentions,  // x.person_mentions
  kActions,         // x.actions (but their links)
  kActionLinks,     // Action::linked_log_index and the linked ref of inline actions
  kMoney,           // x.money
  kCompleteness,    // the findings about what the notes lack (no date, no attendance)
  kPersonIds,       // every person_id (Person, chair, substitutes, owners, uses of initials)
  kValidation,      // the findings of the consistency rules (extract/validation.cc)
  kAgenda,          // x.items, x.decisions, Workspace::agenda
  kItemLinks,       // the `item` of every action, sum of money and mention
};

// Everything a step may use: the document, the options, the results of earlier steps and the
// Extraction being built. One per document; not shared between threads.
struct Workspace {
  Workspace(const Document& d, const normalize::LaRegister& l, const ExtractOptions& o)
      : doc(d), las(l), options(o), breaks(d.text) {}

  const Document& doc;
  const normalize::LaRegister& las;
  const ExtractOptions& options;
  const TextBreaks breaks;  // the sentences and clauses of doc.text
  normalize::MatchOptions match;
  Extraction x;

  MeetingInfo meeting_info;                 // kMeeting
  std::vector<ListedPerson> listed_people;  // kPeople: every listing, before merging by name
  std::vector<Span> la_spans;               // kLaMentions: the mentions' spans, in text order
  std::vector<RawAction> raw_actions;       // kActionLog: parallel to x.actions once kActions ran
  std::vector<Span> owner_spans;            // kActionLog: owners' spans and leading owners in texts
  Agenda agenda;                            // kAgenda

  // kLaScan: doc.text's LA mentions before MatchOptions settle them, made by the people step and
  // settled there (the meeting's area) and by la_mentions, which frees it: one scan of the text.
  normalize::LaMentionScan la_scan;

  // The body's text (up to Document::body_end).
  std::string_view body() const { return std::string_view(doc.text).substr(0, doc.body_end); }
};

struct Step {
  std::string_view name;
  std::vector<Datum> reads;
  std::vector<Datum> writes;
  void (*run)(Workspace* w);
};

// Every registered step (steps.cc), in registration order.
const std::vector<const Step*>& RegisteredSteps();

// Orders `steps` so each runs after the steps writing what it reads, keeping registration order
// where the data allow. Returns an error naming the problem and the steps at fault if a datum is
// written twice (both writers) or by nobody that a step reads (the reader), or if the steps read
// one another in a cycle (the steps of the cycle, in the order they wait on each other).
Status OrderSteps(const std::vector<const Step*>& steps, std::vector<const Step*>* ordered);

// RegisteredSteps(), ordered once. Aborts the process with the error if the registry is broken
// (a test runs OrderSteps on it, so that never ships).
const std::vector<const Step*>& OrderedSteps();

// Runs every step on `w` in order, then merges repeated findings. Checks `deadline` after each
// step: kTooLarge once it has passed, with `w` part-done.
Status RunSteps(Workspace* w, const Deadline& deadline);

}  // namespace minutes

#endif  // MINUTES_EXTRACT_STEPS_H_
