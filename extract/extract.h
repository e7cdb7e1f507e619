// extract: what a set of meeting notes says, as data, every item pointing at its source bytes.
//
//   minutes::Document doc;                                   // from ingest
//   minutes::Status s = minutes::ReadFile(path, minutes::IngestOptions(), &doc);
//   minutes::Extraction x = minutes::Extract(doc, minutes::SourceOf(path, doc),
//                                            minutes::ExtractOptions());
//   for (const minutes::Money& m : x.money)
//     std::cout << m.amount.ToString() << " " << doc.text.substr(m.evidence.span.start,
//                                                                m.evidence.span.size()) << "\n";
//
// The result is the typed model of model/model.h. Every item carries a span (byte offsets into
// Document::text, the output of `minutes text`), a confidence in [0, 1] and the rule that made
// it. Extraction runs as named steps (extract/steps.h) in dependency order. Extract fails only on
// a limit: what it cannot make sense of becomes a finding (extract/findings.h lists their codes).
// It is thread-safe and shares only immutable state (compiled patterns, the LA register), so a
// batch can run one Extract per thread.

#ifndef MINUTES_EXTRACT_EXTRACT_H_
#define MINUTES_EXTRACT_EXTRACT_H_

#include <string>

#include "common/status.h"
#include "ingest/document.h"
#include "model/model.h"

namespace minutes {

namespace normalize {
class LaRegister;
}  // namespace normalize

struct ExtractOptions {
  // The LA register to resolve against; nullptr uses the shipped default register.
  const normalize::LaRegister* la_register = nullptr;
  // A region the notes come from (as in the register, e.g. "South East"), added to the meeting's
  // area, which settles ambiguous abbreviations ("HCC" -> Hampshire). Empty (the default): the
  // area is only the regions of the LAs the notes name (extract/mentions.h MeetingArea).
  std::string region;
  // The series the notes belong to; empty derives it from the title (normalize::SeriesKey).
  std::string series;
  // Seconds extracting one document may take before the Status form of Extract gives up; 0: no
  // limit. Checked between steps, each linear in the size of the notes.
  double max_seconds = 60;
};

// The Source record of a document read from `path`.
Source SourceOf(const std::string& path, const Document& doc);

// Extracts everything from a rendered document into `*x`. What it cannot make sense of becomes a
// finding; it fails only on a limit: kTooLarge "the document took longer than max_seconds (S)" or
// "out of memory extracting the document", leaving `*x` unspecified. Never throws.
Status Extract(const Document& doc, const Source& source, const ExtractOptions& options,
               Extraction* x);

// As above with no time limit, for tests and tools that trust their input: allocation failure,
// the one failure left, throws std::bad_alloc.
Extraction Extract(const Document& doc, const Source& source, const ExtractOptions& options);

}  // namespace minutes

#endif  // MINUTES_EXTRACT_EXTRACT_H_
