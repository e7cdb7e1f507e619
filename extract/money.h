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
  size_t start = 0;  // byte offsets into the text scanned
  size_t end = 0;
  Amount amount;
  std::optional<Amount> range_max;
  std::optional<MoneyPeriod> period;  // null when not said
  bool approximate = false;
  std::string_view rule;  // a literal: "money.figure", "money.range", ...
};

// The figures in GBP of a text, one at a time in text order: "£10ph", "£15 ph", "£12.50 an hour",
// "£250 for week", "£45k per annum", "£2.5m", "£3.2 million", "£1,250", "GBP 300", "£40/hour",
// "c.£60k", "between £200 and £300", "£203-£267". A match covers the figure with its qualifiers
// (approximation word, range, period), so text.substr(start, end - start) is the figure as
// written. One at a time, so that a caller building something of its own per figure need not hold
// every match as well (a 48 MB note has 160,000 figures).
//
//   MoneyScanner scan(text);
//   for (MoneyMatch m; scan.Next(&m);) ...
class MoneyScanner {
 public:
  // `text` must outlive the scanner.
  explicit MoneyScanner(std::string_view text) : text_(text) {}

  // The next figure into `*m`; false (and `*m` unspecified) after the last.
  bool Next(MoneyMatch* m);

 private:
  std::string_view text_;
  size_t pos_ = 0;  // where the next search starts: the end of the last match
};

// Every figure of `text`, as MoneyScanner gives them. Thread-safe.
std::vector<MoneyMatch> FindMoney(std::string_view text);

// At least the number of figures in `text`, counted without matching: every figure starts with a
// "£" or a "GBP" (any case), and figures do not overlap. For sizing a list once.
size_t MoneyBound(std::string_view text);

}  // namespace minutes

#endif  // MINUTES_EXTRACT_MONEY_H_
