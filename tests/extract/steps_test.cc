// OrderSteps on the registry and on hand-made lists: dependency order, registration order where
// the data allow, and the errors a broken registry gives.

#include "extract/steps.h"

#include <gtest/gtest.h>

#include <set>
#include <string>
#include <vector>

namespace minutes {
namespace {

std::string Names(const std::vector<const Step*>& steps) {
  std::string out;
  for (const Step* s : steps) out += (out.empty() ? "" : " ") + std::string(s->name);
  return out;
}

TEST(StepsTest, TheRegisteredStepsOrderAndEveryReadIsWrittenEarlier) {
  const std::vector<const Step*>& registered = RegisteredSteps();
  std::vector<const Step*> ordered;
  Status s = OrderSteps(registered, &ordered);
  ASSERT_TRUE(s.ok()) << s.ToString();
  ASSERT_EQ(registered.size(), ordered.size());
  EXPECT_EQ(std::set<const Step*>(registered.begin(), registered.end()),
            std::set<const Step*>(ordered.begin(), ordered.end()));
  std::set<Datum> written;
  for (const Step* step : ordered) {
    for (Datum d : step->reads)
      EXPECT_TRUE(written.count(d)) << "'" << step->name << "' reads datum " << static_cast<int>(d)
                                    << " before any step writes it";
    written.insert(step->writes.begin(), step->writes.end());
  }
  EXPECT_EQ(Names(ordered), Names(OrderedSteps()));
}

TEST(StepsTest, EveryDatumIsWrittenByOneRegisteredStepAndNamesAreUnique) {
  std::multiset<Datum> written;
  std::set<std::string_view> names;
  for (const Step* step : RegisteredSteps()) {
    EXPECT_TRUE(names.insert(step->name).second) << step->name;
    EXPECT_NE(nullptr, step->run) << step->name;
    written.insert(step->writes.begin(), step->writes.end());
  }
  // kCompleteness is the last Datum.
  for (int d = 0; d <= static_cast<int>(Datum::kCompleteness); ++d)
    EXPECT_EQ(1u, written.count(static_cast<Datum>(d))) << "datum " << d;
}

// The la_mentions step frees the LA scan it reads (Workspace::la_scan), so no other step may read
// it (OrderSteps runs it after the people step, which makes the scan).
TEST(StepsTest, TheLaScanIsReadByLaMentionsAlone) {
  std::vector<std::string> readers, writers;
  for (const Step* step : OrderedSteps()) {
    for (Datum d : step->reads)
      if (d == Datum::kLaScan) readers.emplace_back(step->name);
    for (Datum d : step->writes)
      if (d == Datum::kLaScan) writers.emplace_back(step->name);
  }
  EXPECT_EQ(writers, std::vector<std::string>({"people"}));
  EXPECT_EQ(readers, std::vector<std::string>({"la_mentions"}));
}

void Noop(Workspace*) {}

// Hand-made steps over a few data.
const Step kMeeting = {"meeting", {}, {Datum::kMeeting}, Noop};
const Step kPeople = {"people", {}, {Datum::kPeople}, Noop};
const Step kChair = {"chair", {Datum::kPeople, Datum::kMeeting}, {Datum::kChair}, Noop};
const Step kMoney = {"money", {Datum::kPeople}, {Datum::kMoney}, Noop};
const Step kCheck = {"check", {}, {}, Noop};  // writes nothing, reads nothing
const Step kAlsoMeeting = {"also_meeting", {}, {Datum::kMeeting}, Noop};
const Step kReadsActions = {"reads_actions", {Datum::kActions}, {Datum::kMoney}, Noop};
// A cycle: people_from_chair reads the chair, chair_from_people reads the people.
const Step kPeopleFromChair = {"people_from_chair", {Datum::kChair}, {Datum::kPeople}, Noop};
const Step kChairFromPeople = {"chair_from_people", {Datum::kPeople}, {Datum::kChair}, Noop};

TEST(StepsTest, OrderKeepsRegistrationOrderWhereTheDataAllow) {
  static const struct {
    std::vector<const Step*> registered;
    const char* ordered;
  } kCases[] = {
      {{&kMeeting, &kPeople, &kChair, &kMoney, &kCheck}, "meeting people chair money check"},
      {{&kCheck, &kMoney, &kPeople}, "check people money"},
      {{&kChair, &kMoney, &kMeeting, &kPeople, &kCheck}, "meeting people chair money check"},
      {{&kChair, &kPeople, &kMoney, &kCheck, &kMeeting}, "people money check meeting chair"},
      {{&kMoney, &kCheck, &kPeople}, "check people money"},
      {{}, ""},
  };
  for (const auto& c : kCases) {
    std::vector<const Step*> ordered;
    Status s = OrderSteps(c.registered, &ordered);
    ASSERT_TRUE(s.ok()) << Names(c.registered) << ": " << s.ToString();
    EXPECT_EQ(c.ordered, Names(ordered)) << Names(c.registered);
  }
}

TEST(StepsTest, ABrokenListIsAnErrorThatSaysWhich) {
  static const struct {
    const char* why;
    std::vector<const Step*> registered;
    std::vector<std::string> said;      // each in the message
    std::vector<std::string> not_said;  // none in the message
  } kCases[] = {
      {"two writers of one datum",
       {&kMeeting, &kPeople, &kAlsoMeeting},
       {"'meeting'", "'also_meeting'", "write the same datum"},
       {"'people'"}},
      {"a read of a datum nobody writes",
       {&kMeeting, &kReadsActions, &kPeople},
       {"'reads_actions'", "no step writes"},
       {"'meeting'", "'people'"}},
      {"a cycle",
       {&kMeeting, &kPeopleFromChair, &kChairFromPeople},
       {"cycle", "'people_from_chair' -> 'chair_from_people' -> 'people_from_chair'"},
       {"'meeting'"}},
      {"a cycle, and a step waiting on it that is not part of it",
       {&kMoney, &kChairFromPeople, &kMeeting, &kPeopleFromChair},
       {"cycle", "'people_from_chair' -> 'chair_from_people' -> 'people_from_chair'"},
       {"'money'", "'meeting'"}},
  };
  for (const auto& c : kCases) {
    std::vector<const Step*> ordered;
    Status s = OrderSteps(c.registered, &ordered);
    ASSERT_FALSE(s.ok()) << c.why;
    EXPECT_EQ(Status::Code::kInvalidArgument, s.code()) << c.why;
    for (const std::string& w : c.said)
      EXPECT_NE(std::string::npos, s.message().find(w)) << c.why << ": " << s.message();
    for (const std::string& w : c.not_said)
      EXPECT_EQ(std::string::npos, s.message().find(w)) << c.why << ": " << s.message();
  }
}

}  // namespace
}  // namespace minutes
