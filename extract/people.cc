// People: from listed entries to Person records, and from initials back to people.

#include "extract/people.h"

#include <re2/re2.h>

#include <algorithm>
#include <map>

namespace minutes {
namespace {

namespace nz = normalize;

// "September Shaded", "Tuesday March": a month or weekday is not part of a person's name.
bool HasCalendarWord(std::string_view words) {
  static const RE2 re(
      R"(\b(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b)");
  return RE2::PartialMatch(re2::StringPiece(words.data(), words.size()), re);
}

void AddUnique(std::vector<std::string>* v, const std::string& x) {
  if (std::find(v->begin(), v->end(), x) == v->end()) v->push_back(x);
}

}  // namespace

std::vector<Person> ResolvePeople(const std::vector<ListedPerson>& listed,
                                  const nz::LaRegister& las, const nz::MatchOptions& match) {
  std::vector<Person> people;
  std::map<std::string, size_t> by_key;
  for (const ListedPerson& lp : listed) {
    std::string key = nz::PersonNameKey(lp.name_raw);
    if (key.empty()) continue;
    auto it = by_key.find(key);
    if (it != by_key.end()) {
      // Listed twice (chair and attendee, or attendee and apologies): keep the first, merge.
      Person& p = people[it->second];
      for (const std::string& r : lp.roles) AddUnique(&p.roles, r);
      if (p.organisation.empty() && !lp.organisation_raw.empty())
        p.organisation = lp.organisation_raw;
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
    p.evidence.confidence = 0.95;
    if (!lp.organisation_raw.empty()) {
      if (auto m = las.Resolve(lp.organisation_raw, match)) {
        p.organisation = m->canonical_name;
        p.la_codes = m->gss_codes;
      } else {
        p.organisation = lp.organisation_raw;
        p.evidence.confidence = 0.9;
      }
    } else {
      p.evidence.confidence = 0.8;
    }
    by_key[key] = people.size();
    people.push_back(std::move(p));
  }
  return people;
}

InitialsResolver::InitialsResolver(const std::vector<Person>& people, std::string_view body,
                                   const std::vector<Span>& la_spans) {
  for (const Person& p : people)
    listed_.push_back({p.name, p.la_codes, p.roles, /*listed=*/true, /*primary=*/false});

    // Names written in the notes: two or three capitalised words ("Mark Vening", "Mac Heath",
    // "Julie McNally") that are not part of an LA mention.
    // A name word: capitalised, with an optional Mc/Mac/O' prefix before the capital
    // ("McNally", "MacAllister", "O'Sullivan") and hyphenated parts ("Lee-Townsend").
#define MINUTES_NAME_WORD R"((?:Mc|Mac|O['’])?[A-Z][a-z]+(?:-[A-Z][a-z]+)?)"
  static const RE2 name_re("(" MINUTES_NAME_WORD R"((?:\s)" MINUTES_NAME_WORD "){1,2})");
#undef MINUTES_NAME_WORD
  re2::StringPiece input(body.data(), body.size());
  re2::StringPiece name;
  std::map<std::string, bool> seen;
  for (const Person& p : people) seen[nz::PersonNameKey(p.name)] = true;
  while (RE2::FindAndConsume(&input, name_re, &name)) {
    size_t start = name.data() - body.data(), end = start + name.size();
    bool in_la = false;
    for (const Span& s : la_spans)
      if (s.start < end && start < s.end) in_la = true;
    if (in_la || HasCalendarWord(std::string_view(name.data(), name.size()))) continue;
    std::string display = nz::NormalizePersonName(std::string_view(name.data(), name.size()));
    std::string key = nz::PersonNameKey(display);
    if (seen[key]) continue;
    seen[key] = true;
    written_.push_back({display, {}, {}, /*listed=*/false, /*primary=*/false});
  }
}

std::vector<InitialsResolver::Candidate> InitialsResolver::Candidates(
    std::string_view initials) const {
  std::vector<Candidate> primary, variant, written;
  for (const Candidate& c : listed_) {
    std::vector<std::string> variants = nz::InitialsVariants(c.name);
    if (variants.empty()) continue;
    if (variants[0] == initials) {
      primary.push_back(c);
      primary.back().primary = true;
    } else if (std::find(variants.begin(), variants.end(), initials) != variants.end()) {
      variant.push_back(c);
    }
  }
  if (!primary.empty()) return primary;
  if (!variant.empty()) return variant;
  for (const Candidate& c : written_)
    if (nz::Initials(c.name) == initials) {
      written.push_back(c);
      written.back().primary = true;
    }
  return written;
}

}  // namespace minutes
