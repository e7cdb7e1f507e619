// Run: walk, convert in workers (skipping what the manifest has), settle each series, write the
// outputs in path order.

#include "batch/batch.h"

#include <Poco/Exception.h>
#include <Poco/File.h>
#include <Poco/Path.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <thread>

#include "batch/document_output.h"
#include "batch/manifest.h"
#include "batch/output_log.h"
#include "batch/walk.h"
#include "batch/worker_pool.h"
#include "export/export.h"
#include "extract/series.h"
#include "warehouse/warehouse.h"

namespace minutes::batch {
namespace {

std::string InDir(const std::string& dir, const std::string& name) {
  Poco::Path p(dir);
  p.makeDirectory();
  p.setFileName(name);
  return p.toString();
}

// A file's bytes, within the input limit.
Status ReadBytesOf(const std::string& path, size_t limit, std::string* out) {
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (f == nullptr) return Status::IoError(std::strerror(errno));
  out->clear();
  char buf[1 << 16];
  size_t n;
  Status s;
  while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) {
    if (out->size() + n > limit) {
      s = Status::TooLarge("input is larger than max_input_bytes (" + std::to_string(limit) + ")");
      break;
    }
    out->append(buf, n);
  }
  if (s.ok() && std::ferror(f)) s = Status::IoError(std::strerror(errno));
  std::fclose(f);
  return s;
}

// A text file written whole or not at all: to "<path>.tmp", renamed by Commit.
class AtomicFile {
 public:
  explicit AtomicFile(std::string path) : path_(std::move(path)) {
    f_ = std::fopen((path_ + ".tmp").c_str(), "wb");
  }
  ~AtomicFile() {
    if (f_ != nullptr) {
      std::fclose(f_);
      std::remove((path_ + ".tmp").c_str());
    }
  }
  void Write(std::string_view s) {
    if (f_ != nullptr && std::fwrite(s.data(), 1, s.size(), f_) != s.size()) failed_ = true;
  }
  Status Commit() {
    bool ok = f_ != nullptr && !failed_ && std::fclose(f_) == 0;
    f_ = nullptr;
    if (ok && std::rename((path_ + ".tmp").c_str(), path_.c_str()) == 0) return Status::OK();
    std::remove((path_ + ".tmp").c_str());
    return Status::IoError(path_ + ": could not be written");
  }

 private:
  std::string path_;
  std::FILE* f_ = nullptr;
  bool failed_ = false;
};

// Runs `work` on `n` threads (this one among them) and returns when every one has returned.
void RunOnThreads(size_t n, const std::function<void()>& work) {
  std::vector<std::thread> others;
  for (size_t t = 1; t < n; ++t) others.emplace_back(work);
  work();
  for (std::thread& t : others) t.join();
}

struct Outcome {
  enum Kind { kPending, kConverted, kFailed } kind = kPending;
  std::string sha256, error_kind, message;
};

}  // namespace

bool InShard(const std::string& path, int index, int count) {
  if (count <= 1) return true;
  uint64_t h = 14695981039346656037ull;  // FNV-1a: stable across machines and versions
  for (unsigned char c : path) {
    h ^= c;
    h *= 1099511628211ull;
  }
  return static_cast<int>(h % static_cast<uint64_t>(count)) == index;
}

