// DOCX reader tests: one construct per case, each a small package built in memory (zip_builder.h),
// read through minutes::ReadBytes (which renders), checked on doc.text and on the blocks.

#include <Poco/DateTime.h>
#include <Poco/Zip/Compress.h>
#include <gtest/gtest.h>

#include <chrono>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "ingest/document.h"
#include "ingest/ingest.h"
#include "ingest/style_sheet_cache.h"
#include "ingest/xml_module.h"
#include "tests/ingest/zip_builder.h"

namespace {

using minutes::Block;
using minutes::BlockKind;
using minutes::Document;
using minutes::IngestOptions;
using minutes::Status;
using minutes_test::MakeDocx;
using minutes_test::MakeZip;
using minutes_test::ZipEntries;

const std::string kTransitionalW = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const std::string kRelTypes =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";
// Namespaces for drawings, VML, markup compatibility and math, declared where a snippet needs them.
const std::string kNs =
    " xmlns:mc=\"http://schemas.openxmlformats.org/markup-compatibility/2006\""
    " xmlns:wp=\"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing\""
    " xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\""
    " xmlns:pic=\"http://schemas.openxmlformats.org/drawingml/2006/picture\""
    " xmlns:wps=\"http://schemas.microsoft.com/office/word/2010/wordprocessingShape\""
    " xmlns:v=\"urn:schemas-microsoft-com:vml\" xmlns:o=\"urn:schemas-microsoft-com:office:office\""
    " xmlns:m=\"http://schemas.openxmlformats.org/officeDocument/2006/math\"";

std::string R(const std::string& text) {
  return "<w:r><w:t xml:space=\"preserve\">" + text + "</w:t></w:r>";
}
std::string P(const std::string& inner) { return "<w:p>" + inner + "</w:p>"; }
std::string PT(const std::string& text) { return P(R(text)); }
// A paragraph with properties `ppr` (the children of w:pPr).
std::string PP(const std::string& ppr, const std::string& text) {
  return "<w:p><w:pPr>" + ppr + "</w:pPr>" + R(text) + "</w:p>";
}
std::string NumPr(int num_id, int ilvl) {
  return "<w:numPr><w:ilvl w:val=\"" + std::to_string(ilvl) + "\"/><w:numId w:val=\"" +
         std::to_string(num_id) + "\"/></w:numPr>";
}
std::string Part(const std::string& root, const std::string& inner) {
  return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:" + root + " xmlns:w=\"" + kTransitionalW +
         "\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">" +
         inner + "</w:" + root + ">";
}
// word/_rels/document.xml.rels with (id, type, target) relationships.
std::pair<std::string, std::string> DocRels(
    const std::vector<std::tuple<std::string, std::string, std::string>>& rels) {
  std::string xml =
      "<?xml version=\"1.0\"?><Relationships "
      "xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">";
  for (const auto& [id, type, target] : rels)
    xml += "<Relationship Id=\"" + id + "\" Type=\"" + kRelTypes + type + "\" Target=\"" + target +
           "\"/>";
  return {"word/_rels/document.xml.rels", xml + "</Relationships>"};
}

struct Read {
  Status status;
  Document doc;
  explicit Read(const std::string& bytes, IngestOptions options = IngestOptions()) {
    status = minutes::ReadBytes(bytes, options, &doc);
  }
  std::string body() const { return doc.text.substr(0, doc.body_end); }
};

// ---- one construct per case: body XML in, body text out ----

struct TextCase {
  const char* name;
  std::string body_xml;
  std::string expected;
};

void PrintTo(const TextCase& c, std::ostream* os) { *os << c.name; }

class BodyTextTest : public ::testing::TestWithParam<TextCase> {};

TEST_P(BodyTextTest, RendersAsWordShowsIt) {
  const TextCase& c = GetParam();
  Read r(MakeDocx(c.body_xml));
  ASSERT_TRUE(r.status.ok()) << r.status.ToString();
  EXPECT_EQ(r.body(), c.expected);
}

const std::string kTextBox =
    "<w:p" + kNs + ">" + R("Anchor") +
    "<w:r><mc:AlternateContent><mc:Choice Requires=\"wps\"><w:drawing><wp:anchor>"
    "<wp:docPr id=\"1\" name=\"Text Box 1\"/><a:graphic><a:graphicData "
    "uri=\"http://schemas.microsoft.com/office/word/2010/wordprocessingShape\"><wps:wsp><wps:txbx>"
    "<w:txbxContent>" +
    PT("CHOICE") +
    "</w:txbxContent></wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing>"
    "</mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent>" +
    PT("FALLBACK") +
    "</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>"
    "</w:p>" +
    PT("Next");

INSTANTIATE_TEST_SUITE_P(
    Constructs, BodyTextTest,
    ::testing::Values(
        TextCase{"RunsJoined", P(R("Hel") + R("lo") + R(" world")), "Hello world"},
        TextCase{"Tab", P("<w:r><w:t>a</w:t><w:tab/><w:t>b</w:t></w:r>"), "a\tb"},
        TextCase{"Break", P("<w:r><w:t>a</w:t><w:br/><w:t>b</w:t></w:r>"), "a\nb"},
        TextCase{"CarriageReturn", P("<w:r><w:t>a</w:t><w:cr/><w:t>b</w:t></w:r>"), "a\nb"},
        TextCase{"PageBreakEndsTheBlock",
                 P("<w:r><w:t>a</w:t><w:br w:type=\"page\"/><w:t>b</w:t></w:r>"), "a\n\nb"},
        TextCase{"SoftHyphenDropped",
                 P("<w:r><w:t>co</w:t><w:softHyphen/><w:t>operate</w:t></w:r>"), "cooperate"},
        TextCase{"NonBreakingHyphenIsAsciiHyphen",
                 P("<w:r><w:t>non</w:t><w:noBreakHyphen/><w:t>stop</w:t></w:r>"), "non-stop"},
        TextCase{"SymbolBullet",
                 P("<w:r><w:sym w:font=\"Symbol\" w:char=\"F0B7\"/></w:r>" + R(" x")),
                 "\xE2\x80\xA2 x"},
        TextCase{"WingdingsTick", P("<w:r><w:sym w:font=\"Wingdings\" w:char=\"F0FC\"/></w:r>"),
                 "\xE2\x9C\x93"},
        TextCase{"SymbolGreek", P("<w:r><w:sym w:font=\"Symbol\" w:char=\"F061\"/></w:r>"),
                 "\xCE\xB1"},
        TextCase{"UnknownSymbolAsGiven",
                 P("<w:r><w:sym w:font=\"Marlett\" w:char=\"F031\"/></w:r>"), "\xEF\x80\xB1"},
        TextCase{
            "InsertionKeptDeletionDropped",
            P(R("a ") + "<w:ins w:id=\"1\" w:author=\"x\">" + R("INSERTED") + "</w:ins>" +
              "<w:del w:id=\"2\" w:author=\"x\"><w:r><w:delText>DELETED</w:delText></w:r></w:del>"),
            "a INSERTED"},
        TextCase{
            "MoveFromDroppedMoveToKept",
            P("<w:moveFrom w:id=\"1\" w:author=\"x\">" + R("OLDPLACE") + "</w:moveFrom>" +
              R("Keep ") + "<w:moveTo w:id=\"2\" w:author=\"x\">" + R("NEWPLACE") + "</w:moveTo>"),
            "Keep NEWPLACE"},
        TextCase{"HyperlinkText",
                 P(R("see ") + "<w:hyperlink r:id=\"rId9\">" + R("the site") + "</w:hyperlink>"),
                 "see the site"},
        TextCase{"FieldSimpleResultKept",
                 P(R("Page ") + "<w:fldSimple w:instr=\" PAGE \">" + R("7") + "</w:fldSimple>"),
                 "Page 7"},
        TextCase{"ComplexFieldInstructionDropped",
                 P(R("Total: ") +
                   "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r>"
                   "<w:r><w:instrText xml:space=\"preserve\"> =SUM(ABOVE) </w:instrText></w:r>"
                   "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>" +
                   R("42") + "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r>" + R(" units")),
                 "Total: 42 units"},
        TextCase{"NestedFieldsInstructionsDropped",
                 P("<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r>"
                   "<w:r><w:instrText>IF </w:instrText></w:r>"
                   "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r>"
                   "<w:r><w:instrText>MERGEFIELD x</w:instrText></w:r>"
                   "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>" +
                   R("INNERRESULT") +
                   "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r>"
                   "<w:r><w:instrText> = 1 \"yes\"</w:instrText></w:r>"
                   "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>" +
                   R("yes") + "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r>"),
                 "yes"},
        TextCase{"FieldResultAcrossParagraphs",
                 P("<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r>"
                   "<w:r><w:instrText> TOC \\o \"1-3\" </w:instrText></w:r>"
                   "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>" +
                   R("TOC line 1")) +
                     P(R("TOC line 2") + "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r>") +
                     PT("after toc"),
                 "TOC line 1\n\nTOC line 2\n\nafter toc"},
        TextCase{
            "ContentControlBlockRunAndCell",
            "<w:sdt><w:sdtPr><w:alias w:val=\"x\"/></w:sdtPr><w:sdtContent>" + PT("BLOCKSDT") +
                "</w:sdtContent></w:sdt>" +
                P(R("a ") + "<w:sdt><w:sdtContent>" + R("RUNSDT") + "</w:sdtContent></w:sdt>") +
                "<w:tbl><w:tr><w:sdt><w:sdtContent><w:tc>" + PT("CELLSDT") +
                "</w:tc></w:sdtContent></w:sdt></w:tr></w:tbl>",
            "BLOCKSDT\n\na RUNSDT\n\nCELLSDT"},
        TextCase{"SmartTagAndCustomXml",
                 P(R("A ") + "<w:smartTag w:element=\"place\">" + R("Kent") + "</w:smartTag>" +
                   "<w:customXml w:element=\"name\">" + R(" INSIDE") + "</w:customXml>") +
                     "<w:customXml w:element=\"blk\">" + PT("BLOCKCUSTOM") + "</w:customXml>",
                 "A Kent INSIDE\n\nBLOCKCUSTOM"},
        TextCase{"TextBoxChoiceOnceNoFallbackDuplicate", kTextBox, "Anchor\n\nCHOICE\n\nNext"},
        TextCase{
            "AlternateContentFallbackWhenChoiceUnreadable",
            "<w:p" + kNs + ">" + R("x") +
                "<w:r><mc:AlternateContent><mc:Choice Requires=\"wpi\"><w:contentPart r:id=\"r1\"/>"
                "</mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent>" +
                PT("FALLBACK") +
                "</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback>"
                "</mc:AlternateContent></w:r></w:p>",
            "x\n\nFALLBACK"},
        TextCase{"ImageAltTextAfterParagraph",
                 "<w:p" + kNs + ">" + R("See chart") +
                     "<w:r><w:drawing><wp:inline><wp:docPr id=\"2\" name=\"Picture 1\" "
                     "descr=\"Org chart\"/><a:graphic><a:graphicData "
                     "uri=\"http://schemas.openxmlformats.org/drawingml/2006/picture\"><pic:pic>"
                     "<pic:blipFill><a:blip r:embed=\"rId9\"/></pic:blipFill></pic:pic>"
                     "</a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>" +
                     PT("after"),
                 "See chart\n\n[image: Org chart]\n\nafter"},
        TextCase{"VmlImageTitle",
                 "<w:p" + kNs +
                     "><w:r><w:pict><v:shape><v:imagedata r:id=\"rId5\" o:title=\"Logo\"/>"
                     "</v:shape></w:pict></w:r></w:p>",
                 "[image: Logo]"},
        TextCase{"HiddenTextDropped",
                 P("<w:r><w:rPr><w:vanish/></w:rPr><w:t>HIDDEN</w:t></w:r>" + R("shown") +
                   "<w:r><w:rPr><w:vanish w:val=\"0\"/></w:rPr><w:t xml:space=\"preserve\"> "
                   "too</w:t></w:r>"),
                 "shown too"},
        TextCase{"MathText",
                 "<w:p" + kNs + ">" + R("E=") +
                     "<m:oMath><m:r><m:t>mc</m:t></m:r><m:sSup><m:e><m:r><m:t>x</m:t></m:r></m:e>"
                     "<m:sup><m:r><m:t>2</m:t></m:r></m:sup></m:sSup></m:oMath></w:p>",
                 "E=mcx2"},
        TextCase{"AltChunkNoted", PT("before") + "<w:altChunk r:id=\"rIdA\"/>" + PT("after"),
                 "before\n\n[embedded document not shown]\n\nafter"},
        TextCase{"EmptyParagraphsSkipped", PT("a") + "<w:p/>" + P("") + PT("b"), "a\n\nb"}),
    [](const ::testing::TestParamInfo<TextCase>& info) { return std::string(info.param.name); });

// ---- styles: headings ----

TEST(DocxHeadings, StyleChainsOutlineLevelsAndTitle) {
  std::string styles =
      Part("styles",
           "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name "
           "w:val=\"Normal\"/></w:style>"
           "<w:style w:type=\"paragraph\" w:styleId=\"Heading2\"><w:name w:val=\"heading 2\"/>"
           "<w:basedOn w:val=\"Normal\"/></w:style>"
           "<w:style w:type=\"paragraph\" w:styleId=\"MyHead\"><w:name w:val=\"My Head\"/>"
           "<w:basedOn w:val=\"Heading2\"/></w:style>"
           "<w:style w:type=\"paragraph\" w:styleId=\"Outline3\"><w:name w:val=\"Custom\"/>"
           "<w:pPr><w:outlineLvl w:val=\"2\"/></w:pPr></w:style>"
           "<w:style w:type=\"paragraph\" w:styleId=\"Derived\"><w:name w:val=\"Derived\"/>"
           "<w:basedOn w:val=\"Outline3\"/></w:style>"
           "<w:style w:type=\"paragraph\" w:styleId=\"Title\"><w:name w:val=\"Title\"/></w:style>");
  std::string body =
      PP("<w:pStyle w:val=\"MyHead\"/>", "chain") + PP("<w:pStyle w:val=\"Derived\"/>", "outline") +
      PP("<w:outlineLvl w:val=\"0\"/>", "direct") + PP("<w:pStyle w:val=\"Title\"/>", "title") +
      PT("plain") + PP("<w:pStyle w:val=\"Heading2\"/><w:outlineLvl w:val=\"9\"/>", "body text");
  Read r(
      MakeDocx(body, {{"word/styles.xml", styles}, DocRels({{"rId1", "styles", "styles.xml"}})}));
  ASSERT_TRUE(r.status.ok()) << r.status.ToString();
  const std::vector<std::pair<BlockKind, int>> expected = {
      {BlockKind::kHeading, 2}, {BlockKind::kHeading, 3},   {BlockKind::kHeading, 1},
      {BlockKind::kHeading, 1}, {BlockKind::kParagraph, 0}, {BlockKind::kParagraph, 0}};
  ASSERT_EQ(r.doc.body.size(), expected.size());
  for (size_t i = 0; i < expected.size(); ++i) {
    EXPECT_EQ(r.doc.body[i].kind, expected[i].first) << i << " " << r.doc.body[i].text;
    EXPECT_EQ(r.doc.body[i].level, expected[i].second) << i << " " << r.doc.body[i].text;
  }
}

// Files of one template share its parsed style sheet (StyleSheetCache); files whose styles part
// differs in any byte, even one that keeps its size, each get their own. Read by this process's
// ReadDocx (xml_module.h), whose cache is the one below: through ReadBytes, the reader and its
// cache are minutes_xml.so's.
TEST(DocxStyleSheetCache, SameStylesPartIsParsedOnceAndADifferentOneIsNot) {
  auto styles_naming = [](const std::string& name) {
    return Part("styles", "<w:style w:type=\"paragraph\" w:styleId=\"Custom\"><w:name w:val=\"" +
                              name + "\"/></w:style>");
  };
  struct Direct {
    Status status;
    Document doc;
  };
  auto read = [&](const std::string& styles) {
    Direct r;
    r.status = minutes::ReadDocx(
        MakeDocx(PP("<w:pStyle w:val=\"Custom\"/>", "Attendance"),
                 {{"word/styles.xml", styles}, DocRels({{"rId1", "styles", "styles.xml"}})}),
        IngestOptions(), &r.doc);
    return r;
  };
  minutes::StyleSheetCache& cache = minutes::StyleSheetCache::Shared();
  const std::string heading2 = styles_naming("heading 2"), heading3 = styles_naming("heading 3");
  ASSERT_EQ(heading2.size(), heading3.size());

  size_t hits = cache.hits();
  Direct first = read(heading2);
  Direct second = read(heading2);
  ASSERT_TRUE(first.status.ok() && second.status.ok()) << second.status.ToString();
  EXPECT_EQ(hits + 1, cache.hits());
  ASSERT_EQ(1u, second.doc.body.size());
  EXPECT_EQ(BlockKind::kHeading, second.doc.body[0].kind);
  EXPECT_EQ(2, second.doc.body[0].level);

  hits = cache.hits();
  Direct other = read(heading3);  // same size, other bytes
  ASSERT_TRUE(other.status.ok()) << other.status.ToString();
  EXPECT_EQ(hits, cache.hits());
  ASSERT_EQ(1u, other.doc.body.size());
  EXPECT_EQ(3, other.doc.body[0].level);
}

TEST(DocxStyleSheetCache, AForgedCrcFindsNothing) {
  minutes::StyleSheetCache cache;
  minutes::ZipPackage::StoredPart stored;
  const std::string bytes = "stored bytes of a styles part",
                    forged = "stored bytes of a style part!";
  ASSERT_EQ(bytes.size(), forged.size());
  stored.bytes = bytes;
  stored.crc32 = 1234;
  stored.size = 99;
  cache.Insert(stored, std::make_shared<minutes::StyleSheet>());
  EXPECT_NE(nullptr, cache.Find(stored));
  stored.bytes = forged;  // same method, CRC-32 and sizes
  EXPECT_EQ(nullptr, cache.Find(stored));
}

TEST(DocxHeadings, BuiltinStyleIdWithoutStylesPart) {
  Read r(MakeDocx(PP("<w:pStyle w:val=\"Heading3\"/>", "x")));
  ASSERT_TRUE(r.status.ok());
  ASSERT_EQ(r.doc.body.size(), 1u);
  EXPECT_EQ(r.doc.body[0].kind, BlockKind::kHeading);
  EXPECT_EQ(r.doc.body[0].level, 3);
}

// ---- numbering: lists ----

std::string Lvl(int ilvl, const std::string& fmt, const std::string& text, int start = 1,
                const std::string& font = "") {
  std::string rpr =
      font.empty() ? ""
                   : "<w:rPr><w:rFonts w:ascii=\"" + font + "\" w:hAnsi=\"" + font + "\"/></w:rPr>";
  return "<w:lvl w:ilvl=\"" + std::to_string(ilvl) + "\"><w:start w:val=\"" +
         std::to_string(start) + "\"/><w:numFmt w:val=\"" + fmt + "\"/><w:lvlText w:val=\"" + text +
         "\"/>" + rpr + "</w:lvl>";
}
std::string Num(int id, int abstract_id, const std::string& overrides = "") {
  return "<w:num w:numId=\"" + std::to_string(id) + "\"><w:abstractNumId w:val=\"" +
         std::to_string(abstract_id) + "\"/>" + overrides + "</w:num>";
}

const std::string kNumbering = Part(
    "numbering",
    "<w:abstractNum w:abstractNumId=\"0\">" + Lvl(0, "decimal", "%1.") +
        Lvl(1, "lowerLetter", "%2)") + Lvl(2, "lowerRoman", "%3.") +
        "</w:abstractNum>"
        "<w:abstractNum w:abstractNumId=\"1\">" +
        Lvl(0, "bullet", "\xEF\x82\xB7", 1, "Symbol") + Lvl(1, "bullet", "o", 1, "Courier New") +
        Lvl(2, "bullet", "\xEF\x82\xA7", 1, "Wingdings") +
        "</w:abstractNum>"
        "<w:abstractNum w:abstractNumId=\"2\">" +
        Lvl(0, "decimal", "%1)") +
        "</w:abstractNum>"
        "<w:abstractNum w:abstractNumId=\"3\">" +
        Lvl(0, "upperLetter", "%1.") + Lvl(1, "upperRoman", "(%2)") +
        "</w:abstractNum>"
        "<w:abstractNum w:abstractNumId=\"4\">" +
        Lvl(0, "decimal", "%1.") + Lvl(1, "decimal", "%1.%2.") +
        "</w:abstractNum>"
        "<w:abstractNum w:abstractNumId=\"5\">" +
        Lvl(0, "none", "") +
        "</w:abstractNum>"
        "<w:abstractNum w:abstractNumId=\"6\">" +
        Lvl(0, "decimal", "%1.") + "</w:abstractNum>" + Num(1, 0) + Num(2, 1) +
        Num(3, 6, "<w:lvlOverride w:ilvl=\"0\"><w:startOverride w:val=\"5\"/></w:lvlOverride>") +
        Num(4, 6, "<w:lvlOverride w:ilvl=\"0\"><w:startOverride w:val=\"1\"/></w:lvlOverride>") +
        Num(5, 2) + Num(6, 3) + Num(7, 4) + Num(8, 5));

const std::string kListStyles =
    Part("styles",
         "<w:style w:type=\"paragraph\" w:styleId=\"ListNumber\"><w:name w:val=\"List Number\"/>"
         "<w:pPr>" +
             NumPr(5, 0) + "</w:pPr></w:style>");

TEST(DocxLists, MarkersLevelsOverridesAndRestarts) {
  struct Item {
    std::string ppr;
    std::string marker;
    int level;
  };
  const std::vector<Item> items = {
      {NumPr(1, 0), "1.", 0},
      {NumPr(1, 1), "a)", 1},
      {NumPr(1, 1), "b)", 1},
      {NumPr(1, 2), "i.", 2},
      {NumPr(1, 2), "ii.", 2},
      {NumPr(1, 0), "2.", 0},
      {NumPr(1, 1), "a)", 1},            // restarts: level 0 advanced
      {NumPr(2, 0), "\xE2\x80\xA2", 0},  // Symbol F0B7
      {NumPr(2, 1), "o", 1},             // Courier New "o" stays
      {NumPr(2, 2), "\xE2\x80\xA2", 2},  // Wingdings F0A7
      {NumPr(3, 0), "5.", 0},            // startOverride 5
      {NumPr(3, 0), "6.", 0},
      {NumPr(4, 0), "1.", 0},  // another num on the same abstract restarts at 1
      {NumPr(4, 0), "2.", 0},
      {"<w:pStyle w:val=\"ListNumber\"/>", "1)", 0},  // numPr from the paragraph style
      {"<w:pStyle w:val=\"ListNumber\"/>", "2)", 0},
      {NumPr(6, 0), "A.", 0},
      {NumPr(6, 1), "(I)", 1},
      {NumPr(6, 1), "(II)", 1},
      {NumPr(6, 0), "B.", 0},
      {NumPr(7, 0), "1.", 0},
      {NumPr(7, 1), "1.1.", 1},
      {NumPr(7, 1), "1.2.", 1},
      {NumPr(7, 0), "2.", 0},
      {NumPr(7, 1), "2.1.", 1},
      {NumPr(8, 0), "", 0},  // numFmt none
  };
  std::string body;
  for (size_t i = 0; i < items.size(); ++i) body += PP(items[i].ppr, "item" + std::to_string(i));
  body += PP(NumPr(0, 0), "numId 0 removes numbering");
  Read r(MakeDocx(
      body, {{"word/numbering.xml", kNumbering},
             {"word/styles.xml", kListStyles},
             DocRels({{"rId1", "numbering", "numbering.xml"}, {"rId2", "styles", "styles.xml"}})}));
  ASSERT_TRUE(r.status.ok()) << r.status.ToString();
  ASSERT_EQ(r.doc.body.size(), items.size() + 1);
  for (size_t i = 0; i < items.size(); ++i) {
    const Block& b = r.doc.body[i];
    EXPECT_EQ(b.kind, BlockKind::kListItem) << i;
    EXPECT_EQ(b.marker, items[i].marker) << i;
    EXPECT_EQ(b.level, items[i].level) << i;
    EXPECT_EQ(b.text, "item" + std::to_string(i));
  }
  EXPECT_EQ(r.doc.body.back().kind, BlockKind::kParagraph);
  EXPECT_EQ(r.body().substr(0, 19), "1. item0\n\na) item1\n");
}

// ---- tables ----

std::string Tc(const std::string& tcpr, const std::string& content) {
  return "<w:tc>" + (tcpr.empty() ? "" : "<w:tcPr>" + tcpr + "</w:tcPr>") + content + "</w:tc>";
}
std::string Tr(const std::string& cells, const std::string& trpr = "") {
  return "<w:tr>" + (trpr.empty() ? "" : "<w:trPr>" + trpr + "</w:trPr>") + cells + "</w:tr>";
}
std::string Tbl(const std::string& rows) { return "<w:tbl><w:tblPr/>" + rows + "</w:tbl>"; }

TEST(DocxTables, GridSpanGridBeforeAndAfter) {
  Read r(MakeDocx(
      Tbl(Tr(Tc("", PT("a")) + Tc("", PT("b")) + Tc("", PT("c"))) +
          Tr(Tc("<w:gridSpan w:val=\"2\"/>", PT("wide")) + Tc("", PT("z"))) +
          Tr(Tc("", PT("mid")), "<w:gridBefore w:val=\"1\"/><w:gridAfter w:val=\"1\"/>"))));
  ASSERT_TRUE(r.status.ok()) << r.status.ToString();
  ASSERT_EQ(r.doc.body.size(), 1u);
  const Block& t = r.doc.body[0];
  ASSERT_EQ(t.kind, BlockKind::kTable);
  ASSERT_EQ(t.rows.size(), 3u);
  EXPECT_EQ(t.rows[1].cells[0].grid_span, 2);
  ASSERT_EQ(t.rows[2].cells.size(), 3u);
  EXPECT_TRUE(t.rows[2].cells[0].blocks.empty());
  EXPECT_EQ(r.body(), "a\tb\tc\nwide\t\tz\n\tmid\t");
}

TEST(DocxTables, VerticalMergeCopiesValueToEveryRow) {
  Read r(MakeDocx(Tbl(Tr(Tc("<w:vMerge w:val=\"restart\"/>", PT("Kent")) + Tc("", PT("r1"))) +
                      Tr(Tc("<w:vMerge/>", "<w:p/>") + Tc("", PT("r2"))) +
                      Tr(Tc("<w:vMerge w:val=\"continue\"/>", "<w:p/>") + Tc("", PT("r3"))) +
                      Tr(Tc("", PT("Surrey")) + Tc("", PT("r4"))))));
  ASSERT_TRUE(r.status.ok()) << r.status.ToString();
  const Block& t = r.doc.body.at(0);
  ASSERT_EQ(t.rows.size(), 4u);
  EXPECT_FALSE(t.rows[0].cells[0].merged_from_above);
  EXPECT_TRUE(t.rows[1].cells[0].merged_from_above);
  EXPECT_TRUE(t.rows[2].cells[0].merged_from_above);
  EXPECT_FALSE(t.rows[3].cells[0].merged_from_above);
  EXPECT_EQ(r.body(), "Kent\tr1\nKent\tr2\nKent\tr3\nSurrey\tr4");
}

TEST(DocxTables, VerticalMergeUnderGridSpan) {
  // Column 2 merges down while the first row spans columns 0-1.
  Read r(MakeDocx(Tbl(Tr(Tc("<w:gridSpan w:val=\"2\"/>", PT("AB")) +
                         Tc("<w:vMerge w:val=\"restart\"/>", PT("C12"))) +
                      Tr(Tc("", PT("A2")) + Tc("", PT("B2")) + Tc("<w:vMerge/>", "<w:p/>")))));
  ASSERT_TRUE(r.status.ok()) << r.status.ToString();
  EXPECT_EQ(r.body(), "AB\t\tC12\nA2\tB2\tC12");
}

TEST(DocxTables, NestedTableInCell) {
  Read r(MakeDocx(Tbl(Tr(Tc("", PT("outer") +
                                    Tbl(Tr(Tc("", PT("i1")) + Tc("", PT("i2"))) +
                                        Tr(Tc("", PT("i3")) + Tc("", PT("i4")))) +
                                    "<w:p/>") +
                         Tc("", PT("right"))))));
  ASSERT_TRUE(r.status.ok()) << r.status.ToString();
  const minutes::Cell& cell = r.doc.body.at(0).rows.at(0).cells.at(0);
  ASSERT_GE(cell.blocks.size(), 2u);
  EXPECT_EQ(cell.blocks[1].kind, BlockKind::kTable);
  EXPECT_EQ(r.body(), "outer\ni1 | i2\ni3 | i4\tright");
}

// ---- parts kept apart ----

TEST(DocxParts, NotesCommentsHeadersFooters) {
  std::string body =
      P(R("Alpha") + "<w:r><w:footnoteReference w:id=\"2\"/></w:r>" + R(" beta") +
        "<w:r><w:footnoteReference w:id=\"1\"/></w:r>" + R(" gamma") +
        "<w:r><w:endnoteReference w:id=\"5\"/></w:r>" + "<w:commentRangeStart w:id=\"0\"/>" +
        R(" delta") + "<w:commentRangeEnd w:id=\"0\"/>" +
        "<w:r><w:commentReference w:id=\"0\"/></w:r>") +
      "<w:sectPr><w:headerReference w:type=\"default\" r:id=\"rIdH\"/>"
      "<w:headerReference w:type=\"first\" r:id=\"rIdH1\"/>"
      "<w:footerReference w:type=\"default\" r:id=\"rIdF\"/></w:sectPr>";
  auto note = [](const char* kind, const char* id, const char* type, const std::string& text) {
    std::string ref = std::string("<w:r><w:") + kind + "Ref/></w:r>";
    return std::string("<w:") + kind + " w:id=\"" + id + "\"" +
           (*type ? std::string(" w:type=\"") + type + "\"" : "") + "><w:p>" + ref + R(text) +
           "</w:p></w:" + kind + ">";
  };
  std::string footnotes =
      Part("footnotes", note("footnote", "-1", "separator", "SEPARATOR") +
                            note("footnote", "0", "continuationSeparator", "CONT") +
                            note("footnote", "1", "", " First note") +
                            note("footnote", "2", "", " Second note"));
  std::string endnotes = Part("endnotes", note("endnote", "5", "", " End note"));
  std::string comments =
      Part("comments", "<w:comment w:id=\"0\" w:author=\"RE\">" + PT("A remark") + "</w:comment>");
  Read r(MakeDocx(body, {{"word/footnotes.xml", footnotes},
                         {"word/endnotes.xml", endnotes},
                         {"word/comments.xml", comments},
                         {"word/header1.xml", Part("hdr", PT("Header text"))},
                         {"word/header2.xml", Part("hdr", PT("FIRST PAGE ONLY"))},
                         {"word/footer1.xml", Part("ftr", PT("Footer text"))},
                         DocRels({{"rIdN", "footnotes", "footnotes.xml"},
                                  {"rIdE", "endnotes", "endnotes.xml"},
                                  {"rIdC", "comments", "comments.xml"},
                                  {"rIdH", "header", "header1.xml"},
                                  {"rIdH1", "header", "header2.xml"},
                                  {"rIdF", "footer", "footer1.xml"}})}));
  ASSERT_TRUE(r.status.ok()) << r.status.ToString();
  EXPECT_EQ(r.body(), "Alpha[1] beta[2] gamma[i] delta");
  ASSERT_EQ(r.doc.footnotes.size(), 2u);
  EXPECT_EQ(r.doc.footnotes[0].marker, "[1]");
  EXPECT_EQ(r.doc.footnotes[0].text, "Second note");
  EXPECT_EQ(r.doc.footnotes[1].text, "First note");
  ASSERT_EQ(r.doc.endnotes.size(), 1u);
  EXPECT_EQ(r.doc.endnotes[0].marker, "[i]");
  ASSERT_EQ(r.doc.comments.size(), 1u);
  EXPECT_EQ(r.doc.comments[0].marker, "[comment 1]");
  ASSERT_EQ(r.doc.headers.size(), 1u);  // no w:titlePg: the first-page header is not shown
  EXPECT_EQ(r.doc.headers[0].text, "Header text");
  ASSERT_EQ(r.doc.footers.size(), 1u);
  EXPECT_EQ(r.doc.text,
            "Alpha[1] beta[2] gamma[i] delta\n\n[1] Second note\n\n[2] First note\n\n[i] End note"
            "\n\n[comment 1] A remark\n\nHeader text\n\nFooter text\n");
}

// ---- packages: namespaces, part names, relationships ----

const std::string kContentTypes =
    "<?xml version=\"1.0\"?><Types "
    "xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
    "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
    "<Override PartName=\"/doc/main.xml\" ContentType=\"application/"
    "vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>";

std::string PackageRels(const std::string& type, const std::string& target) {
  return "<?xml version=\"1.0\"?><Relationships "
         "xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
         "<Relationship Id=\"rId1\" Type=\"" +
         type + "\" Target=\"" + target + "\"/></Relationships>";
}
const std::string kOfficeDocument = kRelTypes + "officeDocument";

TEST(DocxPackage, StrictNamespaces) {
  std::string doc =
      "<?xml version=\"1.0\"?><w:document "
      "xmlns:w=\"http://purl.oclc.org/ooxml/wordprocessingml/main\">"
      "<w:body><w:p><w:pPr><w:pStyle w:val=\"Heading1\"/></w:pPr><w:r><w:t>STRICT</w:t></w:r></w:p>"
      "</w:body></w:document>";
  Read r(MakeZip(
      {{"[Content_Types].xml", kContentTypes},
       {"_rels/.rels", PackageRels("http://purl.oclc.org/ooxml/officeDocument/relationships/"
                                   "officeDocument",
                                   "word/document.xml")},
       {"word/document.xml", doc}}));
  ASSERT_TRUE(r.status.ok()) << r.status.ToString();
  EXPECT_EQ(r.body(), "STRICT");
  EXPECT_EQ(r.doc.body.at(0).kind, BlockKind::kHeading);
}

TEST(DocxPackage, AnyPrefixAndDefaultNamespace) {
  std::string prefixed = "<?xml version=\"1.0\"?><x:document xmlns:x=\"" + kTransitionalW +
                         "\"><x:body><x:p><x:r><x:t>PREFIX</x:t><x:tab/><x:t>X</x:t></x:r></x:p>"
                         "</x:body></x:document>";
  Read a(MakeZip({{"_rels/.rels", PackageRels(kOfficeDocument, "word/document.xml")},
                  {"word/document.xml", prefixed}}));
  ASSERT_TRUE(a.status.ok()) << a.status.ToString();
  EXPECT_EQ(a.body(), "PREFIX\tX");
  std::string unprefixed =
      "<?xml version=\"1.0\"?><document xmlns=\"" + kTransitionalW +
      "\"><body><p><pPr><pStyle val=\"Heading2\"/></pPr><r><t>DEFAULT_NS</t></r>"
      "</p></body></document>";
  Read b(MakeZip({{"_rels/.rels", PackageRels(kOfficeDocument, "word/document.xml")},
                  {"word/document.xml", unprefixed}}));
  ASSERT_TRUE(b.status.ok()) << b.status.ToString();
  EXPECT_EQ(b.body(), "DEFAULT_NS");
  EXPECT_EQ(b.doc.body.at(0).level, 2);
}

TEST(DocxPackage, MainPartElsewhereThroughRels) {
  // The relationship wins over the conventional name; styles resolve through "..".
  Read h(MakeZip(
      {{"_rels/.rels", PackageRels(kOfficeDocument, "/content/main.xml")},
       {"content/main.xml",
        minutes_test::WrapBody(PP("<w:pStyle w:val=\"H\"/>", "MAIN_OUTSIDE_WORD"))},
       {"content/_rels/main.xml.rels", DocRels({{"rS", "styles", "../styling/s.xml"}}).second},
       {"styling/s.xml", Part("styles",
                              "<w:style w:type=\"paragraph\" w:styleId=\"H\">"
                              "<w:name w:val=\"heading 4\"/></w:style>")},
       {"word/document.xml", minutes_test::WrapBody(PT("DECOY"))}}));
  ASSERT_TRUE(h.status.ok()) << h.status.ToString();
  EXPECT_EQ(h.body(), "MAIN_OUTSIDE_WORD");
  EXPECT_EQ(h.doc.body.at(0).kind, BlockKind::kHeading);
  EXPECT_EQ(h.doc.body.at(0).level, 4);
}

TEST(DocxPackage, NoPackageRelsFallsBackToContentTypes) {
  Read r(MakeZip({{"[Content_Types].xml", kContentTypes},
                  {"doc/main.xml", minutes_test::WrapBody(PT("FROM_CONTENT_TYPES"))}}));
  ASSERT_TRUE(r.status.ok()) << r.status.ToString();
  EXPECT_EQ(r.body(), "FROM_CONTENT_TYPES");
  Read w(MakeZip({{"word/document.xml", minutes_test::WrapBody(PT("CONVENTIONAL_NAME"))}}));
  ASSERT_TRUE(w.status.ok()) << w.status.ToString();
  EXPECT_EQ(w.body(), "CONVENTIONAL_NAME");
}

TEST(DocxPackage, PartNamesInOtherCaseOrWithBackslashes) {
  Read c(MakeZip({{"_rels/.rels", PackageRels(kOfficeDocument, "word/document.xml")},
                  {"Word/Document.xml", minutes_test::WrapBody(PT("CASE"))}}));
  ASSERT_TRUE(c.status.ok()) << c.status.ToString();
  EXPECT_EQ(c.body(), "CASE");
  // Poco refuses to write '\\' in names; write '/' and patch both headers of each entry.
  std::string zip = MakeZip({{"_rels/.rels", PackageRels(kOfficeDocument, "word/document.xml")},
                             {"word/document.xml", minutes_test::WrapBody(PT("BACKSLASH"))}});
  for (const std::string name : {"_rels/.rels", "word/document.xml"}) {
    std::string patched = name;
    patched[patched.find('/')] = '\\';
    for (size_t at = zip.find(name); at != std::string::npos; at = zip.find(name, at + 1))
      if (zip.compare(at - 30, 2, "PK") == 0 || zip.compare(at - 46, 2, "PK") == 0)
        zip.replace(at, name.size(), patched);
  }
  ASSERT_NE(zip.find("word\\document.xml"), std::string::npos);
  Read b(zip);
  ASSERT_TRUE(b.status.ok()) << b.status.ToString();
  EXPECT_EQ(b.body(), "BACKSLASH");
}

std::string PocoZip(const ZipEntries& entries, bool seekable, bool zip64) {
  std::ostringstream out;
  Poco::Zip::Compress zip(out, seekable, zip64);
  for (const auto& [name, content] : entries) {
    std::istringstream in(content);
    zip.addFile(in, Poco::DateTime(2025, 7, 7), name, Poco::Zip::ZipCommon::CM_DEFLATE,
                Poco::Zip::ZipCommon::CL_NORMAL);
  }
  zip.close();
  return out.str();
}

TEST(DocxPackage, ZipVariants) {
  const ZipEntries entries = {{"_rels/.rels", PackageRels(kOfficeDocument, "word/document.xml")},
                              {"word/document.xml", minutes_test::WrapBody(PT("ZIPPED"))}};
  struct Variant {
    const char* name;
    std::string bytes;
  } variants[] = {
      {"stored", MakeZip(entries, /*store=*/true)},
      {"data descriptors", PocoZip(entries, /*seekable=*/false, /*zip64=*/false)},
      {"zip64", PocoZip(entries, /*seekable=*/true, /*zip64=*/true)},
      {"bytes before the zip", std::string(200, 'J') + MakeZip(entries)},
  };
  for (const Variant& v : variants) {
    Read r(v.bytes);
    ASSERT_TRUE(r.status.ok()) << v.name << ": " << r.status.ToString();
    EXPECT_EQ(r.body(), "ZIPPED") << v.name;
  }
}

// ---- hostile and broken input ----

void ExpectFailure(const Read& r, Status::Code code, const std::string& message_part) {
  ASSERT_FALSE(r.status.ok());
  EXPECT_EQ(r.status.code(), code) << r.status.ToString();
  EXPECT_NE(r.status.message().find(message_part), std::string::npos) << r.status.ToString();
  EXPECT_EQ(r.status.message().find('\n'), std::string::npos) << "one line: " << r.status.message();
}

TEST(DocxBadInput, NotAZipWhenForced) {
  IngestOptions o;
  o.format = "docx";
  Read r("Minutes of the meeting held on 7 July\n", o);
  ExpectFailure(r, Status::Code::kCorrupt, "not a zip archive");
}

TEST(DocxBadInput, TruncatedZip) {
  std::string docx = MakeDocx(PT("hello"));
  Read r(docx.substr(0, docx.size() / 2));
  ExpectFailure(r, Status::Code::kCorrupt, "truncated or corrupt zip archive");
}

TEST(DocxBadInput, CorruptCompressedData) {
  std::string docx = MakeDocx(PT(std::string(300, 'x') + "hello world, a paragraph of text"));
  size_t name = docx.find("word/document.xml");  // the local header's name
  ASSERT_NE(name, std::string::npos);
  for (size_t i = name + 40; i < name + 60; ++i) docx[i] = static_cast<char>(docx[i] ^ 0x5A);
  Read r(docx);
  ExpectFailure(r, Status::Code::kCorrupt, "truncated or corrupt zip archive");
}

TEST(DocxBadInput, NoMainDocument) {
  Read r(MakeZip({{"readme.txt", "not a document"}}));
  ExpectFailure(r, Status::Code::kCorrupt,
                "no main document part (no officeDocument relationship and no word/document.xml)");
}

TEST(DocxBadInput, MalformedXml) {
  Read r(MakeDocx("<w:p><w:r><w:t>open</w:r></w:p>"));
  ExpectFailure(r, Status::Code::kCorrupt, "malformed XML in word/document.xml at line 1: ");
}

TEST(DocxBadInput, ExternalEntityIsNeverRead) {
  const std::string doctypes[] = {
      "<!DOCTYPE w:document [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>",
      "<!DOCTYPE w:document [<!ENTITY % p SYSTEM \"file:///etc/passwd\"> %p;]>",
      "<!DOCTYPE w:document SYSTEM \"file:///etc/passwd\">",
  };
  for (const std::string& doctype : doctypes) {
    std::string doc = "<?xml version=\"1.0\"?>" + doctype + "<w:document xmlns:w=\"" +
                      kTransitionalW +
                      "\"><w:body><w:p><w:r><w:t>x&xxe;</w:t></w:r></w:p></w:body></w:document>";
    Read r(MakeZip({{"_rels/.rels", PackageRels(kOfficeDocument, "word/document.xml")},
                    {"word/document.xml", doc}}));
    ExpectFailure(r, Status::Code::kCorrupt, "word/document.xml");
    EXPECT_EQ(r.doc.text.find("root:"), std::string::npos);
    EXPECT_EQ(r.status.message().find("root:"), std::string::npos);
  }
  // In any part, not only the main one.
  std::string styles =
      "<?xml version=\"1.0\"?><!DOCTYPE w:styles [<!ENTITY xxe SYSTEM "
      "\"file:///etc/passwd\">]><w:styles xmlns:w=\"" +
      kTransitionalW + "\"/>";
  Read s(MakeDocx(PT("x"),
                  {{"word/styles.xml", styles}, DocRels({{"rId1", "styles", "styles.xml"}})}));
  ExpectFailure(s, Status::Code::kCorrupt, "DTD");
}

TEST(DocxBadInput, BillionLaughs) {
  std::string dtd = "<!DOCTYPE w:document [<!ENTITY lol \"lol\">";
  std::string prev = "lol";
  for (int i = 1; i <= 9; ++i) {
    std::string name = "lol" + std::to_string(i);
    dtd += "<!ENTITY " + name + " \"";
    for (int k = 0; k < 10; ++k) dtd += "&" + prev + ";";
    dtd += "\">";
    prev = name;
  }
  dtd += "]>";
  std::string doc = "<?xml version=\"1.0\"?>" + dtd + "<w:document xmlns:w=\"" + kTransitionalW +
                    "\"><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>";
  auto start = std::chrono::steady_clock::now();
  Read r(MakeZip({{"_rels/.rels", PackageRels(kOfficeDocument, "word/document.xml")},
                  {"word/document.xml", doc}}));
  ExpectFailure(r, Status::Code::kCorrupt, "DTD");
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(2));
}

