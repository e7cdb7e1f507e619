// Tests for the limits on what one document may hold and how long reading it may take
// (IngestOptions max_blocks, max_paragraph_bytes, max_table_cells, max_seconds): each is refused
// as kTooLarge naming the limit and its value, whatever the format, and a document inside every
// limit reads as before.

#include "ingest/limits.h"

#include <gtest/gtest.h>

#include <string>

#include "ingest/ingest.h"
#include "tests/ingest/zip_builder.h"

namespace minutes {
namespace {

std::string Repeat(std::string_view s, size_t n) {
  std::string out;
  out.reserve(s.size() * n);
  for (size_t i = 0; i < n; ++i) out += s;
  return out;
}

std::string DocxParagraphs(size_t n) {
  return minutes_test::MakeDocx(Repeat("<w:p><w:r><w:t>line</w:t></w:r></w:p>", n));
}

struct LimitCase {
  const char* name;
  std::string bytes;
  void (*set)(IngestOptions*);
  const char* message;  // what the status must say
};

TEST(LimitsTest, EachLimitIsRefusedByNameInEveryFormat) {
  const LimitCase kCases[] = {
      {"text lines over max_blocks", Repeat("a line\n", 101),
       [](IngestOptions* o) { o->max_blocks = 100; },
       "the document has more than max_blocks (100) blocks"},
      {"docx paragraphs over max_blocks", DocxParagraphs(101),
       [](IngestOptions* o) { o->max_blocks = 100; },
       "the document has more than max_blocks (100) blocks"},
      {"text line over max_paragraph_bytes", std::string(1001, 'x'),
       [](IngestOptions* o) { o->max_paragraph_bytes = 1000; },
       "a paragraph is longer than max_paragraph_bytes (1000) bytes"},
      {"tab-separated rows over max_table_cells", Repeat("a\tb\tc\n", 34),
       [](IngestOptions* o) { o->max_table_cells = 100; },
       "the document's tables have more than max_table_cells (100) cells"},
      {"seed-layout table over max_table_cells", Repeat("\ta\n\tb\n\n", 51),
       [](IngestOptions* o) { o->max_table_cells = 100; },
       "the document's tables have more than max_table_cells (100) cells"},
      {"html paragraphs over max_blocks",
       "<!DOCTYPE html><html><body>" + Repeat("<p>line</p>", 101) + "</body></html>",
       [](IngestOptions* o) { o->max_blocks = 100; },
       "the document has more than max_blocks (100) blocks"},
  };
  for (const LimitCase& c : kCases) {
    IngestOptions options;
    c.set(&options);
    Document doc;
    Status s = ReadBytes(c.bytes, options, &doc);
    EXPECT_EQ(Status::Code::kTooLarge, s.code()) << c.name << ": " << s.ToString();
    EXPECT_EQ(c.message, s.message()) << c.name;
    // At the limit itself, the same input reads.
    IngestOptions roomy;
    Document whole;
    EXPECT_TRUE(ReadBytes(c.bytes, roomy, &whole).ok()) << c.name;
  }
}

TEST(LimitsTest, AtTheLimitIsStillRead) {
  IngestOptions options;
  options.max_blocks = 100;
  Document doc;
  ASSERT_TRUE(ReadBytes(Repeat("a line\n", 100), options, &doc).ok());
  EXPECT_EQ(100u, doc.body.size());
}

TEST(LimitsTest, ATabLedFileThatIsNoTableCostsNoCells) {
  // A million tab-led lines without a blank line are one candidate row, and no table: they must
  // not be built as cells (they were: 6 GB for 64 MiB), nor be refused as too many cells.
  IngestOptions options;
  options.max_table_cells = 1000;
  Document doc;
  Status s = ReadBytes(Repeat("\t\n", 1000000), options, &doc);
  ASSERT_TRUE(s.ok()) << s.ToString();
  EXPECT_TRUE(doc.body.empty());
}

TEST(LimitsTest, ADeadlineInThePastStopsReading) {
  IngestOptions options;
  options.max_seconds = 1e-9;
  Document doc;
  Status s = ReadBytes(Repeat("a line\n", 10000), options, &doc);
  EXPECT_EQ(Status::Code::kTooLarge, s.code()) << s.ToString();
  EXPECT_EQ("the document took longer than max_seconds (1e-09)", s.message());
}

TEST(LimitsTest, CountingATableRowByRowEqualsCountingItWhole) {
  Block table;
  table.kind = BlockKind::kTable;
  for (int r = 0; r < 3; ++r) {
    Row row;
    for (int c = 0; c < 4; ++c) {
      Cell cell;
      cell.blocks.emplace_back();
      row.cells.push_back(cell);
    }
    table.rows.push_back(row);
  }
  IngestOptions options;
  options.max_blocks = 13;  // the table and its 12 cells' paragraphs
  options.max_table_cells = 12;
  DocumentLimits whole(options), by_row(options);
  EXPECT_TRUE(whole.Count(table).ok());
  EXPECT_TRUE(by_row.CountBlock(table).ok());
  for (const Row& r : table.rows) EXPECT_TRUE(by_row.CountRow(r).ok());
  // One more of anything passes a limit, in both.
  EXPECT_FALSE(whole.Count(Block()).ok());
  EXPECT_FALSE(by_row.Count(Block()).ok());
}

}  // namespace
}  // namespace minutes
