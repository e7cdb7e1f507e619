// SettleSeries: what one meeting leaves open, settled by the other meetings of its series. The
// seeds are the real case (December's "RE", July's Rebecca Eligon); small notes written here cover
// each rule, conflicts, duplicates, the action history and independence from input order.

#include "extract/series.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <map>
#include <string>
#include <vector>

#include "export/export.h"
#include "extract/extract.h"
#include "ingest/ingest.h"
#include "tests/extract/text_document.h"

namespace minutes {
namespace {

const char kJuly[] = "samples/seeds/000_e0affe79a15288f1";
const char kDecember[] = "samples/seeds/001_2e77aad788dcd255";

Extraction Seed(const std::string& name) {
  std::string path = std::string(MINUTES_SOURCE_DIR) + "/" + name;
  Document doc;
  Status s = ReadFile(path, IngestOptions(), &doc);
  EXPECT_TRUE(s.ok()) << path << ": " << s.ToString();
  return Extract(doc, SourceOf(name, doc), {});
}

Extraction Notes(const std::string& path, const std::string& text, const std::string& series = "") {
  Document doc = minutes_test::TextDocument(text);
  ExtractOptions options;
  options.series = series;
  return Extract(doc, SourceOf(path, doc), options);
}

std::vector<const Finding*> FindingsWith(const Extraction& x, const std::string& code) {
  std::vector<const Finding*> out;
  for (const Finding& f : x.findings)
    if (f.code == code) out.push_back(&f);
  return out;
}

// The findings of `code` about `initials` (their messages start "'RE' ...").
std::vector<const Finding*> FindingsAbout(const Extraction& x, const std::string& code,
                                          const std::string& initials) {
  std::vector<const Finding*> out;
  for (const Finding* f : FindingsWith(x, code))
    if (f->message.rfind("'" + initials + "'", 0) == 0) out.push_back(f);
  return out;
}

std::vector<const PersonMention*> UsesOf(const Extraction& x, const std::string& initials) {
  std::vector<const PersonMention*> out;
  for (const PersonMention& m : x.person_mentions)
    if (m.text == initials) out.push_back(&m);
  return out;
}

// The ref of the action whose row holds `span`, or "".
std::string RefAt(const Extraction& x, const Span& span) {
  for (const Action& a : x.actions)
    if (!a.ref.empty() && span.start >= a.evidence.span.start && span.end <= a.evidence.span.end)
      return a.ref;
  return "";
}

// `text` with every `from` replaced by `to`.
std::string Replaced(std::string text, const std::string& from, const std::string& to) {
  for (size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
    text.replace(at, from.size(), to);
  return text;
}

// Everything SettleSeries may change, as text, to compare runs.
std::string Summary(const Extraction& x) {
  std::string s = x.source.path + "\n";
  for (const PersonMention& m : x.person_mentions)
    s += m.text + "=" + m.name + " " + m.person_id + " " + m.settled_by + " " + m.evidence.rule +
         "\n";
  for (const Action& a : x.actions)
    for (const Owner& o : a.owners) s += a.ref + ":" + o.text + "=" + o.name + "\n";
  for (const Finding& f : x.findings) s += f.code + ": " + f.message + "\n";
  return s;
}

// --- the seeds ---

TEST(SeriesTest, JulySettlesDecembersRE) {
  Extraction july = Seed(std::string(kJuly) + ".txt");
  Extraction december = Seed(std::string(kDecember) + ".txt");
  ASSERT_EQ(july.meeting.series, december.meeting.series);
  ASSERT_FALSE(july.meeting.series.empty());
  const std::string july_summary = Summary(july);
  std::string rebecca_id;
  for (const Person& p : december.people)
    if (p.name == "Rebecca Eligon") rebecca_id = p.person_id;
  ASSERT_FALSE(rebecca_id.empty());

  std::vector<Extraction> docs = {july, december};
  SettleSeries(&docs);
  const Extraction& d = docs[1];

  // Every use of RE: Rebecca Eligon, on July's word. The two uses in action 48's row (its text
  // "RE to convene ..." and its owner) are settled by July's action 48, owned by RE = Rebecca
  // there; the other twelve (the discussion and rows 50-54, which July's log does not have) by
  // July resolving RE to Rebecca alone.
  std::vector<const PersonMention*> uses = UsesOf(d, "RE");
  ASSERT_EQ(14u, uses.size());
  int by_ref = 0;
  for (const PersonMention* m : uses) {
    EXPECT_EQ("Rebecca Eligon", m->name) << m->evidence.span.start;
    EXPECT_EQ(rebecca_id, m->person_id) << m->evidence.span.start;
    EXPECT_EQ(july.source.sha256, m->settled_by) << m->evidence.span.start;
    bool in_row_48 = RefAt(d, m->evidence.span) == "48";
    EXPECT_EQ(in_row_48 ? "series.action_ref" : "series.earlier_use", m->evidence.rule)
        << m->evidence.span.start;
    EXPECT_DOUBLE_EQ(in_row_48 ? 0.8 : 0.7, m->evidence.confidence);
    by_ref += in_row_48;
  }
  EXPECT_EQ(2, by_ref);
  for (const Action& a : d.actions)
    for (const Owner& o : a.owners)
      if (o.text == "RE") {
        EXPECT_EQ("Rebecca Eligon", o.name) << a.ref;
        EXPECT_EQ(rebecca_id, o.person_id) << a.ref;
      }

  EXPECT_TRUE(FindingsWith(d, "ambiguous_initials").empty());
  std::vector<const Finding*> settled = FindingsWith(d, "settled_initials");
  ASSERT_EQ(1u, settled.size());
  EXPECT_EQ(Severity::kInfo, settled[0]->severity);
  EXPECT_EQ(
      "'RE' is Rebecca Eligon, from the meeting of 2025-07-07 (same action ref 48: 2 uses; 'RE' "
      "resolved there: 12 uses)",
      settled[0]->message);
  EXPECT_EQ(uses[0]->evidence.span, settled[0]->span);
  // Actions 46 and 47, open in July, are carried; nothing else changes in either meeting.
  EXPECT_TRUE(FindingsWith(d, "open_action_missing").empty());
  EXPECT_TRUE(FindingsWith(d, "conflicting_initials").empty());
  EXPECT_EQ(july_summary, Summary(docs[0]));
}

TEST(SeriesTest, DecemberAloneLeavesREOpen) {
  std::vector<Extraction> docs = {Seed(std::string(kDecember) + ".txt")};
  SettleSeries(&docs);
  for (const PersonMention* m : UsesOf(docs[0], "RE")) {
    EXPECT_EQ("", m->name);
    EXPECT_EQ("", m->settled_by);
  }
  EXPECT_EQ(1u, FindingsWith(docs[0], "ambiguous_initials").size());
  EXPECT_TRUE(FindingsWith(docs[0], "settled_initials").empty());
}

// Both renditions of both meetings: each .txt is the same meeting as its .docx, so it gets
// duplicate_meeting and is not evidence for it; RE in either December is still settled by July.
TEST(SeriesTest, BothRenditionsOfBothMeetings) {
  std::vector<Extraction> docs = {
      Seed(std::string(kJuly) + ".txt"), Seed(std::string(kDecember) + ".txt"),
      Seed(std::string(kJuly) + ".docx"), Seed(std::string(kDecember) + ".docx")};
  SettleSeries(&docs);
  for (int i : {0, 1}) {
    std::vector<const Finding*> dup = FindingsWith(docs[i], "duplicate_meeting");
    ASSERT_EQ(1u, dup.size()) << docs[i].source.path;
    EXPECT_NE(std::string::npos, dup[0]->message.find(docs[i + 2].source.path)) << dup[0]->message;
    EXPECT_TRUE(FindingsWith(docs[i + 2], "duplicate_meeting").empty());
  }
  for (int i : {1, 3})
    for (const PersonMention* m : UsesOf(docs[i], "RE")) {
      EXPECT_EQ("Rebecca Eligon", m->name);
      // The first rendition of July (by path: the .docx) is the one cited.
      EXPECT_EQ(docs[2].source.sha256, m->settled_by);
    }
}

// --- the rules, on notes written here ---

const char kReneeInJanuary[] =
    "Fostering group notes January 2026\n"
    "Date: 12 January 2026\n"
    "Attendees: Renee Eddy (Surrey), Ann Bell (Kent)\n"
    "Item 1: data\n"
    "RE said the data is late.\n"
    "\n"
    "Ref\tAction\tOwner\tStatus\n"
    "12\tSend the data\tRE\tOpen\n"
    "11\tShare the policy\tAB\tOngoing\n";

const char kRebeccaInFebruary[] =
    "Fostering group notes February 2026\n"
    "Date: 9 February 2026\n"
    "Attendees: Rebecca Eligon (Kent), Ann Bell (Kent)\n"
    "Item 1: data\n"
    "RE said the data is late.\n";

const char kRobertInFebruary[] =
    "Fostering group notes February 2026\n"
    "Date: 9 February 2026\n"
    "Attendees: Robert Evans (Kent), Alison Miller (Milton Keynes)\n"
    "Item 1: data\n"
    "RE said the data is late. AM said it was fine.\n";

// February resolves RE, but to two people: it does not say who RE is.
const char kBothResolvedInFebruary[] =
    "Fostering group notes February 2026\n"
    "Date: 9 February 2026\n"
    "Attendees: Rebecca Eligon (Kent), Renee Eddy (Surrey)\n"
    "Item 1: data\n"
    "RE said from Kent the data is late.\n"
    "Item 2: money\n"
    "RE said from Surrey it was fine.\n";

// February names Rebecca once but leaves RE ambiguous elsewhere: no more sure than March.
const char kPartlyResolvedInFebruary[] =
    "Fostering group notes February 2026\n"
    "Date: 9 February 2026\n"
    "Attendees: Rebecca Eligon (Kent), Renee Eddy (Surrey)\n"
    "Item 1: data\n"
    "RE said it was fine.\n"
    "RE said from Kent the data is late.\n";

// March: both Rebecca and Renee attend, so RE is ambiguous; nobody is AM, so AM is unresolved.
const char kBothInMarch[] =
    "Fostering group notes March 2026\n"
    "Date: 9 March 2026\n"
    "Attendees: Rebecca Eligon (Kent), Renee Eddy (Surrey), Ann Bell (Kent)\n"
    "Item 1: data\n"
    "RE said the data is late.\n"
    "AM said it was fine.\n"
    "\n"
    "Ref\tAction\tOwner\tStatus\n"
    "13\tWrite it up\tAB\tOpen\n"
    "12\tSend the data\tRE\tComplete\n"
    "11\tShare the policy\tAB\tOngoing\n";

// Two meetings: the first is the evidence, the second is settled.
TEST(SeriesTest, EachRuleAndWhatMakesANamePlausible) {
  struct {
    const char* what;
    const char* earlier;
    const char* initials;
    const char* name;      // the name each use gets in March ("" = left open)
    const char* rule;      // for the use in the discussion ("" = left open)
    const char* row_rule;  // for the use in action 12's row ("" = no such use)
  } cases[] = {
      {"a shared action ref, and the initials resolved there", kReneeInJanuary, "RE", "Renee Eddy",
       "series.earlier_use", "series.action_ref"},
      {"the initials resolved there", kRebeccaInFebruary, "RE", "Rebecca Eligon",
       "series.earlier_use", "series.earlier_use"},
      {"someone not at this meeting cannot settle ambiguous initials", kRobertInFebruary, "RE", "",
       "", ""},
      {"initials nobody here fits: someone at that meeting", kRobertInFebruary, "AM",
       "Alison Miller", "series.earlier_use", ""},
      {"initials resolved there to two people", kBothResolvedInFebruary, "RE", "", "", ""},
      {"initials resolved there once and left ambiguous elsewhere", kPartlyResolvedInFebruary, "RE",
       "", "", ""},
      {"initials nobody here fits, and nobody there", kRebeccaInFebruary, "AM", "", "", ""},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.what);
    std::vector<Extraction> docs = {Notes("a.txt", c.earlier), Notes("b.txt", kBothInMarch)};
    SettleSeries(&docs);
    const Extraction& march = docs[1];
    std::vector<const PersonMention*> uses = UsesOf(march, c.initials);
    ASSERT_FALSE(uses.empty());
    for (const PersonMention* m : uses) {
      bool in_row = RefAt(march, m->evidence.span) == "12";
      EXPECT_EQ(c.name, m->name);
      EXPECT_EQ(*c.name ? docs[0].source.sha256 : "", m->settled_by);
      if (*c.name) {
        EXPECT_EQ(in_row ? c.row_rule : c.rule, m->evidence.rule);
      }
    }
    const char* open_code =
        std::string(c.initials) == "RE" ? "ambiguous_initials" : "unresolved_initials";
    EXPECT_EQ(*c.name ? 0u : 1u, FindingsAbout(march, open_code, c.initials).size());
    EXPECT_EQ(*c.name ? 1u : 0u, FindingsAbout(march, "settled_initials", c.initials).size());
    EXPECT_TRUE(FindingsWith(march, "conflicting_initials").empty());
  }
}

// January says RE is Renee, February says Rebecca: March's RE in the discussion stays open with a
// warning naming both meetings. In action 12's row, January's action 12 (owner RE = Renee) is
// preferred over what the meetings say of RE in general, and February has no action 12.
TEST(SeriesTest, MeetingsThatDisagreeLeaveTheInitialsOpen) {
  std::vector<Extraction> docs = {Notes("a.txt", kReneeInJanuary),
                                  Notes("c.txt", kRebeccaInFebruary), Notes("b.txt", kBothInMarch)};
  SettleSeries(&docs);
  const Extraction& march = docs[2];
  for (const PersonMention* m : UsesOf(march, "RE")) {
    if (RefAt(march, m->evidence.span) == "12") {
      EXPECT_EQ("Renee Eddy", m->name);
      EXPECT_EQ("series.action_ref", m->evidence.rule);
    } else {
      EXPECT_EQ("", m->name);
    }
  }
  std::vector<const Finding*> conflicts = FindingsWith(march, "conflicting_initials");
  ASSERT_EQ(1u, conflicts.size());
  EXPECT_EQ(Severity::kWarning, conflicts[0]->severity);
  EXPECT_EQ(
      "'RE' is Rebecca Eligon in the meeting of 2026-02-09 but Renee Eddy in the meeting of "
      "2026-01-12: left open, write the name",
      conflicts[0]->message);
  // One use is still open, so the ambiguity stays reported beside what was settled.
  EXPECT_EQ(1u, FindingsWith(march, "ambiguous_initials").size());
  std::vector<const Finding*> settled = FindingsWith(march, "settled_initials");
  ASSERT_EQ(1u, settled.size());
  EXPECT_NE(std::string::npos, settled[0]->message.find("1 use still open")) << settled[0]->message;
}

// When several meetings agree, the one cited is the nearest earlier one, else the nearest later.
TEST(SeriesTest, TheNearestEarlierMeetingIsCited) {
  std::string january = Replaced(Replaced(kRebeccaInFebruary, "February", "January"), "9 ", "12 ");
  std::string april = Replaced(Replaced(kRebeccaInFebruary, "February", "April"), "9 ", "13 ");
  struct {
    std::vector<std::string> evidence;  // notes of the other meetings
    size_t cited;                       // index in `evidence` of the one settled_by names
  } cases[] = {
      {{january, kRebeccaInFebruary, april}, 1},
      {{april, january}, 1},
      {{april}, 0},
  };
  for (const auto& c : cases) {
    std::vector<Extraction> docs;
    for (size_t i = 0; i < c.evidence.size(); ++i)
      docs.push_back(Notes("e" + std::to_string(i) + ".txt", c.evidence[i]));
    docs.push_back(Notes("march.txt", kBothInMarch));
    SettleSeries(&docs);
    const std::string& want = docs[c.cited].source.sha256;
    SCOPED_TRACE(docs[c.cited].meeting.date);
    for (const PersonMention* m : UsesOf(docs.back(), "RE")) {
      EXPECT_EQ("Rebecca Eligon", m->name);
      EXPECT_EQ(want, m->settled_by);
    }
  }
}

// Same series and date: the same meeting, whatever the order given; not evidence for each other.
TEST(SeriesTest, TheSameMeetingTwiceIsADuplicateNotEvidence) {
  std::string march_rebecca_only = Replaced(kBothInMarch, " Renee Eddy (Surrey),", "");
  for (bool reversed : {false, true}) {
    SCOPED_TRACE(reversed ? "reversed" : "in order");
    std::vector<Extraction> docs = {Notes("a.txt", march_rebecca_only),
                                    Notes("b.txt", kBothInMarch)};
    if (reversed) std::swap(docs[0], docs[1]);
    SettleSeries(&docs);
    const Extraction& a = docs[reversed ? 1 : 0];
    const Extraction& b = docs[reversed ? 0 : 1];
    EXPECT_TRUE(FindingsWith(a, "duplicate_meeting").empty());
    std::vector<const Finding*> dup = FindingsWith(b, "duplicate_meeting");
    ASSERT_EQ(1u, dup.size());
    EXPECT_EQ(Severity::kInfo, dup[0]->severity);
    EXPECT_NE(std::string::npos, dup[0]->message.find("a.txt")) << dup[0]->message;
    for (const PersonMention* m : UsesOf(b, "RE")) EXPECT_EQ("", m->name);
    EXPECT_EQ(1u, FindingsWith(b, "ambiguous_initials").size());
  }
}

TEST(SeriesTest, AnActionOpenLastTimeMustBeInTheLog) {
  const char* const kJanuary =
      "Fostering group notes January 2026\n"
      "Date: 12 January 2026\n"
      "Attendees: Ann Bell (Kent)\n"
      "\n"
      "Ref\tAction\tOwner\tStatus\n"
      "7\tSend the data\tAB\t%s\n"
      "6\tShare the policy\tAB\tComplete\n";
  struct {
    const char* status_in_january;
    const char* february_log;  // rows after the header; "" = no log at all
    const char* finding;       // "" = none
  } cases[] = {
      {"Open", "8\tWrite it up\tAB\tOpen\n",
       "action 7 was open on 2026-01-12 and is not in this log"},
      {"In progress", "8\tWrite it up\tAB\tOpen\n",
       "action 7 was ongoing on 2026-01-12 and is not in this log"},
      {"Open", "8\tWrite it up\tAB\tOpen\n7\tSend the data\tAB\tComplete\n", ""},
      {"Complete", "8\tWrite it up\tAB\tOpen\n", ""},
      {"Open", "", ""},  // notes without a log did not drop it
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(std::string(c.status_in_january) + " / " + c.february_log);
    char january[512];
    std::snprintf(january, sizeof january, kJanuary, c.status_in_january);
    std::string february =
        "Fostering group notes February 2026\nDate: 9 February 2026\nAttendees: Ann Bell (Kent)\n";
    if (*c.february_log) february += std::string("\nRef\tAction\tOwner\tStatus\n") + c.february_log;
    std::vector<Extraction> docs = {Notes("jan.txt", january), Notes("feb.txt", february)};
    SettleSeries(&docs);
    EXPECT_TRUE(FindingsWith(docs[0], "open_action_missing").empty());
    std::vector<const Finding*> missing = FindingsWith(docs[1], "open_action_missing");
    if (*c.finding) {
      ASSERT_EQ(1u, missing.size());
      EXPECT_EQ(c.finding, missing[0]->message);
      EXPECT_EQ(Severity::kWarning, missing[0]->severity);
    } else {
      EXPECT_TRUE(missing.empty()) << missing[0]->message;
    }
  }
}

TEST(SeriesTest, OtherSeriesAndUndatedNotesSettleNothing) {
  std::string adoption = Replaced(kBothInMarch, "Fostering", "Adoption");
  std::string undated =
      Replaced(Replaced(kRebeccaInFebruary, "Date: 9 February 2026\n", ""), " February 2026", "");
  struct {
    const char* what;
    Extraction evidence;
    Extraction open;
    bool settled;
  } cases[] = {
      {"another series", Notes("a.txt", kRebeccaInFebruary), Notes("b.txt", adoption), false},
      {"another series, made one by the option", Notes("a.txt", kRebeccaInFebruary, "fostering"),
       Notes("b.txt", adoption, "fostering"), true},
      {"undated evidence", Notes("a.txt", undated), Notes("b.txt", kBothInMarch), false},
  };
  for (auto& c : cases) {
    SCOPED_TRACE(c.what);
    ASSERT_EQ(c.what != std::string("undated evidence"), !c.evidence.meeting.date.empty());
    std::vector<Extraction> docs = {c.evidence, c.open};
    SettleSeries(&docs);
    for (const PersonMention* m : UsesOf(docs[1], "RE"))
      EXPECT_EQ(c.settled ? "Rebecca Eligon" : "", m->name);
    EXPECT_EQ(c.settled ? 0u : 1u, FindingsWith(docs[1], "ambiguous_initials").size());
  }
}

// Every order of the same documents gives each document the same result.
TEST(SeriesTest, InputOrderDoesNotChangeTheResult) {
  const std::vector<Extraction> inputs = {
      Notes("a.txt", kReneeInJanuary),   Notes("c.txt", kRebeccaInFebruary),
      Notes("b.txt", kBothInMarch),      Notes("d.txt", kBothInMarch),
      Seed(std::string(kJuly) + ".txt"), Seed(std::string(kDecember) + ".txt"),
  };
  std::map<std::string, std::string> expected;  // path -> summary, from the first order
  std::vector<size_t> order(inputs.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  int runs = 0;
  do {
    std::vector<Extraction> docs;
    for (size_t i : order) docs.push_back(inputs[i]);
    SettleSeries(&docs);
    for (const Extraction& x : docs) {
      auto [it, first] = expected.emplace(x.source.path, Summary(x));
      if (!first) {
        ASSERT_EQ(it->second, Summary(x)) << "run " << runs;
      }
    }
    ++runs;
  } while (std::next_permutation(order.begin(), order.end()));
  EXPECT_EQ(720, runs);
  // And the results are the interesting ones: d.txt is b.txt's duplicate, December is settled.
  EXPECT_NE(std::string::npos,
            expected["d.txt"].find("duplicate_meeting: the same meeting as b.txt"));
  EXPECT_NE(std::string::npos, expected[std::string(kDecember) + ".txt"].find("settled_initials"));
}

// `load` settles what `extract` wrote after settling it: the second time finds nothing new.
TEST(SeriesTest, SettlingTwiceChangesNothing) {
  std::vector<Extraction> docs = {
      Seed(std::string(kJuly) + ".txt"), Seed(std::string(kDecember) + ".txt"),
      Seed(std::string(kJuly) + ".docx"), Seed(std::string(kDecember) + ".docx")};
  SettleSeries(&docs);
  std::vector<std::string> once;
  for (const Extraction& x : docs) once.push_back(ToJson(x, 0));
  SettleSeries(&docs);
  for (size_t i = 0; i < docs.size(); ++i) EXPECT_EQ(once[i], ToJson(docs[i], 0)) << i;
}

}  // namespace
}  // namespace minutes
