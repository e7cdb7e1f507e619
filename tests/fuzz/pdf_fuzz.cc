// Fuzz target "pdf": any bytes through the PDF reader (IngestOptions::format "pdf"): poppler's
// parsing behind our limits (pages, objects, inflated stream bytes), then our layout of the words
// into lines, paragraphs, headings, tables and running headers. Seeds: the PDFs of samples/.

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "ingest/ingest.h"
#include "tests/fuzz/fuzz_check.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const minutes::IngestOptions options = minutes::fuzz::SmallLimits("pdf");
  minutes::Document doc;
  minutes::Status s = minutes::ReadBytes(
      std::string_view(reinterpret_cast<const char*>(data), size), options, &doc);
  minutes::fuzz::CheckRead(s, doc);
  if (s.ok()) FUZZ_CHECK(doc.format == "pdf");
  return 0;
}
