// Internal to ingest: the contract between the "docx" and "html" readers as the program holds them
// (xml_formats.cc) and the module minutes_xml.so (xml_module.cc), which holds everything that
// needs libxml2. Linked into the program, libxml2 and the liblzma it pulls in cost ~0.85 ms of
// every start-up, measured on `minutes extract` of a one-line text note; kept in a module that is
// loaded the first time a Word document or an HTML page is read (common/module.h), they cost
// nothing to a run that reads neither.
//
//   void* entry = nullptr;
//   Status s = LoadModuleSymbol("xml", "reading a Word document", kXmlModuleSymbol, &entry);
//   if (s.ok()) s = static_cast<const XmlModule*>(entry)->read_docx(bytes, options, doc);
//
// The split: the program tells the formats from their bytes (Sniff needs no XML parser: a zip's
// signature, an HTML page's first tag) and lists them in the registry; the module reads them.

#ifndef MINUTES_INGEST_XML_MODULE_H_
#define MINUTES_INGEST_XML_MODULE_H_

#include <string_view>

#include "common/status.h"
#include "ingest/document.h"
#include "ingest/ingest.h"

namespace minutes {

// Each member is a Reader::Read (reader.h) of one format, with its contract: `*doc` arrives
// default-constructed but for `format`; OK, or a one-line status, leaving `*doc` unspecified.
// Thread-safe; never throws (an exception must not cross from the module into the program).
struct XmlModule {
  // The "docx" reader: ReadDocx below.
  Status (*read_docx)(std::string_view bytes, const IngestOptions& options, Document* doc);
  // The "html" reader: ReadHtml below.
  Status (*read_html)(std::string_view bytes, const IngestOptions& options, Document* doc);
};

// The name under which minutes_xml.so exports its one `const XmlModule`.
inline constexpr char kXmlModuleSymbol[] = "minutes_xml_module";

// The readers behind the table, in the static library minutes_ingest_xml, which the module links.
// The program never calls them (that would link libxml2 back into it); tests and benchmarks that
// need the reader's own process state (the style sheets cached by style_sheet_cache.h) link the
// library and call them directly.
//
// Reads a Word package (docx_reader.cc). Fails with kCorrupt (not a zip, truncated, malformed XML,
// no main document part) or kTooLarge (a limit in `options`, or out of memory).
Status ReadDocx(std::string_view bytes, const IngestOptions& options, Document* doc);
// Reads an HTML page (html_reader.cc). Fails with kCorrupt (bytes that decode to no HTML
// document), kUnsupported (binary) or kTooLarge (nesting deeper than max_xml_depth, one of
// libxml2's limits, or out of memory).
Status ReadHtml(std::string_view bytes, const IngestOptions& options, Document* doc);

}  // namespace minutes

#endif  // MINUTES_INGEST_XML_MODULE_H_
