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
    if (const Cell* c = ItemAt(r->cells, pos, [](const Cell& cell) { return cell.span; }))
      return c->span;
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

namespace {

bool EndsSentence(char c) { return c == '.' || c == '?' || c == '!'; }

}  // namespace

TextBreaks::TextBreaks(std::string_view text) : text_(text) {
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '\n' || (EndsSentence(c) && i + 1 < text.size() && text[i + 1] == ' ')) {
      ends_.push_back(static_cast<uint32_t>(i));
    } else if (c == ';') {
      semicolons_.push_back(static_cast<uint32_t>(i));
    }
  }
  // Built by doubling, they hold up to twice what they need for as long as the document.
  ends_.shrink_to_fit();
  semicolons_.shrink_to_fit();
}

Span TextBreaks::SentenceAt(Span para, size_t pos) const {
  // The last sentence start at or before pos; one right after a sentence end counts only when
  // that end lies in the paragraph.
  size_t b = para.start;
  auto s = std::partition_point(ends_.begin(), ends_.end(),
                                [&](uint32_t end) { return StartAfter(end) <= pos; });
  if (s != ends_.begin()) {
    size_t q = StartAfter(*--s);
    bool after_newline = text_[q - 1] == '\n';
    if (q > para.start && (after_newline || q >= para.start + 2)) b = q;
  }
  // The first end at or after pos: a line break ends before itself, ". " after its period.
  size_t e = para.end;
  auto t = std::lower_bound(ends_.begin(), ends_.end(), pos);
  if (t != ends_.end() && *t < para.end) e = text_[*t] == '\n' ? *t : *t + 1;
  // A sentence end with no space after it ends the paragraph's last sentence: para.end above.
  return Span{b, e};
}

Span TextBreaks::ClauseAt(Span para, size_t pos) const {
  Span sentence = SentenceAt(para, pos);
  size_t b = sentence.start, e = sentence.end;
  auto after = std::lower_bound(semicolons_.begin(), semicolons_.end(), pos);
  if (after != semicolons_.end() && *after < sentence.end) e = *after;
  // The last semicolon at or before pos (one at pos itself included, as in a backward search).
  auto before = std::upper_bound(semicolons_.begin(), semicolons_.end(), pos);
  if (before != semicolons_.begin() && *--before >= sentence.start) b = *before + 1;
  return Span{b, e};
}

Span SentenceAt(const Document& doc, const TextBreaks& breaks, size_t pos) {
  return breaks.SentenceAt(ParagraphAt(doc, pos), pos);
}

Span ClauseAt(const Document& doc, const TextBreaks& breaks, size_t pos) {
  return breaks.ClauseAt(ParagraphAt(doc, pos), pos);
}

}  // namespace minutes
