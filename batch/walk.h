// Internal to batch: the input folders walked into files to convert, files to skip and paths
// that cannot be read.

#ifndef MINUTES_BATCH_WALK_H_
#define MINUTES_BATCH_WALK_H_

#include <cstdint>
#include <string>
#include <vector>

namespace minutes::batch {

struct InputFile {
  std::string path;
  uint64_t size = 0;
  int64_t mtime_ns = 0;  // with size, how a re-run knows the file has not changed
};

struct PathNote {
  std::string path;
  std::string kind;     // errors: "cannot read"; skipped: ""
  std::string message;  // the reason
};

struct Walked {
  std::vector<InputFile> files;   // notes to convert, by extension (ingest's readers)
  std::vector<PathNote> skipped;  // other files, links to folders, special files
  std::vector<PathNote> errors;   // inputs that do not exist, unreadable folders, broken links
};

// Walks `inputs` (folders recursively, files as they are) in sorted order. Links to files are
// followed; links to folders are not (no loops). Every path met lands in exactly one list.
Walked Walk(const std::vector<std::string>& inputs);

}  // namespace minutes::batch

#endif  // MINUTES_BATCH_WALK_H_
