#include "batch/document_output.h"

#include <charconv>
#include <utility>
#include <vector>

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
  out.people = x.people.size();
  out.actions = x.actions.size();
  out.money = x.money.size();
  const auto& severities = EnumTraits<Severity>::kEntries;
  for (const Finding& f : x.findings)
    for (size_t i = 0; i < std::size(severities); ++i)
      out.findings[i] += severities[i].value == f.severity;
  return out;
}

std::string DocumentOutput::Encode() const {
  std::string counts =
      std::to_string(people) + ' ' + std::to_string(actions) + ' ' + std::to_string(money);
  for (size_t n : findings) counts += ' ' + std::to_string(n);
  std::string out;
  size_t size = json.size() + counts.size() + 32;
  for (const std::string& t : rows.tables()) size += t.size() + 12;
  out.reserve(size);
  AppendPiece(json, &out);
  AppendPiece(counts, &out);
  for (const std::string& t : rows.tables()) AppendPiece(t, &out);
  return out;
}

Status DocumentOutput::Decode(std::string_view bytes, DocumentOutput* out) {
  const Status damaged = Status::Corrupt("a document's stored output is damaged");
  std::string_view rest = bytes, json, counts, table;
  if (!NextPiece(&rest, &json) || !NextPiece(&rest, &counts)) return damaged;
  std::vector<std::string> tables;
  while (!rest.empty()) {
    if (!NextPiece(&rest, &table)) return damaged;
    tables.emplace_back(table);
  }
  DocumentOutput d;
  if (!CsvRows::FromTables(std::move(tables), &d.rows).ok()) return damaged;
  size_t* fields[3 + std::size(d.findings)] = {&d.people, &d.actions, &d.money};
  for (size_t i = 0; i < d.findings.size(); ++i) fields[3 + i] = &d.findings[i];
  const char* p = counts.data();
  const char* end = counts.data() + counts.size();
  for (size_t* field : fields) {
    if (field != fields[0] && (p == end || *p++ != ' ')) return damaged;
    auto [next, ec] = std::from_chars(p, end, *field);
    if (ec != std::errc()) return damaged;
    p = next;
  }
  if (p != end) return damaged;
  d.json = std::string(json);
  *out = std::move(d);
  return Status::OK();
}

}  // namespace minutes::batch
