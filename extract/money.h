// Internal to extract: monetary figures in free text.

#ifndef MINUTES_EXTRACT_MONEY_H_
#define MINUTES_EXTRACT_MONEY_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/model.h"

namespace minutes {

struct MoneyMatch {
  size_t start = 0;  // byte offsets into the text given to FindMoney
  size_t end = 0;
  Amount amount;
  std::optional<Amount> range_max;
  std::optional<MoneyPeriod> period;  // null when not said
  bool approximate = false;
  std::string rule;
};

// Finds every figure in GBP: "£10ph", "£15 ph", "£12.50 an hour", "£250 for week", "£45k per
// annum", "£2.5m", "£3.2 million", "£1,250", "GBP 300", "£40/hour", "c.£60k", "between £200 and
// £300", "£203-£267". The match covers the figure with its qualifiers (approximation word,
// range, period), so text.substr(start, end - start) is the figure as written. Thread-safe.
std::vector<MoneyMatch> FindMoney(std::string_view text);

}  // namespace minutes

#endif  // MINUTES_EXTRACT_MONEY_H_
