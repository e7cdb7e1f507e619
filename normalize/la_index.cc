#include "normalize/la_index.h"

#include <algorithm>
#include <iterator>
#include <utility>

#include "normalize/fold.h"
#include "normalize/la_snapshot.h"
#include "normalize/tokenizer.h"

namespace minutes::normalize::internal {

namespace {

// Council prefixes and suffixes: they extend a mention's span but do not change what it resolves
// to.
constexpr const char* kPrefixes[] = {
    "Royal Borough of", "London Borough of",       "City of", "Borough of",
    "County of",        "Metropolitan Borough of", "LB",      "RB",
};
constexpr const char* kSuffixes[] = {
    "Council",
    "Borough Council",
    "City Council",
    "County Council",
    "District Council",
    "Metropolitan Borough Council",
    "Metropolitan District Council",
    "CC",
    "BC",
    "DC",
    "MBC",
    "MDC",
    "LBC",
    "RBC",
};

bool HasInnerCapital(std::string_view raw) {
  // Mixed-case abbreviations ("AfC", "IoW", "BwD"): an ASCII capital after the first character.
  for (size_t i = 1; i < raw.size(); ++i) {
    if (raw[i] >= 'A' && raw[i] <= 'Z') return true;
  }
  return false;
}

}  // namespace

TokenTrie::TokenTrie() : nodes_(1), slots_(16) { Sync(); }

void TokenTrie::Sync() {
  node_view_ = nodes_;
  slot_view_ = slots_;
  token_view_ = std::string_view(tokens_.data(), tokens_.size());
}

void TokenTrie::View(std::span<const Node> nodes, std::span<const Slot> slots,
                     std::string_view tokens) {
  nodes_ = {};
  slots_ = {};
  tokens_ = {};
  node_view_ = nodes;
  slot_view_ = slots;
  token_view_ = tokens;
}

void TokenTrie::Reserve(size_t nodes) {
  nodes_.reserve(nodes);
  tokens_.reserve(nodes * 8);  // a folded token has six or seven bytes on average
  // At most half full once the nodes are in, growing before; but the estimate counts the words of
  // every phrase, and phrases share their first words (2,165 words make 1,396 nodes), so room for
  // two thirds of it is room enough, and a table half the size faults in half the pages.
  size_t slots = slots_.size();
  while (2 * slots < 3 * nodes) slots *= 2;
  if (slots > slots_.size()) Grow(slots);
  Sync();
}

uint32_t TokenTrie::Hash(uint32_t parent, std::string_view fold) {
  // FNV-1a over the parent and the token's bytes (tokens are short), then a multiply to spread
  // the bits over the top half, which the slot index is taken from.
  uint64_t h = 0xcbf29ce484222325ull ^ parent;
  for (char c : fold) {
    h ^= static_cast<unsigned char>(c);
    h *= 0x100000001b3ull;
  }
  h *= 0x9e3779b97f4a7c15ull;
  return static_cast<uint32_t>(h >> 32);
}

size_t TokenTrie::Find(uint32_t parent, std::string_view fold, uint32_t hash) const {
  const size_t mask = slot_view_.size() - 1;
  for (size_t i = hash & mask;; i = (i + 1) & mask) {
    const Slot& slot = slot_view_[i];
    if (slot.node == 0) return i;
    if (slot.hash == hash && node_view_[slot.node].parent == parent && token(slot.node) == fold)
      return i;
  }
}

void TokenTrie::Grow(size_t slots) {
  std::vector<Slot> old(slots);
  old.swap(slots_);
  const size_t mask = slots_.size() - 1;
  for (const Slot& slot : old) {
    if (slot.node == 0) continue;
    size_t i = slot.hash & mask;
    while (slots_[i].node != 0) i = (i + 1) & mask;
    slots_[i] = slot;
  }
  Sync();
}

uint32_t TokenTrie::Child(uint32_t node, std::string_view fold) const {
  const Slot& slot = slot_view_[Find(node, fold, Hash(node, fold))];
  return slot.node == 0 ? kNone : slot.node;
}

uint32_t TokenTrie::AddChild(uint32_t node, std::string_view fold) {
  const uint32_t hash = Hash(node, fold);
  size_t i = Find(node, fold, hash);
  if (slots_[i].node != 0) return slots_[i].node;
  if (2 * nodes_.size() >= slots_.size()) {
    Grow(2 * slots_.size());
    i = Find(node, fold, hash);
  }
  const uint32_t child = static_cast<uint32_t>(nodes_.size());
  Node n;
  n.parent = node;
  n.token_begin = static_cast<uint32_t>(tokens_.size());
  n.token_size = static_cast<uint32_t>(fold.size());
  nodes_.push_back(n);
  tokens_.insert(tokens_.end(), fold.begin(), fold.end());
  slots_[i] = Slot{hash, child};
  Sync();
  return child;
}

void TokenTrie::AddTarget(uint32_t node, uint32_t id, std::vector<Target>* targets) {
  uint32_t* link = &nodes_[node].first_target;
  while (*link != kNone) link = &(*targets)[*link].next;  // a node has a target or two
  *link = id;
  Sync();
}

LaIndex::LaIndex() = default;

int LaIndex::AddPhrase(TokenTrie* trie, std::string_view phrase, Target target,
                       bool capitalise_single) {
  target.case_rules = CaseRules();
  target.next = TokenTrie::kNone;
  TokenStream stream(phrase);
  Token t;
  uint32_t node = 0;
  int first_letters = 0;
  while (stream.Next(&t)) {
    std::string_view raw = phrase.substr(t.start, t.end - t.start);
    CaseRule rule = CaseRule::kAny;
    if (t.letters > 0 && t.all_upper) {
      rule = CaseRule::kUpper;
    } else if (t.letters > 0 && HasInnerCapital(raw)) {
      rule = CaseRule::kCapitalised;
    }
    if (target.case_rules.empty()) first_letters = t.letters;
    target.case_rules.push_back(rule);
    node = trie->AddChild(node, t.fold);
  }
  if (target.case_rules.empty()) return -1;
  if (capitalise_single && target.case_rules.size() == 1 && first_letters > 0 &&
      target.case_rules[0] == CaseRule::kAny) {
    target.case_rules.Set(0, CaseRule::kCapitalised);
  }
  for (uint32_t id = trie->first_target(node); id != TokenTrie::kNone; id = targets_[id].next) {
    const Target& other = targets_[id];
    if (other.kind == target.kind && other.case_rules == target.case_rules &&
        resolutions_[other.resolution].gss_codes == resolutions_[target.resolution].gss_codes) {
      return static_cast<int>(node);
    }
  }
  targets_.push_back(std::move(target));
  trie->AddTarget(node, static_cast<uint32_t>(targets_.size() - 1), &targets_);
  return static_cast<int>(node);
}

int LaIndex::Walk(std::string_view phrase) const {
  TokenStream stream(phrase);
  Token t;
  uint32_t node = 0;
  while (stream.Next(&t)) {
    node = names_.Child(node, t.fold);
    if (node == TokenTrie::kNone) return -1;
  }
  return static_cast<int>(node);
}

Status LaIndex::Build(const LaRegister& reg, const RegisterRows& rows,
                      std::unique_ptr<const LaIndex>* out) {
  out->reset();
  std::unique_ptr<LaIndex> index(new LaIndex());
  // Room for the phrases' nodes and targets from the start (should the count of words fall short,
  // the arrays grow), and no phrase longer than CaseRules holds.
  size_t phrases = reg.authorities().size() + rows.aliases.size() + rows.groups.size() +
                   rows.ambiguous.size() + rows.acronyms.size();
  size_t words = 0;
  Status too_long;  // the first phrase of more words than CaseRules holds
  auto count_words = [&words, &too_long](std::string_view phrase, RegisterFileId file) {
    TokenStream stream(phrase);
    Token t;
    size_t tokens = 0;
    while (stream.Next(&t)) ++tokens;
    words += tokens;
    if (tokens > CaseRules::kMaxTokens && too_long.ok()) {
      too_long = Status::InvalidArgument(std::string(kRegisterFileNames[file]) + ": '" +
                                         std::string(phrase) + "' has more than " +
                                         std::to_string(CaseRules::kMaxTokens) + " words");
    }
  };
  for (const LocalAuthority& la : reg.authorities()) count_words(la.name, kLaRegisterFile);
  for (const AliasRow& row : rows.aliases) count_words(row.alias, kAliasesFile);
  for (const GroupRow& row : rows.groups) count_words(row.alias, kGroupsFile);
  for (const AmbiguousRow& row : rows.ambiguous) count_words(row.alias, kAmbiguousAliasesFile);
  for (const auto& [acronym, category] : rows.acronyms) count_words(acronym, kAcronymsFile);
  if (!too_long.ok()) return too_long;
  index->names_.Reserve(1 + words);
  index->targets_.reserve(phrases + std::size(kPrefixes) + std::size(kSuffixes));
  auto targets_at = [&index](int node, auto&& visit) {
    if (node < 0) return;
    for (uint32_t id = index->names_.first_target(static_cast<uint32_t>(node));
         id != TokenTrie::kNone; id = index->targets_[id].next) {
      visit(index->targets_[id]);
    }
  };

  // One resolution for each LA, shared by the targets of its register name and aliases (a copy
  // each was two allocations a phrase): resolution i is that of authority i.
  const std::vector<LocalAuthority>& las = reg.authorities();
  index->resolutions_.reserve(phrases);
  for (const LocalAuthority& la : las) {
    index->resolutions_.push_back(
        Resolution{SharedStringList({std::string(la.gss_code)}), SharedString(la.name)});
  }
  auto resolve_to = [&index](SharedStringList gss_codes, SharedString canonical_name) {
    index->resolutions_.push_back(Resolution{std::move(gss_codes), std::move(canonical_name)});
    return static_cast<uint32_t>(index->resolutions_.size() - 1);
  };

  // Priority is insertion order: register names, aliases, groups, ambiguous aliases, acronyms.
  for (size_t i = 0; i < las.size(); ++i) {
    Target t;
    t.kind = TargetKind::kLa;
    t.method = MatchMethod::kExact;
    t.resolution = static_cast<uint32_t>(i);
    index->AddPhrase(&index->names_, las[i].name, std::move(t), false);
  }
  for (const AliasRow& row : rows.aliases) {
    const LocalAuthority* la = reg.FindByCode(row.gss_code);
    if (la == nullptr) {
      return Status::InvalidArgument("aliases.csv: unknown GSS code '" + row.gss_code + "'");
    }
    const size_t i = static_cast<size_t>(la - las.data());
    Target t;
    t.kind = TargetKind::kLa;
    t.method = MatchMethod::kAlias;
    t.resolution = static_cast<uint32_t>(i);
    index->AddPhrase(&index->names_, row.alias, std::move(t), row.kind == "abbreviation");
  }
  for (const GroupRow& row : rows.groups) {
    // "Kent and Medway", "Kingston and Richmond": LA names joined by "and" are one mention per LA.
    // Each part between the "and"s is walked as it is read; a part that is empty or not an LA's
    // phrase ends the coordination.
    bool coordination = true;
    int parts = 1;
    size_t part_tokens = 0;
    uint32_t node = 0;
    auto part_is_la = [&]() {
      bool is_la = false;
      if (part_tokens > 0 && node != TokenTrie::kNone) {
        targets_at(static_cast<int>(node), [&is_la](const Target& t) {
          if (t.kind == TargetKind::kLa) is_la = true;
        });
      }
      return is_la;
    };
    TokenStream stream(row.alias);
    Token tok;
    while (stream.Next(&tok)) {
      if (tok.fold == "and") {
        if (!part_is_la()) coordination = false;
        ++parts;
        part_tokens = 0;
        node = 0;
      } else {
        ++part_tokens;
        if (node != TokenTrie::kNone) node = index->names_.Child(node, tok.fold);
      }
    }
    if (!part_is_la()) coordination = false;
    if (coordination && parts >= 2) continue;
    Target t;
    t.kind = row.la_mention ? TargetKind::kGroup : TargetKind::kBlocked;
    t.method = MatchMethod::kGroup;
    t.resolution = resolve_to(row.members, row.name);
    t.body = true;
    index->AddPhrase(&index->names_, row.alias, std::move(t), false);
  }
  for (const AmbiguousRow& row : rows.ambiguous) {
    if (row.in_aliases) continue;  // already an alias with a default LA
    int node = index->Walk(row.alias);
    if (node >= 0 && index->names_.has_targets(static_cast<uint32_t>(node))) {
      continue;  // a group ("Berkshire")
    }
    Target t;
    t.kind = TargetKind::kAmbiguous;
    t.method = MatchMethod::kAlias;
    t.resolution = resolve_to(row.candidates, row.alias);
    // Ambiguous aliases are abbreviations or capitalised phrases ("SCC", "The Island").
    int added = index->AddPhrase(&index->names_, row.alias, std::move(t), true);
    targets_at(added, [](Target& at) {
      if (at.kind == TargetKind::kAmbiguous)
        at.case_rules.Replace(CaseRule::kAny, CaseRule::kCapitalised);
    });
  }
  for (const auto& [acronym, category] : rows.acronyms) {
    bool known = false;
    targets_at(index->Walk(acronym), [&known](Target& t) {
      if (t.kind == TargetKind::kAmbiguous) t.also_acronym = true;
      known = true;
    });
    if (known) continue;  // an LA alias or a body already there wins
    Target t;
    t.kind = TargetKind::kBlocked;
    t.method = MatchMethod::kAlias;
    t.resolution = resolve_to({}, acronym);
    t.body = category == "organisation";
    int added = index->AddPhrase(&index->names_, acronym, std::move(t), false);
    // Acronyms block in any case: "Edt" is no more an LA than "EDT".
    targets_at(added, [](Target& bt) {
      if (bt.kind == TargetKind::kBlocked) {
        bt.case_rules.Fill(CaseRule::kAny);
      }
    });
  }
  for (const CommonWordRow& row : rows.common_words) {
    targets_at(index->Walk(row.alias), [&row, &index](Target& t) {
      const SharedStringList& codes = index->resolutions_[t.resolution].gss_codes;
      if (t.kind != TargetKind::kLa || codes.size() != 1 || codes[0] != row.gss_code) return;
      t.common_word = true;
      // "Reading", "High Peak", "Three Rivers": every word capitalised, as a place name is.
      t.case_rules.Replace(CaseRule::kAny, CaseRule::kCapitalised);
    });
  }

  // Fuzzy candidates: one-word register names and short names of five letters or more, in the
  // order their first words entered the trie.
  const TokenTrie& names = index->names_;
  for (uint32_t child = 1; child < names.size(); ++child) {
    if (names.parent(child) != 0) continue;
    for (uint32_t id = names.first_target(child); id != TokenTrie::kNone;
         id = index->targets_[id].next) {
      const Target& t = index->targets_[id];
      if (t.kind != TargetKind::kLa || t.common_word || t.case_rules.size() != 1 ||
          t.case_rules[0] != CaseRule::kAny) {
        continue;
      }
      const std::string_view fold = names.token(child);
      TokenStream stream(fold);
      Token first, second;
      if (!stream.Next(&first) || stream.Next(&second) || !first.alpha || first.letters < 5) {
        continue;
      }
      index->fuzzy_[std::string(FirstCharacter(fold))].push_back({std::string(fold), id});
      break;
    }
  }

  // Council prefixes and suffixes.
  Target affix;
  affix.kind = TargetKind::kBlocked;
  affix.resolution = resolve_to({}, {});
  for (const char* p : kPrefixes) index->AddPhrase(&index->prefixes_, p, affix, false);
  for (const char* s : kSuffixes) index->AddPhrase(&index->suffixes_, s, affix, false);
  index->target_view_ = index->targets_;
  *out = std::move(index);
  return Status::OK();
}

}  // namespace minutes::normalize::internal
