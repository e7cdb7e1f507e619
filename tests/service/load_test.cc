// Load: `minutes serve` in its own process, 16 clients uploading at once from this one, a bounded
// number of requests each. Every answer must be right; the rate and latencies are printed.

#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <fstream>
#include <sstream>
#include <thread>
#include <vector>

namespace {

std::string Slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

TEST(ServiceLoadTest, SixteenConcurrentUploadsAllAnsweredRight) {
  std::string err = ::testing::TempDir() + "/load_err_" + std::to_string(::getpid());
  pid_t server = fork();
  if (server == 0) {
    freopen(err.c_str(), "w", stderr);
    execl(MINUTES_BIN, MINUTES_BIN, "serve", "--port", "0", "--workers", "4", "--queue", "16",
          static_cast<char*>(nullptr));
    _exit(127);
  }
  int port = 0;
  for (int i = 0; i < 200 && port == 0; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(25));
    std::string log = Slurp(err);
    size_t at = log.find("serving on http://127.0.0.1:");
    if (at != std::string::npos) port = std::atoi(log.c_str() + at + 28);
  }
  ASSERT_GT(port, 0);
  const std::string notes =
      Slurp(std::string(MINUTES_SOURCE_DIR) + "/samples/seeds/000_e0affe79a15288f1.docx");
  // `clients` at once, `each` requests apiece; every answer checked, latencies returned sorted.
  std::atomic<int> right{0}, wrong{0};
  auto round = [&](int clients_at_once, int each, double* seconds) {
    std::vector<std::vector<double>> latencies(clients_at_once);
    auto start = std::chrono::steady_clock::now();
    std::vector<std::thread> clients;
    for (int c = 0; c < clients_at_once; ++c) {
      clients.emplace_back([&, c] {
        for (int i = 0; i < each; ++i) {
          auto t0 = std::chrono::steady_clock::now();
          try {
            Poco::Net::HTTPClientSession session("127.0.0.1", static_cast<Poco::UInt16>(port));
            session.setTimeout(Poco::Timespan(30, 0));
            Poco::Net::HTTPRequest request(Poco::Net::HTTPRequest::HTTP_POST,
                                           "/api/v1/validate?name=july.docx");
            request.setContentLength(static_cast<std::streamsize>(notes.size()));
            session.sendRequest(request) << notes;
            Poco::Net::HTTPResponse response;
            std::stringstream body;
            body << session.receiveResponse(response).rdbuf();
            bool ok = response.getStatus() == 200 &&
                      body.str().find(
                          "\"sha256\":\"f6956727e25398223e6d010487f14f291625ce3319d2ab745f"
                          "560010027e8df4\"") != std::string::npos &&
                      body.str().find("\"duplicate_item_number\"") != std::string::npos;
            (ok ? right : wrong)++;
          } catch (const std::exception&) {
            wrong++;
          }
          latencies[c].push_back(
              std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0)
                  .count());
        }
      });
    }
    for (std::thread& t : clients) t.join();
    *seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::vector<double> all;
    for (const auto& l : latencies) all.insert(all.end(), l.begin(), l.end());
    std::sort(all.begin(), all.end());
    return all;
  };
  auto report = [](const char* what, const std::vector<double>& all, double seconds) {
    std::printf("%s: %zu requests, %.1f requests/s, p50 %.1f ms, p99 %.1f ms\n", what, all.size(),
                all.size() / seconds, all[all.size() / 2],
                all[std::min(all.size() - 1, all.size() * 99 / 100)]);
  };
  // One client first: the time one upload takes when nothing waits for a worker.
  double seconds = 0;
  std::vector<double> alone = round(1, 30, &seconds);
  report("1 client", alone, seconds);
  constexpr int kClients = 16, kEach = 15;
  std::vector<double> all = round(kClients, kEach, &seconds);
  kill(server, SIGTERM);
  int status = 0;
  waitpid(server, &status, 0);

  report("16 clients at once", all, seconds);
  EXPECT_EQ(30 + kClients * kEach, right.load());
  EXPECT_EQ(0, wrong.load());
}

}  // namespace
