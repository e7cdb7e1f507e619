#include "ingest/docx_text.h"

namespace minutes {
namespace {

constexpr char kBullet[] = "\xE2\x80\xA2";  // U+2022

bool IsSymbolFont(std::string_view font, std::string_view family) {
  if (font.size() < family.size()) return false;
  for (size_t i = 0; i < family.size(); ++i) {
    char c = font[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != family[i]) return false;
  }
  return true;
}

// Adobe Symbol encoding, the glyphs people use in minutes (Greek, arrows, maths, bullets).
uint32_t FromSymbol(uint32_t b) {
  static const char kGreekLower[] = "abgdezhqiklmnxoprstufcyw";
  static const uint32_t kGreekLowerCp[] = {0x3B1, 0x3B2, 0x3B3, 0x3B4, 0x3B5, 0x3B6, 0x3B7, 0x3B8,
                                           0x3B9, 0x3BA, 0x3BB, 0x3BC, 0x3BD, 0x3BE, 0x3BF, 0x3C0,
                                           0x3C1, 0x3C3, 0x3C4, 0x3C5, 0x3C6, 0x3C7, 0x3C8, 0x3C9};
  switch (b) {
    case 0xB7:
      return 0x2022;  // bullet
    case 0xA7:
      return 0x2663;
    case 0xA8:
      return 0x2666;
    case 0xA9:
      return 0x2665;
    case 0xAA:
      return 0x2660;
    case 0xAB:
      return 0x2194;
    case 0xAC:
      return 0x2190;
    case 0xAD:
      return 0x2191;
    case 0xAE:
      return 0x2192;
    case 0xAF:
      return 0x2193;
    case 0xB0:
      return 0x00B0;
    case 0xB1:
      return 0x00B1;
    case 0xB3:
      return 0x2265;
    case 0xA3:
      return 0x2264;
    case 0xB4:
      return 0x00D7;
    case 0xB8:
      return 0x00F7;
    case 0xB9:
      return 0x2260;
    case 0xBB:
      return 0x2248;
    case 0xA5:
      return 0x221E;
    case 0xD6:
      return 0x221A;
    case 0xD2:
    case 0xE2:
      return 0x00AE;
    case 0xD3:
    case 0xE3:
      return 0x00A9;
    case 0xD4:
    case 0xE4:
      return 0x2122;
    case 0xDE:
      return 0x21D2;
    case 0x2D:
      return 0x2212;
    case 0x44:
      return 0x394;
    case 0x46:
      return 0x3A6;
    case 0x47:
      return 0x393;
    case 0x4C:
      return 0x39B;
    case 0x50:
      return 0x3A0;
    case 0x53:
      return 0x3A3;
    case 0x57:
      return 0x3A9;
    default:
      break;
  }
  if (b >= 'a' && b <= 'z') {
    for (size_t i = 0; kGreekLower[i]; ++i)
      if (static_cast<uint32_t>(kGreekLower[i]) == b) return kGreekLowerCp[i];
    return 0;
  }
  if (b >= 0x20 && b < 0x40 && b != 0x22 && b != 0x24 && b != 0x27)
    return b;  // digits, punctuation
  return 0;
}

uint32_t FromWingdings(uint32_t b) {
  switch (b) {
    case 0x9F:
      return 0x2022;
    case 0xA7:
      return 0x25AA;
    case 0x6C:
      return 0x25CF;
    case 0x6E:
      return 0x25A0;
    case 0x6F:
      return 0x25A1;
    case 0x71:
      return 0x2751;
    case 0x75:
      return 0x25C6;
    case 0x76:
      return 0x2756;
    case 0xA1:
      return 0x25CB;
    case 0xD8:
      return 0x27A2;
    case 0xFB:
      return 0x2717;
    case 0xFC:
      return 0x2713;
    case 0xFD:
      return 0x2612;
    case 0xFE:
      return 0x2611;
    case 0x4A:
      return 0x263A;
    case 0x4C:
      return 0x2639;
    default:
      return 0;
  }
}

// Decodes the first UTF-8 code point of `s` (0 when empty or invalid).
uint32_t FirstCodePoint(std::string_view s, size_t* len) {
  *len = 0;
  if (s.empty()) return 0;
  unsigned char c = static_cast<unsigned char>(s[0]);
  int n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
  if (n == 0 || s.size() < static_cast<size_t>(n)) return 0;
  uint32_t cp = n == 1 ? c : n == 2 ? (c & 0x1F) : n == 3 ? (c & 0x0F) : (c & 0x07);
  for (int i = 1; i < n; ++i) cp = cp << 6 | (static_cast<unsigned char>(s[i]) & 0x3F);
  *len = static_cast<size_t>(n);
  return cp;
}

}  // namespace

void AppendUtf8(uint32_t cp, std::string* out) {
  if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF) || cp == 0) cp = 0xFFFD;
  if (cp < 0x80) {
    *out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    *out += static_cast<char>(0xC0 | cp >> 6);
    *out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    *out += static_cast<char>(0xE0 | cp >> 12);
    *out += static_cast<char>(0x80 | (cp >> 6 & 0x3F));
    *out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    *out += static_cast<char>(0xF0 | cp >> 18);
    *out += static_cast<char>(0x80 | (cp >> 12 & 0x3F));
    *out += static_cast<char>(0x80 | (cp >> 6 & 0x3F));
    *out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

std::string SymbolChar(std::string_view font, uint32_t code) {
  uint32_t byte = 0;
  if (code >= 0xF020 && code <= 0xF0FF)
    byte = code - 0xF000;
  else if (code >= 0x20 && code <= 0xFF)
    byte = code;
  uint32_t mapped = 0;
  if (byte != 0) {
    if (IsSymbolFont(font, "symbol"))
      mapped = FromSymbol(byte);
    else if (IsSymbolFont(font, "wingdings"))
      mapped = FromWingdings(byte);
    else if (byte == 0xB7 && code >= 0xF000)
      mapped = 0x2022;  // the bullet, whatever the font
  }
  std::string out;
  AppendUtf8(mapped ? mapped : code, &out);
  return out;
}

std::string BulletGlyph(std::string_view text, std::string_view font) {
  size_t len;
  uint32_t cp = FirstCodePoint(text, &len);
  if (cp == 0) return text.empty() ? "" : std::string(text);
  bool symbolic = IsSymbolFont(font, "symbol") || IsSymbolFont(font, "wingdings") ||
                  IsSymbolFont(font, "webdings");
  if ((cp >= 0xE000 && cp <= 0xF8FF) || (symbolic && cp < 0x100 && cp != 'o')) return kBullet;
  return std::string(text);
}

}  // namespace minutes
