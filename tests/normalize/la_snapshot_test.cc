// The shipped register's snapshot (normalize/la_snapshot.h): it decodes to the register its files
// load to, Default() uses it only while the files are those it was made from, and a damaged one
// is refused.

#include "normalize/la_snapshot.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "normalize/normalize.h"

namespace minutes::normalize::internal {
namespace {

std::unique_ptr<LaRegister> LoadShippedFiles() {
  std::unique_ptr<LaRegister> reg;
  Status s = LaRegister::Load(MINUTES_DATA_DIR, &reg);
  EXPECT_TRUE(s.ok()) << s.ToString();
  return reg;
}

// A copy of the shipped register's folder, for a test to change.
std::string CopyOfShippedData(const std::string& name) {
  std::string dir = ::testing::TempDir() + "la_snapshot_test_" + name;
  std::string cmd = "rm -rf '" + dir + "' && mkdir -p '" + dir +
                    "' && cp '" MINUTES_DATA_DIR "'/*.csv '" MINUTES_DATA_DIR "'/*.md '" + dir +
                    "'";
  EXPECT_EQ(std::system(cmd.c_str()), 0);
  return dir;
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

// Every mention of every LA name, alias and acronym of the register, as a user would see them:
// "text -> method codes", one per line.
std::string MentionsOfEveryPhrase(const LaRegister& reg) {
  std::string text;
  for (const LocalAuthority& la : reg.authorities()) text += std::string(la.name) + " said. ";
  std::istringstream aliases(ReadFile(std::string(MINUTES_DATA_DIR) + "/aliases.csv"));
  std::string line;
  while (std::getline(aliases, line)) text += line + ". ";
  text += "Afc and Hants with W. Sussex, East and West Sussex, EDT, SESLIP and Oxfordshre. ";
  MatchOptions options;
  options.fuzzy = true;
  std::ostringstream out;
  for (const LaMention& m : reg.FindMentions(text, options)) {
    out << m.text << " -> " << EnumName(m.method);
    for (const std::string& code : m.gss_codes) out << " " << code;
    out << "\n";
  }
  return out.str();
}

TEST(LaSnapshot, DecodesToTheRegisterItWasMadeFrom) {
  std::unique_ptr<LaRegister> loaded = LoadShippedFiles();
  ASSERT_NE(loaded, nullptr);
  const std::string bytes = LaSnapshot::Encode(*loaded);
  std::unique_ptr<LaRegister> decoded;
  Status s = LaSnapshot::Decode(bytes, &decoded);
  ASSERT_TRUE(s.ok()) << s.ToString();
  EXPECT_EQ(LaSnapshot::Encode(*decoded), bytes);

  EXPECT_EQ(decoded->version(), loaded->version());
  ASSERT_EQ(decoded->authorities().size(), loaded->authorities().size());
  for (size_t i = 0; i < loaded->authorities().size(); ++i) {
    const LocalAuthority& a = loaded->authorities()[i];
    const LocalAuthority* b = decoded->FindByCode(a.gss_code);
    ASSERT_NE(b, nullptr) << a.gss_code;
    auto fields = [](const LocalAuthority& la) {
      return std::vector<std::string_view>{la.name,        la.la_type, la.region,
                                           la.dfe_la_code, la.tier,    la.county_gss_code};
    };
    EXPECT_EQ(fields(*b), fields(a)) << a.gss_code;
  }
  EXPECT_EQ(decoded->CurrentCodes("E10000006"), loaded->CurrentCodes("E10000006"));  // Cumbria
  EXPECT_FALSE(decoded->CurrentCodes("E10000006").empty());
  EXPECT_TRUE(decoded->IsSectorAcronym("EDT"));
  EXPECT_TRUE(decoded->IsSectorAcronym("ICBs"));
  EXPECT_FALSE(decoded->IsSectorAcronym("Kent"));
  const std::string mentions = MentionsOfEveryPhrase(*loaded);
  EXPECT_GT(mentions.size(), 10000u);
  EXPECT_EQ(MentionsOfEveryPhrase(*decoded), mentions);
  auto resolved = decoded->Resolve("West berks");
  ASSERT_TRUE(resolved.has_value());
  EXPECT_EQ(resolved->gss_codes[0], "E06000037");
}

TEST(LaSnapshot, TheShippedOneIsOfTheFilesInTheSourceTree) {
  const ShippedRegister* shipped = ShippedRegisterSnapshot();
  ASSERT_NE(shipped, nullptr);
  std::unique_ptr<LaRegister> reg;
  bool from_snapshot = false;
  Status s = LaSnapshot::LoadDefault(MINUTES_DATA_DIR, &reg, &from_snapshot);
  ASSERT_TRUE(s.ok()) << s.ToString();
  EXPECT_TRUE(from_snapshot);
  EXPECT_EQ(LaSnapshot::Encode(*reg), LaSnapshot::Encode(*LoadShippedFiles()));
  // A copy of the folder is the same register, wherever it lies.
  s = LaSnapshot::LoadDefault(CopyOfShippedData("copy"), &reg, &from_snapshot);
  ASSERT_TRUE(s.ok()) << s.ToString();
  EXPECT_TRUE(from_snapshot);
}

TEST(LaSnapshot, AnEditedRegisterIsReadFromItsFiles) {
  const std::string dir = CopyOfShippedData("edited");
  {
    std::ofstream aliases(dir + "/aliases.csv", std::ios::app | std::ios::binary);
    aliases << "E06000037,Westberkia,short_name\r\n";
  }
  std::unique_ptr<LaRegister> reg;
  bool from_snapshot = true;
  Status s = LaSnapshot::LoadDefault(dir, &reg, &from_snapshot);
  ASSERT_TRUE(s.ok()) << s.ToString();
  EXPECT_FALSE(from_snapshot);
  std::vector<LaMention> mentions = reg->FindMentions("Westberkia will host.");
  ASSERT_EQ(mentions.size(), 1u);
  EXPECT_EQ(mentions[0].gss_codes[0], "E06000037");
  EXPECT_TRUE(LaRegister::Default().FindMentions("Westberkia will host.").empty());

  // A companion removed is another register too.
  std::string again = CopyOfShippedData("removed");
  ASSERT_EQ(std::remove((again + "/common_word_risks.csv").c_str()), 0);
  s = LaSnapshot::LoadDefault(again, &reg, &from_snapshot);
  ASSERT_TRUE(s.ok()) << s.ToString();
  EXPECT_FALSE(from_snapshot);
  EXPECT_EQ(reg->authorities().size(), LaRegister::Default().authorities().size());

  // And one that does not load fails as Load does.
  std::string broken = CopyOfShippedData("broken");
  {
    std::ofstream aliases(broken + "/aliases.csv", std::ios::app | std::ios::binary);
    aliases << "E99999999,Nowhere,short_name\r\n";
  }
  s = LaSnapshot::LoadDefault(broken, &reg, &from_snapshot);
  EXPECT_EQ(s.code(), Status::Code::kInvalidArgument);
  EXPECT_NE(s.message().find("aliases.csv:"), std::string::npos) << s.message();
  EXPECT_NE(s.message().find("unknown GSS code 'E99999999'"), std::string::npos) << s.message();
}

TEST(LaSnapshot, ATruncatedSnapshotIsRefused) {
  const std::string bytes = std::string(ShippedRegisterSnapshot()->snapshot);
  std::unique_ptr<LaRegister> reg;
  for (size_t cut = 0; cut < bytes.size(); cut += 1 + cut / 8) {
    Status s = LaSnapshot::Decode(std::string_view(bytes).substr(0, cut), &reg);
    ASSERT_EQ(s.code(), Status::Code::kCorrupt) << "cut at " << cut;
    EXPECT_EQ(reg, nullptr);
  }
  EXPECT_EQ(LaSnapshot::Decode(bytes + "x", &reg).code(), Status::Code::kCorrupt);
  std::string other_magic = bytes;
  other_magic[0] ^= 1;
  EXPECT_EQ(LaSnapshot::Decode(other_magic, &reg).code(), Status::Code::kCorrupt);
  EXPECT_TRUE(LaSnapshot::Decode(bytes, &reg).ok());
}

}  // namespace
}  // namespace minutes::normalize::internal
