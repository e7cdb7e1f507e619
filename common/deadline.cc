#include "common/deadline.h"

#include <cmath>
#include <sstream>

namespace minutes {

Deadline Deadline::After(double seconds) {
  Deadline d;
  if (!(seconds > 0)) return d;
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
