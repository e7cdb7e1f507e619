// PLACEHOLDER until the DOCX reader lands.
#include "ingest/docx_reader.h"

namespace minutes {

Status ReadDocx(std::string_view bytes, const IngestOptions& options, Document* doc) {
  return Status::Unsupported("DOCX reading is not built yet");
}

}  // namespace minutes
