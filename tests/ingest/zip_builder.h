// Test helper: builds zip archives (and minimal DOCX packages) in memory, so each test states the
// exact XML it feeds the reader.

#ifndef MINUTES_TESTS_INGEST_ZIP_BUILDER_H_
#define MINUTES_TESTS_INGEST_ZIP_BUILDER_H_

#include <string>
#include <utility>
#include <vector>

namespace minutes_test {

// (entry name, content) in archive order.
using ZipEntries = std::vector<std::pair<std::string, std::string>>;

// A zip holding `entries`, deflated (or stored when `store` is true).
std::string MakeZip(const ZipEntries& entries, bool store = false);

// The WordprocessingML namespace and a <w:document> wrapper for body XML.
extern const char kW[];
std::string WrapBody(const std::string& body_xml);

// A minimal valid DOCX: [Content_Types].xml, _rels/.rels pointing at word/document.xml, the
// document made from `body_xml` (the children of <w:body>), plus any `extra` parts (e.g.
// "word/styles.xml", "word/numbering.xml", "word/_rels/document.xml.rels").
std::string MakeDocx(const std::string& body_xml, const ZipEntries& extra = {});

}  // namespace minutes_test

#endif  // MINUTES_TESTS_INGEST_ZIP_BUILDER_H_
