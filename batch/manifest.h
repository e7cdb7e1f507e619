// Internal to batch: what a batch has done, kept in OUTDIR/manifest.db (SQLite) so that a re-run
// skips it and an interrupted run resumes. Every record is committed when it is made: a process
// killed at any moment leaves every finished document recorded and nothing half-recorded.

#ifndef MINUTES_BATCH_MANIFEST_H_
#define MINUTES_BATCH_MANIFEST_H_

#include <memory>
#include <string>
#include <vector>

#include "common/status.h"

namespace minutes::batch {

class Manifest {
 public:
  // Opens (creating) the manifest at `path`. With `forget`, everything recorded is dropped first.
  // A manifest written by another version of the program is dropped too: its extractions would
  // not be what this version extracts.
  static Status Open(const std::string& path, bool forget, const std::string& version,
                     std::unique_ptr<Manifest>* out);
  ~Manifest();

  struct FileRecord {
    std::string sha256;
    std::string outcome;  // "converted" or "failed"
    std::string kind, message;
  };
  // The record of `path` if it was done with exactly this size and modification time.
  bool FindFile(const std::string& path, uint64_t size, int64_t mtime_ns, FileRecord* out);
  // Whether the document with these bytes was extracted.
  bool HasDocument(const std::string& sha256);

  // Records a file's outcome; and a document's extraction. Each commits at once unless inside
  // Begin() ... Commit(), which makes several records one transaction (a document and the files
  // that hold its bytes: all recorded or none).
  Status RecordFile(const std::string& path, uint64_t size, int64_t mtime_ns,
                    const FileRecord& record);
  Status RecordDocument(const std::string& sha256, const std::string& series,
                        const std::string& date, const std::string& json);
  Status Begin();
  Status Commit();

  // The output phase: documents' series and dates, their JSON, and the settled JSON kept while
  // the series are settled one at a time.
  struct DocumentKey {
    std::string sha256, series, date;
  };
  Status Keys(const std::vector<std::string>& sha256s, std::vector<DocumentKey>* out);
  Status Json(const std::string& sha256, std::string* json);  // settled if there is one
  Status StoreSettled(const std::string& sha256, const std::string& json);
  Status ClearSettled();

 private:
  struct Impl;
  explicit Manifest(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace minutes::batch

#endif  // MINUTES_BATCH_MANIFEST_H_
