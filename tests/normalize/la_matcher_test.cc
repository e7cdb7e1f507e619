// Table-driven tests of LaRegister::FindMentions and Resolve over real sentences from the seed
// notes.

#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "normalize/normalize.h"

namespace minutes::normalize {
namespace {

const LaRegister& Las() {
  static const std::unique_ptr<LaRegister> reg = [] {
    std::unique_ptr<LaRegister> r;
    Status s = LaRegister::Load(MINUTES_DATA_DIR, &r);
    EXPECT_TRUE(s.ok()) << s.ToString();
    return r;
  }();
  return *reg;
}

// "text|GSS" per mention: the exact matched text and its first GSS code.
std::vector<std::string> Render(std::string_view text, const MatchOptions& options = {}) {
  std::vector<std::string> out;
  for (const LaMention& m : Las().FindMentions(text, options)) {
    EXPECT_EQ(text.substr(m.start, m.end - m.start), m.text) << "span of " << m.text;
    out.push_back(m.text + "|" + (m.gss_codes.empty() ? "" : m.gss_codes[0]));
  }
  return out;
}

using V = std::vector<std::string>;

TEST(LaMatcher, SeedSentences) {
  static const struct {
    const char* text;
    V expected;
  } kCases[] = {
      {"W Sussex –KW said they have an advice line", {"W Sussex|E10000032"}},
      {"W. Sussex said", {"W. Sussex|E10000032"}},
      {"the EDT team that covers BH and E Sussex would pick up",
       {"BH|E06000043", "E Sussex|E10000011"}},
      {"from Southampton, Milton Keynes, Portsmouth, Hampshire, Brighton and Hove, East and West "
       "Sussex.",
       {"Southampton|E06000045", "Milton Keynes|E06000042", "Portsmouth|E06000044",
        "Hampshire|E10000014", "Brighton and Hove|E06000043", "East|E10000011",
        "West Sussex|E10000032"}},
      {"all emergencies across Kent and Medway.", {"Kent|E10000016", "Medway|E06000035"}},
      {"above the NMA (AfC, Bracknell Forest, Kent, Medway, Surrey, West\nBerkshire), and",
       {"AfC|E09000021", "Bracknell Forest|E06000036", "Kent|E10000016", "Medway|E06000035",
        "Surrey|E10000030", "West\nBerkshire|E06000037"}},
      // As rendered from a text export, the wrapped line is a paragraph of its own.
      {"Surrey, West\n\nBerkshire), and", {"Surrey|E10000030", "West\n\nBerkshire|E06000037"}},
      // Two blank lines, or punctuation, do part words.
      {"in the West\n\n\nBerkshire group", {"Berkshire|E06000036"}},
      {"(Hampshire, Milton Keynes, Portsmouth, Reading Slough, Southampton)",
       {"Hampshire|E10000014", "Milton Keynes|E06000042", "Portsmouth|E06000044",
        "Reading|E06000038", "Slough|E06000039", "Southampton|E06000045"}},
      {"HC said in Afc one of the SSW is trained", {"Afc|E09000021"}},
      {"AM said MK did we did their own survey.", {"MK|E06000042"}},
      {"Keith Langley (West Berks), Hannah Pycock (West berks)",
       {"West Berks|E06000037", "West berks|E06000037"}},
      {"Cathy Seiderer (brighton and Hove), AOB from Brighton and hove",
       {"brighton and Hove|E06000043", "Brighton and hove|E06000043"}},
      {"Sam Horton (Hants), Chair: Sarah Daly DCS Portsmouth",
       {"Hants|E10000014", "Portsmouth|E06000044"}},
      {"interested to read Kent’s policy", {"Kent|E10000016"}},
      {"We do the same in West Berkshire re sharing carers across Berkshire.",
       {"West Berkshire|E06000037", "Berkshire|E06000036"}},
      {"police input across the Thames valley.", {"Thames valley|E06000036"}},
      {"Kent: MC said they have quite a robust service", {"Kent|E10000016"}},
      {"Slough ALT said they operate on a rota", {"Slough|E06000039"}},
      {"DCS Mac Heath in his role as DCS chair in SESLIP", {}},
      {"the EDT team; No LAs were aware; any LA has a process; ICB risk logs; IFAs; the NMA", {}},
  };
  for (const auto& c : kCases) {
    EXPECT_EQ(Render(c.text), c.expected) << c.text;
  }
}

TEST(LaMatcher, CouncilNamesAndAffixes) {
  static const struct {
    const char* text;
    V expected;
  } kCases[] = {
      {"Reading Borough Council agreed", {"Reading Borough Council|E06000038"}},
      {"Hampshire CC and Slough BC", {"Hampshire CC|E10000014", "Slough BC|E06000039"}},
      {"Portsmouth City Council", {"Portsmouth City Council|E06000044"}},
      {"Royal Borough of Windsor and Maidenhead",
       {"Royal Borough of Windsor and Maidenhead|E06000040"}},
      {"RBWM", {"RBWM|E06000040"}},
      {"London Borough of Hackney", {"London Borough of Hackney|E09000012"}},
      {"the London Borough of Sutton said", {"London Borough of Sutton|E09000029"}},
      {"Wokingham Borough Council and Oxon",
       {"Wokingham Borough Council|E06000041", "Oxon|E10000025"}},
      {"WSCC, ESCC and KCC", {"WSCC|E10000032", "ESCC|E10000011", "KCC|E10000016"}},
      {"B&H and BHCC", {"B&H|E06000043", "BHCC|E06000043"}},
      {"Brighton & Hove City Council", {"Brighton & Hove City Council|E06000043"}},
      {"IoW and Bucks", {"IoW|E06000046", "Bucks|E06000060"}},
      {"Stockton on Tees and Stockton-on-Tees",
       {"Stockton on Tees|E06000004", "Stockton-on-Tees|E06000004"}},
      {"St. Helens", {"St. Helens|E08000013"}},
      {"Kingston upon Hull, City of", {"Kingston upon Hull, City of|E06000010"}},
  };
  for (const auto& c : kCases) {
    EXPECT_EQ(Render(c.text), c.expected) << c.text;
  }
}

TEST(LaMatcher, Traps) {
  static const struct {
    const char* text;
    V expected;
  } kCases[] = {
      {"EDT", {}},
      {"DCS and AD", {}},
      {"any LA", {}},
      {"ICB", {}},
      {"IFA", {}},
      {"NMA", {}},
      {"SESLIP support", {}},
      {"South East Sector Led Improvement Programme", {}},
      {"Reading the report, we agreed.", {}},
      {"Item 2. Reading the minutes took time", {}},
      {"we are reading", {}},
      {"mk", {}},        // all-capital abbreviation in lower case
      {"brighton", {}},  // a common word must be capitalised
      {"Brighton and Hove", {"Brighton and Hove|E06000043"}},      // one LA, not Brighton + Hove
      {"It was Brighton. & Hove Albion", {"Brighton|E06000043"}},  // "&" after a full stop
      {"Surrey", {"Surrey|E10000030"}},                            // never fuzzy-matched to Sussex
      {"Clark in Surrey", {"Surrey|E10000030"}},
      {"SCC", {}},  // ambiguous without context
      {"PCC", {}},
      {"Sussex", {"Sussex|E10000011"}},  // the pan-Sussex group
      {"Kingston and Richmond", {"Kingston|E09000021", "Richmond|E09000027"}},
  };
  for (const auto& c : kCases) {
    EXPECT_EQ(Render(c.text), c.expected) << c.text;
  }
}

TEST(LaMatcher, ContextResolvesAmbiguity) {
  MatchOptions se;
  se.region = "South East";
  EXPECT_EQ(Render("HCC said", se), V({"HCC|E10000014"}));
  EXPECT_EQ(Render("SCC said", se), V{});  // Surrey and Southampton are both South East
  EXPECT_EQ(Render("PCC said", se), V{});  // usually the Police and Crime Commissioner

  MatchOptions expected;
  expected.expected_gss_codes = {"E06000045"};
  EXPECT_EQ(Render("SCC said", expected), V({"SCC|E06000045"}));
  expected.expected_gss_codes = {"E06000044"};
  EXPECT_EQ(Render("PCC said", expected), V({"PCC|E06000044"}));

  MatchOptions reading;
  reading.expected_gss_codes = {"E06000038"};
  std::vector<LaMention> m = Las().FindMentions("Reading said they would", reading);
  ASSERT_EQ(m.size(), 1u);
  EXPECT_TRUE(m[0].from_context);
  EXPECT_TRUE(m[0].common_word);
  EXPECT_TRUE(m[0].sentence_start);
}

TEST(LaMatcher, DistrictsAndCouncilSuffixes) {
  static const struct {
    const char* text;
    std::vector<std::string> want;
  } kCases[] = {
      {"Ashford Borough Council and Tunbridge Wells Borough Council",
       {"Ashford Borough Council|E07000105", "Tunbridge Wells Borough Council|E07000116"}},
      {"Essex CC, Wigan MBC and Doncaster MBC",
       {"Essex CC|E10000012", "Wigan MBC|E08000010", "Doncaster MBC|E08000017"}},
      {"Bracknell Forest BC and Dover DC", {"Bracknell Forest BC|E06000036", "Dover DC|E07000108"}},
      {"Windsor and Maidenhead RBC", {"Windsor and Maidenhead RBC|E06000040"}},
      {"Barnsley MDC", {"Barnsley MDC|E08000038"}},
      // A district sharing a county's place name resolves to itself, not the county.
      {"Warwick District Council and Warwickshire",
       {"Warwick District Council|E07000222", "Warwickshire|E10000031"}},
      {"Lancaster City Council and Lancashire",
       {"Lancaster City Council|E07000121", "Lancashire|E10000017"}},
      {"Bedford Borough Council", {"Bedford Borough Council|E06000055"}},
      {"South Cambridgeshire and Cambridge",
       {"South Cambridgeshire|E07000012", "Cambridge|E07000008"}},
      {"City of Lincoln Council", {"City of Lincoln Council|E07000138"}},
      // Common-word district names need capitals and are not a first name's surname.
      {"a high peak in demand; three rivers", {}},
      {"High Peak and Three Rivers", {"High Peak|E07000037", "Three Rivers|E07000102"}},
      {"thanks to Sarah Hastings for the paper", {}},
      {"in Hastings and Rother", {"Hastings|E07000062", "Rother|E07000064"}},
  };
  for (const auto& c : kCases) EXPECT_EQ(Render(c.text), c.want) << c.text;
}

TEST(LaMatcher, SentenceOpeningWords) {
  MatchOptions reading;
  reading.expected_gss_codes = {"E06000038", "E07000089"};  // Reading and Hart take part
  // An object word after the name says a verb, even when the LA takes part.
  EXPECT_EQ(Render("Reading the report, we agreed.", reading), V{});
  EXPECT_EQ(Render("Reading through it", reading), V{});
  EXPECT_EQ(Render("Reading said they would.", reading), V({"Reading|E06000038"}));
  EXPECT_EQ(Render("Hart said they would."), V{});  // Hart not taking part: a surname
  EXPECT_EQ(Render("Hart said they would.", reading), V({"Hart|E07000089"}));
  EXPECT_EQ(Render("Reading Borough Council said"), V({"Reading Borough Council|E06000038"}));
  EXPECT_EQ(Render("Reading (council) said"), V({"Reading|E06000038"}));
  EXPECT_EQ(Render("Reading, Slough and Wokingham said"),
            V({"Reading|E06000038", "Slough|E06000039", "Wokingham|E06000041"}));
}

TEST(LaMatcher, SettleInArea) {
  const LaRegister& las = Las();
  const std::vector<std::string> wcc = {"E09000033", "E10000031", "E10000034",
                                        "E06000054", "E07000094", "E07000237"};
  MatchOptions london;
  london.expected_gss_codes = {"E09000007", "E09000019"};  // Camden, Islington
  EXPECT_EQ(las.SettleInArea(wcc, london), std::optional<std::string>("E09000033"));
  london.expected_gss_codes.push_back("E06000038");  // a mention of Reading: London still leads
  EXPECT_EQ(las.SettleInArea(wcc, london), std::optional<std::string>("E09000033"));
  MatchOptions midlands;
  midlands.expected_gss_codes = {"E08000025", "E08000026"};  // Warwickshire or Worcestershire?
  EXPECT_EQ(las.SettleInArea(wcc, midlands), std::nullopt);
  midlands.expected_gss_codes.push_back("E07000220");  // Rugby, a district of Warwickshire
  EXPECT_EQ(las.SettleInArea(wcc, midlands), std::optional<std::string>("E10000031"));
  EXPECT_EQ(las.SettleInArea(wcc, MatchOptions()), std::nullopt);

  // FindMentions and Resolve agree, and an unsettled alias is reported only on request.
  EXPECT_EQ(Render("WCC said", london), V({"WCC|E09000033"}));
  EXPECT_EQ(las.Resolve("WCC", london)->gss_codes, V({"E09000033"}));
  EXPECT_EQ(Render("WCC said", midlands), V({"WCC|E10000031"}));
  MatchOptions keep;
  keep.keep_ambiguous = true;
  std::vector<LaMention> m = las.FindMentions("WCC said", keep);
  ASSERT_EQ(m.size(), 1u);
  EXPECT_TRUE(m[0].ambiguous);
  EXPECT_EQ(m[0].gss_codes, wcc);
  EXPECT_FALSE(las.Resolve("WCC", keep).has_value());
}

TEST(LaMatcher, MethodsAndFlags) {
  static const struct {
    const char* text;
    MatchMethod method;
    size_t codes;
    bool could_be_initials;
  } kCases[] = {
      {"West Berkshire", MatchMethod::kExact, 1, false},
      {"west berkshire", MatchMethod::kExact, 1, false},
      {"West Berks", MatchMethod::kAlias, 1, false},
      {"BH", MatchMethod::kAlias, 1, true},
      {"MK", MatchMethod::kAlias, 1, true},
      {"AfC", MatchMethod::kGroup, 3, false},
      {"Achieving for Children", MatchMethod::kGroup, 3, false},
      {"Berkshire", MatchMethod::kGroup, 6, false},
      {"Oxfordshre", MatchMethod::kFuzzy, 1, false},
      {"Southamton", MatchMethod::kFuzzy, 1, false},
  };
  for (const auto& c : kCases) {
    std::vector<LaMention> m = Las().FindMentions(c.text);
    ASSERT_EQ(m.size(), 1u) << c.text;
    EXPECT_EQ(m[0].method, c.method) << c.text;
    EXPECT_EQ(m[0].gss_codes.size(), c.codes) << c.text;
    EXPECT_EQ(m[0].could_be_initials, c.could_be_initials) << c.text;
    EXPECT_GT(m[0].confidence, 0.0) << c.text;
    EXPECT_LE(m[0].confidence, 1.0) << c.text;
  }
  EXPECT_EQ(EnumName(MatchMethod::kFuzzy), "fuzzy");
  EXPECT_EQ(Las().FindMentions("Oxfordshre")[0].gss_codes[0], "E10000025");
  EXPECT_EQ(Las().FindMentions("Southamton")[0].gss_codes[0], "E06000045");
}

TEST(LaMatcher, FuzzyStaysTight) {
  static const char* const kNoMatch[] = {
      "Sussex",      // a group, never fuzzy to Surrey/Essex
      "Sam Barnes",  // a surname next to a first name
      "Kent",        // four letters: exact only, and exact it is
      "Kenr said",   // four letters are never fuzzy-matched
      "Hampton",     // not within one edit of Hampshire
      "OXFORDSHRE",  // all capitals are not fuzzy-matched
      "oxfordshre",  // nor are lower-case words
      "Leading the way",
  };
  for (const char* text : kNoMatch) {
    for (const LaMention& m : Las().FindMentions(text)) {
      EXPECT_NE(m.method, MatchMethod::kFuzzy) << text << " -> " << m.canonical_name;
    }
  }
  MatchOptions off;
  off.fuzzy = false;
  EXPECT_TRUE(Las().FindMentions("Oxfordshre", off).empty());
}

TEST(LaMatcher, Unicode) {
  static const struct {
    const char* text;
    V expected;
  } kCases[] = {
      {"West\xC2\xA0Sussex", {"West\xC2\xA0Sussex|E10000032"}},    // no-break space
      {"\xEF\xBC\xB7\xEF\xBD\x85\xEF\xBD\x93\xEF\xBD\x94 Sussex",  // fullwidth "Ｗｅｓｔ"
       {"\xEF\xBC\xB7\xEF\xBD\x85\xEF\xBD\x93\xEF\xBD\x94 Sussex|E10000032"}},
      {"Brighton \xEF\xBC\x86 Hove",
       {"Brighton \xEF\xBC\x86 Hove|E06000043"}},  // fullwidth ampersand
      {"KENT and MEDWAY", {"KENT|E10000016", "MEDWAY|E06000035"}},
      {"Hamp\xC2\xADshire", {"Hamp\xC2\xADshire|E10000014"}},  // soft hyphen
      {"caf\xC3\xA9 in Slough", {"Slough|E06000039"}},         // offsets after é
      {"\xFF\xFEKent", {"Kent|E10000016"}},                    // invalid bytes
      {"Kent\xCA\xBCs policy", {"Kent|E10000016"}},            // U+02BC modifier letter apostrophe
      // A trailing soft hyphen is outside the mention.
      {"in Kent\xC2\xAD and Medway", {"Kent|E10000016", "Medway|E06000035"}},
  };
  for (const auto& c : kCases) {
    EXPECT_EQ(Render(c.text), c.expected) << c.text;
  }
  std::vector<LaMention> m = Las().FindMentions("caf\xC3\xA9 in Slough");
  ASSERT_EQ(m.size(), 1u);
  EXPECT_EQ(m[0].start, 9u);
  EXPECT_EQ(m[0].end, 15u);
}

TEST(LaMatcher, Resolve) {
  static const struct {
    const char* org;
    const char* gss;  // nullptr: no LA
    size_t codes;
  } kCases[] = {
      {"West berks", "E06000037", 1},
      {"Slough in place of George Mathew", "E06000039", 1},
      {"SESLIP support", nullptr, 0},
      {"SESLIP presenter", nullptr, 0},
      {"AfC", "E09000021", 3},
      {"Hants", "E10000014", 1},
      {"Reading", "E06000038", 1},
      {"reading", "E06000038", 1},
      {"brighton and Hove", "E06000043", 1},
      {"DCS Portsmouth", "E06000044", 1},
      {"Kent and Medway", "E10000016", 1},
      {"Oxfordshre", "E10000025", 1},
      {"Data to Insight", nullptr, 0},
      {"", nullptr, 0},
  };
  for (const auto& c : kCases) {
    std::optional<LaMention> m = Las().Resolve(c.org);
    if (c.gss == nullptr) {
      EXPECT_FALSE(m.has_value()) << c.org << " -> " << (m ? m->canonical_name : "");
      continue;
    }
    ASSERT_TRUE(m.has_value()) << c.org;
    EXPECT_EQ(m->gss_codes[0], c.gss) << c.org;
    EXPECT_EQ(m->gss_codes.size(), c.codes) << c.org;
  }
}

TEST(LaMatcher, SharedAcrossThreads) {
  const LaRegister& las = LaRegister::Default();
  const std::string text =
      "across Kent and Medway, W Sussex, West\nBerkshire and AfC; Reading the report";
  const size_t expected = las.FindMentions(text).size();
  ASSERT_EQ(expected, 5u);
  std::vector<std::thread> threads;
  std::vector<size_t> counts(4, 0);
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 200; ++i) counts[t] += las.FindMentions(text).size();
    });
  }
  for (std::thread& t : threads) t.join();
  for (size_t c : counts) EXPECT_EQ(c, 200 * expected);
}

