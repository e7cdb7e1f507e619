#include "tests/ingest/zip_builder.h"

#include <Poco/DateTime.h>
#include <Poco/Zip/Compress.h>

#include <sstream>

namespace minutes_test {

const char kW[] = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

std::string MakeZip(const ZipEntries& entries, bool store) {
  std::ostringstream out;
  Poco::Zip::Compress zip(out, /*seekableOut=*/true);
  for (const auto& [name, content] : entries) {
    std::istringstream in(content);
    zip.addFile(in, Poco::DateTime(2025, 7, 7), name,
                store ? Poco::Zip::ZipCommon::CM_STORE : Poco::Zip::ZipCommon::CM_DEFLATE,
                Poco::Zip::ZipCommon::CL_NORMAL);
  }
  zip.close();
  return out.str();
}

std::string WrapBody(const std::string& body_xml) {
  return std::string("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>") +
         "<w:document xmlns:w=\"" + kW +
         "\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
         "<w:body>" +
         body_xml + "</w:body></w:document>";
}

std::string MakeDocx(const std::string& body_xml, const ZipEntries& extra) {
  ZipEntries entries = {
      {"[Content_Types].xml",
       "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
       "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
       "<Default Extension=\"rels\" "
       "ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
       "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
       "<Override PartName=\"/word/document.xml\" ContentType=\"application/"
       "vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
       "</Types>"},
      {"_rels/.rels",
       "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
       "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
       "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
       "relationships/officeDocument\" Target=\"word/document.xml\"/>"
       "</Relationships>"},
      {"word/document.xml", WrapBody(body_xml)},
  };
  entries.insert(entries.end(), extra.begin(), extra.end());
  return MakeZip(entries);
}

}  // namespace minutes_test
