// The PDF layout step on words made up here: lines, paragraphs, headings, lists, tables, running
// headers and footers, hyphenated line ends. No PDF and no poppler involved.

#include "ingest/pdf_layout.h"

#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

#include "ingest/word_list.h"

namespace minutes {
namespace {

// Lays out a line of words starting at (x, y): each word is 6 points per character wide, with a
// 3 point space after it ("\t" in `text` leaves a 60 point gap instead: a column or tab stop).
void AddLine(LayoutPage* page, double x, double y, const std::string& text, double size = 11,
             bool bold = false) {
  std::istringstream in(text);
  std::string word;
  double cx = x;
  for (size_t i = 0; i <= text.size();) {
    size_t end = text.find_first_of(" \t", i);
    if (end == std::string::npos) end = text.size();
    word = text.substr(i, end - i);
    if (!word.empty()) {
      LayoutWord w{word, cx, y, cx + 6.0 * word.size(), y + size * 1.3, size, bold};
      page->words.push_back(w);
      cx = w.x1;
    }
    if (end < text.size()) cx += text[end] == '\t' ? 60 : 3;
    i = end + 1;
  }
}

Document Lay(const std::vector<LayoutPage>& pages) {
  Document doc;
  LayoutDocument(pages, &doc);
  RenderDocument(&doc);
  return doc;
}

TEST(PdfLayoutTest, WrappedLinesJoinIntoParagraphsSplitBySpacing) {
  LayoutPage p;
  AddLine(&p, 72, 100, "The panel noted the report on placements and the");
  AddLine(&p, 72, 114.5, "work of the team.");
  AddLine(&p, 72, 139, "A second paragraph after a gap.");
  Document doc = Lay({p});
  ASSERT_EQ(2u, doc.body.size());
  EXPECT_EQ("The panel noted the report on placements and the work of the team.", doc.body[0].text);
  EXPECT_EQ("A second paragraph after a gap.", doc.body[1].text);
}

TEST(PdfLayoutTest, AShortLineTheNextWordWouldHaveFittedEndsAParagraph) {
  LayoutPage p;
  AddLine(&p, 72, 70,
          "The text column is as wide as this line, which is the longest on the page by far, far.");
  AddLine(&p, 72, 100, "Present: Councillor A Shah (Chair) and Councillor B Evans and others");
  AddLine(&p, 72, 114.5, "Apologies:");
  AddLine(&p, 72, 129, "None.");
  Document doc = Lay({p});
  ASSERT_EQ(4u, doc.body.size()) << doc.text;
  EXPECT_EQ("Apologies:", doc.body[2].text);
}

TEST(PdfLayoutTest, HeadingsByLargerOrBoldText) {
  LayoutPage p;
  AddLine(&p, 72, 60, "Corporate Parenting Panel", 20);
  AddLine(&p, 72, 100, "Minutes", 14);
  AddLine(&p, 72, 130, "Apologies for absence", 11, /*bold=*/true);
  AddLine(&p, 72, 150, "Apologies were received from Councillor Patel and the Director of");
  AddLine(&p, 72, 164.5, "Children's Services.");
  Document doc = Lay({p});
  ASSERT_EQ(4u, doc.body.size()) << doc.text;
  EXPECT_EQ(BlockKind::kHeading, doc.body[0].kind);
  EXPECT_EQ(1, doc.body[0].level);
  EXPECT_EQ(BlockKind::kHeading, doc.body[1].kind);
  EXPECT_EQ(2, doc.body[1].level);
  EXPECT_EQ(BlockKind::kHeading, doc.body[2].kind);
  EXPECT_EQ(3, doc.body[2].level);
  EXPECT_EQ(BlockKind::kParagraph, doc.body[3].kind);
}

TEST(PdfLayoutTest, ListMarkersBecomeListItems) {
  LayoutPage p;
  AddLine(&p, 72, 100, "•\tReview the sufficiency strategy");
  AddLine(&p, 72, 125, "23.\tMinutes of the previous meeting");
  Document doc = Lay({p});
  ASSERT_EQ(2u, doc.body.size()) << doc.text;
  EXPECT_EQ(BlockKind::kListItem, doc.body[0].kind);
  EXPECT_EQ("•", doc.body[0].marker);
  EXPECT_EQ("Review the sufficiency strategy", doc.body[0].text);
  EXPECT_EQ("23.", doc.body[1].marker);
}

TEST(PdfLayoutTest, HyphenatedLineEndsJoin) {
  LayoutPage p;
  AddLine(&p, 72, 100, "Training in de-");
  AddLine(&p, 72, 114.5, "escalation for Lee-");
  AddLine(&p, 72, 129, "Townsend and the emer\xC2\xAD");
  AddLine(&p, 72, 143.5, "gency team.");
  Document doc = Lay({p});
  ASSERT_EQ(1u, doc.body.size()) << doc.text;
  EXPECT_EQ("Training in de-escalation for Lee-Townsend and the emergency team.", doc.body[0].text);
}

TEST(PdfLayoutTest, AWordBrokenWithoutAHyphenJoinsOnlyWhenTheWholeIsAWord) {
  if (!IsEnglishWord("identify"))
    GTEST_SKIP() << "no word list (install Debian's wbritish: /usr/share/dict/british-english)";
  LayoutPage p;
  // Full lines (each next word would not have fitted), as in a narrow table column.
  AddLine(&p, 72, 100, "We shared feedback/identi");
  AddLine(&p, 72, 114.5, "fy notes with partnerships");
  AddLine(&p, 72, 129, "and recorded conversati");
  AddLine(&p, 72, 143.5, "ons with Eligon said today.");
  AddLine(&p, 72, 158, "and wrote to colin@tracsuk.");
  AddLine(&p, 72, 172.5, "org and www.gov.uk/foster/");
  AddLine(&p, 72, 187, "carers once more.");
  Document doc = Lay({p});
  ASSERT_EQ(1u, doc.body.size()) << doc.text;
  EXPECT_EQ(
      "We shared feedback/identify notes with partnerships and recorded conversations with "
      "Eligon said today. and wrote to colin@tracsuk.org and www.gov.uk/foster/carers once "
      "more.",
      doc.body[0].text);
}

TEST(PdfLayoutTest, AlignedColumnsBecomeATableWithWrappedCells) {
  LayoutPage p;
  AddLine(&p, 72, 100, "Action log");
  AddLine(&p, 72, 130, "Ref\tAction\tOwner");
  // Columns start at 72, 150 and 336: place each cell at its column.
  AddLine(&p, 72, 145, "12");
  AddLine(&p, 150, 145, "Share the out of hours");
  AddLine(&p, 336, 145, "MC");
  AddLine(&p, 150, 158, "policy");
  AddLine(&p, 72, 173, "13");
  AddLine(&p, 150, 173, "Write to the ICB");
  AddLine(&p, 336, 173, "SD");
  // The header's columns, laid out with tabs, must agree with the rows': move them there.
  for (LayoutWord& w : p.words) {
    if (w.text == "Action" && w.y0 == 130) w.x0 = 150, w.x1 = 186;
    if (w.text == "Owner") w.x0 = 336, w.x1 = 366;
  }
  AddLine(&p, 72, 200, "The table ends at a paragraph that runs across every column of it.");
  Document doc = Lay({p});
  ASSERT_EQ(3u, doc.body.size()) << doc.text;
  const Block& t = doc.body[1];
  ASSERT_EQ(BlockKind::kTable, t.kind);
  ASSERT_EQ(3u, t.rows.size());
  ASSERT_EQ(3u, t.rows[1].cells.size());
  EXPECT_EQ("Share the out of hours policy", t.rows[1].cells[1].blocks[0].text);
  EXPECT_EQ("MC", t.rows[1].cells[2].blocks[0].text);
  EXPECT_EQ("13", t.rows[2].cells[0].blocks[0].text);
  EXPECT_EQ(BlockKind::kParagraph, doc.body[2].kind);
}

TEST(PdfLayoutTest, RunningHeadersFootersAndPageNumbersAreParts) {
  std::vector<LayoutPage> pages(3);
  for (int i = 0; i < 3; ++i) {
    AddLine(&pages[i], 72, 30, "OFFICIAL");
    AddLine(&pages[i], 72, 100, "Body text of page " + std::to_string(i + 1) + ".");
    AddLine(&pages[i], 280, 750, "Page " + std::to_string(i + 1) + " of 3");
  }
  Document doc = Lay(pages);
  // Each page's one line runs to the text's right edge, so it reads on across the page breaks.
  ASSERT_EQ(1u, doc.body.size()) << doc.text;
  EXPECT_EQ("Body text of page 1. Body text of page 2. Body text of page 3.", doc.body[0].text);
  ASSERT_EQ(1u, doc.headers.size());
  EXPECT_EQ("OFFICIAL", doc.headers[0].text);
  ASSERT_EQ(1u, doc.footers.size());
  EXPECT_EQ("Page 1 of 3", doc.footers[0].text);
  EXPECT_EQ(std::string::npos, doc.text.substr(0, doc.body_end).find("OFFICIAL"));
}

TEST(PdfLayoutTest, APageNumberAloneIsFurnitureEvenOnOnePage) {
  LayoutPage p;
  AddLine(&p, 72, 100, "Only page.");
  AddLine(&p, 300, 760, "1");
  Document doc = Lay({p});
  ASSERT_EQ(1u, doc.body.size());
  ASSERT_EQ(1u, doc.footers.size());
  EXPECT_EQ("1", doc.footers[0].text);
}

TEST(PdfLayoutTest, WordsInAnyOrderReadTopToBottomLeftToRight) {
  LayoutPage p;
  AddLine(&p, 72, 130, "second");
  AddLine(&p, 72, 100, "first line");
  std::reverse(p.words.begin(), p.words.end());
  Document doc = Lay({p});
  ASSERT_EQ(2u, doc.body.size()) << doc.text;
  EXPECT_EQ("first line", doc.body[0].text);
}

}  // namespace
}  // namespace minutes
