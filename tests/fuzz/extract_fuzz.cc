// Fuzz target "extract": any bytes decoded as text notes, then the whole extraction (meeting,
// attendance, actions, money, LA mentions, initials, decisions, findings) and its JSON. Seeds: the
// text notes of samples/ and the peer corpus's text renderings.
//
// What a user relies on: Extract never fails or throws; every item points inside the text; the
// JSON it writes is what `minutes load` reads back, to the same JSON.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "export/export.h"
#include "extract/extract.h"
#include "ingest/ingest.h"
#include "tests/fuzz/fuzz_check.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  // 64 KiB: far longer than any line or table the fuzzer needs to reach a rule, short enough that
  // each input runs in milliseconds.
  static const minutes::IngestOptions options = [] {
    minutes::IngestOptions o = minutes::fuzz::SmallLimits("text");
    o.max_input_bytes = 64u << 10;
    return o;
  }();
  minutes::Document doc;
  minutes::Status s = minutes::ReadBytes(
      std::string_view(reinterpret_cast<const char*>(data), size), options, &doc);
  minutes::fuzz::CheckRead(s, doc);
  if (!s.ok()) return 0;

  minutes::Extraction x = minutes::Extract(doc, minutes::SourceOf("fuzz.txt", doc), {});
  minutes::fuzz::CheckExtraction(x, doc.text);

  const std::string json = minutes::ToJson(x, 0);
  FUZZ_CHECK(minutes::fuzz::IsUtf8(json));
  minutes::Extraction back;
  FUZZ_CHECK(minutes::ParseJson(json, &back).ok());
  FUZZ_CHECK(minutes::ToJson(back, 0) == json);
  FUZZ_CHECK(minutes::fuzz::IsUtf8(minutes::ValidationJson(x, doc.text, false)));
  return 0;
}
