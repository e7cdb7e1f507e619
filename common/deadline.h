// Deadline: when work on one document must give up, so that no input can hold a worker, a request
// or a batch for longer than the user allows (`--max-seconds`).
//
//   minutes::Deadline deadline = minutes::Deadline::After(options.max_seconds);
//   for (const Block& b : blocks) {
//     if (Status s = deadline.Check(); !s.ok()) return s;   // "... longer than max_seconds (60)"
//     ...
//   }
//
// The check is cooperative: callers check between units of work whose own cost is bounded (a
// block, a page, an extraction step), because a thread cannot be stopped safely from outside. A
// check costs one read of the monotonic clock (tens of nanoseconds).

#ifndef MINUTES_COMMON_DEADLINE_H_
#define MINUTES_COMMON_DEADLINE_H_

#include <chrono>

#include "common/status.h"

namespace minutes {

class Deadline {
 public:
  // Never expires.
  Deadline() = default;
  // `seconds` from now; 0 or less (or more than 1e9, past the clock's range) never expires.
  static Deadline After(double seconds);

  bool expired() const { return set_ && std::chrono::steady_clock::now() >= at_; }
  // OK, or kTooLarge "the document took longer than max_seconds (S)".
  Status Check() const;

 private:
  bool set_ = false;
  double seconds_ = 0;
  std::chrono::steady_clock::time_point at_;
};

}  // namespace minutes

#endif  // MINUTES_COMMON_DEADLINE_H_
