// WorkerPool: replies, a worker that crashes and one that hangs each cost one job, and the pool
// goes on with fresh workers; each output is in the worker's log where the reply says.

#include "batch/worker_pool.h"

#include <Poco/File.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <map>
#include <thread>

namespace minutes::batch {
namespace {

// Echoes the job's bytes; "crash" aborts the worker; "hang" sleeps past any budget.
JobResult Work(const Job& job) {
  if (job.bytes == "crash") std::abort();
  if (job.bytes == "hang") std::this_thread::sleep_for(std::chrono::seconds(30));
  JobResult r;
  r.id = job.id;
  r.ok = job.bytes != "fail";
  if (r.ok) {
    r.output = job.bytes;
    r.series = job.path;
  } else {
    r.kind = "corrupt";
    r.message = "asked to fail";
  }
  return r;
}

std::map<size_t, JobResult> RunAll(WorkerPool* pool, const std::vector<std::string>& inputs) {
  std::map<size_t, JobResult> results;
  size_t next = 0;
  for (int rounds = 0; results.size() < inputs.size() && rounds < 10000; ++rounds) {
    while (pool->idle() > 0 && next < inputs.size()) {
      pool->Submit(Job{next, "path" + std::to_string(next), "", inputs[next]});
      ++next;
    }
    for (JobResult& r : pool->Collect(50)) results[r.id] = r;
  }
  return results;
}

TEST(WorkerPoolTest, EveryJobGetsOneResultWhateverItsWorkerDoes) {
  const std::string logs = ::testing::TempDir() + "worker_pool_logs";
  if (Poco::File(logs).exists()) Poco::File(logs).remove(true);
  Poco::File(logs).createDirectories();
  WorkerPool pool(3, /*timeout_seconds=*/0.5, logs, Work);
  std::vector<std::string> inputs = {"a", "crash", "b", "hang", "fail", std::string(300000, 'x'),
                                     "c", "crash", "d"};
  std::map<size_t, JobResult> results = RunAll(&pool, inputs);
  ASSERT_EQ(inputs.size(), results.size());
  OutputLogReader reader(logs);
  for (size_t i = 0; i < inputs.size(); ++i) {
    const JobResult& r = results[i];
    const std::string& in = inputs[i];
    if (in == "crash") {
      EXPECT_FALSE(r.ok);
      EXPECT_EQ("crash", r.kind);
      EXPECT_NE(std::string::npos, r.message.find("signal 6")) << r.message;
    } else if (in == "hang") {
      EXPECT_FALSE(r.ok);
      EXPECT_EQ("timeout", r.kind);
      EXPECT_NE(std::string::npos, r.message.find("0.5 s")) << r.message;
    } else if (in == "fail") {
      EXPECT_FALSE(r.ok);
      EXPECT_EQ("corrupt", r.kind);
      EXPECT_EQ("asked to fail", r.message);
    } else {
      EXPECT_TRUE(r.ok) << i << " " << r.kind << " " << r.message;
      std::string_view stored;
      ASSERT_TRUE(reader.Read(r.stored, &stored).ok()) << r.stored.file;
      EXPECT_EQ(in, stored);  // large outputs stored whole
      EXPECT_EQ("path" + std::to_string(i), r.series);
    }
  }
  // The pool is whole again: three workers, all idle.
  EXPECT_EQ(3u, pool.idle());
  EXPECT_EQ(0u, pool.busy());
}

TEST(WorkerPoolTest, AnOutputThatCannotBeStoredFailsItsJob) {
  const std::string logs = ::testing::TempDir() + "worker_pool_no_such_folder/deeper";
  WorkerPool pool(1, /*timeout_seconds=*/5, logs, Work);
  std::map<size_t, JobResult> results = RunAll(&pool, {"a"});
  ASSERT_EQ(1u, results.size());
  EXPECT_FALSE(results[0].ok);
  EXPECT_EQ(Status::IoError("").kind(), results[0].kind);
  EXPECT_NE(std::string::npos, results[0].message.find("cannot open the output log"))
      << results[0].message;
}

}  // namespace
}  // namespace minutes::batch
