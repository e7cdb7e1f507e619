// service_bench: the upload service's latency, closed-loop and open-loop (a benchmark: it checks
// that every answer is a 200, nothing more; ctest never runs it).
//
//   build-bench/tests/bench/service_bench [--minutes PATH] [--file NOTE.docx] [--seconds 10]
//                                         [--rates 50,100,150] [--clients 16] [--workers 4]
//
// It starts `minutes serve --port 0` in its own process and sends POST /api/v1/validate with the
// note (the first seed by default), a new connection per request as a browser's upload page
// would, then prints one markdown row per load:
//   closed, 1 client         one request at a time: what one upload costs when nothing waits
//   closed, N clients        N clients each sending the next request as soon as the last is
//                            answered: the service saturated, latency = N / throughput
//   open, R/s                requests arriving at R a second (Poisson), sent by N client threads;
//                            a request's latency counts from when it was due, not from when a
//                            client was free to send it (no coordinated omission)
// with the rate achieved, p50/p90/p99/max latency and the server's CPU milliseconds per request
// (its user + system time over the row, from /proc), which bounds the rate: cores / CPU per
// request. Every load is bounded by --seconds (open) or a request count (closed) and stops by
// itself.

#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <limits>
#include <random>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;

std::string Slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// The user + system CPU seconds process `pid` has used so far.
double CpuSeconds(pid_t pid) {
  std::string stat = Slurp("/proc/" + std::to_string(pid) + "/stat");
  size_t at = stat.rfind(')');
  if (at == std::string::npos) return 0;
  std::istringstream fields(stat.substr(at + 2));
  std::string field;
  double ticks = 0;
  for (int i = 3; i <= 15 && fields >> field; ++i)
    if (i == 14 || i == 15) ticks += std::atof(field.c_str());  // utime, stime
  return ticks / static_cast<double>(sysconf(_SC_CLK_TCK));
}

struct Server {
  pid_t pid = -1;
  int port = 0;
};

Server Start(const std::string& minutes, int workers, const std::string& log) {
  Server s;
  s.pid = fork();
  if (s.pid == 0) {
    if (std::freopen(log.c_str(), "w", stderr) == nullptr) _exit(127);
    std::string w = std::to_string(workers);
    execl(minutes.c_str(), minutes.c_str(), "serve", "--port", "0", "--workers", w.c_str(),
          "--queue", "256", static_cast<char*>(nullptr));
    _exit(127);
  }
  for (int i = 0; i < 400 && s.port == 0; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(25));
    std::string text = Slurp(log);
    size_t at = text.find("serving on http://127.0.0.1:");
    if (at != std::string::npos) s.port = std::atoi(text.c_str() + at + 28);
  }
  return s;
}

// One upload; true when it was answered 200.
bool Upload(int port, const std::string& note) {
  try {
    Poco::Net::HTTPClientSession session("127.0.0.1", static_cast<Poco::UInt16>(port));
    session.setTimeout(Poco::Timespan(60, 0));
    Poco::Net::HTTPRequest request(Poco::Net::HTTPRequest::HTTP_POST,
                                   "/api/v1/validate?name=note.docx");
    request.setContentLength(static_cast<std::streamsize>(note.size()));
    session.sendRequest(request) << note;
    Poco::Net::HTTPResponse response;
    std::istream& body = session.receiveResponse(response);
    body.ignore(std::numeric_limits<std::streamsize>::max());
    return response.getStatus() == Poco::Net::HTTPResponse::HTTP_OK;
  } catch (const std::exception&) {
    return false;
  }
}

struct Row {
  std::string load;
  size_t requests = 0, failed = 0;
  double seconds = 0, cpu_seconds = 0;
  std::vector<double> latencies_ms;
};

void Print(Row row) {
  std::vector<double>& l = row.latencies_ms;
  std::sort(l.begin(), l.end());
  auto at = [&](double q) {
    return l.empty() ? 0 : l[std::min(l.size() - 1, size_t(q * l.size()))];
  };
  std::printf("| %s | %zu | %zu | %.1f | %.1f | %.1f | %.1f | %.1f | %.2f |\n", row.load.c_str(),
              row.requests, row.failed, row.requests / row.seconds, at(0.5), at(0.9), at(0.99),
              l.empty() ? 0 : l.back(), row.requests ? 1000 * row.cpu_seconds / row.requests : 0);
  std::fflush(stdout);
}

