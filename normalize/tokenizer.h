// Internal: splits UTF-8 text into folded word tokens for the LA matcher, one pass, byte offsets
// kept.

#ifndef MINUTES_NORMALIZE_TOKENIZER_H_
#define MINUTES_NORMALIZE_TOKENIZER_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace minutes::normalize::internal {

struct Token {
  size_t start = 0;  // byte offsets into the tokenised text
  size_t end = 0;
  std::string fold;          // NFKC case-folded; "&" folds to "and"
  int letters = 0;           // number of letters
  bool alpha = false;        // letters only (no digits)
  bool all_upper = false;    // has letters and none is lower-case ("MK", "KCC", "B")
  bool capitalised = false;  // the first letter is upper- or title-case
  // Between the previous token and this one there is something a name cannot span: a bracket,
  // colon, slash, dash, other punctuation, an invalid UTF-8 byte, two blank lines (one blank line
  // is not a barrier: names wrap across paragraphs in exports), a U+2028/U+2029 separator, or a
  // full stop: a "." after a number or a word of three letters or more (not in "W. Sussex").
  // Always true for the first token.
  bool barrier_before = true;
  // The token opens a line or sentence: first token, or a line break, a full stop (as above) or
  // one of ! ? : ; • before it.
  bool sentence_start = true;
  // The gap before this token is only an apostrophe (possessive "Kent’s" gives "s" with this set).
  bool after_apostrophe = false;
};

// Words are maximal runs of letters, digits and combining marks (format characters such as soft
// hyphens between two word characters are kept and vanish in folding; before or after a word they
// are outside its span); "&" (and fullwidth "＆") is a token of its own. Apostrophes (fold.h's
// IsApostrophe, U+02BC included though Unicode calls it a letter), joining hyphens, commas, white
// space and line breaks are transparent between tokens. Invalid UTF-8 bytes are barriers. Returns
// no tokens for text without a word. Thread-safe.
std::vector<Token> Tokenize(std::string_view text);

}  // namespace minutes::normalize::internal

#endif  // MINUTES_NORMALIZE_TOKENIZER_H_
