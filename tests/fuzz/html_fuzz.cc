// Fuzz target "html": any bytes through the HTML reader (IngestOptions::format "html"): encoding
// from BOM, <meta> charset or the bytes, libxml2's HTML parser with no network and bounded
// nesting, and our walk of the tree into blocks (lists, merged table cells, dropped scripts and
// hidden elements). Seeds: the HTML pages of samples/.

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "ingest/ingest.h"
#include "tests/fuzz/fuzz_check.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const minutes::IngestOptions options = minutes::fuzz::SmallLimits("html");
  minutes::Document doc;
  minutes::Status s = minutes::ReadBytes(
      std::string_view(reinterpret_cast<const char*>(data), size), options, &doc);
  minutes::fuzz::CheckRead(s, doc);
  if (s.ok()) FUZZ_CHECK(doc.format == "html");
  return 0;
}
