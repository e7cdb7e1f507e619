#include "normalize/tokenizer.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <array>

#include "normalize/fold.h"

namespace minutes::normalize::internal {

namespace {

// ASCII letters and digits, as a table: this runs once per byte of every note.
constexpr std::array<bool, 128> kAsciiWord = [] {
  std::array<bool, 128> t{};
  for (int c = 'a'; c <= 'z'; ++c) t[c] = true;
  for (int c = 'A'; c <= 'Z'; ++c) t[c] = true;
  for (int c = '0'; c <= '9'; ++c) t[c] = true;
  return t;
}();

inline bool IsWordChar(UChar32 c) {
  if (c < 0) return false;
  if (c < 0x80) return kAsciiWord[c];
  // U+02BC (modifier letter apostrophe) is a letter to Unicode, but in English notes it is typed
  // as an apostrophe ("Kentʼs"), and apostrophes separate tokens.
  if (IsApostrophe(c)) return false;
  int8_t type = u_charType(c);
  return u_isalnum(c) || type == U_NON_SPACING_MARK || type == U_COMBINING_SPACING_MARK ||
         type == U_ENCLOSING_MARK;
}

inline bool IsInWordFormat(UChar32 c) { return c >= 0x80 && u_charType(c) == U_FORMAT_CHAR; }

}  // namespace

std::vector<Token> Tokenize(std::string_view text) {
  std::vector<Token> tokens;
  tokens.reserve(text.size() / 5 + 8);  // about one word per five or six bytes of prose
  TokenStream stream(text);
  Token t;
  while (stream.Next(&t)) tokens.push_back(std::move(t));
  return tokens;
}

// Judges the gap before `t` (the same way for words and "&"), then starts the next gap.
void TokenStream::CloseGap(Token* t) {
  if (pending_dot_) {
    // "W. Sussex", "St. Helens": a dot after a short word is an abbreviation, not a full stop.
    if (count_ == 0 || prev_letters_ > 2 || !prev_alpha_) {
      barrier_ = true;
      sentence_ = true;
    }
  }
  // One paragraph break (a blank line) is no barrier: a name can wrap onto the next line of
  // an export ("... Surrey, West" / "Berkshire), and ..."). Punctuation still is one, and so
  // are two blank lines.
  t->barrier_before = count_ == 0 || barrier_ || newlines_ >= 3;
  t->sentence_start = count_ == 0 || sentence_ || newlines_ > 0;
  t->after_apostrophe = !gap_empty_ && only_apostrophe_;
  barrier_ = false;
  sentence_ = false;
  newlines_ = 0;
  only_apostrophe_ = true;
  gap_empty_ = true;
  pending_dot_ = false;
  ++count_;
  prev_letters_ = t->letters;
  prev_alpha_ = t->alpha;
}

bool TokenStream::Next(Token* out) {
  const std::string_view text = text_;
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  const int32_t n = static_cast<int32_t>(text.size());
  int32_t& i = i_;
  while (i < n) {
    int32_t begin = i;
    UChar32 c;
    U8_NEXT(s, i, n, c);
    if (IsWordChar(c)) {
      Token t;
      t.start = static_cast<size_t>(begin);
      bool first_letter_seen = false;
      bool has_lower = false;
      bool has_digit = false;
      int32_t end = i;
      UChar32 cur = c;
      for (;;) {
        if (cur < 0x80) {  // ASCII fast path
          bool upper = cur >= 'A' && cur <= 'Z';
          if (upper || (cur >= 'a' && cur <= 'z')) {
            ++t.letters;
            if (!first_letter_seen) {
              first_letter_seen = true;
              t.capitalised = upper;
            }
            if (!upper) has_lower = true;
          } else {
            has_digit = true;
          }
        } else if (u_isalpha(cur)) {
          ++t.letters;
          if (!first_letter_seen) {
            first_letter_seen = true;
            t.capitalised = u_isupper(cur) || u_istitle(cur);
          }
          if (u_islower(cur)) has_lower = true;
        } else if (u_isdigit(cur)) {
          has_digit = true;
        }
        // The next character, past format characters: they belong to the word only between two
        // word characters, so a trailing soft hyphen stays out of the token's span.
        int32_t next = end;
        UChar32 d = -1;
        do {
          if (next >= n) {
            d = -1;
            break;
          }
          d = s[next];
          if (d < 0x80) {
            ++next;
          } else {
            U8_NEXT(s, next, n, d);
          }
        } while (IsInWordFormat(d));
        if (!IsWordChar(d)) break;
        cur = d;
        end = next;
      }
      i = end;
      t.end = static_cast<size_t>(end);
      t.alpha = t.letters > 0 && !has_digit;
      t.all_upper = t.letters > 0 && !has_lower;
      t.fold = FoldCase(text.substr(t.start, t.end - t.start));
      CloseGap(&t);
      *out = std::move(t);
      return true;
    }
    if (c == '&' || c == 0xFF06) {
      Token t;
      t.start = static_cast<size_t>(begin);
      t.end = static_cast<size_t>(i);
      t.fold = "and";
      t.alpha = true;
      t.letters = 0;
      CloseGap(&t);  // "Brighton. & Hove" is two sentences, as "Brighton. and Hove" is
      *out = std::move(t);
      return true;
    }
    gap_empty_ = false;
    if (c < 0) {
      barrier_ = true;
      only_apostrophe_ = false;
      continue;
    }
    if (IsApostrophe(c)) continue;
    only_apostrophe_ = false;
    if (c == '\n' || c == 0x2028 || c == 0x2029) {
      ++newlines_;
      if (c != '\n') newlines_ = 3;
      continue;
    }
    if (c == ' ' || c == '\t' || c == '\r' || c == ',' || IsJoiningHyphen(c)) continue;
    if (c >= 0x80 && (u_isUWhiteSpace(c) || IsInWordFormat(c))) continue;
    if (c == '.') {
      if (pending_dot_) barrier_ = true;  // "..": an ellipsis
      pending_dot_ = true;
      continue;
    }
    barrier_ = true;
    if (c == '!' || c == '?' || c == ':' || c == ';' || c == 0x2022) sentence_ = true;
  }
  return false;
}

}  // namespace minutes::normalize::internal
