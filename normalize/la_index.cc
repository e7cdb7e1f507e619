#include "normalize/la_index.h"

#include <algorithm>
#include <iterator>
#include <utility>

#include "normalize/fold.h"

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

std::vector<std::string> Folds(const std::vector<Token>& tokens) {
  std::vector<std::string> folds;
  folds.reserve(tokens.size());
  for (const Token& t : tokens) folds.push_back(t.fold);
  return folds;
}

bool SameTarget(const Target& a, const Target& b) {
  return a.kind == b.kind && a.gss_codes == b.gss_codes && a.case_rules == b.case_rules;
}

}  // namespace

LaIndex::LaIndex() {
  names_.emplace_back();
  prefixes_.emplace_back();
  suffixes_.emplace_back();
}

void LaIndex::AddPhrase(std::vector<TrieNode>* trie, std::string_view phrase, Target target,
                        bool capitalise_single) {
  std::vector<Token> tokens = Tokenize(phrase);
  if (tokens.empty()) return;
  target.case_rules.clear();
  for (const Token& t : tokens) {
    std::string_view raw = phrase.substr(t.start, t.end - t.start);
    CaseRule rule = CaseRule::kAny;
    if (t.letters > 0 && t.all_upper) {
      rule = CaseRule::kUpper;
    } else if (t.letters > 0 &&
               (HasInnerCapital(raw) || (capitalise_single && tokens.size() == 1))) {
      rule = CaseRule::kCapitalised;
    }
    target.case_rules.push_back(rule);
  }
  uint32_t node = 0;
  for (const Token& t : tokens) {
    const uint32_t next = static_cast<uint32_t>(trie->size());
    auto [it, added] = (*trie)[node].children.try_emplace(t.fold, next);
    if (added) {
      trie->emplace_back();  // may move the nodes, and `it` with them
      node = next;
    } else {
      node = it->second;
    }
  }
  for (uint32_t id : (*trie)[node].targets) {
    if (SameTarget(targets_[id], target)) return;
  }
  targets_.push_back(std::move(target));
  (*trie)[node].targets.push_back(static_cast<uint32_t>(targets_.size() - 1));
}

int LaIndex::Walk(const std::vector<std::string>& folds) const {
  uint32_t node = 0;
  for (const std::string& f : folds) {
    auto it = names_[node].children.find(f);
    if (it == names_[node].children.end()) return -1;
    node = it->second;
  }
  return static_cast<int>(node);
}

