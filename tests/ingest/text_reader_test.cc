// Tests for the text reader: DecodeText (encodings, line endings, refusals) and ParseTextBlocks
// (paragraphs, seed-layout tables, tab-separated tables), checked through ReadBytes so the rendered
// text is asserted too.

#include "ingest/text_reader.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <string_view>

#include "ingest/ingest.h"

namespace minutes {
namespace {

// std::string from a literal that may hold NULs.
template <size_t N>
std::string Bytes(const char (&s)[N]) {
  return std::string(s, N - 1);
}

std::string Printable(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == '\n')
      out += "\\n";
    else if (c == '\t')
      out += "\\t";
    else
      out += c;
  }
  return out;
}

std::string CellText(const Cell& cell) {
  std::string text;
  for (size_t i = 0; i < cell.blocks.size(); ++i) {
    if (i > 0) text += '\n';
    text += cell.blocks[i].text;
  }
  return text;
}

// The body's structure, one block a line: "P[text]" for a paragraph, "T" then "{[cell][cell]}" per
// row for a table.
std::string Describe(const Document& doc) {
  std::string out;
  for (const Block& b : doc.body) {
    if (!out.empty()) out += '\n';
    if (b.kind == BlockKind::kTable) {
      out += "T";
      for (const Row& r : b.rows) {
        out += "{";
        for (const Cell& c : r.cells) out += "[" + CellText(c) + "]";
        out += "}";
      }
    } else if (b.kind == BlockKind::kParagraph) {
      out += "P[" + b.text + "]";
    } else if (b.kind == BlockKind::kListItem) {
      out += "L" + std::to_string(b.level) + "<" + b.marker + ">[" + b.text + "]";
    } else {
      out += "?[" + b.text + "]";
    }
  }
  return out;
}

Status ReadText(std::string_view bytes, Document* doc) {
  IngestOptions options;
  options.format = "text";
  return ReadBytes(bytes, options, doc);
}

// ---- DecodeText ----

TEST(DecodeTextTest, Encodings) {
  static const struct {
    const char* name;
    std::string input;
    std::string expected;
  } kCases[] = {
      {"ascii", "Item 1: agreed\n", "Item 1: agreed\n"},
      {"utf8 without BOM",
       "Don\xE2\x80\x99t pay \xC2\xA3"
       "5",
       "Don\u2019t pay \u00A35"},
      {"utf8 BOM stripped", "\xEF\xBB\xBFHello \xC2\xA3", "Hello \u00A3"},
      {"utf8 BOM only", "\xEF\xBB\xBF", ""},
      {"utf8 BOM then stray cp1252 byte", "\xEF\xBB\xBF\xC2\xA3 and \xA3", "\u00A3 and \u00A3"},
      {"utf16le BOM", Bytes("\xFF\xFEH\0i\0 \0\xA3\0"), "Hi \u00A3"},
      {"utf16be BOM", Bytes("\xFE\xFF\0H\0i\x20\x19"), "Hi\u2019"},
      {"utf16le surrogate pair", Bytes("\xFF\xFE\x3D\xD8\x00\xDE"), "\U0001F600"},
      {"utf16be surrogate pair", Bytes("\xFE\xFF\xD8\x3D\xDE\x00"), "\U0001F600"},
      {"utf16le BOM CRLF",
       Bytes("\xFF\xFE"
             "a\0\r\0\n\0b\0"),
       "a\nb"},
      {"utf16le without BOM", Bytes("N\0o\0t\0e\0s\0\x19\x20"), "Notes\u2019"},
      {"utf16be without BOM", Bytes("\0N\0o\0t\0e\0s"), "Notes"},
      {"cp1252 apostrophe and pound",
       "Don\x92t pay \xA3"
       "5",
       "Don\u2019t pay \u00A35"},
      {"cp1252 euro quotes dash", "\x80\x93\x94\x96", "\u20AC\u201C\u201D\u2013"},
      {"cp1252 undefined byte dropped", "a\x81z\xE9", "az\u00E9"},
      {"overlong utf8 is cp1252", "\xC0\xAF", "\u00C0\u00AF"},
      {"utf8 surrogate is cp1252", "\xED\xA0\x80", "\u00ED\u00A0\u20AC"},
  };
  for (const auto& c : kCases) {
    std::string out = "garbage";
    Status s = DecodeText(c.input, &out);
    ASSERT_TRUE(s.ok()) << c.name << ": " << s.ToString();
    EXPECT_EQ(c.expected, out) << c.name;
  }
}

