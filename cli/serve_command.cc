// minutes serve: validation and extraction over HTTP until SIGTERM or Ctrl-C.

#include <signal.h>

#include <fstream>
#include <iostream>
#include <mutex>
#include <sstream>

#include "cli/cli.h"
#include "service/service.h"

namespace minutes::cli {
namespace {

const char kDescription[] =
    "Serves POST /api/v1/validate and POST /api/v1/extract (a file as multipart/form-data field\n"
    "'file', or as the raw body) and GET /healthz, on loopback unless --bind says otherwise.\n"
    "Answers are JSON; errors are {\"error\": {\"kind\", \"message\"}} with 400, 401, 404, 405,\n"
    "413, 422 or 503. One access-log line per request goes to standard error (method, path,\n"
    "status, bytes, milliseconds; never document content). Stops cleanly on SIGTERM or Ctrl-C.";

Status ParseNumber(const std::string& flag, const std::string& value, long low, long high,
                   long* out) {
  char* end = nullptr;
  long n = std::strtol(value.c_str(), &end, 10);
  if (value.empty() || *end != '\0' || n < low || n > high)
    return Usage("--" + flag + " takes a number from " + std::to_string(low) + " to " +
                 std::to_string(high) + ", not '" + value + "'");
  *out = n;
  return Status::OK();
}

}  // namespace

int RunServe(const std::vector<std::string>& args) {
  OptionSet options;
  options.Add(Option("help", "h", "this text"));
  options.Add(Option("bind", "", "the address to listen on (default 127.0.0.1)").Argument("ADDR"));
  options.Add(Option("port", "", "the port (default 8080; 0 picks one)").Argument("PORT"));
  options.Add(Option("token-file", "",
                     "a file holding the bearer token every API call "
                     "must send")
                  .Argument("FILE"));
  options.Add(Option("max-upload-mb", "", "largest upload accepted (default 25)").Argument("MB"));
  options.Add(Option("workers", "", "uploads processed at once (default 4)").Argument("N"));
  options.Add(
      Option("queue", "", "uploads waiting beyond those before 503 (default 16)").Argument("N"));
  options.Add(Option("processing-timeout", "",
                     "seconds one upload may take to process before 503 (default 60)")
                  .Argument("SECONDS"));
  ExtractArgs::AddOptions(&options);
  AddReadOptions(&options);

  service::ServiceOptions so;
  ExtractArgs extract_args;
  std::string token_file;
  bool help = false;
  std::vector<std::string> rest;
  Status parsed = options.Parse(
      args,
      [&](const std::string& name, const std::string& value) -> Status {
        long n = 0;
        Status s;
        if (name == "help") {
          help = true;
        } else if (name == "bind") {
          so.bind = value;
        } else if (name == "port") {
          if ((s = ParseNumber(name, value, 0, 65535, &n)).ok()) so.port = static_cast<int>(n);
        } else if (name == "token-file") {
          token_file = value;
        } else if (name == "max-upload-mb") {
          if ((s = ParseNumber(name, value, 1, 1024, &n)).ok())
            so.max_upload_bytes = static_cast<size_t>(n) << 20;
        } else if (name == "workers") {
          if ((s = ParseNumber(name, value, 1, 256, &n)).ok()) so.workers = static_cast<int>(n);
        } else if (name == "queue") {
          if ((s = ParseNumber(name, value, 0, 4096, &n)).ok()) so.queue = static_cast<int>(n);
        } else if (name == "processing-timeout") {
          if ((s = ParseNumber(name, value, 1, 3600, &n)).ok())
            so.processing_timeout = std::chrono::milliseconds(n * 1000);
        } else if (!extract_args.Apply(name, value)) {
          return ApplyReadOption(name, value, &so.ingest);
        }
        return s;
      },
      &rest);
  if (!parsed.ok()) return Fail(parsed);
  if (help) {
    std::cout << Help("minutes serve [--bind ADDR] [--port PORT] [--token-file FILE] [options]",
                      kDescription, options);
    return kExitOk;
  }
  if (!rest.empty()) return Fail(Usage("serve takes no file, but was given '" + rest[0] + "'"));
  if (!token_file.empty()) {
    std::ifstream in(token_file, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    so.token = ss.str();
    while (!so.token.empty() &&
           (so.token.back() == '\n' || so.token.back() == '\r' || so.token.back() == ' '))
      so.token.pop_back();
    if (!in || so.token.empty()) return Fail(Usage(token_file + ": no token in it"));
  }
  if (int code = extract_args.Prepare(so.ingest, &so.extract); code != kExitOk) return code;
  static std::mutex log_mu;
  so.access_log = [](const std::string& line) {
    std::lock_guard<std::mutex> lock(log_mu);
    StderrLine("serve: " + line);
  };

  // SIGTERM and SIGINT are waited for here rather than handled, so the server threads never see
  // them.
  sigset_t stop;
  sigemptyset(&stop);
  sigaddset(&stop, SIGTERM);
  sigaddset(&stop, SIGINT);
  pthread_sigmask(SIG_BLOCK, &stop, nullptr);
  std::unique_ptr<service::Service> service;
  Status s = service::Service::Start(so, &service);
  if (!s.ok()) {
    StderrLine(s.message());
    return kExitUnwritable;
  }
  std::cerr << "minutes: serving on http://" << so.bind << ":" << service->port() << "\n";
  int signal = 0;
  sigwait(&stop, &signal);
  std::cerr << "minutes: stopping\n";
  service->Stop();
  return kExitOk;
}

}  // namespace minutes::cli
