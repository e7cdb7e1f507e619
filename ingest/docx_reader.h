// Internal to ingest: the WordprocessingML (DOCX) reader.

#ifndef MINUTES_INGEST_DOCX_READER_H_
#define MINUTES_INGEST_DOCX_READER_H_

#include <string_view>

#include "ingest/document.h"
#include "ingest/ingest.h"
#include "common/status.h"

namespace minutes {

// Reads the DOCX package in `bytes` into the blocks of `*doc` (body and parts). Does not render:
// the caller calls RenderDocument. Fails with kCorrupt (not a zip, truncated, malformed XML, no main
// document part) or kTooLarge (a limit in `options`). Never throws.
Status ReadDocx(std::string_view bytes, const IngestOptions& options, Document* doc);

}  // namespace minutes

#endif  // MINUTES_INGEST_DOCX_READER_H_
