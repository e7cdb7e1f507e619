// NormalizeStatus over the status cells of real action logs.

#include <gtest/gtest.h>

#include "normalize/normalize.h"

namespace minutes::normalize {
namespace {

TEST(StatusWords, RealForms) {
  static const struct {
    const char* raw;
    const char* name;  // nullptr: unknown
  } kCases[] = {
      {"Complete", "complete"},
      {"complete", "complete"},
      {"COMPLETE", "complete"},
      {"Completed.", "complete"},
      {"Done", "complete"},
      {"Closed", "closed"},
      {"closed", "closed"},
      {"In progress", "ongoing"},
      {"In  Progress", "ongoing"},
      {"in-progress", "ongoing"},
      {"Ongoing", "ongoing"},
      {"On going", "ongoing"},
      {"Ongoing/complete", "ongoing"},
      {"Ongoing/\ncomplete", "ongoing"},
      {"Ongoing / Complete", "ongoing"},
      {"Complete/closed", "complete"},
      {"Not started", "open"},
      {"New", "open"},
      {"Open", "open"},
      {"On hold", "open"},
      {"Carried forward", "ongoing"},
      {"Withdrawn", "no_longer_relevant"},
      {"No longer relevant", "no_longer_relevant"},
      {"No\xC2\xA0longer relevant", "no_longer_relevant"},
      {"N/A", "no_longer_relevant"},
      {"Green", "complete"},
      {"Amber", "ongoing"},
      {"Red", "open"},
      {" \tcomplete\n", "complete"},
      {"", nullptr},
      {"Maybe", nullptr},
      {"Ongoing/maybe", nullptr},
      {"complete the form", nullptr},
      {"MC", nullptr},
  };
  for (const auto& c : kCases) {
    std::optional<ActionStatus> s = NormalizeStatus(c.raw);
    if (c.name == nullptr) {
      EXPECT_FALSE(s.has_value()) << c.raw;
      continue;
    }
    ASSERT_TRUE(s.has_value()) << c.raw;
    EXPECT_EQ(EnumName(*s), c.name) << c.raw;
  }
}

}  // namespace
}  // namespace minutes::normalize
