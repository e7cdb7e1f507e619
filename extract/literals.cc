#include "extract/literals.h"

#include <algorithm>
#include <array>

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
  bool s = false, k = false;
  for (std::string_view w : words) {
    s = s || w.find('s') != std::string_view::npos;
    k = k || w.find('k') != std::string_view::npos;
  }
  return (s && text.find(kLongS) != std::string_view::npos) ||
         (k && text.find(kKelvin) != std::string_view::npos);
}

template <typename Words>
bool StartsWithAny(std::string_view text, const Words& words) {
  // RE2's \s is [\t\n\f\r ]; skipping \v as well only lets more texts through.
  size_t i = 0;
  while (i < text.size() && (text[i] == ' ' || (text[i] >= '\t' && text[i] <= '\r'))) ++i;
  for (std::string_view w : words)
    if (StartsFolded(text.substr(i), w)) return true;
  return HasFoldedLetter(text, words);
}

}  // namespace

bool MayContainAny(std::string_view text, std::initializer_list<std::string_view> words) {
  // Only bytes that can start a word are looked at twice.
  std::array<bool, 256> starts{};
  for (std::string_view w : words) {
    if (w.empty()) return true;
    starts[static_cast<unsigned char>(w[0])] = true;
    if (w[0] >= 'a' && w[0] <= 'z') starts[static_cast<unsigned char>(w[0] - 'a' + 'A')] = true;
  }
  for (size_t i = 0; i < text.size(); ++i) {
    if (!starts[static_cast<unsigned char>(text[i])]) continue;
    for (std::string_view w : words)
      if (StartsFolded(text.substr(i), w)) return true;
  }
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
