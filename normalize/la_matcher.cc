// The one-pass LA scan: tokenise, then at each token take the longest trie match whose case rules
// hold, apply context rules, extend over council affixes, else try a coordination or the fuzzy
// fallback.

#include <algorithm>
#include <optional>
#include <string>
#include <unordered_set>

#include "normalize/fold.h"
#include "normalize/fuzzy.h"
#include "normalize/la_index.h"

namespace minutes::normalize::internal {

namespace {

bool IsCompass(const std::string& fold) {
  return fold == "north" || fold == "south" || fold == "east" || fold == "west" || fold == "n" ||
         fold == "s" || fold == "e" || fold == "w";
}

// Capitalised words that may precede a place name without making it look like a person's surname.
bool IsFunctionWord(const std::string& fold) {
  static const std::unordered_set<std::string> kWords = {
      "the",   "in",    "at",    "from",      "for",     "to",   "of",    "and",
      "with",  "by",    "on",    "across",    "between", "both", "all",   "our",
      "their", "whole", "wider", "including", "cc",      "re",   "and/or"};
  return kWords.count(fold) > 0;
}

// Words that follow a verb or a noun but not a council as a subject: a sentence-opening "Reading
// the report", "Bury them", "Reading through" is the verb, even where the LA takes part.
bool IsObjectWord(const std::string& fold) {
  static const std::unordered_set<std::string> kWords = {
      "the",   "a",     "an",   "this", "that",    "these", "those", "his",  "her",
      "their", "our",   "my",   "your", "its",     "it",    "them",  "him",  "me",
      "us",    "of",    "into", "over", "through", "up",    "out",   "down", "back",
      "about", "every", "each", "some", "any",     "all",   "more",  "ahead"};
  return kWords.count(fold) > 0;
}

// True when tokens[i] reads as the surname of a capitalised first name right before it ("Sarah
// Hastings", "Lucy Kent"): one space apart, the first neither a function word, a compass word, an
// all-capital word nor the end of an LA just matched ("Surrey Kent" is two LAs).
bool LooksLikeSurname(std::string_view text, const std::vector<Token>& tokens, size_t i,
                      size_t last_end) {
  if (i == 0 || tokens[i].barrier_before || tokens[i].sentence_start) return false;
  const Token& prev = tokens[i - 1];
  if (!prev.alpha || !prev.capitalised || prev.all_upper || prev.letters < 2) return false;
  if (IsFunctionWord(prev.fold) || IsCompass(prev.fold) || (last_end == i && i > 0)) return false;
  return text.substr(prev.end, tokens[i].start - prev.end) == " ";
}

bool RulesHold(const Target& t, const std::vector<Token>& tokens, size_t first, bool organisation) {
  for (size_t k = 0; k < t.case_rules.size(); ++k) {
    const Token& tok = tokens[first + k];
    if (tok.letters == 0) continue;
    switch (t.case_rules[k]) {
      case CaseRule::kAny:
        break;
      case CaseRule::kCapitalised:
        if (!organisation && !tok.capitalised) return false;
        break;
      case CaseRule::kUpper:
        if (!tok.all_upper) return false;
        break;
    }
  }
  return true;
}

double BaseConfidence(MatchMethod method) {
  switch (method) {
    case MatchMethod::kExact:
      return 1.0;
    case MatchMethod::kAlias:
      return 0.95;
    case MatchMethod::kGroup:
      return 0.9;
    case MatchMethod::kFuzzy:
      return 0.8;
  }
  return 0.0;
}

bool Contains(const std::vector<std::string>& v, const std::string& s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

}  // namespace

bool LaIndex::LongestMatch(const std::vector<TrieNode>& trie, const std::vector<Token>& tokens,
                           size_t i, bool organisation, TrieMatch* match) const {
  // Nodes with targets along the path, deepest last.
  uint32_t path_nodes[16];
  size_t path_ends[16];
  int depth = 0;
  uint32_t node = 0;
  for (size_t j = i; j < tokens.size(); ++j) {
    if (j > i && tokens[j].barrier_before) break;
    auto it = trie[node].children.find(tokens[j].fold);
    if (it == trie[node].children.end()) break;
    node = it->second;
    if (!trie[node].targets.empty() && depth < 16) {
      path_nodes[depth] = node;
      path_ends[depth] = j + 1;
      ++depth;
    }
  }
  for (int d = depth - 1; d >= 0; --d) {
    for (uint32_t id : trie[path_nodes[d]].targets) {
      const Target& t = targets_[id];
      if (RulesHold(t, tokens, i, organisation)) {
        match->first = i;
        match->end = path_ends[d];
        match->target = &t;
        return true;
      }
    }
  }
  return false;
}

bool LaIndex::Coordinated(const std::vector<Token>& tokens, size_t i, bool organisation,
                          const Target** target) const {
  // "East and West Sussex": the first compass word stands for "East Sussex".
  if (i + 2 >= tokens.size() || !IsCompass(tokens[i].fold)) return false;
  const Token& conj = tokens[i + 1];
  if (conj.barrier_before || (conj.fold != "and" && conj.fold != "or")) return false;
  if (tokens[i + 2].barrier_before || !IsCompass(tokens[i + 2].fold)) return false;
  TrieMatch second;
  if (!LongestMatch(names_, tokens, i + 2, organisation, &second)) return false;
  if (second.end - second.first < 2) return false;
  if (second.target->kind != TargetKind::kLa && second.target->kind != TargetKind::kGroup) {
    return false;
  }
  std::vector<std::string> folds = {tokens[i].fold};
  for (size_t j = i + 3; j < second.end; ++j) folds.push_back(tokens[j].fold);
  int node = Walk(folds);
  if (node < 0) return false;
  for (uint32_t id : names_[node].targets) {
    const Target& t = targets_[id];
    if (t.kind != TargetKind::kLa && t.kind != TargetKind::kGroup) continue;
    CaseRule rule = t.case_rules[0];
    const Token& tok = tokens[i];
    if (rule == CaseRule::kUpper && !tok.all_upper) continue;
    if (rule == CaseRule::kCapitalised && !tok.capitalised && !organisation) continue;
    *target = &t;
    return true;
  }
  return false;
}

bool LaIndex::Fuzzy(const std::vector<Token>& tokens, size_t i, const Target** target,
                    int* distance) const {
  const Token& tok = tokens[i];
  if (!tok.alpha || !tok.capitalised || tok.all_upper || tok.letters < 5) return false;
  // Next to another capitalised word it looks like part of a person's name ("Sam Barnes").
  if (i > 0 && !tok.barrier_before && !tok.sentence_start && tokens[i - 1].capitalised &&
      tokens[i - 1].letters > 0 && !IsFunctionWord(tokens[i - 1].fold)) {
    return false;
  }
  if (i + 1 < tokens.size()) {
    const Token& next = tokens[i + 1];
    TrieMatch suffix;
    if (!next.barrier_before && !next.sentence_start && next.capitalised && next.letters > 0 &&
        !LongestMatch(suffixes_, tokens, i + 1, false, &suffix)) {
      return false;
    }
  }
  auto it = fuzzy_.find(std::string(FirstCharacter(tok.fold)));
  if (it == fuzzy_.end()) return false;
  const int limit = tok.letters >= 8 ? 2 : 1;
  const Target* best = nullptr;
  double best_score = 0.0;
  int best_distance = 0;
  bool tie = false;
  for (const FuzzyCandidate& c : it->second) {
    int len_diff = static_cast<int>(c.fold.size()) - static_cast<int>(tok.fold.size());
    if (len_diff > limit || -len_diff > limit) continue;
    int d = EditDistance(tok.fold, c.fold, limit);
    if (d > limit || d == 0) continue;
    double score = JaroWinkler(tok.fold, c.fold);
    if (score < 0.94) continue;
    const Target* t = &targets_[c.target];
    if (best != nullptr && score == best_score && best->gss_codes != t->gss_codes) tie = true;
    if (score > best_score) {
      best = t;
      best_score = score;
      best_distance = d;
      tie = false;
    }
  }
  if (best == nullptr || tie) return false;
  *target = best;
  *distance = best_distance;
  return true;
}

LaIndex::ScanResult LaIndex::Scan(const LaRegister& reg, std::string_view text,
                                  const MatchOptions& options, bool organisation) const {
  ScanResult result;
  // The tokens of a long text are scanned a window at a time (all of them at once take ~13 times
  // the text's bytes). A window ends before a token with a barrier before it, and nothing the
  // scan looks at crosses a barrier: a trie walk, a council affix, a coordination, the word after
  // a common word and the name before a surname all stop there, and a window's first token has
  // what it would have had in one pass (the stream carries the gap's state). So each window is
  // scanned exactly as the whole text would be, and the mentions are the same.
  constexpr size_t kWindowTokens = 4096;
  TokenStream stream(text);
  std::vector<Token> tokens;
  Token next;
  bool more = stream.Next(&next);
  if (more) result.first_token_start = next.start;
  bool first_window = true;
  while (more) {
    tokens.clear();
    do {
      tokens.push_back(std::move(next));
      more = stream.Next(&next);
    } while (more && (tokens.size() < kWindowTokens || !next.barrier_before));
    ScanWindow(reg, text, tokens, first_window, options, organisation, &result);
    first_window = false;
  }
  return result;
}

void LaIndex::ScanWindow(const LaRegister& reg, std::string_view text,
                         const std::vector<Token>& tokens, bool first_window,
                         const MatchOptions& options, bool organisation, ScanResult* out) const {
  ScanResult& result = *out;
  auto emit = [&](size_t first, size_t end, const Target& t, MatchMethod method,
                  double confidence) {
    LaMention m;
    m.start = tokens[first].start;
    m.end = tokens[end - 1].end;
    m.text = std::string(text.substr(m.start, m.end - m.start));
    m.gss_codes = t.gss_codes;
    m.canonical_name = t.canonical_name;
    m.method = method;
    m.confidence = confidence;
    m.common_word = t.common_word;
    m.sentence_start = tokens[first].sentence_start;
    const Token& tok = tokens[first];
    if (end - first == 1 && tok.alpha && tok.all_upper && tok.letters >= 2 && tok.letters <= 4) {
      m.could_be_initials = true;
      m.confidence = std::min(m.confidence, 0.6);
    }
    result.mentions.push_back(std::move(m));
    return &result.mentions.back();
  };

  size_t i = 0;
  size_t last_end = 0;  // one past the last token of the last LA emitted, 0 before any
  while (i < tokens.size()) {
    TrieMatch m;
    bool found = LongestMatch(names_, tokens, i, organisation, &m);
    TrieMatch prefix;
    if (LongestMatch(prefixes_, tokens, i, organisation, &prefix) && prefix.end < tokens.size() &&
        !tokens[prefix.end].barrier_before) {
      TrieMatch after;
      if (LongestMatch(names_, tokens, prefix.end, organisation, &after) &&
          after.target->kind == TargetKind::kLa && (!found || after.end > m.end)) {
        m = after;
        m.first = i;
        found = true;
      }
    }

    if (!found) {
      const Target* t = nullptr;
      int distance = 0;
      if (Coordinated(tokens, i, organisation, &t)) {
        emit(i, i + 1, *t,
             t->kind == TargetKind::kGroup ? MatchMethod::kGroup : MatchMethod::kAlias, 0.9);
      } else if (options.fuzzy && Fuzzy(tokens, i, &t, &distance)) {
        emit(i, i + 1, *t, MatchMethod::kFuzzy, distance == 1 ? 0.8 : 0.7);
      }
      ++i;
      continue;
    }

    const Target& t = *m.target;
    if (t.kind == TargetKind::kBlocked) {
      if (first_window && m.first == 0 && t.body) result.leading_body = true;
      i = m.end;
      continue;
    }

    size_t end = m.end;
    if (t.kind == TargetKind::kLa) {
      TrieMatch suffix;
      if (end < tokens.size() && !tokens[end].barrier_before &&
          LongestMatch(suffixes_, tokens, end, organisation, &suffix)) {
        end = suffix.end;
      }
    }

    bool from_context = false;
    const Target* resolved = &t;
    Target chosen;
    if (t.kind == TargetKind::kAmbiguous) {
      std::optional<std::string> settled = reg.SettleInArea(t.gss_codes, options, t.also_acronym);
      if (!settled) {
        // Reported only on request, and never when it may be a sector acronym ("PCC").
        if (options.keep_ambiguous && !t.also_acronym) {
          LaMention* out = emit(m.first, m.end, t, t.method, 0.3);
          out->ambiguous = true;
        }
        i = m.end;
        continue;
      }
      chosen = t;
      chosen.gss_codes = {*settled};
      const LocalAuthority* la = reg.FindByCode(*settled);
      chosen.canonical_name = la != nullptr ? la->name : *settled;
      resolved = &chosen;
      from_context = true;
    }

    if (t.common_word && !organisation && LooksLikeSurname(text, tokens, m.first, last_end)) {
      i = m.end;  // "Sarah Hastings", "Lucy Kent": a person's name, not a place
      continue;
    }
    if (t.common_word && !organisation && tokens[m.first].sentence_start && end == m.end &&
        end < tokens.size()) {
      // "Reading the report", "Hart said": a sentence-opening common word followed by a lower-case
      // word is a word, unless the LA takes part and the word is not one that only follows a verb
      // or a noun ("the", "through", "of": "Reading the report" is never Reading).
      const Token& next = tokens[end];
      bool verb_like = !next.barrier_before && !next.sentence_start && next.letters > 0 &&
                       !next.capitalised && !next.after_apostrophe;
      // "Kent and Medway said": a coordination with another LA is a list of places.
      TrieMatch other;
      if (verb_like && (next.fold == "and" || next.fold == "or") && end + 1 < tokens.size() &&
          !tokens[end + 1].barrier_before &&
          LongestMatch(names_, tokens, end + 1, organisation, &other) &&
          other.target->kind != TargetKind::kBlocked) {
        verb_like = false;
      }
      if (verb_like) {
        if (!Contains(options.expected_gss_codes, t.gss_codes[0]) || IsObjectWord(next.fold)) {
          i = m.end;
          continue;
        }
        from_context = true;
      }
    }

    double confidence = BaseConfidence(resolved->method);
    if (from_context) confidence = std::min(confidence, 0.7);
    LaMention* out = emit(m.first, end, *resolved, resolved->method, confidence);
    out->from_context = from_context;
    last_end = end;
    i = end;
  }
}

}  // namespace minutes::normalize::internal
