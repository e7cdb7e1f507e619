#include "ingest/docx_xml.h"

#include <libxml/parser.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlreader.h>

#include <algorithm>
#include <mutex>
#include <string>
#include <unordered_map>

namespace minutes {
namespace {

// No part of a DOCX may make us read another file or the network.
xmlParserInputPtr DenyExternalEntity(const char* /*url*/, const char* /*id*/,
                                     xmlParserCtxtPtr /*ctxt*/) {
  return nullptr;
}

void IgnoreGenericError(void*, const char*, ...) {}

void InitLibxml2Once() {
  static std::once_flag once;
  std::call_once(once, [] {
    xmlInitParser();
    xmlSetExternalEntityLoader(DenyExternalEntity);
  });
}

Ns NamespaceOf(const xmlChar* uri_bytes) {
  if (uri_bytes == nullptr || *uri_bytes == 0) return Ns::kNone;
  static const std::unordered_map<std::string_view, Ns> kMap = {
      {"http://schemas.openxmlformats.org/wordprocessingml/2006/main", Ns::kW},
      {"http://purl.oclc.org/ooxml/wordprocessingml/main", Ns::kW},
      {"http://schemas.openxmlformats.org/officeDocument/2006/relationships", Ns::kR},
      {"http://purl.oclc.org/ooxml/officeDocument/relationships", Ns::kR},
      {"http://schemas.openxmlformats.org/markup-compatibility/2006", Ns::kMc},
      {"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing", Ns::kWp},
      {"http://purl.oclc.org/ooxml/drawingml/wordprocessingDrawing", Ns::kWp},
      {"http://schemas.openxmlformats.org/drawingml/2006/main", Ns::kA},
      {"http://purl.oclc.org/ooxml/drawingml/main", Ns::kA},
      {"http://schemas.openxmlformats.org/drawingml/2006/picture", Ns::kPic},
      {"http://purl.oclc.org/ooxml/drawingml/picture", Ns::kPic},
      {"urn:schemas-microsoft-com:vml", Ns::kV},
      {"urn:schemas-microsoft-com:office:office", Ns::kO},
      {"http://schemas.openxmlformats.org/officeDocument/2006/math", Ns::kM},
      {"http://purl.oclc.org/ooxml/officeDocument/math", Ns::kM},
      {"http://schemas.openxmlformats.org/package/2006/relationships", Ns::kRels},
      {"http://schemas.openxmlformats.org/package/2006/content-types", Ns::kContentTypes},
  };
  auto it = kMap.find(reinterpret_cast<const char*>(uri_bytes));
  return it == kMap.end() ? Ns::kOther : it->second;
}

const char* Str(const xmlChar* s) { return s ? reinterpret_cast<const char*>(s) : ""; }

// Whether to keep a child `ns:local` of `parent` in the tree. Formatting properties (fonts, sizes,
// spacing, borders, table geometry, bookmarks, proofing marks) are most of a part's elements and
// none of its meaning; dropping them keeps the tree a few times smaller than the XML. Only what
// docx_reader.cc and docx_styles.cc read is kept from property elements.
bool Keep(const XmlElement& parent, Ns ns, std::string_view local) {
  if (ns == Ns::kW) {
    if (local == "proofErr" || local == "bookmarkStart" || local == "bookmarkEnd" ||
        local == "lastRenderedPageBreak" || local == "tblPr" || local == "tblGrid" ||
        local == "tblPrEx" || local == "latentStyles" || local == "rsids" || local == "permStart" ||
        local == "permEnd")
      return false;
  }
  if (parent.ns != Ns::kW) return true;
  const std::string& p = parent.local;
  if (p == "rPr") return local == "vanish" || local == "rStyle" || local == "rFonts";
  if (p == "pPr")
    return local == "pStyle" || local == "numPr" || local == "outlineLvl" || local == "sectPr" ||
           local == "rPr";
  if (p == "tcPr") return local == "gridSpan" || local == "vMerge";
  if (p == "trPr") return local == "gridBefore" || local == "gridAfter" || local == "del";
  if (p == "sectPr")
    return local == "headerReference" || local == "footerReference" || local == "titlePg";
  return true;
}

struct ErrorSink {
  bool seen = false;
  int line = 0;
  int code = 0;
  std::string message;
};

void CollectError(void* arg, xmlErrorPtr err) {
  auto* sink = static_cast<ErrorSink*>(arg);
  if (sink->seen || err == nullptr || err->level < XML_ERR_ERROR) return;
  sink->seen = true;
  sink->line = err->line;
  sink->code = err->code;
  sink->message = err->message ? err->message : "unknown error";
  // The first line only: an error is one line, and libxml2's second line quotes the document
  // ("Bytes: 0x9B 0x9B ..." after "Input is not proper UTF-8").
  sink->message.erase(std::min(sink->message.find('\n'), sink->message.size()));
  while (!sink->message.empty() && sink->message.back() == ' ') sink->message.pop_back();
}

Status DtdRefused(const std::string& part) {
  return Status::Corrupt("XML part " + part +
                         " has a DTD (DOCTYPE); no DOCX part has one, refusing it");
}

struct ReaderCloser {
  void operator()(xmlTextReaderPtr r) const { xmlFreeTextReader(r); }
};

}  // namespace

const XmlElement* XmlElement::Child(Ns n, std::string_view l) const {
  for (const XmlElement& c : children)
    if (c.Is(n, l)) return &c;
  return nullptr;
}

const std::string* XmlElement::Attr(Ns n, std::string_view l) const {
  const std::string* bare = nullptr;
  for (const XmlAttr& a : attrs) {
    if (a.local != l) continue;
    if (a.ns == n) return &a.value;
    if (a.ns == Ns::kNone) bare = &a.value;
  }
  return bare;
}

std::string XmlElement::AttrOr(Ns n, std::string_view l, std::string_view fallback) const {
  const std::string* v = Attr(n, l);
  return v ? *v : std::string(fallback);
}

Status ParseXmlPart(std::string_view xml, std::string_view part_name, int max_depth,
                    XmlElement* root) {
  InitLibxml2Once();
  *root = XmlElement();
  const std::string part(part_name);
  if (xml.size() > static_cast<size_t>(INT32_MAX))
    return Status::TooLarge("XML part " + part + " is over 2 GiB");
  // Errors the reader does not route to its own handler must not reach stderr (thread-local).
  xmlSetGenericErrorFunc(nullptr, IgnoreGenericError);

  // NONET only: no NOENT (entity substitution), DTDLOAD, XINCLUDE or HUGE.
  std::unique_ptr<xmlTextReader, ReaderCloser> reader(xmlReaderForMemory(
      xml.data(), static_cast<int>(xml.size()), part.c_str(), nullptr, XML_PARSE_NONET));
  if (!reader) return Status::Corrupt("cannot start an XML parser for " + part);
  ErrorSink sink;
  xmlTextReaderSetStructuredErrorHandler(reader.get(), CollectError, &sink);

  std::vector<XmlElement*> stack = {root};
  int skip_depth = -1;  // while >= 0, inside an element we do not keep, opened at this depth
  int rc;
  while ((rc = xmlTextReaderRead(reader.get())) == 1) {
    xmlTextReaderPtr r = reader.get();
    switch (xmlTextReaderNodeType(r)) {
      case XML_READER_TYPE_DOCUMENT_TYPE:
        return DtdRefused(part);
      case XML_READER_TYPE_ELEMENT: {
        int depth = xmlTextReaderDepth(r);
        if (depth + 1 > max_depth)
          return Status::TooLarge("XML in " + part + " nests deeper than max_xml_depth (" +
                                  std::to_string(max_depth) + ")");
        if (skip_depth >= 0) break;
        bool empty = xmlTextReaderIsEmptyElement(r) == 1;
        Ns ns = NamespaceOf(xmlTextReaderConstNamespaceUri(r));
        std::string_view local = Str(xmlTextReaderConstLocalName(r));
        XmlElement* parent = stack.back();
        if (!Keep(*parent, ns, local)) {
          if (!empty) skip_depth = depth;
          break;
        }
        parent->children.emplace_back();
        XmlElement* e = &parent->children.back();
        e->ns = ns;
        e->local = local;
        while (xmlTextReaderMoveToNextAttribute(r) == 1) {
          if (xmlTextReaderIsNamespaceDecl(r) == 1) continue;
          std::string_view name = Str(xmlTextReaderConstLocalName(r));
          if (name.substr(0, 4) == "rsid" || name == "paraId" || name == "textId") continue;
          XmlAttr a;
          a.ns = NamespaceOf(xmlTextReaderConstNamespaceUri(r));
          a.local = name;
          a.value = Str(xmlTextReaderConstValue(r));
          e->attrs.push_back(std::move(a));
        }
        xmlTextReaderMoveToElement(r);
        if (!empty) stack.push_back(e);
        break;
      }
      case XML_READER_TYPE_END_ELEMENT:
        if (skip_depth >= 0) {
          if (xmlTextReaderDepth(r) == skip_depth) skip_depth = -1;
        } else if (stack.size() > 1) {
          stack.pop_back();
        }
        break;
      case XML_READER_TYPE_TEXT:
      case XML_READER_TYPE_CDATA:
      case XML_READER_TYPE_WHITESPACE:
      case XML_READER_TYPE_SIGNIFICANT_WHITESPACE:
        // Only text elements carry text we use; whitespace between elements is layout.
        if (skip_depth < 0 && stack.back()->local == "t")
          stack.back()->text += Str(xmlTextReaderConstValue(r));
        break;
      case XML_READER_TYPE_ENTITY_REFERENCE:
        // Only possible with a DTD, which is refused above; never expand one.
        return Status::Corrupt("XML part " + part + " uses an entity reference");
      default:
        break;
    }
  }
  if (rc != 0 || sink.seen) {
    // libxml2 can fail inside a DTD's internal subset (an entity loop) before the reader hands us
    // the DOCTYPE node; report the DTD, which is what is wrong with the part.
    if (xml.find("<!DOCTYPE") != std::string_view::npos) return DtdRefused(part);
    if (sink.message.find("Excessive depth") != std::string::npos)
      return Status::TooLarge("XML in " + part + " nests deeper than libxml2 allows (" +
                              sink.message + "); max_xml_depth (" + std::to_string(max_depth) +
                              ") cannot raise it");
    if (sink.code == XML_ERR_ENTITY_LOOP)
      return Status::TooLarge("XML in " + part + " expands entities too far (" + sink.message +
                              ")");
    return Status::Corrupt("malformed XML in " + part + " at line " + std::to_string(sink.line) +
                           ": " + (sink.seen ? sink.message : "parse error"));
  }
  if (root->children.empty())
    return Status::Corrupt("malformed XML in " + part + ": no root element");
  return Status::OK();
}

}  // namespace minutes
