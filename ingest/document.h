// Document: the one model every input format is read into, and the canonical plain text rendered
// from it.
//
//   minutes::Document doc;
//   minutes::Status s = minutes::ReadFile("notes.docx", minutes::IngestOptions(), &doc);
//   for (const minutes::Block& b : doc.body)
//     if (b.kind == minutes::BlockKind::kTable)
//       for (const minutes::Row& r : b.rows) ...   // r.span locates the row in doc.text
//
// Every later stage points into `Document::text` with byte offsets (Span), so the text is part of
// the model, not a view of it: `RenderDocument` fills `text` and every `span` together, once, at
// the end of ingest. After that a Document is immutable and safe to read from many threads.

#ifndef MINUTES_INGEST_DOCUMENT_H_
#define MINUTES_INGEST_DOCUMENT_H_

#include <cstddef>
#include <string>
#include <vector>

#include "common/shared_string.h"
#include "common/span.h"

namespace minutes {

enum class BlockKind {
  kParagraph,  // ordinary text
  kHeading,    // `level` 1..9 (from the paragraph style's outline level)
  kListItem,   // `level` 0..8 nesting, `marker` the number or bullet as Word shows it ("1.", "a)",
               // "•")
  kTable,      // `rows`; `text` is empty
  kImage,      // `text` is the image's alt text (may be empty); rendered as a placeholder
};

struct Block;

struct Cell {
  std::vector<Block> blocks;       // a cell holds paragraphs, lists and nested tables
  int grid_span = 1;               // grid columns the cell covers (w:gridSpan)
  bool merged_from_above = false;  // vMerge continuation: `blocks` is a copy of the cell above
  Span span;                       // the cell's text in Document::text (filled by rendering)
};

struct Row {
  std::vector<Cell> cells;  // in grid order; gridBefore/gridAfter appear as empty cells
  Span span;                // the whole row line(s) in Document::text (filled by rendering)
};

struct Block {
  BlockKind kind = BlockKind::kParagraph;
  int level = 0;
  // Text printed before `text`, then a space: a list item's number or bullet, a note's "[1]".
  // Shared (common/shared_string.h): a text note can have a million blocks, most with no marker,
  // the others mostly the same bullet.
  SharedString marker;
  // UTF-8. Line breaks inside a paragraph (w:br, w:cr, a wrapped text line) are '\n'; tabs are
  // '\t'. Empty once read with IngestOptions::keep_block_text false: the text is then only in
  // Document::text, at `span` after the marker and its space.
  std::string text;
  std::vector<Row> rows;  // kTable only
  Span span;              // the block's rendered text, marker included (filled by rendering)
};

struct Document {
  // The name of the reader that read it ("docx", "text": Reader::name()); empty until read.
  std::string format;
  // The input as it was read: its size and SHA-256 (lower-case hex), so every output can name
  // exactly which bytes it came from.
  size_t source_bytes = 0;
  std::string sha256;

  std::vector<Block> body;
  // The parts Word shows apart from the body, in document order. Notes carry their marker ("[1]").
  std::vector<Block> footnotes;
  std::vector<Block> endnotes;
  std::vector<Block> comments;
  std::vector<Block> headers;
  std::vector<Block> footers;

  // The canonical plain text (what `minutes text` prints) and where the body ends in it.
  std::string text;
  size_t body_end = 0;
};

// Fills `doc->text`, `doc->body_end` and every span, from the blocks. Deterministic: the same
// blocks always give the same bytes. Rules:
//   - blocks are separated by one blank line; empty paragraphs are skipped;
//   - a block with a marker is printed "<marker> <text>"; an image as "[image: <alt>]" or
//   "[image]";
//   - a table prints one line per row, cells separated by '\t' (a cell spanning n grid columns is
//     followed by n-1 extra tabs, so columns stay aligned); a cell's own blocks are joined by '\n';
//     a nested table inside a cell prints its rows on lines of their own, cells separated by " | ";
//   - after the body come footnotes, endnotes, comments, headers and footers, same separators.
void RenderDocument(Document* doc);

}  // namespace minutes

#endif  // MINUTES_INGEST_DOCUMENT_H_
