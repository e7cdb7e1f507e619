// Internal to ingest: safe parsing of one OOXML part into a small element tree.
//
//   minutes::XmlElement root;
//   minutes::Status s = minutes::ParseXmlPart(xml, "word/document.xml", options.max_xml_depth,
//   &root); const minutes::XmlElement* body = root.Child(minutes::Ns::kW, "document");
//
// Parsing streams through libxml2's xmlTextReader with network access off, no entity substitution,
// no DTD loading and a deny-all external entity loader. A part holding a DTD (DOCTYPE) is refused:
// no OOXML part has one, and it is how XXE and billion-laughs attacks begin. Elements and
// attributes are identified by namespace URI and local name, never by prefix; the transitional and
// strict (ISO 29500) URIs of a vocabulary map to the same `Ns`. To keep the tree small, formatting
// that no reader of the tree uses (run fonts and sizes, paragraph spacing, table geometry,
// bookmarks, rsid attributes) is left out; see Keep() in docx_xml.cc.

#ifndef MINUTES_INGEST_DOCX_XML_H_
#define MINUTES_INGEST_DOCX_XML_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"

namespace minutes {

enum class Ns : uint8_t {
  kNone,          // no namespace (unprefixed attributes)
  kOther,         // a namespace we do not interpret
  kW,             // wordprocessingml main
  kR,             // officeDocument relationships (r:id)
  kMc,            // markup compatibility (AlternateContent)
  kWp,            // wordprocessingDrawing (wp:docPr)
  kA,             // drawingml main (a:blip)
  kPic,           // drawingml picture
  kV,             // VML
  kO,             // VML office (o:title)
  kM,             // Office math
  kRels,          // package relationships (_rels/*.rels)
  kContentTypes,  // [Content_Types].xml
};

struct XmlAttr {
  Ns ns = Ns::kNone;
  std::string local;
  std::string value;
};

struct XmlElement {
  Ns ns = Ns::kNone;
  std::string local;
  std::vector<XmlAttr> attrs;
  std::vector<XmlElement> children;
  std::string text;  // character data of a text element (local name "t": w:t, m:t), else empty

  bool Is(Ns n, std::string_view l) const { return ns == n && local == l; }
  // The first child with this name, or nullptr.
  const XmlElement* Child(Ns n, std::string_view l) const;
  // The attribute `ns:local`, or an unprefixed `local` (documents that use a default namespace
  // write w:val as plain val); nullptr when absent.
  const std::string* Attr(Ns n, std::string_view l) const;
  // Attr(n, l) or "" when absent.
  std::string AttrOr(Ns n, std::string_view l, std::string_view fallback = "") const;
};

// Parses `xml` (the part named `part_name`, used in messages) into `*root`, a synthetic node whose
// only child is the document element. Fails with kCorrupt ("malformed XML in <part> at line L:
// <libxml2 message>", or a DTD) or kTooLarge (nesting deeper than `max_depth`). Never throws.
// Thread-safe.
Status ParseXmlPart(std::string_view xml, std::string_view part_name, int max_depth,
                    XmlElement* root);

}  // namespace minutes

#endif  // MINUTES_INGEST_DOCX_XML_H_
