#include "extract/literals.h"

#include <algorithm>

namespace minutes {
namespace {

char Lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

// `text` starts with `word`, its ASCII letters in either case.
bool StartsFolded(std::string_view text, std::string_view word) {
  if (text.size() < word.size()) return false;
  for (size_t i = 0; i < word.size(); ++i)
    if (Lower(text[i]) != word[i]) return false;
  return true;
}

// The non-ASCII letters RE2's case folding maps onto ASCII ones (tests/extract/literals_test.cc
// asks RE2 for every code point): a text holding one may match a word with its ASCII letter.
constexpr std::string_view kLongS = "\xC5\xBF";       // U+017F, folds onto 's'
constexpr std::string_view kKelvin = "\xE2\x84\xAA";  // U+212A, folds onto 'k'

template <typename Words>
bool HasFoldedLetter(std::string_view text, const Words& words) {
  const bool long_s = text.find(kLongS) != std::string_view::npos;
  const bool kelvin = text.find(kKelvin) != std::string_view::npos;
  if (!long_s && !kelvin) return false;  // as good as always: the words need not be looked at
  for (std::string_view w : words)
    if ((long_s && w.find('s') != std::string_view::npos) ||
        (kelvin && w.find('k') != std::string_view::npos))
      return true;
  return false;
}

// How rare a byte is in English text, higher rarer: letters by their frequency, anything else
// rarer than any letter.
int Rarity(char c) {
  constexpr std::string_view kByFrequency = "etaoinshrdlcumwfgypbvkjxqz";
  return c >= 'a' && c <= 'z' ? static_cast<int>(kByFrequency.find(c)) : 26;
}

// Whether `text` holds `word` as StartsFolded compares. memchr finds each place the word's rarest
// letter stands, in either case: a text without the word (a megabyte note without "commenced")
// costs two fast passes, not a compare at every byte.
bool ContainsFolded(std::string_view text, std::string_view word) {
  size_t j = 0;
  for (size_t k = 1; k < word.size(); ++k)
    if (Rarity(word[k]) > Rarity(word[j])) j = k;
  const char c = word[j];
  const bool letter = c >= 'a' && c <= 'z';
  for (char anchor : {c, letter ? static_cast<char>(c - 'a' + 'A') : c}) {
    for (size_t i = text.find(anchor, j); i != std::string_view::npos; i = text.find(anchor, i + 1))
      if (StartsFolded(text.substr(i - j), word)) return true;
    if (!letter) break;
  }
  return false;
}

template <typename Words>
bool StartsWithAny(std::string_view text, const Words& words) {
  // RE2's \s is [\t\n\f\r ]; skipping \v as well only lets more texts through.
  size_t i = 0;
  while (i < text.size() && (text[i] == ' ' || (text[i] >= '\t' && text[i] <= '\r'))) ++i;
  size_t longest = 0;
  for (std::string_view w : words) {
    if (StartsFolded(text.substr(i), w)) return true;
    longest = std::max(longest, w.size());
  }
  // A word written with folded letters takes at most three bytes a letter (U+212A does).
  return HasFoldedLetter(text.substr(i, 3 * longest), words);
}

}  // namespace

bool MayContainAny(std::string_view text, std::initializer_list<std::string_view> words) {
  for (std::string_view w : words)
    if (w.empty() || ContainsFolded(text, w)) return true;
  return HasFoldedLetter(text, words);
}

bool MayStartWithAny(std::string_view text, std::initializer_list<std::string_view> words) {
  return StartsWithAny(text, words);
}

bool MayStartWithAny(std::string_view text, const std::vector<std::string_view>& words) {
  return StartsWithAny(text, words);
}

bool HasDigit(std::string_view text) {
  return std::any_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace minutes
