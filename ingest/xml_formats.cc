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
#include <utility>
#include <vector>

#include "common/module.h"
#include "ingest/reader.h"
#include "ingest/xml_module.h"
#include "ingest/zip_package.h"

namespace minutes {
namespace {

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

// One format read through the module: what tells it from other bytes, and which of the module's
// readers reads it. Read loads minutes_xml.so (once per process) and calls that reader.
class XmlFormat final : public Reader {
 public:
  using ReadFunction = Status (*)(std::string_view, const IngestOptions&, Document*);
  struct Spec {
    std::string_view name;
    std::string_view description;
    std::vector<std::string_view> extensions;
    bool (*sniff)(std::string_view bytes);
    std::string_view needed_for;  // completes "... needs the module minutes_xml.so"
    ReadFunction XmlModule::*read;
  };
  explicit XmlFormat(Spec spec) : spec_(std::move(spec)) {}

  std::string_view name() const override { return spec_.name; }
  std::string_view description() const override { return spec_.description; }
  std::vector<std::string_view> extensions() const override { return spec_.extensions; }
  bool Sniff(std::string_view bytes) const override { return spec_.sniff(bytes); }
  // The module's reader's status, or kUnsupported when minutes_xml.so is not installed.
  Status Read(std::string_view bytes, const IngestOptions& options, Document* doc) const override {
    void* entry = nullptr;
    Status s = LoadModuleSymbol("xml", spec_.needed_for, kXmlModuleSymbol, &entry);
    if (!s.ok()) return s;
    return (static_cast<const XmlModule*>(entry)->*spec_.read)(bytes, options, doc);
  }

 private:
  const Spec spec_;
};

}  // namespace

// "docx": any zip (ZipPackage::IsZip) is sniffed as DOCX (we read no other zip format), so a zip
// that is not a Word package fails in Read with a message naming what is missing rather than being
// decoded as text. Read fails with kCorrupt (not a zip, truncated, malformed XML, no main document
// part), kUnsupported (no minutes_xml.so) or kTooLarge (a limit in `options`).
const Reader* DocxFormatReader() {
  static const XmlFormat kReader({
      .name = "docx",
      .description = "Word 2007+ document (.docx, a zip package of WordprocessingML)",
      // Macro-enabled documents and templates are the same package with other content types.
      .extensions = {"docx", "docm", "dotx"},
      .sniff = &ZipPackage::IsZip,
      .needed_for = "reading a Word document",
      .read = &XmlModule::read_docx,
  });
  return &kReader;
}

// "html": Read fails with kCorrupt (bytes that decode to no HTML document), kUnsupported (binary,
// or no minutes_xml.so) or kTooLarge (nesting deeper than max_xml_depth).
const Reader* HtmlFormatReader() {
  static const XmlFormat kReader({
      .name = "html",
      .description = "HTML page (a web page of minutes; no scripts, no fetches)",
      .extensions = {"html", "htm", "xhtml"},
      .sniff = &LooksLikeHtml,
      .needed_for = "reading an HTML page",
      .read = &XmlModule::read_html,
  });
  return &kReader;
}

}  // namespace minutes
