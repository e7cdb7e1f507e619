// Internal to batch: documents extracted in forked worker processes, so that a document that
// crashes its worker or runs past its time budget costs that document and nothing else.
//
//   WorkerPool pool(jobs, timeout_seconds, [&](const Job& j) { return Convert(j); });
//   while (...) {
//     if (pool.idle() > 0) pool.Submit(next_job);
//     for (JobResult& r : pool.Collect(100)) ...   // results, timeouts and crashes alike
//   }
//
// Workers are forked from the calling process after construction-time state (the LA register,
// compiled patterns) is ready, so they share it copy-on-write. Requests and replies are
// length-prefixed messages on pipes; what a job makes is not in its reply but in the worker's own
// output log (output_log.h), which the reply says where. Not thread-safe: one thread drives the
// pool.

#ifndef MINUTES_BATCH_WORKER_POOL_H_
#define MINUTES_BATCH_WORKER_POOL_H_

#include <sys/types.h>

#include <chrono>
#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "batch/output_log.h"

namespace minutes::batch {

struct Job {
  size_t id = 0;
  std::string path;
  std::string sha256;  // of the bytes, lower-case hex; may be empty
  std::string bytes;   // the file's contents, read by the parent
};

struct JobResult {
  size_t id = 0;
  bool ok = false;
  // In the worker, ok: what the work made of the job (batch: an encoded DocumentOutput), which
  // the worker appends to its output log. The caller receives `stored`, where it is.
  std::string output;
  OutputPlace stored;
  std::string series;  // ok: the meeting's series and date, so the caller need not decode it
  std::string date;
  std::string kind;     // failed: "corrupt", "timeout", "crash", ...
  std::string message;  // failed: the reason
};

class WorkerPool {
 public:
  using Work = std::function<JobResult(const Job&)>;

  // Forks `workers` processes that run `work` (in the child) on each job submitted. Each worker
  // appends its jobs' outputs to its own file in `log_dir` (named by its process id); a job whose
  // output cannot be written fails with the log's error.
  WorkerPool(int workers, double timeout_seconds, std::string log_dir, Work work);
  // Closes the workers' pipes (they exit) and waits for them.
  ~WorkerPool();
  WorkerPool(const WorkerPool&) = delete;
  WorkerPool& operator=(const WorkerPool&) = delete;

  // Workers with no job.
  size_t idle() const;
  // Jobs submitted and not yet collected.
  size_t busy() const;
  // Gives `job` to an idle worker. Requires idle() > 0.
  void Submit(Job job);
  // Waits up to `max_wait_ms` for workers to finish; returns every job finished meanwhile:
  // replies, and failures for jobs whose worker died ("crash") or ran past the time budget
  // ("timeout", the worker killed). A dead worker is replaced.
  std::vector<JobResult> Collect(int max_wait_ms);

 private:
  struct Worker {
    pid_t pid = -1;
    int to = -1;    // requests
    int from = -1;  // replies
    bool busy = false;
    size_t job_id = 0;
    std::chrono::steady_clock::time_point started;
    std::string inbox;  // reply bytes read so far
  };
  void Spawn(Worker* w);
  // Kills (if asked), reaps and replaces `w`, returning the failure for its job.
  JobResult Replace(Worker* w, bool kill_it, const std::string& kind, const std::string& message);

  std::vector<Worker> workers_;
  double timeout_seconds_;
  std::string log_dir_;
  Work work_;
};

}  // namespace minutes::batch

#endif  // MINUTES_BATCH_WORKER_POOL_H_