// A long text is scanned a window of tokens at a time: the same mentions as one paragraph's,
// copy after copy, wherever the windows end (names of several words, affixes, coordinations and
// surnames in every copy, no blank line between copies).
TEST(LaMatcher, LongTextGivesEveryCopysMentions) {
  const std::string paragraph =
      "Officers from the Royal Borough of Windsor and Maidenhead Council met East and West "
      "Sussex, Kent and Medway, Brighton & Hove City Council and Sarah Hastings in Reading.\n";
  const std::vector<LaMention> one = Las().FindMentions(paragraph);
  ASSERT_GE(one.size(), 5u);
  const size_t copies = 2000;  // ~30 words each: many windows of tokens
  std::string text;
  for (size_t c = 0; c < copies; ++c) text += paragraph;
  const std::vector<LaMention> all = Las().FindMentions(text);
  ASSERT_EQ(all.size(), copies * one.size());
  for (size_t k = 0; k < all.size(); ++k) {
    const LaMention& want = one[k % one.size()];
    const size_t shift = (k / one.size()) * paragraph.size();
    ASSERT_EQ(all[k].start, want.start + shift) << "mention " << k;
    ASSERT_EQ(all[k].end, want.end + shift) << "mention " << k;
    ASSERT_EQ(all[k].gss_codes, want.gss_codes) << "mention " << k;
    ASSERT_EQ(all[k].method, want.method) << "mention " << k;
    ASSERT_EQ(all[k].sentence_start, want.sentence_start) << "mention " << k;
  }
}

