// People's names: display form, comparison key and initials.

#include <unicode/locid.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <set>

#include "normalize/fold.h"
#include "normalize/normalize.h"

namespace minutes::normalize {

namespace {

// Surnames that start with "mac" but are not Mac + capital.
bool MacException(const icu::UnicodeString& lower) {
  static const char* const kWords[] = {"macaulay",   "machado", "machin",   "machell",
                                       "mackintosh", "macklin", "macready", "machiavelli",
                                       "macedo",     "macias"};
  for (const char* w : kWords) {
    if (lower == icu::UnicodeString(w, -1, US_INV)) return true;
  }
  return false;
}

// Title-cases one lower-case name part: "mcnally" -> "McNally", "macallister" -> "MacAllister".
icu::UnicodeString TitlePart(const icu::UnicodeString& lower) {
  icu::UnicodeString out = lower;
  if (out.isEmpty()) return out;
  UChar32 first = out.char32At(0);
  out.replace(0, U16_LENGTH(first), icu::UnicodeString(u_totitle(first)));
  auto upper_at = [&](int32_t pos) {
    UChar32 c = out.char32At(pos);
    out.replace(pos, U16_LENGTH(c), icu::UnicodeString(u_toupper(c)));
  };
  if (lower.startsWith(icu::UnicodeString("mc", -1, US_INV)) && lower.length() > 2 &&
      u_isalpha(lower.char32At(2))) {
    upper_at(2);
  } else if (lower.startsWith(icu::UnicodeString("mac", -1, US_INV)) && lower.length() >= 8 &&
             !MacException(lower)) {
    upper_at(3);
  }
  return out;
}

bool IsPartSeparator(UChar32 c) { return c == '-' || c == '\''; }

// One word: title-cased by part when it is all one case, else kept as written.
icu::UnicodeString NormalizeWord(const icu::UnicodeString& word) {
  bool has_lower = false, has_upper = false;
  for (int32_t i = 0; i < word.length(); i = word.moveIndex32(i, 1)) {
    UChar32 c = word.char32At(i);
    if (u_islower(c)) has_lower = true;
    if (u_isupper(c) || u_istitle(c)) has_upper = true;
  }
  if (has_lower && has_upper) return word;
  icu::UnicodeString lower = word;
  lower.toLower(icu::Locale::getRoot());
  icu::UnicodeString out;
  int32_t i = 0;
  while (i < lower.length()) {
    UChar32 c = lower.char32At(i);
    if (IsPartSeparator(c)) {
      out.append(c);
      i = lower.moveIndex32(i, 1);
      continue;
    }
    int32_t j = i;
    while (j < lower.length() && !IsPartSeparator(lower.char32At(j))) j = lower.moveIndex32(j, 1);
    out.append(TitlePart(lower.tempSubStringBetween(i, j)));
    i = j;
  }
  return out;
}

std::vector<std::string> Words(const std::string& s) {
  std::vector<std::string> out;
  size_t pos = 0;
  while (pos < s.size()) {
    size_t sp = s.find(' ', pos);
    if (sp == std::string::npos) sp = s.size();
    if (sp > pos) out.push_back(s.substr(pos, sp - pos));
    pos = sp + 1;
  }
  return out;
}

// Titles before a name and honours after it, as NormalizePersonName writes them ("OBE" is title-
// cased to "Obe"): no initials come from them, so "Councillor Marsh" is M and "Ian Moss JP" IM.
bool IsTitle(const std::string& w) {
  static const std::set<std::string> kTitles = {
      "Mr",   "Mrs",   "Ms",        "Miss",  "Mx",  "Dr",   "Cllr", "Cllr.", "Councillor",
      "Prof", "Prof.", "Professor", "Mayor", "Sir", "Dame", "Mr.",  "Mrs.",  "Ms.",
      "Dr.",  "Obe",   "Mbe",       "Cbe",   "Kbe", "Dbe",  "Jp"};
  return kTitles.count(w) > 0;
}

// The capital letters of one hyphen-free name part: "O'Sullivan" -> "OS", "McNally" -> "M".
std::string PartLetters(const icu::UnicodeString& part) {
  std::string out;
  int32_t i = 0;
  while (i < part.length() && !u_isalpha(part.char32At(i))) i = part.moveIndex32(i, 1);
  if (i >= part.length()) return out;
  icu::UnicodeString(u_toupper(part.char32At(i))).toUTF8String(out);
  int32_t apostrophe = part.indexOf(static_cast<char16_t>('\''), i);
  if (apostrophe == part.moveIndex32(i, 1) && apostrophe + 1 < part.length() &&
      (part.char32At(i) == 'O' || part.char32At(i) == 'o')) {
    icu::UnicodeString(u_toupper(part.char32At(apostrophe + 1))).toUTF8String(out);
  }
  return out;
}

// Per hyphenated part of a word, its letters.
std::vector<std::string> WordParts(const std::string& word) {
  icu::UnicodeString w = icu::UnicodeString::fromUTF8(word);
  std::vector<std::string> out;
  int32_t start = 0;
  for (;;) {
    int32_t hyphen = w.indexOf(static_cast<char16_t>('-'), start);
    int32_t end = hyphen < 0 ? w.length() : hyphen;
    std::string letters = PartLetters(w.tempSubStringBetween(start, end));
    if (!letters.empty()) out.push_back(letters);
    if (hyphen < 0) break;
    start = hyphen + 1;
  }
  return out;
}

std::vector<std::string> NameWords(std::string_view name) {
  std::vector<std::string> words;
  for (std::string& w : Words(NormalizePersonName(name))) {
    if (!IsTitle(w)) words.push_back(std::move(w));
  }
  return words;
}

}  // namespace

std::string NormalizePersonName(std::string_view raw) {
  std::string utf8;
  // ASCII is already NFC and holds no curly apostrophes: most names skip the ICU round trip.
  bool ascii = std::all_of(raw.begin(), raw.end(),
                           [](char c) { return static_cast<unsigned char>(c) < 0x80; });
  if (ascii) {
    utf8.assign(raw);
  } else {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
    icu::UnicodeString s = icu::UnicodeString::fromUTF8(
        icu::StringPiece(raw.data(), static_cast<int32_t>(raw.size())));
    if (U_SUCCESS(status)) {
      icu::UnicodeString n = nfc->normalize(s, status);
      if (U_SUCCESS(status)) s = n;
    }
    icu::UnicodeString straight;
    for (int32_t i = 0; i < s.length(); i = s.moveIndex32(i, 1)) {
      UChar32 c = s.char32At(i);
      straight.append(internal::IsApostrophe(c) ? static_cast<UChar32>('\'') : c);
    }
    straight.toUTF8String(utf8);
  }
  std::string collapsed = internal::CollapseSpaces(utf8);
  std::string out;
  for (const std::string& w : Words(collapsed)) {
    if (!out.empty()) out.push_back(' ');
    NormalizeWord(icu::UnicodeString::fromUTF8(w)).toUTF8String(out);
  }
  return out;
}

std::string PersonNameKey(std::string_view raw) {
  return internal::FoldCase(NormalizePersonName(raw));
}

std::string Initials(std::string_view name) {
  std::string out;
  for (const std::string& w : NameWords(name)) {
    for (const std::string& part : WordParts(w)) out += part;
  }
  return out;
}

std::vector<std::string> InitialsVariants(std::string_view name) {
  std::vector<std::string> words = NameWords(name);
  std::vector<std::string> out;
  if (words.empty()) return out;
  auto add = [&](const std::string& v) {
    if (!v.empty() && std::find(out.begin(), out.end(), v) == out.end()) out.push_back(v);
  };
  std::string primary = Initials(name);
  add(primary);
  if (words.size() == 1) return out;

  std::string first;
  for (const std::string& p : WordParts(words[0])) first += p;
  std::string middle;
  for (size_t k = 1; k + 1 < words.size(); ++k) {
    for (const std::string& p : WordParts(words[k])) middle += p;
  }
  // Surname options: whole; an O' part as O or S alone; a hyphenated surname by its first part.
  std::vector<std::string> parts = WordParts(words.back());
  std::vector<std::string> surnames;
  std::string whole;
  for (const std::string& p : parts) whole += p;
  surnames.push_back(whole);
  if (parts.size() == 1 && parts[0].size() == 2) {
    surnames.push_back(parts[0].substr(0, 1));
    surnames.push_back(parts[0].substr(1));
  }
  if (parts.size() > 1) surnames.push_back(parts[0]);
  for (const std::string& mid : {middle, std::string()}) {
    for (const std::string& s : surnames) add(first + mid + s);
  }
  return out;
}

}  // namespace minutes::normalize
