// Internal to extract: positions in a rendered Document, found in O(log n) so extraction stays
// linear in the size of the notes (a 1 MB note has tens of thousands of mentions; a scan per lookup
// would be quadratic).

#ifndef MINUTES_EXTRACT_SPANS_H_
#define MINUTES_EXTRACT_SPANS_H_

#include <algorithm>
#include <cstdint>
#include <string_view>
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

// The top-level body block whose text holds `pos`, or nullptr.
const Block* BlockAt(const Document& doc, size_t pos);

// The table cell, or else the body block, whose text holds `pos`; {pos, pos} outside the body.
Span ParagraphAt(const Document& doc, size_t pos);

// The table row, or else the body block, whose text holds `pos`.
Span RowAt(const Document& doc, size_t pos);

// Where sentences and clauses may end in a text, found in one pass so that each lookup below is
// O(log n) however long the sentence: a note can be one line of 25,000 figures, and a scan per
// lookup would be quadratic. Built once per document (Workspace::breaks); 4 bytes per line,
// sentence end or semicolon (offsets fit 32 bits: common/span.h).
class TextBreaks {
 public:
  explicit TextBreaks(std::string_view text);

  // The sentence that holds `pos` in paragraph `para` (ParagraphAt(pos)): bounded by ". ", "? ",
  // "! ", a line break or the paragraph's edges.
  Span SentenceAt(Span para, size_t pos) const;
  // The clause of SentenceAt(para, pos) that holds `pos`: the sentence cut at semicolons.
  Span ClauseAt(Span para, size_t pos) const;

 private:
  // Where the sentence after the end at `end` starts: after the line break, or after the sentence
  // end and its space. Increases with `end`, so ends_ is sorted by it too.
  size_t StartAfter(size_t end) const { return end + (text_[end] == '\n' ? 1 : 2); }

  // Positions of a line break or of a ".", "?" or "!" followed by a space, where one ends.
  std::vector<uint32_t> ends_;
  std::vector<uint32_t> semicolons_;
  std::string_view text_;
};

// The sentence that holds `pos`, as TextBreaks::SentenceAt(ParagraphAt(doc, pos), pos).
Span SentenceAt(const Document& doc, const TextBreaks& breaks, size_t pos);

// The clause of SentenceAt(pos) that holds `pos`: the sentence cut at semicolons.
Span ClauseAt(const Document& doc, const TextBreaks& breaks, size_t pos);

}  // namespace minutes

#endif  // MINUTES_EXTRACT_SPANS_H_
