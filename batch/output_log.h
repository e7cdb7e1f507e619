// Internal to batch: documents' outputs (encoded DocumentOutputs) kept in append-only files in one
// folder beside the manifest, each file written by one process — a worker, or the parent for the
// outputs of settled series — and found again by where they were written. The manifest records
// the place; the bytes pass through neither a pipe nor SQLite, which is where the parent process
// spent most of its time when they did (a document's outputs are tens of KB).
//
//   OutputLog log(dir, "12345");            // the file dir/12345.bin, opened on first append
//   OutputPlace at;
//   Status s = log.Append(bytes, &at);       // at = {"12345.bin", offset, bytes.size()}
//   OutputLogReader reader(dir);
//   std::string_view back;
//   s = reader.Read(at, &back);              // the same bytes, where they lie in the file
//
// A process killed while appending leaves a partial record at the end of its file that no place
// names. A record whose bytes did not reach the disk before a power cut lies past the end of its
// file; the manifest finds it with FileSize when it opens, and forgets that document.

#ifndef MINUTES_BATCH_OUTPUT_LOG_H_
#define MINUTES_BATCH_OUTPUT_LOG_H_

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"

namespace minutes::batch {

// Where a record is: a file name in the log's folder, an offset and a length.
struct OutputPlace {
  std::string file;
  uint64_t offset = 0;
  uint64_t length = 0;
};

// Appends records to `dir`/`name`.bin. One writer per file: give each process its own name (its
// pid, say). Not thread-safe.
class OutputLog {
 public:
  OutputLog(std::string dir, std::string name);
  ~OutputLog();
  OutputLog(const OutputLog&) = delete;
  OutputLog& operator=(const OutputLog&) = delete;

  // Writes `bytes` at the end of the file and stores where in *at. kIoError (naming the file)
  // when the folder or the disk refuses; the file may then hold a partial record no place names.
  Status Append(std::string_view bytes, OutputPlace* at);

 private:
  std::string dir_, file_;
  int fd_ = -1;
};

// Reads records back in place: each file is mapped into memory when first read, and a record is
// a view of its bytes there, valid until Release or the reader's end. Not thread-safe.
class OutputLogReader {
 public:
  explicit OutputLogReader(std::string dir);
  ~OutputLogReader();
  OutputLogReader(const OutputLogReader&) = delete;
  OutputLogReader& operator=(const OutputLogReader&) = delete;

  // The record at `at`, whole. kIoError (naming the file) when it cannot be read or lies past the
  // end of the file.
  Status Read(const OutputPlace& at, std::string_view* out);

  // Unmaps every file, ending every view Read gave: what was read leaves memory (pages of a mapped
  // file count in the process's resident size), and the files are mapped again when read next.
  // Called between batches of records rather than per record: unmapping in a process with
  // several threads flushes every core's TLB.
  void Release();

  // The size of `dir`/`file` in bytes; -1 when there is no such file.
  static int64_t FileSize(const std::string& dir, const std::string& file);

 private:
  struct Mapping {
    const char* data = nullptr;
    size_t size = 0;
  };
  std::string dir_;
  std::map<std::string, Mapping> mapped_;  // file name -> its latest mapping
  // Every mapping made since Release: a file mapped again because it grew leaves earlier views
  // valid.
  std::vector<Mapping> mappings_;
};

}  // namespace minutes::batch

#endif  // MINUTES_BATCH_OUTPUT_LOG_H_
