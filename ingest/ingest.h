// ingest: read a DOCX or text file of meeting notes into one Document and its plain text.
//
//   minutes::IngestOptions options;              // limits for hostile input; defaults are safe
//   minutes::Document doc;
//   minutes::Status s = minutes::ReadFile("notes.docx", options, &doc);
//   if (!s.ok()) { std::cerr << "notes.docx: " << s.ToString() << "\n"; return 3; }
//   std::cout << doc.text;                       // what `minutes text` prints
//
// The format is told from the bytes, not the file name: a zip is read as DOCX, an OLE compound file
// (legacy .doc, or any password-protected Word file) is refused with a message saying which, and
// anything else is decoded as text. The readers never touch the network or any file but the input.
// All functions are thread-safe; they share only immutable state.

#ifndef MINUTES_INGEST_INGEST_H_
#define MINUTES_INGEST_INGEST_H_

#include <cstddef>
#include <string>
#include <string_view>

#include "ingest/document.h"
#include "common/status.h"

namespace minutes {

// Limits on what one input may cost. Each trades the largest legitimate document against what a
// hostile one can make us spend; the defaults are ~50x the largest real minutes seen.
enum class InputFormat { kAuto, kDocx, kText };

struct IngestOptions {
  // kAuto tells the format from the bytes; kDocx or kText forces a reader (a forced kDocx on
  // bytes that are not a zip fails with kCorrupt).
  InputFormat format = InputFormat::kAuto;
  // Bytes read from the file (or stdin) before giving up with kTooLarge.
  size_t max_input_bytes = 64u << 20;
  // Total bytes inflated from all zip entries we open (zip bomb guard).
  size_t max_decompressed_bytes = 256u << 20;
  // Largest uncompressed/compressed ratio accepted for one entry above 1 MiB uncompressed. Real XML
  // compresses ~10-20x; bombs reach 1000x.
  double max_compression_ratio = 200.0;
  // Deepest XML element nesting accepted in any part (libxml2's own cap without HUGE is 256).
  int max_xml_depth = 256;
  // Most entries a zip may list; real DOCX files have < 100 (the peer corpus has 70,000).
  size_t max_zip_entries = 100000;
};

// Reads the file at `path` ("-" reads stdin) into `*doc`, fully rendered (doc->text and spans set).
// On failure returns a non-OK status whose message names the problem but not the path (callers add
// it), and leaves `*doc` in an unspecified state. kIoError: missing, unreadable, a directory.
Status ReadFile(const std::string& path, const IngestOptions& options, Document* doc);

// As ReadFile, from bytes already in memory.
Status ReadBytes(std::string_view bytes, const IngestOptions& options, Document* doc);

}  // namespace minutes

#endif  // MINUTES_INGEST_INGEST_H_
