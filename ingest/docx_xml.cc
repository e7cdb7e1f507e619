#include "ingest/docx_xml.h"

#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/xmlerror.h>

#include <algorithm>
#include <deque>
#include <memory>
#include <new>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "ingest/libxml.h"

namespace minutes {
namespace {

void IgnoreGenericError(void*, const char*, ...) {}

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

Status DtdRefused(const std::string& part) {
  return Status::Corrupt("XML part " + part +
                         " has a DTD (DOCTYPE); no DOCX part has one, refusing it");
}

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

namespace {

// The state of one StreamXmlPart parse, reached from libxml2's SAX2 callbacks through the
// context's user data.
class SaxParse {
 public:
  SaxParse(std::string part, int max_depth, const XmlStreamHandler& handler)
      : part_(std::move(part)), max_depth_(max_depth), handler_(handler) {}

  Status Run(std::string_view xml);

 private:
  // Every callback's first argument is the parse's user data: this object.
  static SaxParse* Of(void* ctx) { return static_cast<SaxParse*>(ctx); }
  static void OnError(void* ctx, xmlErrorPtr error) {
    LibxmlErrors::Collect(&Of(ctx)->errors_, error);
  }
  static void OnStart(void* ctx, const xmlChar* local, const xmlChar* prefix, const xmlChar* uri,
                      int nb_namespaces, const xmlChar** namespaces, int nb_attributes,
                      int nb_defaulted, const xmlChar** attributes);
  static void OnEnd(void* ctx, const xmlChar* local, const xmlChar* prefix, const xmlChar* uri);
  static void OnText(void* ctx, const xmlChar* ch, int len);
  static void OnDtd(void* ctx, const xmlChar*, const xmlChar*, const xmlChar*);
  static void OnReference(void* ctx, const xmlChar*);

  void Start(const xmlChar* local, const xmlChar* uri, int nb_attributes,
             const xmlChar** attributes);
  void End();
  void Text(const char* ch, size_t len);
  // Records the first failure and halts the parser; later callbacks do nothing.
  void Stop(Status s);
  // NamespaceOf, remembered by pointer: libxml2 interns names in the parse's dictionary, so the
  // same URI arrives as the same pointer, and an element costs no hashing of a 60-byte URI.
  Ns NamespaceOfInterned(const xmlChar* uri);
  Status Deliver();

  const std::string part_;
  const int max_depth_;
  const XmlStreamHandler& handler_;
  xmlParserCtxtPtr ctxt_ = nullptr;
  LibxmlErrors errors_;
  Status failed_;
  bool stopped_ = false;

