// People: from listed entries to Person records, and from initials back to people.

#include "extract/people.h"

#include <re2/re2.h>

#include <algorithm>
#include <map>
#include <set>

#include "extract/findings.h"
#include "extract/mentions.h"
#include "extract/spans.h"
#include "extract/steps.h"

namespace minutes {
namespace {

namespace nz = normalize;

// "September Shaded", "Tuesday March": a month or weekday is not part of a person's name.
bool HasCalendarWord(std::string_view words) {
  static const RE2 re(
      R"(\b(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b)");
  return RE2::PartialMatch(re2::StringPiece(words.data(), words.size()), re);
}

// A name's initials are some of its capital letters, in order, starting with the first. So a name
// whose capitals do not hold any wanted initials that way cannot give them (a cheap, exact
// necessary condition that spares most names the ICU work).
bool CouldGiveAny(std::string_view raw, const std::set<std::string, std::less<>>& wanted) {
  std::string capitals;
  for (char c : raw)
    if (c >= 'A' && c <= 'Z') capitals += c;
  for (const std::string& w : wanted) {
    if (capitals.empty() || w[0] != capitals[0]) continue;
    size_t i = 0;
    for (char c : capitals)
      if (i < w.size() && c == w[i]) ++i;
    if (i == w.size()) return true;
  }
  return false;
}

void AddUnique(std::vector<std::string>* v, const std::string& x) {
  if (std::find(v->begin(), v->end(), x) == v->end()) v->push_back(x);
}

// Sets the person's organisation from `raw`: the LA or group it resolves to, else as written.
void SetOrganisation(std::string_view raw, const nz::LaRegister& las, const nz::MatchOptions& match,
                     Person* p) {
  if (auto m = las.Resolve(raw, match)) {
    p->organisation = m->canonical_name;
    p->la_codes = m->gss_codes;
    p->evidence.confidence = 0.95;
  } else {
    p->organisation = std::string(raw);
    p->evidence.confidence = 0.9;
  }
}

bool SameOrganisation(const Person& a, const Person& b) {
  if (!a.la_codes.empty() || !b.la_codes.empty()) return a.la_codes == b.la_codes;
  return !a.organisation.empty() &&
         nz::PersonNameKey(a.organisation) == nz::PersonNameKey(b.organisation);
}

// A substitute stands for the one member of their organisation who is not there (apologies or
// absent) and whom nobody else stands for. With none or several such members, nobody is named.
void LinkSubstitutes(const std::vector<size_t>& substitutes, std::vector<Person>* people) {
  std::set<std::string> taken;
  for (const Person& p : *people)
    if (!p.substitute_for.empty()) taken.insert(nz::PersonNameKey(p.substitute_for));
  for (size_t s : substitutes) {
    Person& sub = (*people)[s];
    if (!sub.substitute_for.empty()) continue;
    const Person* member = nullptr;
    int found = 0;
    for (const Person& p : *people) {
      if (p.attendance == Attendance::kPresent || !SameOrganisation(sub, p) ||
          taken.count(nz::PersonNameKey(p.name)))
        continue;
      member = &p;
      ++found;
    }
    if (found != 1) continue;
    sub.substitute_for = member->name;
    taken.insert(nz::PersonNameKey(member->name));
  }
}

}  // namespace

std::vector<Person> ResolvePeople(const std::vector<ListedPerson>& listed,
                                  const nz::LaRegister& las, const nz::MatchOptions& match) {
  std::vector<Person> people;
  std::map<std::string, size_t> by_key;
  std::vector<size_t> substitutes;  // listed as substitutes without saying for whom
  for (const ListedPerson& lp : listed) {
    std::string key = nz::PersonNameKey(lp.name_raw);
    if (key.empty()) continue;
    auto it = by_key.find(key);
    if (it != by_key.end()) {
      // Listed twice (chair and attendee, or attendee and apologies): keep the first, merge.
      Person& p = people[it->second];
      for (const std::string& r : lp.roles) AddUnique(&p.roles, r);
      OrderRoles(&p.roles);
      if (p.organisation.empty() && !lp.organisation_raw.empty())
        SetOrganisation(lp.organisation_raw, las, match, &p);
      if (p.substitute_for.empty() && !lp.substitute_for_raw.empty())
        p.substitute_for = nz::NormalizePersonName(lp.substitute_for_raw);
      if (lp.substitute) substitutes.push_back(it->second);
      continue;
    }
    Person p;
    p.name_raw = lp.name_raw;
    p.name = nz::NormalizePersonName(lp.name_raw);
    p.initials = nz::Initials(p.name);
    p.attendance = lp.attendance;
    p.roles = lp.roles;
    if (!lp.substitute_for_raw.empty())
      p.substitute_for = nz::NormalizePersonName(lp.substitute_for_raw);
    p.evidence.span = lp.name_span;
    p.evidence.rule = lp.rule;
    if (!lp.organisation_raw.empty())
      SetOrganisation(lp.organisation_raw, las, match, &p);
    else
      p.evidence.confidence = 0.8;
    if (lp.substitute) substitutes.push_back(people.size());
    by_key[key] = people.size();
    people.push_back(std::move(p));
  }
  LinkSubstitutes(substitutes, &people);
  return people;
}

InitialsResolver::InitialsResolver(const std::vector<Person>& people, std::string_view body,
                                   const std::vector<Span>& la_spans,
                                   const std::vector<Span>& caps_tokens) {
  for (const Person& p : people) {
    std::vector<std::string> variants = nz::InitialsVariants(p.name);
    for (size_t i = 0; i < variants.size(); ++i) {
      Candidate c{p.name, p.la_codes, p.roles, /*listed=*/true, /*primary=*/i == 0};
      Tiers& t = by_initials_[variants[i]];
      (i == 0 ? t.primary : t.variant).push_back(std::move(c));
    }
  }

  // Only initials that no listed person owns are ever looked up among written names.
  std::set<std::string, std::less<>> wanted;
  for (const Span& s : caps_tokens) {
    if (s.end > body.size()) break;
    std::string_view caps = body.substr(s.start, s.size());
    if (by_initials_.find(caps) == by_initials_.end()) wanted.insert(std::string(caps));
  }
  if (wanted.empty()) return;  // no written name could give any: the pattern is not needed

    // Names written in the notes: two or three capitalised words ("Mark Vening", "Mac Heath",
    // "Julie McNally") that are not part of an LA mention.
    // A name word: capitalised, with an optional Mc/Mac/O' prefix before the capital
    // ("McNally", "MacAllister", "O'Sullivan") and hyphenated parts ("Lee-Townsend").
#define MINUTES_NAME_WORD R"((?:Mc|Mac|O['’])?[A-Z][a-z]+(?:-[A-Z][a-z]+)?)"
  static const RE2 name_re("(" MINUTES_NAME_WORD R"((?:\s)" MINUTES_NAME_WORD "){1,2})");
#undef MINUTES_NAME_WORD
  re2::StringPiece input(body.data(), body.size());
  re2::StringPiece name;

  // Each distinct spelling is normalised once, and only if it could give wanted initials.
  std::set<std::string, std::less<>> seen_raw, seen_display;
  for (const Person& p : people) seen_display.insert(p.name);
  while (RE2::FindAndConsume(&input, name_re, &name)) {
    size_t start = name.data() - body.data(), end = start + name.size();
    std::string_view raw(name.data(), name.size());
    if (!seen_raw.insert(std::string(raw)).second || !CouldGiveAny(raw, wanted)) continue;
    if (AnyOverlapping(la_spans, Span{start, end}) || HasCalendarWord(raw)) continue;
    std::string display = nz::NormalizePersonName(raw);
    if (!seen_display.insert(display).second) continue;
    std::string initials = nz::Initials(display);
    by_initials_[initials].written.push_back(
        {std::move(display), {}, {}, /*listed=*/false, /*primary=*/true});
  }
}

const std::vector<InitialsResolver::Candidate>& InitialsResolver::Candidates(
    std::string_view initials) const {
  static const std::vector<Candidate> kNobody;
  auto it = by_initials_.find(initials);
  if (it == by_initials_.end()) return kNobody;
  const Tiers& t = it->second;
  if (!t.primary.empty()) return t.primary;
  if (!t.variant.empty()) return t.variant;
  return t.written;
}

namespace {

// Bodies that are not LAs but stand where an organisation does: "Ofsted", "DfE", "SESLIP",
// "Kent County Council", "Sussex Partnership NHS Foundation Trust", "Magistrates' Association",
// "Essex CC", "Wigan MBC" (a council's suffix: the matcher resolves the LA).
bool LooksLikeOrganisation(std::string_view piece) {
  static const RE2 re(
      R"(\b(?:Council|Trust|NHS|DfE|Ofsted|SESLIP|Partnership|Agency|Ltd|Limited|CIC|ICB|University|College|Association|Society|Police|Foundation|Charity|Department|Academy|CC|MBC|BC|DC|CBC|RBC|LBC)\b)");
  return RE2::PartialMatch(re2::StringPiece(piece.data(), piece.size()), re);
}

// The council whose own meeting the title names ("Wigan Council — Cabinet", "Stockport
// Metropolitan Borough Council Cabinet"), as written; empty when the title names no council or
// more than one (a joint committee).
std::string CouncilOfTitle(std::string_view title, const nz::LaRegister& las,
                           const nz::MatchOptions& match) {
  if (title.find("Council") == std::string_view::npos) return "";  // both patterns need it
  // Capitalised words, joined by "and", "upon", "on" or "of", ending in "Council".
  static const RE2 re(
      R"(((?:[A-Z][\w'’.-]*\s+(?:(?:and|upon|on|of)\s+)?)*?[A-Z][\w'’.-]*\s+Council)\b)");
  static const RE2 council(R"(\bCouncils?\b)");
  re2::StringPiece input(title.data(), title.size()), found;
  int councils = 0;
  re2::StringPiece scan = input;
  while (RE2::FindAndConsume(&scan, council)) ++councils;
  if (councils != 1 || !RE2::PartialMatch(input, re, &found)) return "";
  std::string_view run(found.data(), found.size());
  // "Cabinet of Wigan Council": the council is the longest tail the register knows, else the
  // words after the last "of" (unless "Borough of", "City of" name the council itself).
  for (size_t pos = 0; pos < run.size(); pos = run.find(' ', pos) + 1) {
    if (las.Resolve(run.substr(pos), match)) return std::string(run.substr(pos));
    if (run.find(' ', pos) == std::string_view::npos) break;
  }
  size_t of = run.rfind(" of ");
  if (of != std::string_view::npos) {
    std::string_view before = run.substr(0, of);
    std::string_view word =
        before.substr(before.rfind(' ') == std::string_view::npos ? 0 : before.rfind(' ') + 1);
    if (word != "Borough" && word != "City" && word != "County")
      return std::string(run.substr(of + 4));
  }
  return std::string(run);
}

}  // namespace

// The people listed, resolved; their LAs become the ones the matcher expects in the notes.
// People with no organisation written at a council's own meeting (its cabinet, a committee) are
// the council's, but for observers and guests, who may come from anywhere.
// The text's LA scan, made here for the meeting's area, is settled again by la_mentions.
extern const Step kPeopleStep = {
    "people", {Datum::kMeeting}, {Datum::kPeople, Datum::kLaScan}, [](Workspace* w) {
      auto is_organisation = [w](std::string_view piece) {
        return w->las.Resolve(piece, w->match).has_value() || LooksLikeOrganisation(piece);
      };
      w->listed_people = FindAttendance(w->doc, is_organisation);
      w->la_scan = w->las.ScanMentions(w->doc.text);
      w->match = MeetingArea(w->las, w->la_scan, w->listed_people, w->match);
      w->x.people = ResolvePeople(w->listed_people, w->las, w->match);
      std::string council = CouncilOfTitle(w->x.meeting.title, w->las, w->match);
      if (!council.empty())
        for (Person& p : w->x.people) {
          bool visitor = std::any_of(p.roles.begin(), p.roles.end(), [](const std::string& r) {
            return r == "observer" || r == "guest";
          });
          if (!p.organisation.empty() || visitor) continue;
          SetOrganisation(council, w->las, w->match, &p);
          p.evidence.rule = p.evidence.rule.str() + "+council_of_title";
        }
      std::vector<std::string>& expected = w->match.expected_gss_codes;
      for (const Person& p : w->x.people)
        for (const std::string& code : p.la_codes)
          if (std::find(expected.begin(), expected.end(), code) == expected.end())
            expected.push_back(code);
    }};

// The chair is the first person with the role; one who sent apologies cannot have chaired.
extern const Step kChairStep = {
    "chair", {Datum::kPeople, Datum::kMeeting}, {Datum::kChair}, [](Workspace* w) {
      for (const Person& p : w->x.people) {
        if (std::find(p.roles.begin(), p.roles.end(), "chair") == p.roles.end()) continue;
        w->x.meeting.chair = p.name;
        if (p.attendance == Attendance::kApologies)
          w->x.findings.push_back(
              MakeFinding(FindingCode::kChairSentApologies,
                          "the chair, " + p.name + ", sent apologies: say who chaired the meeting",
                          p.evidence.span));
        return;
      }
    }};

}  // namespace minutes
