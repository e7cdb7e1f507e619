// docx_xml: StreamXmlPart hands over one element at a time and holds no more; libxml2's own limits
// come back as kTooLarge naming the limit; every libxml2 message in a Status is one line.

#include "ingest/docx_xml.h"

#include <gtest/gtest.h>
#include <malloc.h>

#include <algorithm>
#include <string>
#include <vector>

#include "ingest/libxml.h"

namespace minutes {
namespace {

const std::string kW = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

std::string Document(const std::string& body) {
  return "<?xml version=\"1.0\"?><w:document xmlns:w=\"" + kW + "\"><w:body>" + body +
         "</w:body></w:document>";
}

// Descends into w:document, w:body and w:sdt/w:sdtContent; takes everything else there whole.
XmlTake BodyTake(const XmlElement* parent, const XmlElement& e, int depth) {
  if (depth < 2 || e.Is(Ns::kW, "sdt") || e.Is(Ns::kW, "sdtContent")) return XmlTake::kDescend;
  return XmlTake::kWhole;
}

TEST(StreamXmlPartTest, DeliversEachWholeElementAtItsEndTagInOrder) {
  std::string xml = Document(
      "<w:p><w:r><w:t>one</w:t></w:r></w:p>"
      "<w:sdt><w:sdtContent><w:p><w:r><w:t>two</w:t></w:r></w:p><w:p/></w:sdtContent></w:sdt>"
      "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>cell</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"
      "<w:sectPr/>");
  std::vector<std::string> seen;
  std::vector<std::string> parents;
  XmlStreamHandler h;
  h.take = [&](const XmlElement* parent, const XmlElement& e, int depth) {
    if (parent != nullptr && depth >= 2) {
      parents.push_back(parent->local);
      // What was delivered before is gone: a descended element holds no children.
      EXPECT_TRUE(parent->children.empty()) << parent->local;
    }
    return BodyTake(parent, e, depth);
  };
  h.element = [&](XmlElement& e) {
    std::string text;
    std::vector<const XmlElement*> todo = {&e};
    while (!todo.empty()) {
      const XmlElement* x = todo.back();
      todo.pop_back();
      text += x->text;
      for (auto it = x->children.rbegin(); it != x->children.rend(); ++it) todo.push_back(&*it);
    }
    seen.push_back(e.local + ":" + text);
    return Status::OK();
  };
  ASSERT_TRUE(StreamXmlPart(xml, "word/document.xml", 256, h).ok());
  EXPECT_EQ(seen, (std::vector<std::string>{"p:one", "p:two", "p:", "tbl:cell", "sectPr:"}));
  EXPECT_EQ(parents, (std::vector<std::string>{"body", "body", "sdt", "sdtContent", "sdtContent",
                                               "body", "body"}));
}

// Bytes malloc has handed out and not had back, large (mmapped) blocks included.
size_t HeapInUse() {
  struct mallinfo2 m = mallinfo2();
  return m.uordblks + m.hblkhd;
}

// The bug: a DOCX of empty paragraphs built a tree of the whole part (1.9 GB from a 1.1 MB file).
// Streamed, the heap in use while 300,000 paragraphs (inside one sdt, even) are handed over stays
// within libxml2's buffers of what it was before the parse.
TEST(StreamXmlPartTest, HeapStaysFlatOverThreeHundredThousandEmptyParagraphs) {
  std::string paragraphs;
  for (int i = 0; i < 300000; ++i) paragraphs += "<w:p/>";
  std::string xml = Document("<w:sdt><w:sdtContent>" + paragraphs + "</w:sdtContent></w:sdt>");
  size_t delivered = 0, highest = 0;
  XmlStreamHandler h;
  h.take = BodyTake;
  h.element = [&](XmlElement&) {
    ++delivered;
    highest = std::max(highest, HeapInUse());
    return Status::OK();
  };
  const size_t before = HeapInUse();
  ASSERT_TRUE(StreamXmlPart(xml, "word/document.xml", 256, h).ok());
  EXPECT_EQ(300000u, delivered);
  // A tree of these paragraphs takes over 30 MB (about 120 bytes each).
  EXPECT_LT(highest - std::min(highest, before), 1u << 20) << "heap grew while streaming";
}

TEST(StreamXmlPartTest, AHandlerErrorStopsTheParse) {
  std::string xml = Document("<w:p/><w:p/><w:p/><w:p/><w:p/>");
  int delivered = 0;
  XmlStreamHandler h;
  h.take = BodyTake;
  h.element = [&](XmlElement&) {
    return ++delivered == 3 ? Status::TooLarge("limit: max_blocks (3) exceeded") : Status::OK();
  };
  Status s = StreamXmlPart(xml, "word/document.xml", 256, h);
  EXPECT_EQ(Status::Code::kTooLarge, s.code());
  EXPECT_EQ("limit: max_blocks (3) exceeded", s.message());
  EXPECT_EQ(3, delivered);
}

TEST(StreamXmlPartTest, MalformedXmlAfterDeliveredElementsIsStillReported) {
  std::string xml = Document("<w:p/><w:p/>").substr(0, Document("<w:p/><w:p/>").size() - 20);
  int delivered = 0;
  XmlStreamHandler h;
  h.take = BodyTake;
  h.element = [&](XmlElement&) {
    ++delivered;
    return Status::OK();
  };
  Status s = StreamXmlPart(xml, "word/document.xml", 256, h);
  EXPECT_EQ(Status::Code::kCorrupt, s.code()) << s.ToString();
  EXPECT_NE(s.message().find("malformed XML in word/document.xml"), std::string::npos);
  EXPECT_EQ(2, delivered);
}

// ---- libxml2's limits (2.9.14, without XML_PARSE_HUGE) ----

struct LimitCase {
  const char* name;
  std::string body;  // the children of w:body
  int max_depth;
  const char* says;  // after "XML in word/document.xml "
};

std::string Nested(int levels) {
  std::string s;
  for (int i = 0; i < levels; ++i) s += "<w:customXml>";
  for (int i = 0; i < levels; ++i) s += "</w:customXml>";
  return s;
}

TEST(LibxmlLimitsTest, EachLimitIsTooLargeAndNamed) {
  const size_t kText = 10000000;  // XML_MAX_TEXT_LENGTH
  const LimitCase cases[] = {
      {"text node", "<w:p><w:r><w:t>" + std::string(kText + 1, 'a') + "</w:t></w:r></w:p>", 256,
       "has a text node over libxml2's 10,000,000-byte limit"},
      {"CDATA text node",
       "<w:p><w:r><w:t><![CDATA[" + std::string(kText + 1, 'a') + "]]></w:t></w:r></w:p>", 256,
       "has a text node over libxml2's 10,000,000-byte limit"},
      {"attribute value", "<w:p w:x=\"" + std::string(kText + 1, 'v') + "\"/>", 256,
       "has an attribute value over libxml2's 10,000,000-byte limit"},
      // The push parser holds a comment until its end arrives, so its lookahead limit is met
      // first.
      {"comment", "<!--" + std::string(kText + 1, 'c') + "-->", 256,
       "has one piece of markup over libxml2's 10,000,000-byte limit on lookahead"},
      {"processing instruction", "<?pi " + std::string(kText + 1, 'c') + "?>", 256,
       "has a processing instruction over libxml2's 10,000,000-byte limit"},
      {"name", "<w:" + std::string(50001, 'n') + "/>", 256,
       "has a name over libxml2's 50,000-byte limit"},
      {"lookahead",
       "<w:p w:a=\"" + std::string(4000000, 'v') + "\" w:b=\"" + std::string(4000000, 'v') +
           "\" w:c=\"" + std::string(4000000, 'v') + "\"/>",
       256, "has one piece of markup over libxml2's 10,000,000-byte limit on lookahead"},
      {"depth", Nested(300), 400,
       "nests deeper than libxml2's limit of 256 levels, which max_xml_depth (400) cannot raise"},
  };
  for (const LimitCase& c : cases) {
    XmlElement root;
    Status s = ParseXmlPart(Document(c.body), "word/document.xml", c.max_depth, &root);
    EXPECT_EQ(Status::Code::kTooLarge, s.code()) << c.name << ": " << s.ToString();
    EXPECT_EQ("XML in word/document.xml " + std::string(c.says), s.message()) << c.name;
  }
  // Just under the limits reads.
  XmlElement root;
  Status s = ParseXmlPart(Document("<w:p><w:r><w:t>" + std::string(kText - 100, 'a') +
                                   "</w:t></w:r></w:p><w:" + std::string(50000, 'n') + "/>"),
                          "word/document.xml", 256, &root);
  EXPECT_TRUE(s.ok()) << s.ToString();
}

TEST(LibxmlLimitsTest, MalformedXmlIsStillCorrupt) {
  XmlElement root;
  Status s = ParseXmlPart(Document("<w:p><w:r></w:p>"), "word/document.xml", 256, &root);
  EXPECT_EQ(Status::Code::kCorrupt, s.code()) << s.ToString();
  EXPECT_NE(s.message().find("malformed XML in word/document.xml at line 1: "), std::string::npos)
      << s.message();
}

// ---- one line ----

TEST(LibxmlMessageTest, InvalidUtf8IsOneLine) {
  XmlElement root;
  Status s = ParseXmlPart(Document("<w:p><w:r><w:t>ab\xFF\xFE</w:t></w:r></w:p>"),
                          "word/document.xml", 256, &root);
  EXPECT_EQ(Status::Code::kCorrupt, s.code()) << s.ToString();
  EXPECT_NE(s.message().find("Input is not proper UTF-8, indicate encoding !; Bytes: 0xFF 0xFE"),
            std::string::npos)
      << s.message();
  EXPECT_EQ(s.message().find_first_of("\r\n"), std::string::npos) << s.message();
}

TEST(LibxmlMessageTest, LinesAreTrimmedAndJoined) {
  const struct {
    const char* in;
    const char* out;
  } cases[] = {
      {"Input is not proper UTF-8, indicate encoding !\nBytes: 0xFF 0xFE 0x3C 0x2F\n",
       "Input is not proper UTF-8, indicate encoding !; Bytes: 0xFF 0xFE 0x3C 0x2F"},
      {"Opening and ending tag mismatch: r line 1 and p\n",
       "Opening and ending tag mismatch: r line 1 and p"},
      {"  first \r\n\n second\r", "first; second"},
      {"\n", ""},
      {"", ""},
  };
  for (const auto& c : cases) EXPECT_EQ(c.out, LibxmlMessageLine(c.in)) << c.in;
}

}  // namespace
}  // namespace minutes
