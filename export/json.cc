// Extraction -> JSON, streamed through Poco::JSON::PrintHandler in schema key order. Streaming
// (rather than building a Poco::JSON::Object tree) keeps a large note's output linear and cheap.

#include <Poco/JSON/PrintHandler.h>

#include <sstream>

#include "export/export.h"

namespace minutes {
namespace {

class JsonWriter {
 public:
  JsonWriter(std::ostream& out, unsigned indent) : h_(out, indent, Poco::JSON_WRAP_STRINGS) {}

  void Begin() { h_.startObject(); }
  void End() { h_.endObject(); }
  void BeginArray(const std::string& key) {
    h_.key(key);
    h_.startArray();
  }
  void EndArray() { h_.endArray(); }
  void BeginObject(const std::string& key) {
    h_.key(key);
    h_.startObject();
  }
  void BeginItem() { h_.startObject(); }

  void String(const std::string& key, const std::string& v) {
    h_.key(key);
    h_.value(v);
  }
  // Empty strings are JSON null where the schema says "or null".
  void StringOrNull(const std::string& key, const std::string& v) {
    h_.key(key);
    if (v.empty())
      h_.null();
    else
      h_.value(v);
  }
  void Number(const std::string& key, double v) {
    h_.key(key);
    h_.value(v);
  }
  void Count(const std::string& key, size_t v) {
    h_.key(key);
    h_.value(static_cast<Poco::UInt64>(v));
  }
  void Bool(const std::string& key, bool v) {
    h_.key(key);
    h_.value(v);
  }
  void Null(const std::string& key) {
    h_.key(key);
    h_.null();
  }
  void Strings(const std::string& key, const std::vector<std::string>& v, bool empty_is_null) {
    h_.key(key);
    h_.startArray();
    for (const std::string& s : v) {
      if (empty_is_null && s.empty())
        h_.null();
      else
        h_.value(s);
    }
    h_.endArray();
  }
  void SpanObject(const std::string& key, Span s) {
    BeginObject(key);
    Count("start", s.start);
    Count("end", s.end);
    End();
  }
  void EvidenceFields(const Evidence& e) {
    SpanObject("span", e.span);
    Number("confidence", e.confidence);
    String("rule", e.rule);
  }

 private:
  Poco::JSON::PrintHandler h_;
};

}  // namespace

std::string ToJson(const Extraction& x, int indent) {
  std::ostringstream out;
  // Poco 1.11's PrintHandler streams a bool as is: without boolalpha that is "1", not "true".
  out << std::boolalpha;
  JsonWriter w(out, static_cast<unsigned>(indent));
  w.Begin();
  w.String("schema_version", x.schema_version);

  w.BeginObject("source");
  w.String("path", x.source.path);
  w.String("sha256", x.source.sha256);
  w.String("format", x.source.format);
  w.Count("bytes", x.source.bytes);
  w.End();

  w.BeginObject("meeting");
  w.StringOrNull("title", x.meeting.title);
  w.StringOrNull("date", x.meeting.date);
  w.StringOrNull("start_time", x.meeting.start_time);
  w.StringOrNull("end_time", x.meeting.end_time);
  w.StringOrNull("chair", x.meeting.chair);
  w.BeginArray("next_meetings");
  for (const MeetingTime& t : x.meeting.next_meetings) {
    w.BeginItem();
    w.StringOrNull("date", t.date);
    w.StringOrNull("start_time", t.start_time);
    w.StringOrNull("end_time", t.end_time);
    w.Bool("time_inferred", t.time_inferred);
    w.EvidenceFields(t.evidence);
    w.End();
  }
  w.EndArray();
  w.EvidenceFields(x.meeting.evidence);
  w.End();

  w.BeginArray("people");
  for (const Person& p : x.people) {
    w.BeginItem();
    w.String("name", p.name);
    w.String("name_raw", p.name_raw);
    w.String("initials", p.initials);
    w.StringOrNull("organisation", p.organisation);
    w.Strings("la_codes", p.la_codes, false);
    w.String("attendance", p.attendance);
    w.Strings("roles", p.roles, false);
    w.StringOrNull("substitute_for", p.substitute_for);
    w.EvidenceFields(p.evidence);
    w.End();
  }
  w.EndArray();

  w.BeginArray("actions");
  for (const Action& a : x.actions) {
    w.BeginItem();
    w.StringOrNull("ref", a.ref);
    w.String("text", a.text);
    w.Strings("owners", a.owners, false);
    w.Strings("owner_names", a.owner_names, true);
    w.StringOrNull("issued", a.issued);
    w.StringOrNull("due", a.due);
    w.StringOrNull("status", a.status);
    w.StringOrNull("status_raw", a.status_raw);
    w.String("source", a.source);
    if (a.linked_log_index >= 0) w.Count("linked_log_index", a.linked_log_index);
    w.EvidenceFields(a.evidence);
    w.End();
  }
  w.EndArray();

  w.BeginArray("money");
  for (const Money& m : x.money) {
    w.BeginItem();
    w.Number("amount", m.amount);
    w.String("currency", m.currency);
    if (m.range_max)
      w.Number("range_max", *m.range_max);
    else
      w.Null("range_max");
    w.StringOrNull("period", m.period);
    w.Bool("approximate", m.approximate);
    w.String("text", m.text);
    w.Strings("la_codes", m.la_codes, false);
    w.EvidenceFields(m.evidence);
    w.End();
  }
  w.EndArray();

  w.BeginArray("la_mentions");
  for (const LaMentionItem& l : x.la_mentions) {
    w.BeginItem();
    w.String("text", l.text);
    w.Strings("la_codes", l.la_codes, false);
    w.String("canonical_name", l.canonical_name);
    w.String("method", l.method);
    w.EvidenceFields(l.evidence);
    w.End();
  }
  w.EndArray();

  w.BeginArray("person_mentions");
  for (const PersonMention& pm : x.person_mentions) {
    w.BeginItem();
    w.String("text", pm.text);
    w.StringOrNull("name", pm.name);
    w.EvidenceFields(pm.evidence);
    w.End();
  }
  w.EndArray();

  w.BeginArray("findings");
  for (const Finding& f : x.findings) {
    w.BeginItem();
    w.String("code", f.code);
    w.String("severity", f.severity);
    w.String("message", f.message);
    w.SpanObject("span", f.span);
    w.End();
  }
  w.EndArray();

  w.End();
  out << "\n";
  return out.str();
}

}  // namespace minutes
