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
      {"All LAs", "All LAs"},
      {"the secretariat", "the secretariat"},
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

TEST(ActionLogTest, OwnerCellsKeepTheOrganisationBesideTheInitials) {
  struct {
    const char* cell;
    const char* owners;  // owner(organisation)|...
  } cases[] = {
      {"AB (Kent)", "AB(Kent)"},
      {"CD - Surrey", "CD(Surrey)"},
      {"CD \u2013 Surrey", "CD(Surrey)"},
      {"MK / AB (Surrey)", "MK()|AB(Surrey)"},
      {"CD (Kent), BH", "CD(Kent)|BH()"},
      {"PH KL SA", "PH()|KL()|SA()"},
      {"Mark Vening (Kent) and BH", "Mark Vening(Kent)|BH()"},
  };
  for (const auto& c : cases) {
    std::vector<std::string> got;
    for (const CellOwner& o : SplitOwnerCell(c.cell)) {
      got.push_back(o.text + "(" + o.organisation + ")");
      EXPECT_EQ(o.text, std::string(c.cell).substr(o.offset, o.text.size())) << c.cell;
    }
    EXPECT_EQ(c.owners, Join(got)) << c.cell;
  }
}

TEST(ActionLogTest, LeadingOwnerPhraseInEveryForm) {
  struct {
    const char* sentence;
    const char* owners;
  } cases[] = {
      {"Priya and Tom to draft a paper", "Priya|Tom"},
      {"Grace Lin to present the survey", "Grace Lin"},
      {"Chair to write to DfE", "Chair"},
      {"the secretariat to circulate the slides", "the secretariat"},
      {"Request for the secretariat to collate returns", "the secretariat"},
      {"DfE to publish the guidance", "DfE"},
      {"All LAs to return the template", "All LAs"},
      {"The Board to sign off the terms", "The Board"},
      {"PH, KL and SA to meet", "PH|KL|SA"},
      {"RE will circulate the notes", "RE"},
      {"The group agreed to keep allowances on the agenda", ""},
      {"Tom agreed to look into it", ""},
      {"Draft a position paper (PN/TA)", ""},
      {"Welcome to the board", ""},
      {"Thanks to Tom for the paper", ""},
  };
  for (const auto& c : cases) {
    std::vector<std::string> names;
    for (auto& [name, off] : LeadingOwnerPhrase(c.sentence)) {
      names.push_back(name);
      EXPECT_EQ(name, std::string(c.sentence).substr(off, name.size())) << c.sentence;
    }
    EXPECT_EQ(c.owners, Join(names)) << c.sentence;
  }
}

Person Listed(const std::string& name, const std::string& initials) {
  Person p;
  p.name = name;
  p.initials = initials;
  return p;
}

// The unlabelled actions of a discussion, and the sentences that only look like them.
TEST(ActionLogTest, UnlabelledActionsAmongTheDiscussion) {
  std::vector<Person> people = {Listed("Priya Nair", "PN"), Listed("Tom Ashby", "TA"),
                                Listed("Sara Reid", "SR"), Listed("Helen Ward", "HW")};
  OwnerDirectory directory(people);
  Document doc = minutes_test::TextDocument(
      "3. Allowances\n"
      "PN said Kent pays more. Priya and Tom to draft a joint paper. The group noted it.\n"
      "The group agreed to keep allowances on the agenda.\n"
      "Kent to share its rates was suggested, subject to approval.\n"
      "SR will be working with the hub on phase 2.\n"
      "Helen welcomed everyone to the board.\n"
      "Chair to write to DfE about the grant.\n"
      "Request for the secretariat to collate returns.\n"
      "Review the training offer and report back. PN\n"
      "Draft a position paper (PN/TA)\n"
      "Share the rates with the group - HW   \n"
      "Draft a reply to the DfE (PN) . \n"
      "Update from the hub (SR)\n"
      "Actions\n"
      "All LAs to return the template.\n"
      "\u2022 Book the venue\n"
      "4. Training\n"
      "Update on the training offer. XY\n");
  std::vector<std::string> got;
  for (const RawAction& a : FindActions(doc, &directory)) {
    EXPECT_EQ(ActionSource::kInline, a.source);
    EXPECT_EQ(a.text, doc.text.substr(a.text_span.start, a.text_span.size()));
    for (size_t i = 0; i < a.owners.size(); ++i)
      EXPECT_EQ(a.owners[i], doc.text.substr(a.owner_spans[i].start, a.owner_spans[i].size()));
    got.push_back(std::string(a.rule) + " " + a.text + " [" + Join(a.owners) + "]");
  }
  std::vector<std::string> want = {
      "actions.owner_sentence Priya and Tom to draft a joint paper. [Priya|Tom]",
      "actions.owner_sentence Chair to write to DfE about the grant. [Chair]",
      "actions.request Request for the secretariat to collate returns. [the secretariat]",
      "actions.owner_column Review the training offer and report back. [PN]",
      "actions.bracketed_owners Draft a position paper (PN/TA) [PN|TA]",
      // Trailing white space, and a full stop after the brackets, still end in owners.
      "actions.owner_column Share the rates with the group [HW]",
      "actions.bracketed_owners Draft a reply to the DfE (PN) . [PN]",
      "actions.section All LAs to return the template. [All LAs]",
      "actions.section Book the venue []",
  };
  EXPECT_EQ(want, got);
}

TEST(ActionLogTest, MattersArisingUpdatesByItemNumber) {
  std::vector<Person> people = {Listed("Priya Nair", "PN"), Listed("Tom Ashby", "TA")};
  OwnerDirectory directory(people);
  struct {
    const char* line;
    const char* ref;  // "" when the line is no action
    const char* text;
    const char* owners;
    const char* status;
  } cases[] = {
      {"Item 4.1 \u2013 Priya to circulate the rota \u2013 Complete", "4.1",
       "Priya to circulate the rota", "Priya", "Complete"},
      {"Item 4.2 - Tom and Priya to map allowances - ongoing.", "4.2",
       "Tom and Priya to map allowances", "Tom|Priya", "ongoing"},
      {"Item 4.3: DfE to confirm the grant conditions (carried forward)", "4.3",
       "DfE to confirm the grant conditions", "DfE", "carried forward"},
      {"Item 7 \u2013 PN to send the data", "7", "PN to send the data", "PN", ""},
      {"Item 5 \u2013 Surrey to present its kinship offer", "", "", "", ""},
      {"Item 2: Minutes of the last meeting", "", "", "", ""},
  };
  for (const auto& c : cases) {
    Document doc = minutes_test::TextDocument(std::string(c.line) + "\n");
    std::vector<RawAction> actions = FindActions(doc, &directory);
    if (std::string(c.ref).empty()) {
      EXPECT_TRUE(actions.empty()) << c.line;
      continue;
    }
    ASSERT_EQ(1u, actions.size()) << c.line;
    EXPECT_EQ(c.ref, actions[0].ref);
    EXPECT_EQ(c.text, actions[0].text);
    EXPECT_EQ(c.owners, Join(actions[0].owners));
    EXPECT_EQ(c.status, actions[0].status_raw);
    if (!actions[0].status_raw.empty()) {
      EXPECT_EQ(c.status,
                doc.text.substr(actions[0].status_span.start, actions[0].status_span.size()));
    }
  }
}

}  // namespace
}  // namespace minutes
