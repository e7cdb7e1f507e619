// The reader registry: which reader claims which bytes, finding readers by name, forcing one
// through IngestOptions::format, and the OLE refusal that comes before any reader.

#include <gtest/gtest.h>

#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/ingest.h"
#include "ingest/reader.h"
#include "tests/ingest/zip_builder.h"

namespace minutes {
namespace {

const char kMinimalBody[] = "<w:p><w:r><w:t>Chair: Sarah Daly</w:t></w:r></w:p>";

// An OLE compound file header (legacy .doc and encrypted OOXML both start with it), padded.
std::string OleBytes(const std::string& payload) {
  std::string b("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8);
  b.append(504, '\0');
  b += payload;
  return b;
}

std::string Utf16Le(const std::string& ascii) {
  std::string s;
  for (char c : ascii) {
    s += c;
    s += '\0';
  }
  return s;
}

// The reader ReadBytes would choose for `bytes` without a forced format: the first that claims
// them, in registry order.
std::string Sniffed(std::string_view bytes) {
  for (const Reader* r : Readers())
    if (r->Sniff(bytes)) return std::string(r->name());
  return "(none)";
}

TEST(ReadersTest, RegistryListsEveryReaderOnceInSniffOrder) {
  std::vector<std::string> names;
  std::set<std::string> unique;
  for (const Reader* r : Readers()) {
    names.emplace_back(r->name());
    unique.emplace(r->name());
    EXPECT_FALSE(r->description().empty()) << r->name();
    EXPECT_EQ(std::string::npos, r->description().find('\n')) << r->name();
    EXPECT_EQ(r, FindReader(r->name())) << r->name();
  }
  EXPECT_EQ((std::vector<std::string>{"docx", "pdf", "html", "text"}), names);
  EXPECT_EQ(names.size(), unique.size());
  EXPECT_EQ("docx|pdf|html|text", ReaderNames("|"));
  EXPECT_EQ("docx, pdf, html, text", ReaderNames(", "));
}

TEST(ReadersTest, FindReaderByName) {
  static const struct {
    const char* name;
    const char* found;  // nullptr: no such reader
  } kCases[] = {
      {"docx", "docx"}, {"text", "text"}, {"auto", nullptr},  {"", nullptr},    {"DOCX", nullptr},
      {"doc", nullptr}, {"pdf", "pdf"},   {"docx ", nullptr}, {"html", "html"}, {"rtf", nullptr},
  };
  for (const auto& c : kCases) {
    const Reader* r = FindReader(c.name);
    if (c.found == nullptr) {
      EXPECT_EQ(nullptr, r) << "'" << c.name << "'";
    } else {
      ASSERT_NE(nullptr, r) << "'" << c.name << "'";
      EXPECT_EQ(c.found, r->name());
    }
  }
}

TEST(ReadersTest, SniffTellsTheFormatFromTheBytes) {
  std::string docx = minutes_test::MakeDocx(kMinimalBody);
  static const std::string kEmptyZip = std::string("PK\x05\x06", 4) + std::string(18, '\0');
  const struct {
    const char* name;
    std::string bytes;
    bool docx;            // what the docx reader's Sniff says
    const char* sniffed;  // the reader chosen in sniff order
  } kCases[] = {
      {"docx package", docx, true, "docx"},
      {"any zip", minutes_test::MakeZip({{"readme.txt", "hello"}}), true, "docx"},
      {"empty zip", kEmptyZip, true, "docx"},
      // A self-extracting archive: a stub before the zip, found by its trailing directory record.
      {"zip after a stub", "MZ stub bytes\n" + docx, true, "docx"},
      {"zip local header only", std::string("PK\x03\x04", 4) + "garbage", true, "docx"},
      {"plain text", "Chair: Sarah Daly\n", false, "text"},
      {"text mentioning PK", "PK is not a zip\n", false, "text"},
      {"utf-16le text", "\xFF\xFE" + Utf16Le("Chair: Sarah Daly\n"), false, "text"},
      {"binary", std::string("\x00\x01\x02\x03", 4), false, "text"},
      // OLE files are not DOCX to the sniffer; ReadBytes refuses them before any reader runs.
      {"legacy .doc", OleBytes(Utf16Le("WordDocument")), false, "text"},
      {"encrypted docx", OleBytes(Utf16Le("EncryptedPackage")), false, "text"},
  };
  const Reader* docx_reader = FindReader("docx");
  const Reader* text_reader = FindReader("text");
  ASSERT_NE(nullptr, docx_reader);
  ASSERT_NE(nullptr, text_reader);
  for (const auto& c : kCases) {
    EXPECT_EQ(c.docx, docx_reader->Sniff(c.bytes)) << c.name;
    EXPECT_TRUE(text_reader->Sniff(c.bytes)) << c.name << ": text is the fallback";
    EXPECT_EQ(c.sniffed, Sniffed(c.bytes)) << c.name;
  }
}

TEST(ReadersTest, FormatOptionForcesAReaderByName) {
  std::string docx = minutes_test::MakeDocx(kMinimalBody);
  const std::string text = "Chair: Sarah Daly\n";
  const struct {
    const char* format;
    std::string bytes;
    Status::Code code;
    const char* read_as;  // Document::format when OK
  } kCases[] = {
      {"", docx, Status::Code::kOk, "docx"},          {"", text, Status::Code::kOk, "text"},
      {"auto", docx, Status::Code::kOk, "docx"},      {"auto", text, Status::Code::kOk, "text"},
      {"docx", docx, Status::Code::kOk, "docx"},      {"text", text, Status::Code::kOk, "text"},
      {"docx", text, Status::Code::kCorrupt, ""},      // not a zip
      {"text", docx, Status::Code::kUnsupported, ""},  // zip bytes are binary to the text reader
  };
  for (const auto& c : kCases) {
    IngestOptions options;
    options.format = c.format;
    Document doc;
    Status s = ReadBytes(c.bytes, options, &doc);
    EXPECT_EQ(c.code, s.code()) << "'" << c.format << "': " << s.ToString();
    if (s.ok()) {
      EXPECT_EQ(c.read_as, doc.format) << "'" << c.format << "'";
      EXPECT_EQ("Chair: Sarah Daly\n", doc.text) << "'" << c.format << "'";
    }
  }
}

TEST(ReadersTest, UnknownForcedFormatIsInvalidArgumentNamingTheKnownOnes) {
  for (const char* format : {"rtf", "DOCX", "doc", " text"}) {
    IngestOptions options;
    options.format = format;
    Document doc;
    Status s = ReadBytes("Chair: Sarah Daly\n", options, &doc);
    EXPECT_EQ(Status::Code::kInvalidArgument, s.code()) << format << ": " << s.ToString();
    EXPECT_NE(std::string::npos, s.message().find(std::string("'") + format + "'")) << s.message();
    EXPECT_NE(std::string::npos, s.message().find("auto|docx|pdf|html|text")) << s.message();

    // ReadFile says so before it looks for the file.
    s = ReadFile("/nonexistent/minutes/notes.txt", options, &doc);
    EXPECT_EQ(Status::Code::kInvalidArgument, s.code()) << format << ": " << s.ToString();
  }
}

TEST(ReadersTest, OleFilesAreRefusedWhateverTheFormat) {
  const struct {
    const char* name;
    std::string bytes;
    const char* message_part;
  } kFiles[] = {
      {"legacy .doc", OleBytes(Utf16Le("WordDocument")), "legacy Word 97-2003 .doc"},
      {"encrypted docx", OleBytes(Utf16Le("EncryptionInfo") + Utf16Le("EncryptedPackage")),
       "password-protected"},
  };
  for (const auto& f : kFiles) {
    for (const char* format : {"", "auto", "docx", "text"}) {
      IngestOptions options;
      options.format = format;
      Document doc;
      Status s = ReadBytes(f.bytes, options, &doc);
      EXPECT_EQ(Status::Code::kUnsupported, s.code()) << f.name << " as '" << format << "'";
      EXPECT_NE(std::string::npos, s.message().find(f.message_part))
          << f.name << " as '" << format << "': " << s.message();
    }
  }
}

}  // namespace
}  // namespace minutes
