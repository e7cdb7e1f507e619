// TokenTrie, the LA matcher's trie of folded tokens: what a lookup finds, through the table's
// growth.

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "normalize/la_index.h"

namespace minutes::normalize::internal {
namespace {

TEST(TokenTrieTest, ChildrenAreFoundByParentAndToken) {
  TokenTrie trie;
  uint32_t west = trie.AddChild(0, "west");
  uint32_t west_sussex = trie.AddChild(west, "sussex");
  uint32_t east = trie.AddChild(0, "east");
  uint32_t east_sussex = trie.AddChild(east, "sussex");
  EXPECT_NE(west_sussex, east_sussex);  // one token, two parents: two nodes
  EXPECT_EQ(west, trie.Child(0, "west"));
  EXPECT_EQ(east_sussex, trie.Child(east, "sussex"));
  EXPECT_EQ(TokenTrie::kNone, trie.Child(0, "sussex"));
  EXPECT_EQ(TokenTrie::kNone, trie.Child(west, "wes"));
  EXPECT_EQ(west_sussex, trie.AddChild(west, "sussex"));  // added once
  EXPECT_EQ(5u, trie.size());
  EXPECT_EQ("sussex", trie.token(east_sussex));
  EXPECT_EQ(east, trie.parent(east_sussex));
  EXPECT_EQ(TokenTrie::kNone, trie.parent(0));
}

TEST(TokenTrieTest, EveryChildSurvivesTheTableGrowing) {
  TokenTrie trie;  // 16 slots at first: 3,000 children make it grow eight times
  std::vector<uint32_t> nodes;
  for (int i = 0; i < 3000; ++i)
    nodes.push_back(trie.AddChild(i % 2 == 0 ? 0 : nodes.front(), "t" + std::to_string(i)));
  for (int i = 0; i < 3000; ++i) {
    uint32_t parent = i % 2 == 0 ? 0 : nodes.front();
    ASSERT_EQ(nodes[i], trie.Child(parent, "t" + std::to_string(i))) << i;
    EXPECT_EQ(TokenTrie::kNone,
              trie.Child(parent == 0 ? nodes.front() : 0, "t" + std::to_string(i)))
        << i;
  }
}

TEST(TokenTrieTest, ANodesTargetsKeepTheOrderTheyWereAdded) {
  TokenTrie trie;
  std::vector<Target> targets(3);
  uint32_t node = trie.AddChild(0, "pcc");
  EXPECT_FALSE(trie.has_targets(node));
  for (uint32_t id : {2u, 0u, 1u}) trie.AddTarget(node, id, &targets);
  std::vector<uint32_t> listed;
  for (uint32_t id = trie.first_target(node); id != TokenTrie::kNone; id = targets[id].next)
    listed.push_back(id);
  EXPECT_EQ((std::vector<uint32_t>{2, 0, 1}), listed);
}

}  // namespace
}  // namespace minutes::normalize::internal
