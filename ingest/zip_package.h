// Internal to ingest: read-only access to the parts of a zip package (the container of a DOCX).
//
//   std::unique_ptr<minutes::ZipPackage> zip;
//   minutes::Status s = minutes::ZipPackage::Open(bytes, options, &zip);
//   std::string xml;
//   if (s.ok() && zip->Has("word/document.xml")) s = zip->Read("word/document.xml", &xml);
//
// The archive is located through its central directory (end-of-central-directory record, zip64
// locator and record), not by walking local headers, so data descriptors, zip64, bytes prepended
// before the zip (an SFX stub) and tens of thousands of entries all work. Entries are inflated with
// zlib (raw deflate, into a buffer of the declared size) or copied (stored); the CRC-32 is checked
// with Poco::Checksum.
//
// Entry names are only ever compared, never used as filesystem paths. Part names are matched the
// way Word does: a leading '/' is ignored, '\' counts as '/', and ASCII case is ignored.
//
// Limits (from IngestOptions): max_zip_entries is checked against the directory before parsing it;
// max_decompressed_bytes is a budget shared by every Read on one package, checked against the
// declared size up front and counted while inflating; max_compression_ratio applies to entries over
// 1 MiB (declared; no entry inflates past its declared size). A ZipPackage is not thread-safe (the
// budget is mutable state).

#ifndef MINUTES_INGEST_ZIP_PACKAGE_H_
#define MINUTES_INGEST_ZIP_PACKAGE_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "common/status.h"
#include "ingest/ingest.h"

namespace minutes {

class ZipPackage {
 public:
  // Parses the central directory of the zip in `bytes`, which must outlive the package. On success
  // sets `*out`. Fails with kCorrupt ("not a zip archive", "truncated or corrupt zip archive
  // (...)", "zip archive has two entries named <name>": two entries whose names match by the rules
  // above), kUnsupported (multi-volume archive) or kTooLarge (max_zip_entries). Never throws.
  static Status Open(std::string_view bytes, const IngestOptions& options,
                     std::unique_ptr<ZipPackage>* out);

  // True when `bytes` really are a zip archive: a local file header at offset 0 (how every zip
  // writer starts), an empty archive that is only its end record, or bytes prepended before a zip
  // (an SFX stub) whose end record leads to a central directory entry and that to a local header.
  // Text that merely holds the end record's signature "PK\x05\x06" in its last 64 KiB is not a
  // zip. Looks at the first 4 bytes, the last 64 KiB and the two records the end record points at.
  // Thread-safe.
  static bool IsZip(std::string_view bytes);

  ZipPackage(const ZipPackage&) = delete;
  ZipPackage& operator=(const ZipPackage&) = delete;

  // True when the archive has an entry for `part_name` (see the matching rules above).
  bool Has(std::string_view part_name) const;

  // An entry as it is stored in the archive: what a caller that caches what a part parses to
  // keys on. Equal bytes, method, CRC-32 and size mean equal content.
  struct StoredPart {
    std::string_view bytes;  // compressed (deflate) or not (stored); points into the archive
    uint16_t method = 0;     // 0 stored, 8 deflate
    uint32_t crc32 = 0;      // of the uncompressed content, as declared
    uint64_t size = 0;       // uncompressed, as declared
    size_t entry = 0;        // for Read(const StoredPart&) on this package only
  };
  // Finds `part_name` and checks what can be checked without inflating it; charges nothing to
  // the budget. Fails as Read does (missing entry, truncated data, encryption, method).
  Status Stored(std::string_view part_name, StoredPart* out) const;
  // Read of an entry Stored found in this package.
  Status Read(const StoredPart& part, std::string* out);

  // Replaces `*out` with the uncompressed content of `part_name`. Fails with kCorrupt (missing
  // entry, truncated data, bad CRC), kUnsupported (encrypted entry, unknown compression method) or
  // kTooLarge (decompressed budget or compression ratio). Never throws.
  Status Read(std::string_view part_name, std::string* out);

  size_t entry_count() const { return entries_.size(); }
  // Bytes inflated so far by Read, over all entries.
  size_t decompressed_bytes() const { return used_; }

  // The key Has/Read match on: no leading '/', '\' as '/', ASCII lower case.
  static std::string NormalizeName(std::string_view name);

 private:
  struct Entry {
    std::string name;  // as stored, for messages
    uint64_t local_offset = 0;
    uint64_t compressed_size = 0;
    uint64_t size = 0;
    uint32_t crc32 = 0;
    uint16_t method = 0;
    uint16_t flags = 0;
  };

  ZipPackage(std::string_view bytes, const IngestOptions& options)
      : bytes_(bytes), options_(options) {}
  Status ParseDirectory();
  Status Inflate(const Entry& e, std::string_view data, std::string* out);

  std::string_view bytes_;
  IngestOptions options_;
  std::vector<Entry> entries_;
  std::unordered_map<std::string, size_t> index_;  // NormalizeName(name) -> first entry
  size_t used_ = 0;                                // decompressed bytes charged to the budget
};

}  // namespace minutes

#endif  // MINUTES_INGEST_ZIP_PACKAGE_H_
