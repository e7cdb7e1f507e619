// LaRegister loading: the shipped data, a user's own register, and the errors Load reports.

#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
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
  EXPECT_EQ(reg->authorities().size(), 153u);
  EXPECT_EQ(reg->version(), "2026-11-22.1");
  const LocalAuthority* wb = reg->FindByCode("E06000037");
  ASSERT_NE(wb, nullptr);
  EXPECT_EQ(wb->name, "West Berkshire");
  EXPECT_EQ(wb->la_type, "unitary");
  EXPECT_EQ(wb->region, "South East");
  EXPECT_EQ(wb->dfe_la_code, "869");
  EXPECT_EQ(reg->FindByCode("E99999999"), nullptr);
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
      {"alias", "gss_code,name\nE06000037,West Berkshire\n",
       "gss_code,alias,kind\nE06000099,X,short_name\n", Status::Code::kInvalidArgument,
       "aliases.csv:2: unknown GSS code 'E06000099'"},
      {"aliasquote", "gss_code,name\nE06000037,West Berkshire\n", "gss_code,alias\n\"X\n",
       Status::Code::kCorrupt, "aliases.csv:2: unterminated quoted field"},
      {"aliasnocol", "gss_code,name\nE06000037,West Berkshire\n", "gss_code,name\nE06000037,X\n",
       Status::Code::kInvalidArgument, "aliases.csv:1: missing column 'alias'"},
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
  EXPECT_EQ(a.authorities().size(), 153u);
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