TEST(DocxBadInput, ZipBombByCompressionRatio) {
  // 4 MiB of one letter deflates ~1000:1.
  Read r(MakeDocx(PT(std::string(4u << 20, 'a'))));
  ExpectFailure(r, Status::Code::kTooLarge, "max_compression_ratio");
}

TEST(DocxBadInput, DecompressedBytesCountedOverAllParts) {
  auto varied = [](int n) {
    std::string s;
    for (int i = 0; i < n; ++i) s += std::to_string(i * 7919 % 100003) + " ";
    return s;
  };
  IngestOptions o;
  o.max_decompressed_bytes = 60000;
  // Each part alone fits; together they do not.
  std::string styles = Part("styles", "<!-- " + varied(7000) + " -->");
  ASSERT_GT(styles.size(), 35000u);
  ASSERT_LT(styles.size(), 55000u);
  Read r(MakeDocx(PT(varied(7000)),
                  {{"word/styles.xml", styles}, DocRels({{"rId1", "styles", "styles.xml"}})}),
         o);
  ExpectFailure(r, Status::Code::kTooLarge, "max_decompressed_bytes");
  Read one(MakeDocx(PT(varied(7000))), o);
  EXPECT_TRUE(one.status.ok()) << one.status.ToString();
}

// Sets the uncompressed size recorded in the central directory entry for `name`.
void PatchDeclaredSize(std::string* zip, const std::string& name, uint32_t size) {
  size_t at = zip->rfind(name);  // the central directory comes after the local headers
  ASSERT_NE(at, std::string::npos);
  size_t header = at - 46;
  ASSERT_EQ(zip->substr(header, 4), std::string("PK\x01\x02", 4));
  for (int i = 0; i < 4; ++i) (*zip)[header + 24 + i] = static_cast<char>(size >> (8 * i) & 0xFF);
}

