// The "docx" and "html" readers as the program holds them: each tells its format from the bytes
// and reads it through the module minutes_xml.so (xml_module.h), loaded the first time a Word
// document or an HTML page is read. Reading either needs libxml2, which with the liblzma it pulls
// in cost ~0.85 ms of every start-up while linked into the program; telling them apart needs
// neither, so only what tells them apart is here.
//
// Without the module (the XML readers not installed), a Word document or an HTML page is refused
// with kUnsupported naming the module and where it was looked for; nothing else depends on it.

#include <cctype>
#include <string>
#include <string_view>
#include <vector>

#include "common/module.h"
#include "ingest/reader.h"
#include "ingest/xml_module.h"
#include "ingest/zip_package.h"

namespace minutes {
namespace {

// Loads minutes_xml.so (`needed_for` completes "... needs the module") and stores its table in
// *module.
Status LoadXmlModule(std::string_view needed_for, const XmlModule** module) {
  void* entry = nullptr;
  Status s = LoadModuleSymbol("xml", needed_for, kXmlModuleSymbol, &entry);
  *module = static_cast<const XmlModule*>(entry);
  return s;
}

// "docx": any zip (ZipPackage::IsZip) is sniffed as DOCX (we read no other zip format), so a zip
// that is not a Word package fails in Read with a message naming what is missing rather than being
// decoded as text.
class DocxFormat final : public Reader {
 public:
  std::string_view name() const override { return "docx"; }
  std::string_view description() const override {
    return "Word 2007+ document (.docx, a zip package of WordprocessingML)";
  }
  // Macro-enabled documents and templates are the same package with other content types.
  std::vector<std::string_view> extensions() const override { return {"docx", "docm", "dotx"}; }
  bool Sniff(std::string_view bytes) const override { return ZipPackage::IsZip(bytes); }
  // Fails with kCorrupt (not a zip, truncated, malformed XML, no main document part),
  // kUnsupported (minutes_xml.so is not installed) or kTooLarge (a limit in `options`).
  Status Read(std::string_view bytes, const IngestOptions& options, Document* doc) const override {
    const XmlModule* xml = nullptr;
    Status s = LoadXmlModule("reading a Word document", &xml);
    return s.ok() ? xml->read_docx(bytes, options, doc) : s;
  }
};

constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

// The start of the page, past a BOM, whitespace, an XML declaration and comments, lower case.
bool LooksLikeHtml(std::string_view bytes) {
  std::string head(bytes.substr(0, 1024));
  for (char& c : head) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  size_t i = head.starts_with(kUtf8Bom) ? kUtf8Bom.size() : 0;
  while (i < head.size()) {
    i = head.find_first_not_of(" \t\r\n", i);
    if (i == std::string::npos) return false;
    std::string_view rest = std::string_view(head).substr(i);
    if (rest.starts_with("<!--")) {
      size_t end = head.find("-->", i);
      if (end == std::string::npos) return false;
      i = end + 3;
    } else if (rest.starts_with("<?xml")) {
      size_t end = head.find("?>", i);
      if (end == std::string::npos) return false;
      i = end + 2;
    } else {
      return rest.starts_with("<!doctype html") || rest.starts_with("<html") ||
             rest.starts_with("<head") || rest.starts_with("<body");
    }
  }
  return false;
}

class HtmlFormat final : public Reader {
 public:
  std::string_view name() const override { return "html"; }
  std::string_view description() const override {
    return "HTML page (a web page of minutes; no scripts, no fetches)";
  }
  std::vector<std::string_view> extensions() const override { return {"html", "htm", "xhtml"}; }
  bool Sniff(std::string_view bytes) const override { return LooksLikeHtml(bytes); }
  // Fails with kCorrupt (bytes that decode to no HTML document), kUnsupported (binary, or
  // minutes_xml.so is not installed) or kTooLarge (nesting deeper than max_xml_depth).
  Status Read(std::string_view bytes, const IngestOptions& options, Document* doc) const override {
    const XmlModule* xml = nullptr;
    Status s = LoadXmlModule("reading an HTML page", &xml);
    return s.ok() ? xml->read_html(bytes, options, doc) : s;
  }
};

}  // namespace

const Reader* DocxFormatReader() {
  static const DocxFormat kReader;
  return &kReader;
}

const Reader* HtmlFormatReader() {
  static const HtmlFormat kReader;
  return &kReader;
}

}  // namespace minutes
