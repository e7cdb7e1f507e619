// Internal to extract: finding things by position in O(log n), so extraction stays linear in the
// size of the notes (a 1 MB note has tens of thousands of mentions; a scan per lookup would be
// quadratic).

#ifndef MINUTES_EXTRACT_SPANS_H_
#define MINUTES_EXTRACT_SPANS_H_

#include <algorithm>
#include <vector>

#include "ingest/document.h"

namespace minutes {

inline bool Overlaps(Span a, Span b) { return a.start < b.end && b.start < a.end; }
inline bool Inside(Span inner, Span outer) {
  return inner.start >= outer.start && inner.end <= outer.end;
}

// Indices [first, last) of the spans in `sorted` (sorted by start, not overlapping each other)
// that overlap `s`.
inline std::pair<size_t, size_t> OverlappingRange(const std::vector<Span>& sorted, Span s) {
  // Non-overlapping spans sorted by start are sorted by end too.
  auto first = std::upper_bound(sorted.begin(), sorted.end(), s.start,
                                [](size_t pos, const Span& x) { return pos < x.end; });
  auto last = first;
  while (last != sorted.end() && last->start < s.end) ++last;
  return {static_cast<size_t>(first - sorted.begin()), static_cast<size_t>(last - sorted.begin())};
}

inline bool AnyOverlapping(const std::vector<Span>& sorted, Span s) {
  auto [first, last] = OverlappingRange(sorted, s);
  return first < last;
}

// The element of `items` (sorted by Span start, as `span_of` gives it) whose span holds `pos`, or
// nullptr. Empty spans hold nothing.
template <typename T, typename SpanOf>
const T* ItemAt(const std::vector<T>& items, size_t pos, SpanOf span_of) {
  auto it = std::upper_bound(items.begin(), items.end(), pos,
                             [&](size_t p, const T& x) { return p < span_of(x).start; });
  while (it != items.begin()) {
    --it;
    Span s = span_of(*it);
    if (pos >= s.start && pos < s.end) return &*it;
    if (s.start < s.end) return nullptr;  // the nearest non-empty item before pos ends before it
  }
  return nullptr;
}

}  // namespace minutes

#endif  // MINUTES_EXTRACT_SPANS_H_
