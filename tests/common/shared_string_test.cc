#include "common/shared_string.h"

#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <thread>
#include <vector>

namespace minutes {
namespace {

TEST(SharedStringTest, HoldsItsTextAndComparesByValue) {
  SharedString s("Kelly Wilkes");
  EXPECT_EQ(s.view(), "Kelly Wilkes");
  EXPECT_EQ(s.size(), 12u);
  EXPECT_FALSE(s.empty());
  EXPECT_EQ(s, "Kelly Wilkes");
  EXPECT_EQ(s, std::string("Kelly Wilkes"));
  EXPECT_EQ(s, SharedString(std::string("Kelly Wilkes")));  // another buffer, same text
  EXPECT_NE(s, "Kelly");
  EXPECT_LT(SharedString("Ann"), SharedString("Bob"));
  std::ostringstream out;
  out << s;
  EXPECT_EQ(out.str(), "Kelly Wilkes");
}

TEST(SharedStringTest, EmptyIsDefaultAndAllocatesNothing) {
  SharedString a, b("");
  EXPECT_TRUE(a.empty());
  EXPECT_TRUE(b.empty());
  EXPECT_EQ(a, "");
  EXPECT_EQ(a, b);
  EXPECT_EQ(b.data(), nullptr);
}

TEST(SharedStringTest, CopiesShareOneBufferAndOutliveTheOriginal) {
  auto original = std::make_unique<SharedString>("p-e84c5e232c75b615");
  SharedString copy = *original;
  EXPECT_EQ(copy.data(), original->data());  // no second buffer
  original.reset();                          // the copy keeps the buffer alive
  EXPECT_EQ(copy, "p-e84c5e232c75b615");
  SharedString moved = std::move(copy);
  EXPECT_TRUE(copy.empty());  // NOLINT(bugprone-use-after-move): moved-from is empty
  EXPECT_EQ(moved, "p-e84c5e232c75b615");
  const SharedString& same = moved;
  moved = same;  // self-assignment keeps the text
  EXPECT_EQ(moved, "p-e84c5e232c75b615");
  moved.clear();
  EXPECT_TRUE(moved.empty());
}

TEST(SharedStringTest, CopiesAcrossThreadsFreeTheBufferOnce) {
  // Run under the sanitizer build: a lost or doubled release shows as a leak or a double free.
  const SharedString rule("initials.listed");
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t)
    threads.emplace_back([&rule] {
      std::vector<SharedString> copies;
      for (int i = 0; i < 10000; ++i) copies.push_back(rule);
      for (const SharedString& c : copies) ASSERT_EQ(c.data(), rule.data());
    });
  for (std::thread& t : threads) t.join();
  EXPECT_EQ(rule, "initials.listed");
}

TEST(SharedStringPoolTest, EqualTextsShareABuffer) {
  SharedStringPool pool;
  std::string kl = "KL";
  SharedString a = pool.Get(kl);
  kl[1] = 'M';  // the pool keeps its own copy, not a view of the caller's text
  SharedString b = pool.Get("KL");
  SharedString c = pool.Get(kl);
  EXPECT_EQ(a.data(), b.data());
  EXPECT_EQ(b, "KL");
  EXPECT_EQ(c, "KM");
  EXPECT_NE(c.data(), a.data());
  EXPECT_TRUE(pool.Get("").empty());
}

TEST(SharedStringListTest, ReadsLikeAVectorAndSharesItsItems) {
  SharedStringList codes(std::vector<std::string>{"E06000037", "E06000038"});
  SharedStringList copy = codes;
  EXPECT_EQ(copy.size(), 2u);
  EXPECT_EQ(copy[1], "E06000038");
  EXPECT_EQ(&copy.items(), &codes.items());
  EXPECT_EQ(copy, (std::vector<std::string>{"E06000037", "E06000038"}));
  std::vector<std::string> seen(copy.begin(), copy.end());
  EXPECT_EQ(seen.front(), "E06000037");
  SharedStringList none;
  EXPECT_TRUE(none.empty());
  EXPECT_EQ(none, std::vector<std::string>());
  EXPECT_EQ(none, SharedStringList(std::vector<std::string>()));
  std::ostringstream out;
  out << codes;
  EXPECT_EQ(out.str(), "{\"E06000037\", \"E06000038\"}");
}

}  // namespace
}  // namespace minutes