TEST(DecodeTextTest, LineEndingsAndControls) {
  static const struct {
    const char* name;
    std::string input;
    std::string expected;
  } kCases[] = {
      {"crlf", "a\r\nb\r\n", "a\nb\n"},
      {"lone cr", "a\rb\rc", "a\nb\nc"},
      {"cr cr lf", "a\r\r\nb", "a\n\nb"},
      {"mixed", "a\nb\r\nc\rd", "a\nb\nc\nd"},
      {"tab kept", "\tcell\tx", "\tcell\tx"},
      {"form feed and vertical tab are line breaks", "page 1\fpage 2\vx", "page 1\npage 2\nx"},
      {"other c0 and del dropped",
       "a\x01\x08\x1B[0m\x7F"
       "b",
       "a[0mb"},
      {"c1 control dropped",
       "a\xC2\x85\xC2\x9F"
       "b\xC2\xA0",
       "ab\u00A0"},
      {"nul from utf16 dropped",
       Bytes("\xFF\xFE"
             "a\0\0\0b\0"),
       "ab"},
  };
  for (const auto& c : kCases) {
    std::string out;
    Status s = DecodeText(c.input, &out);
    ASSERT_TRUE(s.ok()) << c.name << ": " << s.ToString();
    EXPECT_EQ(Printable(c.expected), Printable(out)) << c.name;
  }
}

TEST(DecodeTextTest, Refusals) {
  static const struct {
    const char* name;
    std::string input;
    Status::Code code;
    const char* message;
  } kCases[] = {
      {"nul in ascii", Bytes("abc\0def"), Status::Code::kUnsupported,
       "binary file, not text or DOCX"},
      {"png header", Bytes("\x89PNG\r\n\x1A\n\0\0\0\rIHDR\0\0\0\x01"), Status::Code::kUnsupported,
       "binary file, not text or DOCX"},
      {"nul on both parities", Bytes("a\0\0b\0\0c\0d"), Status::Code::kUnsupported,
       "binary file, not text or DOCX"},
      {"bomless utf16 with lone surrogate", Bytes("a\0b\0c\0\x3D\xD8"), Status::Code::kUnsupported,
       "binary file, not text or DOCX"},
      {"utf16le lone lead surrogate",
       Bytes("\xFF\xFE"
             "a\0\x00\xD8"
             "b\0"),
       Status::Code::kCorrupt, "invalid UTF-16: unpaired surrogate at byte offset 4"},
      {"utf16le lone trail surrogate", Bytes("\xFF\xFE\x00\xDC"), Status::Code::kCorrupt,
       "invalid UTF-16: unpaired surrogate at byte offset 2"},
      {"utf16be lead surrogate at end", Bytes("\xFE\xFF\0a\xD8\x3D"), Status::Code::kCorrupt,
       "invalid UTF-16: unpaired surrogate at byte offset 4"},
      {"utf16le odd length",
       Bytes("\xFF\xFE"
             "a\0b"),
       Status::Code::kCorrupt, "invalid UTF-16: odd number of bytes, stray byte at byte offset 4"},
      {"utf32le BOM",
       Bytes("\xFF\xFE\0\0"
             "a\0\0\0"),
       Status::Code::kUnsupported, "UTF-32 text is not supported; save it as UTF-8"},
  };
  for (const auto& c : kCases) {
    std::string out;
    Status s = DecodeText(c.input, &out);
    EXPECT_EQ(c.code, s.code()) << c.name << ": " << s.ToString();
    EXPECT_EQ(c.message, s.message()) << c.name;
  }
}

// The reader parses clean UTF-8 where it lies and decodes anything else first: either way the
// rendered text is that of DecodeText's output.
TEST(DecodeTextTest, ReadBytesReadsWhatDecodeTextGives) {
  const std::string kInputs[] = {
      "Minutes\n\nKL said \xC2\xA3"
      "5 ph.\n\tRef\tAction\n",    // clean: read in place
      "\xEF\xBB\xBFWith a BOM\n",  // valid UTF-8, but the BOM goes
      "crlf\r\nlines\r\n",
      "c1 \xC2\x85 control and del \x7F",
      "Windows-1252 \xA3"
      "5\n",
      Bytes("\xFF\xFE"
            "u\0t\0f\0-\0"
            "1\0"
            "6\0"),
  };
  for (const std::string& input : kInputs) {
    std::string decoded;
    ASSERT_TRUE(DecodeText(input, &decoded).ok()) << Printable(input);
    Document direct, from_decoded;
    ASSERT_TRUE(ReadText(input, &direct).ok()) << Printable(input);
    ASSERT_TRUE(ReadText(decoded, &from_decoded).ok()) << Printable(input);
    EXPECT_EQ(Printable(from_decoded.text), Printable(direct.text));
    EXPECT_EQ(Describe(from_decoded), Describe(direct));
  }
}