TEST(DocxBadInput, DeclaredSizesCheckedUpFrontAndWhileInflating) {
  std::string huge = MakeDocx(PT("small"));
  PatchDeclaredSize(&huge, "word/document.xml", 0x7FFFFFFF);
  ExpectFailure(Read(huge), Status::Code::kTooLarge, "max_decompressed_bytes");
  std::string lying = MakeDocx(PT(std::string(5000, 'q')));
  PatchDeclaredSize(&lying, "word/document.xml", 100);
  ExpectFailure(Read(lying), Status::Code::kCorrupt, "declared size");
}

TEST(DocxBadInput, NestingDeeperThanMaxXmlDepth) {
  std::string deep;
  for (int i = 0; i < 40; ++i) deep += "<w:customXml w:element=\"x\">";
  deep += PT("deep");
  for (int i = 0; i < 40; ++i) deep += "</w:customXml>";
  IngestOptions o;
  o.max_xml_depth = 20;
  ExpectFailure(Read(MakeDocx(deep), o), Status::Code::kTooLarge, "max_xml_depth (20)");
  Read ok(MakeDocx(deep));  // within the default
  ASSERT_TRUE(ok.status.ok()) << ok.status.ToString();
  EXPECT_EQ(ok.body(), "deep");

  std::string very_deep;
  for (int i = 0; i < 400; ++i) very_deep += "<w:customXml>";
  for (int i = 0; i < 400; ++i) very_deep += "</w:customXml>";
  ExpectFailure(Read(MakeDocx(very_deep)), Status::Code::kTooLarge, "max_xml_depth");
}

