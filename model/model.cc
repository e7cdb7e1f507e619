#include "model/model.h"

#include <cmath>
#include <cstdlib>

namespace minutes {

Amount Amount::FromPounds(double pounds) { return Amount{std::llround(pounds * 100.0)}; }

std::string Amount::ToString() const {
  // Integer arithmetic only: a binary double would print 0.1 + 0.2 as 0.30000000000000004.
  uint64_t magnitude = pence < 0 ? 0 - static_cast<uint64_t>(pence) : pence;
  std::string s = (pence < 0 ? "-" : "") + std::to_string(magnitude / 100);
  unsigned fraction = magnitude % 100;
  if (fraction != 0) {
    s += '.';
    s += static_cast<char>('0' + fraction / 10);
    if (fraction % 10 != 0) s += static_cast<char>('0' + fraction % 10);
  }
  return s;
}

const SharedString& Gbp() {
  static const SharedString kGbp("GBP");
  return kGbp;
}

bool Extraction::HasFindingsToFix(bool strict) const {
  for (const Finding& f : findings)
    if (f.severity == Severity::kError || (strict && f.severity == Severity::kWarning)) return true;
  return false;
}

}  // namespace minutes
