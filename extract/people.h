// Internal to extract: resolving people and their initials within one meeting.

#ifndef MINUTES_EXTRACT_PEOPLE_H_
#define MINUTES_EXTRACT_PEOPLE_H_

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "extract/attendance.h"
#include "extract/extract.h"
#include "normalize/normalize.h"

namespace minutes {

// Turns the listed people into Person records: display names, initials, organisations resolved
// to LAs (a non-LA body such as SESLIP keeps its name and has no codes). A person listed twice
// (chair and attendee) is merged, their roles kept in OrderRoles' order. A substitute who does
// not say for whom (ListedPerson::substitute) stands for the one member of the same organisation
// who sent apologies or was absent; with several such members, for nobody.
std::vector<Person> ResolvePeople(const std::vector<ListedPerson>& listed,
                                  const normalize::LaRegister& las,
                                  const normalize::MatchOptions& match);

// Who initials may stand for in this meeting: the listed people first, then full names written
// elsewhere in the notes ("Mark Vening and Peter Hodges to ...", "DCS Mac Heath").
class InitialsResolver {
 public:
  // `people` must outlive the resolver. `body` is the text the written names are looked for in;
  // `la_spans` are the LA mentions in it (an LA name is never a person's name).
  // `caps_tokens` are the candidate initials in `body` (CapsTokens).
  InitialsResolver(const std::vector<Person>& people, std::string_view body,
                   const std::vector<Span>& la_spans, const std::vector<Span>& caps_tokens);

  struct Candidate {
    SharedString name;                  // display name, shared by the uses it resolves
    std::vector<std::string> la_codes;  // empty when unknown
    std::vector<std::string> roles;
    bool listed = false;   // in the meeting's attendance lists
    bool primary = false;  // the initials are the name's own, not a variant
  };

  // Everyone the initials may mean, best first: listed people whose own initials these are, then
  // listed people by a variant, then names written in the notes. Empty when nobody.
  // The reference lives as long as the resolver.
  const std::vector<Candidate>& Candidates(std::string_view initials) const;

 private:
  // Built once by the constructor: initials -> who they may mean, in the three tiers above.
  struct Tiers {
    std::vector<Candidate> primary, variant, written;
  };
  std::map<std::string, Tiers, std::less<>> by_initials_;
};

}  // namespace minutes

#endif  // MINUTES_EXTRACT_PEOPLE_H_
