// Internal: the LA matcher's index (a trie of folded alias tokens) and the rows it is built from.
// Built once by LaRegister::Load (la_index.cc); read-only afterwards, so scans (la_matcher.cc) from
// any number of threads share it.

#ifndef MINUTES_NORMALIZE_LA_INDEX_H_
#define MINUTES_NORMALIZE_LA_INDEX_H_

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <type_traits>
#include <unordered_map>
#include <utility>
#include <vector>

#include "common/status.h"
#include "normalize/normalize.h"
#include "normalize/tokenizer.h"

namespace minutes::normalize::internal {

class LaSnapshot;

// The optional register files, as rows (la_register.cc reads and checks them).
struct AliasRow {
  std::string gss_code;
  std::string alias;
  std::string kind;  // council_name, short_name, abbreviation, typo_variant
};
struct GroupRow {
  std::string name;
  std::string alias;
  std::vector<std::string> members;
  bool la_mention = true;
};
struct AmbiguousRow {
  std::string alias;
  std::vector<std::string> candidates;
  bool in_aliases = false;
};
struct CommonWordRow {
  std::string alias;
  std::string gss_code;
};
struct RegisterRows {
  std::vector<AliasRow> aliases;
  std::vector<GroupRow> groups;
  std::vector<AmbiguousRow> ambiguous;
  std::vector<std::pair<std::string, std::string>> acronyms;  // acronym, category
  std::vector<CommonWordRow> common_words;
};

// How a token of an alias must be written in the text.
enum class CaseRule : uint8_t {
  kAny,          // any case ("brighton and Hove")
  kCapitalised,  // first letter upper-case ("Hants", "Afc", "Reading")
  kUpper,        // all capitals ("MK", "KCC", the "W" of "W Sussex")
};

enum class TargetKind : uint8_t {
  kLa,         // one LA
  kGroup,      // several LAs
  kAmbiguous,  // one of several LAs, chosen from context
  kBlocked,    // not an LA (sector acronym, partnership): consumed and never reported
};

// The case rules of a phrase's tokens, two bits a token and the count in the top byte of one word:
// a vector of them was an allocation for each of the index's ~900 targets. A phrase has at most
// kMaxTokens tokens (LaIndex::Build refuses a longer one).
class CaseRules {
 public:
  static constexpr size_t kMaxTokens = 28;

  size_t size() const { return bits_ >> kSizeShift; }
  bool empty() const { return size() == 0; }
  CaseRule operator[](size_t i) const { return static_cast<CaseRule>((bits_ >> (2 * i)) & 3); }
  // Requires size() < kMaxTokens.
  void push_back(CaseRule rule) {
    const size_t i = size();
    bits_ += uint64_t{1} << kSizeShift;
    Set(i, rule);
  }
  void Set(size_t i, CaseRule rule) {
    bits_ = (bits_ & ~(uint64_t{3} << (2 * i))) | (uint64_t{static_cast<uint8_t>(rule)} << (2 * i));
  }
  // Every token's rule that is `from` becomes `to`.
  void Replace(CaseRule from, CaseRule to) {
    for (size_t i = 0; i < size(); ++i) {
      if ((*this)[i] == from) Set(i, to);
    }
  }
  void Fill(CaseRule rule) {
    for (size_t i = 0; i < size(); ++i) Set(i, rule);
  }
  bool operator==(const CaseRules& o) const = default;

 private:
  static constexpr int kSizeShift = 56;
  uint64_t bits_ = 0;
};

// What a match of a target resolves to: one for each LA, shared by the targets of its register
// name and its aliases, and one for each group, ambiguous alias and acronym.
struct Resolution {
  SharedStringList gss_codes;   // the LA, the members, or the candidates; shared with every mention
  SharedString canonical_name;  // made from the target, rather than copied into each
};

// A plain struct without padding (no pointers), so that LaSnapshot::Decode reads the targets
// where the snapshot holds them, as it does the tries.
struct Target {
  CaseRules case_rules;     // one per alias token
  uint32_t resolution = 0;  // in LaIndex::resolutions_
  // The next target at the same trie node (TokenTrie::kNone after the last): a node's targets are
  // a list through the targets themselves, in priority order (register name, alias, group,
  // ambiguous, blocked), so a node needs no vector of its own.
  uint32_t next = UINT32_MAX;
  MatchMethod method = MatchMethod::kAlias;
  TargetKind kind = TargetKind::kLa;
  bool common_word = false;   // common_word_risks.csv
  bool also_acronym = false;  // an ambiguous alias that is also a sector acronym ("PCC")
  bool body = false;  // kBlocked: a body of its own (SESLIP, DfE), not a role or a term (DCS, EDT)
};
static_assert(std::has_unique_object_representations_v<Target>, "no padding in a snapshot");

// A trie over folded tokens in a few flat arrays: nodes are indices (0 is the root), children are
// found through one open-addressing table keyed by (parent, token), and the tokens' bytes lie in
// one string. A node holding a hash map of its children made loading the register ~1,400 small
// maps, most of a one-line extract's time in our code; this takes a dozen allocations. A node's
// targets (indices into LaIndex's targets) are the list that Target::next links.
//
// Built by one thread (AddChild, AddTarget); read-only afterwards, so any number of threads may
// look it up.
class TokenTrie {
 public:
  static constexpr uint32_t kNone = UINT32_MAX;

