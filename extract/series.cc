#include "extract/series.h"

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <tuple>
#include <utility>

#include "extract/findings.h"
#include "extract/person_ids.h"

namespace minutes {
namespace {

constexpr char kActionRefRule[] = "series.action_ref";
constexpr char kEarlierUseRule[] = "series.earlier_use";
constexpr double kActionRefConfidence = 0.8;
constexpr double kEarlierUseConfidence = 0.7;
// The rule mentions.cc gives a use left open because several listed people fit; any other open
// use is unresolved (nobody here fits).
constexpr char kAmbiguousRule[] = "initials.ambiguous";

// What one meeting's notes say on their own, taken before anything is settled.
struct Testimony {
  std::set<std::string> people;                           // listed names
  std::map<std::string, std::set<std::string>> names_of;  // initials -> names resolved to
  std::set<std::string> ambiguous;                        // initials with a use left ambiguous
  std::map<std::pair<std::string, std::string>, std::set<std::string>>
      owners_of;  // (action ref, owner initials) -> names resolved to
};

Testimony TestimonyOf(const Extraction& x) {
  Testimony t;
  for (const Person& p : x.people) t.people.insert(p.name);
  for (const PersonMention& m : x.person_mentions) {
    if (!m.name.empty() && m.settled_by.empty()) t.names_of[m.text.str()].insert(m.name.str());
    if (m.name.empty() && m.evidence.rule == kAmbiguousRule) t.ambiguous.insert(m.text.str());
  }
  for (const Action& a : x.actions)
    if (!a.ref.empty())
      for (const Owner& o : a.owners)
        if (!o.name.empty()) t.owners_of[{a.ref, o.text}].insert(o.name);
  return t;
}

// One document of a series, in the series' order.
struct Member {
  Extraction* x;
  Testimony said;
  size_t rank = 0;   // index of its date among the series' distinct dates
  size_t first = 0;  // position of the first document with its date (itself unless a duplicate)
};

// The refs of the actions a use of initials belongs to: as an owner, or inside the row.
std::set<std::string> RefsAt(const Extraction& x, const Span& span) {
  std::set<std::string> refs;
  for (const Action& a : x.actions) {
    if (a.ref.empty()) continue;
    bool in = span.start >= a.evidence.span.start && span.end <= a.evidence.span.end;
    for (const Owner& o : a.owners) in = in || o.span.start == span.start;
    if (in) refs.insert(a.ref);
  }
  return refs;
}

// A name another meeting gives a use of initials, and why.
struct Clue {
  size_t from;  // position of the meeting that says so
  std::string name;
  std::string ref;  // series.action_ref: the shared action ref
};

std::string Uses(size_t n) { return std::to_string(n) + (n == 1 ? " use" : " uses"); }

std::string Joined(const std::vector<std::string>& items, const std::string& sep) {
  std::string out;
  for (const std::string& s : items) out += (out.empty() ? "" : sep) + s;
  return out;
}

// "'RE' is Rebecca Eligon in the meeting of 2025-07-07 but Renee Eddy in the meetings of ..."
std::string ConflictMessage(const std::string& initials, const std::vector<Clue>& clues,
                            const std::vector<Member>& members) {
  std::vector<std::pair<std::string, std::vector<std::string>>> dates_of;  // name -> dates
  for (const Clue& c : clues) {
    auto it = std::find_if(dates_of.begin(), dates_of.end(),
                           [&](const auto& d) { return d.first == c.name; });
    if (it == dates_of.end()) it = dates_of.insert(dates_of.end(), {c.name, {}});
    const std::string& date = members[c.from].x->meeting.date;
    if (std::find(it->second.begin(), it->second.end(), date) == it->second.end())
      it->second.push_back(date);
  }
  std::vector<std::string> parts;
  for (const auto& [name, dates] : dates_of)
    parts.push_back(name + (dates.size() == 1 ? " in the meeting of " : " in the meetings of ") +
                    Joined(dates, ", "));
  return "'" + initials + "' is " + Joined(parts, " but ") + ": left open, write the name";
}

// A use settled here, for the settled_initials finding.
struct Settled {
  std::string initials;
  std::string name;
  std::string from_date;
  std::string ref;  // empty for series.earlier_use
  Span span;
};

// "'RE' is Rebecca Eligon, from the meeting of 2025-07-07 (same action ref 48: 2 uses; 'RE'
// resolved there: 12 uses)"
std::string SettledMessage(const std::vector<const Settled*>& uses, size_t still_open) {
  const std::string& initials = uses[0]->initials;
  std::vector<std::string> dates;
  for (const Settled* s : uses)
    if (std::find(dates.begin(), dates.end(), s->from_date) == dates.end())
      dates.push_back(s->from_date);
  std::vector<std::string> parts;
  for (const std::string& date : dates) {
    std::vector<std::string> refs;
    size_t by_ref = 0, by_use = 0;
    for (const Settled* s : uses) {
      if (s->from_date != date) continue;
      if (s->ref.empty()) {
        ++by_use;
      } else {
        ++by_ref;
        if (std::find(refs.begin(), refs.end(), s->ref) == refs.end()) refs.push_back(s->ref);
      }
    }
    std::vector<std::string> why;
    if (by_ref > 0)
      why.push_back((refs.size() == 1 ? "same action ref " : "same action refs ") +
                    Joined(refs, ", ") + ": " + Uses(by_ref));
    if (by_use > 0) why.push_back("'" + initials + "' resolved there: " + Uses(by_use));
    parts.push_back("the meeting of " + date + " (" + Joined(why, "; ") + ")");
  }
  std::string message =
      "'" + initials + "' is " + uses[0]->name + ", from " + Joined(parts, " and ");
  if (still_open > 0) message += "; " + Uses(still_open) + " still open";
  return message;
}

// Settles the open uses of initials of members[i] from the other meetings (not its duplicates).
void SettleNames(std::vector<Member>& members, size_t i) {
  Extraction& x = *members[i].x;
  // The other meetings, most trusted first: the nearest earlier, then the nearest later; within a
  // date, the first document before its duplicates.
  std::vector<size_t> others;
  for (size_t j = 0; j < members.size(); ++j)
    if (members[j].rank != members[i].rank) others.push_back(j);
  auto preference = [&](size_t j) {
    size_t ri = members[i].rank, rj = members[j].rank;
    return std::make_tuple(rj > ri, rj > ri ? rj - ri : ri - rj, j);
  };
  std::sort(others.begin(), others.end(),
            [&](size_t a, size_t b) { return preference(a) < preference(b); });

  const Testimony& here = members[i].said;
  std::vector<Settled> settled;
  std::vector<Finding> added;
  for (PersonMention& m : x.person_mentions) {
    if (!m.name.empty()) continue;
    bool ambiguous = m.evidence.rule == kAmbiguousRule;
    auto plausible = [&](const std::string& name, size_t j) {
      return here.people.count(name) > 0 || (!ambiguous && members[j].said.people.count(name) > 0);
    };
    std::vector<Clue> clues;
    std::set<std::string> refs = RefsAt(x, m.evidence.span);
    for (size_t j : others)
      for (const std::string& ref : refs) {
        auto it = members[j].said.owners_of.find({ref, m.text.str()});
        if (it == members[j].said.owners_of.end()) continue;
        for (const std::string& name : it->second)
          if (plausible(name, j)) clues.push_back({j, name, ref});
      }
    const char* rule = kActionRefRule;
    double confidence = kActionRefConfidence;
    if (clues.empty()) {
      rule = kEarlierUseRule;
      confidence = kEarlierUseConfidence;
      for (size_t j : others) {
        const Testimony& there = members[j].said;
        auto it = there.names_of.find(m.text.str());
        if (it == there.names_of.end() || it->second.size() != 1 ||
            there.ambiguous.count(m.text.str()))
          continue;
        if (plausible(*it->second.begin(), j)) clues.push_back({j, *it->second.begin(), ""});
      }
    }
    if (clues.empty()) continue;
    bool agree = std::all_of(clues.begin(), clues.end(),
                             [&](const Clue& c) { return c.name == clues[0].name; });
    if (!agree) {
      added.push_back(MakeFinding(FindingCode::kConflictingInitials,
                                  ConflictMessage(m.text.str(), clues, members), m.evidence.span));
      continue;
    }
    const Extraction& from = *members[clues[0].from].x;
    m.name = clues[0].name;
    m.settled_by = from.source.sha256;
    m.evidence.rule = rule;
    m.evidence.confidence = confidence;
    for (Action& a : x.actions)
      for (Owner& o : a.owners)
        if (o.span.start == m.evidence.span.start && o.text == m.text && o.name.empty())
          o.name = m.name.str();
    settled.push_back(
        {m.text.str(), m.name.str(), from.meeting.date, clues[0].ref, m.evidence.span});
  }
  if (settled.empty() && added.empty()) return;

  // One settled_initials per (initials, name); the open finding goes once no use is left open.
  std::vector<std::pair<std::string, std::string>> keys;
  for (const Settled& s : settled)
    if (std::find(keys.begin(), keys.end(), std::make_pair(s.initials, s.name)) == keys.end())
      keys.emplace_back(s.initials, s.name);
  std::set<std::string> fully_settled;
  for (const auto& key : keys) {
    // Named references, not a structured binding: clang 14 (the sanitizer build) cannot capture
    // a binding in a lambda.
    const std::string& initials = key.first;
    const std::string& name = key.second;
    std::vector<const Settled*> uses;
    for (const Settled& s : settled)
      if (s.initials == initials && s.name == name) uses.push_back(&s);
    size_t still_open =
        std::count_if(x.person_mentions.begin(), x.person_mentions.end(),
                      [&](const PersonMention& m) { return m.text == initials && m.name.empty(); });
    if (still_open == 0) fully_settled.insert(initials);
    added.push_back(MakeFinding(FindingCode::kSettledInitials, SettledMessage(uses, still_open),
                                uses[0]->span));
  }
  std::set<size_t> settled_starts;  // every use of initials now fully settled
  for (const PersonMention& m : x.person_mentions)
    if (fully_settled.count(m.text.str())) settled_starts.insert(m.evidence.span.start);
  const std::string ambiguous_code(RuleOf(FindingCode::kAmbiguousInitials).code);
  const std::string unresolved_code(RuleOf(FindingCode::kUnresolvedInitials).code);
  std::erase_if(x.findings, [&](const Finding& f) {
    return (f.code == ambiguous_code || f.code == unresolved_code) &&
           settled_starts.count(f.span.start) > 0;
  });
  MergeRepeatedFindings(&added);
  x.findings.insert(x.findings.end(), added.begin(), added.end());
  if (!settled.empty()) AssignPersonIds(&x);
}

// Reports the log actions open or ongoing in `previous` that `x` does not carry.
void CheckOpenActions(const Extraction& previous, Extraction* x) {
  std::set<std::string> refs_here;
  const Action* first_row = nullptr;
  for (const Action& a : x->actions) {
    if (!a.ref.empty()) refs_here.insert(a.ref);
    if (a.source == ActionSource::kLog &&
        (first_row == nullptr || a.evidence.span.start < first_row->evidence.span.start))
      first_row = &a;
  }
  if (first_row == nullptr) return;  // no log here: nothing was dropped from it
  const Span log_span = first_row->evidence.span;
  std::set<std::string> reported;
  for (const Action& a : previous.actions) {
    if (a.source != ActionSource::kLog || a.ref.empty() || !a.status.has_value()) continue;
    if (*a.status != ActionStatus::kOpen && *a.status != ActionStatus::kOngoing) continue;
    if (refs_here.count(a.ref) || !reported.insert(a.ref).second) continue;
    x->findings.push_back(MakeFinding(FindingCode::kOpenActionMissing,
                                      "action " + a.ref + " was " +
                                          std::string(EnumName(*a.status)) + " on " +
                                          previous.meeting.date + " and is not in this log",
                                      log_span));
  }
}

void SettleOneSeries(std::vector<Extraction*> docs) {
  std::stable_sort(docs.begin(), docs.end(), [](const Extraction* a, const Extraction* b) {
    return std::tie(a->meeting.date, a->source.path, a->source.sha256) <
           std::tie(b->meeting.date, b->source.path, b->source.sha256);
  });
  // Testimony first, for every member, before any of them changes.
  std::vector<Member> members;
  for (Extraction* x : docs) members.push_back({x, TestimonyOf(*x)});
  std::vector<size_t> first_at_rank;
  for (size_t i = 0; i < members.size(); ++i) {
    if (i > 0 && members[i].x->meeting.date == members[i - 1].x->meeting.date) {
      members[i].rank = members[i - 1].rank;
      members[i].first = members[i - 1].first;
      const Extraction& first = *members[members[i].first].x;
      members[i].x->findings.push_back(
          MakeFinding(FindingCode::kDuplicateMeeting,
                      "the same meeting as " + first.source.path + " (same series and date, " +
                          first.meeting.date + "): neither is evidence for the other",
                      members[i].x->meeting.evidence.span));
    } else {
      members[i].rank = first_at_rank.size();
      members[i].first = i;
      first_at_rank.push_back(i);
    }
  }
  for (size_t i = 0; i < members.size(); ++i) {
    SettleNames(members, i);
    if (members[i].rank > 0)
      CheckOpenActions(*members[first_at_rank[members[i].rank - 1]].x, members[i].x);
  }
}

}  // namespace

void SettleSeries(std::vector<Extraction>* docs) {
  std::map<std::string, std::vector<Extraction*>> series;
  for (Extraction& x : *docs)
    if (!x.meeting.series.empty() && !x.meeting.date.empty())
      series[x.meeting.series].push_back(&x);
  for (auto& [key, members] : series)
    if (members.size() > 1) SettleOneSeries(members);
  // Settling documents settled before (extract's JSON given to `load`) finds what it found then:
  // keep one of each finding.
  for (Extraction& x : *docs) {
    std::set<std::tuple<std::string, std::string, size_t, size_t>> seen;
    std::vector<Finding> kept;
    for (Finding& f : x.findings)
      if (seen.insert({f.code, f.message, f.span.start, f.span.end}).second)
        kept.push_back(std::move(f));
    x.findings = std::move(kept);
  }
}

}  // namespace minutes
