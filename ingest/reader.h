// Reader: one input format, told from its bytes and read into a Document's blocks.
//
//   for (const minutes::Reader* r : minutes::Readers())        // in sniff order
//     std::cout << r->name() << "  " << r->description() << "\n";
//   const minutes::Reader* docx = minutes::FindReader("docx");  // nullptr if no such reader
//   if (docx->Sniff(bytes)) s = docx->Read(bytes, options, &doc);
//
// Callers outside ingest rarely need this header: ReadFile/ReadBytes (ingest.h) choose the reader,
// run it, then hash and render the Document. It is the manual for adding a format:
//   1. write ingest/<name>_reader.cc defining a class derived from Reader and a function returning
//      its one instance (`const Reader* FooFormatReader()`, declared at the end of this header);
//   2. add that function to the list in ingest/readers.cc, at its place in the sniff order;
//   3. add the .cc to ingest/CMakeLists.txt.
// The name then works in `--input-format`, in IngestOptions::format, and in the output's
// `source.format`.
//
// Why an abstract class rather than a struct of function pointers: it is LevelDB's Comparator
// (a named, stateless strategy shared by every caller); the compiler checks that a reader
// implements every member; and a reader that needs constant tables (compiled patterns) can hold
// them as members built once in its constructor. The one virtual call per input costs nothing
// next to reading it.
//
// Why a registry list rather than readers registering themselves from static constructors: the
// order is part of the behaviour (it decides which reader gets ambiguous bytes), so it is written
// down in one place; and the linker drops self-registering objects from a static library.
//
// Not a reader: OLE compound files (legacy .doc, password-protected Word). ReadBytes refuses them
// before any reader is chosen, forced or not; see ingest.cc.

#ifndef MINUTES_INGEST_READER_H_
#define MINUTES_INGEST_READER_H_

#include <string_view>
#include <vector>

#include "common/status.h"
#include "ingest/document.h"
#include "ingest/ingest.h"

namespace minutes {

// A Reader is stateless: the registry makes one instance of each for the life of the process and
// shares it with every caller and thread, so Sniff and Read must be safe to call concurrently
// (constant members only). Readers are never deleted, hence no public destructor; none can be
// copied, since a Reader is known by its address in the registry.
class Reader {
 public:
  Reader(const Reader&) = delete;
  Reader& operator=(const Reader&) = delete;

  // The stable label of the format: lower case ASCII, no spaces ("docx", "text"). Users type it
  // in `--input-format`; it is written to Document::format and to the output's `source.format`,
  // so renaming a reader changes the output schema.
  virtual std::string_view name() const = 0;

  // One line for help text, without a final period: "Word 2007+ document (zip package)".
  virtual std::string_view description() const = 0;

  // The file name extensions (lower case, no dot) that mark this format when a folder is walked
  // (`minutes batch`): "docx", "docm", "dotx". The bytes still decide how a file is read.
  virtual std::vector<std::string_view> extensions() const = 0;

  // True if `bytes` look like this format. `bytes` is the whole input, never empty; a reader must
  // look only at a bounded head and tail (a zip's directory record lies up to 64 KiB from the
  // end), because every input is sniffed before it is read. No false negatives for well-formed
  // files of the format; a false positive only means Read will fail with its own message. The
  // first reader in Readers() whose Sniff says yes reads the input, so a reader that accepts
  // anything (text) must come last.
  virtual bool Sniff(std::string_view bytes) const = 0;

  // Reads `bytes` into the blocks of `*doc` (body, notes, comments, headers, footers). `*doc`
  // arrives default-constructed except for `format`, which the caller has set to name(); Read
  // must not render, hash, or set `format`, `source_bytes` or `sha256` (ReadBytes does that for
  // every reader). Called even when Sniff said no, if the user forced this reader. Returns OK, or
  // a one-line status naming the problem (kCorrupt, kUnsupported, kTooLarge against `options`),
  // leaving `*doc` in an unspecified state. Never throws.
  virtual Status Read(std::string_view bytes, const IngestOptions& options,
                      Document* doc) const = 0;

 protected:
  Reader() = default;
  ~Reader() = default;
};

// The built-in readers, each defined in its own <name>_reader.cc (but for docx and html, whose
// readers read through the module minutes_xml.so: xml_module.h) and listed in readers.cc. Each
// returns the same instance on every call; the caller does not own it. Reach them through
// Readers() or FindReader(); these exist so that readers.cc can list them.
const Reader* DocxFormatReader();  // "docx": ingest/xml_formats.cc, read by minutes_xml.so
const Reader* PdfFormatReader();   // "pdf": ingest/pdf_reader.cc
const Reader* HtmlFormatReader();  // "html": ingest/xml_formats.cc, read by minutes_xml.so
const Reader* TextFormatReader();  // "text": ingest/text_reader.cc

}  // namespace minutes

#endif  // MINUTES_INGEST_READER_H_