// Every field of every mention, one line each.
std::string Dump(const std::vector<LaMention>& mentions) {
  std::ostringstream out;
  for (const LaMention& m : mentions) {
    out << m.start << "-" << m.end << " '" << m.text << "' [";
    for (const std::string& code : m.gss_codes) out << code << " ";
    out << "] " << m.canonical_name << " " << EnumName(m.method) << " " << m.confidence
        << (m.could_be_initials ? " initials" : "") << (m.common_word ? " common" : "")
        << (m.sentence_start ? " start" : "") << (m.from_context ? " context" : "")
        << (m.ambiguous ? " ambiguous" : "") << "\n";
  }
  return out.str();
}

// Settling one scan under options A, then B, gives what FindMentions gives under each, on texts
// where each decision the options make comes out differently under A and under B (so a settle
// that ignored its options would fail): an ambiguous alias settled or not, a sentence-opening
// common word with and without its LA expected, a fuzzy match on and off, and a common word
// right after a name that is an LA under B only (a mention, not a surname, only there).
void ExpectScanSettlesAsFindMentions(const LaRegister& las, const std::string& text,
                                     const MatchOptions& a, const MatchOptions& b) {
  const std::string want_a = Dump(las.FindMentions(text, a));
  const std::string want_b = Dump(las.FindMentions(text, b));
  EXPECT_NE(want_a, want_b) << text << ": the options should matter";
  LaMentionScan scan = las.ScanMentions(text);
  EXPECT_GE(scan.size(), las.FindMentions(text, a).size()) << text;
  EXPECT_GE(scan.size(), las.FindMentions(text, b).size()) << text;
  EXPECT_EQ(Dump(scan.Settle(a)), want_a) << text;
  EXPECT_EQ(Dump(scan.Settle(b)), want_b) << text;
  EXPECT_EQ(Dump(scan.Settle(a)), want_a) << text << " (again)";
  std::vector<LaMention> each;
  scan.SettleEach(b, [&each](LaMention&& m) { each.push_back(std::move(m)); });
  EXPECT_EQ(Dump(each), want_b) << text;
  EXPECT_EQ(Dump(std::move(scan).Settle(a)), want_a) << text << " (last)";
  EXPECT_TRUE(scan.empty()) << text;  // freed by the last settle
  EXPECT_EQ(scan.size(), 0u) << text;
  EXPECT_TRUE(scan.Settle(b).empty()) << text;
}

