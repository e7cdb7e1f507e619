// The actions steps: action-log rows and inline actions as the schema has them (owners resolved,
// dates and statuses normalised), and each inline action linked to the log row it became.

#include <re2/re2.h>

#include <algorithm>
#include <cctype>
#include <set>

#include "extract/findings.h"
#include "extract/steps.h"
#include "extract/words.h"
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
// "by 9 Jan", "w/c 3 March", "in June". Due dates lie ahead of the meeting ("March" in a November
// meeting is next March); issued dates are read against the meeting's year.
std::optional<nz::ParsedDate> ReadActionDate(std::string_view raw, const MeetingInfo& mi,
                                             bool due) {
  static const RE2 prefix(
      R"((?i)^\s*(?:by\s+|before\s+|no later than\s+|w/c\s+|week commencing\s+|in\s+)?(?:the\s+)?(?:end of\s+|start of\s+|beginning of\s+|mid[- ])?)");
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
    findings->push_back(MakeFinding(FindingCode::kUnparsedDate,
                                    std::string("the ") + (due ? "due" : "issued") + " date '" +
                                        raw + "' is not a date I can read",
                                    span));
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

bool IsInitials(const std::string& o) {
  return o.size() <= 5 && std::all_of(o.begin(), o.end(), [](char c) {
           return std::isupper(static_cast<unsigned char>(c));
         });
}

// What owners are resolved against: the meeting's people, its chair and the LA register.
struct OwnerContext {
  const OwnerDirectory& people;
  const std::string& chair;
  const nz::LaRegister& las;
  const nz::MatchOptions& match;
};

// Who an owner is, or "" when nobody or more than one person fits (a finding says which when
// several do). Initials are read where they are written (`mention`, the use of initials at the
// owner's span, if any), then by the organisation written beside them ("AB (Kent)"); "Chair" is the
// meeting's chair; a full or first name is a listed person's when exactly one fits, and a full name
// nobody listed is taken as written. Bodies ("the secretariat", "DfE", "all LAs") and LAs are
// nobody.
std::string ResolveOwner(const RawAction& ra, size_t i, const PersonMention* mention,
                         const OwnerContext& ctx, std::vector<Finding>* findings) {
  const std::string& text = ra.owners[i];
  if (IsInitials(text)) {
    if (mention != nullptr && !mention->name.empty()) return mention->name.str();
    std::vector<const Person*> fits = ctx.people.Find(text);
    const std::string& org = ra.owner_organisations[i];
    if (!org.empty() && fits.size() > 1) {
      std::vector<const Person*> by_org;
      auto la = ctx.las.Resolve(org, ctx.match);
      for (const Person* p : fits) {
        bool same = nz::PersonNameKey(p->organisation) == nz::PersonNameKey(org);
        if (la)
          for (const std::string& code : la->gss_codes)
            same = same ||
                   std::find(p->la_codes.begin(), p->la_codes.end(), code) != p->la_codes.end();
        if (same) by_org.push_back(p);
      }
      fits = by_org;
    }
    return fits.size() == 1 ? fits[0]->name : "";
  }
  if (OwnerDirectory::IsChair(text)) return ctx.chair;
  std::vector<const Person*> fits = ctx.people.Find(text);
  if (fits.size() == 1) return fits[0]->name;
  if (fits.size() > 1) {
    std::string names;
    for (const Person* p : fits) names += (names.empty() ? "" : " or ") + p->name;
    findings->push_back(MakeFinding(FindingCode::kAmbiguousInitials,
                                    "the owner '" + text + "' may be " + names + "; write the name",
                                    ra.owner_spans[i]));
    return "";
  }
  // Nobody listed: a name written in full is still a person ("Mark Vening"); a single word, a body
  // ("the Board", "All LAs") or an LA is not.
  std::string lower = AsciiLower(text);
  if (text.find(' ') == std::string::npos || lower.rfind("the ", 0) == 0 ||
      lower.rfind("all ", 0) == 0 || ctx.las.Resolve(text, ctx.match))
    return "";
  return nz::NormalizePersonName(text);
}

// Actions as the schema has them: owners resolved, dates and statuses normalised, and a finding
// for whatever cannot be read.
std::vector<Action> ResolveActions(const std::vector<RawAction>& raw_actions,
                                   const std::vector<PersonMention>& person_mentions,
                                   const OwnerContext& ctx, const MeetingInfo& mi,
                                   const std::string& meeting_date,
                                   std::vector<Finding>* findings) {
  // The use of initials starting at `pos`, or nullptr. Uses are in text order: a binary search,
  // rather than an index of them all (a large note has hundreds of thousands).
  auto mention_at = [&](size_t pos) -> const PersonMention* {
    auto it = std::lower_bound(
        person_mentions.begin(), person_mentions.end(), pos,
        [](const PersonMention& m, size_t p) { return m.evidence.span.start < p; });
    return it != person_mentions.end() && it->evidence.span.start == pos ? &*it : nullptr;
  };
  SharedStringPool rules;  // one buffer per rule's name
  std::vector<Action> actions;
  actions.reserve(raw_actions.size());  // at most one each
  for (const RawAction& ra : raw_actions) {
    Action a;
    a.ref = ra.ref;
    a.text = ra.text;
    a.source = ra.source;
    a.evidence = {ra.span, ra.source == ActionSource::kLog ? 0.95 : 0.85, rules.Get(ra.rule)};
    for (size_t i = 0; i < ra.owners.size(); ++i) {
      Owner owner{ra.owners[i], "", "", ra.owner_spans[i]};
      owner.name = ResolveOwner(ra, i, mention_at(owner.span.start), ctx, findings);
      a.owners.push_back(std::move(owner));
    }
    a.issued = DateIso(ra.issued_raw, mi, ra.issued_span, /*due=*/false, findings);
    a.due = DateIso(ra.due_raw, mi, ra.due_span, /*due=*/true, findings);
    // An action written into the discussion was issued at this meeting, and may say when it is
    // due: "... to JS by 31 March.", "... sign off the terms of reference in June."
    // (A matters-arising update, which writes the ref, was set at an earlier meeting.)
    if (ra.source == ActionSource::kInline) {
      if (a.issued.empty() && ra.ref.empty()) a.issued = meeting_date;
      static const RE2 by_date(
          R"((?i)\b((?:by|before|no later than|in)\s+[^.;,]{3,40}?)\s*\.?\s*$)");
      re2::StringPiece when;
      if (a.due.empty() && RE2::PartialMatch(a.text, by_date, &when))
        if (auto d = ReadActionDate(std::string_view(when.data(), when.size()), mi, true))
          a.due = d->iso;
    }
    a.status_raw = ra.status_raw;
    if (!ra.status_raw.empty()) {
      if (auto s = nz::NormalizeStatus(ra.status_raw)) {
        a.status = *s;
      } else {
        findings->push_back(MakeFinding(FindingCode::kUnknownStatus,
                                        "action " + ra.ref + " has status '" + ra.status_raw +
                                            "', which is none of open, ongoing, complete, "
                                            "closed, no longer relevant",
                                        ra.status_span));
      }
    } else if (ra.source == ActionSource::kLog) {
      findings->push_back(
          MakeFinding(FindingCode::kMissingStatus, "action " + ra.ref + " has no status", ra.span));
    }
    actions.push_back(std::move(a));
  }
  return actions;
}

// The same owner written alike ("PN" and "PN") or resolved alike ("Priya" and "PN").
bool ShareAnOwner(const std::vector<Owner>& a, const std::vector<Owner>& b) {
  for (const Owner& x : a)
    for (const Owner& y : b)
      if (x.text == y.text || (!x.name.empty() && x.name == y.name)) return true;
  return false;
}

// Links each inline action to the log row it became: a row of the first action log after it
// (else of the last one before it) with the same owner, if both name one, holding at least 0.6 of
// the shorter text's words; the best, the later row on a tie. The log is found by a binary search
// and only its rows are compared, so the cost stays linear in the notes (times one log's length),
// never inline actions times all actions. `actions` parallels `raw_actions`.
void LinkInlineActions(const std::vector<RawAction>& raw_actions, std::vector<Action>* actions) {
  struct Log {
    size_t start;              // where its first row is written
    std::vector<size_t> rows;  // indices into actions
  };
  std::vector<Log> logs;  // in document order: FindActions gives the rows table by table
  for (size_t i = 0; i < raw_actions.size(); ++i) {
    const RawAction& r = raw_actions[i];
    if (r.source != ActionSource::kLog) continue;
    if (logs.empty() || r.table != static_cast<int>(logs.size()) - 1)
      logs.push_back({r.span.start, {}});
    logs.back().rows.push_back(i);
  }
  if (logs.empty()) return;
  std::vector<std::set<std::string>> words(actions->size());
  for (const Log& log : logs)
    for (size_t i : log.rows) words[i] = Words((*actions)[i].text);
  for (size_t j = 0; j < actions->size(); ++j) {
    Action& a = (*actions)[j];
    if (a.source != ActionSource::kInline) continue;
    size_t at = raw_actions[j].span.start;
    auto after = std::upper_bound(logs.begin(), logs.end(), at,
                                  [](size_t pos, const Log& log) { return pos < log.start; });
    const Log& target = after != logs.end() ? *after : logs.back();
    std::set<std::string> mine = Words(a.text);
    double best = 0.6;
    for (size_t i : target.rows) {
      const std::vector<Owner>& theirs = (*actions)[i].owners;
      if (!a.owners.empty() && !theirs.empty() && !ShareAnOwner(a.owners, theirs)) continue;
      double o = Overlap(mine, words[i]);
      if (o >= best) {
        best = o;
        a.linked_log_index = i;
      }
    }
    if (a.linked_log_index) a.ref = (*actions)[*a.linked_log_index].ref;
  }
}

}  // namespace

extern const Step kActionsStep = {
    "actions",
    {Datum::kActionLog, Datum::kPersonMentions, Datum::kMeeting, Datum::kPeople, Datum::kChair},
    {Datum::kActions},
    [](Workspace* w) {
      OwnerDirectory people(w->x.people);
      OwnerContext ctx{people, w->x.meeting.chair, w->las, w->match};
      w->x.actions = ResolveActions(w->raw_actions, w->x.person_mentions, ctx, w->meeting_info,
                                    w->x.meeting.date, &w->x.findings);
    }};

extern const Step kActionLinksStep = {
    "action_links", {Datum::kActions, Datum::kActionLog}, {Datum::kActionLinks}, [](Workspace* w) {
      LinkInlineActions(w->raw_actions, &w->x.actions);
    }};

}  // namespace minutes
