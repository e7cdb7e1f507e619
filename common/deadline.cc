#include "common/deadline.h"

#include <cmath>
#include <sstream>

namespace minutes {

Deadline Deadline::After(double seconds) {
  Deadline d;
  // Past about 30 years the time point would overflow the clock's range: that is no limit either.
  if (!(seconds > 0) || seconds > 1e9) return d;
  d.set_ = true;
  d.seconds_ = seconds;
  d.at_ = std::chrono::steady_clock::now() +
          std::chrono::duration_cast<std::chrono::steady_clock::duration>(
              std::chrono::duration<double>(seconds));
  return d;
}

Status Deadline::Check() const {
  if (!expired()) return Status::OK();
  std::ostringstream s;
  s << "the document took longer than max_seconds (" << seconds_ << ")";
  return Status::TooLarge(s.str());
}

}  // namespace minutes
