// Internal to ingest: IngestOptions' limits on what one document may hold (max_blocks,
// max_paragraph_bytes, max_table_cells) and on how long reading it may take (max_seconds).
//
//   DocumentLimits limits(options);            // the clock for max_seconds starts here
//   for (...each block the reader builds...) {
//     doc->body.push_back(std::move(block));
//     if (Status s = limits.Count(doc->body.back()); !s.ok()) return s;
//   }
//
// Readers count what they build as they go, so a hostile input is refused as soon as it passes a
// limit, before it has cost more memory than the limits allow; ReadBytes counts the whole
// document once more after any reader, so the limits hold even where a reader does not count.
// Counting is linear in what is counted.

#ifndef MINUTES_INGEST_LIMITS_H_
#define MINUTES_INGEST_LIMITS_H_

#include <cstddef>
#include <vector>

#include "common/deadline.h"
#include "common/status.h"
#include "ingest/document.h"
#include "ingest/ingest.h"

namespace minutes {

class DocumentLimits {
 public:
  explicit DocumentLimits(const IngestOptions& options);

  // Counts `block` (and for a table, its cells and every block inside them) against max_blocks,
  // max_table_cells and max_paragraph_bytes, and checks the clock every few thousand blocks.
  // kTooLarge naming the first limit passed.
  Status Count(const Block& block);
  // Count() for each of `blocks`.
  Status CountAll(const std::vector<Block>& blocks);
  // For a table built row by row: Count(table) is CountBlock(table) and CountRow(row) for each row.
  Status CountBlock(const Block& block);
  Status CountRow(const Row& row);
  // OK, or kTooLarge "... longer than max_seconds (S)".
  Status CheckTime() const { return deadline_.Check(); }

 private:
  const IngestOptions* options_;  // a pointer, so that a trial count can be copied back
  Deadline deadline_;
  size_t blocks_ = 0;
  size_t cells_ = 0;
};

// Counts every part of `doc` (body, notes, comments, headers, footers) with a fresh
// DocumentLimits: what ReadBytes checks after any reader.
Status CheckDocumentLimits(const Document& doc, const IngestOptions& options);

}  // namespace minutes

#endif  // MINUTES_INGEST_LIMITS_H_
