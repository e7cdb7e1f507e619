// Fuzz target "xml_part": any bytes parsed as one OOXML part (ingest/docx_xml.h ParseXmlPart:
// libxml2's reader with DTDs, entities and the network refused, nesting bounded), then read as
// styles.xml and numbering.xml (ingest/docx_styles.h) the way the DOCX reader reads them: every
// style id and list the part names is looked up, and every list counted, as paragraphs would.
// Dictionary: ooxml.dict.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/docx_styles.h"
#include "ingest/docx_xml.h"
#include "tests/fuzz/fuzz_check.h"

namespace {

using minutes::Ns;
using minutes::XmlElement;

// The style ids and (numId, ilvl) pairs the part mentions anywhere, at most 64 of each, so one
// input costs a bounded number of lookups. The ilvl runs through -1..9, past both ends.
void Collect(const XmlElement& e, std::vector<std::string>* styles,
             std::vector<std::pair<int, int>>* lists, int depth) {
  FUZZ_CHECK(depth <= 257);
  for (const minutes::XmlAttr& a : e.attrs) {
    FUZZ_CHECK(minutes::fuzz::IsUtf8(a.value));
    if ((a.local == "val" || a.local == "styleId") && styles->size() < 64)
      styles->push_back(a.value);
    if (a.local == "val" && e.local == "numId" && lists->size() < 64)
      lists->emplace_back(std::atoi(a.value.c_str()), static_cast<int>(lists->size() % 11) - 1);
  }
  FUZZ_CHECK(minutes::fuzz::IsUtf8(e.text));
  for (const XmlElement& c : e.children) Collect(c, styles, lists, depth + 1);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view xml(reinterpret_cast<const char*>(data), size);
  XmlElement root;
  minutes::Status s = minutes::ParseXmlPart(xml, "word/numbering.xml", 256, &root);
  if (!s.ok()) {
    FUZZ_CHECK(s.code() == minutes::Status::Code::kCorrupt ||
               s.code() == minutes::Status::Code::kTooLarge);
    FUZZ_CHECK(!s.message().empty() && s.message().find('\n') == std::string::npos);
    return 0;
  }
  // A synthetic node whose only child is the document element.
  FUZZ_CHECK(root.children.size() == 1);

  minutes::StyleSheet styles;
  styles.Load(root);
  minutes::ListNumbering lists;
  lists.Load(root, &styles);

  std::vector<std::string> style_ids;
  std::vector<std::pair<int, int>> list_refs;
  Collect(root, &style_ids, &list_refs, 0);
  for (const std::string& id : style_ids) {
    int level = styles.HeadingLevel(id);
    FUZZ_CHECK(level >= 0 && level <= 9);
    minutes::StyleSheet::NumRef num = styles.Numbering(id);
    int hidden = styles.Hidden(id);
    FUZZ_CHECK(hidden >= -1 && hidden <= 1);
    if (num.num_id >= 0) list_refs.emplace_back(num.num_id, num.ilvl);
  }
  std::string marker;
  for (int round = 0; round < 3; ++round)
    for (const auto& [num_id, ilvl] : list_refs)
      if (lists.Next(num_id, ilvl, &marker)) FUZZ_CHECK(minutes::fuzz::IsUtf8(marker));
  return 0;
}
