// Internal to ingest: the contract between the "pdf" reader (pdf_reader.cc, in the program) and
// the module minutes_pdf.so (pdf_poppler.cc), which holds everything that needs poppler. Poppler
// brings ~40 libraries (nss, tiff, openjpeg, lcms, fontconfig, freetype, ...); kept in a module
// that is loaded the first time a PDF is read (common/module.h), they cost nothing to a run that
// reads no PDF.
//
//   void* entry = nullptr;
//   Status s = LoadModuleSymbol("pdf", "reading a PDF", kPdfModuleSymbol, &entry);
//   const PdfModule* pdf = static_cast<const PdfModule*>(entry);
//   std::vector<LayoutPage> pages;
//   if (s.ok()) s = pdf->read_pages(bytes, options, counted, &pages);
//
// The split: the program checks what needs no PDF parser (size, declared objects, what the Flate
// streams inflate to) before loading anything, and lays out the words the module returns
// (pdf_layout.h); the module opens the document with poppler and gives each page's words.

#ifndef MINUTES_INGEST_PDF_MODULE_H_
#define MINUTES_INGEST_PDF_MODULE_H_

#include <cstddef>
#include <exception>
#include <new>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "ingest/ingest.h"
#include "ingest/pdf_layout.h"

namespace minutes {

struct PdfModule {
  // Opens `bytes` (a PDF of at most 2 GiB) with poppler and stores the words of each page in
  // *pages, one entry per page, in the page's coordinates. `counted_bytes` is what the caller has
  // already counted against options.max_decompressed_bytes; the text read adds to it. Fails with
  // kCorrupt (poppler cannot open it, or it has no pages), kUnsupported (it needs a password) or
  // kTooLarge (max_pdf_pages, max_decompressed_bytes, max_seconds, out of memory). Poppler's own
  // messages, which quote the document, are silenced. Thread-safe (documents are read one at a
  // time inside); never throws.
  Status (*read_pages)(std::string_view bytes, const IngestOptions& options, size_t counted_bytes,
                       std::vector<LayoutPage>* pages);
};

// Runs `read` (returning a Status) and turns what it throws into a Status, as both sides of the
// module do: an exception must not cross from the module into the program.
template <typename Read>
Status PdfStatusOf(Read read) {
  try {
    return read();
  } catch (const std::bad_alloc&) {
    return Status::TooLarge("out of memory reading the PDF");
  } catch (const std::exception& e) {
    return Status::Corrupt(std::string("cannot read the PDF: ") + e.what());
  } catch (...) {
    return Status::Corrupt("cannot read the PDF");
  }
}

// The name under which minutes_pdf.so exports its one `const PdfModule`.
inline constexpr char kPdfModuleSymbol[] = "minutes_pdf_module";

}  // namespace minutes

#endif  // MINUTES_INGEST_PDF_MODULE_H_
