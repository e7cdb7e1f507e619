// Extraction -> one CSV table per item kind, each row keyed by the document's sha256.

#include <sys/stat.h>

#include <cerrno>
#include <charconv>
#include <cstring>
#include <fstream>

#include "export/export.h"

namespace minutes {
namespace {

std::string Num(double v) {
  char buf[64];
  auto r = std::to_chars(buf, buf + sizeof buf, v);
  return std::string(buf, r.ptr);
}

std::string Join(const std::vector<std::string>& v) {
  std::string s;
  for (const std::string& x : v) s += (s.empty() ? "" : ";") + x;
  return s;
}

// RFC 4180: quote fields holding a comma, quote, CR or LF; double the quotes.
void AppendField(const std::string& f, std::string* out) {
  if (f.find_first_of(",\"\r\n") == std::string::npos) {
    *out += f;
    return;
  }
  *out += '"';
  for (char c : f) {
    if (c == '"') *out += '"';
    *out += c;
  }
  *out += '"';
}

std::vector<std::string> SpanCols(const Evidence& e) {
  return {std::to_string(e.span.start), std::to_string(e.span.end), Num(e.confidence), e.rule};
}

const std::vector<std::pair<std::string, std::vector<std::string>>>& Schemas() {
  static const auto* schemas = new std::vector<std::pair<std::string, std::vector<std::string>>>{
      {"meetings",
       {"sha256", "path", "format", "bytes", "schema_version", "title", "date", "start_time",
        "end_time", "chair", "next_meetings"}},
      {"people",
       {"sha256", "name", "name_raw", "initials", "organisation", "la_codes", "attendance", "roles",
        "substitute_for", "span_start", "span_end", "confidence", "rule"}},
      {"actions",
       {"sha256", "ref", "text", "owners", "owner_names", "issued", "due", "status", "status_raw",
        "source", "span_start", "span_end", "confidence", "rule"}},
      {"money",
       {"sha256", "amount", "currency", "range_max", "period", "approximate", "text", "la_codes",
        "span_start", "span_end", "confidence", "rule"}},
      {"la_mentions",
       {"sha256", "text", "la_codes", "canonical_name", "method", "span_start", "span_end",
        "confidence", "rule"}},
      {"person_mentions",
       {"sha256", "text", "name", "span_start", "span_end", "confidence", "rule"}},
      {"findings", {"sha256", "code", "severity", "message", "span_start", "span_end"}},
  };
  return *schemas;
}

std::vector<std::string> Concat(std::vector<std::string> a, const std::vector<std::string>& b) {
  a.insert(a.end(), b.begin(), b.end());
  return a;
}

}  // namespace

const std::vector<std::string>& CsvTables::TableNames() {
  static const auto* names = [] {
    auto* v = new std::vector<std::string>;
    for (const auto& [name, cols] : Schemas()) v->push_back(name);
    return v;
  }();
  return *names;
}

void CsvTables::Add(const Extraction& x) {
  if (tables_.empty())
    for (const auto& [name, cols] : Schemas()) tables_.push_back({name, TableData{cols, {}}});
  auto rows = [&](const char* name) -> std::vector<std::vector<std::string>>& {
    for (auto& [n, t] : tables_)
      if (n == name) return t.rows;
    return tables_.front().second.rows;  // unreachable: every schema table exists
  };
  const std::string& key = x.source.sha256;

  std::string next;
  for (const MeetingTime& t : x.meeting.next_meetings)
    next += (next.empty() ? "" : ";") + t.date +
            (t.start_time.empty() ? "" : " " + t.start_time + "-" + t.end_time);
  rows("meetings")
      .push_back({key, x.source.path, x.source.format, std::to_string(x.source.bytes),
                  x.schema_version, x.meeting.title, x.meeting.date, x.meeting.start_time,
                  x.meeting.end_time, x.meeting.chair, next});
  for (const Person& p : x.people)
    rows("people").push_back(
        Concat({key, p.name, p.name_raw, p.initials, p.organisation, Join(p.la_codes), p.attendance,
                Join(p.roles), p.substitute_for},
               SpanCols(p.evidence)));
  for (const Action& a : x.actions)
    rows("actions").push_back(Concat({key, a.ref, a.text, Join(a.owners), Join(a.owner_names),
                                      a.issued, a.due, a.status, a.status_raw, a.source},
                                     SpanCols(a.evidence)));
  for (const Money& m : x.money)
    rows("money").push_back(
        Concat({key, Num(m.amount), m.currency, m.range_max ? Num(*m.range_max) : "", m.period,
                m.approximate ? "true" : "false", m.text, Join(m.la_codes)},
               SpanCols(m.evidence)));
  for (const LaMentionItem& l : x.la_mentions)
    rows("la_mentions")
        .push_back(Concat({key, l.text, Join(l.la_codes), l.canonical_name, l.method},
                          SpanCols(l.evidence)));
  for (const PersonMention& pm : x.person_mentions)
    rows("person_mentions").push_back(Concat({key, pm.text, pm.name}, SpanCols(pm.evidence)));
  for (const Finding& f : x.findings)
    rows("findings")
        .push_back({key, f.code, f.severity, f.message, std::to_string(f.span.start),
                    std::to_string(f.span.end)});
}

const CsvTables::TableData* CsvTables::Find(const std::string& name) const {
  for (const auto& [n, t] : tables_)
    if (n == name) return &t;
  return nullptr;
}

std::string CsvTables::Table(const std::string& name) const {
  std::string out;
  std::vector<std::string> header;
  for (const auto& [n, cols] : Schemas())
    if (n == name) header = cols;
  auto line = [&out](const std::vector<std::string>& fields) {
    for (size_t i = 0; i < fields.size(); ++i) {
      if (i > 0) out += ',';
      AppendField(fields[i], &out);
    }
    out += '\n';
  };
  line(header);
  if (const TableData* t = Find(name))
    for (const auto& row : t->rows) line(row);
  return out;
}

Status CsvTables::Write(const std::string& dir) const {
  if (::mkdir(dir.c_str(), 0777) != 0 && errno != EEXIST)
    return Status::IoError(dir + ": " + std::strerror(errno));
  for (const std::string& name : TableNames()) {
    std::string path = dir + "/" + name + ".csv";
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << Table(name);
    out.close();
    if (!out) return Status::IoError(path + ": could not be written");
  }
  return Status::OK();
}

}  // namespace minutes
