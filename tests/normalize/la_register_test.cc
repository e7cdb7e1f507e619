// LaRegister loading: the shipped data, a user's own register, and the errors Load reports.

#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <map>
#include <string>

#include "normalize/normalize.h"

namespace minutes::normalize {
namespace {

std::string TempDir(const std::string& name) {
  std::string dir = ::testing::TempDir() + "la_register_test_" + name;
  std::string cmd = "rm -rf '" + dir + "' && mkdir -p '" + dir + "'";
  EXPECT_EQ(std::system(cmd.c_str()), 0);
  return dir;
}

void Write(const std::string& path, const std::string& contents) {
  std::ofstream out(path, std::ios::binary);
  out << contents;
}

TEST(LaRegister, ShippedData) {
  std::unique_ptr<LaRegister> reg;
  Status s = LaRegister::Load(MINUTES_DATA_DIR, &reg);
  ASSERT_TRUE(s.ok()) << s.ToString();
  ASSERT_NE(reg, nullptr);
  EXPECT_TRUE(reg->status().ok());
  EXPECT_EQ(reg->authorities().size(), 317u);
  EXPECT_EQ(reg->version(), "2026-11-23.1");
  const LocalAuthority* wb = reg->FindByCode("E06000037");
  ASSERT_NE(wb, nullptr);
  EXPECT_EQ(wb->name, "West Berkshire");
  EXPECT_EQ(wb->la_type, "unitary");
  EXPECT_EQ(wb->region, "South East");
  EXPECT_EQ(wb->dfe_la_code, "869");
  EXPECT_EQ(wb->tier, "single");
  EXPECT_EQ(wb->county_gss_code, "");
  EXPECT_EQ(reg->FindByCode("E99999999"), nullptr);
}

TEST(LaRegister, TiersAndDistricts) {
  const LaRegister& reg = LaRegister::Default();
  std::map<std::string_view, int> by_tier, by_type;
  int with_dfe = 0;
  for (const LocalAuthority& la : reg.authorities()) {
    ++by_tier[la.tier];
    ++by_type[la.la_type];
    if (!la.dfe_la_code.empty()) ++with_dfe;
    if (la.tier == "lower") {
      // Every district lies in a county of its own region and has no children's services.
      const LocalAuthority* county = reg.FindByCode(la.county_gss_code);
      ASSERT_NE(county, nullptr) << la.gss_code;
      EXPECT_EQ(county->tier, "upper") << la.gss_code;
      EXPECT_EQ(county->region, la.region) << la.gss_code;
      EXPECT_EQ(la.dfe_la_code, "") << la.gss_code;
      EXPECT_EQ(la.gss_code.substr(0, 3), "E07") << la.gss_code;
    } else {
      EXPECT_EQ(la.county_gss_code, "") << la.gss_code;
    }
  }
  EXPECT_EQ(with_dfe, 153);  // the LAs with children's services keep their DfE codes
  EXPECT_EQ(by_tier["upper"], 21);
  EXPECT_EQ(by_tier["lower"], 164);  // 2025/26, after Cumbria, North Yorkshire and Somerset
  EXPECT_EQ(by_tier["single"], 132);
  EXPECT_EQ(by_type["non_metropolitan_district"], 164);
  const LocalAuthority* ashford = reg.FindByCode("E07000105");
  ASSERT_NE(ashford, nullptr);
  EXPECT_EQ(ashford->name, "Ashford");
  EXPECT_EQ(ashford->county_gss_code, "E10000016");  // Kent
  EXPECT_EQ(reg.FindByCode("E07000026"), nullptr);   // Allerdale, abolished 2023
}

TEST(LaRegister, TierFromTypeWithoutTheColumn) {
  std::string dir = TempDir("tier");
  Write(dir + "/la_register.csv",
        "gss_code,name,la_type\nE10000016,Kent,county\nE07000105,Ashford,"
        "non_metropolitan_district\nE06000035,Medway,unitary\n");
  std::unique_ptr<LaRegister> reg;
  ASSERT_TRUE(LaRegister::Load(dir, &reg).ok());
  EXPECT_EQ(reg->FindByCode("E10000016")->tier, "upper");
  EXPECT_EQ(reg->FindByCode("E07000105")->tier, "lower");
  EXPECT_EQ(reg->FindByCode("E06000035")->tier, "single");
}

TEST(LaRegister, CurrentCodes) {
  const LaRegister& reg = LaRegister::Default();
  static const struct {
    const char* code;
    std::vector<std::string> current;
  } kCases[] = {
      {"E06000037", {"E06000037"}},
      {"E10000006", {"E06000063", "E06000064"}},  // Cumbria, split 2023
      {"E08000016", {"E08000038"}},               // Barnsley, recoded 2025
      {"E12345678", {}},
  };
  for (const auto& c : kCases) EXPECT_EQ(reg.CurrentCodes(c.code), c.current) << c.code;
}

TEST(LaRegister, UserRegisterFileAlone) {
  std::string dir = TempDir("alone");
  Write(dir + "/my.csv", "gss_code,name\nE06000037,West Berkshire\nE06000038,Reading\n");
  std::unique_ptr<LaRegister> reg;
  Status s = LaRegister::Load(dir + "/my.csv", &reg);
  ASSERT_TRUE(s.ok()) << s.ToString();
  ASSERT_NE(reg, nullptr);
  EXPECT_EQ(reg->authorities().size(), 2u);
  EXPECT_EQ(reg->version(), "unversioned");
  std::vector<LaMention> m = reg->FindMentions("West Berkshire and Reading");
  ASSERT_EQ(m.size(), 2u);
  EXPECT_EQ(m[1].gss_codes[0], "E06000038");
  EXPECT_TRUE(reg->FindMentions("West Berks").empty());  // no aliases file, no alias
}

TEST(LaRegister, LongestAliasIsFound) {
  // An alias of 28 words, as many as one may have, is found whole, with each word's case rule: the
  // capital "W" of the last word must be written as a capital.
  std::string dir = TempDir("longalias");
  Write(dir + "/la_register.csv", "gss_code,name\nE06000037,West Berkshire\n");
  std::string alias;
  for (int i = 0; i < 27; ++i) alias += "word" + std::to_string(i) + " ";
  alias += "WB";
  Write(dir + "/aliases.csv", "gss_code,alias,kind\nE06000037," + alias + ",short_name\n");
  std::unique_ptr<LaRegister> reg;
  Status s = LaRegister::Load(dir, &reg);
  ASSERT_TRUE(s.ok()) << s.ToString();
  std::vector<LaMention> m = reg->FindMentions("See " + alias + " today.");
  ASSERT_EQ(m.size(), 1u);
  EXPECT_EQ(m[0].gss_codes[0], "E06000037");
  EXPECT_EQ(m[0].end - m[0].start, alias.size());
  alias.back() = 'b';
  EXPECT_TRUE(reg->FindMentions("See " + alias + " today.").empty());
}

TEST(LaRegister, LoadErrors) {
  static const struct {
    const char* name;
    const char* register_csv;
    const char* aliases_csv;  // nullptr: no file
    Status::Code code;
    const char* error_part;
  } kCases[] = {
      {"badcode", "gss_code,name\nE0600003,West Berkshire\n", nullptr,
       Status::Code::kInvalidArgument, "la_register.csv:2: bad GSS code"},
      {"dup", "gss_code,name\nE06000037,A\nE06000037,B\n", nullptr, Status::Code::kInvalidArgument,
       "la_register.csv:3: duplicate"},
      {"nocol", "code,name\nE06000037,A\n", nullptr, Status::Code::kInvalidArgument,
       "missing column 'gss_code'"},
      {"norows", "gss_code,name\n", nullptr, Status::Code::kInvalidArgument,
       "la_register.csv: no local authorities"},
      {"empty", "", nullptr, Status::Code::kCorrupt, "la_register.csv:1: empty file"},
      {"quote", "gss_code,name\nE06000037,\"West\n", nullptr, Status::Code::kCorrupt,
       "la_register.csv:2: unterminated"},
      {"noname", "gss_code,name\nE06000037,\n", nullptr, Status::Code::kInvalidArgument,
       "empty name"},
      {"county", "gss_code,name,county_gss_code\nE07000105,Ashford,E10000016\n", nullptr,
       Status::Code::kInvalidArgument, "la_register.csv:2: unknown county GSS code 'E10000016'"},
      {"alias", "gss_code,name\nE06000037,West Berkshire\n",
       "gss_code,alias,kind\nE06000099,X,short_name\n", Status::Code::kInvalidArgument,
       "aliases.csv:2: unknown GSS code 'E06000099'"},
      {"aliasquote", "gss_code,name\nE06000037,West Berkshire\n", "gss_code,alias\n\"X\n",
       Status::Code::kCorrupt, "aliases.csv:2: unterminated quoted field"},
      {"aliasnocol", "gss_code,name\nE06000037,West Berkshire\n", "gss_code,name\nE06000037,X\n",
       Status::Code::kInvalidArgument, "aliases.csv:1: missing column 'alias'"},
      {"aliaslong", "gss_code,name\nE06000037,West Berkshire\n",
       "gss_code,alias,kind\nE06000037,a b c d e f g h i j k l m n o p q r s t u v w x y z aa bb "
       "cc,short_name\n",
       Status::Code::kInvalidArgument,
       "aliases.csv: 'a b c d e f g h i j k l m n o p q r s t u v "
       "w x y z aa bb cc' has more than 28 words"},
  };
  for (const auto& c : kCases) {
    std::string dir = TempDir(c.name);
    Write(dir + "/la_register.csv", c.register_csv);
    if (c.aliases_csv != nullptr) Write(dir + "/aliases.csv", c.aliases_csv);
    std::unique_ptr<LaRegister> reg;
    Status s = LaRegister::Load(dir, &reg);
    EXPECT_EQ(s.code(), c.code) << c.name << ": " << s.ToString();
    EXPECT_EQ(reg, nullptr) << c.name;
    EXPECT_NE(s.message().find(c.error_part), std::string::npos) << c.name << ": " << s.message();
  }
}

TEST(LaRegister, LoadErrorResetsOutput) {
  // A failed Load leaves no stale register behind, even when *out held one.
  std::unique_ptr<LaRegister> reg;
  ASSERT_TRUE(LaRegister::Load(MINUTES_DATA_DIR, &reg).ok());
  ASSERT_NE(reg, nullptr);
  Status s = LaRegister::Load("/nonexistent/dir", &reg);
  EXPECT_EQ(s.code(), Status::Code::kIoError) << s.ToString();
  EXPECT_EQ(s.message(), "/nonexistent/dir/la_register.csv: cannot read file");
  EXPECT_EQ(reg, nullptr);
}

TEST(LaRegister, SectorAcronyms) {
  const LaRegister& reg = LaRegister::Default();
  static const struct {
    const char* word;
    bool acronym;
  } kCases[] = {
      {"EDT", true},    {"DCS", true},    {"SD", true},        {"sd", true},
      {"Ofsted", true}, {"ICB", true},    {"ICBs", true},      {"SSW's", true},
      {"NMA", true},    {"SESLIP", true}, {"CP  Chair", true}, {"MK", false},
      {"BH", false},    {"KGOS", false},  {"s", false},        {"", false},
  };
  for (const auto& c : kCases) EXPECT_EQ(reg.IsSectorAcronym(c.word), c.acronym) << c.word;
}

TEST(LaRegister, DefaultIsShared) {
  const LaRegister& a = LaRegister::Default();
  const LaRegister& b = LaRegister::Default();
  EXPECT_EQ(&a, &b);
  EXPECT_TRUE(a.status().ok()) << a.status().ToString();
  EXPECT_EQ(a.authorities().size(), 317u);
}

TEST(LaRegister, SeslipMembersAreInTheRegister) {
  // Every South East LA in the shipped list is in the register, and every register row is well
  // formed.
  const LaRegister& reg = LaRegister::Default();
  std::ifstream in(std::string(MINUTES_DATA_DIR) + "/seslip_members.csv");
  std::string line;
  std::getline(in, line);
  int n = 0;
  while (std::getline(in, line)) {
    std::string code = line.substr(0, line.find(','));
    const LocalAuthority* la = reg.FindByCode(code);
    ASSERT_NE(la, nullptr) << code;
    EXPECT_EQ(la->region, "South East") << code;
    ++n;
  }
  EXPECT_EQ(n, 19);
}

}  // namespace
}  // namespace minutes::normalize
