// The registry of people across meetings.

#include <algorithm>
#include <cstdint>
#include <cstdio>

#include "normalize/fold.h"
#include "normalize/normalize.h"

namespace minutes::normalize {

namespace {

std::string StableId(const std::string& name_key, const std::string& org_key) {
  uint64_t h = 14695981039346656037ull;  // FNV-1a 64
  auto mix = [&](const std::string& s) {
    for (unsigned char c : s) {
      h ^= c;
      h *= 1099511628211ull;
    }
  };
  mix(name_key);
  mix(std::string(1, '\x1f'));
  mix(org_key);
  char buf[24];
  std::snprintf(buf, sizeof buf, "p-%016llx", static_cast<unsigned long long>(h));
  return buf;
}

std::string UpperAscii(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    if (c != ' ' && c != '.') out.push_back(c);
  }
  return out;
}

}  // namespace

const char* AttendanceName(Attendance attendance) {
  switch (attendance) {
    case Attendance::kPresent:
      return "present";
    case Attendance::kApologies:
      return "apologies";
    case Attendance::kChair:
      return "chair";
    case Attendance::kMentioned:
      return "mentioned";
  }
  return "unknown";
}

std::string PersonId(std::string_view raw_name, std::string_view organisation) {
  std::string display = NormalizePersonName(raw_name);
  if (display.empty()) return "";
  return StableId(internal::FoldCase(display),
                  internal::FoldCase(internal::CollapseSpaces(organisation)));
}

std::string PersonRegistry::Add(std::string_view raw_name, std::string_view organisation,
                                std::string_view meeting_id, Attendance attendance) {
  std::string display = NormalizePersonName(raw_name);
  if (display.empty()) return "";
  std::string name_key = internal::FoldCase(display);
  std::string id = PersonId(display, organisation);

  auto it = by_id_.find(id);
  PersonRecord* person;
  if (it == by_id_.end()) {
    PersonRecord p;
    p.id = id;
    p.display_name = display;
    p.name_key = name_key;
    p.organisation = internal::CollapseSpaces(organisation);
    p.initials = Initials(display);
    p.initials_variants = InitialsVariants(display);
    by_id_.emplace(id, people_.size());
    people_.push_back(std::move(p));
    person = &people_.back();
  } else {
    person = &people_[it->second];
  }
  std::string raw(raw_name);
  if (std::find(person->raw_names.begin(), person->raw_names.end(), raw) ==
      person->raw_names.end()) {
    person->raw_names.push_back(raw);
  }
  for (const PersonAppearance& a : person->appearances) {
    if (a.meeting_id == meeting_id && a.attendance == attendance) return id;
  }
  person->appearances.push_back(PersonAppearance{std::string(meeting_id), attendance, raw});
  return id;
}

std::vector<const PersonRecord*> PersonRegistry::FindByInitials(std::string_view initials,
                                                                std::string_view meeting_id) const {
  const std::string wanted = UpperAscii(initials);
  std::vector<const PersonRecord*> primary, other;
  if (wanted.empty()) return primary;
  for (const PersonRecord& p : people_) {
    if (!meeting_id.empty() &&
        std::none_of(p.appearances.begin(), p.appearances.end(),
                     [&](const PersonAppearance& a) { return a.meeting_id == meeting_id; })) {
      continue;
    }
    if (p.initials == wanted) {
      primary.push_back(&p);
    } else if (std::find(p.initials_variants.begin(), p.initials_variants.end(), wanted) !=
               p.initials_variants.end()) {
      other.push_back(&p);
    }
  }
  primary.insert(primary.end(), other.begin(), other.end());
  return primary;
}

const PersonRecord* PersonRegistry::Find(std::string_view id) const {
  auto it = by_id_.find(id);
  return it == by_id_.end() ? nullptr : &people_[it->second];
}

}  // namespace minutes::normalize
