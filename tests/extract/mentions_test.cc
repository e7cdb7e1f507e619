// CapsTokens, FindLaMentions and FindPersonMentions: telling LAs, people's initials and acronyms
// apart in the discussion.

#include "extract/mentions.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "extract/attendance.h"
#include "extract/people.h"
#include "normalize/normalize.h"
#include "tests/extract/text_document.h"

namespace minutes {
namespace {

const normalize::LaRegister& Las() { return normalize::LaRegister::Default(); }

std::string At(const Document& doc, Span s) { return doc.text.substr(s.start, s.size()); }

TEST(CapsTokensTest, RunsOfCapitalsStandingAsAWord) {
  static const struct {
    const char* text;
    std::vector<std::string> tokens;
  } kCases[] = {
      {"KL said it is similar", {"KL"}},
      {"KGOS agreed", {"KGOS"}},
      {"ABCDE and ABCDEF", {"ABCDE"}},   // five at most
      {"A said", {}},                    // two at least
      {"KPIs and DfE", {}},              // not all capitals
      {"xKL, KLx, KL2, KL_1, 2KL", {}},  // not inside words
      {"(KL) PH/KL; PH,KL and SA.", {"KL", "PH", "KL", "PH", "KL", "SA"}},
      {"KL's report and KL’s report", {"KL", "KL"}},
      {"KL\xC2\xA0said", {"KL"}},  // a no-break space ends a word
      {"Ofsted, NHS, DCS", {"NHS", "DCS"}},
      {"\tKL\n", {"KL"}},
      {"", {}},
  };
  for (const auto& c : kCases) {
    std::string_view text(c.text);
    std::vector<std::string> got;
    for (const Span& s : CapsTokens(text)) got.emplace_back(text.substr(s.start, s.size()));
    EXPECT_EQ(c.tokens, got) << c.text;
  }
}

// The people listed in `doc` and the match options the extractor would use with them.
struct Listed {
  explicit Listed(const Document& doc)
      : people(ResolvePeople(
            FindAttendance(doc, [](std::string_view s) { return Las().Resolve(s).has_value(); }),
            Las(), normalize::MatchOptions())) {
    match.region = "South East";
    for (const Person& p : people)
      for (const std::string& code : p.la_codes) match.expected_gss_codes.push_back(code);
  }
  std::vector<Person> people;
  normalize::MatchOptions match;
};

TEST(FindLaMentionsTest, LasAndNotPeople) {
  static const struct {
    const char* why;
    const char* notes;
    // "text=canonical name" of each mention, attendance lines included, in text order.
    std::vector<std::string> mentions;
  } kCases[] = {
      {"an LA's name", "Notes\nPortsmouth agreed to host.\n", {"Portsmouth=Portsmouth"}},
      {"an alias", "Notes\nWest Berks will share its policy.\n", {"West Berks=West Berkshire"}},
      {"a council name",
       "Notes\nSurrey County Council agreed.\n",
       {"Surrey County Council=Surrey"}},
      {"two in one sentence",
       "Notes\nKent and Medway share a hub.\n",
       {"Kent=Kent", "Medway=Medway"}},
      {"a surname that is an LA's name, where the person is listed",
       "Notes\nAttendees: Lucy Kent (Surrey)\nLucy Kent said the hub opens in Medway.\n",
       {"Surrey=Surrey", "Medway=Medway"}},
      {"initials that are an LA's alias but a listed person's own",
       "Notes\nAttendees: Ben Hart (Kent)\nBH said the hub opens.\n",
       {"Kent=Kent"}},
      {"the same initials when nobody listed has them",
       "Notes\nAttendees: Ann Bell (Kent)\nBH said the hub opens.\n",
       {"Kent=Kent", "BH=Brighton and Hove"}},
      {"no LA", "Notes\nThe DCS and the EDT met with Ofsted.\n", {}},
  };
  for (const auto& c : kCases) {
    Document doc = minutes_test::TextDocument(c.notes);
    Listed listed(doc);
    std::vector<std::string> got;
    for (const LaMentionItem& m : FindLaMentions(doc, Las(), listed.match, listed.people)) {
      EXPECT_EQ(m.text, At(doc, m.evidence.span)) << c.why;
      got.push_back(m.text + "=" + m.canonical_name);
    }
    EXPECT_EQ(c.mentions, got) << c.why;
  }
}

TEST(FindLaMentionsTest, CodesMethodAndSpan) {
  Document doc = minutes_test::TextDocument("Notes\nWest Berks and AfC agreed.\n");
  std::vector<LaMentionItem> got = FindLaMentions(doc, Las(), normalize::MatchOptions(), {});
  ASSERT_EQ(2u, got.size());
  EXPECT_EQ("West Berks", At(doc, got[0].evidence.span));
  EXPECT_EQ(std::vector<std::string>{"E06000037"}, got[0].la_codes);
  EXPECT_EQ(MatchMethod::kAlias, got[0].method);
  EXPECT_EQ("la.alias", got[0].evidence.rule);
  EXPECT_EQ("AfC", At(doc, got[1].evidence.span));
  EXPECT_EQ((std::vector<std::string>{"E09000021", "E09000027", "E06000040"}), got[1].la_codes);
  EXPECT_EQ(MatchMethod::kGroup, got[1].method);
}

// The person mentions of `notes` (and their findings), found as the extractor's steps would.
struct Mentions {
  explicit Mentions(const std::string& notes) : doc(minutes_test::TextDocument(notes)) {
    Listed listed(doc);
    std::string_view body = std::string_view(doc.text).substr(0, doc.body_end);
    std::vector<LaMentionItem> la = FindLaMentions(doc, Las(), listed.match, listed.people);
    std::vector<Span> la_spans;
    for (const LaMentionItem& m : la) la_spans.push_back(m.evidence.span);
    std::vector<Span> caps = CapsTokens(body);
    InitialsResolver resolver(listed.people, body, la_spans, caps);
    mentions = FindPersonMentions(doc, TextBreaks(doc.text), Las(), resolver, la, caps, {},
                                  listed.people, &findings);
  }
  Document doc;
  std::vector<PersonMention> mentions;
  std::vector<Finding> findings;
};

TEST(FindPersonMentionsTest, InitialsInTheDiscussion) {
  static const struct {
    const char* why;
    const char* notes;
    std::vector<std::string> mentions;  // "initials=name" in text order
    std::vector<std::string> findings;  // codes, in order
  } kCases[] = {
      {"a listed person's initials",
       "Notes\nAttendees: Kelly Lamb (Kent)\nKL said the hub opens.\n",
       {"KL=Kelly Lamb"},
       {}},
      {"a listed person's initials need no verb",
       "Notes\nAttendees: Kelly Lamb (Kent)\nThanks to KL for the report.\n",
       {"KL=Kelly Lamb"},
       {}},
      {"initials shared by two people",
       "Notes\nAttendees: Selina Rattu (SESLIP), Sinead Roche (East Sussex)\n"
       "SR said training is in place.\n",
       {"SR="},
       {"ambiguous_initials"}},
      {"settled by an LA named in the same sentence",
       "Notes\nAttendees: Selina Rattu (SESLIP), Sinead Roche (East Sussex)\n"
       "SR said from East Sussex that training is in place.\n",
       {"SR=Sinead Roche"},
       {}},
      {"not settled by an LA in the sentence before",
       "Notes\nAttendees: Selina Rattu (SESLIP), Sinead Roche (East Sussex)\n"
       "East Sussex has a plan. SR said training is in place.\n",
       {"SR="},
       {"ambiguous_initials"}},
      {"settled once, then for the rest of the agenda item",
       "Notes\nAttendees: Selina Rattu (SESLIP), Sinead Roche (East Sussex)\n"
       "Item 1: training\nSR said from East Sussex that training is in place.\n"
       "SR added that it is funded.\n",
       {"SR=Sinead Roche", "SR=Sinead Roche"},
       {}},
      {"initials nobody has, where the words say a person",
       "Notes\nAttendees: Ann Bell (Kent)\nXY said the budget is set.\n",
       {"XY="},
       {"unresolved_initials"}},
      {"capitals nobody has, where the words do not say a person",
       "Notes\nAttendees: Ann Bell (Kent)\nThe XY report is out. QZ figures are up.\n",
       {},
       {}},
      {"sector acronyms are not people, even before a verb",
       "Notes\nAttendees: Ann Bell (Kent)\nDCS said the EDT will cover nights.\n",
       {},
       {}},
      {"an LA's initials are not a person",
       "Notes\nAttendees: Ann Bell (Kent)\nBH said the hub opens.\n",
       {},
       {}},
  };
  for (const auto& c : kCases) {
    Mentions m(c.notes);
    std::vector<std::string> got, codes;
    for (const PersonMention& pm : m.mentions) {
      EXPECT_EQ(pm.text, At(m.doc, pm.evidence.span)) << c.why;
      got.push_back(pm.text + "=" + pm.name);
    }
    for (const Finding& f : m.findings) codes.push_back(f.code);
    EXPECT_EQ(c.mentions, got) << c.why;
    EXPECT_EQ(c.findings, codes) << c.why;
  }
}

TEST(FindPersonMentionsTest, FindingsPointAtTheInitialsAndNameTheCandidates) {
  Mentions m(
      "Notes\nAttendees: Selina Rattu (SESLIP), Sinead Roche (East Sussex)\n"
      "SR said training is in place. XY said it is funded.\n");
  ASSERT_EQ(2u, m.findings.size());
  EXPECT_EQ("ambiguous_initials", m.findings[0].code);
  EXPECT_EQ("SR", At(m.doc, m.findings[0].span));
  EXPECT_EQ(m.doc.text.find("SR said"), m.findings[0].span.start);
  EXPECT_NE(std::string::npos, m.findings[0].message.find("Selina Rattu"));
  EXPECT_NE(std::string::npos, m.findings[0].message.find("Sinead Roche"));
  EXPECT_EQ("unresolved_initials", m.findings[1].code);
  EXPECT_EQ("XY", At(m.doc, m.findings[1].span));
}

// The extractor's way: the meeting's area from the notes, then people and LA mentions with it.
struct AreaMentions {
  explicit AreaMentions(const std::string& notes) : doc(minutes_test::TextDocument(notes)) {
    auto is_org = [](std::string_view s) { return Las().Resolve(s).has_value(); };
    std::vector<ListedPerson> listed = FindAttendance(doc, is_org);
    normalize::MatchOptions area = MeetingArea(doc, Las(), listed, normalize::MatchOptions());
    people = ResolvePeople(listed, Las(), area);
    la = FindLaMentions(doc, Las(), area, people, &findings);
    std::vector<Span> la_spans;
    for (const LaMentionItem& m : la) la_spans.push_back(m.evidence.span);
    std::string_view body = std::string_view(doc.text).substr(0, doc.body_end);
    std::vector<Span> caps = CapsTokens(body);
    InitialsResolver resolver(people, body, la_spans, caps);
    person_mentions = FindPersonMentions(doc, TextBreaks(doc.text), Las(), resolver, la, caps, {},
                                         people, &findings);
  }
  std::vector<std::string> LaTexts() const {
    std::vector<std::string> out;
    for (const LaMentionItem& m : la) out.push_back(m.text + "=" + m.la_codes[0]);
    return out;
  }
  Document doc;
  std::vector<Person> people;
  std::vector<LaMentionItem> la;
  std::vector<PersonMention> person_mentions;
  std::vector<Finding> findings;
};

TEST(MeetingAreaTest, AnAttendeeAndAMentionSettleTheSameWay) {
  AreaMentions london(
      "Notes\nPresent: Nia Obi (WCC); Omar Reid (Camden); Ruth Sharp (Islington)\n"
      "WCC said its rate is under review.\n");
  ASSERT_EQ(london.people.size(), 3u);
  EXPECT_EQ(london.people[0].la_codes, std::vector<std::string>{"E09000033"});
  EXPECT_EQ(london.LaTexts(), (std::vector<std::string>{"WCC=E09000033", "Camden=E09000007",
                                                        "Islington=E09000019", "WCC=E09000033"}));
  EXPECT_TRUE(london.findings.empty());

  AreaMentions midlands(
      "Notes\nPresent: Joe Bains (Birmingham); Pat Lee (WCC)\nWCC reported 14 new carers.\n");
  EXPECT_TRUE(midlands.people[1].la_codes.empty());
  EXPECT_EQ(midlands.LaTexts(), std::vector<std::string>{"Birmingham=E08000025"});
  EXPECT_TRUE(midlands.person_mentions.empty());  // "WCC reported" is no person's initials
  ASSERT_EQ(midlands.findings.size(), 2u);
  EXPECT_EQ(midlands.findings[0].code, "ambiguous_la");
  EXPECT_EQ(At(midlands.doc, midlands.findings[0].span), "WCC");
}

TEST(MeetingAreaTest, InitialsThatAreAnLaAliasAreThePersonInAPersonsContext) {
  AreaMentions notes(
      "Notes\nPresent: Ben Hart (Kent); Amy Cole (Surrey)\n"
      "BH said the EDT that covers BH and E Sussex is busy.\n"
      "ADCS, LGA and NHSE will be told; ADCS to write.\n");
  // The first BH is Ben Hart speaking; the second, joined to East Sussex, is Brighton and Hove.
  std::vector<std::string> la = notes.LaTexts();
  EXPECT_EQ(la, (std::vector<std::string>{"Kent=E10000016", "Surrey=E10000030", "BH=E06000043",
                                          "E Sussex=E10000011"}));
  ASSERT_EQ(notes.person_mentions.size(), 1u);
  EXPECT_EQ(notes.person_mentions[0].name, "Ben Hart");
  for (const Finding& f : notes.findings) EXPECT_NE(f.code, "unresolved_initials") << f.message;
}

}  // namespace
}  // namespace minutes
