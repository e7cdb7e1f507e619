// libFuzzer target: any bytes through ingest and, when they read, extraction. Run by hand:
//
//   CC=clang CXX=clang++ cmake -S . -B build-fuzz -DMINUTES_BUILD_FUZZERS=ON
//   -DMINUTES_BUILD_TESTS=OFF cmake --build build-fuzz --target ingest_fuzz
//   build-fuzz/tests/fuzz/ingest_fuzz -max_total_time=600 corpus/ samples/seeds samples/cases
//
// Every input must end in a Status or an Extraction: no crash, no sanitizer report, no hang.
// Limits are small so a bomb is refused quickly rather than explored slowly.

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "extract/extract.h"
#include "ingest/ingest.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  minutes::IngestOptions options;
  options.max_input_bytes = 1 << 20;
  options.max_decompressed_bytes = 8 << 20;
  options.max_zip_entries = 1000;
  minutes::Document doc;
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  minutes::Status s = minutes::ReadBytes(bytes, options, &doc);
  if (!s.ok()) {
    // A refusal must say why.
    if (s.message().empty()) __builtin_trap();
    return 0;
  }
  minutes::Extraction x = minutes::Extract(doc, {}, {});
  // Every span must lie inside the text it points into.
  for (const minutes::LaMentionItem& m : x.la_mentions)
    if (m.evidence.span.end > doc.text.size()) __builtin_trap();
  for (const minutes::Money& m : x.money)
    if (m.evidence.span.end > doc.text.size()) __builtin_trap();
  return 0;
}
