// minutes batch: a whole archive converted, resumable, with progress and a summary.

#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <iostream>

#include "batch/batch.h"
#include "cli/cli.h"
#include "ingest/reader.h"

namespace minutes::cli {
namespace {

// The help text; the extensions come from the readers, so a new reader shows up here by itself.
std::string Description() {
  std::string extensions;
  for (const Reader* r : Readers())
    for (std::string_view e : r->extensions())
      extensions += (extensions.empty() ? "." : ", .") + std::string(e);
  return "Converts every notes file under each DIR (folders walked recursively) in parallel "
         "worker\n"
         "processes. Notes are the files named " +
         extensions +
         ";\n"
         "anything else is listed as skipped. Writes into OUTDIR: documents.jsonl (one document "
         "per\n"
         "line, ordered by path; identical files are extracted once), the CSV tables with\n"
         "datapackage.json, skipped.csv and errors.csv. Every path lands in exactly one of them.\n"
         "OUTDIR/manifest.db remembers what was done: run the same command again after an\n"
         "interruption (Ctrl-C, kill -9, power cut) and it resumes; --force starts again. The\n"
         "meetings of each series are settled together after extraction.\n"
         "\n"
         "Exits 0 when every file was converted or skipped with a reason, 3 when any failed (see\n"
         "errors.csv), 4 when the outputs or the database could not be written.";
}

// "I/N" -> (I, N).
Status ParseShard(const std::string& value, int* index, int* count) {
  unsigned i = 0, n = 0;
  char end = 0;
  if (std::sscanf(value.c_str(), "%u/%u%c", &i, &n, &end) != 2 || n == 0 || i >= n)
    return Usage("--shard takes I/N with 0 <= I < N, not '" + value + "'");
  *index = static_cast<int>(i);
  *count = static_cast<int>(n);
  return Status::OK();
}

// Progress for whoever watches: a bar redrawn in place on a terminal, a line every ten seconds
// into a log.
class Progress {
 public:
  explicit Progress(bool quiet) : quiet_(quiet), terminal_(::isatty(STDERR_FILENO) == 1) {}

  void Update(size_t done, size_t total) {
    if (quiet_) return;
    auto now = std::chrono::steady_clock::now();
    double elapsed = std::chrono::duration<double>(now - start_).count();
    double rate = elapsed > 0 ? done / elapsed : 0;
    double eta = rate > 0 ? (total - done) / rate : 0;
    char line[160];
    if (terminal_) {
      int width = 30, filled = total ? static_cast<int>(width * done / total) : width;
      std::string bar(filled, '=');
      bar.resize(width, ' ');
      std::snprintf(line, sizeof line, "\r[%s] %zu/%zu files  %.1f/s  ETA %.0f s   ", bar.c_str(),
                    done, total, rate, eta);
      std::cerr << line << std::flush;
      drawn_ = true;
    } else if (done == total || now - last_ > std::chrono::seconds(10)) {
      std::snprintf(line, sizeof line, "minutes: batch: %zu/%zu files, %.1f/s, ETA %.0f s\n", done,
                    total, rate, eta);
      std::cerr << line;
      last_ = now;
    }
  }
  void Finish() {
    if (drawn_) std::cerr << "\n";
  }

