// Internal to extract: stable person ids on everything that names a person.

#ifndef MINUTES_EXTRACT_PERSON_IDS_H_
#define MINUTES_EXTRACT_PERSON_IDS_H_

#include "model/model.h"

namespace minutes {

// Sets Person::person_id (normalize::PersonId of the name and the organisation: its GSS code when
// it is one LA, else the organisation as written), then every other person id in `x` from the name
// beside it: the chair, substitutes, action owners, uses of initials. A name nobody listed gets the
// id of the name alone. Names left empty leave their id empty. Idempotent: run it again after
// names change (series settlement).
void AssignPersonIds(Extraction* x);

}  // namespace minutes

#endif  // MINUTES_EXTRACT_PERSON_IDS_H_
