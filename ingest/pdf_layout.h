// Internal to ingest: the layout step of the "pdf" reader. Turns the positioned words of each page
// (what a PDF text layer holds: no lines, no paragraphs, no tables) into a Document's blocks.
// Kept apart from poppler so that it can be tested with words made up in the test.
//
//   std::vector<minutes::LayoutPage> pages = ...;   // words with boxes, one entry per page
//   minutes::Document doc;
//   minutes::LayoutDocument(pages, &doc);           // fills doc.body, doc.headers, doc.footers
//
// What it rebuilds, in this order, and the evidence each rule uses:
//   1. lines: words whose vertical middles fall inside one another's boxes, left to right (the
//      words' order in the file is ignored: producers write table columns one after another);
//      a gap wider than 0.9 of the font size splits a line into segments (cells, tab stops);
//   2. running headers and footers: a line in the top or bottom tenth of its page whose text
//   (digits
//      ignored) recurs at the same height on at least half the pages (and on two or more), and
//      any such line that is only a page number ("3", "Page 3 of 9", "- 3 -"). Each distinct one
//      becomes one block of doc.headers or doc.footers, like DOCX headers and footers; they never
//      reach the body;
//   3. tables: two or more consecutive lines of two or more segments whose segments start at the
//      same columns, with the lines of wrapped cells in between; a row starts at a line that
//      fills a column the line above left empty, or fills every column. Tables continue across
//      page breaks when the columns agree;
//   4. paragraphs: lines joined with a space until a gap larger than the text's line spacing, a
//      change of font size or weight, a list marker, or a short line ending a sentence. A hyphen
//      at a line's end joins the halves and stays ("de-" "escalation" -> "de-escalation",
//      "Lee-" "Townsend" -> "Lee-Townsend": minutes are full of compounds); a soft hyphen joins
//      them and goes ("emer\u00AD" "gency" -> "emergency"); a word broken with no hyphen because it
//      was wider than its column joins when only the whole is an English word ("identi" "fy" ->
//      "identify", but "partnerships" "and" keeps its space; ingest/word_list.h);
//   5. headings: a paragraph of at most 20 words in a font at least 1.15 times the body size
//      (level 1 for the largest size, 2 for the next, ...), or wholly bold at body size (the
//      level after the sized ones); list items: a paragraph starting with a bullet or a number
//      marker ("1.", "a)", "(iv)") keeps it as its marker.
// Single-column reading order is assumed: minutes are rarely set in columns, and a two-column
// page reads row by row across both columns.

#ifndef MINUTES_INGEST_PDF_LAYOUT_H_
#define MINUTES_INGEST_PDF_LAYOUT_H_

#include <string>
#include <vector>

#include "ingest/document.h"

namespace minutes {

// One word of a page's text layer. Coordinates in points, origin at the page's top left, y down.
struct LayoutWord {
  std::string text;  // UTF-8, no spaces inside
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  double font_size = 0;
  bool bold = false;
};

struct LayoutPage {
  double width = 612, height = 792;  // the page box, in points
  std::vector<LayoutWord> words;     // in any order
};

// Appends the blocks rebuilt from `pages` to doc->body, doc->headers and doc->footers. Pages with
// no words add nothing. Cost O(n log n) in the number of words. Never fails.
void LayoutDocument(const std::vector<LayoutPage>& pages, Document* doc);

}  // namespace minutes

#endif  // MINUTES_INGEST_PDF_LAYOUT_H_
