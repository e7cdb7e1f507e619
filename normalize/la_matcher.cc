// The LA matcher in two passes. The scan (LaIndex::Scan) tokenises the text and, at each token,
// takes the longest trie match whose case rules hold, extends it over council affixes, else tries a
// coordination or the fuzzy fallback, and records each as a candidate with what the context rules
// need; none of it depends on MatchOptions. The settle pass (LaMentionScan::SettleEach) walks the
// candidates in text order and applies the rules that do: ambiguous aliases, sentence-opening
// common words, fuzzy matches, and the surname rule, which asks whether the name before a common
// word ended the last mention kept.

#include <algorithm>
#include <functional>
#include <optional>
#include <string>
#include <unordered_set>
#include <vector>

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
// Hastings", "Lucy Kent"): one space apart, the first neither a function word, a compass word nor
// an all-capital word. The settle pass adds the last condition, that the first is not the end of an
// LA just kept ("Surrey Kent" is two LAs).
bool SurnameShape(std::string_view text, const std::vector<Token>& tokens, size_t i) {
  if (i == 0 || tokens[i].barrier_before || tokens[i].sentence_start) return false;
  const Token& prev = tokens[i - 1];
  if (!prev.alpha || !prev.capitalised || prev.all_upper || prev.letters < 2) return false;
  if (IsFunctionWord(prev.fold) || IsCompass(prev.fold)) return false;
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

// A scan's candidates are held in blocks of this many (40 KB).
constexpr size_t kCandidatesPerBlock = 1024;

bool Contains(const std::vector<std::string>& v, const std::string& s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

}  // namespace

bool LaIndex::LongestMatch(const TokenTrie& trie, const std::vector<Token>& tokens, size_t i,
                           bool organisation, TrieMatch* match) const {
  // Nodes with targets along the path, deepest last.
  uint32_t path_nodes[16];
  size_t path_ends[16];
  int depth = 0;
  uint32_t node = 0;
  for (size_t j = i; j < tokens.size(); ++j) {
    if (j > i && tokens[j].barrier_before) break;
    node = trie.Child(node, tokens[j].fold);
    if (node == TokenTrie::kNone) break;
    if (trie.has_targets(node) && depth < 16) {
      path_nodes[depth] = node;
      path_ends[depth] = j + 1;
      ++depth;
    }
  }
  for (int d = depth - 1; d >= 0; --d) {
    for (uint32_t id = trie.first_target(path_nodes[d]); id != TokenTrie::kNone;
         id = target_view_[id].next) {
      const Target& t = target_view_[id];
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
  // The first compass word, then the words after the second: "East Sussex".
  uint32_t node = names_.Child(0, tokens[i].fold);
  for (size_t j = i + 3; j < second.end && node != TokenTrie::kNone; ++j) {
    node = names_.Child(node, tokens[j].fold);
  }
  if (node == TokenTrie::kNone) return false;
  for (uint32_t id = names_.first_target(node); id != TokenTrie::kNone;
       id = target_view_[id].next) {
    const Target& t = target_view_[id];
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
    const Target* t = &target_view_[c.target];
    if (best != nullptr && score == best_score &&
        resolution(*best).gss_codes != resolution(*t).gss_codes)
      tie = true;
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

void LaIndex::Scan(std::string_view text, bool organisation, bool fuzzy, LaMentionScan* out) const {
  // The tokens of a long text are scanned a window at a time (all of them at once take ~13 times
  // the text's bytes). A window ends before a token with a barrier before it, and nothing the
  // scan looks at crosses a barrier: a trie walk, a council affix, a coordination, the word after
  // a common word and the name before a surname all stop there, and a window's first token has
  // what it would have had in one pass (the stream carries the gap's state). So each window is
  // scanned exactly as the whole text would be, and the candidates are the same.
  constexpr size_t kWindowTokens = 4096;
  TokenStream stream(text);
  std::vector<Token> tokens;
  Token next;
  bool more = stream.Next(&next);
  if (more) out->first_token_start_ = next.start;
  bool first_window = true;
  while (more) {
    tokens.clear();
    do {
      tokens.push_back(std::move(next));
      more = stream.Next(&next);
    } while (more && (tokens.size() < kWindowTokens || !next.barrier_before));
    ScanWindow(text, tokens, first_window, organisation, fuzzy, out);
    first_window = false;
  }
}

void LaIndex::ScanWindow(std::string_view text, const std::vector<Token>& tokens, bool first_window,
                         bool organisation, bool fuzzy, LaMentionScan* out) const {
  std::vector<std::vector<LaCandidate>>& blocks = out->blocks_;
  auto add = [&](CandidateKind kind, size_t first, size_t end, size_t match_end,
                 const Target* target) -> LaCandidate& {
    LaCandidate c;
    c.kind = kind;
    c.start = tokens[first].start;
    c.end = tokens[end - 1].end;
    c.match_end = tokens[match_end - 1].end;
    c.target = target;
    c.sentence_start = tokens[first].sentence_start;
    const Token& tok = tokens[first];
    c.could_be_initials =
        end - first == 1 && tok.alpha && tok.all_upper && tok.letters >= 2 && tok.letters <= 4;
    // Blocks of a fixed size rather than one buffer grown by doubling: nothing is copied as the
    // scan grows, and a settle that frees the scan frees it a block at a time (LaMentionScan).
    if (blocks.empty()) {
      blocks.emplace_back();  // the first grows as needed: most texts are short
    } else if (blocks.back().size() == kCandidatesPerBlock) {
      blocks.emplace_back().reserve(kCandidatesPerBlock);
    }
    blocks.back().push_back(c);
    return blocks.back().back();
  };

  // Where the scan goes on after a match is the settle pass's to say: kept, after its council
  // suffix; dropped, right after the match ("Sarah Hastings DC": Hastings is a surname and the scan
  // goes on at "DC", unless "Sarah" ended a mention kept). Where the two differ the scan visits
  // both, in increasing order, so its candidates hold both paths; the settle pass follows one and
  // passes over the candidates of the other (they start before where it goes on). Such forks are
  // rare: `forks` holds the positions still to visit, sorted, and is almost always empty.
  std::vector<size_t> forks;
  size_t i = 0;
  while (i < tokens.size()) {
    size_t next = i + 1;  // where the scan goes on
    size_t fork = 0;      // and where else it may, when > next
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
        add(CandidateKind::kCoordinated, i, i + 1, i + 1, t);
      } else if (fuzzy && Fuzzy(tokens, i, &t, &distance)) {
        add(CandidateKind::kFuzzy, i, i + 1, i + 1, t).distance = static_cast<uint8_t>(distance);
      }
    } else if (m.target->kind == TargetKind::kBlocked) {
      const Target& t = *m.target;
      if (first_window && m.first == 0 && t.body) out->leading_body_ = true;
      if (m.end > i + 1) add(CandidateKind::kSkip, i, m.end, m.end, nullptr);
      next = m.end;
    } else {
      const Target& t = *m.target;
      size_t end = m.end;
      if (t.kind == TargetKind::kLa) {
        TrieMatch suffix;
        if (end < tokens.size() && !tokens[end].barrier_before &&
            LongestMatch(suffixes_, tokens, end, organisation, &suffix)) {
          end = suffix.end;
        }
      }
      LaCandidate& c = add(CandidateKind::kMatch, i, end, m.end, &t);
      if (t.common_word && !organisation) {
        // "Sarah Hastings", "Lucy Kent": a person's name, not a place (decided when settled).
        c.surname_shape = SurnameShape(text, tokens, i);
        if (tokens[i].sentence_start && end == m.end && end < tokens.size()) {
          // "Reading the report", "Hart said": a sentence-opening common word followed by a
          // lower-case word is a word, unless the LA takes part and the word is not one that
          // only follows a verb or a noun ("the", "through", "of": "Reading the report" is never
          // Reading).
          const Token& after = tokens[end];
          bool verb_like = !after.barrier_before && !after.sentence_start && after.letters > 0 &&
                           !after.capitalised && !after.after_apostrophe;
          // "Kent and Medway said": a coordination with another LA is a list of places.
          TrieMatch other;
          if (verb_like && (after.fold == "and" || after.fold == "or") && end + 1 < tokens.size() &&
              !tokens[end + 1].barrier_before &&
              LongestMatch(names_, tokens, end + 1, organisation, &other) &&
              other.target->kind != TargetKind::kBlocked) {
            verb_like = false;
          }
          c.verb_like = verb_like;
          c.object_word = verb_like && IsObjectWord(after.fold);
        }
      }
      // Dropped, the scan goes on at m.end; kept, at `end`.
      next = m.end;
      if (end != m.end) fork = end;
    }

    if (fork > next) forks.insert(std::lower_bound(forks.begin(), forks.end(), fork), fork);
    if (!forks.empty() && forks.front() <= next) {
      if (forks.front() < next)
        forks.insert(std::upper_bound(forks.begin(), forks.end(), next), next);
      next = forks.front();
      // Visit each position once.
      while (!forks.empty() && forks.front() == next) forks.erase(forks.begin());
    }
    i = next;
  }
}

}  // namespace minutes::normalize::internal

namespace minutes::normalize {

using internal::BaseConfidence;
using internal::CandidateKind;
using internal::Contains;
using internal::LaCandidate;
using internal::LaIndex;
using internal::Resolution;
using internal::Target;
using internal::TargetKind;

LaMentionScan::LaMentionScan() = default;
LaMentionScan::~LaMentionScan() = default;
LaMentionScan::LaMentionScan(const LaMentionScan&) = default;
LaMentionScan::LaMentionScan(LaMentionScan&&) noexcept = default;
LaMentionScan& LaMentionScan::operator=(const LaMentionScan&) = default;
LaMentionScan& LaMentionScan::operator=(LaMentionScan&&) noexcept = default;

size_t LaMentionScan::size() const {
  size_t n = 0;
  for (const std::vector<LaCandidate>& block : blocks_) n += block.size();
  return n;
}

bool LaMentionScan::empty() const { return blocks_.empty(); }

namespace {

// The settle pass: takes a scan's candidates in text order and hands on the mentions `options`
// keep.
class Settler {
 public:
  Settler(const LaRegister& reg, const LaIndex& index, std::string_view text,
          const MatchOptions& options, const std::function<void(LaMention&&)>& visit)
      : reg_(reg), index_(index), text_(text), options_(options), visit_(visit) {}

  void Take(const LaCandidate& c) {
    if (c.start < at_) return;
    switch (c.kind) {
      case CandidateKind::kSkip:
        at_ = c.match_end;
        return;
      case CandidateKind::kCoordinated:
        visit_(Make(
            c, c.end, *c.target,
            c.target->kind == TargetKind::kGroup ? MatchMethod::kGroup : MatchMethod::kAlias, 0.9));
        at_ = c.end;
        return;
      case CandidateKind::kFuzzy:
        if (options_.fuzzy)
          visit_(Make(c, c.end, *c.target, MatchMethod::kFuzzy, c.distance == 1 ? 0.8 : 0.7));
        at_ = c.end;
        return;
      case CandidateKind::kMatch:
        break;
    }
    at_ = c.match_end;  // unless kept
    const Target& t = *c.target;
    bool from_context = false;
    std::optional<std::string> settled;
    if (t.kind == TargetKind::kAmbiguous) {
      settled = reg_.SettleInArea(index_.resolution(t).gss_codes, options_, t.also_acronym);
      if (!settled) {
        // Reported only on request, and never when it may be a sector acronym ("PCC").
        if (options_.keep_ambiguous && !t.also_acronym) {
          LaMention m = Make(c, c.match_end, t, t.method, 0.3);
          m.ambiguous = true;
          visit_(std::move(m));
        }
        return;
      }
      from_context = true;
    }
    // "Sarah Hastings", "Lucy Kent": a person's name, not a place; but "Surrey Kent" is two LAs.
    if (c.surname_shape && last_kept_ != c.start - 1) return;
    if (c.verb_like) {
      if (!Contains(options_.expected_gss_codes, index_.resolution(t).gss_codes[0]) ||
          c.object_word)
        return;
      from_context = true;
    }
    double confidence = BaseConfidence(t.method);
    if (from_context) confidence = std::min(confidence, 0.7);
    LaMention m = Make(c, c.end, t, t.method, confidence);
    m.from_context = from_context;
    if (settled) {
      const LocalAuthority* la = reg_.FindByCode(*settled);
      m.canonical_name = la != nullptr ? la->name : *settled;
      m.gss_codes = {*settled};
    }
    visit_(std::move(m));
    last_kept_ = c.end;
    at_ = c.end;
  }

 private:
  LaMention Make(const LaCandidate& c, size_t end, const Target& t, MatchMethod method,
                 double confidence) const {
    LaMention m;
    m.start = c.start;
    m.end = end;
    m.text = std::string(text_.substr(m.start, m.end - m.start));
    const Resolution& resolution = index_.resolution(t);
    m.gss_codes = resolution.gss_codes;
    m.canonical_name = resolution.canonical_name;
    m.method = method;
    m.confidence = confidence;
    m.common_word = t.common_word;
    m.sentence_start = c.sentence_start;
    if (c.could_be_initials) {
      m.could_be_initials = true;
      m.confidence = std::min(m.confidence, 0.6);
    }
    return m;
  }

  const LaRegister& reg_;
  const LaIndex& index_;  // reg_'s
  std::string_view text_;
  const MatchOptions& options_;
  const std::function<void(LaMention&&)>& visit_;
  size_t at_ = 0;  // where the scan goes on: a candidate starting before it is on another path
  size_t last_kept_ = std::string_view::npos;  // the end of the last trie match kept
};

}  // namespace

void LaMentionScan::SettleEach(const MatchOptions& options,
                               const std::function<void(LaMention&&)>& visit) const& {
  if (register_ == nullptr) return;
  Settler settler(*register_, *register_->index_, text_, options, visit);
  for (const std::vector<LaCandidate>& block : blocks_)
    for (const LaCandidate& c : block) settler.Take(c);
}

void LaMentionScan::SettleEach(const MatchOptions& options,
                               const std::function<void(LaMention&&)>& visit) && {
  if (register_ != nullptr) {
    Settler settler(*register_, *register_->index_, text_, options, visit);
    for (std::vector<LaCandidate>& block : blocks_) {
      for (const LaCandidate& c : block) settler.Take(c);
      std::vector<LaCandidate>().swap(block);  // back to the heap for the mentions being made
    }
  }
  std::vector<std::vector<LaCandidate>>().swap(blocks_);
}

std::vector<LaMention> LaMentionScan::Settle(const MatchOptions& options) const& {
  std::vector<LaMention> mentions;
  mentions.reserve(size());  // at most one each; not grown by doubling
  SettleEach(options, [&mentions](LaMention&& m) { mentions.push_back(std::move(m)); });
  return mentions;
}

std::vector<LaMention> LaMentionScan::Settle(const MatchOptions& options) && {
  std::vector<LaMention> mentions;
  mentions.reserve(size());
  std::move(*this).SettleEach(options,
                              [&mentions](LaMention&& m) { mentions.push_back(std::move(m)); });
  return mentions;
}

}  // namespace minutes::normalize
