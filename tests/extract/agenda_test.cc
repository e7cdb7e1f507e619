// Agenda items and decisions (extract/agenda.h): the layouts formal minutes and informal notes use.

#include "extract/agenda.h"

#include <gtest/gtest.h>

#include "extract/extract.h"
#include "tests/extract/text_document.h"

namespace minutes {
namespace {

using minutes_test::TextDocument;

std::vector<std::string> Texts(const std::vector<Recommendation>& recs) {
  std::vector<std::string> out;
  for (const Recommendation& r : recs) out.push_back(r.text);
  return out;
}

std::vector<std::string> Numbers(const Agenda& a) {
  std::vector<std::string> out;
  for (const AgendaItem& i : a.items) out.push_back(i.number.str());
  return out;
}

TEST(AgendaTest, NamedAndNumberedItemsWithTheirTitles) {
  Document doc = TextDocument(
      "Title\n\nItem 1: Welcome\n\nItem 2\n\nAgenda item 3 – Budget\n\nMinute 4. Fees\n\n"
      "5. MINUTES OF THE LAST MEETING The minutes were approved.\n\n5.1 Matters arising\n\n"
      "23/25 Any other items\n");
  Agenda a = FindAgenda(doc);
  EXPECT_EQ((std::vector<std::string>{"1", "2", "3", "4", "5", "5.1", "23/25"}), Numbers(a));
  EXPECT_EQ("Welcome", a.items[0].title);
  EXPECT_EQ("", a.items[1].title);
  EXPECT_EQ("Budget", a.items[2].title);
  EXPECT_EQ("MINUTES OF THE LAST MEETING", a.items[4].title);
  EXPECT_EQ("Matters arising", a.items[5].title);
  EXPECT_EQ("Item 1: Welcome", std::string_view(doc.text).substr(a.items[0].evidence.span.start,
                                                                 a.items[0].evidence.span.size()));
}

TEST(AgendaTest, ListsTimesFiguresAndReferencesAreNotItems) {
  Document doc = TextDocument(
      "Title\n\n3. Matters arising\n\nItem 4.1 – Priya to circulate the rota.\n\n"
      "4. Fees\n\nConcerns:\n\n1. Carers are leaving.\n\n2. Allowances are low.\n\n"
      "10.00 – 10.30 Coffee\n\n25 carers attended the event.\n\n2 placements ended.\n\n"
      "5.\tRef\tAction\n\n5. Recruitment\n");
  EXPECT_EQ((std::vector<std::string>{"3", "4", "5"}), Numbers(FindAgenda(doc)));
}

TEST(AgendaTest, AnItemRunsToTheNextOrToAHeadingThatClosesTheAgenda) {
  Document doc = TextDocument(
      "Title\n\n1. Fees\n\nKent pays £40.\n\nAOB\n\nSurrey asked.\n\n2. Visits\n\nMedway.\n\n"
      "Action log\n\nRow.\n");
  Agenda a = FindAgenda(doc);
  ASSERT_EQ(2u, a.items.size());
  EXPECT_EQ("1", ItemAt(a, doc.text.find("Kent")));
  EXPECT_EQ("", ItemAt(a, doc.text.find("Surrey")));
  EXPECT_EQ("2", ItemAt(a, doc.text.find("Medway")));
  EXPECT_EQ("", ItemAt(a, doc.text.find("Row")));
  EXPECT_EQ("", ItemAt(a, doc.text.find("Title")));
}

TEST(AgendaTest, AnActionTableAfterTheLastItemIsNotInIt) {
  Document doc = TextDocument("Title\n\n1. Fees\n\nKent.\n\nAction\tOwner\nShare it\tKL\n");
  Agenda a = FindAgenda(doc);
  EXPECT_EQ("1", ItemAt(a, doc.text.find("Kent")));
  EXPECT_EQ("", ItemAt(a, doc.text.find("Share")));
  Document in_item = TextDocument("Title\n\n2. Actions\n\nAction\tOwner\nShare it\tKL\n");
  EXPECT_EQ("2", ItemAt(FindAgenda(in_item), in_item.text.find("Share")));
}

TEST(AgendaTest, DecisionsInTheirUsualForms) {
  Document doc = TextDocument(
      "Title\n\n1. Fees\n\nRESOLVED – that the report be noted.\n\n"
      "Kent spoke. The Board agreed that a rota be explored. Surrey will lead.\n\n"
      "AGREED: Surrey to lead.\n\nIt was agreed to invite the DfE. RESOLVED that (i) the brief be "
      "approved (ii) Medway join.\n\nDecision: to defer.\n\n2. Other\n\n"
      "Item 1: Minutes agreed.\n\nThe group agreed.\n\nAgreed actions are below.\n");
  Agenda a = FindAgenda(doc);
  ASSERT_EQ(6u, a.decisions.size());
  EXPECT_EQ("that the report be noted.", a.decisions[0].text);
  EXPECT_EQ("that a rota be explored.", a.decisions[1].text);
  EXPECT_EQ("Surrey to lead.", a.decisions[2].text);
  EXPECT_EQ("to invite the DfE.", a.decisions[3].text);
  EXPECT_EQ("that", a.decisions[4].text);
  EXPECT_EQ((std::vector<std::string>{"(i) the brief be approved", "(ii) Medway join."}),
            Texts(a.decisions[4].recommendations));
  EXPECT_EQ("to defer.", a.decisions[5].text);
  for (const Decision& d : a.decisions) EXPECT_EQ("1", d.item);
  Span s = a.decisions[1].evidence.span;
  EXPECT_EQ("The Board agreed that a rota be explored.", doc.text.substr(s.start, s.size()));
}

TEST(AgendaTest, TheRecommendationsListedUnderADecision) {
  Document doc = TextDocument(
      "Title\n\nRESOLVED\n\nThat the Panel:\n\n(a) notes the report;\n\n(b) agrees the fees.\n\n"
      "Kent spoke.\n\nRESOLVED – that the plan be approved.\n\n1. Next steps\n");
  Agenda a = FindAgenda(doc);
  ASSERT_EQ(2u, a.decisions.size());
  EXPECT_EQ("That the Panel:", a.decisions[0].text);
  EXPECT_EQ((std::vector<std::string>{"(a) notes the report;", "(b) agrees the fees."}),
            Texts(a.decisions[0].recommendations));
  Span r = a.decisions[0].recommendations[1].span;
  EXPECT_EQ("(b) agrees the fees.", doc.text.substr(r.start, r.size()));
  EXPECT_TRUE(a.decisions[1].recommendations.empty());  // it ends in a full stop
  Span s = a.decisions[0].evidence.span;
  EXPECT_EQ(doc.text.find("(b) agrees the fees.") + 20, s.end);
}

TEST(AgendaTest, TheListEndsWhereItsMarkersStopFollowingOn) {
  Document doc = TextDocument(
      "Title\n\nRESOLVED – that:\n\na. the report be noted; and\n\nb. it be published.\n\n"
      "25. Action log\n\nAGREED – that:\n\n1. the fee rise;\n\n2. the review.\n\n"
      "1. Next steps\n");
  Agenda a = FindAgenda(doc);
  ASSERT_EQ(2u, a.decisions.size());
  EXPECT_EQ(2u, a.decisions[0].recommendations.size());
  EXPECT_EQ(2u, a.decisions[1].recommendations.size());
}

TEST(AgendaTest, EveryItemCarriesItsAgendaItemAndADuplicateNumberIsAFinding) {
  Document doc = TextDocument(
      "Board notes\n\nPresent: Amy Ng (Kent)\n\nItem 1: Fees\n\nAN said Kent pays £40 per hour.\n\n"
      "Action: AN to share the rates.\n\nItem 1: Again\n\nNothing.\n");
  Extraction x = Extract(doc, Source{}, {});
  ASSERT_EQ(2u, x.items.size());
  ASSERT_FALSE(x.money.empty());
  EXPECT_EQ("1", x.money[0].item);
  ASSERT_FALSE(x.actions.empty());
  EXPECT_EQ("1", x.actions[0].item);
  for (const PersonMention& m : x.person_mentions) EXPECT_EQ("1", m.item);
  for (const LaMentionItem& l : x.la_mentions)
    EXPECT_EQ(l.evidence.span.start < x.items[0].evidence.span.start ? "" : "1", l.item);
  bool duplicate = false;
  for (const Finding& f : x.findings) duplicate |= f.code == "duplicate_item_number";
  EXPECT_TRUE(duplicate);
}

}  // namespace
}  // namespace minutes
