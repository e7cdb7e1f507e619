// The person_ids step: who is who, as ids that are the same in every meeting and document.

#include "extract/person_ids.h"

#include <map>

#include "extract/steps.h"
#include "normalize/normalize.h"

namespace minutes {

void AssignPersonIds(Extraction* x) {
  // Display name -> id: a listed person's first, else the name's alone, made once per name so
  // that its uses share one buffer.
  std::map<std::string, SharedString, std::less<>> by_name;
  for (Person& p : x->people) {
    p.person_id = normalize::PersonId(
        p.name, p.la_codes.size() == 1 ? std::string_view(p.la_codes[0]) : p.organisation);
    by_name.emplace(p.name, p.person_id);
  }
  auto id_of = [&](std::string_view name) -> SharedString {
    if (name.empty()) return {};
    auto it = by_name.find(name);
    if (it == by_name.end())
      it = by_name.emplace(std::string(name), normalize::PersonId(name, "")).first;
    return it->second;
  };
  x->meeting.chair_person_id = id_of(x->meeting.chair).str();
  for (Person& p : x->people) p.substitute_for_person_id = id_of(p.substitute_for).str();
  for (Action& a : x->actions)
    for (Owner& o : a.owners) o.person_id = id_of(o.name).str();
  for (PersonMention& m : x->person_mentions) m.person_id = id_of(m.name);
}

extern const Step kPersonIdsStep = {
    "person_ids",
    {Datum::kPeople, Datum::kChair, Datum::kActions, Datum::kPersonMentions},
    {Datum::kPersonIds},
    [](Workspace* w) { AssignPersonIds(&w->x); }};

}  // namespace minutes
