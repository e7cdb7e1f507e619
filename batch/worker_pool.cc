#include "batch/worker_pool.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/uio.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <climits>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <initializer_list>
#include <string_view>
#include <vector>

#include "common/status.h"

namespace minutes::batch {
namespace {

bool ReadAll(int fd, char* data, size_t n) {
  while (n > 0) {
    ssize_t r = ::read(fd, data, n);
    if (r < 0 && errno == EINTR) continue;
    if (r <= 0) return false;
    data += r;
    n -= static_cast<size_t>(r);
  }
  return true;
}

// A message: its length as 8 bytes (host order: both ends are this machine), then its bytes, the
// pieces of `parts` one after another; written with writev, so a message is one system call
// however many pieces it has (unless the pipe is full).
bool SendMessage(int fd, std::initializer_list<std::string_view> parts) {
  uint64_t n = 0;
  for (std::string_view p : parts) n += p.size();
  std::vector<iovec> io;
  io.reserve(parts.size() + 1);
  io.push_back({&n, sizeof n});
  for (std::string_view p : parts)
    if (!p.empty()) io.push_back({const_cast<char*>(p.data()), p.size()});
  for (size_t first = 0; first < io.size();) {
    ssize_t w = ::writev(fd, io.data() + first,
                         static_cast<int>(std::min<size_t>(io.size() - first, IOV_MAX)));
    if (w < 0 && errno == EINTR) continue;
    if (w <= 0) return false;
    for (size_t done = static_cast<size_t>(w); done > 0;) {  // past what was written
      if (done >= io[first].iov_len) {
        done -= io[first].iov_len;
        ++first;
      } else {
        io[first].iov_base = static_cast<char*>(io[first].iov_base) + done;
        io[first].iov_len -= done;
        done = 0;
      }
    }
  }
  return true;
}

// The worker's life: read a job, do it, store its output, reply; exit when the parent closes the
// pipe.
[[noreturn]] void WorkerMain(int in, int out, const std::string& log_dir,
                             const WorkerPool::Work& work) {
  OutputLog log(log_dir, std::to_string(::getpid()));
  for (;;) {
    uint64_t n = 0;
    if (!ReadAll(in, reinterpret_cast<char*>(&n), sizeof n)) _exit(0);
    std::string payload(n, '\0');
    if (!ReadAll(in, payload.data(), n)) _exit(0);
    // path NUL sha256 NUL bytes
    Job job;
    size_t nul = payload.find('\0'), nul2 = payload.find('\0', nul + 1);
    job.path = payload.substr(0, nul);
    job.sha256 = payload.substr(nul + 1, nul2 - nul - 1);
    job.bytes = payload.substr(nul2 + 1);
    JobResult r = work(job);
    if (r.ok) {
      if (Status s = log.Append(r.output, &r.stored); !s.ok()) {
        r.ok = false;
        r.kind = std::string(s.kind());
        r.message = s.message();
      }
    }
    // "1" series NUL date NUL file NUL offset NUL length, or "0" kind NUL message NUL.
    const std::string offset = std::to_string(r.stored.offset);
    const std::string length = std::to_string(r.stored.length);
    const std::string_view nul_byte("", 1);
    bool sent = r.ok ? SendMessage(out, {"1", r.series, nul_byte, r.date, nul_byte, r.stored.file,
                                         nul_byte, offset, nul_byte, length})
                     : SendMessage(out, {"0", r.kind, nul_byte, r.message, nul_byte});
    if (!sent) _exit(0);
  }
}

}  // namespace

WorkerPool::WorkerPool(int workers, double timeout_seconds, std::string log_dir, Work work)
    : workers_(workers < 1 ? 1 : workers),
      timeout_seconds_(timeout_seconds),
      log_dir_(std::move(log_dir)),
      work_(std::move(work)) {
  // A worker that dies leaves a pipe with no reader: the write must fail, not kill the parent.
  ::signal(SIGPIPE, SIG_IGN);
  for (Worker& w : workers_) Spawn(&w);
}

WorkerPool::~WorkerPool() {
  for (Worker& w : workers_) {
    if (w.to >= 0) ::close(w.to);
    if (w.from >= 0) ::close(w.from);
  }
  for (Worker& w : workers_) {
    if (w.busy) ::kill(w.pid, SIGKILL);  // abandoned mid-job
    if (w.pid > 0) ::waitpid(w.pid, nullptr, 0);
  }
}

void WorkerPool::Spawn(Worker* w) {
  int requests[2], replies[2];
  if (::pipe(requests) != 0 || ::pipe(replies) != 0) {
    w->pid = -1;
    return;
  }
  pid_t pid = ::fork();
  if (pid == 0) {
    // The child keeps only its own two ends: another worker's pipe held open here would hide
    // that worker's end-of-file from the parent.
    for (const Worker& other : workers_) {
      if (other.to >= 0) ::close(other.to);
      if (other.from >= 0) ::close(other.from);
    }
    ::close(requests[1]);
    ::close(replies[0]);
    ::signal(SIGINT, SIG_DFL);
    WorkerMain(requests[0], replies[1], log_dir_, work_);
  }
  ::close(requests[0]);
  ::close(replies[1]);
  ::fcntl(replies[0], F_SETFD, FD_CLOEXEC);
  ::fcntl(requests[1], F_SETFD, FD_CLOEXEC);
  w->pid = pid;
  w->to = requests[1];
  w->from = replies[0];
  w->busy = false;
  w->inbox.clear();
}

size_t WorkerPool::idle() const {
  size_t n = 0;
  for (const Worker& w : workers_) n += !w.busy && w.pid > 0;
  return n;
}

size_t WorkerPool::busy() const {
  size_t n = 0;
  for (const Worker& w : workers_) n += w.busy;
  return n;
}

void WorkerPool::Submit(Job job) {
  for (Worker& w : workers_) {
    if (w.busy || w.pid <= 0) continue;
    w.busy = true;
    w.job_id = job.id;
    w.started = std::chrono::steady_clock::now();
    w.inbox.clear();
    // A failed write means the worker is gone; Collect finds that out and reports the job.
    SendMessage(w.to, {job.path, {"", 1}, job.sha256, {"", 1}, job.bytes});
    return;
  }
}

JobResult WorkerPool::Replace(Worker* w, bool kill_it, const std::string& kind,
                              const std::string& message) {
  JobResult r;
  r.id = w->job_id;
  r.kind = kind;
  r.message = message;
  if (kill_it) ::kill(w->pid, SIGKILL);
  int status = 0;
  ::waitpid(w->pid, &status, 0);
  if (!kill_it && WIFSIGNALED(status))
    r.message +=
        " (signal " + std::to_string(WTERMSIG(status)) + ": " + strsignal(WTERMSIG(status)) + ")";
  ::close(w->to);
  ::close(w->from);
  w->to = w->from = -1;
  Spawn(w);
  return r;
}

std::vector<JobResult> WorkerPool::Collect(int max_wait_ms) {
  std::vector<JobResult> done;
  std::vector<pollfd> fds;
  std::vector<Worker*> polled;
  auto now = std::chrono::steady_clock::now();
  int wait = max_wait_ms;
  for (Worker& w : workers_) {
    if (!w.busy) continue;
    fds.push_back({w.from, POLLIN, 0});
    polled.push_back(&w);
    double left = timeout_seconds_ - std::chrono::duration<double>(now - w.started).count();
    wait = std::min(wait, std::max(0, static_cast<int>(left * 1000) + 1));
  }
  if (fds.empty()) return done;
  int ready = ::poll(fds.data(), fds.size(), wait);
  if (ready < 0 && errno != EINTR) return done;
  for (size_t i = 0; i < fds.size(); ++i) {
    Worker* w = polled[i];
    if (fds[i].revents & (POLLIN | POLLHUP | POLLERR)) {
      char buf[1 << 16];
      ssize_t n = ::read(w->from, buf, sizeof buf);
      if (n <= 0) {
        done.push_back(Replace(w, false, "crash", "the worker died while extracting it"));
        continue;
      }
      w->inbox.append(buf, static_cast<size_t>(n));
      // The reply's length, once its 8 bytes are in; then the rest of a large reply, read
      // without waiting for poll again (the worker is writing it now).
      auto wanted = [&]() -> size_t {
        uint64_t len = 0;
        if (w->inbox.size() < sizeof len) return SIZE_MAX;
        std::memcpy(&len, w->inbox.data(), sizeof len);
        return sizeof len + len;
      };
      while (w->inbox.size() < wanted() && w->inbox.size() >= sizeof(uint64_t)) {
        n = ::read(w->from, buf, sizeof buf);
        if (n <= 0) break;
        w->inbox.append(buf, static_cast<size_t>(n));
      }
      if (w->inbox.size() >= wanted() && wanted() != SIZE_MAX) {
        std::string_view reply(w->inbox);
        reply = reply.substr(sizeof(uint64_t), wanted() - sizeof(uint64_t));
        JobResult r;
        r.id = w->job_id;
        r.ok = !reply.empty() && reply[0] == '1';
        // The fields after the flag, each ended by NUL but the last.
        std::vector<std::string_view> fields;
        for (size_t at = 1;;) {
          size_t end = reply.find('\0', at);
          fields.push_back(reply.substr(at, end == std::string_view::npos ? end : end - at));
          if (end == std::string_view::npos) break;
          at = end + 1;
        }
        auto number = [](std::string_view f, uint64_t* v) {
          return std::from_chars(f.data(), f.data() + f.size(), *v).ec == std::errc();
        };
        if (r.ok && fields.size() == 5 && number(fields[3], &r.stored.offset) &&
            number(fields[4], &r.stored.length)) {
          r.series = fields[0];
          r.date = fields[1];
          r.stored.file = fields[2];
        } else if (!r.ok && fields.size() >= 2) {
          r.kind = fields[0];
          r.message = fields[1];
        } else {
          r.ok = false;
          r.kind = "crash";
          r.message = "the worker's reply was not understood";
        }
        w->busy = false;
        w->inbox.clear();
        done.push_back(std::move(r));
      } else if (n <= 0) {
        done.push_back(Replace(w, false, "crash", "the worker died while extracting it"));
      }
      continue;
    }
    double took =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - w->started).count();
    if (took > timeout_seconds_) {
      char budget[32];
      std::snprintf(budget, sizeof budget, "%g", timeout_seconds_);
      done.push_back(Replace(
          w, true, "timeout",
          std::string("took longer than the time budget of ") + budget + " s (--doc-timeout)"));
    }
  }
  return done;
}

}  // namespace minutes::batch
