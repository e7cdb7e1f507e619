// Internal to ingest: characters Word draws from symbol fonts, as Unicode.
//
// Symbol, Wingdings and friends put their glyphs at byte codes (0x20-0xFF) or, in DOCX, at the
// private-use code points U+F020-U+F0FF. A person sees a bullet, a tick, a Greek letter; a reader
// that keeps the code point prints nothing useful.

#ifndef MINUTES_INGEST_DOCX_TEXT_H_
#define MINUTES_INGEST_DOCX_TEXT_H_

#include <cstdint>
#include <string>
#include <string_view>

namespace minutes {

// Appends `cp` to `out` as UTF-8 (invalid code points become U+FFFD).
void AppendUtf8(uint32_t cp, std::string* out);

// The text for a w:sym element: `font` is w:font, `code` the hex w:char. Known Symbol and Wingdings
// glyphs map to their Unicode meaning (F0B7 -> "•", Wingdings F0FC -> "✓", Symbol F061 -> "α");
// anything else is the character as given.
std::string SymbolChar(std::string_view font, uint32_t code);

// A bullet list level's marker: `text` is its w:lvlText, `font` the level's font. Private-use and
// symbol-font glyphs are all shown as "•" (they are bullets of one shape or another); "o", "-",
// "–", "▪" and other ordinary characters stay as they are.
std::string BulletGlyph(std::string_view text, std::string_view font);

}  // namespace minutes

#endif  // MINUTES_INGEST_DOCX_TEXT_H_
