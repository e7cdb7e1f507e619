// Reads the input, tells its format from the bytes, and dispatches to the DOCX or text reader.

#include "ingest/ingest.h"

#include <Poco/DigestEngine.h>
#include <Poco/SHA2Engine.h>
#include <sys/stat.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <iterator>
#include <string>

#include "ingest/docx_reader.h"
#include "ingest/text_reader.h"

namespace minutes {
namespace {

constexpr std::string_view kZipLocalHeader("PK\x03\x04", 4);
constexpr std::string_view kZipEmptyArchive("PK\x05\x06", 4);
constexpr std::string_view kOleMagic("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8);

// An encrypted (password-protected) DOCX is an OLE compound file holding "EncryptionInfo" and
// "EncryptedPackage" streams; their directory entry names are UTF-16LE.
bool LooksEncryptedOoxml(std::string_view bytes) {
  static const std::string kName = [] {
    std::string s;
    for (char c : std::string_view("EncryptedPackage")) {
      s += c;
      s += '\0';
    }
    return s;
  }();
  return bytes.find(kName) != std::string_view::npos;
}

// True when the bytes end with a zip end-of-central-directory record (bytes may precede the zip).
bool HasZipTrailer(std::string_view bytes) {
  // The EOCD is 22 bytes plus a comment of at most 65535 bytes.
  size_t window = std::min<size_t>(bytes.size(), 22 + 65535);
  return bytes.substr(bytes.size() - window).find("PK\x05\x06") != std::string_view::npos;
}

InputFormat Sniff(std::string_view bytes) {
  if (bytes.substr(0, 4) == kZipLocalHeader || bytes.substr(0, 4) == kZipEmptyArchive ||
      HasZipTrailer(bytes))
    return InputFormat::kDocx;
  return InputFormat::kText;
}

Status ReadAll(std::FILE* f, size_t limit, std::string* out) {
  char buf[1 << 16];
  size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) {
    if (out->size() + n > limit)
      return Status::TooLarge("input is larger than max_input_bytes (" + std::to_string(limit) +
                              ")");
    out->append(buf, n);
  }
  if (std::ferror(f)) return Status::IoError(std::strerror(errno));
  return Status::OK();
}

}  // namespace

Status ReadBytes(std::string_view bytes, const IngestOptions& options, Document* doc) {
  *doc = Document();
  if (bytes.empty()) return Status::Corrupt("empty file");
  if (bytes.size() > options.max_input_bytes)
    return Status::TooLarge("input is larger than max_input_bytes (" +
                            std::to_string(options.max_input_bytes) + ")");
  if (bytes.substr(0, 8) == kOleMagic) {
    if (LooksEncryptedOoxml(bytes))
      return Status::Unsupported(
          "password-protected (encrypted) Word document: an OLE compound file, not a zip; "
          "remove the password in Word and save again");
    return Status::Unsupported(
        "legacy Word 97-2003 .doc (OLE compound file), not DOCX; save it as .docx in Word");
  }
  InputFormat format = options.format;
  if (format == InputFormat::kAuto) format = Sniff(bytes);

  Status s;
  if (format == InputFormat::kDocx) {
    doc->format = Document::Format::kDocx;
    s = ReadDocx(bytes, options, doc);
  } else {
    doc->format = Document::Format::kText;
    std::string utf8;
    s = DecodeText(bytes, &utf8);
    if (s.ok()) ParseTextBlocks(utf8, doc);
  }
  if (s.ok()) {
    Poco::SHA2Engine sha(Poco::SHA2Engine::SHA_256);
    sha.update(bytes.data(), static_cast<unsigned>(bytes.size()));
    doc->sha256 = Poco::DigestEngine::digestToHex(sha.digest());
    doc->source_bytes = bytes.size();
    RenderDocument(doc);
  }
  return s;
}

Status ReadFile(const std::string& path, const IngestOptions& options, Document* doc) {
  std::string bytes;
  if (path == "-") {
    Status s = ReadAll(stdin, options.max_input_bytes, &bytes);
    if (!s.ok()) return s;
  } else {
    struct stat st;
    if (::stat(path.c_str(), &st) != 0) return Status::IoError(std::strerror(errno));
    if (S_ISDIR(st.st_mode)) return Status::IoError("is a directory, not a file");
    if (!S_ISREG(st.st_mode)) return Status::IoError("not a regular file");
    if (static_cast<size_t>(st.st_size) > options.max_input_bytes)
      return Status::TooLarge("input is larger than max_input_bytes (" +
                              std::to_string(options.max_input_bytes) + ")");
    std::FILE* f = std::fopen(path.c_str(), "rb");
    if (f == nullptr) return Status::IoError(std::strerror(errno));
    Status s = ReadAll(f, options.max_input_bytes, &bytes);
    std::fclose(f);
    if (!s.ok()) return s;
  }
  return ReadBytes(bytes, options, doc);
}

}  // namespace minutes
