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
  std::string error;
  std::unique_ptr<LaRegister> reg = LaRegister::Load(MINUTES_DATA_DIR, &error);
  ASSERT_NE(reg, nullptr) << error;
  EXPECT_TRUE(reg->ok());
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
  std::string error;
  std::unique_ptr<LaRegister> reg = LaRegister::Load(dir + "/my.csv", &error);
  ASSERT_NE(reg, nullptr) << error;
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
    const char* error_part;
  } kCases[] = {
      {"badcode", "gss_code,name\nE0600003,West Berkshire\n", nullptr,
       "la_register.csv:2: bad GSS code"},
      {"dup", "gss_code,name\nE06000037,A\nE06000037,B\n", nullptr, "la_register.csv:3: duplicate"},
      {"nocol", "code,name\nE06000037,A\n", nullptr, "missing column 'gss_code'"},
      {"empty", "", nullptr, "empty file"},
      {"quote", "gss_code,name\nE06000037,\"West\n", nullptr, "unterminated"},
      {"noname", "gss_code,name\nE06000037,\n", nullptr, "empty name"},
      {"alias", "gss_code,name\nE06000037,West Berkshire\n",
       "gss_code,alias,kind\nE06000099,X,short_name\n",
       "aliases.csv:2: unknown GSS code 'E06000099'"},
  };
  for (const auto& c : kCases) {
    std::string dir = TempDir(c.name);
    Write(dir + "/la_register.csv", c.register_csv);
    if (c.aliases_csv != nullptr) Write(dir + "/aliases.csv", c.aliases_csv);
    std::string error;
    EXPECT_EQ(LaRegister::Load(dir, &error), nullptr) << c.name;
    EXPECT_NE(error.find(c.error_part), std::string::npos) << c.name << ": " << error;
  }
  std::string error;
  EXPECT_EQ(LaRegister::Load("/nonexistent/dir", &error), nullptr);
  EXPECT_NE(error.find("cannot read"), std::string::npos) << error;
  EXPECT_EQ(LaRegister::Load("/nonexistent/dir", nullptr), nullptr);  // a null error is allowed
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
  EXPECT_TRUE(a.ok()) << a.error();
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
