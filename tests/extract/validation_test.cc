// The consistency rules of extract/validation.cc: each firing and not firing on small notes, and
// what they find in the seeds and the samples.

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "extract/extract.h"
#include "extract/findings.h"
#include "ingest/ingest.h"
#include "tests/extract/text_document.h"

namespace minutes {
namespace {

const char kHead[] = "Regional group notes\nDate: 14 October 2025\n";

struct Noted {
  Document doc;
  Extraction x;
};

Noted FromText(const std::string& text) {
  Noted n{minutes_test::TextDocument(text), {}};
  n.x = Extract(n.doc, SourceOf("t.txt", n.doc), {});
  return n;
}

Noted FromFile(const std::string& rel) {
  Noted n;
  std::string path = std::string(MINUTES_SOURCE_DIR) + "/" + rel;
  Status s = ReadFile(path, IngestOptions(), &n.doc);
  EXPECT_TRUE(s.ok()) << path << ": " << s.ToString();
  n.x = Extract(n.doc, SourceOf(path, n.doc), {});
  return n;
}

std::vector<const Finding*> With(const Extraction& x, const std::string& code) {
  std::vector<const Finding*> out;
  for (const Finding& f : x.findings)
    if (f.code == code) out.push_back(&f);
  return out;
}

std::string SpanText(const Noted& n, const Finding& f) {
  return n.doc.text.substr(f.span.start, f.span.size());
}

struct Case {
  const char* name;
  std::string text;
  const char* code;
  int count;          // findings of `code` expected
  const char* where;  // the text of the first one's span ("" to skip)
};

TEST(ValidationTest, EachRuleFiresAndHoldsItsFire) {
  const std::string attendees = "Attendees: Ann Bell (Kent), Bob Cole (Surrey)\n\n";
  const std::string log = "Ref\tAction\tOwner\tIssued\tStatus\n";
  const Case cases[] = {
      {"next meeting before", std::string(kHead) + attendees + "Next meeting: 9 September 2025\n",
       "next_meeting_before_meeting", 1, "9 September 2025"},
      {"next meeting same day", std::string(kHead) + attendees + "Next meeting: 14 October 2025\n",
       "next_meeting_before_meeting", 1, ""},
      {"next meeting after", std::string(kHead) + attendees + "Next meeting: 9 December 2025\n",
       "next_meeting_before_meeting", 0, ""},
      {"action without owner",
       std::string(kHead) + attendees + log + "1\tSend the data\t\tOct 2025\tOpen\n",
       "action_without_owner", 1, ""},
      {"action with owner",
       std::string(kHead) + attendees + log + "1\tSend the data\tAB\tOct 2025\tOpen\n",
       "action_without_owner", 0, ""},
      {"duplicate ref",
       std::string(kHead) + attendees + log + "1\tSend the data\tAB\tOct 2025\tOpen\n" +
           "2\tBook a room\tBC\tOct 2025\tOpen\n" + "2\tWrite the letter\tAB\tOct 2025\tOpen\n",
       "duplicate_action_ref", 1, "2"},
      {"distinct refs",
       std::string(kHead) + attendees + log + "1\tSend the data\tAB\tOct 2025\tOpen\n" +
           "2\tBook a room\tBC\tOct 2025\tOpen\n",
       "duplicate_action_ref", 0, ""},
      {"issued after meeting",
       std::string(kHead) + attendees + log + "1\tSend the data\tAB\tDec 2025\tOpen\n",
       "issued_after_meeting", 1, "Dec 2025"},
      {"issued in the meeting's month",
       std::string(kHead) + attendees + log + "1\tSend the data\tAB\tOct 2025\tOpen\n",
       "issued_after_meeting", 0, ""},
      {"issued before meeting",
       std::string(kHead) + attendees + log + "1\tSend the data\tAB\tSep 2025\tOpen\n",
       "issued_after_meeting", 0, ""},
      {"duplicate item",
       std::string(kHead) + attendees + "Item 1: Welcome\nItem 2: Budgets\nNotes.\nItem 2\nMore.\n",
       "duplicate_item_number", 1, "Item 2"},
      {"distinct items",
       std::string(kHead) + attendees +
           "Item 1: Welcome\nItem 2: Budgets\nWe discussed item 2 again.\n",
       "duplicate_item_number", 0, ""},
      {"present and apologies",
       std::string(kHead) +
           "Attendees: Ann Bell (Kent), Bob Cole (Surrey)\nApologies: Bob Cole (Surrey)\n",
       "present_and_apologies", 1, "Bob Cole"},
      {"present or apologies",
       std::string(kHead) + "Attendees: Ann Bell (Kent)\nApologies: Bob Cole (Surrey)\n",
       "present_and_apologies", 0, ""},
      {"unknown organisation",
       std::string(kHead) + "Attendees: Ann Bell (Kent), Bob Cole (Blorptown)\n",
       "unknown_organisation", 1, "Blorptown"},
      {"known bodies",
       std::string(kHead) +
           "Attendees: Ann Bell (Kent), Bob Cole (SESLIP support), Cy Dee (DfE), Di Eve (Ofsted), "
           "Ed Fox (Sussex Partnership NHS Foundation Trust)\n",
       "unknown_organisation", 0, ""},
      {"money without LA", std::string(kHead) + attendees + "The regional fund pays £500 a week.\n",
       "money_without_la", 1, "£500 a week"},
      {"money of an LA", std::string(kHead) + attendees + "Kent pays £500 a week.\n",
       "money_without_la", 0, ""},
      {"ocr debris",
       std::string(kHead) + attendees + "Allowances by age:\n" +
           "0'2;::“\"‘ 3E) £189 £267 £20 £198 £203.45\n" + "a2 £205.77 £207 £211.01 | £266.82\n" +
           "old (58 | £216 [P ITINEIY | 225 [e23041 £23262 £227 £239.33 | £303.52\n" +
           "1115 | e2a7 FRYVEY £257  [£20181| £254.24 £266.00 £260 £319.07 | £437.11\n" +
           "That ends the notes.\n",
       "ocr_debris", 1, ""},
      {"no money_without_la inside debris",
       std::string(kHead) + attendees + "Allowances by age:\n" +
           "0'2;::“\"‘ 3E) £189 £267 £20 £198 £203.45\n" + "a2 £205.77 £207 £211.01 | £266.82\n" +
           "old (58 | £216 [P ITINEIY | 225 [e23041 £23262 £227 £239.33 | £303.52\n" +
           "1115 | e2a7 FRYVEY £257  [£20181| £254.24 £266.00 £260 £319.07 | £437.11\n" +
           "That ends the notes.\n",
       "money_without_la", 0, ""},
      {"a figure too long for a double is not a crash",
       std::string(kHead) + attendees + "Kent pays £1.50 and £2.50, not £" + std::string(400, '9') +
           ".\n",
       "ocr_debris", 0, ""},
      {"a table and a quotation are not debris",
       std::string(kHead) + attendees +
           "| LA | Rate |\n| Kent | £203.45 |\n| Surrey | £207.10 |\n" +
           "She said: \"'the rate' is fair\" [see the report].\nKent pays £1200 a year, £23.50 a "
           "week, £20.10 a day.\n",
       "ocr_debris", 0, ""},
  };
  for (const Case& c : cases) {
    Noted n = FromText(c.text);
    std::vector<const Finding*> got = With(n.x, c.code);
    ASSERT_EQ(static_cast<size_t>(c.count), got.size()) << c.name;
    if (c.count > 0 && *c.where) {
      EXPECT_EQ(c.where, SpanText(n, *got[0])) << c.name;
    }
  }
}

TEST(ValidationTest, AnUnsettledAbbreviationIsAmbiguousNotUnknown) {
  Noted n = FromFile("samples/cases/midlands_wcc.txt");
  EXPECT_FALSE(With(n.x, "ambiguous_la").empty());
  EXPECT_TRUE(With(n.x, "unknown_organisation").empty());
}

TEST(ValidationTest, AbsentAndApologiesIsNotPresentAndApologies) {
  Noted n = FromText(
      "Panel notes 3 March 2026\n\nPresent: Ann Bell (Kent)\n\nAbsent: Bob Cole (Surrey)\n\n"
      "Apologies: Bob Cole (Surrey)\n");
  EXPECT_TRUE(With(n.x, "present_and_apologies").empty());
}

TEST(ValidationTest, OcrDebrisSpansTheWholeRegion) {
  std::string debris =
      "0'2;::“\"‘ 3E) £189 £267 £20 £198 £203.45\n"
      "a2 £205.77 £207 £211.01 | £266.82\n"
      "old (58 | £216 [P ITINEIY | 225 [e23041 £23262 £227 £239.33 | £303.52\n"
      "1115 | e2a7 FRYVEY £257  [£20181| £254.24 £266.00 £260 £319.07 | £437.11";
  Noted n = FromText(std::string(kHead) + "Attendees: Ann Bell (Kent)\n\n" + debris + "\n");
  std::vector<const Finding*> got = With(n.x, "ocr_debris");
  ASSERT_EQ(1u, got.size());
  // The text reader parts lines with a blank line: the region runs from the first to the last.
  std::string region = SpanText(n, *got[0]);
  EXPECT_EQ(0u, region.find("0'2;::")) << region;
  EXPECT_EQ(region.size() - std::string("£437.11").size(), region.rfind("£437.11")) << region;
  EXPECT_EQ(Severity::kWarning, got[0]->severity);
}

TEST(ValidationTest, JulySeedNumbersItemTwoTwice) {
  Noted n = FromFile("samples/seeds/000_e0affe79a15288f1.txt");
  std::vector<const Finding*> items = With(n.x, "duplicate_item_number");
  ASSERT_EQ(1u, items.size());
  EXPECT_EQ("Item 2", SpanText(n, *items[0]));
  // The second use, not the first ("Item 2: Out of hours ...").
  EXPECT_NE(n.doc.text.find("Item 2"), items[0]->span.start);
  EXPECT_TRUE(With(n.x, "ocr_debris").empty());
  EXPECT_TRUE(With(n.x, "present_and_apologies").empty());
}

TEST(ValidationTest, DecemberSeedEndsInOcrDebris) {
  Noted n = FromFile("samples/seeds/001_2e77aad788dcd255.txt");
  std::vector<const Finding*> debris = With(n.x, "ocr_debris");
  ASSERT_EQ(1u, debris.size());
  std::string region = SpanText(n, *debris[0]);
  EXPECT_NE(std::string::npos, region.find("£23262")) << region;
  EXPECT_NE(std::string::npos, region.find("£20181")) << region;
  EXPECT_EQ(std::string::npos, region.find("Greater rewards")) << region;
  EXPECT_TRUE(With(n.x, "present_and_apologies").empty());
}

TEST(ValidationTest, NoDebrisNorDoubleAttendanceInTheSamples) {
  for (const char* rel :
       {"samples/cases/eastern_semicolons.txt", "samples/cases/london_lists.docx",
        "samples/cases/midlands_cp1252.txt", "samples/cases/northwest_bullets.txt",
        "samples/cases/southwest_table.docx", "samples/seeds/000_e0affe79a15288f1.docx",
        "samples/seeds/000_e0affe79a15288f1.txt"}) {
    Noted n = FromFile(rel);
    EXPECT_TRUE(With(n.x, "ocr_debris").empty()) << rel << ": " << n.x.findings.size();
    EXPECT_TRUE(With(n.x, "present_and_apologies").empty()) << rel;
    EXPECT_FALSE(n.x.HasFindingsToFix(/*strict=*/false)) << rel;
  }
}

TEST(ValidationTest, EveryNewCodeIsInTheCatalogue) {
  for (const char* code :
       {"next_meeting_before_meeting", "action_without_owner", "duplicate_action_ref",
        "duplicate_item_number", "issued_after_meeting", "present_and_apologies",
        "unknown_organisation", "money_without_la", "ocr_debris"}) {
    bool found = false;
    for (const FindingRule& r : FindingCatalogue()) found = found || r.code == code;
    EXPECT_TRUE(found) << code;
  }
  EXPECT_EQ(Severity::kError, RuleOf(FindingCode::kPresentAndApologies).severity);
}

}  // namespace
}  // namespace minutes
