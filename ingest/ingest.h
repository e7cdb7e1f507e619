// ingest: read a DOCX, PDF, HTML or text file of meeting notes into one Document and its plain
// text.
//
//   minutes::IngestOptions options;              // limits for hostile input; defaults are safe
//   minutes::Document doc;
//   minutes::Status s = minutes::ReadFile("notes.docx", options, &doc);
//   if (!s.ok()) { std::cerr << "notes.docx: " << s.ToString() << "\n"; return 3; }
//   std::cout << doc.text;                       // what `minutes text` prints
//
// The format is told from the bytes, not the file name: each registered Reader (reader.h) in turn
// is asked whether the bytes are its format, and the first that says yes reads them (a zip is read
// as DOCX, "%PDF-" as PDF, an HTML document as HTML; anything else is decoded as text).
// IngestOptions::format can name a reader instead. An OLE compound file (legacy .doc, or any
// password-protected Word file) is refused, whatever the format, with a message saying which. The
// readers never touch the network or any file but the input. All functions are thread-safe; they
// share only immutable state.

#ifndef MINUTES_INGEST_INGEST_H_
#define MINUTES_INGEST_INGEST_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "ingest/document.h"

namespace minutes {

class Reader;  // reader.h

// Which reader to use, and limits on what one input may cost. Each limit trades the largest
// legitimate document against what a hostile one can make us spend; the defaults are ~50x the
// largest real minutes seen.
struct IngestOptions {
  // "" or "auto" tells the format from the bytes; a reader's name ("docx", "text") forces that
  // reader (a forced "docx" on bytes that are not a zip fails with kCorrupt). Any other value
  // fails ReadBytes/ReadFile with kInvalidArgument.
  std::string format;
  // Bytes read from the file (or stdin) before giving up with kTooLarge.
  size_t max_input_bytes = 64u << 20;
  // Total bytes inflated from all zip entries we open (zip bomb guard); for a PDF, from the Flate
  // streams read for text (not images), plus the text itself.
  size_t max_decompressed_bytes = 256u << 20;
  // Largest uncompressed/compressed ratio accepted for one entry above 1 MiB uncompressed. Real XML
  // compresses ~10-20x; bombs reach 1000x.
  double max_compression_ratio = 200.0;
  // Deepest XML element nesting accepted in any part (libxml2's own cap without HUGE is 256).
  int max_xml_depth = 256;
  // Most entries a zip may list; real DOCX files have < 100 (the peer corpus has 70,000).
  size_t max_zip_entries = 100000;
  // Most pages a PDF may have; each page costs a text extraction (minutes run to tens of pages).
  size_t max_pdf_pages = 5000;
  // Most objects a PDF's cross-reference tables may declare (/Size); real minutes declare
  // hundreds to a few thousand, a hostile file millions.
  size_t max_pdf_objects = 1000000;
  // What one document may hold once read, whatever its format, so memory stays bounded: a block is
  // a paragraph, heading, list item, table or image, also inside table cells and in notes,
  // comments, headers and footers (a real set of minutes has hundreds to a few thousand).
  size_t max_blocks = 2000000;
  // Longest paragraph (bytes of UTF-8 text; a line of text notes is a paragraph).
  size_t max_paragraph_bytes = 4u << 20;
  // Most table cells in the whole document (rows times columns, summed over tables).
  size_t max_table_cells = 1000000;
  // Seconds reading one document may take before it gives up; 0: no limit. Extraction has its own
  // budget (ExtractOptions::max_seconds), which the CLI sets to the same value.
  double max_seconds = 60;
  // Whether each block keeps its own copy of its text once the document is rendered (Block::text).
  // Extraction reads only Document::text at the blocks' spans, so its callers drop them: for a
  // text note they are as large as the note.
  bool keep_block_text = true;
};

// Reads the file at `path` ("-" reads stdin) into `*doc`, fully rendered (doc->text and spans set).
// On failure returns a non-OK status whose message names the problem but not the path (callers add
// it), and leaves `*doc` in an unspecified state. Every limit in `options` is kTooLarge naming the
// limit and its value ("the document has more than max_blocks (2000000) blocks"), and so are
// running out of memory ("out of memory reading the document") and a text longer than spans
// address (kMaxTextBytes, common/span.h); no input makes it throw or abort. kIoError:
// missing, unreadable, a directory. kInvalidArgument: `options.format` names no reader (checked
// before the file is opened).
Status ReadFile(const std::string& path, const IngestOptions& options, Document* doc);

// As ReadFile, from bytes already in memory.
Status ReadBytes(std::string_view bytes, const IngestOptions& options, Document* doc);

// As ReadBytes, for bytes the caller has hashed already (a batch hashes each file to find copies
// before any is read): `sha256`, their SHA-256 in lower-case hex, is taken as doc->sha256 instead
// of being computed again ("" computes it).
Status ReadBytes(std::string_view bytes, std::string_view sha256, const IngestOptions& options,
                 Document* doc);

// The SHA-256 of `bytes` in lower-case hex: a document's identity (doc->sha256), and how a batch
// finds copies of a file before reading any.
std::string Sha256Hex(std::string_view bytes);

// Every reader, in sniff order (the order in which they are asked whether bytes are theirs). The
// list and the readers are built on first use and live until the process exits; the caller owns
// neither.
const std::vector<const Reader*>& Readers();

// The reader called `name` (exact, case-sensitive match), or nullptr if there is none. "auto" is
// not a reader: it names no reader and gives nullptr.
const Reader* FindReader(std::string_view name);

// The reader whose extensions() hold `extension` (no dot; any case: "DOCX"), or nullptr: how a
// folder walk tells notes from other files.
const Reader* ReaderForExtension(std::string_view extension);

// The readers' names in sniff order joined by `separator`, for help text and error messages:
// ReaderNames("|") is "docx|pdf|html|text". Does not include "auto".
std::string ReaderNames(std::string_view separator);

}  // namespace minutes

#endif  // MINUTES_INGEST_INGEST_H_
