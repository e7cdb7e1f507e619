// Internal to ingest: the two steps of the "text" reader (text_reader.cc), declared for its tests.
// Everything else reads text through the registry (FindReader("text") or ReadBytes).

#ifndef MINUTES_INGEST_TEXT_READER_H_
#define MINUTES_INGEST_TEXT_READER_H_

#include <string>
#include <string_view>

#include "common/status.h"
#include "ingest/document.h"
#include "ingest/ingest.h"

namespace minutes {

// Converts `bytes` to UTF-8: UTF-8 (BOM or not), UTF-16LE/BE with a BOM, else Windows-1252.
// Line endings become '\n'. Fails with kUnsupported on bytes that are not text (NULs in what is not
// UTF-16) and kCorrupt on a UTF-16 BOM followed by invalid UTF-16.
Status DecodeText(std::string_view bytes, std::string* utf8);

// Reads decoded UTF-8 notes into the body blocks of `*doc`: one paragraph per line, and tables
// where the text writes them as the seeds' exports do (one tab-prefixed line per cell, rows
// separated by blank lines, a cell wrapping onto untabbed lines) or as tab-separated rows. Does
// not render. Counts what it builds against `options`' limits (ingest/limits.h): kTooLarge naming
// the first one passed.
Status ParseTextBlocks(std::string_view utf8, const IngestOptions& options, Document* doc);

}  // namespace minutes

#endif  // MINUTES_INGEST_TEXT_READER_H_
