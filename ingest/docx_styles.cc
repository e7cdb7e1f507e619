#include "ingest/docx_styles.h"

#include <cstdlib>

#include "ingest/docx_text.h"

namespace minutes {
namespace {

constexpr int kMaxChain = 32;  // basedOn chains longer than this are cycles or hostile

int ParseInt(const std::string* s, int fallback) {
  if (s == nullptr || s->empty()) return fallback;
  char* end = nullptr;
  long v = std::strtol(s->c_str(), &end, 10);
  if (end == s->c_str()) return fallback;
  if (v > 1000000) v = 1000000;
  if (v < -1000000) v = -1000000;
  return static_cast<int>(v);
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

// "heading 3" / "heading3" -> 3, "title" -> 1, else 0.
int BuiltinHeading(const std::string& lower) {
  if (lower == "title") return 1;
  std::string_view s(lower);
  if (s.substr(0, 7) != "heading") return 0;
  s.remove_prefix(7);
  if (!s.empty() && s[0] == ' ') s.remove_prefix(1);
  if (s.size() == 1 && s[0] >= '1' && s[0] <= '9') return s[0] - '0';
  return 0;
}

void ReadNumPr(const XmlElement* ppr, StyleSheet::NumRef* ref) {
  const XmlElement* num_pr = ppr ? ppr->Child(Ns::kW, "numPr") : nullptr;
  if (num_pr == nullptr) return;
  if (const XmlElement* id = num_pr->Child(Ns::kW, "numId"))
    ref->num_id = ParseInt(id->Attr(Ns::kW, "val"), -1);
  if (const XmlElement* lvl = num_pr->Child(Ns::kW, "ilvl"))
    ref->ilvl = ParseInt(lvl->Attr(Ns::kW, "val"), -1);
}

std::string Letters(int n, char base) {
  int letter = (n - 1) % 26, repeat = (n - 1) / 26 + 1;
  return std::string(static_cast<size_t>(std::min(repeat, 50)), static_cast<char>(base + letter));
}

std::string Roman(int n, bool upper) {
  static const struct {
    int value;
    const char* text;
  } kDigits[] = {{1000, "m"}, {900, "cm"}, {500, "d"}, {400, "cd"}, {100, "c"},
                 {90, "xc"},  {50, "l"},   {40, "xl"}, {10, "x"},   {9, "ix"},
                 {5, "v"},    {4, "iv"},   {1, "i"}};
  std::string out;
  for (const auto& d : kDigits)
    while (n >= d.value) out += d.text, n -= d.value;
  if (upper)
    for (char& c : out) c = static_cast<char>(c - 'a' + 'A');
  return out;
}

std::string Ordinal(int n) {
  int mod100 = n % 100, mod10 = n % 10;
  const char* suffix = "th";
  if (mod100 < 11 || mod100 > 13) {
    if (mod10 == 1) suffix = "st";
    if (mod10 == 2) suffix = "nd";
    if (mod10 == 3) suffix = "rd";
  }
  return std::to_string(n) + suffix;
}

}  // namespace

bool OnOff(const XmlElement& e) {
  const std::string* v = e.Attr(Ns::kW, "val");
  return v == nullptr || !(*v == "0" || *v == "false" || *v == "off");
}

// ---- StyleSheet ----

void StyleSheet::Load(const XmlElement& root) {
  for (const XmlElement& styles : root.children) {
    for (const XmlElement& e : styles.children) {
      if (!e.Is(Ns::kW, "style")) continue;
      std::string id = e.AttrOr(Ns::kW, "styleId");
      Style s;
      if (const XmlElement* n = e.Child(Ns::kW, "name")) s.name = Lower(n->AttrOr(Ns::kW, "val"));
      if (const XmlElement* b = e.Child(Ns::kW, "basedOn")) s.based_on = b->AttrOr(Ns::kW, "val");
      const XmlElement* ppr = e.Child(Ns::kW, "pPr");
      if (ppr != nullptr) {
        if (const XmlElement* o = ppr->Child(Ns::kW, "outlineLvl"))
          s.outline = ParseInt(o->Attr(Ns::kW, "val"), -1);
        ReadNumPr(ppr, &s.num);
      }
      if (const XmlElement* rpr = e.Child(Ns::kW, "rPr"))
        if (const XmlElement* v = rpr->Child(Ns::kW, "vanish")) s.vanish = OnOff(*v) ? 1 : 0;
      std::string type = e.AttrOr(Ns::kW, "type", "paragraph");
      const std::string* def = e.Attr(Ns::kW, "default");
      if (type == "paragraph" && def && (*def == "1" || *def == "true") &&
          default_paragraph_.empty())
        default_paragraph_ = id;
      styles_.emplace(std::move(id), std::move(s));
    }
  }
}

const StyleSheet::Style* StyleSheet::Find(const std::string& id) const {
  auto it = styles_.find(id);
  return it == styles_.end() ? nullptr : &it->second;
}

int StyleSheet::HeadingLevel(const std::string& style_id) const {
  std::string id = style_id;
  for (int i = 0; i < kMaxChain && !id.empty(); ++i) {
    const Style* s = Find(id);
    if (s == nullptr) return i == 0 ? BuiltinHeading(Lower(id)) : 0;
    if (int level = BuiltinHeading(s->name)) return level;
    if (s->outline >= 0) return s->outline <= 8 ? s->outline + 1 : 0;
    id = s->based_on;
  }
  return 0;
}

StyleSheet::NumRef StyleSheet::Numbering(const std::string& style_id) const {
  std::string id = style_id;
  for (int i = 0; i < kMaxChain && !id.empty(); ++i) {
    const Style* s = Find(id);
    if (s == nullptr) break;
    if (s->num.num_id >= 0) return s->num;
    id = s->based_on;
  }
  return NumRef();
}

int StyleSheet::Hidden(const std::string& style_id) const {
  std::string id = style_id;
  for (int i = 0; i < kMaxChain && !id.empty(); ++i) {
    const Style* s = Find(id);
    if (s == nullptr) break;
    if (s->vanish >= 0) return s->vanish;
    id = s->based_on;
  }
  return -1;
}

// ---- ListNumbering ----

ListNumbering::Level ListNumbering::ReadLevel(const XmlElement& lvl) {
  Level l;
  if (const XmlElement* e = lvl.Child(Ns::kW, "start"))
    l.start = ParseInt(e->Attr(Ns::kW, "val"), 1);
  if (const XmlElement* e = lvl.Child(Ns::kW, "numFmt"))
    l.format = e->AttrOr(Ns::kW, "val", "decimal");
  if (const XmlElement* e = lvl.Child(Ns::kW, "lvlText")) {
    l.has_text = true;
    l.text = e->AttrOr(Ns::kW, "val");
  }
  if (const XmlElement* e = lvl.Child(Ns::kW, "lvlRestart"))
    l.restart = ParseInt(e->Attr(Ns::kW, "val"), -1);
  if (const XmlElement* e = lvl.Child(Ns::kW, "isLgl")) l.legal = OnOff(*e);
  if (lvl.Child(Ns::kW, "lvlPicBulletId") != nullptr) l.picture_bullet = true;
  if (const XmlElement* rpr = lvl.Child(Ns::kW, "rPr"))
    if (const XmlElement* f = rpr->Child(Ns::kW, "rFonts")) {
      l.font = f->AttrOr(Ns::kW, "ascii");
      if (l.font.empty()) l.font = f->AttrOr(Ns::kW, "hAnsi");
    }
  return l;
}

void ListNumbering::Load(const XmlElement& root, const StyleSheet* styles) {
  styles_ = styles;
  for (const XmlElement& numbering : root.children) {
    for (const XmlElement& e : numbering.children) {
      if (e.Is(Ns::kW, "abstractNum")) {
        Abstract a;
        for (const XmlElement& lvl : e.children) {
          if (!lvl.Is(Ns::kW, "lvl")) continue;
          int ilvl = ParseInt(lvl.Attr(Ns::kW, "ilvl"), -1);
          if (ilvl >= 0 && ilvl < 9) a.levels[ilvl] = ReadLevel(lvl);
        }
        if (const XmlElement* link = e.Child(Ns::kW, "numStyleLink"))
          a.num_style_link = link->AttrOr(Ns::kW, "val");
        abstracts_.emplace(e.AttrOr(Ns::kW, "abstractNumId"), std::move(a));
      } else if (e.Is(Ns::kW, "num")) {
        Num n;
        if (const XmlElement* a = e.Child(Ns::kW, "abstractNumId"))
          n.abstract_id = a->AttrOr(Ns::kW, "val");
        for (const XmlElement& o : e.children) {
          if (!o.Is(Ns::kW, "lvlOverride")) continue;
          int ilvl = ParseInt(o.Attr(Ns::kW, "ilvl"), -1);
          if (ilvl < 0 || ilvl >= 9) continue;
          if (const XmlElement* so = o.Child(Ns::kW, "startOverride"))
            n.start_override[ilvl] = ParseInt(so->Attr(Ns::kW, "val"), 1);
          if (const XmlElement* lvl = o.Child(Ns::kW, "lvl"))
            n.level_override[ilvl] = ReadLevel(*lvl);
        }
        nums_.emplace(ParseInt(e.Attr(Ns::kW, "numId"), -1), std::move(n));
      }
    }
  }
}

const ListNumbering::Abstract* ListNumbering::ResolveAbstract(const Num& num,
                                                              std::string* key) const {
  std::string id = num.abstract_id;
  for (int hop = 0; hop < 4; ++hop) {
    auto it = abstracts_.find(id);
    if (it == abstracts_.end()) return nullptr;
    const Abstract& a = it->second;
    if (a.num_style_link.empty() || styles_ == nullptr) {
      *key = id;
      return &a;
    }
    // numStyleLink: the definition lives in the numbering style's own list.
    StyleSheet::NumRef ref = styles_->Numbering(a.num_style_link);
    auto n = nums_.find(ref.num_id);
    if (n == nums_.end()) {
      *key = id;
      return &a;
    }
    id = n->second.abstract_id;
  }
  return nullptr;
}

std::string ListNumbering::FormatNumber(int n, std::string_view format) {
  if (format == "none") return "";
  if (n > 0 && n < 4000) {
    if (format == "lowerRoman") return Roman(n, false);
    if (format == "upperRoman") return Roman(n, true);
  }
  if (n > 0) {
    if (format == "lowerLetter") return Letters(n, 'a');
    if (format == "upperLetter") return Letters(n, 'A');
    if (format == "ordinal") return Ordinal(n);
  }
  if (format == "decimalZero" && n >= 0 && n < 10) return "0" + std::to_string(n);
  // decimal, and the formats we do not spell out (cardinalText, ordinalText, East Asian counting
  // systems, decimalEnclosedCircle, ...): the plain number says the same thing.
  return std::to_string(n);
}

bool ListNumbering::Next(int num_id, int ilvl, std::string* marker) {
  marker->clear();
  if (num_id <= 0) return false;
  auto it = nums_.find(num_id);
  if (it == nums_.end()) return false;
  const Num& num = it->second;
  std::string key;
  const Abstract* abs = ResolveAbstract(num, &key);
  if (abs == nullptr) return false;
  if (ilvl < 0) ilvl = 0;
  if (ilvl > 8) ilvl = 8;

  auto level = [&](int l) -> const Level& {
    return num.level_override[l] ? *num.level_override[l] : abs->levels[l];
  };
  auto start = [&](int l) {
    return num.start_override[l] >= 0 ? num.start_override[l] : level(l).start;
  };

  Counters& c = counters_[key];
  bool has_override = num.start_override[ilvl] >= 0 || num.level_override[ilvl].has_value();
  if (has_override && overrides_applied_.insert({num_id, ilvl}).second) {
    c.value[ilvl] = start(ilvl);
  } else if (!c.started[ilvl]) {
    c.value[ilvl] = start(ilvl);
  } else {
    ++c.value[ilvl];
  }
  c.started[ilvl] = true;
  for (int l = ilvl + 1; l < 9; ++l) {
    int restart = level(l).restart;
    if (restart == 0) continue;
    if (restart < 0 || ilvl < restart) c.started[l] = false;
  }

  const Level& lvl = level(ilvl);
  if (lvl.format == "none") return true;
  if (lvl.format == "bullet") {
    *marker = lvl.picture_bullet ? "\xE2\x80\xA2" : BulletGlyph(lvl.text, lvl.font);
    return true;
  }
  std::string text = lvl.has_text ? lvl.text : "%" + std::to_string(ilvl + 1) + ".";
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '%' && i + 1 < text.size() && text[i + 1] >= '1' && text[i + 1] <= '9') {
      int l = text[i + 1] - '1';
      int value = (l == ilvl || c.started[l]) ? c.value[l] : start(l);
      std::string_view format = level(l).format;
      if (lvl.legal || format == "bullet" || format == "none") format = "decimal";
      *marker += FormatNumber(value, format);
      ++i;
    } else {
      *marker += text[i];
    }
  }
  return true;
}

}  // namespace minutes
