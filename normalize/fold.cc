#include "normalize/fold.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>

namespace minutes::normalize::internal {

std::string FoldCase(std::string_view utf8) {
  bool ascii = true;
  for (unsigned char c : utf8) {
    if (c >= 0x80) {
      ascii = false;
      break;
    }
  }
  if (ascii) {
    std::string out(utf8);
    for (char& c : out) {
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return out;
  }
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* folder = icu::Normalizer2::getNFKCCasefoldInstance(status);
  icu::UnicodeString src = icu::UnicodeString::fromUTF8(
      icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  if (U_FAILURE(status)) return std::string(utf8);
  icu::UnicodeString folded = folder->normalize(src, status);
  if (U_FAILURE(status)) return std::string(utf8);
  std::string out;
  folded.toUTF8String(out);
  return out;
}

bool IsApostrophe(int c) {
  return c == '\'' || c == 0x2019 || c == 0x2018 || c == 0x02BC || c == 0x2032 || c == '`' ||
         c == 0x00B4;
}

bool IsJoiningHyphen(int c) { return c == '-' || c == 0x2010 || c == 0x2011; }

std::string CollapseSpaces(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool pending_space = false;
  int32_t i = 0;
  const int32_t n = static_cast<int32_t>(text.size());
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  while (i < n) {
    int32_t begin = i;
    UChar32 c;
    U8_NEXT(s, i, n, c);
    // ASCII's white space is tab to carriage return and the space, as ICU has it; asking ICU for
    // it faulted in ICU's property tables when loading the register, whose text is ASCII.
    const bool space = c >= 0 && c < 0x80
                           ? c == ' ' || (c >= '\t' && c <= '\r')
                           : c >= 0 && (u_isUWhiteSpace(c) || c == 0x200B || c == 0xFEFF);
    if (space) {
      pending_space = true;
      continue;
    }
    if (pending_space && !out.empty()) out.push_back(' ');
    pending_space = false;
    out.append(text.substr(begin, i - begin));
  }
  return out;
}

std::string_view FirstCharacter(std::string_view utf8) {
  if (utf8.empty()) return utf8;
  unsigned char lead = static_cast<unsigned char>(utf8[0]);
  size_t len = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
  return utf8.substr(0, std::min(len, utf8.size()));
}

}  // namespace minutes::normalize::internal
