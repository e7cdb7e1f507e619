// Positions in a rendered Document: which block, row, cell, sentence or clause holds a byte.

#include "extract/spans.h"

#include <string_view>

namespace minutes {

const Block* BlockAt(const Document& doc, size_t pos) {
  return ItemAt(doc.body, pos, [](const Block& b) { return b.span; });
}

Span ParagraphAt(const Document& doc, size_t pos) {
  const Block* b = BlockAt(doc, pos);
  if (b == nullptr) return Span{pos, pos};
  if (b->kind != BlockKind::kTable) return b->span;
  const Row* r = ItemAt(b->rows, pos, [](const Row& row) { return row.span; });
  if (r != nullptr)
    for (const Cell& c : r->cells)
      if (pos >= c.span.start && pos < c.span.end) return c.span;
  return b->span;
}

Span RowAt(const Document& doc, size_t pos) {
  const Block* b = BlockAt(doc, pos);
  if (b == nullptr) return Span{pos, pos};
  if (b->kind == BlockKind::kTable)
    if (const Row* r = ItemAt(b->rows, pos, [](const Row& row) { return row.span; }))
      return r->span;
  return b->span;
}

Span SentenceAt(const Document& doc, size_t pos) {
  Span para = ParagraphAt(doc, pos);
  std::string_view text(doc.text);
  size_t b = pos, e = pos;
  while (b > para.start) {
    char c = text[b - 1];
    if (c == '\n') break;
    if (b >= para.start + 2 && (text[b - 2] == '.' || text[b - 2] == '?' || text[b - 2] == '!') &&
        c == ' ')
      break;
    --b;
  }
  while (e < para.end) {
    char c = text[e];
    if (c == '\n') break;
    if ((c == '.' || c == '?' || c == '!') && (e + 1 == para.end || text[e + 1] == ' ')) {
      ++e;
      break;
    }
    ++e;
  }
  return Span{b, e};
}

Span ClauseAt(const Document& doc, size_t pos) {
  Span sentence = SentenceAt(doc, pos);
  std::string_view s = std::string_view(doc.text).substr(sentence.start, sentence.size());
  size_t rel = pos - sentence.start;
  size_t before = s.rfind(';', rel);
  size_t after = s.find(';', rel);
  size_t b = before == std::string_view::npos ? 0 : before + 1;
  size_t e = after == std::string_view::npos ? s.size() : after;
  return Span{sentence.start + b, sentence.start + e};
}

}  // namespace minutes
