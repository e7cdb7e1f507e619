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

// ASCII whitespace as notes use it between words and lines.
inline bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// `s` without leading and trailing whitespace. When `s` is a view into a text at `*offset`, the
// offset moves with the left edge.
inline std::string_view TrimSpace(std::string_view s, size_t* offset = nullptr) {
  size_t b = 0;
  while (b < s.size() && IsSpace(s[b])) ++b;
  size_t e = s.size();
  while (e > b && IsSpace(s[e - 1])) --e;
  if (offset != nullptr) *offset += b;
  return s.substr(b, e - b);
}

}  // namespace minutes

#endif  // MINUTES_EXTRACT_WORDS_H_