TEST(DocxBadInput, TooManyEntries) {
  IngestOptions o;
  o.max_zip_entries = 3;
  Read r(MakeDocx(PT("x"), {{"word/extra.xml", "<x/>"}}), o);
  ExpectFailure(r, Status::Code::kTooLarge, "max_zip_entries (3)");
}

// ---- the main part is streamed: a body element at a time ----

TEST(DocxStream, ContainersOfManyParagraphsReadAsBefore) {
  // Word never writes this, but anyone can: 100,000 empty paragraphs inside one content control,
  // inside one customXml, then text. Each paragraph is handed over alone (docx_xml_test measures
  // the heap); here the blocks and text must be what the tree gave.
  std::string empties;
  for (int i = 0; i < 100000; ++i) empties += "<w:p/>";
  Read r(MakeDocx(PT("first") + "<w:sdt><w:sdtPr><w:alias w:val=\"x\"/></w:sdtPr><w:sdtContent>" +
                  "<w:customXml w:element=\"c\">" + empties + PT("inside") +
                  "</w:customXml></w:sdtContent></w:sdt>" + PT("last")));
  ASSERT_TRUE(r.status.ok()) << r.status.ToString();
  EXPECT_EQ(r.body(), "first\n\ninside\n\nlast");
  EXPECT_EQ(r.doc.body.size(), 100003u);
}