  TokenTrie();                           // the root alone
  TokenTrie(const TokenTrie&) = delete;  // its views would see the other's arrays
  TokenTrie& operator=(const TokenTrie&) = delete;

  // Room for `nodes` nodes in all without growing (an estimate: more still fit).
  void Reserve(size_t nodes);

  // The child of `node` reached by the folded token `fold`, or kNone.
  uint32_t Child(uint32_t node, std::string_view fold) const;
  // The child of `node` reached by `fold`, added (without targets) when there is none.
  uint32_t AddChild(uint32_t node, std::string_view fold);

  size_t size() const { return node_view_.size(); }
  // The node `node` hangs from (kNone for the root) and the token that leads to it.
  uint32_t parent(uint32_t node) const { return node_view_[node].parent; }
  std::string_view token(uint32_t node) const {
    return token_view_.substr(node_view_[node].token_begin, node_view_[node].token_size);
  }

  // The first of `node`'s targets (follow Target::next for the rest), or kNone.
  uint32_t first_target(uint32_t node) const { return node_view_[node].first_target; }
  bool has_targets(uint32_t node) const { return node_view_[node].first_target != kNone; }
  // Appends target `id` to `node`'s list; `targets` holds the targets the list runs through.
  void AddTarget(uint32_t node, uint32_t id, std::vector<Target>* targets);

 private:
  friend class LaSnapshot;  // writes the arrays as they are, and views them (la_snapshot.h)

  struct Node {
    uint32_t parent = kNone;
    uint32_t token_begin = 0;  // in tokens_
    uint32_t token_size = 0;
    uint32_t first_target = kNone;
  };
  // A slot of the table: the child's node, 0 when empty (the root is no one's child), and the
  // hash of (parent, token), compared before the token is.
  struct Slot {
    uint32_t hash = 0;
    uint32_t node = 0;
  };

  static uint32_t Hash(uint32_t parent, std::string_view fold);
  // The slot holding (parent, fold), or the empty slot where it would go.
  size_t Find(uint32_t parent, std::string_view fold, uint32_t hash) const;
  void Grow(size_t slots);
  // Points the views at the arrays below, after a change to them.
  void Sync();
  // Views arrays that outlive the trie (a snapshot's bytes) instead of the ones below, which are
  // emptied: the trie may not be changed again.
  void View(std::span<const Node> nodes, std::span<const Slot> slots, std::string_view tokens);

