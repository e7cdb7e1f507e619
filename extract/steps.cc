#include "extract/steps.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <set>

#include "extract/findings.h"

namespace minutes {

// The registry: one line per step, in the order they run when the data allow. Each step is
// defined in the file named beside it. (The declarations say where to look; the list is the
// registry.)
extern const Step kMeetingStep;         // meeting.cc
extern const Step kPeopleStep;          // people.cc
extern const Step kChairStep;           // people.cc
extern const Step kLaMentionsStep;      // mentions.cc
extern const Step kActionLogStep;       // action_log.cc
extern const Step kPersonMentionsStep;  // mentions.cc
extern const Step kActionsStep;         // actions.cc
extern const Step kActionLinksStep;     // actions.cc
extern const Step kMoneyStep;           // money.cc
extern const Step kCompletenessStep;    // findings.cc
extern const Step kPersonIdsStep;       // person_ids.cc
extern const Step kValidationStep;      // validation.cc
extern const Step kAgendaStep;          // agenda.cc
extern const Step kItemLinksStep;       // agenda.cc

const std::vector<const Step*>& RegisteredSteps() {
  static const std::vector<const Step*> steps = {
      &kMeetingStep,         //
      &kAgendaStep,          //
      &kPeopleStep,          //
      &kChairStep,           //
      &kLaMentionsStep,      //
      &kActionLogStep,       //
      &kPersonMentionsStep,  //
      &kActionsStep,         //
      &kActionLinksStep,     //
      &kMoneyStep,           //
      &kItemLinksStep,       //
      &kCompletenessStep,    //
      &kPersonIdsStep,       //
      &kValidationStep,      //
  };
  return steps;
}

namespace {

// Names the steps of a cycle among the steps not yet ordered. Each of them waits on a step not yet
// ordered (else it would be ready), so following those waits from any of them must come back to
// a step already passed: the steps from there on are the cycle.
Status CycleError(const std::vector<const Step*>& steps, const std::map<Datum, const Step*>& writer,
                  const std::set<const Step*>& done) {
  std::vector<const Step*> path;
  const Step* s = nullptr;
  for (const Step* t : steps)
    if (!done.count(t)) {
      s = t;
      break;
    }
  while (std::find(path.begin(), path.end(), s) == path.end()) {
    path.push_back(s);
    for (Datum d : s->reads) {
      const Step* w = writer.at(d);
      if (w != s && !done.count(w)) {
        s = w;
        break;
      }
    }
  }
  std::string names;
  for (auto it = std::find(path.begin(), path.end(), s); it != path.end(); ++it)
    names += "'" + std::string((*it)->name) + "' -> ";
  return Status::InvalidArgument("the steps read one another in a cycle: " + names + "'" +
                                 std::string(s->name) + "'");
}

}  // namespace

Status OrderSteps(const std::vector<const Step*>& steps, std::vector<const Step*>* ordered) {
  ordered->clear();
  std::map<Datum, const Step*> writer;
  for (const Step* s : steps)
    for (Datum d : s->writes)
      if (!writer.emplace(d, s).second)
        return Status::InvalidArgument("steps '" + std::string(writer[d]->name) + "' and '" +
                                       std::string(s->name) + "' write the same datum");
  for (const Step* s : steps)
    for (Datum d : s->reads)
      if (!writer.count(d))
        return Status::InvalidArgument("step '" + std::string(s->name) +
                                       "' reads a datum no step writes");
  // Kahn's algorithm, taking the earliest registered ready step each time: deterministic.
  std::set<const Step*> done;
  while (ordered->size() < steps.size()) {
    const Step* next = nullptr;
    for (const Step* s : steps) {
      if (done.count(s)) continue;
      bool ready = true;
      for (Datum d : s->reads) ready = ready && (writer[d] == s || done.count(writer[d]) > 0);
      if (ready) {
        next = s;
        break;
      }
    }
    if (next == nullptr) return CycleError(steps, writer, done);
    done.insert(next);
    ordered->push_back(next);
  }
  return Status::OK();
}

const std::vector<const Step*>& OrderedSteps() {
  static const std::vector<const Step*>* ordered = [] {
    auto* v = new std::vector<const Step*>;
    Status s = OrderSteps(RegisteredSteps(), v);
    if (!s.ok()) {
      std::fprintf(stderr, "minutes: internal error: %s\n", s.ToString().c_str());
      std::abort();
    }
    return v;
  }();
  return *ordered;
}

Status RunSteps(Workspace* w, const Deadline& deadline) {
  for (const Step* step : OrderedSteps()) {
    step->run(w);
    if (Status s = deadline.Check(); !s.ok()) return s;
  }
  MergeRepeatedFindings(&w->x.findings);
  return Status::OK();
}

}  // namespace minutes
