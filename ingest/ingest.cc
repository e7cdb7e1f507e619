// Reads the input, refuses OLE compound files, chooses a reader (forced or sniffed) from the
// registry, runs it, then hashes and renders what it read.

#include "ingest/ingest.h"

#include <nettle/sha2.h>
#include <sys/stat.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <iterator>
#include <new>
#include <string>
#include <string_view>

#include "ingest/limits.h"
#include "ingest/reader.h"

namespace minutes {
namespace {

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

// OLE compound files are refused here, before any reader is chosen and even when one is forced,
// rather than by a Reader: no reader can read them, and saying which Word file this is (and what
// to do) helps more than a forced reader's "not a zip" or "binary file". A Reader would also put a
// name in --input-format that can never give a Document.
Status RefuseOle(std::string_view bytes) {
  if (bytes.substr(0, 8) != kOleMagic) return Status::OK();
  if (LooksEncryptedOoxml(bytes))
    return Status::Unsupported(
        "password-protected (encrypted) Word document: an OLE compound file, not a zip; "
        "remove the password in Word and save again");
  return Status::Unsupported(
      "legacy Word 97-2003 .doc (OLE compound file), not DOCX; save it as .docx in Word");
}

// "" and "auto" ask for the format to be told from the bytes.
bool IsAuto(std::string_view format) { return format.empty() || format == "auto"; }

// OK when `format` is "", "auto" or a reader's name.
Status CheckFormat(std::string_view format) {
  if (IsAuto(format) || FindReader(format) != nullptr) return Status::OK();
  return Status::InvalidArgument("unknown input format '" + std::string(format) +
                                 "' (known: auto|" + ReaderNames("|") + ")");
}

// The reader a checked `format` names or, for "" and "auto", the first whose Sniff claims
// `bytes`. nullptr if none does, which cannot happen while the last reader (text) claims all.
const Reader* ChooseReader(std::string_view format, std::string_view bytes) {
  if (!IsAuto(format)) return FindReader(format);
  for (const Reader* r : Readers())
    if (r->Sniff(bytes)) return r;
  return nullptr;
}

Status ReadAll(std::FILE* f, size_t limit, std::string* out) {
  char buf[1 << 16];
  size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) {
    if (out->size() + n > limit)
      return Status::TooLarge("input is larger than max_input_bytes (" + std::to_string(limit) +
                              ")");
    try {
      out->append(buf, n);
    } catch (const std::bad_alloc&) {
      return Status::TooLarge("out of memory reading the input");
    }
  }
  if (std::ferror(f)) return Status::IoError(std::strerror(errno));
  return Status::OK();
}

// ReadBytes but for rendering: `doc` read, counted and hashed (unless `sha256` is given). Split
// from Render so that ReadFile can free the input first (see there).
Status ReadUnrendered(std::string_view bytes, std::string_view sha256, const IngestOptions& options,
                      Document* doc) {
  *doc = Document();
  Status s = CheckFormat(options.format);
  if (!s.ok()) return s;
  if (bytes.empty()) return Status::Corrupt("empty file");
  if (bytes.size() > options.max_input_bytes)
    return Status::TooLarge("input is larger than max_input_bytes (" +
                            std::to_string(options.max_input_bytes) + ")");
  s = RefuseOle(bytes);
  if (!s.ok()) return s;
  const Reader* reader = ChooseReader(options.format, bytes);
  if (reader == nullptr)
    return Status::Unsupported("not a format any reader recognises (" + ReaderNames(", ") + ")");

  doc->format = reader->name();
  // Allocation can fail anywhere in a reader or a library it calls; it is the memory limit of the
  // machine, reported like the others rather than aborting the process.
  try {
    s = reader->Read(bytes, options, doc);
    if (!s.ok()) return s;
    s = CheckDocumentLimits(*doc, options);
    if (!s.ok()) return s;
    if (sha256.empty()) {
      doc->sha256 = Sha256Hex(bytes);
    } else {
      doc->sha256 = sha256;
    }
    doc->source_bytes = bytes.size();
  } catch (const std::bad_alloc&) {
    *doc = Document();
    return Status::TooLarge("out of memory reading the document");
  }
  return Status::OK();
}

// Frees the text of each of `blocks` and of the blocks inside their cells.
void DropText(std::vector<Block>* blocks) {
  for (Block& b : *blocks) {
    std::string().swap(b.text);
    for (Row& row : b.rows)
      for (Cell& cell : row.cells) DropText(&cell.blocks);
  }
}

// The last step of both: the text and the spans (and the same out-of-memory status), then the
// blocks' own copies of their text dropped unless asked for.
Status Render(const IngestOptions& options, Document* doc) {
  try {
    RenderDocument(doc);
  } catch (const std::bad_alloc&) {
    *doc = Document();
    return Status::TooLarge("out of memory reading the document");
  }
  // Spans hold 32-bit offsets (common/span.h); only limits raised far past their defaults reach
  // this.
  if (doc->text.size() > kMaxTextBytes) {
    *doc = Document();
    return Status::TooLarge("the document's text is longer than " + std::to_string(kMaxTextBytes) +
                            " bytes, the most its offsets address");
  }
  if (!options.keep_block_text)
    for (std::vector<Block>* part : {&doc->body, &doc->footnotes, &doc->endnotes, &doc->comments,
                                     &doc->headers, &doc->footers})
      DropText(part);
  return Status::OK();
}

}  // namespace

// Nettle rather than Poco::SHA2Engine: the program links no Poco, whose loading would cost most of
// its start-up (cli/options.h). Nettle uses the CPU's SHA extensions: 1.4 GB/s here, against 1.6
// for OpenSSL, which would cost a further 2 ms to load.
std::string Sha256Hex(std::string_view bytes) {
  sha256_ctx ctx;
  sha256_init(&ctx);
  sha256_update(&ctx, bytes.size(), reinterpret_cast<const uint8_t*>(bytes.data()));
  uint8_t digest[SHA256_DIGEST_SIZE];
  sha256_digest(&ctx, sizeof digest, digest);
  static const char kHex[] = "0123456789abcdef";
  std::string hex;
  hex.reserve(2 * sizeof digest);
  for (uint8_t b : digest) {
    hex += kHex[b >> 4];
    hex += kHex[b & 15];
  }
  return hex;
}

Status ReadBytes(std::string_view bytes, const IngestOptions& options, Document* doc) {
  return ReadBytes(bytes, "", options, doc);
}

Status ReadBytes(std::string_view bytes, std::string_view sha256, const IngestOptions& options,
                 Document* doc) {
  Status s = ReadUnrendered(bytes, sha256, options, doc);
  return s.ok() ? Render(options, doc) : s;
}

Status ReadFile(const std::string& path, const IngestOptions& options, Document* doc) {
  Status s = CheckFormat(options.format);  // the caller's mistake, before the file's
  if (!s.ok()) return s;
  std::string bytes;
  if (path == "-") {
    s = ReadAll(stdin, options.max_input_bytes, &bytes);
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
    bytes.reserve(static_cast<size_t>(st.st_size));  // one allocation, not doubling as it grows
    s = ReadAll(f, options.max_input_bytes, &bytes);
    std::fclose(f);
    if (!s.ok()) return s;
  }
  s = ReadUnrendered(bytes, "", options, doc);
  if (!s.ok()) return s;
  // Read and hashed, the input is not needed any more: freed before the text is rendered, so a
  // large note is never held three times (input, blocks, text) at once.
  std::string().swap(bytes);
  return Render(options, doc);
}

}  // namespace minutes
