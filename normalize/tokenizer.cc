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
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  const int32_t n = static_cast<int32_t>(text.size());
  int32_t i = 0;

  // State of the gap since the previous token.
  bool barrier = true;
  bool sentence = true;
  int newlines = 0;
  bool only_apostrophe = true;
  bool gap_empty = true;
  bool pending_dot = false;  // a "." in the gap, judged when the previous token's length is known

  // Judges the gap before `t` (the same way for words and "&"), then starts the next gap.
  auto close_gap = [&](Token* t) {
    if (pending_dot) {
      // "W. Sussex", "St. Helens": a dot after a short word is an abbreviation, not a full stop.
      if (tokens.empty() || tokens.back().letters > 2 || !tokens.back().alpha) {
        barrier = true;
        sentence = true;
      }
    }
    // One paragraph break (a blank line) is no barrier: a name can wrap onto the next line of
    // an export ("... Surrey, West" / "Berkshire), and ..."). Punctuation still is one, and so
    // are two blank lines.
    t->barrier_before = tokens.empty() || barrier || newlines >= 3;
    t->sentence_start = tokens.empty() || sentence || newlines > 0;
    t->after_apostrophe = !gap_empty && only_apostrophe;
    barrier = false;
    sentence = false;
    newlines = 0;
    only_apostrophe = true;
    gap_empty = true;
    pending_dot = false;
  };

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
      close_gap(&t);
      tokens.push_back(std::move(t));
      continue;
    }
    if (c == '&' || c == 0xFF06) {
      Token t;
      t.start = static_cast<size_t>(begin);
      t.end = static_cast<size_t>(i);
      t.fold = "and";
      t.alpha = true;
      t.letters = 0;
      close_gap(&t);  // "Brighton. & Hove" is two sentences, as "Brighton. and Hove" is
      tokens.push_back(std::move(t));
      continue;
    }
    gap_empty = false;
    if (c < 0) {
      barrier = true;
      only_apostrophe = false;
      continue;
    }
    if (IsApostrophe(c)) continue;
    only_apostrophe = false;
    if (c == '\n' || c == 0x2028 || c == 0x2029) {
      ++newlines;
      if (c != '\n') newlines = 3;
      continue;
    }
    if (c == ' ' || c == '\t' || c == '\r' || c == ',' || IsJoiningHyphen(c)) continue;
    if (c >= 0x80 && (u_isUWhiteSpace(c) || IsInWordFormat(c))) continue;
    if (c == '.') {
      if (pending_dot) barrier = true;  // "..": an ellipsis
      pending_dot = true;
      continue;
    }
    barrier = true;
    if (c == '!' || c == '?' || c == ':' || c == ';' || c == 0x2022) sentence = true;
  }
  return tokens;
}

}  // namespace minutes::normalize::internal
