// Extraction -> JSON with Poco::JSON, keys kept in schema order.

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Stringifier.h>

#include <sstream>

#include "export/export.h"

namespace minutes {
namespace {

using Poco::JSON::Array;
using Poco::JSON::Object;

Object::Ptr NewObject() { return new Object(Poco::JSON_PRESERVE_KEY_ORDER); }

Object::Ptr SpanJson(Span s) {
  Object::Ptr o = NewObject();
  o->set("start", static_cast<Poco::UInt64>(s.start));
  o->set("end", static_cast<Poco::UInt64>(s.end));
  return o;
}

Array::Ptr Strings(const std::vector<std::string>& v) {
  Array::Ptr a = new Array;
  for (const std::string& s : v) a->add(s);
  return a;
}

// Empty strings are JSON null where the schema says "or null".
Poco::Dynamic::Var OrNull(const std::string& s) {
  if (s.empty()) return Poco::Dynamic::Var();
  return s;
}

void SetEvidence(Object::Ptr o, const Evidence& e) {
  o->set("span", SpanJson(e.span));
  o->set("confidence", e.confidence);
  o->set("rule", e.rule);
}

Object::Ptr TimeJson(const MeetingTime& t) {
  Object::Ptr o = NewObject();
  o->set("date", OrNull(t.date));
  o->set("start_time", OrNull(t.start_time));
  o->set("end_time", OrNull(t.end_time));
  o->set("time_inferred", t.time_inferred);
  SetEvidence(o, t.evidence);
  return o;
}

}  // namespace

std::string ToJson(const Extraction& x, int indent) {
  Object::Ptr root = NewObject();
  root->set("schema_version", x.schema_version);

  Object::Ptr source = NewObject();
  source->set("path", x.source.path);
  source->set("sha256", x.source.sha256);
  source->set("format", x.source.format);
  source->set("bytes", static_cast<Poco::UInt64>(x.source.bytes));
  root->set("source", source);

  Object::Ptr meeting = NewObject();
  meeting->set("title", OrNull(x.meeting.title));
  meeting->set("date", OrNull(x.meeting.date));
  meeting->set("start_time", OrNull(x.meeting.start_time));
  meeting->set("end_time", OrNull(x.meeting.end_time));
  meeting->set("chair", OrNull(x.meeting.chair));
  Array::Ptr next = new Array;
  for (const MeetingTime& t : x.meeting.next_meetings) next->add(TimeJson(t));
  meeting->set("next_meetings", next);
  SetEvidence(meeting, x.meeting.evidence);
  root->set("meeting", meeting);

  Array::Ptr people = new Array;
  for (const Person& p : x.people) {
    Object::Ptr o = NewObject();
    o->set("name", p.name);
    o->set("name_raw", p.name_raw);
    o->set("initials", p.initials);
    o->set("organisation", OrNull(p.organisation));
    o->set("la_codes", Strings(p.la_codes));
    o->set("attendance", p.attendance);
    o->set("roles", Strings(p.roles));
    o->set("substitute_for", OrNull(p.substitute_for));
    SetEvidence(o, p.evidence);
    people->add(o);
  }
  root->set("people", people);

  Array::Ptr actions = new Array;
  for (const Action& a : x.actions) {
    Object::Ptr o = NewObject();
    o->set("ref", OrNull(a.ref));
    o->set("text", a.text);
    o->set("owners", Strings(a.owners));
    Array::Ptr names = new Array;
    for (const std::string& n : a.owner_names) names->add(OrNull(n));
    o->set("owner_names", names);
    o->set("issued", OrNull(a.issued));
    o->set("due", OrNull(a.due));
    o->set("status", OrNull(a.status));
    o->set("status_raw", OrNull(a.status_raw));
    o->set("source", a.source);
    if (a.linked_log_index >= 0) o->set("linked_log_index", a.linked_log_index);
    SetEvidence(o, a.evidence);
    actions->add(o);
  }
  root->set("actions", actions);

  Array::Ptr money = new Array;
  for (const Money& m : x.money) {
    Object::Ptr o = NewObject();
    o->set("amount", m.amount);
    o->set("currency", m.currency);
    o->set("range_max", m.range_max ? Poco::Dynamic::Var(*m.range_max) : Poco::Dynamic::Var());
    o->set("period", OrNull(m.period));
    o->set("approximate", m.approximate);
    o->set("text", m.text);
    o->set("la_codes", Strings(m.la_codes));
    SetEvidence(o, m.evidence);
    money->add(o);
  }
  root->set("money", money);

  Array::Ptr las = new Array;
  for (const LaMentionItem& l : x.la_mentions) {
    Object::Ptr o = NewObject();
    o->set("text", l.text);
    o->set("la_codes", Strings(l.la_codes));
    o->set("canonical_name", l.canonical_name);
    o->set("method", l.method);
    SetEvidence(o, l.evidence);
    las->add(o);
  }
  root->set("la_mentions", las);

  Array::Ptr pms = new Array;
  for (const PersonMention& pm : x.person_mentions) {
    Object::Ptr o = NewObject();
    o->set("text", pm.text);
    o->set("name", OrNull(pm.name));
    SetEvidence(o, pm.evidence);
    pms->add(o);
  }
  root->set("person_mentions", pms);

  Array::Ptr findings = new Array;
  for (const Finding& f : x.findings) {
    Object::Ptr o = NewObject();
    o->set("code", f.code);
    o->set("severity", f.severity);
    o->set("message", f.message);
    o->set("span", SpanJson(f.span));
    findings->add(o);
  }
  root->set("findings", findings);

  std::ostringstream out;
  Poco::JSON::Stringifier::stringify(root, out, static_cast<unsigned>(indent));
  out << "\n";
  return out.str();
}

}  // namespace minutes
