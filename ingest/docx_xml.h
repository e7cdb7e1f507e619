// Internal to ingest: safe parsing of one OOXML part, as a small element tree or as a stream of
// them.
//
//   minutes::XmlElement root;
//   minutes::Status s = minutes::ParseXmlPart(xml, "word/styles.xml", max_depth, &root);
//   const minutes::XmlElement* styles = root.Child(minutes::Ns::kW, "styles");
//
//   minutes::XmlStreamHandler h;  // a part too large to hold as one tree: see StreamXmlPart
//   h.take = [](const XmlElement* parent, const XmlElement& e, int depth) { ... };
//   h.element = [&](XmlElement& e) { ...; return minutes::Status::OK(); };
//   s = minutes::StreamXmlPart(xml, "word/document.xml", max_depth, h);
//
// Parsing runs libxml2's SAX2 push parser with network access off, no entity substitution,
// no DTD loading and a deny-all external entity loader. A part holding a DTD (DOCTYPE) is refused:
// no OOXML part has one, and it is how XXE and billion-laughs attacks begin. Elements and
// attributes are identified by namespace URI and local name, never by prefix; the transitional and
// strict (ISO 29500) URIs of a vocabulary map to the same `Ns`. To keep the tree small, formatting
// that no reader of the tree uses (run fonts and sizes, paragraph spacing, table geometry,
// bookmarks, rsid attributes) is left out; see Keep() in docx_xml.cc.

#ifndef MINUTES_INGEST_DOCX_XML_H_
#define MINUTES_INGEST_DOCX_XML_H_

#include <cstdint>
#include <functional>
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
// <libxml2 message>", or a DTD) or kTooLarge (nesting deeper than `max_depth`, or one of libxml2's
// own limits, named: "XML in <part> has a text node over libxml2's 10,000,000-byte limit"). Every
// message is one line. Throws nothing but std::bad_alloc. Thread-safe. The tree costs a few times
// the XML's size: use it for parts that are small (styles, numbering, relationships), StreamXmlPart
// otherwise.
Status ParseXmlPart(std::string_view xml, std::string_view part_name, int max_depth,
                    XmlElement* root);

// What StreamXmlPart does with an element, decided when its start tag is read.
enum class XmlTake : uint8_t {
  kWhole,    // build its subtree and hand it to XmlStreamHandler::element at its end tag
  kDescend,  // hold only its name and attributes while it is open; ask again for each child
  kSkip,     // read past it (still checked for well-formedness and depth), keep nothing
};

struct XmlStreamHandler {
  // Asked at the start tag of the document element (`parent` nullptr, `depth` 0) and of each
  // child of an element it descended into (`parent` that element: its name and attributes only,
  // `depth` one more than the parent's). `element` has its name and attributes, no children yet.
  // Elements Keep() leaves out are skipped without asking.
  std::function<XmlTake(const XmlElement* parent, const XmlElement& element, int depth)> take;
  // Receives each element taken kWhole, complete, as soon as its end tag is read; it may move
  // from it. The element is dropped afterwards. A non-OK status stops the parse and is returned.
  std::function<Status(XmlElement& element)> element;
};

// Parses `xml` as ParseXmlPart does (same checks, same errors, same elements kept), but never
// holds the whole tree: it holds the elements `handler.take` descended into (name and
// attributes) and the one kWhole element being built. So memory is bounded by the largest
// element taken whole, not by the part. Elements are delivered in document order; a malformation
// after them is still reported, after they were delivered. Throws nothing but std::bad_alloc and
// what the handler throws. Thread-safe if the handler is.
Status StreamXmlPart(std::string_view xml, std::string_view part_name, int max_depth,
                     const XmlStreamHandler& handler);

}  // namespace minutes

#endif  // MINUTES_INGEST_DOCX_XML_H_
