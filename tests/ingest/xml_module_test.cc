// The DOCX and HTML readers are the module minutes_xml.so (xml_module.h): the ingest library maps
// no libxml2 until a Word document or an HTML page is read, and then reads them through the module.
// (Without the module, a DOCX is refused in one line and text still reads: tests/cli/cli_test.cc
// runs the program so, since a process tries to load each module only once.)

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>

#include "ingest/ingest.h"

namespace minutes {
namespace {

// True when a file whose name holds `name` is mapped into this process.
bool Mapped(const std::string& name) {
  std::ifstream maps("/proc/self/maps");
  std::string line;
  while (std::getline(maps, line))
    if (line.find(name) != std::string::npos) return true;
  return false;
}

TEST(XmlModuleTest, ADocxAndAnHtmlPageAreReadByTheModuleLoadedOnFirstUse) {
  Document doc;
  ASSERT_TRUE(ReadBytes("Chair: Sarah Daly\n", IngestOptions(), &doc).ok());
  EXPECT_FALSE(Mapped("minutes_xml.so"));
  EXPECT_FALSE(Mapped("libxml2")) << "the ingest library links libxml2";

  Status s = ReadFile(std::string(MINUTES_SOURCE_DIR) + "/samples/seeds/000_e0affe79a15288f1.docx",
                      IngestOptions(), &doc);
  ASSERT_TRUE(s.ok()) << s.ToString();
  EXPECT_EQ("docx", doc.format);
  EXPECT_NE(std::string::npos, doc.text.find("Fostering regional group meeting notes"));
  EXPECT_TRUE(Mapped("minutes_xml.so"));
  EXPECT_TRUE(Mapped("libxml2"));

  s = ReadBytes("<!DOCTYPE html><p>Chair: <b>Sarah Daly</b></p>", IngestOptions(), &doc);
  ASSERT_TRUE(s.ok()) << s.ToString();
  EXPECT_EQ("html", doc.format);
  EXPECT_EQ("Chair: Sarah Daly\n", doc.text);
}

}  // namespace
}  // namespace minutes
