// Span: a half-open byte range [start, end) into a document's canonical text (what `minutes text`
// prints). Every extracted item points back at its source bytes with one.

#ifndef MINUTES_COMMON_SPAN_H_
#define MINUTES_COMMON_SPAN_H_

#include <cstddef>

namespace minutes {

struct Span {
  size_t start = 0;
  size_t end = 0;
  size_t size() const { return end - start; }
  bool operator==(const Span& o) const { return start == o.start && end == o.end; }
};

}  // namespace minutes

#endif  // MINUTES_COMMON_SPAN_H_