TEST(DocxStream, OnlyTheFirstBodyIsRead) {
  std::string doc = "<?xml version=\"1.0\"?><w:document xmlns:w=\"" + kTransitionalW +
                    "\"><w:background/><w:body>" + PT("FIRST") + "</w:body><w:body>" +
                    PT("SECOND") + "</w:body></w:document>";
  Read r(MakeZip({{"_rels/.rels", PackageRels(kOfficeDocument, "word/document.xml")},
                  {"word/document.xml", doc}}));
  ASSERT_TRUE(r.status.ok()) << r.status.ToString();
  EXPECT_EQ(r.body(), "FIRST");
}

TEST(DocxStream, MainPartThatIsNotADocument) {
  std::string doc = "<?xml version=\"1.0\"?><w:styles xmlns:w=\"" + kTransitionalW + "\"><w:body>" +
                    PT("x") + "</w:body></w:styles>";
  Read r(MakeZip({{"_rels/.rels", PackageRels(kOfficeDocument, "word/document.xml")},
                  {"word/document.xml", doc}}));
  ExpectFailure(r, Status::Code::kCorrupt,
                "main document part word/document.xml is not a WordprocessingML document "
                "(root element styles)");
}

// ---- libxml2's own limits and messages, through the whole reader ----

TEST(DocxBadInput, LibxmlTextNodeLimitIsTooLargeNotCorrupt) {
  // Stored, not deflated: 10 MB of one letter would hit max_compression_ratio first.
  std::string doc = minutes_test::WrapBody(PT(std::string(10000001, 'a')));
  Read r(MakeZip({{"_rels/.rels", PackageRels(kOfficeDocument, "word/document.xml")},
                  {"word/document.xml", doc}},
                 /*store=*/true));
  ExpectFailure(r, Status::Code::kTooLarge,
                "XML in word/document.xml has a text node over libxml2's 10,000,000-byte limit");
}

