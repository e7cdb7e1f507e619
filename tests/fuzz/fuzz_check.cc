#include "tests/fuzz/fuzz_check.h"

#include <unicode/utf8.h>

#include <cstdio>
#include <cstdlib>

namespace minutes::fuzz {

void Fail(const char* what, const char* file, int line) {
  std::fprintf(stderr, "fuzz check failed: %s (%s:%d)\n", what, file, line);
  std::abort();
}

IngestOptions SmallLimits(std::string_view format) {
  IngestOptions o;
  o.format = std::string(format);
  o.max_input_bytes = 1u << 20;
  o.max_decompressed_bytes = 8u << 20;
  o.max_zip_entries = 1000;
  o.max_pdf_pages = 50;
  o.max_pdf_objects = 20000;
  return o;
}

bool IsUtf8(std::string_view s) {
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  const int32_t n = static_cast<int32_t>(s.size());
  for (int32_t i = 0; i < n;) {
    UChar32 c;
    U8_NEXT(p, i, n, c);
    if (c < 0) return false;
  }
  return true;
}

bool Inside(const Span& span, size_t size) { return span.start <= span.end && span.end <= size; }

void CheckRead(const Status& s, const Document& doc) {
  if (!s.ok()) {
    FUZZ_CHECK(!s.message().empty());
    FUZZ_CHECK(s.message().find('\n') == std::string::npos);
    FUZZ_CHECK(!s.kind().empty());
    return;
  }
  CheckDocument(doc);
}

namespace {

void CheckBlocks(const std::vector<Block>& blocks, size_t limit) {
  for (const Block& b : blocks) {
    FUZZ_CHECK(Inside(b.span, limit));
    for (const Row& r : b.rows) {
      FUZZ_CHECK(Inside(r.span, limit));
      for (const Cell& c : r.cells) {
        FUZZ_CHECK(Inside(c.span, limit));
        CheckBlocks(c.blocks, limit);
      }
    }
  }
}

// The item's text is exactly what its span covers in the document's text.
bool Covers(std::string_view text, const Span& span, std::string_view item) {
  return Inside(span, text.size()) && text.substr(span.start, span.size()) == item;
}

}  // namespace

void CheckDocument(const Document& doc) {
  FUZZ_CHECK(IsUtf8(doc.text));
  FUZZ_CHECK(doc.body_end <= doc.text.size());
  CheckBlocks(doc.body, doc.body_end);
  for (const auto* part :
       {&doc.footnotes, &doc.endnotes, &doc.comments, &doc.headers, &doc.footers})
    CheckBlocks(*part, doc.text.size());
}

void CheckExtraction(const Extraction& x, std::string_view text) {
  const size_t n = text.size();
  FUZZ_CHECK(Inside(x.meeting.evidence.span, n));
  FUZZ_CHECK(IsUtf8(x.meeting.title));
  for (const MeetingTime& t : x.meeting.next_meetings) FUZZ_CHECK(Inside(t.evidence.span, n));
  for (const AgendaItem& i : x.items) {
    FUZZ_CHECK(Inside(i.evidence.span, n));
    FUZZ_CHECK(IsUtf8(i.title));
  }
  for (const Person& p : x.people) {
    FUZZ_CHECK(Inside(p.evidence.span, n));
    FUZZ_CHECK(IsUtf8(p.name) && IsUtf8(p.name_raw) && IsUtf8(p.organisation));
  }
  for (const Action& a : x.actions) {
    FUZZ_CHECK(Inside(a.evidence.span, n));
    FUZZ_CHECK(IsUtf8(a.text));
    for (const Owner& o : a.owners) FUZZ_CHECK(Inside(o.span, n));
    if (a.linked_log_index) FUZZ_CHECK(*a.linked_log_index < x.actions.size());
  }
  for (const Money& m : x.money) {
    FUZZ_CHECK(Covers(text, m.evidence.span, m.text));
    FUZZ_CHECK(m.amount.pence >= 0);
  }
  for (const LaMentionItem& m : x.la_mentions) {
    FUZZ_CHECK(Covers(text, m.evidence.span, m.text));
    FUZZ_CHECK(!m.la_codes.empty());
  }
  for (const PersonMention& m : x.person_mentions)
    FUZZ_CHECK(Covers(text, m.evidence.span, m.text));
  for (const Decision& d : x.decisions) {
    FUZZ_CHECK(Inside(d.evidence.span, n));
    FUZZ_CHECK(IsUtf8(d.text));
    for (const Recommendation& r : d.recommendations) FUZZ_CHECK(Inside(r.span, n));
  }
  for (const Finding& f : x.findings) {
    FUZZ_CHECK(Inside(f.span, n));
    FUZZ_CHECK(!f.code.empty() && !f.message.empty());
  }
}

}  // namespace minutes::fuzz