TEST(LaMatcher, OneScanSettledUnderTwoOptions) {
  MatchOptions none;
  MatchOptions keep;
  keep.keep_ambiguous = true;
  MatchOptions london;
  london.expected_gss_codes = {"E09000007", "E09000019"};  // Camden, Islington
  MatchOptions reading;
  reading.expected_gss_codes = {"E06000038"};
  MatchOptions no_fuzzy;
  no_fuzzy.fuzzy = false;
  MatchOptions wight;  // "The Island" is the Isle of Wight only where the notes name it
  wight.expected_gss_codes = {"E06000046"};
  MatchOptions all = london;
  all.expected_gss_codes.push_back("E06000038");
  all.expected_gss_codes.push_back("E06000046");
  all.keep_ambiguous = true;
  MatchOptions plain;  // extract's MeetingArea: no context, no fuzzy matching
  plain.fuzzy = false;

  static const char* const kAll =
      "WCC said. Reading said they would. Oxfordshre said. The Island Hastings said. The "
      "Island Hastings DC agreed. Reading the report, Sarah Hastings and Surrey Kent agreed.\n";
  const struct {
    std::string text;
    MatchOptions a, b;
  } kCases[] = {
      {"WCC said", none, london},  // dropped; settled (Westminster)
      {"WCC said", keep, london},  // flagged ambiguous; settled
      {"Reading said they would.", none, reading},
      {"Oxfordshre said", none, no_fuzzy},
      {"The Island Hastings said", none, wight},  // Hastings: a surname; after an LA, an LA
      {"The Island Hastings DC agreed", none, wight},
      {kAll, plain, all},
      {std::string(kAll) + kAll + kAll, all, none},
  };
  for (const auto& c : kCases) ExpectScanSettlesAsFindMentions(Las(), c.text, c.a, c.b);

  // What the options decide, as FindMentions has always said it.
  EXPECT_EQ(Render("The Island Hastings said"), V{});
  EXPECT_EQ(Render("The Island Hastings said", wight),
            V({"The Island|E06000046", "Hastings|E07000062"}));
  EXPECT_EQ(Render("The Island Hastings DC agreed", wight),
            V({"The Island|E06000046", "Hastings DC|E07000062"}));

  // A long text (many windows of tokens) settles as FindMentions does under each option.
  std::string text;
  for (int k = 0; k < 1500; ++k) text += kAll;
  LaMentionScan scan = Las().ScanMentions(text);
  for (const MatchOptions* o : {&plain, &all, &none, &wight, &keep})
    EXPECT_EQ(Dump(scan.Settle(*o)), Dump(Las().FindMentions(text, *o)));

  // An empty scan settles to nothing.
  EXPECT_TRUE(LaMentionScan().Settle(all).empty());
  EXPECT_TRUE(Las().ScanMentions("no councils here").empty());
}

