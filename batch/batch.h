// batch: convert a whole archive of notes — folders walked, files read in parallel worker
// processes, every path accounted for, resumable after any interruption.
//
//   minutes::batch::BatchOptions options;
//   options.inputs = {"archive/"};
//   options.out_dir = "out/";
//   minutes::batch::Summary summary;
//   minutes::Status s = minutes::batch::Run(options, &progress, &summary);
//
// Outputs in `out_dir`, all written through temporary files and renames, so a run killed at any
// moment never leaves a half-written file that the next run trusts:
//   documents.jsonl    one extraction per distinct document (by sha256), ordered by path; identical
//                      files under several paths are extracted once (source.other_paths)
//   <table>.csv, datapackage.json   the same documents as CSV tables
//   skipped.csv        path, reason: files that are not notes (by extension), links to folders
//   errors.csv         path, sha256, kind, message: files that could not be read or extracted,
//                      took longer than the time budget, or crashed their worker
//   manifest.db        SQLite: what was done, by path (size, mtime) and by sha256 — a re-run
//                      reuses it, so an interrupted batch resumes where it stopped
//   manifest.outputs/  each document's outputs as its worker made them, which manifest.db
//                      points into (read back to write the outputs above)
// Every input path is in exactly one of documents.jsonl, skipped.csv and errors.csv.
//
// Documents are extracted in worker processes (a crash or a hang costs one document, not the
// batch), then the meetings of each series are settled together (extract/series.h) and the
// outputs written, one document at a time: memory stays flat as the archive grows.

#ifndef MINUTES_BATCH_BATCH_H_
#define MINUTES_BATCH_BATCH_H_

#include <cstddef>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "common/status.h"
#include "extract/extract.h"
#include "ingest/ingest.h"

namespace minutes::batch {

struct BatchOptions {
  std::vector<std::string> inputs;  // folders (walked recursively) and files
  std::string out_dir;
  int jobs = 0;         // worker processes; 0 = the number of cores
  std::string db_url;   // also load into this warehouse ("" = none)
  int shard_index = 0;  // --shard I/N: only paths whose hash falls in slice I of N
  int shard_count = 1;
  bool force = false;               // forget the manifest: redo everything
  double doc_timeout_seconds = 60;  // a document taking longer fails (its worker is killed)
  IngestOptions ingest;
  ExtractOptions extract;
  std::string minutes_version;  // recorded in the warehouse
};

struct Summary {
  size_t files = 0;      // input paths seen (this shard)
  size_t converted = 0;  // paths converted (documents.jsonl)
  size_t skipped = 0;    // skipped.csv
  size_t failed = 0;     // errors.csv
  size_t documents = 0;  // distinct documents in documents.jsonl
  size_t reused = 0;     // paths the manifest already had done
  size_t people = 0, actions = 0, money = 0;
  std::map<std::string, size_t> findings;  // by severity name
  // Documents in the warehouse after the run (with db_url), loaded now or before.
  size_t loaded = 0;
  double seconds = 0;
};

// Told about progress: `done` of `total` files finished so far (the total is known once the
// inputs are walked). Called from the thread that called Run, at most a few times a second.
using ProgressFn = std::function<void(size_t done, size_t total)>;

// Runs the batch. Fails only for what stops the whole batch: bad options (kInvalidArgument), an
// output folder or manifest that cannot be written, a warehouse that cannot be opened (kIoError).
// A bad input file never fails the batch: it is in errors.csv and counted in summary->failed.
Status Run(const BatchOptions& options, const ProgressFn& progress, Summary* summary);

// Whether `path` falls in shard `index` of `count` (a stable hash of the path).
bool InShard(const std::string& path, int index, int count);

}  // namespace minutes::batch

#endif  // MINUTES_BATCH_BATCH_H_