  // The arrays, while the trie is built.
  std::vector<Node> nodes_;
  std::vector<Slot> slots_;   // a power of two in size, at most half full
  std::vector<char> tokens_;  // every node's token, one after another
  // What every lookup reads: the arrays above, or those of a snapshot (LaSnapshot::Decode). The
  // shipped register's tries are read where the program's image holds them, faulted in with the
  // pages around them, rather than copied to the heap and faulted in a page at a time.
  std::span<const Node> node_view_;
  std::span<const Slot> slot_view_;
  std::string_view token_view_;
};

// A match of the trie at a token position.
struct TrieMatch {
  size_t first = 0;  // token index
  size_t end = 0;    // one past the last token
  const Target* target = nullptr;
};

// Fuzzy candidates: single-word LA names with their target.
struct FuzzyCandidate {
  std::string fold;
  uint32_t target = 0;
};

// What a scan step found (la_matcher.cc), for the settle pass that decides, per MatchOptions, what
// is emitted.
enum class CandidateKind : uint8_t {
  kMatch,        // a trie match (LA, group or ambiguous alias): emitted or dropped when settled
  kCoordinated,  // the first compass word of "East and West Sussex": always emitted
  kFuzzy,        // a misspelt LA name: emitted when MatchOptions::fuzzy
  kSkip,         // a blocked match of several tokens ("Police and Crime Commissioner"): skipped
};

// One step of the scan that may emit a mention or skip more than one token, with what the decisions
// that depend on MatchOptions need. A scan's candidates are in text order, at most one per token
// position (where the settle pass may go on at either of two positions, those of both paths: see
// LaIndex::ScanWindow); a token position without one is passed over with nothing emitted.
struct LaCandidate {
  size_t start = 0;      // byte offset of the step's first token (the mention's start)
  size_t end = 0;        // one past the mention when emitted (a council suffix included)
  size_t match_end = 0;  // one past the trie match: where the scan goes on when the match is
                         // dropped, and the end of a flagged ambiguous alias (== end but for a
                         // council suffix; kSkip: the end of the skipped tokens)
  const Target* target = nullptr;  // kSkip: nullptr
  CandidateKind kind = CandidateKind::kMatch;
  uint8_t distance = 0;            // kFuzzy: the edit distance, 1 or 2
  bool sentence_start = false;     // the first token opens a sentence or line
  bool could_be_initials = false;  // one all-capital word of 2-4 letters
  // Set only on a kMatch of a common word outside an organisation string. It follows a capitalised
  // name one space before it ("Sarah Hastings"): a surname, unless that name ended the last match
  // kept ("Surrey Kent" is two LAs).
  bool surname_shape = false;
  // It opens a sentence and a lower-case word follows ("Reading said"): kept only when its LA is
  // expected and that word is not an object word (`object_word`: "Reading the report").
  bool verb_like = false;
  bool object_word = false;
};

class LaIndex {
 public:
  // Builds the index over `reg`'s authorities and `rows`. On success stores the index in *out and
  // returns OK. Stores nullptr and returns InvalidArgument if an alias names a GSS code that is not
  // in `reg` (Load checks the rows first, so only a caller that skips those checks sees it).
  static Status Build(const LaRegister& reg, const RegisterRows& rows,
                      std::unique_ptr<const LaIndex>* out);

  // la_matcher.cc: the options-free half of FindMentions and Resolve (LaRegister::ScanMentions):
  // the candidates of `text` into out->blocks_, with leading_body_ and first_token_start_.
  // With `organisation` set, capitalisation rules other than all-capitals are relaxed and common
  // words skip the surname and sentence-start tests. Without `fuzzy`, no kFuzzy candidates (a scan
  // for one settle without MatchOptions::fuzzy).
  void Scan(std::string_view text, bool organisation, bool fuzzy, LaMentionScan* out) const;

  // What a match of `target` (one of this index's) resolves to.
  const Resolution& resolution(const Target& target) const {
    return resolutions_[target.resolution];
  }

 private:
  friend class LaSnapshot;  // encodes and decodes the members below (la_snapshot.h)

  LaIndex();
  // Adds `phrase` to `trie` for `target`, whose case rules are derived from the phrase's spelling
  // (`capitalise_single`: a one-word phrase must be capitalised, as abbreviations like "Hants"
  // must). A phrase whose node already holds an equal target is not added twice. Returns the
  // phrase's node (whether or not the target was added), or -1 for a phrase without tokens.
  int AddPhrase(TokenTrie* trie, std::string_view phrase, Target target, bool capitalise_single);
  // The longest match in `trie` at tokens[i] whose case rules the tokens satisfy.
  bool LongestMatch(const TokenTrie& trie, const std::vector<Token>& tokens, size_t i,
                    bool organisation, TrieMatch* match) const;
  // The node of names_ reached from the root by the tokens of `phrase` (the root for a phrase
  // without tokens), or -1.
  int Walk(std::string_view phrase) const;

  // la_matcher.cc helpers.
  // Scan over one window of the text's tokens (the first when `first_window`), adding to *out.
  void ScanWindow(std::string_view text, const std::vector<Token>& tokens, bool first_window,
                  bool organisation, bool fuzzy, LaMentionScan* out) const;
  bool Coordinated(const std::vector<Token>& tokens, size_t i, bool organisation,
                   const Target** target) const;
  bool Fuzzy(const std::vector<Token>& tokens, size_t i, const Target** target,
             int* distance) const;

  std::vector<Resolution> resolutions_;
  // The targets, built in the vector and read through the span: the vector's, or the shipped
  // snapshot's where the program's image holds them (LaSnapshot::Decode), as TokenTrie's arrays.
  std::vector<Target> targets_;
  std::span<const Target> target_view_;
  TokenTrie names_;     // every alias
  TokenTrie prefixes_;  // "Royal Borough of", "London Borough of", "City of", ...
  TokenTrie suffixes_;  // "Council", "Borough Council", "CC", "MBC", ...
  std::unordered_map<std::string, std::vector<FuzzyCandidate>> fuzzy_;  // by first letter
};

}  // namespace minutes::normalize::internal

#endif  // MINUTES_NORMALIZE_LA_INDEX_H_
