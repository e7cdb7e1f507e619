// Internal to batch: one document's share of a batch's outputs — its line of documents.jsonl, its
// rows of the CSV tables and its counts for the summary — made where the document is extracted (a
// worker) or settled with its series, and kept in the manifest's output logs, so that writing the
// outputs of a run reads them back and parses nothing.
//
//   DocumentOutput out = DocumentOutput::Of(x);
//   std::string bytes = out.Encode();                      // to an output log
//   DocumentOutput back;
//   Status s = DocumentOutput::Decode(bytes, &back);        // the same fields again

#ifndef MINUTES_BATCH_DOCUMENT_OUTPUT_H_
#define MINUTES_BATCH_DOCUMENT_OUTPUT_H_

#include <array>
#include <cstddef>
#include <string>
#include <string_view>

#include "common/status.h"
#include "export/export.h"
#include "model/model.h"

namespace minutes::batch {

struct DocumentOutput {
  std::string json;  // ToJson(x, 0) without its newline
  CsvRows rows;
  size_t people = 0, actions = 0, money = 0;
  // Findings by severity, in the order of EnumTraits<Severity>::kEntries.
  std::array<size_t, std::size(EnumTraits<Severity>::kEntries)> findings{};

  static DocumentOutput Of(const Extraction& x);

  // Each piece as its decimal length, ':' and its bytes: the JSON, the counts, each table's rows.
  std::string Encode() const;
  // Fails with kCorrupt when `bytes` are not what Encode wrote.
  static Status Decode(std::string_view bytes, DocumentOutput* out);
};

}  // namespace minutes::batch

#endif  // MINUTES_BATCH_DOCUMENT_OUTPUT_H_
