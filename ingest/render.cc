// Renders a Document's blocks to the canonical plain text and records every span.

#include <algorithm>
#include <string>
#include <vector>

#include "ingest/document.h"

namespace minutes {
namespace {

bool IsEmptyBlock(const Block& b) {
  switch (b.kind) {
    case BlockKind::kTable:
      return b.rows.empty();
    case BlockKind::kImage:
      return false;
    default:
      // A paragraph of only spaces or tabs shows nothing in Word either.
      return b.marker.empty() && b.text.find_first_not_of(" \t") == std::string::npos;
  }
}

// At least the bytes Renderer writes for `blocks` (a bound, not the size: empty blocks count
// too), so the text is allocated once rather than grown by doubling, which holds the old and the
// new copy at once and ~1.5 times the text at the end.
size_t RenderedSizeBound(const std::vector<Block>& blocks) {
  size_t n = 0;
  for (const Block& b : blocks) {
    // separator, marker and its space, "[image: ]"
    n += 2 + b.marker.size() + 1 + b.text.size() + 9;
    for (const Row& row : b.rows) {
      n += 1;
      for (const Cell& cell : row.cells)
        n += 3 + static_cast<size_t>(std::max(cell.grid_span, 1)) + cell.blocks.size() +
             RenderedSizeBound(cell.blocks);
    }
  }
  return n;
}

class Renderer {
 public:
  explicit Renderer(std::string* out) : out_(*out) {}

  // Renders `blocks` as top-level blocks: one blank line between them.
  void TopLevel(std::vector<Block>* blocks) {
    for (Block& b : *blocks) {
      if (IsEmptyBlock(b)) {
        b.span = Span{out_.size(), out_.size()};
        continue;
      }
      if (!out_.empty()) out_ += "\n\n";
      RenderBlock(&b, /*nested=*/false);
    }
  }

 private:
  void RenderBlock(Block* b, bool nested) {
    b->span.start = out_.size();
    switch (b->kind) {
      case BlockKind::kTable:
        RenderTable(b, nested);
        break;
      case BlockKind::kImage:
        out_ += b->text.empty() ? "[image]" : "[image: " + b->text + "]";
        break;
      default:
        if (!b->marker.empty()) {
          out_ += b->marker;
          out_ += ' ';
        }
        out_ += b->text;
        break;
    }
    b->span.end = out_.size();
  }

  // Top-level table rows end at '\n' (except the last); cells are tab-separated. A nested table
  // (inside a cell) must not introduce tabs that would shift the outer table's columns.
  void RenderTable(Block* table, bool nested) {
    const char* cell_sep = nested ? " | " : "\t";
    for (size_t r = 0; r < table->rows.size(); ++r) {
      Row& row = table->rows[r];
      if (r > 0) out_ += '\n';
      row.span.start = out_.size();
      for (size_t c = 0; c < row.cells.size(); ++c) {
        Cell& cell = row.cells[c];
        if (c > 0) out_ += cell_sep;
        RenderCell(&cell);
        if (!nested) {
          for (int extra = 1; extra < cell.grid_span; ++extra) out_ += '\t';
        }
      }
      row.span.end = out_.size();
    }
  }

  void RenderCell(Cell* cell) {
    cell->span.start = out_.size();
    bool first = true;
    for (Block& b : cell->blocks) {
      if (IsEmptyBlock(b)) {
        b.span = Span{out_.size(), out_.size()};
        continue;
      }
      if (!first) out_ += '\n';
      first = false;
      RenderBlock(&b, /*nested=*/true);
    }
    cell->span.end = out_.size();
  }

  std::string& out_;
};

}  // namespace

void RenderDocument(Document* doc) {
  doc->text.clear();
  doc->text.reserve(RenderedSizeBound(doc->body) + RenderedSizeBound(doc->footnotes) +
                    RenderedSizeBound(doc->endnotes) + RenderedSizeBound(doc->comments) +
                    RenderedSizeBound(doc->headers) + RenderedSizeBound(doc->footers) + 1);
  Renderer r(&doc->text);
  r.TopLevel(&doc->body);
  doc->body_end = doc->text.size();
  r.TopLevel(&doc->footnotes);
  r.TopLevel(&doc->endnotes);
  r.TopLevel(&doc->comments);
  r.TopLevel(&doc->headers);
  r.TopLevel(&doc->footers);
  if (!doc->text.empty()) doc->text += '\n';
}

}  // namespace minutes
