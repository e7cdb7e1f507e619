// The "pdf" reader on small PDFs written byte by byte here: text read through poppler and laid out,
// a scan refused as such, encryption, limits, broken files.

#include <Poco/MD5Engine.h>
#include <gtest/gtest.h>

#include <cctype>
#include <cstdio>
#include <string>
#include <vector>

#include "ingest/ingest.h"
#include "ingest/reader.h"

namespace minutes {
namespace {

// RC4, for the PDF standard security handler (revision 2) below.
std::string Rc4(const std::string& key, const std::string& data) {
  unsigned char s[256];
  for (int i = 0; i < 256; ++i) s[i] = static_cast<unsigned char>(i);
  for (int i = 0, j = 0; i < 256; ++i) {
    j = (j + s[i] + static_cast<unsigned char>(key[i % key.size()])) & 255;
    std::swap(s[i], s[j]);
  }
  std::string out;
  for (size_t n = 0, i = 0, j = 0; n < data.size(); ++n) {
    i = (i + 1) & 255;
    j = (j + s[i]) & 255;
    std::swap(s[i], s[j]);
    out += static_cast<char>(data[n] ^ s[(s[i] + s[j]) & 255]);
  }
  return out;
}

std::string Md5(const std::string& data) {
  Poco::MD5Engine md5;
  md5.update(data);
  const Poco::DigestEngine::Digest& d = md5.digest();
  return std::string(d.begin(), d.end());
}

std::string Hex(const std::string& bytes) {
  std::string h;
  char buf[3];
  for (unsigned char c : bytes) std::snprintf(buf, sizeof buf, "%02X", c), h += buf;
  return h;
}

const std::string kPad(
    "\x28\xBF\x4E\x5E\x4E\x75\x8A\x41\x64\x00\x4E\x56\xFF\xFA\x01\x08"
    "\x2E\x2E\x00\xB6\xD0\x68\x3E\x80\x2F\x0C\xA9\xFE\x64\x53\x69\x7A",
    32);

// A PDF of one page per entry of `pages` (each a content stream, "" for a page with no text),
// Helvetica as /F1 and Helvetica-Bold as /F2. With `user`, RC4 40-bit encryption (standard
// handler, revision 2) with that user password ("" opens without one) and owner password "owner".
std::string BuildPdf(const std::vector<std::string>& pages, const std::string* user = nullptr) {
  int n_pages = static_cast<int>(pages.size());
  int fonts = 3, first_page = 5;  // 1 catalog, 2 pages, 3-4 fonts, then page + content pairs
  std::vector<std::string> objs(first_page - 1 + 2 * n_pages);
  std::string kids;
  for (int i = 0; i < n_pages; ++i) kids += std::to_string(first_page + 2 * i) + " 0 R ";
  objs[0] = "<< /Type /Catalog /Pages 2 0 R >>";
  objs[1] = "<< /Type /Pages /Kids [" + kids + "] /Count " + std::to_string(n_pages) + " >>";
  objs[2] = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>";
  objs[3] = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold >>";
  std::string key, o, id = "0123456789abcdef";
  if (user != nullptr) {
    std::string owner_key = Md5(("owner" + kPad).substr(0, 32)).substr(0, 5);
    o = Rc4(owner_key, (*user + kPad).substr(0, 32));
    std::string p("\xFC\xFF\xFF\xFF", 4);  // /P -4
    key = Md5((*user + kPad).substr(0, 32) + o + p + id).substr(0, 5);
  }
  for (int i = 0; i < n_pages; ++i) {
    int page = first_page + 2 * i, content = page + 1;
    objs[page - 1] = "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents " +
                     std::to_string(content) + " 0 R /Resources << /Font << /F1 " +
                     std::to_string(fonts) + " 0 R /F2 " + std::to_string(fonts + 1) +
                     " 0 R >> >> >>";
    std::string data = pages[i];
    if (user != nullptr) {
      std::string salt = key;
      salt += static_cast<char>(content & 255);
      salt += static_cast<char>((content >> 8) & 255);
      salt += std::string(3, '\0');
      data = Rc4(Md5(salt).substr(0, 10), data);
    }
    objs[content - 1] =
        "<< /Length " + std::to_string(data.size()) + " >>\nstream\n" + data + "\nendstream";
  }
  int encrypt_obj = 0;
  if (user != nullptr) {
    objs.push_back("<< /Filter /Standard /V 1 /R 2 /O <" + Hex(o) + "> /U <" + Hex(Rc4(key, kPad)) +
                   "> /P -4 >>");
    encrypt_obj = static_cast<int>(objs.size());
  }
  std::string pdf = "%PDF-1.4\n";
  std::vector<size_t> offsets;
  for (size_t i = 0; i < objs.size(); ++i) {
    offsets.push_back(pdf.size());
    pdf += std::to_string(i + 1) + " 0 obj\n" + objs[i] + "\nendobj\n";
  }
  size_t xref = pdf.size();
  pdf += "xref\n0 " + std::to_string(objs.size() + 1) + "\n0000000000 65535 f \n";
  for (size_t off : offsets) {
    char line[24];
    std::snprintf(line, sizeof line, "%010zu 00000 n \n", off);
    pdf += line;
  }
  pdf += "trailer\n<< /Size " + std::to_string(objs.size() + 1) + " /Root 1 0 R";
  if (encrypt_obj > 0)
    pdf += " /Encrypt " + std::to_string(encrypt_obj) + " 0 R /ID [<" + Hex(id) + "> <" + Hex(id) +
           ">]";
  pdf += " >>\nstartxref\n" + std::to_string(xref) + "\n%%EOF\n";
  return pdf;
}

// A content stream showing `text` at (x, y) from the top left, in /F1 (or bold /F2) at `size`.
std::string Show(double x, double y, const std::string& text, double size = 11, bool bold = false) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "BT /%s %g Tf %g %g Td (", bold ? "F2" : "F1", size, x,
                792 - y - size);
  return std::string(buf) + text + ") Tj ET\n";
}

