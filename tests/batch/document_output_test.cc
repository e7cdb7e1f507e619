// What a batch keeps of each document: encoded and decoded, it is the same output; damaged, it is
// a clean kCorrupt, never a crash or a wrong table.

#include "batch/document_output.h"

#include <gtest/gtest.h>

#include <string>

#include "extract/extract.h"
#include "ingest/ingest.h"

namespace minutes::batch {
namespace {

Extraction SeedExtraction() {
  const std::string path =
      std::string(MINUTES_SOURCE_DIR) + "/samples/seeds/001_2e77aad788dcd255.docx";
  Document doc;
  EXPECT_TRUE(ReadFile(path, IngestOptions(), &doc).ok());
  return Extract(doc, SourceOf(path, doc), ExtractOptions());
}

TEST(DocumentOutputTest, DecodedIsWhatWasEncoded) {
  Extraction x = SeedExtraction();
  DocumentOutput out = DocumentOutput::Of(x);
  EXPECT_EQ(ToJson(x, 0), out.json + "\n");
  EXPECT_EQ(x.people.size(), out.people);
  EXPECT_GT(out.people, 0u);
  EXPECT_EQ(x.actions.size(), out.actions);
  EXPECT_EQ(x.money.size(), out.money);
  size_t findings = 0;
  for (size_t n : out.findings) findings += n;
  EXPECT_EQ(x.findings.size(), findings);

  DocumentOutput back;
  ASSERT_TRUE(DocumentOutput::Decode(out.Encode(), &back).ok());
  EXPECT_EQ(out.json, back.json);
  EXPECT_EQ(out.rows.tables(), back.rows.tables());
  EXPECT_EQ(CsvRows(x).tables(), back.rows.tables());
  EXPECT_EQ(out.people, back.people);
  EXPECT_EQ(out.actions, back.actions);
  EXPECT_EQ(out.money, back.money);
  EXPECT_EQ(out.findings, back.findings);
}

TEST(DocumentOutputTest, DamagedBytesAreCorrupt) {
  const std::string bytes = DocumentOutput::Of(SeedExtraction()).Encode();
  DocumentOutput back;
  // Every truncation but the whole, and a length that runs past the end.
  for (size_t n = 0; n < bytes.size(); n += 1 + n / 64)
    EXPECT_EQ(Status::Code::kCorrupt, DocumentOutput::Decode(bytes.substr(0, n), &back).code())
        << n;
  EXPECT_EQ(Status::Code::kCorrupt, DocumentOutput::Decode("99999999:{}", &back).code());
  EXPECT_EQ(Status::Code::kCorrupt, DocumentOutput::Decode(bytes + "1:x", &back).code());
  EXPECT_EQ(Status::Code::kCorrupt, DocumentOutput::Decode("2:{}3:1 2", &back).code());
}

}  // namespace
}  // namespace minutes::batch
