// Internal: splits UTF-8 text into folded word tokens for the LA matcher, one pass, byte offsets
// kept.

#ifndef MINUTES_NORMALIZE_TOKENIZER_H_
#define MINUTES_NORMALIZE_TOKENIZER_H_

#include <cstddef>
#include <cstdint>
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

// Tokenize's tokens one at a time, in the same order with the same fields, so a scan over a long
// text holds only the tokens it is looking at (all of a 48 MB note's tokens take ~13 times its
// bytes). Keeps a view of `text`: the text must outlive the stream. Not thread-safe; cheap.
class TokenStream {
 public:
  explicit TokenStream(std::string_view text) : text_(text) {}

  // Stores the next token in *t and returns true; returns false at the end of the text.
  bool Next(Token* t);

 private:
  void CloseGap(Token* t);

  std::string_view text_;
  int32_t i_ = 0;  // the next byte to read
  // The gap since the previous token.
  bool barrier_ = true;
  bool sentence_ = true;
  int newlines_ = 0;
  bool only_apostrophe_ = true;
  bool gap_empty_ = true;
  bool pending_dot_ = false;  // a "." in the gap, judged when the previous token's length is known
  // The tokens so far: how many, and what the gap's full stop is judged by.
  size_t count_ = 0;
  int prev_letters_ = 0;
  bool prev_alpha_ = false;
};

}  // namespace minutes::normalize::internal

#endif  // MINUTES_NORMALIZE_TOKENIZER_H_
