// What a batch keeps of each document: encoded and decoded, it is the same output; damaged, it is
// a clean kCorrupt, never a crash or a wrong table.

#include "batch/document_output.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

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
  EXPECT_EQ(x.people.size(), out.counts.people);
  EXPECT_GT(out.counts.people, 0u);
  EXPECT_EQ(x.actions.size(), out.counts.actions);
  EXPECT_EQ(x.money.size(), out.counts.money);
  size_t findings = 0;
  for (size_t n : out.counts.findings) findings += n;
  EXPECT_EQ(x.findings.size(), findings);

  const std::string bytes = out.Encode();
  OutputView back;
  ASSERT_TRUE(OutputView::Decode(bytes, &back).ok());
  EXPECT_EQ(out.json, back.json);
  const std::vector<std::string> rows(back.tables.begin(), back.tables.end());
  EXPECT_EQ(out.rows.tables(), rows);
  EXPECT_EQ(CsvRows(x).tables(), rows);
  EXPECT_EQ(out.counts.people, back.counts.people);
  EXPECT_EQ(out.counts.actions, back.counts.actions);
  EXPECT_EQ(out.counts.money, back.counts.money);
  EXPECT_EQ(out.counts.findings, back.counts.findings);
  // A view of the output itself is the same again.
  OutputView of = OutputView::Of(out);
  EXPECT_EQ(back.json, of.json);
  EXPECT_EQ(back.tables, of.tables);
}

TEST(DocumentOutputTest, DamagedBytesAreCorrupt) {
  const std::string bytes = DocumentOutput::Of(SeedExtraction()).Encode();
  OutputView back;
  // Every truncation but the whole, and a length that runs past the end.
  for (size_t n = 0; n < bytes.size(); n += 1 + n / 64)
    EXPECT_EQ(Status::Code::kCorrupt, OutputView::Decode(bytes.substr(0, n), &back).code()) << n;
  EXPECT_EQ(Status::Code::kCorrupt, OutputView::Decode("99999999:{}", &back).code());
  EXPECT_EQ(Status::Code::kCorrupt, OutputView::Decode(bytes + "1:x", &back).code());
  EXPECT_EQ(Status::Code::kCorrupt, OutputView::Decode("2:{}3:1 2", &back).code());
}

}  // namespace
}  // namespace minutes::batch
