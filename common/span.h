// Span: a half-open byte range [start, end) into a document's canonical text (what `minutes text`
// prints). Every extracted item points back at its source bytes with one.
//
// Offsets are 32-bit: a document's text is shorter than kMaxTextBytes (4 GiB), which ingest
// enforces (ReadFile/ReadBytes fail with kTooLarge past it; the default limits stop far below),
// so a Span is 8 bytes. A large note has hundreds of thousands of extracted items, each with one.

#ifndef MINUTES_COMMON_SPAN_H_
#define MINUTES_COMMON_SPAN_H_

#include <cstddef>
#include <cstdint>
#include <limits>

namespace minutes {

// The longest canonical text a document may have: every offset into it, and its size, fit in 32
// bits.
inline constexpr size_t kMaxTextBytes = std::numeric_limits<uint32_t>::max();

struct Span {
  uint32_t start = 0;
  uint32_t end = 0;

  constexpr Span() = default;
  // From offsets into a text no longer than kMaxTextBytes (what ingest guarantees).
  constexpr Span(size_t s, size_t e)
      : start(static_cast<uint32_t>(s)), end(static_cast<uint32_t>(e)) {}

  size_t size() const { return end - start; }
  bool operator==(const Span& o) const { return start == o.start && end == o.end; }
};

}  // namespace minutes

#endif  // MINUTES_COMMON_SPAN_H_
