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
//   MappedRecord back;
//   s = reader.Read(at, &back);              // back.bytes(): the same, where they lie in the file
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

// A record mapped into memory, unmapped when this is destroyed: the record is read in place,
// and a batch's memory does not grow with the logs it has read.
class MappedRecord {
 public:
  MappedRecord() = default;
  ~MappedRecord();
  MappedRecord(MappedRecord&& other) noexcept;
  MappedRecord& operator=(MappedRecord&& other) noexcept;
  MappedRecord(const MappedRecord&) = delete;
  MappedRecord& operator=(const MappedRecord&) = delete;

  std::string_view bytes() const { return bytes_; }

 private:
  friend class OutputLogReader;
  void* map_ = nullptr;  // the pages holding the record
  size_t map_size_ = 0;
  std::string_view bytes_;
};

// Reads records back, each mapped on its own, keeping each file open once opened. Not
// thread-safe; the records it gives are independent of it.
class OutputLogReader {
 public:
  explicit OutputLogReader(std::string dir);
  ~OutputLogReader();
  OutputLogReader(const OutputLogReader&) = delete;
  OutputLogReader& operator=(const OutputLogReader&) = delete;

  // The record at `at`, whole. kIoError (naming the file) when it cannot be read or lies past the
  // end of the file.
  Status Read(const OutputPlace& at, MappedRecord* out);

  // The size of `dir`/`file` in bytes; -1 when there is no such file.
  static int64_t FileSize(const std::string& dir, const std::string& file);

 private:
  std::string dir_;
  std::map<std::string, int> open_;  // file name -> descriptor
};

}  // namespace minutes::batch

#endif  // MINUTES_BATCH_OUTPUT_LOG_H_