TEST(DecodeTextTest, RefusalThroughReadBytes) {
  Document doc;
  Status s = ReadBytes(Bytes("notes\0\0\x01\x02 more"), IngestOptions(), &doc);
  EXPECT_EQ(Status::Code::kUnsupported, s.code());
  EXPECT_EQ("binary file, not text or DOCX", s.message());
}

// ---- ParseTextBlocks, through ReadBytes ----

TEST(ParseTextBlocksTest, Layouts) {
  static const struct {
    const char* name;
    std::string input;
    std::string rendered;   // Document::text
    std::string structure;  // Describe()
  } kCases[] = {
      // Paragraphs.
      {"one paragraph per line", "Hello\nWorld\n", "Hello\n\nWorld\n", "P[Hello]\nP[World]"},
      {"blank and whitespace lines skipped", "Hello\n\n  \n \t\nWorld", "Hello\n\nWorld\n",
       "P[Hello]\nP[World]"},
      {"leading and trailing spaces kept", " Item 1: agreed. \n", " Item 1: agreed. \n",
       "P[ Item 1: agreed. ]"},
      {"crlf paragraphs", "a\r\nb\r\n", "a\n\nb\n", "P[a]\nP[b]"},
      {"empty", "\n\n", "", ""},
      {"single indented line is not a table", "Intro\n\tindented note\nAfter\n",
       "Intro\n\n\tindented note\n\nAfter\n", "P[Intro]\nP[\tindented note]\nP[After]"},
      {"indented paragraphs between blank lines are not a table", "\tone\n\n\ttwo\n",
       "\tone\n\n\ttwo\n", "P[\tone]\nP[\ttwo]"},
      {"one row of tab lines is an indented list", "Attendees:\n\tAnn\n\tBob\n",
       "Attendees:\n\n\tAnn\n\n\tBob\n", "P[Attendees:]\nP[\tAnn]\nP[\tBob]"},
      {"lone tab line is nothing", "a\n\t\nb\n", "a\n\nb\n", "P[a]\nP[b]"},
      // Seed layout: one tab-prefixed line per cell, blank lines between rows.
      {"header row with empty first cell", "Log\n\t\n\tAction\n\tOwner\n\n\t1\n\tDo it\n\tRE\n",
       "Log\n\n\tAction\tOwner\n1\tDo it\tRE\n", "P[Log]\nT{[][Action][Owner]}{[1][Do it][RE]}"},
      {"wrapped cell", "\tRef\n\tStatus\n\n\t47\n\tOngoing/\ncomplete\n\n\t46\n\tdone\n",
       "Ref\tStatus\n47\tOngoing/\ncomplete\n46\tdone\n",
       "T{[Ref][Status]}{[47][Ongoing/\ncomplete]}{[46][done]}"},
      {"wrapped cell mid row", "\tA\n\tlong\ncont\n\tB\n\n\tC\n\tD\n\tE\n",
       "A\tlong\ncont\tB\nC\tD\tE\n", "T{[A][long\ncont][B]}{[C][D][E]}"},
      {"table followed by paragraphs without blank line",
       "\tA\n\tB\n\n\t1\n\tComplete\n There is\nregion\n\nNext\n",
       "A\tB\n1\tComplete\n\n There is\n\nregion\n\nNext\n",
       "T{[A][B]}{[1][Complete]}\nP[ There is]\nP[region]\nP[Next]"},
      {"table at end of file", "Log\n\tA\n\tB\n\n\t1\n\t2", "Log\n\nA\tB\n1\t2\n",
       "P[Log]\nT{[A][B]}{[1][2]}"},
      {"table at end of file then trailing blank lines", "\tA\n\tB\n\n\t1\n\t2\n\n\n\n",
       "A\tB\n1\t2\n", "T{[A][B]}{[1][2]}"},
      {"untabbed tail at end of file is a paragraph", "\tA\n\tB\n\n\t1\n\t2\ntail",
       "A\tB\n1\t2\n\ntail\n", "T{[A][B]}{[1][2]}\nP[tail]"},
      {"many blank lines between rows", "\tA\n\tB\n\n\n\n\t1\n\t2\n", "A\tB\n1\t2\n",
       "T{[A][B]}{[1][2]}"},
      {"rows with differing cell counts", "\tA\n\tB\n\tC\n\n\t1\n\t2\n", "A\tB\tC\n1\t2\n",
       "T{[A][B][C]}{[1][2]}"},
      {"cell text keeps spaces", "\tA \n\t B\n\n\t1\n\t2\n", "A \t B\n1\t2\n",
       "T{[A ][ B]}{[1][2]}"},
      {"seed table with crlf", "\tA\r\n\tB\r\n\r\n\t1\r\n\t2\r\n", "A\tB\n1\t2\n",
       "T{[A][B]}{[1][2]}"},
      {"two tables apart", "\tA\n\tB\n\n\t1\n\t2\nMiddle\n\n\tC\n\tD\n\n\t3\n\t4\n",
       "A\tB\n1\t2\nMiddle\nC\tD\n3\t4\n",
       // "Middle" is followed (after a blank) by a tab line, so by the continuation rule it joins
       // the last cell of the first table: the documented ambiguity of the seed layout.
       "T{[A][B]}{[1][2\nMiddle]}{[C][D]}{[3][4]}"},
      // Tab-separated rows, one line each.
      {"tsv table", "Ref\tAction\tOwner\tStatus\n1\tDo\tRE\tOpen\n2\tMore\tSD\t\n",
       "Ref\tAction\tOwner\tStatus\n1\tDo\tRE\tOpen\n2\tMore\tSD\t\n",
       "T{[Ref][Action][Owner][Status]}{[1][Do][RE][Open]}{[2][More][SD][]}"},
      {"tsv header with empty first cell", "\tQ1\tQ2\nA\t1\t2\n", "\tQ1\tQ2\nA\t1\t2\n",
       "T{[][Q1][Q2]}{[A][1][2]}"},
      {"tsv rows of differing width", "a\tb\tc\nd\te\n", "a\tb\tc\nd\te\n", "T{[a][b][c]}{[d][e]}"},
      {"tsv between paragraphs", "Actions:\nRef\tOwner\n49\tMC\nEnd\n",
       "Actions:\n\nRef\tOwner\n49\tMC\n\nEnd\n", "P[Actions:]\nT{[Ref][Owner]}{[49][MC]}\nP[End]"},
      {"single tsv line is a paragraph", "Name:\tSarah\n\nNext\n", "Name:\tSarah\n\nNext\n",
       "P[Name:\tSarah]\nP[Next]"},
      {"numbered list is not a table", "1.\tFirst\n2.\tSecond\n", "1.\tFirst\n\n2.\tSecond\n",
       "P[1.\tFirst]\nP[2.\tSecond]"},
      {"bulleted list is a list, not a table", "\u2022\tOne\n\u2022\tTwo\n",
       "\u2022 One\n\n\u2022 Two\n", "L0<\u2022>[One]\nL0<\u2022>[Two]"},
      {"dash and star bullets, indented", "- One\n  * Two\n", "\u2022 One\n\n\u2022 Two\n",
       "L0<\u2022>[One]\nL1<\u2022>[Two]"},
      {"a dash inside a line is not a bullet", "5-11pm Mon-Fri\n-5 degrees\n",
       "5-11pm Mon-Fri\n\n-5 degrees\n", "P[5-11pm Mon-Fri]\nP[-5 degrees]"},
      {"numbered refs are a table", "49\tMC to share\n48\tRE to convene\n",
       "49\tMC to share\n48\tRE to convene\n", "T{[49][MC to share]}{[48][RE to convene]}"},
  };
  for (const auto& c : kCases) {
    Document doc;
    Status s = ReadText(c.input, &doc);
    ASSERT_TRUE(s.ok()) << c.name << ": " << s.ToString();
    EXPECT_EQ(Printable(c.rendered), Printable(doc.text)) << c.name;
    EXPECT_EQ(Printable(c.structure), Printable(Describe(doc))) << c.name;
  }
}

