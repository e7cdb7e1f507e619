// The actions steps end to end: who each owner is, however the notes write them.

#include <gtest/gtest.h>

#include <string>

#include "extract/extract.h"
#include "ingest/ingest.h"
#include "tests/extract/text_document.h"

namespace minutes {
namespace {

Extraction FromText(const std::string& text) {
  Document doc = minutes_test::TextDocument(text);
  return Extract(doc, SourceOf("test.txt", doc), {});
}

// "text=name" for each owner, "|" between them; "text=" when nobody.
std::string Owners(const Action& a) {
  std::string s;
  for (const Owner& o : a.owners) s += (s.empty() ? "" : "|") + o.text + "=" + o.name;
  return s;
}

const Action* ActionStarting(const Extraction& x, const std::string& prefix) {
  for (const Action& a : x.actions)
    if (a.text.rfind(prefix, 0) == 0) return &a;
  return nullptr;
}

TEST(ActionsTest, OwnersAsNamesFirstNamesRolesAndBodies) {
  Extraction x = FromText(
      "Partnership Board\n"
      "Date: 12 March 2026\n"
      "Chair: Helen Ward (Surrey)\n"
      "Present: Priya Nair (Kent); Tom Ashby (Medway); Dan Cole (Hampshire); Dan Ray (DfE)\n"
      "Action: Priya Nair to circulate the rota.\n"
      "Priya and Tom to draft a paper.\n"
      "Action: Dan to check the grant.\n"
      "Chair to write to DfE.\n"
      "Action: the secretariat to circulate the slides.\n"
      "Action: DfE to publish the guidance.\n"
      "Actions\n"
      "Kent to host the next workshop in June.\n"
      "Mark Vening to report back on DBS checks.\n");
  struct {
    const char* text;
    const char* owners;
  } cases[] = {
      {"Priya Nair to circulate", "Priya Nair=Priya Nair"},
      {"Priya and Tom", "Priya=Priya Nair|Tom=Tom Ashby"},
      {"Dan to check", "Dan="},  // Dan Cole or Dan Ray: nobody, and a finding
      {"Chair to write", "Chair=Helen Ward"},
      {"the secretariat", "the secretariat="},
      {"DfE to publish", "DfE="},
      {"Kent to host", "Kent="},
      {"Mark Vening", "Mark Vening=Mark Vening"},  // named in full though not listed
  };
  for (const auto& c : cases) {
    const Action* a = ActionStarting(x, c.text);
    ASSERT_NE(nullptr, a) << c.text;
    EXPECT_EQ(ActionSource::kInline, a->source) << c.text;
    EXPECT_EQ(c.owners, Owners(*a)) << c.text;
  }
  EXPECT_EQ("2026-06", ActionStarting(x, "Kent to host")->due);
  bool ambiguous = false;
  for (const Finding& f : x.findings)
    ambiguous = ambiguous || (f.code == "ambiguous_initials" &&
                              f.message.find("Dan Cole or Dan Ray") != std::string::npos);
  EXPECT_TRUE(ambiguous);
}

TEST(ActionsTest, TheOrganisationBesideInitialsSaysWhichPerson) {
  Extraction x = FromText(
      "Commissioning group\n"
      "Date: 3 February 2026\n"
      "Present: Amy Bates (Kent); Alan Brooks (Surrey); Ben Hall (Brighton & Hove)\n"
      "Ref\tAction\tOwner\tStatus\n"
      "A0\tUpdate the schedule\tAB\tOpen\n"
      "A1\tShare the data\tAB (Kent)\tOpen\n"
      "A2\tBook the venue\tAB - Surrey\tOpen\n"
      "A3\tCirculate the review\tBH\tOpen\n");
  ASSERT_EQ(4u, x.actions.size());
  EXPECT_EQ("AB=", Owners(x.actions[0]));  // either of them
  EXPECT_EQ("AB=Amy Bates", Owners(x.actions[1]));
  EXPECT_EQ("AB=Alan Brooks", Owners(x.actions[2]));
  EXPECT_EQ("BH=Ben Hall", Owners(x.actions[3]));  // a person present, not Brighton and Hove
}

TEST(ActionsTest, MattersArisingUpdatesKeepTheirRefAndStatus) {
  Extraction x = FromText(
      "Partnership Board\n"
      "Date: 12 March 2026\n"
      "Present: Priya Nair (Kent); Tom Ashby (Medway)\n"
      "Item 4.1 \u2013 Priya to circulate the rota \u2013 Complete\n"
      "Item 4.2 \u2013 Tom to map allowances \u2013 carried forward\n");
  ASSERT_EQ(2u, x.actions.size());
  EXPECT_EQ("4.1", x.actions[0].ref);
  EXPECT_EQ(ActionStatus::kComplete, x.actions[0].status);
  EXPECT_EQ("Priya=Priya Nair", Owners(x.actions[0]));
  EXPECT_EQ("", x.actions[0].issued);  // set at an earlier meeting
  EXPECT_EQ("4.2", x.actions[1].ref);
  EXPECT_EQ(ActionStatus::kOngoing, x.actions[1].status);
  EXPECT_EQ("carried forward", x.actions[1].status_raw);
  for (const Finding& f : x.findings) EXPECT_NE("duplicate_item_number", f.code) << f.message;
}

}  // namespace
}  // namespace minutes
