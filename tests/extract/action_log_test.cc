// FindActions: action-log tables in any column order, and inline "Action:" lines.

#include "extract/action_log.h"

#include <gtest/gtest.h>

#include <string>

#include "ingest/ingest.h"
#include "tests/extract/text_document.h"

namespace minutes {
namespace {

std::string Join(const std::vector<std::string>& v) {
  std::string s;
  for (const std::string& x : v) s += (s.empty() ? "" : "|") + x;
  return s;
}

TEST(ActionLogTest, SplitOwnersAsWritten) {
  struct {
    const char* cell;
    const char* owners;
  } cases[] = {
      {"PH KL SA", "PH|KL|SA"},
      {"RE/AMA", "RE|AMA"},
      {"LB, BH", "LB|BH"},
      {"CD / DO", "CD|DO"},
      {"JM SS CS JC", "JM|SS|CS|JC"},
      {"ALL", "ALL"},
      {"All", "All"},
      {"Mark Vening and Peter Hodges", "Mark Vening|Peter Hodges"},
      {"SD", "SD"},
      {"", ""},
  };
  for (const auto& c : cases) {
    std::vector<std::string> names;
    for (auto& [name, off] : SplitOwners(c.cell)) {
      names.push_back(name);
      EXPECT_EQ(name, std::string(c.cell).substr(off, name.size())) << c.cell;
    }
    EXPECT_EQ(c.owners, Join(names)) << c.cell;
  }
}

TEST(ActionLogTest, LeadingOwnersOfAnActionSentence) {
  struct {
    const char* sentence;
    const char* owners;
  } cases[] = {
      {"MC to share policy.", "MC"},
      {"PH, KL and SA to meet to get a consistent approach", "PH|KL|SA"},
      {"GS and SD to meet with MH", "GS|SD"},
      {"RE to convene a design meeting", "RE"},
      {"The group agreed with a proposal", ""},
  };
  for (const auto& c : cases) {
    std::vector<std::string> names;
    for (auto& [name, off] : LeadingOwners(c.sentence)) names.push_back(name);
    EXPECT_EQ(c.owners, Join(names)) << c.sentence;
  }
}

TEST(ActionLogTest, SeedLayoutTable) {
  Document doc = minutes_test::TextDocument(
      "Action log: updated 17 September\n\t\n\tAction\n\tResponsible\n\tDate issued\n\tStatus\n\n"
      "\t49\n\tMC to share out of hours policy \n\tMC\n\tJuly 2025\n\tcomplete\n\n"
      "\t47\n\tGS and SD to meet with MH\n\tSD\n\tMarch 2025\n\tOngoing/\ncomplete\n\n"
      "\t41\n\tPH, KL and SA to meet\n\tPH KL SA\n\tOct 2024\n\tComplete\n");
  std::vector<RawAction> actions = FindActions(doc);
  ASSERT_EQ(3u, actions.size());
  EXPECT_EQ("49", actions[0].ref);
  EXPECT_EQ("MC to share out of hours policy", actions[0].text);
  EXPECT_EQ("MC", Join(actions[0].owners));
  EXPECT_EQ("July 2025", actions[0].issued_raw);
  EXPECT_EQ("complete", actions[0].status_raw);
  EXPECT_EQ("Ongoing/\ncomplete", actions[1].status_raw);
  EXPECT_EQ("PH|KL|SA", Join(actions[2].owners));
  for (const RawAction& a : actions) {
    EXPECT_EQ(a.text, doc.text.substr(a.text_span.start, a.text_span.size()));
    for (size_t i = 0; i < a.owners.size(); ++i)
      EXPECT_EQ(a.owners[i], doc.text.substr(a.owner_spans[i].start, a.owner_spans[i].size()));
  }
}

TEST(ActionLogTest, OtherColumnOrdersAndHeaderWords) {
  Document doc = minutes_test::TextDocument(
      "Ref\tOwner\tDue\tDescription\tRAG\n"
      "A3\tLB, BH\tMar-26\tCirculate the policy\tAmber\n"
      "A4\tCD / DO\t31 March 2026\tBook the venue\tGreen\n");
  std::vector<RawAction> actions = FindActions(doc);
  ASSERT_EQ(2u, actions.size());
  EXPECT_EQ("A3", actions[0].ref);
  EXPECT_EQ("Circulate the policy", actions[0].text);
  EXPECT_EQ("LB|BH", Join(actions[0].owners));
  EXPECT_EQ("Mar-26", actions[0].due_raw);
  EXPECT_EQ("Amber", actions[0].status_raw);
  EXPECT_EQ("CD|DO", Join(actions[1].owners));
}

TEST(ActionLogTest, TablesWithoutAnActionHeaderAreNotLogs) {
  Document doc =
      minutes_test::TextDocument("Name\tOrganisation\nAnn Bell\tKent\nBob Cole\tSurrey\n");
  EXPECT_TRUE(FindActions(doc).empty());
}

TEST(ActionLogTest, InlineActionLines) {
  Document doc = minutes_test::TextDocument(
      "Kent: MC said they have a robust service.\n"
      "Action:  MC to share policy.  \n"
      "Action:  The group agreed a pilot. RE to meet with SD and DCS Mac Heath.\n");
  std::vector<RawAction> actions = FindActions(doc);
  ASSERT_EQ(2u, actions.size());
  EXPECT_EQ(ActionSource::kInline, actions[0].source);
  EXPECT_EQ("MC to share policy.", actions[0].text);
  EXPECT_EQ("MC", Join(actions[0].owners));
  EXPECT_EQ("RE", Join(actions[1].owners));
}

}  // namespace
}  // namespace minutes
