// Internal to ingest: what styles.xml and numbering.xml say about a paragraph.
//
//   minutes::StyleSheet styles;    styles.Load(styles_root);
//   minutes::ListNumbering lists;  lists.Load(numbering_root, &styles);
//   int heading = styles.HeadingLevel("Heading2");          // 2
//   std::string marker;
//   if (lists.Next(num_id, ilvl, &marker)) ...              // "1.", "a)", "ii.", "•"
//
// Both are filled once per document and then read by the body walker; ListNumbering keeps the
// running counters, so call Next once per numbered paragraph, in document order.

#ifndef MINUTES_INGEST_DOCX_STYLES_H_
#define MINUTES_INGEST_DOCX_STYLES_H_

#include <array>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>

#include "ingest/docx_xml.h"

namespace minutes {

// "on" unless w:val is 0/false/off (ST_OnOff); for properties like w:vanish.
bool OnOff(const XmlElement& e);

class StyleSheet {
 public:
  // Reads the w:style elements under `root` (the parsed styles.xml).
  void Load(const XmlElement& root);

  // The heading level 1..9 a paragraph of style `style_id` has, or 0: following basedOn, the first
  // style named "heading N" (N), "Title" (1), or with an outline level (w:outlineLvl + 1; 9 = body
  // text = 0). An unknown id spelled like a built-in ("Heading3", "heading 3", "Title") counts too.
  int HeadingLevel(const std::string& style_id) const;

  // The numbering (w:numPr) a paragraph style gives, following basedOn; num_id < 0 when none.
  struct NumRef {
    int num_id = -1;
    int ilvl = -1;
  };
  NumRef Numbering(const std::string& style_id) const;

  // -1 when no style in the chain sets w:vanish, else 0 or 1.
  int Hidden(const std::string& style_id) const;

  // The paragraph style used when a paragraph names none (w:default="1"), or "".
  const std::string& default_paragraph_style() const { return default_paragraph_; }

 private:
  struct Style {
    std::string name;  // lower case
    std::string based_on;
    int outline = -1;
    NumRef num;
    int vanish = -1;
  };
  const Style* Find(const std::string& id) const;

  std::unordered_map<std::string, Style> styles_;
  std::string default_paragraph_;
};

class ListNumbering {
 public:
  // Reads abstractNum and num definitions from `root` (the parsed numbering.xml). `styles` resolves
  // numStyleLink and must outlive this object.
  void Load(const XmlElement& root, const StyleSheet* styles);

  // Advances the counter of level `ilvl` of list `num_id` (restarting deeper levels) and sets
  // `*marker` to the number or bullet as Word shows it ("" for numFmt none). False when the list is
  // unknown or num_id is 0 (numbering removed).
  bool Next(int num_id, int ilvl, std::string* marker);

  // Exposed for tests: `n` written in an OOXML number format ("decimal", "lowerRoman", ...).
  static std::string FormatNumber(int n, std::string_view format);

 private:
  struct Level {
    int start = 1;
    std::string format = "decimal";
    std::string text;
    bool has_text = false;
    int restart =
        -1;  // w:lvlRestart: -1 default (after any higher level), 0 never, n after level n
    bool legal = false;
    std::string font;
    bool picture_bullet = false;
  };
  struct Abstract {
    std::array<Level, 9> levels;
    std::string num_style_link;
  };
  struct Num {
    std::string abstract_id;
    std::array<int, 9> start_override{-1, -1, -1, -1, -1, -1, -1, -1, -1};
    std::array<std::optional<Level>, 9> level_override;
  };
  struct Counters {
    std::array<int, 9> value{};
    std::array<bool, 9> started{};
  };
  static Level ReadLevel(const XmlElement& lvl);
  const Abstract* ResolveAbstract(const Num& num, std::string* key) const;

  const StyleSheet* styles_ = nullptr;
  std::unordered_map<std::string, Abstract> abstracts_;
  std::unordered_map<int, Num> nums_;
  std::unordered_map<std::string, Counters> counters_;  // by abstractNumId: lists share counters
  std::set<std::pair<int, int>> overrides_applied_;  // (numId, ilvl) whose startOverride was used
};

}  // namespace minutes

#endif  // MINUTES_INGEST_DOCX_STYLES_H_
