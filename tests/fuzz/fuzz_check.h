// What every fuzz target asserts, beyond "no crash and no sanitizer report": the promises a user of
// minutes relies on, checked on whatever the fuzzer makes.
//
//   minutes::Document doc;
//   minutes::Status s = minutes::ReadBytes(bytes, minutes::fuzz::SmallLimits("docx"), &doc);
//   minutes::fuzz::CheckRead(s, doc);          // a refusal says why; a read document is sound
//
// A failed check prints what broke (never the input: it may be anyone's notes) and aborts, which
// libFuzzer reports as a crash and saves the input, and which fails the replay test
// (replay_main.cc) that runs the kept regressions in every build.

#ifndef MINUTES_TESTS_FUZZ_FUZZ_CHECK_H_
#define MINUTES_TESTS_FUZZ_FUZZ_CHECK_H_

#include <string>
#include <string_view>

#include "common/span.h"
#include "common/status.h"
#include "ingest/document.h"
#include "ingest/ingest.h"
#include "model/model.h"

namespace minutes::fuzz {

// Prints "fuzz check failed: <what> (<file>:<line>)" to stderr and aborts.
[[noreturn]] void Fail(const char* what, const char* file, int line);

#define FUZZ_CHECK(cond)                                           \
  do {                                                             \
    if (!(cond)) ::minutes::fuzz::Fail(#cond, __FILE__, __LINE__); \
  } while (0)

// IngestOptions for `format` ("" sniffs) with limits small enough that a bomb is refused in
// milliseconds instead of being explored slowly: 1 MiB in, 8 MiB inflated, 1,000 zip entries,
// 50 PDF pages and 20,000 PDF objects. The XML depth keeps its default (libxml2's own cap).
IngestOptions SmallLimits(std::string_view format);

// True when `s` is well-formed UTF-8 (no overlong forms, surrogates or code points past U+10FFFF).
bool IsUtf8(std::string_view s);

// `span` lies inside a text of `size` bytes: start <= end <= size.
bool Inside(const Span& span, size_t size);

// A refusal has a non-empty one-line message and a kind. A read document is sound: CheckDocument.
void CheckRead(const Status& s, const Document& doc);

// The canonical text is UTF-8, body_end lies inside it, and every block, row and cell span lies
// inside it (and inside the body for body blocks).
void CheckDocument(const Document& doc);

// Every span of every extracted item lies inside `text`, and where the model says an item's text
// is the figure or name as written (money, LA mentions, initials), it is exactly the bytes its span
// covers. Every string a user is shown is UTF-8.
void CheckExtraction(const Extraction& x, std::string_view text);

}  // namespace minutes::fuzz

#endif  // MINUTES_TESTS_FUZZ_FUZZ_CHECK_H_
