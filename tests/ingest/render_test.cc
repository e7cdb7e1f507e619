// RenderDocument: the canonical plain text and the spans every later stage points with.

#include <gtest/gtest.h>

#include <string>

#include "ingest/document.h"

namespace minutes {
namespace {

Block Para(const std::string& text) {
  Block b;
  b.text = text;
  return b;
}

Cell TextCell(const std::string& text) {
  Cell c;
  if (!text.empty()) c.blocks.push_back(Para(text));
  return c;
}

Block Table(std::vector<std::vector<std::string>> rows) {
  Block t;
  t.kind = BlockKind::kTable;
  for (auto& cells : rows) {
    Row r;
    for (auto& c : cells) r.cells.push_back(TextCell(c));
    t.rows.push_back(std::move(r));
  }
  return t;
}

std::string SpanText(const Document& d, Span s) { return d.text.substr(s.start, s.size()); }

TEST(RenderTest, BlocksAreSeparatedByABlankLineAndEmptyOnesSkipped) {
  Document d;
  d.body = {Para("Title"), Para(""), Para("   "), Para("Body text")};
  RenderDocument(&d);
  EXPECT_EQ("Title\n\nBody text\n", d.text);
  EXPECT_EQ("Body text", SpanText(d, d.body[3].span));
  EXPECT_EQ(d.text.size() - 1, d.body_end);
}

TEST(RenderTest, ListItemsCarryTheirMarker) {
  Document d;
  Block item = Para("Minutes agreed");
  item.kind = BlockKind::kListItem;
  item.marker = "1.";
  d.body = {item};
  RenderDocument(&d);
  EXPECT_EQ("1. Minutes agreed\n", d.text);
  EXPECT_EQ("1. Minutes agreed", SpanText(d, d.body[0].span));
}

TEST(RenderTest, ImagesRenderAsPlaceholders) {
  Document d;
  Block with_alt;
  with_alt.kind = BlockKind::kImage;
  with_alt.text = "Chart of allowances";
  Block without_alt;
  without_alt.kind = BlockKind::kImage;
  d.body = {with_alt, without_alt};
  RenderDocument(&d);
  EXPECT_EQ("[image: Chart of allowances]\n\n[image]\n", d.text);
}

TEST(RenderTest, TableCellsAreTabSeparatedRowsNewlineSeparated) {
  Document d;
  d.body = {Para("Action log"),
            Table({{"", "Action", "Status"}, {"49", "MC to share", "complete"}})};
  RenderDocument(&d);
  EXPECT_EQ("Action log\n\n\tAction\tStatus\n49\tMC to share\tcomplete\n", d.text);
  const Block& t = d.body[1];
  EXPECT_EQ("49\tMC to share\tcomplete", SpanText(d, t.rows[1].span));
  EXPECT_EQ("MC to share", SpanText(d, t.rows[1].cells[1].span));
  EXPECT_EQ("", SpanText(d, t.rows[0].cells[0].span));
}

TEST(RenderTest, GridSpanKeepsColumnsAligned) {
  Document d;
  Block t = Table({{"wide", "c"}, {"a", "b", "c"}});
  t.rows[0].cells[0].grid_span = 2;
  d.body = {t};
  RenderDocument(&d);
  EXPECT_EQ("wide\t\tc\na\tb\tc\n", d.text);
  EXPECT_EQ("c", SpanText(d, d.body[0].rows[0].cells[1].span));
}

TEST(RenderTest, MultiParagraphCellsJoinWithNewline) {
  Document d;
  Block t = Table({{"47", ""}});
  t.rows[0].cells[1].blocks = {Para("Ongoing/"), Para("complete")};
  d.body = {t};
  RenderDocument(&d);
  EXPECT_EQ("47\tOngoing/\ncomplete\n", d.text);
  EXPECT_EQ("Ongoing/\ncomplete", SpanText(d, d.body[0].rows[0].cells[1].span));
}

TEST(RenderTest, NestedTablesDoNotAddColumnsToTheOuterTable) {
  Document d;
  Block outer = Table({{"outer", ""}});
  outer.rows[0].cells[1].blocks = {Table({{"i1", "i2"}, {"i3", "i4"}})};
  d.body = {outer};
  RenderDocument(&d);
  EXPECT_EQ("outer\ti1 | i2\ni3 | i4\n", d.text);
}

TEST(RenderTest, PartsFollowTheBodyInAFixedOrder) {
  Document d;
  d.body = {Para("Body")};
  Block note = Para("A footnote");
  note.marker = "[1]";
  d.footnotes = {note};
  d.comments = {Para("A comment")};
  d.headers = {Para("OFFICIAL")};
  d.footers = {Para("Page 1")};
  RenderDocument(&d);
  EXPECT_EQ("Body\n\n[1] A footnote\n\nA comment\n\nOFFICIAL\n\nPage 1\n", d.text);
  EXPECT_EQ(4u, d.body_end);
  EXPECT_EQ("[1] A footnote", SpanText(d, d.footnotes[0].span));
}

TEST(RenderTest, IsDeterministic) {
  Document a;
  a.body = {Para("x"), Table({{"1", "2"}})};
  Document b = a;
  RenderDocument(&a);
  RenderDocument(&b);
  RenderDocument(&b);  // rendering twice gives the same bytes
  EXPECT_EQ(a.text, b.text);
}

TEST(RenderTest, EmptyDocumentRendersToNothing) {
  Document d;
  RenderDocument(&d);
  EXPECT_EQ("", d.text);
}

}  // namespace
}  // namespace minutes