TEST(DocxBadInput, LibxmlNameLimitInAnyPart) {
  std::string styles = Part("styles", "<w:" + std::string(50001, 's') + "/>");
  Read r(MakeDocx(PT("x"),
                  {{"word/styles.xml", styles}, DocRels({{"rId1", "styles", "styles.xml"}})}));
  ExpectFailure(r, Status::Code::kTooLarge,
                "XML in word/styles.xml has a name over libxml2's 50,000-byte limit");
}

TEST(DocxBadInput, InvalidUtf8MessageIsOneLine) {
  Read r(MakeDocx(PT("caf\xE9 au lait")));  // Windows-1252 bytes in a UTF-8 part
  ExpectFailure(r, Status::Code::kCorrupt,
                "malformed XML in word/document.xml at line 1: Input is not proper UTF-8, "
                "indicate encoding !; Bytes: 0xE9 0x20 0x61 0x75");
}

// ---- the zip container ----

// Renames every `from` in the archive's headers to `to` (same length), so that two entries can
// share a name: Poco's zip writer will not write such an archive.
std::string RenameEntries(std::string zip, const std::string& from, const std::string& to) {
  EXPECT_EQ(from.size(), to.size());
  for (size_t at = zip.find(from); at != std::string::npos; at = zip.find(from, at + 1))
    zip.replace(at, from.size(), to);
  return zip;
}

TEST(DocxBadInput, TwoEntriesOfOneNameAreRefused) {
  std::string decoy =
      MakeDocx(PT("SEEN"), {{"word/documenX.xml", minutes_test::WrapBody(PT("UNSEEN"))}});
  Read same(RenameEntries(decoy, "word/documenX.xml", "word/document.xml"));
  ExpectFailure(same, Status::Code::kCorrupt,
                "zip archive has two entries named word/document.xml");
  // Part names match without regard to case, as in Word.
  Read cased(RenameEntries(decoy, "word/documenX.xml", "WORD/DOCUMENT.xml"));
  ExpectFailure(cased, Status::Code::kCorrupt,
                "zip archive has two entries for one part: WORD/DOCUMENT.xml and "
                "word/document.xml");  // in central directory order
}

}  // namespace
