// The "html" reader on pages written here: blocks, lists, tables with merged cells, line breaks,
// what is dropped, encodings, no fetches.

#include <gtest/gtest.h>

#include <string>

#include "ingest/ingest.h"
#include "ingest/reader.h"

namespace minutes {
namespace {

Document Read(const std::string& html) {
  Document doc;
  Status s = ReadBytes(html, IngestOptions(), &doc);
  EXPECT_TRUE(s.ok()) << s.ToString();
  return doc;
}

std::string Page(const std::string& body, const std::string& head = "") {
  return "<!DOCTYPE html>\n<html><head>" + head + "</head><body>" + body + "</body></html>";
}

TEST(HtmlReaderTest, HeadingsParagraphsAndCollapsedWhitespace) {
  Document doc = Read(
      Page("<h1>Corporate  Parenting\n Panel</h1><p>Present:\n   Councillor <b>Ann</b> Shah</p>"
           "<div>Apologies for absence</div><h3>23. Minutes</h3>"));
  EXPECT_EQ("html", doc.format);
  ASSERT_EQ(4u, doc.body.size()) << doc.text;
  EXPECT_EQ(BlockKind::kHeading, doc.body[0].kind);
  EXPECT_EQ(1, doc.body[0].level);
  EXPECT_EQ("Corporate Parenting Panel", doc.body[0].text);
  EXPECT_EQ("Present: Councillor Ann Shah", doc.body[1].text);
  EXPECT_EQ(BlockKind::kParagraph, doc.body[2].kind);
  EXPECT_EQ(3, doc.body[3].level);
}

TEST(HtmlReaderTest, BrIsALineBreakInsideTheParagraph) {
  Document doc =
      Read(Page("<p>Councillor Ann Shah (Chair)<br>\n Councillor Ben Evans <br/></p>"
                "<p><br></p>"));
  ASSERT_EQ(1u, doc.body.size()) << doc.text;
  EXPECT_EQ("Councillor Ann Shah (Chair)\nCouncillor Ben Evans", doc.body[0].text);
}

TEST(HtmlReaderTest, ListsKeepTheirMarkersAndNesting) {
  Document doc =
      Read(Page("<ul><li>Sufficiency</li><li>Health<ul><li>Medicals</li></ul></li></ul>"
                "<ol start=\"23\"><li><p>Minutes</p></li><li>Matters arising</li></ol>"
                "<ol type=\"a\"><li>first</li><li>second</li></ol>"));
  ASSERT_EQ(7u, doc.body.size()) << doc.text;
  EXPECT_EQ("•", doc.body[0].marker);
  EXPECT_EQ("Medicals", doc.body[2].text);
  EXPECT_EQ(1, doc.body[2].level);
  EXPECT_EQ("23.", doc.body[3].marker);
  EXPECT_EQ("Minutes", doc.body[3].text);
  EXPECT_EQ("24.", doc.body[4].marker);
  EXPECT_EQ("b.", doc.body[6].marker);
}

// From the html fuzz target (tests/fuzz/regressions/html/): numbering from INT_MAX overflowed, and
// a roman numeral for two billion was two million letters per item.
TEST(HtmlReaderTest, HugeListNumbersStayShortAndDoNotOverflow) {
  Document doc =
      Read(Page("<ol type=\"I\" start=\"2000000000\"><li>a</li><li>b</li></ol>"
                "<ol start=\"2147483647\"><li>c</li><li value=\"-9999999999\">d</li>"
                "<li>e</li></ol><ol type=\"i\" start=\"3999\"><li>f</li><li>g</li></ol>"));
  ASSERT_EQ(7u, doc.body.size()) << doc.text;
  EXPECT_EQ("1000000.", doc.body[0].marker);  // clamped, and decimal past 3999
  EXPECT_EQ("1000001.", doc.body[1].marker);
  EXPECT_EQ("1000000.", doc.body[2].marker);
  EXPECT_EQ("-1000000.", doc.body[3].marker);
  EXPECT_EQ("-999999.", doc.body[4].marker);
  EXPECT_EQ("mmmcmxcix.", doc.body[5].marker);
  EXPECT_EQ("4000.", doc.body[6].marker);
}

TEST(HtmlReaderTest, TablesCarryColspanAndRowspanAsMergedCells) {
  Document doc =
      Read(Page("<table><thead><tr><th>Ref</th><th colspan=\"2\">Action and owner</th></tr></thead>"
                "<tbody><tr><td rowspan=\"2\">12</td><td>Share policy</td><td>MC</td></tr>"
                "<tr><td>Write to ICB</td><td>SD</td></tr></tbody></table>"));
  ASSERT_EQ(1u, doc.body.size());
  const Block& t = doc.body[0];
  ASSERT_EQ(BlockKind::kTable, t.kind);
  ASSERT_EQ(3u, t.rows.size());
  EXPECT_EQ(2, t.rows[0].cells[1].grid_span);
  ASSERT_EQ(3u, t.rows[2].cells.size());
  EXPECT_TRUE(t.rows[2].cells[0].merged_from_above);
  EXPECT_EQ("12", t.rows[2].cells[0].blocks.at(0).text);
  EXPECT_EQ("Write to ICB", t.rows[2].cells[1].blocks.at(0).text);
  EXPECT_EQ("Ref\tAction and owner\t\n12\tShare policy\tMC\n12\tWrite to ICB\tSD\n", doc.text);
}

TEST(HtmlReaderTest, NavigationScriptsStylesAndHiddenTextAreDropped) {
  Document doc =
      Read(Page("<nav>Home | Committees</nav><script>document.write('x')</script>"
                "<style>p{}</style><noscript>enable js</noscript><div hidden>secret</div>"
                "<div role=\"navigation\">Breadcrumb</div><p aria-hidden=\"true\">icon</p>"
                "<main><p>Minutes of the meeting</p></main>",
                "<title>Agenda item</title><script>alert(1)</script>"));
  EXPECT_EQ("Minutes of the meeting\n", doc.text);
}

TEST(HtmlReaderTest, PageHeadersAndFootersBecomeParts) {
  Document doc =
      Read(Page("<div title=\"header\"><p>OFFICIAL</p></div><p>Body</p>"
                "<footer><p>Page 1</p></footer><article><header>Item 5</header>"
                "</article>"));
  ASSERT_EQ(2u, doc.body.size()) << doc.text;
  EXPECT_EQ("Item 5", doc.body[1].text);
  ASSERT_EQ(1u, doc.headers.size());
  EXPECT_EQ("OFFICIAL", doc.headers[0].text);
  ASSERT_EQ(1u, doc.footers.size());
  EXPECT_EQ("Page 1", doc.footers[0].text);
}

TEST(HtmlReaderTest, EncodingFromMetaBomOrBytes) {
  // Windows-1252 declared as ISO-8859-1 (browsers read it as 1252): 0x92 is a right quote, 0xA3 £.
  Document latin =
      Read(Page("<p>Kent\x92s fee \xA3"
                "33</p>",
                "<meta http-equiv=\"content-type\" content=\"text/html; "
                "charset=iso-8859-1\">"));
  EXPECT_EQ(
      "Kent\xE2\x80\x99s fee \xC2\xA3"
      "33\n",
      latin.text);
  Document meta = Read(Page("<p>caf\xE9</p>", "<meta charset=\"windows-1252\">"));
  EXPECT_EQ("caf\xC3\xA9\n", meta.text);
  Document bom = Read("\xEF\xBB\xBF" + Page("<p>\xC2\xA3"
                                            "10</p>"));
  EXPECT_EQ(
      "\xC2\xA3"
      "10\n",
      bom.text);
  Document sniffed =
      Read(Page("<p>\xA3"
                "10</p>"));  // not UTF-8, no label: Windows-1252
  EXPECT_EQ(
      "\xC2\xA3"
      "10\n",
      sniffed.text);
  Document latin9 =
      Read(Page("<p>\xA4"
                "5</p>",
                "<meta charset=\"iso-8859-15\">"));
  EXPECT_EQ(
      "\xE2\x82\xAC"
      "5\n",
      latin9.text);  // ICU: 0xA4 is the euro sign in Latin-9
}

TEST(HtmlReaderTest, NothingIsFetched) {
  // An external DTD, an external entity and remote resources: none is loaded, the text stays.
  Document doc = Read(
      "<?xml version=\"1.0\"?>\n<!DOCTYPE html SYSTEM \"http://127.0.0.1:9/never.dtd\" "
      "[<!ENTITY ext SYSTEM \"file:///etc/passwd\">]>\n<html><body>"
      "<img src=\"http://127.0.0.1:9/x.png\" alt=\"logo\"><iframe src=\"file:///etc/passwd\">"
      "</iframe><p>Minutes &ext; end</p></body></html>");
  EXPECT_EQ(std::string::npos, doc.text.find("root:")) << doc.text;
  EXPECT_NE(std::string::npos, doc.text.find("Minutes")) << doc.text;
  EXPECT_NE(std::string::npos, doc.text.find("[image: logo]")) << doc.text;
}

TEST(HtmlReaderTest, SniffingAndForcing) {
  const Reader* html = FindReader("html");
  ASSERT_NE(nullptr, html);
  EXPECT_TRUE(html->Sniff("<!DOCTYPE html><html>"));
  EXPECT_TRUE(html->Sniff("\xEF\xBB\xBF  <!-- saved --> <HTML lang=en>"));
  EXPECT_TRUE(html->Sniff("<?xml version=\"1.0\"?><!DOCTYPE HTML PUBLIC>"));
  EXPECT_FALSE(html->Sniff("Minutes\n<html> in a text note"));
  IngestOptions forced;
  forced.format = "html";
  Document doc;
  ASSERT_TRUE(ReadBytes("<p>Chair: Ann Shah</p>", forced, &doc).ok());
  EXPECT_EQ("Chair: Ann Shah\n", doc.text);
}

TEST(HtmlReaderTest, DeepNestingIsALimitNotACrash) {
  std::string deep;
  for (int i = 0; i < 300; ++i) deep += "<div>";
  IngestOptions options;
  options.max_xml_depth = 50;
  Document doc;
  Status s = ReadBytes(Page(deep + "x"), options, &doc);
  EXPECT_EQ(Status::Code::kTooLarge, s.code()) << s.ToString();
}

// libxml2 stops at a text node over 10,000,000 bytes; the page was read as if it ended there.
TEST(HtmlReaderTest, LibxmlTextNodeLimitIsTooLargeNotACutPage) {
  Document doc;
  Status s = ReadBytes(Page("<p>Start</p><p>" + std::string(10000001, 'a') + "</p><p>End</p>"),
                       IngestOptions(), &doc);
  EXPECT_EQ(Status::Code::kTooLarge, s.code()) << s.ToString().substr(0, 200);
  EXPECT_EQ("HTML has a text node over libxml2's 10,000,000-byte limit", s.message());
  // Just under it reads to the end (with room for so long a paragraph).
  IngestOptions roomy;
  roomy.max_paragraph_bytes = 16u << 20;
  s = ReadBytes(Page("<p>Start</p><p>" + std::string(9999000, 'a') + "</p><p>End</p>"), roomy,
                &doc);
  ASSERT_TRUE(s.ok()) << s.ToString();
  EXPECT_EQ("End\n", doc.text.substr(doc.text.size() - 4));
}

}  // namespace
}  // namespace minutes
