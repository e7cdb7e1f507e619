// The service's work queue: first come, first served, as many at once as it has threads, and a
// stop that finishes what was queued and takes nothing more.

#include "service/work_queue.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <vector>

namespace minutes::service {
namespace {

// A gate tasks wait at until it is opened (or, so a broken queue fails rather than hangs, 10 s).
class Gate {
 public:
  void Open() {
    std::lock_guard<std::mutex> lock(mu_);
    open_ = true;
    changed_.notify_all();
  }
  bool Pass() {
    std::unique_lock<std::mutex> lock(mu_);
    return changed_.wait_for(lock, std::chrono::seconds(10), [this] { return open_; });
  }

 private:
  std::mutex mu_;
  std::condition_variable changed_;
  bool open_ = false;
};

TEST(WorkQueueTest, TasksRunInTheOrderTheyWereQueued) {
  WorkQueue queue(1);
  Gate gate;
  std::mutex mu;
  std::vector<int> order;
  ASSERT_TRUE(queue.Submit([&] { gate.Pass(); }));  // holds the thread while the rest queue up
  for (int i = 0; i < 50; ++i)
    ASSERT_TRUE(queue.Submit([&, i] {
      std::lock_guard<std::mutex> lock(mu);
      order.push_back(i);
    }));
  gate.Open();
  queue.Stop();
  ASSERT_EQ(50u, order.size());
  for (int i = 0; i < 50; ++i) EXPECT_EQ(i, order[i]);
}

TEST(WorkQueueTest, RunsAsManyAtOnceAsItHasThreads) {
  WorkQueue queue(3);
  std::atomic<int> arrived{0};
  Gate all_arrived;
  std::atomic<int> saw_all{0};
  for (int i = 0; i < 3; ++i)
    ASSERT_TRUE(queue.Submit([&] {
      if (++arrived == 3) all_arrived.Open();
      if (all_arrived.Pass()) ++saw_all;  // only if the three run at the same time
    }));
  queue.Stop();
  EXPECT_EQ(3, saw_all.load());
}

TEST(WorkQueueTest, StopFinishesWhatIsQueuedAndRefusesMore) {
  WorkQueue queue(2);
  std::atomic<int> ran{0};
  for (int i = 0; i < 20; ++i) ASSERT_TRUE(queue.Submit([&] { ++ran; }));
  queue.Stop();
  EXPECT_EQ(20, ran.load());
  EXPECT_FALSE(queue.Submit([&] { ++ran; }));
  queue.Stop();  // again: nothing to do
  EXPECT_EQ(20, ran.load());
}

}  // namespace
}  // namespace minutes::service
