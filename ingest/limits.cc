#include "ingest/limits.h"

#include <string>

namespace minutes {

namespace {

// How many blocks pass between two reads of the clock: a block costs microseconds, so the
// deadline is seen within milliseconds while the clock costs nothing measurable.
constexpr size_t kBlocksPerClockCheck = 4096;

}  // namespace

DocumentLimits::DocumentLimits(const IngestOptions& options)
    : options_(&options), deadline_(Deadline::After(options.max_seconds)) {}

Status DocumentLimits::Count(const Block& block) {
  if (Status s = CountBlock(block); !s.ok()) return s;
  for (const Row& row : block.rows)
    if (Status s = CountRow(row); !s.ok()) return s;
  return Status::OK();
}

Status DocumentLimits::CountBlock(const Block& block) {
  if (++blocks_ > options_->max_blocks)
    return Status::TooLarge("the document has more than max_blocks (" +
                            std::to_string(options_->max_blocks) + ") blocks");
  if (blocks_ % kBlocksPerClockCheck == 0)
    if (Status s = deadline_.Check(); !s.ok()) return s;
  if (block.text.size() + block.marker.size() > options_->max_paragraph_bytes)
    return Status::TooLarge("a paragraph is longer than max_paragraph_bytes (" +
                            std::to_string(options_->max_paragraph_bytes) + ") bytes");
  return Status::OK();
}

Status DocumentLimits::CountRow(const Row& row) {
  cells_ += row.cells.size();
  if (cells_ > options_->max_table_cells)
    return Status::TooLarge("the document's tables have more than max_table_cells (" +
                            std::to_string(options_->max_table_cells) + ") cells");
  for (const Cell& cell : row.cells)
    if (Status s = CountAll(cell.blocks); !s.ok()) return s;
  return Status::OK();
}

Status DocumentLimits::CountAll(const std::vector<Block>& blocks) {
  for (const Block& b : blocks)
    if (Status s = Count(b); !s.ok()) return s;
  return Status::OK();
}

Status CheckDocumentLimits(const Document& doc, const IngestOptions& options) {
  DocumentLimits limits(options);
  for (const std::vector<Block>* part :
       {&doc.body, &doc.footnotes, &doc.endnotes, &doc.comments, &doc.headers, &doc.footers})
    if (Status s = limits.CountAll(*part); !s.ok()) return s;
  return Status::OK();
}

}  // namespace minutes