Status Read(const std::string& bytes, Document* doc, IngestOptions options = IngestOptions()) {
  return ReadBytes(bytes, options, doc);
}

TEST(PdfReaderTest, ReadsTextIntoParagraphsAndHeadings) {
  std::string page = Show(72, 60, "Corporate Parenting Panel", 20) +
                     Show(72, 110, "Present: Councillor Ann Shah (Chair)") +
                     Show(72, 140, "Apologies for absence", 11, true) +
                     Show(72, 165, "Apologies were received from Councillor Ben Evans.");
  Document doc;
  ASSERT_TRUE(Read(BuildPdf({page}), &doc).ok());
  EXPECT_EQ("pdf", doc.format);
  ASSERT_EQ(4u, doc.body.size()) << doc.text;
  EXPECT_EQ(BlockKind::kHeading, doc.body[0].kind);
  EXPECT_EQ("Corporate Parenting Panel", doc.body[0].text);
  EXPECT_EQ("Present: Councillor Ann Shah (Chair)", doc.body[1].text);
  EXPECT_EQ(BlockKind::kHeading, doc.body[2].kind);  // bold at body size
  EXPECT_EQ(BlockKind::kParagraph, doc.body[3].kind);
}

TEST(PdfReaderTest, RunningFooterAndPageNumbersLeaveTheBody) {
  std::vector<std::string> pages;
  for (int i = 1; i <= 3; ++i)
    pages.push_back(Show(72, 100, "Minute item " + std::to_string(i) + " was discussed.") +
                    Show(72, 760, "Childrens Services Scrutiny Committee") +
                    Show(500, 760, std::to_string(i)));
  Document doc;
  ASSERT_TRUE(Read(BuildPdf(pages), &doc).ok());
  std::string body = doc.text.substr(0, doc.body_end);
  EXPECT_EQ(std::string::npos, body.find("Scrutiny")) << doc.text;
  EXPECT_NE(std::string::npos, body.find("Minute item 3 was discussed.")) << doc.text;
  // The title and the page number share a line: one footer, kept once (its first page's).
  ASSERT_EQ(1u, doc.footers.size()) << doc.text;
  EXPECT_EQ("Childrens Services Scrutiny Committee\t1", doc.footers[0].text);
}

TEST(PdfReaderTest, APdfWithNoTextIsAScanNotAnEmptyDocument) {
  Document doc;
  Status s = Read(BuildPdf({"", ""}), &doc);
  EXPECT_EQ(Status::Code::kNoText, s.code()) << s.ToString();
  EXPECT_NE(std::string::npos, s.message().find("2 pages"));
  EXPECT_EQ("no text", s.kind());
}

TEST(PdfReaderTest, EncryptedWithoutAUserPasswordIsRead) {
  std::string none;
  Document doc;
  Status s = Read(BuildPdf({Show(72, 100, "Chair: Ann Shah")}, &none), &doc);
  ASSERT_TRUE(s.ok()) << s.ToString();
  EXPECT_EQ("Chair: Ann Shah", doc.body.at(0).text);
}

TEST(PdfReaderTest, EncryptedWithAUserPasswordIsRefused) {
  std::string secret = "secret";
  Document doc;
  Status s = Read(BuildPdf({Show(72, 100, "Chair: Ann Shah")}, &secret), &doc);
  EXPECT_EQ(Status::Code::kUnsupported, s.code()) << s.ToString();
  EXPECT_NE(std::string::npos, s.message().find("password"));
}