// Where the words after a common word are a council suffix, whether the common word is a surname
// decides where the scan goes on: kept, after the suffix; dropped, at the suffix's first word,
// which may start a mention of its own. Here "City" names the City of London: without the Isle of
// Wight, "Hastings" is a surname after "The Island" and "City Council" is London's; with it,
// "Hastings City Council" is one mention.
TEST(LaMatcher, OneScanFollowsEitherPathAfterASurname) {
  std::string dir = ::testing::TempDir() + "la_matcher_test_fork";
  ASSERT_EQ(std::system(("rm -rf '" + dir + "' && mkdir -p '" + dir + "'").c_str()), 0);
  auto write = [&dir](const std::string& name, const std::string& contents) {
    std::ofstream(dir + "/" + name, std::ios::binary) << contents;
  };
  write("la_register.csv",
        "gss_code,name,la_type,region\nE06000046,Isle of Wight,unitary,South East\n"
        "E07000062,Hastings,non_metropolitan_district,South East\n"
        "E09000001,City of London,london_borough,London\n");
  write("aliases.csv", "gss_code,alias,kind\nE09000001,City,short_name\n");
  write("ambiguous_aliases.csv",
        "alias,candidate_gss_codes,suggested_default_gss_code,in_aliases_csv,note\n"
        "The Island,E06000046,E06000046,no,\n");
  write("common_word_risks.csv", "alias,gss_code,risk\nHastings,E07000062,surname\n");
  std::unique_ptr<LaRegister> las;
  Status s = LaRegister::Load(dir, &las);
  ASSERT_TRUE(s.ok()) << s.ToString();

  MatchOptions wight;
  wight.expected_gss_codes = {"E06000046"};
  const std::string text = "The Island Hastings City Council agreed";
  auto render = [&](const MatchOptions& o) {
    V out;
    for (const LaMention& m : las->FindMentions(text, o))
      out.push_back(m.text + "|" + m.gss_codes[0]);
    return out;
  };
  EXPECT_EQ(render(MatchOptions()), V({"City Council|E09000001"}));
  EXPECT_EQ(render(wight), V({"The Island|E06000046", "Hastings City Council|E07000062"}));
  ExpectScanSettlesAsFindMentions(*las, text, MatchOptions(), wight);
  ExpectScanSettlesAsFindMentions(*las, text + ". " + text, wight, MatchOptions());
}

TEST(LaMatcher, DefaultMatchesLoad) {
  const LaRegister& d = LaRegister::Default();
  ASSERT_TRUE(d.status().ok()) << d.status().ToString();
  EXPECT_EQ(d.FindMentions("W Sussex").size(), 1u);
}

}  // namespace
}  // namespace minutes::normalize
