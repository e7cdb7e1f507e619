// Fuzz target "docx": any bytes read as a Word document (IngestOptions::format "docx"): the zip
// container (entries, sizes, names, zip64, bombs) and each XML part behind it. Seeds: the DOCX
// files of samples/ and the peer corpus; dictionary: ooxml.dict.

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "ingest/ingest.h"
#include "tests/fuzz/fuzz_check.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const minutes::IngestOptions options = minutes::fuzz::SmallLimits("docx");
  minutes::Document doc;
  minutes::Status s = minutes::ReadBytes(
      std::string_view(reinterpret_cast<const char*>(data), size), options, &doc);
  minutes::fuzz::CheckRead(s, doc);
  // A forced reader names its format; the refusal of bytes that are not a zip says so.
  if (s.ok()) FUZZ_CHECK(doc.format == "docx");
  return 0;
}
