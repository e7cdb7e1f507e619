// Internal: string similarity for the LA matcher's fuzzy fallback.

#ifndef MINUTES_NORMALIZE_FUZZY_H_
#define MINUTES_NORMALIZE_FUZZY_H_

#include <string_view>

namespace minutes::normalize::internal {

// Jaro-Winkler similarity in [0, 1] of two UTF-8 strings, by code point (prefix scale 0.1, up to
// 4).
double JaroWinkler(std::string_view a, std::string_view b);

// Optimal-string-alignment Damerau-Levenshtein distance by code point (a transposition counts 1).
// Stops early and returns limit + 1 once the distance must exceed `limit`.
int EditDistance(std::string_view a, std::string_view b, int limit);

}  // namespace minutes::normalize::internal

#endif  // MINUTES_NORMALIZE_FUZZY_H_