  // The open elements we keep, innermost last: first those descended into (held in `descended_`),
  // then the path inside the kWhole element being built (held in `whole_`). Each pointer stays
  // valid while its element is open: a parent gains no child until the open one has closed.
  std::deque<XmlElement> descended_;
  XmlElement whole_;
  std::vector<XmlElement*> open_;
  int depth_ = -1;        // of the innermost open element, kept or not
  int whole_depth_ = -1;  // while >= 0, building `whole_`, opened at this depth
  int skip_depth_ = -1;   // while >= 0, inside an element we do not keep, opened at this depth
  bool saw_root_ = false;
  size_t text_run_ = 0;  // bytes of character data since the last tag
  std::vector<std::pair<const xmlChar*, Ns>> namespaces_;
};

void SaxParse::Stop(Status s) {
  if (stopped_) return;
  stopped_ = true;
  failed_ = std::move(s);
  xmlStopParser(ctxt_);
}

Ns SaxParse::NamespaceOfInterned(const xmlChar* uri) {
  for (const auto& [p, ns] : namespaces_)
    if (p == uri) return ns;
  Ns ns = NamespaceOf(uri);
  if (namespaces_.size() < 32) namespaces_.emplace_back(uri, ns);
  return ns;
}

Status SaxParse::Deliver() {
  whole_depth_ = -1;
  Status s = handler_.element(whole_);
  whole_ = XmlElement();  // frees what the element held
  return s;
}

void SaxParse::OnStart(void* ctx, const xmlChar* local, const xmlChar*, const xmlChar* uri, int,
                       const xmlChar**, int nb_attributes, int, const xmlChar** attributes) {
  SaxParse* p = Of(ctx);
  if (!p->stopped_) p->Start(local, uri, nb_attributes, attributes);
}

void SaxParse::Start(const xmlChar* local_bytes, const xmlChar* uri, int nb_attributes,
                     const xmlChar** attributes) {
  text_run_ = 0;
  const int depth = ++depth_;
  if (depth + 1 > max_depth_)
    return Stop(Status::TooLarge("XML in " + part_ + " nests deeper than max_xml_depth (" +
                                 std::to_string(max_depth_) + ")"));
  // libxml2's tree builder stops at this depth; this parse builds its own tree, so it keeps the
  // limit itself, as documented.
  if (depth >= static_cast<int>(xmlParserMaxDepth))
    return Stop(Status::TooLarge("XML in " + part_ + " " + LibxmlDepthLimit(max_depth_)));
  if (skip_depth_ >= 0) return;
  static const XmlElement kNoParent;
  Ns ns = NamespaceOfInterned(uri);
  std::string_view local = Str(local_bytes);
  XmlElement* parent = open_.empty() ? nullptr : open_.back();
  if (!Keep(parent ? *parent : kNoParent, ns, local)) {
    skip_depth_ = depth;
    return;
  }
  saw_root_ = true;
  XmlElement e;
  e.ns = ns;
  e.local = local;
  // SAX2 attributes: (local name, prefix, URI, value start, value end) for each.
  for (int i = 0; i < nb_attributes; ++i) {
    const xmlChar** a = attributes + 5 * i;
    std::string_view name = Str(a[0]);
    if (name.substr(0, 4) == "rsid" || name == "paraId" || name == "textId") continue;
    XmlAttr attr;
    attr.ns = a[2] ? NamespaceOfInterned(a[2]) : Ns::kNone;
    attr.local = name;
    std::string_view value(reinterpret_cast<const char*>(a[3]), static_cast<size_t>(a[4] - a[3]));
    // Without entity substitution (never asked for: see Run) libxml2 hands an attribute's '&'
    // over as the character reference "&#38;", which its tree builder would decode; every other
    // reference is already decoded, and a DTD's entities never get this far.
    for (size_t amp; (amp = value.find("&#38;")) != std::string_view::npos;) {
      attr.value.append(value.substr(0, amp)).push_back('&');
      value.remove_prefix(amp + 5);
    }
    attr.value.append(value);
    e.attrs.push_back(std::move(attr));
  }
  if (whole_depth_ >= 0) {  // inside the element being built
    parent->children.push_back(std::move(e));
    open_.push_back(&parent->children.back());
    return;
  }
  switch (handler_.take(parent, e, depth)) {
    case XmlTake::kSkip:
      skip_depth_ = depth;
      break;
    case XmlTake::kDescend:
      descended_.push_back(std::move(e));
      open_.push_back(&descended_.back());
      break;
    case XmlTake::kWhole:
      whole_ = std::move(e);
      whole_depth_ = depth;
      open_.push_back(&whole_);
      break;
  }
}

void SaxParse::OnEnd(void* ctx, const xmlChar*, const xmlChar*, const xmlChar*) {
  SaxParse* p = Of(ctx);
  if (!p->stopped_) p->End();
}

void SaxParse::End() {
  text_run_ = 0;
  const int depth = depth_--;
  if (skip_depth_ >= 0) {
    if (depth == skip_depth_) skip_depth_ = -1;
    return;
  }
  if (open_.empty()) return;
  open_.pop_back();
  if (depth == whole_depth_) {
    if (Status s = Deliver(); !s.ok()) Stop(std::move(s));
  } else if (whole_depth_ < 0) {
    descended_.pop_back();
  }
}

void SaxParse::OnText(void* ctx, const xmlChar* ch, int len) {
  SaxParse* p = Of(ctx);
  if (!p->stopped_ && len > 0) p->Text(reinterpret_cast<const char*>(ch), static_cast<size_t>(len));
}

void SaxParse::Text(const char* ch, size_t len) {
  // libxml2's tree builder refuses a text node over XML_MAX_TEXT_LENGTH; this parse builds its
  // own text, so it keeps the same limit itself, for every run of character data.
  text_run_ += len;
  if (text_run_ > XML_MAX_TEXT_LENGTH)
    return Stop(Status::TooLarge("XML in " + part_ + " " + LibxmlTextNodeLimit()));
  // Only text elements carry text we use; whitespace between elements is layout.
  if (skip_depth_ < 0 && whole_depth_ >= 0 && open_.back()->local == "t")
    open_.back()->text.append(ch, len);
}

void SaxParse::OnDtd(void* ctx, const xmlChar*, const xmlChar*, const xmlChar*) {
  SaxParse* p = Of(ctx);
  p->Stop(DtdRefused(p->part_));
}

void SaxParse::OnReference(void* ctx, const xmlChar*) {
  // Only possible with a DTD, which is refused at its start; never expand one.
  SaxParse* p = Of(ctx);
  p->Stop(Status::Corrupt("XML part " + p->part_ + " uses an entity reference"));
}

struct ContextCloser {
  void operator()(xmlParserCtxtPtr c) const { xmlFreeParserCtxt(c); }
};

Status SaxParse::Run(std::string_view xml) {
  // SAX2 callbacks into our own small elements: libxml2 builds no nodes of its own, which is what
  // xmlTextReader spent most of its time on.
  xmlSAXHandler sax{};
  sax.initialized = XML_SAX2_MAGIC;
  sax.startElementNs = OnStart;
  sax.endElementNs = OnEnd;
  sax.characters = OnText;
  sax.ignorableWhitespace = OnText;
  sax.cdataBlock = OnText;
  sax.internalSubset = OnDtd;
  sax.externalSubset = OnDtd;
  sax.reference = OnReference;
  sax.serror = OnError;

  // A push parser fed in slices, as xmlTextReader did: libxml2 applies its lookahead limit to
  // what is buffered and not yet parsed, so a whole part pushed at once would pass that limit.
  // The first four bytes go in with the context, which detects the encoding from them.
  const size_t first = std::min<size_t>(4, xml.size());
  std::unique_ptr<xmlParserCtxt, ContextCloser> ctxt(
      xmlCreatePushParserCtxt(&sax, this, xml.data(), static_cast<int>(first), part_.c_str()));
  if (!ctxt) throw std::bad_alloc();
  ctxt_ = ctxt.get();
  // NONET only: no NOENT (entity substitution), DTDLOAD, XINCLUDE or HUGE.
  xmlCtxtUseOptions(ctxt_, XML_PARSE_NONET);
  const size_t kSlice = 64 << 10;
  for (size_t at = first; !stopped_;) {
    const size_t n = std::min(kSlice, xml.size() - at);
    const bool last = at + n == xml.size();
    xmlParseChunk(ctxt_, xml.data() + at, static_cast<int>(n), last ? 1 : 0);
    if (last) break;
    at += n;
  }
  if (stopped_) return failed_;
  const LibxmlErrors& errors = errors_;
  if (!ctxt->wellFormed || errors.seen()) {
    // libxml2 can fail inside a DTD's internal subset (an entity loop) before it reports the
    // DOCTYPE; report the DTD, which is what is wrong with the part.
    if (xml.find("<!DOCTYPE") != std::string_view::npos) return DtdRefused(part_);
    if (Status s = errors.LimitStatus("XML in " + part_, max_depth_); !s.ok()) return s;
    return Status::Corrupt("malformed XML in " + part_ + " at line " +
                           std::to_string(errors.line()) + ": " +
                           (errors.seen() ? errors.message() : "parse error"));
  }
  if (!saw_root_) return Status::Corrupt("malformed XML in " + part_ + ": no root element");
  return Status::OK();
}

}  // namespace

Status StreamXmlPart(std::string_view xml, std::string_view part_name, int max_depth,
                     const XmlStreamHandler& handler) {
  InitLibxml2();
  if (xml.size() > static_cast<size_t>(INT32_MAX))
    return Status::TooLarge("XML part " + std::string(part_name) + " is over 2 GiB");
  // Errors libxml2 does not route to the parse's own handler must not reach stderr (thread-local).
  xmlSetGenericErrorFunc(nullptr, IgnoreGenericError);
  return SaxParse(std::string(part_name), max_depth, handler).Run(xml);
}

Status ParseXmlPart(std::string_view xml, std::string_view part_name, int max_depth,
                    XmlElement* root) {
  *root = XmlElement();
  XmlStreamHandler whole_tree;
  whole_tree.take = [](const XmlElement*, const XmlElement&, int) { return XmlTake::kWhole; };
  whole_tree.element = [root](XmlElement& e) {
    root->children.push_back(std::move(e));
    return Status::OK();
  };
  return StreamXmlPart(xml, part_name, max_depth, whole_tree);
}

}  // namespace minutes
