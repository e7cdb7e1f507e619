// The module minutes_pdf.so: poppler opens the PDF and gives each page's words with their boxes
// and fonts (pdf_module.h). Everything else of the "pdf" reader is in the program (pdf_reader.cc).
//
// Choices, in one place:
//   - an encrypted PDF that opens with the empty password (permissions only) is read; one that
//     needs a password is refused (kUnsupported), saying so;
//   - limits: max_pdf_pages on the page count, max_decompressed_bytes on the text poppler gives
//     (added to what the caller counted), max_seconds checked between pages;
//   - poppler's own error messages are silenced: they quote the document.

#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-page.h>

#include <cctype>
#include <exception>
#include <memory>
#include <mutex>
#include <new>
#include <string>
#include <string_view>
#include <vector>

#include "common/deadline.h"
#include "ingest/pdf_module.h"

namespace minutes {
namespace {

void Quiet(const std::string&, void*) {}

bool IsBoldFont(std::string font) {
  for (char& c : font) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (const char* w : {"bold", "black", "heavy", "demi", "semibold"})
    if (font.find(w) != std::string::npos) return true;
  return false;
}

std::string Utf8(const poppler::ustring& u) {
  poppler::byte_array b = u.to_utf8();
  return std::string(b.begin(), b.end());
}

Status ReadPagesLocked(std::string_view bytes, const IngestOptions& options, size_t counted_bytes,
                       std::vector<LayoutPage>* layout) {
  // Poppler keeps process-wide state (its global parameters, font caches) that is not known to
  // be safe under concurrent documents; one PDF at a time costs the server little, since most
  // of the work is the extraction after.
  static std::mutex mu;
  std::lock_guard<std::mutex> lock(mu);
  static const bool quiet = (poppler::set_debug_error_function(Quiet, nullptr), true);
  (void)quiet;

  std::unique_ptr<poppler::document> pdf(
      poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
  if (pdf == nullptr)
    return Status::Corrupt("not a PDF poppler can open (damaged or truncated file)");
  if (pdf->is_locked())
    return Status::Unsupported(
        "password-protected PDF: it needs a password to open; save an unprotected copy");
  int pages = pdf->pages();
  if (pages <= 0) return Status::Corrupt("PDF has no pages");
  if (static_cast<size_t>(pages) > options.max_pdf_pages)
    return Status::TooLarge("PDF has " + std::to_string(pages) + " pages, over max_pdf_pages (" +
                            std::to_string(options.max_pdf_pages) + ")");

  layout->assign(pages, LayoutPage());
  size_t text_bytes = counted_bytes;
  const Deadline deadline = Deadline::After(options.max_seconds);
  for (int p = 0; p < pages; ++p) {
    // A page is poppler's unit of work: the time budget is checked between pages.
    if (Status s = deadline.Check(); !s.ok()) return s;
    std::unique_ptr<poppler::page> page(pdf->create_page(p));
    if (page == nullptr) continue;
    poppler::rectf box = page->page_rect();
    (*layout)[p].width = box.width();
    (*layout)[p].height = box.height();
    for (const poppler::text_box& t : page->text_list(poppler::page::text_list_include_font)) {
      LayoutWord w;
      w.text = Utf8(t.text());
      if (w.text.find_first_not_of(" \t\r\n") == std::string::npos) continue;
      poppler::rectf b = t.bbox();
      w.x0 = b.left();
      w.y0 = b.top();
      w.x1 = b.right();
      w.y1 = b.bottom();
      w.font_size = t.get_font_size();
      w.bold = t.has_font_info() && IsBoldFont(t.get_font_name());
      text_bytes += w.text.size();
      if (text_bytes > options.max_decompressed_bytes)
        return Status::TooLarge("PDF text past max_decompressed_bytes (" +
                                std::to_string(options.max_decompressed_bytes) + ")");
      (*layout)[p].words.push_back(std::move(w));
    }
  }
  return Status::OK();
}

Status ReadPages(std::string_view bytes, const IngestOptions& options, size_t counted_bytes,
                 std::vector<LayoutPage>* pages) {
  return PdfStatusOf([&] { return ReadPagesLocked(bytes, options, counted_bytes, pages); });
}

}  // namespace
}  // namespace minutes

// The module's one export (the module is built with hidden visibility; see minutes_add_module).
extern "C" __attribute__((visibility("default")))
const minutes::PdfModule minutes_pdf_module = {&minutes::ReadPages};