Status LaIndex::Build(const LaRegister& reg, const RegisterRows& rows,
                      std::unique_ptr<const LaIndex>* out) {
  out->reset();
  std::unique_ptr<LaIndex> index(new LaIndex());
  // Room for the phrases' nodes and targets from the start: growing the trie a node at a time
  // moved every node (a hash map each) a dozen times, a fifth of the cost of building it. A phrase
  // has about one word more than it has spaces and ampersands; should the estimate fall short, the
  // vectors grow as before.
  size_t phrases = reg.authorities().size() + rows.aliases.size() + rows.groups.size() +
                   rows.ambiguous.size() + rows.acronyms.size();
  size_t words = 0;
  auto count_words = [&words](std::string_view phrase) {
    words += 1 + static_cast<size_t>(std::count_if(phrase.begin(), phrase.end(),
                                                   [](char c) { return c == ' ' || c == '&'; }));
  };
  for (const LocalAuthority& la : reg.authorities()) count_words(la.name);
  for (const AliasRow& row : rows.aliases) count_words(row.alias);
  for (const GroupRow& row : rows.groups) count_words(row.alias);
  for (const AmbiguousRow& row : rows.ambiguous) count_words(row.alias);
  for (const auto& [acronym, category] : rows.acronyms) count_words(acronym);
  index->names_.reserve(1 + words);
  index->targets_.reserve(phrases + std::size(kPrefixes) + std::size(kSuffixes));

  // Priority is insertion order: register names, aliases, groups, ambiguous aliases, acronyms.
  for (const LocalAuthority& la : reg.authorities()) {
    Target t;
    t.kind = TargetKind::kLa;
    t.method = MatchMethod::kExact;
    t.gss_codes = {la.gss_code};
    t.canonical_name = la.name;
    index->AddPhrase(&index->names_, la.name, std::move(t), false);
  }
  for (const AliasRow& row : rows.aliases) {
    const LocalAuthority* la = reg.FindByCode(row.gss_code);
    if (la == nullptr) {
      return Status::InvalidArgument("aliases.csv: unknown GSS code '" + row.gss_code + "'");
    }
    Target t;
    t.kind = TargetKind::kLa;
    t.method = MatchMethod::kAlias;
    t.gss_codes = {la->gss_code};
    t.canonical_name = la->name;
    index->AddPhrase(&index->names_, row.alias, std::move(t), row.kind == "abbreviation");
  }
  for (const GroupRow& row : rows.groups) {
    // "Kent and Medway", "Kingston and Richmond": LA names joined by "and" are one mention per LA.
    std::vector<Token> tokens = Tokenize(row.alias);
    std::vector<std::vector<std::string>> parts(1);
    for (const Token& t : tokens) {
      if (t.fold == "and") {
        parts.emplace_back();
      } else {
        parts.back().push_back(t.fold);
      }
    }
    bool coordination = parts.size() >= 2;
    for (const auto& part : parts) {
      int node = part.empty() ? -1 : index->Walk(part);
      bool is_la = false;
      if (node >= 0) {
        for (uint32_t id : index->names_[node].targets) {
          if (index->targets_[id].kind == TargetKind::kLa) is_la = true;
        }
      }
      if (!is_la) coordination = false;
    }
    if (coordination) continue;
    Target t;
    t.kind = row.la_mention ? TargetKind::kGroup : TargetKind::kBlocked;
    t.method = MatchMethod::kGroup;
    t.gss_codes = row.members;
    t.canonical_name = row.name;
    t.body = true;
    index->AddPhrase(&index->names_, row.alias, std::move(t), false);
  }
  for (const AmbiguousRow& row : rows.ambiguous) {
    if (row.in_aliases) continue;  // already an alias with a default LA
    int node = index->Walk(Folds(Tokenize(row.alias)));
    if (node >= 0 && !index->names_[node].targets.empty()) continue;  // a group ("Berkshire")
    Target t;
    t.kind = TargetKind::kAmbiguous;
    t.method = MatchMethod::kAlias;
    t.gss_codes = row.candidates;
    t.canonical_name = row.alias;
    // Ambiguous aliases are abbreviations or capitalised phrases ("SCC", "The Island").
    index->AddPhrase(&index->names_, row.alias, std::move(t), true);
    int added = index->Walk(Folds(Tokenize(row.alias)));
    for (uint32_t id : index->names_[added].targets) {
      Target& at = index->targets_[id];
      if (at.kind == TargetKind::kAmbiguous) {
        for (CaseRule& r : at.case_rules) {
          if (r == CaseRule::kAny) r = CaseRule::kCapitalised;
        }
      }
    }
  }
  for (const auto& [acronym, category] : rows.acronyms) {
    int node = index->Walk(Folds(Tokenize(acronym)));
    bool known = false;
    if (node >= 0) {
      for (uint32_t id : index->names_[node].targets) {
        Target& t = index->targets_[id];
        if (t.kind == TargetKind::kAmbiguous) t.also_acronym = true;
        known = true;
      }
    }
    if (known) continue;  // an LA alias or a body already there wins
    Target t;
    t.kind = TargetKind::kBlocked;
    t.method = MatchMethod::kAlias;
    t.canonical_name = acronym;
    t.body = category == "organisation";
    index->AddPhrase(&index->names_, acronym, std::move(t), false);
    // Acronyms block in any case: "Edt" is no more an LA than "EDT".
    node = index->Walk(Folds(Tokenize(acronym)));
    for (uint32_t id : index->names_[node].targets) {
      Target& bt = index->targets_[id];
      if (bt.kind == TargetKind::kBlocked) {
        std::fill(bt.case_rules.begin(), bt.case_rules.end(), CaseRule::kAny);
      }
    }
  }
  for (const CommonWordRow& row : rows.common_words) {
    int node = index->Walk(Folds(Tokenize(row.alias)));
    if (node < 0) continue;
    for (uint32_t id : index->names_[node].targets) {
      Target& t = index->targets_[id];
      if (t.kind != TargetKind::kLa || t.gss_codes.size() != 1 || t.gss_codes[0] != row.gss_code) {
        continue;
      }
      t.common_word = true;
      // "Reading", "High Peak", "Three Rivers": every word capitalised, as a place name is.
      for (CaseRule& rule : t.case_rules) {
        if (rule == CaseRule::kAny) rule = CaseRule::kCapitalised;
      }
    }
  }

  // Fuzzy candidates: one-word register names and short names of five letters or more.
  for (const auto& [fold, child] : index->names_[0].children) {
    for (uint32_t id : index->names_[child].targets) {
      const Target& t = index->targets_[id];
      if (t.kind != TargetKind::kLa || t.common_word || t.case_rules.size() != 1 ||
          t.case_rules[0] != CaseRule::kAny) {
        continue;
      }
      std::vector<Token> tokens = Tokenize(fold);
      if (tokens.size() != 1 || !tokens[0].alpha || tokens[0].letters < 5) continue;
      index->fuzzy_[std::string(FirstCharacter(fold))].push_back({fold, id});
      break;
    }
  }

  // Council prefixes and suffixes.
  Target affix;
  affix.kind = TargetKind::kBlocked;
  for (const char* p : kPrefixes) index->AddPhrase(&index->prefixes_, p, affix, false);
  for (const char* s : kSuffixes) index->AddPhrase(&index->suffixes_, s, affix, false);
  *out = std::move(index);
  return Status::OK();
}

}  // namespace minutes::normalize::internal