TEST(ParseTextBlocksTest, EveryCellHoldsOneParagraph) {
  Document doc;
  ParseTextBlocks("\t\n\tAction\n\n\t1\n\tDo\n", IngestOptions(), &doc);
  ASSERT_EQ(1u, doc.body.size());
  ASSERT_EQ(BlockKind::kTable, doc.body[0].kind);
  for (const Row& r : doc.body[0].rows) {
    ASSERT_EQ(2u, r.cells.size());
    for (const Cell& c : r.cells) {
      ASSERT_EQ(1u, c.blocks.size());
      EXPECT_EQ(BlockKind::kParagraph, c.blocks[0].kind);
    }
  }
  EXPECT_EQ("", doc.body[0].rows[0].cells[0].blocks[0].text);
}

TEST(ParseTextBlocksTest, ManyIndentedLinesStayParagraphs) {
  // Each tab line could start a candidate table; rejected candidates must not be rescanned.
  std::string input;
  for (int i = 0; i < 50000; ++i) input += "\tx\n\n";
  for (int i = 0; i < 50000; ++i) input += "1.\tx\n";
  Document doc;
  ParseTextBlocks(input, IngestOptions(), &doc);
  ASSERT_EQ(100000u, doc.body.size());
  for (const Block& b : doc.body) ASSERT_EQ(BlockKind::kParagraph, b.kind);
}