 private:
  bool quiet_, terminal_, drawn_ = false;
  std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now(), last_ = start_;
};

}  // namespace

int RunBatch(const std::vector<std::string>& args) {
  OptionSet options;
  options.Add(Option("help", "h", "this text"));
  options.Add(
      Option("out", "", "the output folder (required; created if missing)").Argument("OUTDIR"));
  options.Add(Option("jobs", "j", "worker processes (default: the number of cores)").Argument("N"));
  options.Add(Option("db", "",
                     "also load every document into this database (sqlite:PATH or "
                     "postgresql://...)")
                  .Argument("URL"));
  options.Add(Option("shard", "", "only the I-th of N stable slices of the paths (0-based)")
                  .Argument("I/N"));
  options.Add(Option("force", "", "forget what the manifest says was done: redo it all"));
  options.Add(
      Option("doc-timeout", "", "seconds one document may take (default 60)").Argument("SECONDS"));
  options.Add(Option("quiet", "q", "no progress and no summary"));
  ExtractArgs::AddOptions(&options);
  AddReadOptions(&options);

  batch::BatchOptions batch_options;
  batch_options.minutes_version = MINUTES_VERSION;
  ExtractArgs extract_args;
  bool help = false, quiet = false;
  Status parsed = options.Parse(
      args,
      [&](const std::string& name, const std::string& value) -> Status {
        if (name == "help") {
          help = true;
        } else if (name == "out") {
          batch_options.out_dir = value;
        } else if (name == "jobs") {
          char* end = nullptr;
          long n = std::strtol(value.c_str(), &end, 10);
          if (value.empty() || *end != '\0' || n < 1 || n > 1024)
            return Usage("--jobs takes a number from 1 to 1024, not '" + value + "'");
          batch_options.jobs = static_cast<int>(n);
        } else if (name == "db") {
          batch_options.db_url = value;
        } else if (name == "shard") {
          return ParseShard(value, &batch_options.shard_index, &batch_options.shard_count);
        } else if (name == "force") {
          batch_options.force = true;
        } else if (name == "doc-timeout") {
          char* end = nullptr;
          double t = std::strtod(value.c_str(), &end);
          if (value.empty() || *end != '\0' || !(t > 0))
            return Usage("--doc-timeout takes a number of seconds > 0, not '" + value + "'");
          batch_options.doc_timeout_seconds = t;
        } else if (name == "quiet") {
          quiet = true;
        } else if (!extract_args.Apply(name, value)) {
          return ApplyReadOption(name, value, &batch_options.ingest);
        }
        return Status::OK();
      },
      &batch_options.inputs);
  if (!parsed.ok()) return Fail(parsed);
  if (help) {
    std::cout << Help("minutes batch DIR... --out OUTDIR [options]", Description(), options);
    return kExitOk;
  }
  if (batch_options.inputs.empty()) return Fail(Usage("no input folder or file"));
  if (batch_options.out_dir.empty()) return Fail(Usage("batch needs --out OUTDIR"));
  if (int code = extract_args.Prepare(batch_options.ingest, &batch_options.extract);
      code != kExitOk)
    return code;

  Progress progress(quiet);
  batch::Summary summary;
  Status s = batch::Run(
      batch_options, [&](size_t done, size_t total) { progress.Update(done, total); }, &summary);
  progress.Finish();
  if (!s.ok()) {
    StderrLine("batch: " + s.ToString());
    return s.code() == Status::Code::kInvalidArgument ? kExitUsage : kExitUnwritable;
  }
  if (!quiet) {
    std::string findings;
    for (const auto& [severity, n] : summary.findings)
      findings += (findings.empty() ? "" : ", ") + std::to_string(n) + " " + severity;
    std::fprintf(stderr,
                 "minutes: batch: %zu files: %zu converted (%zu documents; %zu done before), %zu "
                 "skipped, %zu failed%s\n"
                 "minutes: batch: %zu people, %zu actions, %zu money figures; findings: %s\n"
                 "minutes: batch: %.1f s, %.1f files/s%s\n",
                 summary.files, summary.converted, summary.documents, summary.reused,
                 summary.skipped, summary.failed,
                 summary.failed ? (" (see " + batch_options.out_dir + "/errors.csv)").c_str() : "",
                 summary.people, summary.actions, summary.money,
                 findings.empty() ? "none" : findings.c_str(), summary.seconds,
                 summary.seconds > 0 ? summary.files / summary.seconds : 0.0,
                 batch_options.db_url.empty()
                     ? ""
                     : (", " + std::to_string(summary.loaded) + " in the database").c_str());
  }
  return summary.failed > 0 ? kExitUnreadable : kExitOk;
}

}  // namespace minutes::cli
