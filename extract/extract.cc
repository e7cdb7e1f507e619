// Extract: runs the extractors in dependency order — meeting, people, LA mentions, actions,
// initials, money — and resolves what each needs from the ones before.

#include "extract/extract.h"

#include <re2/re2.h>

#include <algorithm>
#include <map>
#include <set>
#include <sstream>
#include <unordered_map>

#include "extract/action_log.h"
#include "extract/attendance.h"
#include "extract/meeting.h"
#include "extract/mentions.h"
#include "extract/money.h"
#include "extract/people.h"
#include "extract/spans.h"
#include "normalize/normalize.h"

namespace minutes {
namespace {

namespace nz = normalize;

// The content words of an action, lower-cased, with a plural "s" dropped so "schedules" meets
// "schedule".
std::set<std::string> Words(std::string_view s) {
  std::set<std::string> out;
  std::string w;
  auto flush = [&] {
    if (w.size() > 3 && w.back() == 's' && w[w.size() - 2] != 's') w.pop_back();
    if (w.size() > 2) out.insert(w);
    w.clear();
  };
  for (char c : s) {
    if (std::isalnum(static_cast<unsigned char>(c)))
      w += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    else
      flush();
  }
  flush();
  return out;
}

// Reads a date as the notes write it in an action: "Dec", "31 March 2026", "End of March",
// "by 9 Jan", "w/c 3 March". Due dates lie ahead of the meeting ("March" in a November meeting is
// next March); issued dates are read against the meeting's year.
std::optional<nz::ParsedDate> ReadActionDate(std::string_view raw, const MeetingInfo& mi,
                                             bool due) {
  static const RE2 prefix(
      R"((?i)^\s*(?:by\s+|before\s+|no later than\s+|w/c\s+|week commencing\s+)?(?:the\s+)?(?:end of\s+|start of\s+|beginning of\s+|mid[- ])?)");
  re2::StringPiece rest(raw.data(), raw.size());
  RE2::Consume(&rest, prefix);
  std::string_view date(rest.data(), rest.size());
  return due ? nz::ParseNextDate(date, mi.reference) : nz::ParseDate(date, mi.reference);
}

// A date cell as ISO, or "" and a finding when it is not a date.
std::string DateIso(const std::string& raw, const MeetingInfo& mi, Span span, bool due,
                    std::vector<Finding>* findings) {
  if (raw.empty()) return "";
  auto d = ReadActionDate(raw, mi, due);
  if (!d) {
    findings->push_back({"unparsed_date", "warning",
                         std::string("the ") + (due ? "due" : "issued") + " date '" + raw +
                             "' is not a date I can read",
                         span});
    return "";
  }
  return d->iso;
}

// How much of the shorter text the other holds: a log row is often a shortened inline action
// ("Circulate fee schedules" for "SM to circulate Dudley's fee schedule by end of January").
double Overlap(const std::set<std::string>& a, const std::set<std::string>& b) {
  if (a.empty() || b.empty()) return 0;
  size_t common = 0;
  for (const std::string& w : a) common += b.count(w);
  return static_cast<double>(common) / std::min(a.size(), b.size());
}

// The same finding at several places ("SD sent apologies but speaks", seven times) is one
// finding at its first place, its message saying how often.
void MergeRepeatedFindings(std::vector<Finding>* findings) {
  std::vector<Finding> merged;
  std::vector<int> counts;
  std::map<std::pair<std::string, std::string>, size_t> index;  // (code, message) -> merged
  for (Finding& f : *findings) {
    auto [it, added] = index.try_emplace({f.code, f.message}, merged.size());
    if (added) {
      merged.push_back(std::move(f));
      counts.push_back(1);
    } else {
      ++counts[it->second];
    }
  }
  for (size_t i = 0; i < merged.size(); ++i)
    if (counts[i] > 1) merged[i].message += " (" + std::to_string(counts[i]) + " places)";
  *findings = std::move(merged);
}

// Bodies that are not LAs but stand where an organisation does: "Ofsted", "DfE", "SESLIP",
// "Kent County Council", "Sussex Partnership NHS Foundation Trust".
bool LooksLikeOrganisation(std::string_view piece) {
  static const RE2 re(
      R"(\b(?:Council|Trust|NHS|DfE|Ofsted|SESLIP|Partnership|Agency|Ltd|Limited|CIC|ICB|University|College)\b)");
  return RE2::PartialMatch(re2::StringPiece(piece.data(), piece.size()), re);
}

// Actions as the schema has them: owners resolved through the initials found at their spans,
// dates and statuses normalised, and a finding for whatever cannot be read.
std::vector<Action> ResolveActions(const std::vector<RawAction>& raw_actions,
                                   const std::vector<PersonMention>& person_mentions,
                                   const MeetingInfo& mi, const std::string& meeting_date,
                                   std::vector<Finding>* findings) {
  std::unordered_map<size_t, size_t> mention_at;  // span start -> index in person_mentions
  for (size_t i = 0; i < person_mentions.size(); ++i)
    mention_at[person_mentions[i].evidence.span.start] = i;
  std::vector<Action> actions;
  for (const RawAction& ra : raw_actions) {
    Action a;
    a.ref = ra.ref;
    a.text = ra.text;
    a.owners = ra.owners;
    a.source = ra.source;
    a.evidence = {ra.span, ra.source == "log" ? 0.95 : 0.85, ra.rule};
    for (size_t i = 0; i < ra.owners.size(); ++i) {
      std::string name;
      const std::string& o = ra.owners[i];
      bool initials = o.size() <= 5 && std::all_of(o.begin(), o.end(), [](char c) {
                        return std::isupper(static_cast<unsigned char>(c));
                      });
      if (initials) {
        auto it = mention_at.find(ra.owner_spans[i].start);
        if (it != mention_at.end()) name = person_mentions[it->second].name;
      } else if (o != "All" && o != "all") {
        name = nz::NormalizePersonName(o);
      }
      a.owner_names.push_back(name);
    }
    a.issued = DateIso(ra.issued_raw, mi, ra.issued_span, /*due=*/false, findings);
    a.due = DateIso(ra.due_raw, mi, ra.due_span, /*due=*/true, findings);
    // An action written into the discussion was issued at this meeting, and may say when it is
    // due: "... to JS by 31 March."
    if (ra.source == "inline") {
      if (a.issued.empty()) a.issued = meeting_date;
      static const RE2 by_date(R"((?i)\b((?:by|before|no later than)\s+[^.;,]{3,40}?)\s*\.?\s*$)");
      re2::StringPiece when;
      if (a.due.empty() && RE2::PartialMatch(a.text, by_date, &when))
        if (auto d = ReadActionDate(std::string_view(when.data(), when.size()), mi, true))
          a.due = d->iso;
    }
    a.status_raw = ra.status_raw;
    if (!ra.status_raw.empty()) {
      if (auto s = nz::NormalizeStatus(ra.status_raw)) {
        a.status = s->name;
      } else {
        findings->push_back({"unknown_status", "warning",
                             "action " + ra.ref + " has status '" + ra.status_raw +
                                 "', which is none of open, ongoing, complete, closed, "
                                 "no longer relevant",
                             ra.status_span});
      }
    } else if (ra.source == "log") {
      findings->push_back(
          {"missing_status", "warning", "action " + ra.ref + " has no status", ra.span});
    }
    actions.push_back(std::move(a));
  }
  return actions;
}

// Links each inline action to the log row it became: a row of the first action log after it
// (else of the last one before it) with the same owner, if both name one, holding at least 0.6 of
// the shorter text's words; the best, the later row on a tie. Only that log's rows are compared,
// so the cost stays linear in the notes. `actions` parallels `raw_actions`.
void LinkInlineActions(const std::vector<RawAction>& raw_actions, std::vector<Action>* actions) {
  std::vector<std::set<std::string>> words;
  for (const Action& a : *actions) words.push_back(Words(a.text));
  for (size_t j = 0; j < actions->size(); ++j) {
    Action& a = (*actions)[j];
    if (a.source != "inline") continue;
    int target = -1;  // the log table
    for (const RawAction& r : raw_actions) {
      if (r.source != "log") continue;
      target = r.table;  // the last log before, unless one follows
      if (r.span.start > raw_actions[j].span.start) break;
    }
    double best = 0.6;
    for (size_t i = 0; i < actions->size() && target >= 0; ++i) {
      if (raw_actions[i].source != "log" || raw_actions[i].table != target) continue;
      const auto& mine = a.owners;
      const auto& theirs = (*actions)[i].owners;
      if (!mine.empty() && !theirs.empty() &&
          std::none_of(mine.begin(), mine.end(), [&](const std::string& o) {
            return std::find(theirs.begin(), theirs.end(), o) != theirs.end();
          }))
        continue;
      double o = Overlap(words[j], words[i]);
      if (o >= best) {
        best = o;
        a.linked_log_index = static_cast<int>(i);
      }
    }
    if (a.linked_log_index >= 0) a.ref = (*actions)[a.linked_log_index].ref;
  }
}

// Every money figure in the body, with the LA it belongs to: one named in its clause ("Camden's
// fee is £310; RBKC pays £295"), else in its sentence, else the speaker's (the last person named
// before it in its paragraph).
std::vector<Money> AttributedMoney(const Document& doc,
                                   const std::vector<LaMentionItem>& la_mentions,
                                   const std::vector<Span>& la_spans,
                                   const std::vector<PersonMention>& person_mentions,
                                   const std::vector<Person>& people) {
  const std::string_view text(doc.text);
  auto named_in = [&](Span where) {
    std::vector<std::string> codes;
    auto [first_la, last_la] = OverlappingRange(la_spans, where);
    for (size_t k = first_la; k < last_la; ++k) {
      const LaMentionItem& l = la_mentions[k];
      if (!Inside(l.evidence.span, where)) continue;
      for (const std::string& c : l.la_codes)
        if (std::find(codes.begin(), codes.end(), c) == codes.end()) codes.push_back(c);
    }
    return codes;
  };
  std::vector<Money> money;
  for (const MoneyMatch& mm : FindMoney(text.substr(0, doc.body_end))) {
    Money m;
    m.amount = mm.amount;
    m.range_max = mm.range_max;
    m.period = mm.period;
    m.approximate = mm.approximate;
    m.text = std::string(text.substr(mm.start, mm.end - mm.start));
    m.evidence = {Span{mm.start, mm.end}, 0.9, mm.rule};
    m.la_codes = named_in(ClauseAt(doc, mm.start));
    if (m.la_codes.empty()) m.la_codes = named_in(SentenceAt(doc, mm.start));
    if (!m.la_codes.empty()) {
      m.evidence.rule += "+la_in_sentence";
    } else {
      // Person mentions are in text order: walk back from the figure.
      Span para = ParagraphAt(doc, mm.start);
      auto it = std::upper_bound(
          person_mentions.begin(), person_mentions.end(), mm.start,
          [](size_t pos, const PersonMention& pm) { return pos < pm.evidence.span.end; });
      while (it != person_mentions.begin()) {
        --it;
        if (it->evidence.span.start < para.start) break;
        if (it->name.empty()) continue;
        for (const Person& p : people)
          if (p.name == it->name) m.la_codes = p.la_codes;
        if (!m.la_codes.empty()) m.evidence.rule += "+speaker_la";
        break;
      }
    }
    money.push_back(std::move(m));
  }
  return money;
}

}  // namespace

Extraction Extract(const Document& doc, const SourceInfo& source, const ExtractOptions& options) {
  const nz::LaRegister& las =
      options.la_register != nullptr ? *options.la_register : nz::LaRegister::Default();
  Extraction x;
  x.source = source;
  const std::string_view text(doc.text);

  MeetingInfo mi = FindMeeting(doc);
  x.meeting = mi.meeting;
  x.findings = mi.findings;

  nz::MatchOptions match;
  match.region = options.region;
  auto is_organisation = [&](std::string_view piece) {
    return las.Resolve(piece, match).has_value() || LooksLikeOrganisation(piece);
  };
  x.people = ResolvePeople(FindAttendance(doc, is_organisation), las, match);
  for (const Person& p : x.people) {
    if (x.meeting.chair.empty() &&
        std::find(p.roles.begin(), p.roles.end(), "chair") != p.roles.end()) {
      x.meeting.chair = p.name;
      if (p.attendance == "apologies")
        x.findings.push_back(
            {"chair_sent_apologies", "warning",
             "the chair, " + p.name + ", sent apologies: say who chaired the meeting",
             p.evidence.span});
    }
    for (const std::string& code : p.la_codes)
      if (std::find(match.expected_gss_codes.begin(), match.expected_gss_codes.end(), code) ==
          match.expected_gss_codes.end())
        match.expected_gss_codes.push_back(code);
  }

  x.la_mentions = FindLaMentions(doc, las, match, x.people);
  std::vector<Span> la_spans;
  for (const LaMentionItem& m : x.la_mentions) la_spans.push_back(m.evidence.span);

  std::vector<RawAction> raw_actions = FindActions(doc);
  // Owners' spans, and the leading owners of every action's text ("GS and SD to meet").
  std::vector<Span> owner_spans;
  for (const RawAction& a : raw_actions) {
    owner_spans.insert(owner_spans.end(), a.owner_spans.begin(), a.owner_spans.end());
    for (auto& [name, off] : LeadingOwners(text.substr(a.text_span.start, a.text_span.size())))
      owner_spans.push_back(Span{a.text_span.start + off, a.text_span.start + off + name.size()});
  }

  std::vector<Span> caps_tokens = CapsTokens(text.substr(0, doc.body_end));
  InitialsResolver resolver(x.people, text.substr(0, doc.body_end), la_spans, caps_tokens);
  x.person_mentions = FindPersonMentions(doc, las, resolver, x.la_mentions, caps_tokens,
                                         owner_spans, x.people, &x.findings);

  x.actions = ResolveActions(raw_actions, x.person_mentions, mi, x.meeting.date, &x.findings);
  LinkInlineActions(raw_actions, &x.actions);
  x.money = AttributedMoney(doc, x.la_mentions, la_spans, x.person_mentions, x.people);

  MergeRepeatedFindings(&x.findings);
  if (x.meeting.date.empty())
    x.findings.push_back({"missing_meeting_date", "error",
                          "no meeting date found (expected a 'Date:' line or a month and year "
                          "in the title)",
                          x.meeting.evidence.span});
  if (x.people.empty())
    x.findings.push_back({"missing_attendance", "error",
                          "no attendance found (expected 'Attendees:', 'Present:' or "
                          "'Apologies:')",
                          Span{}});
  return x;
}

}  // namespace minutes
