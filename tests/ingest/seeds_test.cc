// The two real seed notes, as received (.txt) and as Word documents (.docx), must read to the same
// text: every later stage's offsets depend on it.

#include <gtest/gtest.h>

#include <string>

#include "ingest/ingest.h"

namespace minutes {
namespace {

const char* const kSeeds[] = {"000_e0affe79a15288f1", "001_2e77aad788dcd255"};

Document Read(const std::string& path) {
  Document doc;
  Status s = ReadFile(path, IngestOptions(), &doc);
  EXPECT_TRUE(s.ok()) << path << ": " << s.ToString();
  return doc;
}

const Block* LastTable(const Document& doc) {
  const Block* table = nullptr;
  for (const Block& b : doc.body)
    if (b.kind == BlockKind::kTable) table = &b;
  return table;
}

TEST(SeedsTest, TextAndDocxRenditionsGiveTheSameBody) {
  for (const char* seed : kSeeds) {
    std::string base = std::string(MINUTES_SOURCE_DIR) + "/samples/seeds/" + seed;
    Document txt = Read(base + ".txt");
    Document docx = Read(base + ".docx");
    EXPECT_EQ("text", txt.format);
    EXPECT_EQ("docx", docx.format);
    // The .docx adds a header ("OFFICIAL") and footer ("Page 1") that the text export lacks;
    // the body must match byte for byte.
    EXPECT_EQ(txt.text.substr(0, txt.body_end), docx.text.substr(0, docx.body_end)) << seed;
  }
}

TEST(SeedsTest, ActionLogIsATableInBothRenditions) {
  struct Expect {
    const char* seed;
    size_t rows;
    const char* first_ref;
    const char* last_ref;
  };
  const Expect expects[] = {{"000_e0affe79a15288f1", 18, "49", "33"},
                            {"001_2e77aad788dcd255", 17, "55", "40"}};
  for (const Expect& e : expects) {
    for (const char* ext : {".txt", ".docx"}) {
      std::string path = std::string(MINUTES_SOURCE_DIR) + "/samples/seeds/" + e.seed + ext;
      Document doc = Read(path);
      const Block* table = LastTable(doc);
      ASSERT_NE(nullptr, table) << path;
      ASSERT_EQ(e.rows, table->rows.size()) << path;
      for (const Row& row : table->rows) EXPECT_EQ(5u, row.cells.size()) << path;
      auto cell_text = [&](size_t r, size_t c) {
        Span s = table->rows[r].cells[c].span;
        return doc.text.substr(s.start, s.size());
      };
      EXPECT_EQ("Action", cell_text(0, 1)) << path;
      EXPECT_EQ("Status", cell_text(0, 4)) << path;
      EXPECT_EQ(e.first_ref, cell_text(1, 0)) << path;
      EXPECT_EQ(e.last_ref, cell_text(e.rows - 1, 0)) << path;
    }
  }
}

TEST(SeedsTest, DocxHeaderAndFooterAreKeptApartFromTheBody) {
  Document doc = Read(std::string(MINUTES_SOURCE_DIR) + "/samples/seeds/001_2e77aad788dcd255.docx");
  ASSERT_FALSE(doc.headers.empty());
  EXPECT_EQ("OFFICIAL", doc.headers[0].text);
  EXPECT_EQ(std::string::npos, doc.text.substr(0, doc.body_end).find("OFFICIAL"));
  EXPECT_NE(std::string::npos, doc.text.find("OFFICIAL", doc.body_end));
}

}  // namespace
}  // namespace minutes
