// Fuzz target "text": any bytes through the text reader (IngestOptions::format "text"): encoding
// detection (BOMs, UTF-16, invalid UTF-8 read as Windows-1252), line endings, and the tables the
// text writes with tabs. Also asks every reader whether the bytes are its format (Sniff looks at a
// bounded head and tail of any input), as ReadBytes does for every file it is not told the format
// of.

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "ingest/ingest.h"
#include "ingest/reader.h"
#include "tests/fuzz/fuzz_check.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const minutes::IngestOptions options = minutes::fuzz::SmallLimits("text");
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  if (!bytes.empty())
    for (const minutes::Reader* r : minutes::Readers()) (void)r->Sniff(bytes);
  minutes::Document doc;
  minutes::Status s = minutes::ReadBytes(bytes, options, &doc);
  minutes::fuzz::CheckRead(s, doc);
  if (s.ok()) FUZZ_CHECK(doc.format == "text" && doc.source_bytes == size);
  return 0;
}
