// Internal to batch: one document's share of a batch's outputs — its line of documents.jsonl, its
// rows of the CSV tables and its counts for the summary — made where the document is extracted (a
// worker) or settled with its series, and kept in the manifest's output logs, so that writing the
// outputs of a run reads them back and parses nothing.
//
//   DocumentOutput out = DocumentOutput::Of(x);
//   std::string bytes = out.Encode();                      // to an output log
//   OutputView back;
//   Status s = OutputView::Decode(bytes, &back);            // the same fields, in `bytes`

#ifndef MINUTES_BATCH_DOCUMENT_OUTPUT_H_
#define MINUTES_BATCH_DOCUMENT_OUTPUT_H_

#include <array>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "export/export.h"
#include "model/model.h"

namespace minutes::batch {

// A document's counts for the batch's summary.
struct OutputCounts {
  size_t people = 0, actions = 0, money = 0;
  // Findings by severity, in the order of EnumTraits<Severity>::kEntries.
  std::array<size_t, std::size(EnumTraits<Severity>::kEntries)> findings{};
};

struct DocumentOutput {
  std::string json;  // ToJson(x, 0) without its newline
  CsvRows rows;
  OutputCounts counts;

  static DocumentOutput Of(const Extraction& x);

  // Each piece as its decimal length, ':' and its bytes: the JSON, the counts, each table's rows.
  std::string Encode() const;
};

// A DocumentOutput seen where it lies — in its encoded bytes, or in a DocumentOutput — which must
// outlive the view: what a batch writes its outputs from, copying nothing.
struct OutputView {
  std::string_view json;
  std::vector<std::string_view> tables;  // each table's rows, parallel to schema::Tables()
  OutputCounts counts;

  static OutputView Of(const DocumentOutput& output);
  // The view of what Encode wrote; kCorrupt when `bytes` are not that.
  static Status Decode(std::string_view bytes, OutputView* out);
};

}  // namespace minutes::batch

#endif  // MINUTES_BATCH_DOCUMENT_OUTPUT_H_
