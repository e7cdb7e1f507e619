// The position helpers: span arithmetic, and which block, cell, row, sentence or clause of a
// rendered document holds a byte.

#include "extract/spans.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "tests/extract/text_document.h"

namespace minutes {
namespace {

std::string At(const Document& doc, Span s) { return doc.text.substr(s.start, s.size()); }

TEST(SpansTest, OverlapsAndInside) {
  static const struct {
    Span a, b;
    bool overlaps;
    bool a_inside_b;
  } kCases[] = {
      {{0, 5}, {5, 10}, false, false},  // touching spans do not overlap
      {{5, 10}, {0, 5}, false, false}, {{0, 5}, {4, 10}, true, false},
      {{0, 5}, {6, 10}, false, false}, {{2, 4}, {0, 10}, true, true},
      {{0, 10}, {2, 4}, true, false},  {{0, 10}, {0, 10}, true, true},  // a span is inside itself
      {{0, 5}, {1, 5}, true, false},   {{1, 6}, {1, 5}, true, false},
      {{5, 5}, {0, 5}, false, true},  // an empty span at the end: inside, overlapping nothing
  };
  for (const auto& c : kCases) {
    SCOPED_TRACE(testing::Message() << "[" << c.a.start << "," << c.a.end << ") [" << c.b.start
                                    << "," << c.b.end << ")");
    EXPECT_EQ(c.overlaps, Overlaps(c.a, c.b));
    EXPECT_EQ(c.overlaps, Overlaps(c.b, c.a));  // symmetric
    EXPECT_EQ(c.a_inside_b, Inside(c.a, c.b));
  }
}

TEST(SpansTest, OverlappingRange) {
  const std::vector<Span> sorted = {{0, 2}, {4, 6}, {8, 10}};
  static const struct {
    Span query;
    size_t first, last;
  } kCases[] = {
      {{0, 1}, 0, 1},    // inside the first
      {{1, 5}, 0, 2},    // across the first gap
      {{2, 4}, 1, 1},    // the gap, touching both sides: none
      {{6, 8}, 2, 2},    // the other gap: none
      {{5, 9}, 1, 3},    // the last two
      {{9, 10}, 2, 3},   // the end of the last
      {{0, 100}, 0, 3},  // all
      {{10, 12}, 3, 3},  // after all: none
  };
  for (const auto& c : kCases) {
    auto [first, last] = OverlappingRange(sorted, c.query);
    EXPECT_EQ(c.first, first) << c.query.start << "," << c.query.end;
    EXPECT_EQ(c.last, last) << c.query.start << "," << c.query.end;
    EXPECT_EQ(c.first < c.last, AnyOverlapping(sorted, c.query));
  }
  auto [first, last] = OverlappingRange({}, Span{0, 10});
  EXPECT_EQ(first, last);
}

TEST(SpansTest, ItemAt) {
  // An empty item at 3 and one at 8 (an empty paragraph's span) sit among the others.
  const std::vector<Span> items = {{0, 3}, {3, 3}, {5, 8}, {8, 8}, {8, 9}};
  static const struct {
    size_t pos;
    int index;  // -1: none
  } kCases[] = {
      {0, 0}, {2, 0}, {3, -1}, {4, -1}, {5, 2}, {7, 2}, {8, 4}, {9, -1}, {100, -1},
  };
  auto span_of = [](const Span& s) { return s; };
  for (const auto& c : kCases) {
    const Span* got = ItemAt(items, c.pos, span_of);
    if (c.index < 0) {
      EXPECT_EQ(nullptr, got) << c.pos;
    } else {
      EXPECT_EQ(&items[c.index], got) << c.pos;
    }
  }
  EXPECT_EQ(nullptr, ItemAt(std::vector<Span>{}, 0, span_of));
}

// Three blocks: a title, a paragraph of several sentences and a table.
const char kNotes[] =
    "Notes\n"
    "Item 1: KL said the hub opens. Is it ready? Yes! It is; the staff are trained. It costs "
    "£2.5m.\n"
    "Ref\tAction\tOwner\n"
    "1\tSend the slides. Then the notes\tKL\n";

// The first occurrence of `needle` at or after `from`.
size_t Pos(const Document& doc, const char* needle, const char* from = "") {
  size_t pos = doc.text.find(needle, doc.text.find(from));
  EXPECT_NE(std::string::npos, pos) << needle;
  return pos;
}

TEST(SpansTest, ParagraphAndRowInACellOrAParagraph) {
  Document doc = minutes_test::TextDocument(kNotes);
  ASSERT_EQ(3u, doc.body.size());
  ASSERT_EQ(BlockKind::kTable, doc.body[2].kind);
  static const struct {
    const char* needle;
    const char* from;
    const char* paragraph;  // nullptr: no block holds it, ParagraphAt and RowAt give {pos, pos}
    const char* row;
  } kCases[] = {
      {"Notes", "", "Notes", "Notes"},
      {"hub", "",
       "Item 1: KL said the hub opens. Is it ready? Yes! It is; the staff are trained. It costs "
       "£2.5m.",
       "Item 1: KL said the hub opens. Is it ready? Yes! It is; the staff are trained. It costs "
       "£2.5m."},
      {"Ref", "", "Ref", "Ref\tAction\tOwner"},
      {"Owner", "", "Owner", "Ref\tAction\tOwner"},
      {"slides", "", "Send the slides. Then the notes", "1\tSend the slides. Then the notes\tKL"},
      {"KL", "Then", "KL", "1\tSend the slides. Then the notes\tKL"},
      // The tab between two cells is in the row but in no cell: the paragraph is the table.
      {"\tKL", "", "Ref\tAction\tOwner\n1\tSend the slides. Then the notes\tKL",
       "1\tSend the slides. Then the notes\tKL"},
      // The blank line between blocks.
      {"\n\nItem", "", nullptr, nullptr},
  };
  for (const auto& c : kCases) {
    size_t pos = Pos(doc, c.needle, c.from);
    if (c.paragraph == nullptr) {
      EXPECT_EQ(nullptr, BlockAt(doc, pos)) << c.needle;
      EXPECT_EQ((Span{pos, pos}), ParagraphAt(doc, pos)) << c.needle;
      EXPECT_EQ((Span{pos, pos}), RowAt(doc, pos)) << c.needle;
      continue;
    }
    ASSERT_NE(nullptr, BlockAt(doc, pos)) << c.needle;
    EXPECT_EQ(c.paragraph, At(doc, ParagraphAt(doc, pos))) << c.needle;
    EXPECT_EQ(c.row, At(doc, RowAt(doc, pos))) << c.needle;
  }
  // Past the body.
  EXPECT_EQ((Span{doc.text.size(), doc.text.size()}), ParagraphAt(doc, doc.text.size()));
}

TEST(SpansTest, SentencesAndClauses) {
  Document doc = minutes_test::TextDocument(kNotes);
  static const struct {
    const char* needle;
    const char* sentence;
    const char* clause;
  } kCases[] = {
      {"Notes", "Notes", "Notes"},
      {"Item", "Item 1: KL said the hub opens.", "Item 1: KL said the hub opens."},
      {"opens.", "Item 1: KL said the hub opens.", "Item 1: KL said the hub opens."},
      {"ready", "Is it ready?", "Is it ready?"},
      {"Yes", "Yes!", "Yes!"},
      {"It is", "It is; the staff are trained.", "It is"},
      {"staff", "It is; the staff are trained.", " the staff are trained."},
      // A decimal point does not end a sentence.
      {"costs", "It costs £2.5m.", "It costs £2.5m."},
      // A cell bounds its sentences.
      {"Send", "Send the slides.", "Send the slides."},
      {"Then", "Then the notes", "Then the notes"},
      {"Owner", "Owner", "Owner"},
  };
  TextBreaks breaks(doc.text);
  for (const auto& c : kCases) {
    size_t pos = Pos(doc, c.needle);
    EXPECT_EQ(c.sentence, At(doc, SentenceAt(doc, breaks, pos))) << c.needle;
    EXPECT_EQ(c.clause, At(doc, ClauseAt(doc, breaks, pos))) << c.needle;
  }
}

TEST(SpansTest, ALineBreakEndsASentence) {
  // Built by hand: in text notes every line is a paragraph of its own; a Word paragraph keeps its
  // line breaks.
  Document doc;
  Block b;
  b.text = "Agreed\nKL to send the slides; AB to check them";
  doc.body.push_back(b);
  RenderDocument(&doc);
  static const struct {
    const char* needle;
    const char* sentence;
    const char* clause;
  } kCases[] = {
      {"Agreed", "Agreed", "Agreed"},
      {"KL", "KL to send the slides; AB to check them", "KL to send the slides"},
      {"AB", "KL to send the slides; AB to check them", " AB to check them"},
  };
  TextBreaks breaks(doc.text);
  for (const auto& c : kCases) {
    size_t pos = Pos(doc, c.needle);
    EXPECT_EQ(c.sentence, At(doc, SentenceAt(doc, breaks, pos))) << c.needle;
    EXPECT_EQ(c.clause, At(doc, ClauseAt(doc, breaks, pos))) << c.needle;
  }
}

}  // namespace
}  // namespace minutes
