// Internal to ingest: the style sheets of DOCX files, parsed once per process for every file that
// carries the same styles part.
//
//   minutes::ZipPackage::StoredPart stored;            // zip->Stored("word/styles.xml", &stored)
//   auto sheet = minutes::StyleSheetCache::Shared().Find(stored);
//   if (!sheet) { ...parse and Load a StyleSheet...; StyleSheetCache::Shared().Insert(stored,
//   sheet); }
//
// Why: a note made from Word's default template carries 350 KB of styles.xml (164 styles, of which
// it uses two) beside a 50 KB document.xml; every note from that template stores the same bytes.
// Parsing them was half the cost of reading a note.
//
// A sheet is found only for a part whose stored bytes, compression method, CRC-32 and size all
// equal those of the part it was parsed from; the bytes are compared in full, so no file can be
// given another file's styles by forging a CRC. A hit inflates nothing, so it charges nothing to
// the package's max_decompressed_bytes budget. The cache holds at most kEntries sheets of parts
// stored in at most kMaxStoredBytes each, the least recently used leaving first. Thread-safe;
// sheets are immutable once inserted.

#ifndef MINUTES_INGEST_STYLE_SHEET_CACHE_H_
#define MINUTES_INGEST_STYLE_SHEET_CACHE_H_

#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "ingest/docx_styles.h"
#include "ingest/zip_package.h"

namespace minutes {

class StyleSheetCache {
 public:
  static constexpr size_t kEntries = 16;
  static constexpr size_t kMaxStoredBytes = 1u << 20;

  // The process's cache.
  static StyleSheetCache& Shared();

  // The sheet parsed from a part stored exactly as `stored`, or nullptr.
  std::shared_ptr<const StyleSheet> Find(const ZipPackage::StoredPart& stored);
  // Remembers `sheet` as what `stored` parses to (a part stored in more than kMaxStoredBytes is
  // not kept).
  void Insert(const ZipPackage::StoredPart& stored, std::shared_ptr<const StyleSheet> sheet);

  // Forgets every sheet (for benchmarks of the cold path).
  void Clear();

  size_t hits() const;
  size_t misses() const;

 private:
  struct Entry {
    std::string bytes;
    uint16_t method = 0;
    uint32_t crc32 = 0;
    uint64_t size = 0;
    uint64_t last_use = 0;
    std::shared_ptr<const StyleSheet> sheet;
  };
  static bool Same(const Entry& e, const ZipPackage::StoredPart& stored);

  mutable std::mutex mu_;
  std::vector<Entry> entries_;
  uint64_t clock_ = 0;
  size_t hits_ = 0, misses_ = 0;
};

}  // namespace minutes

#endif  // MINUTES_INGEST_STYLE_SHEET_CACHE_H_
