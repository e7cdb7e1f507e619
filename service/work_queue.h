// Internal to the service: a fixed number of threads running tasks in the order they were queued.
//
//   WorkQueue queue(4);
//   if (!queue.Submit([] { ... })) ...   // refused: Stop has begun
//   queue.Stop();                        // runs what is queued, waits for it, joins the threads
//
// Each upload's processing goes through it. First come, first served keeps the wait fair when
// uploads arrive faster than they are processed: with a semaphore, which wakes its waiters in no
// order, 16 clients in a closed loop saw a p99 three times their median. And no thread is created
// per upload. Poco::ThreadPool has no queue (it throws when every thread is busy), hence this.
// Thread-safe.

#ifndef MINUTES_SERVICE_WORK_QUEUE_H_
#define MINUTES_SERVICE_WORK_QUEUE_H_

#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace minutes::service {

class WorkQueue {
 public:
  explicit WorkQueue(int threads);
  ~WorkQueue();  // Stop()
  WorkQueue(const WorkQueue&) = delete;
  WorkQueue& operator=(const WorkQueue&) = delete;

  // Queues `task` behind those already queued; false, and `task` is not run, once Stop has begun.
  bool Submit(std::function<void()> task);
  // Refuses new tasks, runs those already queued, waits for them all and joins the threads.
  // Idempotent.
  void Stop();

 private:
  void Run();

  std::mutex mu_;
  std::condition_variable queued_;
  std::deque<std::function<void()>> tasks_;  // guarded by mu_
  bool stopping_ = false;                    // guarded by mu_
  std::vector<std::thread> threads_;
};

}  // namespace minutes::service

#endif  // MINUTES_SERVICE_WORK_QUEUE_H_
