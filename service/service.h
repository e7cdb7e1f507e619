// service: `minutes serve`, validation and extraction over HTTP.
//
//   minutes::service::ServiceOptions options;      // loopback, port 8080, limits
//   std::unique_ptr<minutes::service::Service> s;
//   minutes::Status st = minutes::service::Service::Start(options, &s);
//   ... s->port() ...                               // the port bound (useful with port 0)
//   s->Stop();                                      // finishes all work in flight, then returns
//
// Endpoints: GET /healthz; POST /api/v1/validate and POST /api/v1/extract, each taking one file as
// multipart/form-data (field "file") or as the raw request body. Answers are JSON: the extraction
// (the document schema), or {"path", "sha256", "valid", "findings"} for validate; errors are
// {"error": {"kind", "message"}} with a status code: 400 bad request, 401 no or wrong token,
// 404, 405, 413 upload too large (refused from its Content-Length before the body is read), 422
// a file that could not be read as notes, 503 when every worker and queue slot is taken.
// Uploads are processed in memory and never written to disk; no document content is logged: one
// access-log line per request (method, path, status, bytes, milliseconds) goes to `access_log`.

#ifndef MINUTES_SERVICE_SERVICE_H_
#define MINUTES_SERVICE_SERVICE_H_

#include <chrono>
#include <functional>
#include <memory>
#include <string>

#include "common/status.h"
#include "extract/extract.h"
#include "ingest/ingest.h"

namespace minutes::service {

struct ServiceOptions {
  std::string bind = "127.0.0.1";  // loopback unless told otherwise
  int port = 8080;                 // 0 picks a free port
  size_t max_upload_bytes = 25u << 20;
  int workers = 4;           // requests processed at once
  int queue = 16;            // requests waiting beyond those; more get 503
  int timeout_seconds = 30;  // reading a request, writing an answer
  // Reading and extracting one upload; past it the answer is 503 "timeout". The work goes on in
  // the background, keeping its worker slot so capacity stays bounded, until it meets its own
  // time budget: ingest.max_seconds and extract.max_seconds are capped at this value.
  std::chrono::milliseconds processing_timeout{60000};
  std::string token;  // when not empty, API calls need "Authorization: Bearer <token>"
  IngestOptions ingest;
  ExtractOptions extract;
  // Called with each access-log line; thread-safe callers only (it is called from workers).
  std::function<void(const std::string& line)> access_log;
};

class Service {
 public:
  // Binds and starts serving. Fails with kInvalidArgument when options.workers < 1, and with
  // kIoError when the address cannot be bound.
  static Status Start(const ServiceOptions& options, std::unique_ptr<Service>* out);
  ~Service();
  int port() const;
  // Stops accepting, lets requests in flight finish, waits for work that outlived its request's
  // time-out, and returns.
  void Stop();

 private:
  struct Impl;
  explicit Service(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace minutes::service

#endif  // MINUTES_SERVICE_SERVICE_H_
