// extract/series: what one meeting's notes leave open, settled by the other meetings of its series.
//
//   std::vector<minutes::Extraction> docs;
//   for (const std::string& path : paths) docs.push_back(minutes::Extract(...));  // each alone
//   minutes::SettleSeries(&docs);  // then together: same order, names filled in, findings added
//   for (const minutes::PersonMention& m : docs[1].person_mentions)
//     if (!m.settled_by.empty()) std::cout << m.text << " = " << m.name << " (" << m.evidence.rule
//                                          << ")\n";
//
// Extract reads one document and cannot know that "RE", ambiguous in December because Rebecca
// Eligon and Renee Eddy both attended, was Rebecca in July and owned the same action-log rows
// there. SettleSeries looks across the meetings of one series (Meeting::series) and:
//
//  * Groups documents by Meeting::series and orders each group by Meeting::date (ISO strings, so
//    "2025-07" sorts before "2025-07-07"). Documents with an empty series or no date take no part:
//    without a date nothing says whether two of them are one meeting, so one could vouch for
//    itself. Ties are broken by Source::path, then Source::sha256, so the result does not depend
//    on the order of `docs`.
//  * Two documents of one series with the same date are one meeting (a .docx and its text
//    export). The later in that order gets an info finding `duplicate_meeting` naming the first
//    by path; neither is evidence for the other, and only the first counts as "the previous
//    meeting" below.
//  * Every use of initials left without a name (PersonMention::name empty: ambiguous or
//    unresolved) is settled from the other meetings, if they name one person:
//      series.action_ref   (confidence 0.8) the use is an owner of, or inside the row of, an
//                          action with ref R, and another meeting's action R has an owner with
//                          the same initials that resolved to a name there;
//      series.earlier_use  (confidence 0.7) another meeting resolved the same initials to one
//                          name and left none of their uses there ambiguous.
//    A name counts only if it is plausible here: the person is in this meeting's `people`, or,
//    when the initials fit nobody here (unresolved, not ambiguous), in that meeting's `people`.
//    Action-ref evidence, where there is any, is used alone. One name: the use gets it, with
//    `settled_by` = the sha256 of the meeting that said so (the nearest earlier one, else the
//    nearest later one), the rule and confidence above; action owners at its span get it too and
//    person ids are recomputed. Two or more names: the use stays open and a warning
//    `conflicting_initials` says which meetings disagree.
//    Evidence is only what each meeting's notes say alone: a name settled by SettleSeries is
//    never evidence in turn (that would make the result depend on order and spread one guess).
//  * For each settled (initials, name) an info finding `settled_initials` says which meeting and
//    rule settled it, at the first settled use; once every use of the initials in a document is
//    settled, its `ambiguous_initials` / `unresolved_initials` finding for them is removed.
//  * Every log action (ActionSource::kLog, non-empty ref) open or ongoing in the previous meeting
//    whose ref appears nowhere in this meeting's actions gives a warning `open_action_missing`.
//    Notes with no action log at all are not checked: they did not drop the action, they just
//    carry no log.

#ifndef MINUTES_EXTRACT_SERIES_H_
#define MINUTES_EXTRACT_SERIES_H_

#include <vector>

#include "model/model.h"

namespace minutes {

// Settles the meetings of each series among `*docs` together, as described above. `docs` may mix
// several series and undated documents; they keep their order and count, and only names, person
// ids, evidence of uses of initials, action owners' names and findings change. Documents of
// different series never affect each other. Deterministic: permuting `docs` permutes the result
// the same way. Run it once per set of documents (a second run would repeat the findings). Never
// fails, never throws; not thread-safe on the same vector (it is modified).
void SettleSeries(std::vector<Extraction>* docs);

}  // namespace minutes

#endif  // MINUTES_EXTRACT_SERIES_H_
