// Action-log status words -> the canonical set.

#include <unordered_map>

#include "normalize/fold.h"
#include "normalize/normalize.h"

namespace minutes::normalize {

namespace {

// How finished a status is, for "A/B" cells: the less finished word wins.
int Rank(ActionStatus s) {
  switch (s) {
    case ActionStatus::kOpen:
      return 0;
    case ActionStatus::kOngoing:
      return 1;
    case ActionStatus::kComplete:
      return 2;
    case ActionStatus::kClosed:
      return 3;
    case ActionStatus::kNoLongerRelevant:
      return 4;
  }
  return 0;
}

// Folded (NFKC case-folded, spaces collapsed; "-" and "_" read as spaces) single status phrases.
const std::unordered_map<std::string, ActionStatus>& Table() {
  static const auto* const table = new std::unordered_map<std::string, ActionStatus>{
      {"open", ActionStatus::kOpen},
      {"new", ActionStatus::kOpen},
      {"not started", ActionStatus::kOpen},
      {"not yet started", ActionStatus::kOpen},
      {"to do", ActionStatus::kOpen},
      {"todo", ActionStatus::kOpen},
      {"outstanding", ActionStatus::kOpen},
      {"pending", ActionStatus::kOpen},
      {"on hold", ActionStatus::kOpen},
      {"red", ActionStatus::kOpen},
      {"in progress", ActionStatus::kOngoing},
      {"inprogress", ActionStatus::kOngoing},
      {"ongoing", ActionStatus::kOngoing},
      {"on going", ActionStatus::kOngoing},
      {"underway", ActionStatus::kOngoing},
      {"under way", ActionStatus::kOngoing},
      {"in hand", ActionStatus::kOngoing},
      {"started", ActionStatus::kOngoing},
      {"carried forward", ActionStatus::kOngoing},
      {"carried over", ActionStatus::kOngoing},
      {"c/f", ActionStatus::kOngoing},
      {"amber", ActionStatus::kOngoing},
      {"complete", ActionStatus::kComplete},
      {"completed", ActionStatus::kComplete},
      {"done", ActionStatus::kComplete},
      {"finished", ActionStatus::kComplete},
      {"achieved", ActionStatus::kComplete},
      {"actioned", ActionStatus::kComplete},
      {"green", ActionStatus::kComplete},
      {"closed", ActionStatus::kClosed},
      {"close", ActionStatus::kClosed},
      {"no longer relevant", ActionStatus::kNoLongerRelevant},
      {"not relevant", ActionStatus::kNoLongerRelevant},
      {"no longer required", ActionStatus::kNoLongerRelevant},
      {"withdrawn", ActionStatus::kNoLongerRelevant},
      {"cancelled", ActionStatus::kNoLongerRelevant},
      {"canceled", ActionStatus::kNoLongerRelevant},
      {"superseded", ActionStatus::kNoLongerRelevant},
      {"n/a", ActionStatus::kNoLongerRelevant},
  };
  return *table;
}

std::string Fold(std::string_view raw) {
  std::string s = internal::FoldCase(raw);
  for (char& c : s) {
    if (c == '-' || c == '_') c = ' ';
  }
  s = internal::CollapseSpaces(s);
  while (!s.empty() && (s.back() == '.' || s.back() == '!' || s.back() == ' ')) s.pop_back();
  return s;
}

std::optional<ActionStatus> Lookup(const std::string& folded) {
  auto it = Table().find(folded);
  if (it == Table().end()) return std::nullopt;
  return it->second;
}

}  // namespace

std::optional<ActionStatus> NormalizeStatus(std::string_view raw) {
  std::string folded = Fold(raw);
  if (folded.empty()) return std::nullopt;
  std::optional<ActionStatus> status = Lookup(folded);
  if (!status) {
    // "Ongoing/complete", "Ongoing/\ncomplete": every part must be a status; the least finished
    // wins.
    size_t slash = folded.find('/');
    if (slash == std::string::npos || folded == "n/a" || folded == "c/f") return std::nullopt;
    size_t pos = 0;
    while (pos <= folded.size()) {
      size_t next = folded.find('/', pos);
      if (next == std::string::npos) next = folded.size();
      std::optional<ActionStatus> part =
          Lookup(internal::CollapseSpaces(folded.substr(pos, next - pos)));
      if (!part) return std::nullopt;
      if (!status || Rank(*part) < Rank(*status)) status = part;
      pos = next + 1;
    }
  }
  return status;
}

}  // namespace minutes::normalize
