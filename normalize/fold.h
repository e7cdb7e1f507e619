// Internal: Unicode folding shared by the normalisers.

#ifndef MINUTES_NORMALIZE_FOLD_H_
#define MINUTES_NORMALIZE_FOLD_H_

#include <string>
#include <string_view>

namespace minutes::normalize::internal {

// NFKC case folding of UTF-8 text (ICU's shared NFKC_Casefold instance; ASCII takes a fast path
// with the same result). Invalid bytes become U+FFFD. Thread-safe.
std::string FoldCase(std::string_view utf8);

// True for the apostrophes people type or word processors produce: ' ’ ‘ ʼ ′ ` ´.
bool IsApostrophe(int c);

// True for hyphens that join words: - ‐ ‑ (not en/em dashes, which separate).
bool IsJoiningHyphen(int c);

// `text` with every run of Unicode white space (including no-break spaces and line breaks) replaced
// by one ASCII space, and leading/trailing space removed.
std::string CollapseSpaces(std::string_view text);

// The first UTF-8 character of `utf8` (its lead byte tells its length), or "" for "". The fuzzy
// index is keyed by it: a misspelling keeps its first letter.
std::string_view FirstCharacter(std::string_view utf8);

}  // namespace minutes::normalize::internal

#endif  // MINUTES_NORMALIZE_FOLD_H_
