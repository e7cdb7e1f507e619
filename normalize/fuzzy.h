// Internal: string similarity for the LA matcher's fuzzy fallback.
//
//   EditDistance("oxfordshre", "oxfordshire", 2) == 1
//   JaroWinkler("oxfordshre", "oxfordshire") >= 0.94
//
// Both compare code points exactly as given: fold first (FoldCase) for case-insensitive results.
// An invalid UTF-8 sequence counts as one U+FFFD, as FoldCase decodes it. Both are pure functions,
// thread-safe, and cost O(|a| * |b|) time and O(|a| + |b|) space.

#ifndef MINUTES_NORMALIZE_FUZZY_H_
#define MINUTES_NORMALIZE_FUZZY_H_

#include <string_view>

namespace minutes::normalize::internal {

// Jaro-Winkler similarity in [0, 1] of two UTF-8 strings, by code point: the Jaro similarity
// (matches within half the longer length minus one, half-transpositions) raised by 0.1 per
// character of common prefix, up to 4, with no boost threshold. 1.0 for two empty strings, 0.0
// when exactly one is empty or nothing matches. Symmetric.
double JaroWinkler(std::string_view a, std::string_view b);

// Optimal-string-alignment Damerau-Levenshtein distance by code point: insertions, deletions,
// substitutions and transpositions of adjacent characters cost 1, and no substring is edited
// twice (so "CA" -> "ABC" is 3, not 2). `limit` >= 0 is the largest distance the caller cares
// about: returns min(distance, limit + 1), stopping early (length difference, or a whole row of
// the table) once the distance must exceed `limit`.
int EditDistance(std::string_view a, std::string_view b, int limit);

}  // namespace minutes::normalize::internal

#endif  // MINUTES_NORMALIZE_FUZZY_H_