// ---- The seeds ----

std::string ReadSeed(const std::string& name) {
  std::ifstream in(std::string(MINUTES_SOURCE_DIR "/samples/seeds/") + name, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

const Block* OnlyTable(const Document& doc, size_t* index) {
  const Block* table = nullptr;
  for (size_t i = 0; i < doc.body.size(); ++i) {
    if (doc.body[i].kind != BlockKind::kTable) continue;
    EXPECT_EQ(nullptr, table) << "more than one table";
    table = &doc.body[i];
    *index = i;
  }
  return table;
}

void CheckActionLog(const std::string& seed, int first_ref, int last_ref, Document* doc) {
  std::string bytes = ReadSeed(seed);
  ASSERT_FALSE(bytes.empty()) << seed;
  Status s = ReadBytes(bytes, IngestOptions(), doc);
  ASSERT_TRUE(s.ok()) << s.ToString();
  size_t index = 0;
  const Block* table = OnlyTable(*doc, &index);
  ASSERT_NE(nullptr, table);
  ASSERT_GT(index, 0u);
  EXPECT_EQ(0u, doc->body[index - 1].text.rfind("Action log: updated", 0));

  const size_t rows = 2 + first_ref - last_ref;  // the header, then refs first..last
  ASSERT_EQ(rows, table->rows.size());
  const char* kHeader[] = {"", "Action", "Responsible", "Date issued", "Status"};
  for (size_t r = 0; r < rows; ++r) {
    const Row& row = table->rows[r];
    ASSERT_EQ(5u, row.cells.size()) << "row " << r;
    if (r == 0) {
      for (size_t c = 0; c < 5; ++c) EXPECT_EQ(kHeader[c], CellText(row.cells[c])) << c;
    } else {
      EXPECT_EQ(std::to_string(first_ref + 1 - static_cast<int>(r)), CellText(row.cells[0]));
      for (size_t c = 1; c < 5; ++c) EXPECT_FALSE(CellText(row.cells[c]).empty()) << r << "," << c;
    }
  }
}

TEST(SeedsTest, Seed000ActionLog) {
  Document doc;
  CheckActionLog("000_e0affe79a15288f1.txt", 49, 33, &doc);
  if (HasFatalFailure()) return;
  EXPECT_EQ("MC to share out of hours policy ", CellText(doc.body.back().rows[1].cells[1]));
  EXPECT_EQ(BlockKind::kTable, doc.body.back().kind);  // the table ends the file
  EXPECT_EQ(0u,
            doc.text.find("Fostering regional group meeting notes and action log July 2025\n\n"));
}

TEST(SeedsTest, Seed001ActionLog) {
  Document doc;
  CheckActionLog("001_2e77aad788dcd255.txt", 55, 40, &doc);
  if (HasFatalFailure()) return;
  size_t index = 0;
  const Block* table = OnlyTable(doc, &index);
  ASSERT_NE(nullptr, table);
  // Row 9 is ref 47 (rows: header, 55, 54, ..., 47).
  ASSERT_EQ("47", CellText(table->rows[9].cells[0]));
  EXPECT_EQ("Ongoing/\ncomplete", CellText(table->rows[9].cells[4]));
  EXPECT_EQ("Complete", CellText(table->rows.back().cells[4]));
  // The lines right after the last cell are paragraphs after the table, not part of the cell.
  ASSERT_LT(index + 2, doc.body.size());
  EXPECT_EQ(" There is high variability in what you can get paid as a foster carer, across the",
            doc.body[index + 1].text);
  EXPECT_EQ("region", doc.body[index + 2].text);
  EXPECT_NE(std::string::npos,
            doc.text.find("\tAction\tResponsible\tDate issued\tStatus\n55\tMarch 2025 meeting"));
  EXPECT_NE(std::string::npos, doc.text.find("\tMarch 2025\tOngoing/\ncomplete\n46\t"));
}

}  // namespace
}  // namespace minutes