Status Run(const BatchOptions& options, const ProgressFn& progress, Summary* summary) {
  const auto start = std::chrono::steady_clock::now();
  *summary = Summary();
  if (options.inputs.empty()) return Status::InvalidArgument("no input folder or file");
  if (options.out_dir.empty()) return Status::InvalidArgument("batch needs --out DIR");
  if (options.shard_count < 1 || options.shard_index < 0 ||
      options.shard_index >= options.shard_count)
    return Status::InvalidArgument("--shard I/N needs 0 <= I < N");
  try {
    Poco::File(options.out_dir).createDirectories();
  } catch (const Poco::Exception& e) {
    return Status::IoError(options.out_dir + ": cannot create the folder: " + e.message());
  }

  Walked walked = Walk(options.inputs);
  auto shard = [&](auto* v) {
    v->erase(std::remove_if(v->begin(), v->end(),
                            [&](const auto& x) {
                              return !InShard(x.path, options.shard_index, options.shard_count);
                            }),
             v->end());
  };
  shard(&walked.files);
  shard(&walked.skipped);
  shard(&walked.errors);

  std::unique_ptr<Manifest> manifest;
  Status s = Manifest::Open(InDir(options.out_dir, "manifest.db"), options.force,
                            std::string(kSchemaVersion) + "/" + options.minutes_version, &manifest);
  if (!s.ok()) return s;

  // What the manifest already has, then the rest in workers.
  const std::vector<InputFile>& files = walked.files;
  std::vector<Outcome> outcomes(files.size());
  std::vector<size_t> pending;
  size_t done = 0;
  for (size_t i = 0; i < files.size(); ++i) {
    Manifest::FileRecord r;
    if (manifest->FindFile(files[i].path, files[i].size, files[i].mtime_ns, &r) &&
        r.outcome == "converted" && manifest->HasDocument(r.sha256)) {
      outcomes[i] = {Outcome::kConverted, r.sha256, "", ""};
      ++summary->reused;
      ++done;
    } else {
      pending.push_back(i);
    }
  }
  if (progress) progress(done, files.size());

  auto record = [&](size_t i, const Outcome& o) {
    outcomes[i] = o;
    Manifest::FileRecord r{o.sha256, o.kind == Outcome::kConverted ? "converted" : "failed",
                           o.error_kind, o.message};
    manifest->RecordFile(files[i].path, files[i].size, files[i].mtime_ns, r);
    ++done;
  };

  if (!pending.empty()) {
    int jobs = options.jobs > 0 ? options.jobs : static_cast<int>(sysconf(_SC_NPROCESSORS_ONLN));
    jobs = std::max(1, std::min<int>(jobs, static_cast<int>(pending.size())));
    IngestOptions ingest = options.ingest;
    ingest.keep_block_text = false;  // extraction reads doc->text alone
    const ExtractOptions extract = options.extract;
    // A worker's job: the document read, extracted and made into its outputs.
    auto convert = [ingest, extract](const Job& job) {
      JobResult r;
      r.id = job.id;
      Document doc;
      Status rs = ReadBytes(job.bytes, job.sha256, ingest, &doc);
      if (!rs.ok()) {
        r.kind = std::string(rs.kind());
        r.message = rs.message();
        return r;
      }
      Extraction x;
      if (Status xs = Extract(doc, SourceOf(job.path, doc), extract, &x); !xs.ok()) {
        r.kind = std::string(xs.kind());
        r.message = xs.message();
        return r;
      }
      r.ok = true;
      r.series = x.meeting.series;
      r.date = x.meeting.date;
      r.output = DocumentOutput::Of(x).Encode();
      return r;
    };
    WorkerPool pool(jobs, options.doc_timeout_seconds, manifest->outputs_dir(), convert);
    std::map<std::string, size_t> in_flight;                // sha256 -> file being extracted
    std::map<std::string, std::vector<size_t>> same_bytes;  // sha256 -> files waiting on it
    size_t next = 0;
    auto last_report = std::chrono::steady_clock::now();
    // Results are recorded after the next jobs are handed out, so that workers extract while
    // this process writes the manifest.
    auto record_result = [&](const JobResult& r) {
      size_t i = r.id;
      std::string sha;
      for (const auto& [key, file] : in_flight)
        if (file == i) sha = key;
      in_flight.erase(sha);
      Outcome o;
      if (r.ok) {
        manifest->RecordDocument(sha, r.series, r.date, files[i].path, r.stored);
        o = {Outcome::kConverted, sha, "", ""};
      } else {
        o = {Outcome::kFailed, sha, r.kind, r.message};
      }
      record(i, o);
      for (size_t j : same_bytes[sha]) record(j, o);
      same_bytes.erase(sha);
    };
    // Files are read and hashed one job ahead of each worker, so that a worker finishing one
    // document is handed the next at once rather than waiting on the disk and the hash.
    std::deque<Job> ready;
    auto read_ahead = [&] {
      while (ready.size() < static_cast<size_t>(jobs) && next < pending.size()) {
        size_t i = pending[next++];
        std::string bytes;
        Status rs = ReadBytesOf(files[i].path, options.ingest.max_input_bytes, &bytes);
        if (!rs.ok()) {
          record(i, {Outcome::kFailed, "", std::string(rs.kind()), rs.message()});
          continue;
        }
        std::string sha = Sha256Hex(bytes);
        if (manifest->HasDocument(sha)) {  // the same bytes under another path, done before
          record(i, {Outcome::kConverted, sha, "", ""});
          continue;
        }
        if (in_flight.count(sha)) {  // ... or being done now (or done, not yet recorded)
          same_bytes[sha].push_back(i);
          continue;
        }
        in_flight[sha] = i;
        ready.push_back(Job{i, files[i].path, sha, std::move(bytes)});
      }
    };
    std::vector<JobResult> finished;
    // What was recorded is committed at most every kCommitEvery: a commit costs about what
    // recording a few documents does, and a run killed meanwhile only redoes the documents since
    // the last one (their outputs, in the logs, are named by no record).
    const auto kCommitEvery = std::chrono::milliseconds(100);
    auto last_commit = std::chrono::steady_clock::now();
    while ((next < pending.size() || !ready.empty() || pool.busy() > 0 || !finished.empty()) &&
           s.ok()) {
      for (; pool.idle() > 0 && !ready.empty(); ready.pop_front())
        pool.Submit(std::move(ready.front()));
      for (const JobResult& r : finished) record_result(r);
      finished.clear();
      if (std::chrono::steady_clock::now() - last_commit >= kCommitEvery) {
        s = manifest->Commit();
        last_commit = std::chrono::steady_clock::now();
      }
      read_ahead();
      if (pool.idle() > 0 && !ready.empty()) continue;  // the first jobs, or a worker replaced
      if (pool.busy() > 0) finished = pool.Collect(200);
      auto now = std::chrono::steady_clock::now();
      if (progress && now - last_report > std::chrono::milliseconds(200)) {
        progress(done, files.size());
        last_report = now;
      }
    }
    if (s.ok()) s = manifest->Commit();
  }
  if (!s.ok()) return s;
  if (progress) progress(done, files.size());

  // Each distinct document once, under its first path, with the others listed.
  std::map<std::string, std::vector<std::string>> paths_of;  // sha256 -> paths, sorted
  std::vector<std::string> order;                            // sha256s by first path
  for (size_t i = 0; i < files.size(); ++i) {
    if (outcomes[i].kind != Outcome::kConverted) continue;
    auto& paths = paths_of[outcomes[i].sha256];
    if (paths.empty()) order.push_back(outcomes[i].sha256);
    paths.push_back(files[i].path);
  }
  // A document read back carries this run's paths for its bytes: the first, then the others.
  // (Called from several threads: lookups only.)
  auto set_paths = [&paths_of](const std::string& sha, Extraction* x) {
    const std::vector<std::string>& paths = paths_of.at(sha);
    x->source.path = paths.front();
    x->source.other_paths.assign(paths.begin() + 1, paths.end());
  };
  // Documents are read back from the manifest a window at a time: one query each.
  const size_t kWindow = 64;
  // The phases after the workers run on `threads` threads, the workers being gone by now.
  const size_t threads = std::max<size_t>(
      1, options.jobs > 0 ? options.jobs : static_cast<size_t>(sysconf(_SC_NPROCESSORS_ONLN)));
  std::mutex manifest_mutex;  // the manifest and the settled log, in the settling threads

  // The extractions of `shas` (a series' members), with this run's paths.
  auto load = [&](const std::vector<std::string>& shas, std::vector<Extraction>* docs) {
    docs->assign(shas.size(), Extraction());
    for (size_t first = 0; first < shas.size(); first += kWindow) {
      const std::vector<std::string> window(shas.begin() + first,
                                            shas.begin() + std::min(first + kWindow, shas.size()));
      // Their JSON, copied out of the logs, whose views end when this thread lets go of them.
      std::vector<std::string> json(window.size());
      Status ls;
      {
        std::lock_guard<std::mutex> lock(manifest_mutex);
        std::vector<Manifest::StoredOutput> stored;
        ls = manifest->Outputs(window, &stored);
        for (size_t k = 0; k < window.size() && ls.ok(); ++k) {
          OutputView output;
          ls = OutputView::Decode(stored[k].output, &output);
          json[k] = output.json;
        }
        manifest->ReleaseOutputs();
      }
      for (size_t k = 0; k < window.size() && ls.ok(); ++k) {
        ls = ParseJson(json[k], &(*docs)[first + k]);
        if (ls.ok()) set_paths(window[k], &(*docs)[first + k]);
      }
      if (!ls.ok()) return ls;
    }
    return Status::OK();
  };

  // The meetings of each series settled together: a series at a time on each thread.
  s = manifest->ClearSettled();
  std::vector<Manifest::DocumentKey> keys;
  if (s.ok()) s = manifest->Keys(order, &keys);
  std::map<std::string, std::vector<std::string>> series;
  for (const Manifest::DocumentKey& k : keys)
    if (!k.series.empty() && !k.date.empty()) series[k.series].push_back(k.sha256);
  std::vector<const std::vector<std::string>*> to_settle;
  for (const auto& [key, members] : series)
    if (members.size() >= 2) to_settle.push_back(&members);
  OutputLog settled(manifest->outputs_dir(), "settled-" + std::to_string(::getpid()));
  std::atomic<size_t> next_series{0};
  auto settle = [&] {
    for (size_t k; (k = next_series.fetch_add(1)) < to_settle.size();) {
      const std::vector<std::string>& members = *to_settle[k];
      std::vector<Extraction> docs;
      Status ss = load(members, &docs);
      if (ss.ok()) SettleSeries(&docs);
      std::vector<std::string> encoded;
      for (size_t i = 0; i < members.size() && ss.ok(); ++i)
        encoded.push_back(DocumentOutput::Of(docs[i]).Encode());
      std::lock_guard<std::mutex> lock(manifest_mutex);
      for (size_t i = 0; i < encoded.size() && ss.ok(); ++i) {
        OutputPlace at;
        ss = settled.Append(encoded[i], &at);
        if (ss.ok()) manifest->StoreSettled(members[i], at);
      }
      if (!ss.ok() && s.ok()) s = ss;
    }
  };
  if (s.ok()) RunOnThreads(std::min(threads, to_settle.size()), settle);
  if (s.ok()) s = manifest->Commit();
  if (!s.ok()) return s;

  std::unique_ptr<warehouse::Warehouse> db;
  if (!options.db_url.empty()) {
    s = warehouse::Warehouse::Open(options.db_url, &db);
    if (s.ok() && options.extract.la_register != nullptr)
      s = db->LoadRegister(*options.extract.la_register);
    if (!s.ok()) return s;
  }

  // The outputs, document by document in path order. Each document's output was made where it
  // was extracted or settled; it is rendered again only when this run names its bytes by other
  // paths than that output does. A window of documents is read (and parsed, when a database
  // wants the extractions) on `threads` threads, then written in order: documents.jsonl on one
  // thread while the tables are written on another.
  AtomicFile documents(InDir(options.out_dir, "documents.jsonl"));
  CsvTables tables;
  s = tables.Open(options.out_dir);
  struct Rendered {
    Manifest::StoredOutput stored;
    Status status;
    OutputView output;        // of the stored output, or of `rendered`
    DocumentOutput rendered;  // made only for other paths than the stored output names
    Extraction x;             // parsed only for a database, or to render again
  };
  std::vector<Rendered> window;
  for (size_t first = 0; first < order.size() && s.ok(); first += kWindow) {
    const std::vector<std::string> shas(order.begin() + first,
                                        order.begin() + std::min(first + kWindow, order.size()));
    std::vector<Manifest::StoredOutput> stored;
    s = manifest->Outputs(shas, &stored);
    if (!s.ok()) break;
    window.assign(shas.size(), Rendered());
    for (size_t k = 0; k < window.size(); ++k) window[k].stored = std::move(stored[k]);
    std::atomic<size_t> next_doc{0};
    auto render = [&] {
      for (size_t k; (k = next_doc.fetch_add(1)) < window.size();) {
        Rendered& r = window[k];
        const std::string& sha = order[first + k];
        r.status = OutputView::Decode(r.stored.output, &r.output);
        const std::vector<std::string>& paths = paths_of.at(sha);
        bool paths_as_stored =
            r.stored.settled || (paths.size() == 1 && paths.front() == r.stored.path);
        if (!r.status.ok() || (paths_as_stored && db == nullptr)) continue;
        r.status = ParseJson(r.output.json, &r.x);
        if (!r.status.ok() || paths_as_stored) continue;
        set_paths(sha, &r.x);
        r.rendered = DocumentOutput::Of(r.x);
        r.output = OutputView::Of(r.rendered);
      }
    };
    RunOnThreads(std::min(threads, window.size()), render);
    size_t rendered = 0;  // the window's documents up to the first that failed
    while (rendered < window.size() && window[rendered].status.ok()) ++rendered;
    if (rendered < window.size()) s = window[rendered].status;
    // documents.jsonl on a thread of its own, the tables (and the database) on this one.
    std::thread json_writer([&] {
      for (size_t k = 0; k < rendered; ++k) {
        documents.Write(window[k].output.json);
        documents.Write("\n");
      }
    });
    for (size_t k = 0; k < rendered; ++k) {
      Rendered& r = window[k];
      tables.Add(r.output.tables);
      ++summary->documents;
      const OutputCounts& counts = r.output.counts;
      summary->people += counts.people;
      summary->actions += counts.actions;
      summary->money += counts.money;
      for (size_t i = 0; i < counts.findings.size(); ++i)
        if (counts.findings[i] > 0)
          summary->findings[std::string(EnumTraits<Severity>::kEntries[i].name)] +=
              counts.findings[i];
      if (db != nullptr && s.ok()) {
        warehouse::LoadResult lr;
        s = db->Load(r.x, options.minutes_version, &lr);
        if (s.ok() && lr.outcome != warehouse::LoadOutcome::kDuplicateMeeting) ++summary->loaded;
      }
    }
    json_writer.join();
    manifest->ReleaseOutputs();  // the window's views end here
  }
  AtomicFile skipped(InDir(options.out_dir, "skipped.csv"));
  skipped.Write(CsvLine({"path", "reason"}));
  for (const PathNote& n : walked.skipped) skipped.Write(CsvLine({n.path, n.message}));
  AtomicFile errors(InDir(options.out_dir, "errors.csv"));
  errors.Write(CsvLine({"path", "sha256", "kind", "message"}));
  std::vector<std::vector<std::string>> error_rows;
  for (const PathNote& n : walked.errors) error_rows.push_back({n.path, "", n.kind, n.message});
  for (size_t i = 0; i < files.size(); ++i)
    if (outcomes[i].kind == Outcome::kFailed)
      error_rows.push_back(
          {files[i].path, outcomes[i].sha256, outcomes[i].error_kind, outcomes[i].message});
  std::sort(error_rows.begin(), error_rows.end());
  for (const auto& row : error_rows) errors.Write(CsvLine(row));

  if (s.ok()) s = tables.Close();
  if (s.ok()) s = documents.Commit();
  if (s.ok()) s = skipped.Commit();
  if (s.ok()) s = errors.Commit();
  if (s.ok()) s = manifest->DropUnreferencedOutputs();

  summary->files = files.size() + walked.skipped.size() + walked.errors.size();
  summary->skipped = walked.skipped.size();
  summary->failed = error_rows.size();
  for (const Outcome& o : outcomes) summary->converted += o.kind == Outcome::kConverted;
  summary->seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return s;
}

}  // namespace minutes::batch
