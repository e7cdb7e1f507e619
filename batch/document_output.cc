#include "batch/document_output.h"

#include <charconv>
#include <utility>
#include <vector>

#include "model/schema.h"

namespace minutes::batch {
namespace {

void AppendPiece(std::string_view piece, std::string* out) {
  out->append(std::to_string(piece.size()));
  out->push_back(':');
  out->append(piece);
}

// The next piece of `*rest`, moving past it; false when `*rest` does not start with one.
bool NextPiece(std::string_view* rest, std::string_view* piece) {
  size_t n = 0;
  auto [end, ec] = std::from_chars(rest->data(), rest->data() + rest->size(), n);
  size_t digits = static_cast<size_t>(end - rest->data());
  if (ec != std::errc() || digits == 0 || digits >= rest->size() || *end != ':' ||
      n > rest->size() - digits - 1)
    return false;
  *piece = rest->substr(digits + 1, n);
  rest->remove_prefix(digits + 1 + n);
  return true;
}

}  // namespace

DocumentOutput DocumentOutput::Of(const Extraction& x) {
  DocumentOutput out;
  out.json = ToJson(x, 0);
  out.json.pop_back();  // the newline
  out.rows = CsvRows(x);
  out.counts.people = x.people.size();
  out.counts.actions = x.actions.size();
  out.counts.money = x.money.size();
  const auto& severities = EnumTraits<Severity>::kEntries;
  for (const Finding& f : x.findings)
    for (size_t i = 0; i < std::size(severities); ++i)
      out.counts.findings[i] += severities[i].value == f.severity;
  return out;
}

std::string DocumentOutput::Encode() const {
  std::string numbers = std::to_string(counts.people) + ' ' + std::to_string(counts.actions) + ' ' +
                        std::to_string(counts.money);
  for (size_t n : counts.findings) numbers += ' ' + std::to_string(n);
  std::string out;
  size_t size = json.size() + numbers.size() + 32;
  for (const std::string& t : rows.tables()) size += t.size() + 12;
  out.reserve(size);
  AppendPiece(json, &out);
  AppendPiece(numbers, &out);
  for (const std::string& t : rows.tables()) AppendPiece(t, &out);
  return out;
}

OutputView OutputView::Of(const DocumentOutput& output) {
  OutputView v;
  v.json = output.json;
  v.tables.assign(output.rows.tables().begin(), output.rows.tables().end());
  v.counts = output.counts;
  return v;
}

Status OutputView::Decode(std::string_view bytes, OutputView* out) {
  const Status damaged = Status::Corrupt("a document's stored output is damaged");
  OutputView v;
  std::string_view rest = bytes, numbers, table;
  if (!NextPiece(&rest, &v.json) || !NextPiece(&rest, &numbers)) return damaged;
  v.tables.reserve(schema::Tables().size());
  while (!rest.empty()) {
    if (!NextPiece(&rest, &table)) return damaged;
    v.tables.push_back(table);
  }
  if (v.tables.size() != schema::Tables().size()) return damaged;
  OutputCounts& c = v.counts;
  size_t* fields[3 + std::size(EnumTraits<Severity>::kEntries)] = {&c.people, &c.actions, &c.money};
  for (size_t i = 0; i < c.findings.size(); ++i) fields[3 + i] = &c.findings[i];
  const char* p = numbers.data();
  const char* end = numbers.data() + numbers.size();
  for (size_t* field : fields) {
    if (field != fields[0] && (p == end || *p++ != ' ')) return damaged;
    auto [next, ec] = std::from_chars(p, end, *field);
    if (ec != std::errc()) return damaged;
    p = next;
  }
  if (p != end) return damaged;
  *out = std::move(v);
  return Status::OK();
}

}  // namespace minutes::batch