TEST(PdfReaderTest, BrokenFilesAreErrorsNotCrashes) {
  std::string good = BuildPdf({Show(72, 100, "Chair: Ann Shah")});
  const std::string cases[] = {"%PDF-1.4\n", "%PDF-1.4\n1 0 obj << /Type /Catalog",
                               good.substr(0, good.size() / 2),
                               "%PDF-1.7\n" + std::string(5000, '\xFF')};
  for (const std::string& bytes : cases) {
    Document doc;
    Status s = Read(bytes, &doc);
    EXPECT_FALSE(s.ok());
    EXPECT_TRUE(s.code() == Status::Code::kCorrupt || s.code() == Status::Code::kNoText)
        << s.ToString();
  }
}

TEST(PdfReaderTest, LimitsOnPagesAndObjects) {
  std::string pdf = BuildPdf({Show(72, 100, "one"), Show(72, 100, "two")});
  IngestOptions few_pages;
  few_pages.max_pdf_pages = 1;
  Document doc;
  Status s = Read(pdf, &doc, few_pages);
  EXPECT_EQ(Status::Code::kTooLarge, s.code());
  EXPECT_NE(std::string::npos, s.message().find("max_pdf_pages (1)"));
  IngestOptions few_objects;
  few_objects.max_pdf_objects = 3;
  s = Read(pdf, &doc, few_objects);
  EXPECT_EQ(Status::Code::kTooLarge, s.code());
  EXPECT_NE(std::string::npos, s.message().find("max_pdf_objects (3)"));
}

TEST(PdfReaderTest, SniffedFromItsHeaderAndForcedByName) {
  const Reader* pdf = FindReader("pdf");
  ASSERT_NE(nullptr, pdf);
  EXPECT_TRUE(pdf->Sniff("%PDF-1.7\n..."));
  EXPECT_TRUE(pdf->Sniff("junk before\n%PDF-1.4\n"));
  EXPECT_FALSE(pdf->Sniff(std::string(2000, ' ') + "minutes that mention %PDF-1.4"));
  IngestOptions forced;
  forced.format = "pdf";
  Document doc;
  Status s = ReadBytes("Chair: Ann Shah\n", forced, &doc);
  EXPECT_EQ(Status::Code::kCorrupt, s.code()) << s.ToString();
}

}  // namespace
}  // namespace minutes

namespace minutes {
namespace {

std::string Visible(const std::string& text) {  // the text without whitespace (and U+00A0)
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text.compare(i, 2, "\xC2\xA0") == 0) {
      ++i;
      continue;
    }
    if (!std::isspace(static_cast<unsigned char>(text[i]))) out += text[i];
  }
  return out;
}

Document ReadSample(const std::string& rel) {
  Document doc;
  Status s = ReadFile(std::string(MINUTES_SOURCE_DIR) + "/" + rel, IngestOptions(), &doc);
  EXPECT_TRUE(s.ok()) << rel << ": " << s.ToString();
  return doc;
}

// The seeds printed to PDF and saved as HTML by LibreOffice (samples/renditions/PROVENANCE.md)
// show every visible character of the DOCX body, in order, and keep the page furniture out of it.
TEST(RenditionsTest, SeedRenditionsShowTheDocxBody) {
  for (const char* stem : {"000_e0affe79a15288f1", "001_2e77aad788dcd255"}) {
    Document docx = ReadSample(std::string("samples/seeds/") + stem + ".docx");
    for (const char* ext : {".pdf", ".html"}) {
      Document r = ReadSample(std::string("samples/renditions/") + stem + ext);
      EXPECT_EQ(Visible(docx.text.substr(0, docx.body_end)), Visible(r.text.substr(0, r.body_end)))
          << stem << ext;
      EXPECT_FALSE(r.headers.empty()) << stem << ext;  // "OFFICIAL"
      EXPECT_FALSE(r.footers.empty()) << stem << ext;  // "Page N"
    }
  }
}

TEST(RenditionsTest, CommitteeMinutesPageAndItsPdfGiveTheSameText) {
  Document html = ReadSample("samples/cases/northgate_corporate_parenting.html");
  Document pdf = ReadSample("samples/cases/northgate_corporate_parenting.pdf");
  EXPECT_EQ(html.text, pdf.text);
  EXPECT_EQ(std::string::npos, html.text.find("Home >"));  // the <nav> is dropped
  size_t tables = 0;
  for (const Block& b : pdf.body) tables += b.kind == BlockKind::kTable;
  EXPECT_EQ(1u, tables);
}

}  // namespace
}  // namespace minutes