// `clients` threads, each sending its next request as soon as the last is answered, `each` apiece.
Row Closed(const Server& server, const std::string& note, int clients, int each) {
  Row row;
  row.load = "closed, " + std::to_string(clients) + (clients == 1 ? " client" : " clients");
  std::vector<std::vector<double>> latencies(clients);
  std::atomic<size_t> failed{0};
  double cpu0 = CpuSeconds(server.pid);
  auto start = Clock::now();
  std::vector<std::thread> threads;
  for (int c = 0; c < clients; ++c)
    threads.emplace_back([&, c] {
      for (int i = 0; i < each; ++i) {
        auto t0 = Clock::now();
        if (!Upload(server.port, note)) ++failed;
        latencies[c].push_back(
            std::chrono::duration<double, std::milli>(Clock::now() - t0).count());
      }
    });
  for (std::thread& t : threads) t.join();
  row.seconds = std::chrono::duration<double>(Clock::now() - start).count();
  row.cpu_seconds = CpuSeconds(server.pid) - cpu0;
  for (const auto& l : latencies)
    row.latencies_ms.insert(row.latencies_ms.end(), l.begin(), l.end());
  row.requests = row.latencies_ms.size();
  row.failed = failed;
  return row;
}

// Requests due at Poisson arrivals of `rate` a second for `seconds`, sent by `clients` threads.
Row Open(const Server& server, const std::string& note, int clients, double rate, double seconds) {
  Row row;
  char name[64];
  std::snprintf(name, sizeof name, "open, %.0f/s offered", rate);
  row.load = name;
  std::mt19937_64 random(42);
  std::exponential_distribution<double> gap(rate);
  std::vector<double> due;  // seconds from the start
  for (double t = gap(random); t < seconds; t += gap(random)) due.push_back(t);
  std::vector<double> latency(due.size());
  std::atomic<size_t> next{0}, failed{0};
  double cpu0 = CpuSeconds(server.pid);
  auto start = Clock::now();
  std::vector<std::thread> threads;
  for (int c = 0; c < clients; ++c)
    threads.emplace_back([&] {
      for (size_t i; (i = next.fetch_add(1)) < due.size();) {
        auto when = start + std::chrono::duration_cast<Clock::duration>(
                                std::chrono::duration<double>(due[i]));
        std::this_thread::sleep_until(when);
        if (!Upload(server.port, note)) ++failed;
        latency[i] = std::chrono::duration<double, std::milli>(Clock::now() - when).count();
      }
    });
  for (std::thread& t : threads) t.join();
  row.seconds = std::chrono::duration<double>(Clock::now() - start).count();
  row.cpu_seconds = CpuSeconds(server.pid) - cpu0;
  row.latencies_ms = latency;
  row.requests = latency.size();
  row.failed = failed;
  return row;
}

}  // namespace

int main(int argc, char** argv) {
  std::string minutes = "build-bench/minutes";
  std::string file = std::string(MINUTES_SOURCE_DIR) + "/samples/seeds/000_e0affe79a15288f1.docx";
  double seconds = 10;
  int clients = 16, workers = 4;
  std::vector<double> rates = {50, 100, 150};
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string flag = argv[i], value = argv[i + 1];
    if (flag == "--minutes") {
      minutes = value;
    } else if (flag == "--file") {
      file = value;
    } else if (flag == "--seconds") {
      seconds = std::atof(value.c_str());
    } else if (flag == "--clients") {
      clients = std::atoi(value.c_str());
    } else if (flag == "--workers") {
      workers = std::atoi(value.c_str());
    } else if (flag == "--rates") {
      rates.clear();
      std::istringstream list(value);
      for (std::string r; std::getline(list, r, ',');) rates.push_back(std::atof(r.c_str()));
    } else {
      std::fprintf(stderr, "service_bench: unknown flag %s\n", flag.c_str());
      return 2;
    }
  }
  if (argc % 2 == 0) {
    std::fprintf(stderr,
                 "usage: service_bench [--minutes PATH] [--file NOTE] [--seconds S] "
                 "[--rates R1,R2] [--clients N] [--workers N]\n");
    return 2;
  }
  const std::string note = Slurp(file);
  if (note.empty()) {
    std::fprintf(stderr, "service_bench: %s: cannot read it\n", file.c_str());
    return 1;
  }
  std::string log = "/tmp/service_bench_" + std::to_string(getpid()) + ".log";
  Server server = Start(minutes, workers, log);
  if (server.port == 0) {
    std::fprintf(stderr, "service_bench: %s serve did not start (see %s)\n", minutes.c_str(),
                 log.c_str());
    return 1;
  }
  std::printf("%s (%zu bytes), minutes serve --workers %d, %u cores\n\n", file.c_str(), note.size(),
              workers, std::thread::hardware_concurrency());
  std::printf(
      "| load | requests | failed | requests/s | p50 ms | p90 ms | p99 ms | max ms | server "
      "CPU ms/request |\n|---|---|---|---|---|---|---|---|---|\n");
  Closed(server, note, 1, 20);  // warm-up: caches, page faults, the first thread pool threads
  Print(Closed(server, note, 1, 200));
  Print(Closed(server, note, clients, 40));
  for (double rate : rates) Print(Open(server, note, clients, rate, seconds));
  kill(server.pid, SIGTERM);
  int status = 0;
  waitpid(server.pid, &status, 0);
  std::remove(log.c_str());
  return 0;
}
