// Internal to extract: small word helpers shared by the extractors.

#ifndef MINUTES_EXTRACT_WORDS_H_
#define MINUTES_EXTRACT_WORDS_H_

#include <string>
#include <string_view>

namespace minutes {

// ASCII lower case, for matching the English words of labels, roles and units. Names and places
// are folded with ICU in normalize/, never here.
inline std::string AsciiLower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

}  // namespace minutes

#endif  // MINUTES_EXTRACT_WORDS_H_
