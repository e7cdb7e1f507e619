// Internal to extract: cheap tests of whether a text can hold the words a pattern needs, so that a
// pattern is compiled and run only on text it might match.
//
//   // "\bnext\s+meeting" cannot match a text without "next" in it:
//   if (MayContain(para, "next") && RE2::PartialMatch(para, NextSentence())) ...
//
// Compiling an RE2 costs far more than searching a short text for a word (a case-insensitive
// alternation of dates, 1 M instructions; a one-line note, 43 M instructions in all), and most
// notes never need most patterns. A guard must be implied by its pattern: every text the pattern
// matches holds one of the guard's words, so skipping the pattern on a text without them changes
// no result. Each use says why its words are implied.
//
// The words compare as RE2's case-insensitive matching ((?i)) compares them: ASCII letters in
// either case; and since RE2 folds two non-ASCII letters onto ASCII ones, U+017F (long s, "ſ") onto
// 's' and U+212A (Kelvin sign) onto 'k', a text holding either is taken to hold any word with that
// letter. Used on a case-sensitive pattern, a guard is only more permissive than it needs to be.
// "May" because a true answer says nothing about whether the pattern matches; false says that no
// pattern needing the words can match. Thread-safe (no state).

#ifndef MINUTES_EXTRACT_LITERALS_H_
#define MINUTES_EXTRACT_LITERALS_H_

#include <initializer_list>
#include <string_view>
#include <vector>

namespace minutes {

// Whether `text` may contain one of `words` (each non-empty, its letters lower-case ASCII; other
// bytes, UTF-8 included, compare exactly). One pass over `text`, stopping at the first word found.
bool MayContainAny(std::string_view text, std::initializer_list<std::string_view> words);

inline bool MayContain(std::string_view text, std::string_view word) {
  return MayContainAny(text, {word});
}

// Whether `text`, after any leading ASCII whitespace, may start with one of `words` (as above):
// the guard of a pattern anchored at the start ("^\s*(?:item|minute)").
bool MayStartWithAny(std::string_view text, std::initializer_list<std::string_view> words);
bool MayStartWithAny(std::string_view text, const std::vector<std::string_view>& words);

// Whether `text` holds an ASCII digit, which RE2's \d and [0-9] need (they match no other).
bool HasDigit(std::string_view text);

}  // namespace minutes

#endif  // MINUTES_EXTRACT_LITERALS_H_
