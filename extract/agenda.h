// Internal to extract: the agenda as the minutes lay it out — numbered items and what was
// decided — and which item every other extracted thing sits in.
//
//   Agenda a = FindAgenda(doc);
//   for (const AgendaItem& i : a.items) ...        // "4" "Minutes of the last meeting"
//   SharedString n = ItemAt(a, span.start);        // "4", or "" outside every item
//
// An item heading is a body block (never a table cell) whose first line is
//   - "Item 4", "Agenda item 4.1:", "Minute 23 –" followed by a title, at any number; or
//   - "4. Title", "4.1 Title", "23/25 Title", "4) Title": a number then a heading-like title
//   (short,
//     or an ALL-CAPS lead, or cut at " – " or ": "), whose number moves the agenda on: greater than
//     the current item's, or a sub-item of it. A numbered list inside an item restarts at 1 and
//     so is not mistaken for items.
// A sub-item of another item ("Item 4.1 – Priya to circulate the rota" under "3. Matters arising")
// is a reference to earlier minutes, not an item. An item runs to the next item's heading, or to
// an unnumbered heading that closes it ("Action log", "AOB", "Date of next meeting", "Appendix"),
// or to an action table after it with no heading of its own (unless the item is about actions).
//
// A decision starts at RESOLVED, AGREED, DECIDED, DECISION (any case, at a block's or a sentence's
// start, before ":" "–" "that" "to"), or "It was agreed/resolved that|to", "The Board/Committee/
// Panel/Group/... agreed/resolved/decided that|to". Its text runs to the end of its block; a bare
// "RESOLVED" block takes the next block as its text. The recommendations are the lettered or
// numbered entries under it: list items and "(a)" "i)" "1." paragraphs that follow it, or "(a) ...
// (b) ..." inside its own text.

#ifndef MINUTES_EXTRACT_AGENDA_H_
#define MINUTES_EXTRACT_AGENDA_H_

#include <string>
#include <vector>

#include "ingest/document.h"
#include "model/model.h"

namespace minutes {

struct Agenda {
  std::vector<AgendaItem> items;  // in text order
  std::vector<Span> extents;      // parallel to items: heading to the item's end
  std::vector<Decision> decisions;
};

Agenda FindAgenda(const Document& doc);

// The number of the item whose extent holds `pos`; empty when none does.
SharedString ItemAt(const Agenda& agenda, size_t pos);

}  // namespace minutes

#endif  // MINUTES_EXTRACT_AGENDA_H_
