// The "pdf" reader: the words of each page come from poppler, in the module minutes_pdf.so
// (pdf_module.h, pdf_poppler.cc), loaded the first time a PDF is read; pdf_layout.cc rebuilds
// lines, paragraphs, headings, tables and the running headers and footers from them.
//
// Choices, in one place:
//   - an encrypted PDF that opens with the empty password (permissions only) is read; one that
//     needs a password is refused (kUnsupported), saying so;
//   - a PDF whose pages hold no text at all is a scan: kNoText, not an empty document;
//   - limits: max_pdf_pages on the page count, max_pdf_objects on the objects the cross-reference
//     tables declare, and max_decompressed_bytes on what the Flate streams poppler reads for
//     text (pages, fonts, object streams; not images) inflate to, counted here before poppler
//     starts (or its module is loaded), plus the text it gives;
//   - without the module (a PDF reader not installed), a PDF is refused with kUnsupported naming
//     the module and where it was looked for; nothing else depends on it;
//   - poppler's own error messages are silenced: they quote the document.

#include <re2/re2.h>
#include <zlib.h>

#include <algorithm>
#include <exception>
#include <new>
#include <string>
#include <string_view>
#include <vector>

#include "common/module.h"
#include "ingest/pdf_layout.h"
#include "ingest/pdf_module.h"
#include "ingest/reader.h"

namespace minutes {
namespace {

constexpr std::string_view kPdfMagic = "%PDF-";
constexpr size_t kSniffWindow = 1024;  // the header may follow some junk (spec: within 1 KiB)

// The largest object count any cross-reference table or stream declares ("/Size N").
size_t DeclaredObjects(std::string_view bytes) {
  static const RE2 kSize(R"(/Size\s+(\d{1,12}))");
  re2::StringPiece in(bytes.data(), bytes.size());
  size_t most = 0, n = 0;
  while (RE2::FindAndConsume(&in, kSize, &n)) most = std::max(most, n);
  return most;
}

// The dictionary before a "stream" keyword: back to its "obj", at most 4 KiB.
std::string_view StreamDictionary(std::string_view bytes, size_t stream_pos) {
  size_t from = stream_pos > 4096 ? stream_pos - 4096 : 0;
  std::string_view window = bytes.substr(from, stream_pos - from);
  size_t obj = window.rfind(" obj");
  return obj == std::string_view::npos ? window : window.substr(obj);
}

// Adds what the Flate streams poppler reads for text inflate to; kTooLarge past `limit`.
Status CountInflated(std::string_view bytes, size_t limit, size_t* total) {
  size_t pos = 0;
  std::vector<unsigned char> sink(1 << 16);
  while ((pos = bytes.find("stream", pos)) != std::string_view::npos) {
    size_t start = pos + 6;
    pos = start;
    if (start > 6 && bytes[start - 7] == 'd') continue;  // "endstream"
    if (start < bytes.size() && bytes[start] == '\r') ++start;
    if (start >= bytes.size() || bytes[start] != '\n') continue;
    ++start;
    std::string_view dict = StreamDictionary(bytes, pos - 6);
    if (dict.find("/FlateDecode") == std::string_view::npos ||
        dict.find("/Image") != std::string_view::npos)
      continue;
    z_stream z{};
    if (inflateInit(&z) != Z_OK) return Status::TooLarge("out of memory inflating a PDF stream");
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data() + start));
    z.avail_in = static_cast<uInt>(std::min<size_t>(bytes.size() - start, 1u << 30));
    int rc = Z_OK;
    while (rc == Z_OK) {
      z.next_out = sink.data();
      z.avail_out = static_cast<uInt>(sink.size());
      rc = inflate(&z, Z_NO_FLUSH);
      *total += sink.size() - z.avail_out;
      if (*total > limit) {
        inflateEnd(&z);
        return Status::TooLarge("PDF streams inflate past max_decompressed_bytes (" +
                                std::to_string(limit) + ")");
      }
      if (z.avail_out != 0 && rc == Z_OK && z.avail_in == 0) break;
    }
    inflateEnd(&z);
  }
  return Status::OK();
}

class PdfFormat final : public Reader {
 public:
  std::string_view name() const override { return "pdf"; }
  std::string_view description() const override {
    return "PDF with a text layer (read with poppler; scans need OCR first)";
  }
  std::vector<std::string_view> extensions() const override { return {"pdf"}; }
  bool Sniff(std::string_view bytes) const override {
    return bytes.substr(0, kSniffWindow).find(kPdfMagic) != std::string_view::npos;
  }
  // Fails with kCorrupt (not a PDF poppler can open, no pages), kUnsupported (needs a
  // password, or minutes_pdf.so is not installed), kNoText (pages but no text: a scan) or
  // kTooLarge (a limit in `options`).
  Status Read(std::string_view bytes, const IngestOptions& options, Document* doc) const override;

 private:
  Status ReadChecked(std::string_view bytes, const IngestOptions& options, Document* doc) const;
};

Status PdfFormat::Read(std::string_view bytes, const IngestOptions& options, Document* doc) const {
  return PdfStatusOf([&] { return ReadChecked(bytes, options, doc); });
}

Status PdfFormat::ReadChecked(std::string_view bytes, const IngestOptions& options,
                              Document* doc) const {
  if (bytes.size() > static_cast<size_t>(INT32_MAX)) return Status::TooLarge("PDF over 2 GiB");
  size_t objects = DeclaredObjects(bytes);
  if (objects > options.max_pdf_objects)
    return Status::TooLarge("PDF declares " + std::to_string(objects) +
                            " objects, over max_pdf_objects (" +
                            std::to_string(options.max_pdf_objects) + ")");
  size_t inflated = 0;
  Status s = CountInflated(bytes, options.max_decompressed_bytes, &inflated);
  if (!s.ok()) return s;

  void* entry = nullptr;
  s = LoadModuleSymbol("pdf", "reading a PDF", kPdfModuleSymbol, &entry);
  if (!s.ok()) return s;
  std::vector<LayoutPage> layout;
  s = static_cast<const PdfModule*>(entry)->read_pages(bytes, options, inflated, &layout);
  if (!s.ok()) return s;
  size_t words = 0;
  for (const LayoutPage& page : layout) words += page.words.size();
  if (words == 0) {
    size_t pages = layout.size();
    return Status::NoText("PDF of " + std::to_string(pages) + (pages == 1 ? " page" : " pages") +
                          " with no text layer (a scan?); run OCR on it first");
  }
  LayoutDocument(layout, doc);
  return Status::OK();
}

}  // namespace

const Reader* PdfFormatReader() {
  static const PdfFormat kReader;
  return &kReader;
}

}  // namespace minutes
