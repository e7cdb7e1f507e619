// Internal to batch: what a batch has done, kept in OUTDIR/manifest.db (SQLite) so that a re-run
// skips it and an interrupted run resumes. Records are kept in memory as they are made and
// written by Commit, all in one transaction: a process killed at any moment leaves the manifest as
// of the last Commit, with nothing half-recorded (a document and the files that hold its bytes are
// committed together). What files and documents are recorded is read once when the manifest is
// opened and kept in memory with what is recorded since, so FindFile and HasDocument cost no
// query.
//
// Documents' outputs are not in the database but in output logs (output_log.h) in the folder
// outputs_dir(), beside it: the workers append them there and the manifest records where. When it
// opens, the manifest forgets every document whose output is not wholly in its log (its bytes were
// lost with a power cut), so that the document is extracted again.

#ifndef MINUTES_BATCH_MANIFEST_H_
#define MINUTES_BATCH_MANIFEST_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "batch/output_log.h"
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

  // The folder of the output logs: the manifest's path with ".outputs" for ".db".
  const std::string& outputs_dir() const;

  // Records a file's outcome; and a document's extraction: its series and date, the path it was
  // read from and where its encoded DocumentOutput was stored. Written by the next Commit.
  void RecordFile(const std::string& path, uint64_t size, int64_t mtime_ns,
                  const FileRecord& record);
  void RecordDocument(const std::string& sha256, const std::string& series, const std::string& date,
                      const std::string& path, const OutputPlace& output);
  // Writes every record made since the last Commit, in one transaction (one statement per table:
  // Poco 1.11 has SQLite compile a statement on every execution, which cost as much as the rows).
  Status Commit();

  // The output phase: documents' series and dates, their outputs, and the settled outputs kept
  // while the series are settled one at a time.
  struct DocumentKey {
    std::string sha256, series, date;
  };
  // The keys of those of `sha256s` that were extracted, in their order.
  Status Keys(const std::vector<std::string>& sha256s, std::vector<DocumentKey>* out);
  struct StoredOutput {
    // An encoded DocumentOutput, the settled one if there is one, where it lies in its log (valid
    // until ReleaseOutputs, DropUnreferencedOutputs or the manifest's end).
    std::string_view output;
    bool settled = false;
    std::string path;  // not settled: the path the output names, the one it was read from
  };
  // The outputs of the documents `sha256s` (a window of a few dozen), in their order, seen in
  // their logs. kIoError when one was not recorded or cannot be read.
  Status Outputs(const std::vector<std::string>& sha256s, std::vector<StoredOutput>* out);
  // Ends the views Outputs gave, so that what was read leaves memory (OutputLogReader::Release).
  void ReleaseOutputs();
  // Forgets every settled output (at once), then records one (written by the next Commit).
  Status ClearSettled();
  void StoreSettled(const std::string& sha256, const OutputPlace& output);
  // Deletes the output logs that no document's output is in (those of earlier runs' settled
  // series, or of a worker killed before its first reply). Only when no worker is writing.
  Status DropUnreferencedOutputs();

 private:
  struct Impl;
  explicit Manifest(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace minutes::batch

#endif  // MINUTES_BATCH_MANIFEST_H_
