// Service: Poco's HTTPServer with our own admission control (Poco drops connections past its queue
// silently; we answer 503 instead), upload limits and a bearer token.

#include "service/service.h"

#include <Poco/Exception.h>
#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPRequestHandlerFactory.h>
#include <Poco/Net/HTTPServer.h>
#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/URI.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <new>
#include <thread>

#include "export/export.h"
#include "export/json_out.h"
#include "service/upload.h"
#include "service/work_queue.h"

namespace minutes::service {

std::string_view UploadPage();  // page.cc, generated from page.html
std::string OpenApi();          // openapi.cc

namespace {

using Poco::Net::HTTPResponse;
using Poco::Net::HTTPServerRequest;
using Poco::Net::HTTPServerResponse;

struct Shared {
  ServiceOptions options;
  std::atomic<int> admitted{0};  // requests past the door: processing or waiting for a worker
  // Declared after `options`, so destroyed (its threads joined) before it: tasks may refer to it.
  WorkQueue work;
  explicit Shared(const ServiceOptions& o) : options(WithBudget(o)), work(o.workers) {}

  // Work past processing_timeout has no one waiting for it: its reading and extraction budgets
  // stop at the same time, so it frees its worker soon after its caller's 503.
  static ServiceOptions WithBudget(ServiceOptions o) {
    const double seconds = std::chrono::duration<double>(o.processing_timeout).count();
    o.ingest.max_seconds = std::min(o.ingest.max_seconds, seconds);
    o.extract.max_seconds = std::min(o.extract.max_seconds, seconds);
    return o;
  }
};

std::string ErrorJson(const std::string& kind, const std::string& message) {
  std::string s;
  internal::JsonOut out(&s, 0);
  out.BeginObject();
  out.Key("error");
  out.BeginObject();
  out.Key("kind");
  out.String(kind);
  out.Key("message");
  out.String(message);
  out.EndObject();
  out.EndObject();
  return s + "\n";
}

// Equal without telling how much of a guess matched by how long it took.
bool SameSecret(const std::string& a, const std::string& b) {
  unsigned char diff = a.size() == b.size() ? 0 : 1;
  for (size_t i = 0; i < a.size(); ++i) diff |= a[i] ^ b[i % (b.empty() ? 1 : b.size())];
  return diff == 0 && !b.empty();
}

// What the service answers for one upload: the work a worker does, apart from HTTP.
struct Answer {
  HTTPResponse::HTTPStatus status = HTTPResponse::HTTP_OK;
  std::string body, content_type = "application/json";
  static Answer Error(HTTPResponse::HTTPStatus status, const std::string& kind,
                      const std::string& message) {
    return Answer{status, ErrorJson(kind, message), "application/json"};
  }
};

enum class Endpoint { kValidate, kExtract, kText };

// One upload's processing, handed from its connection's thread to a worker and its answer back.
class Job {
 public:
  void Start() {
    std::lock_guard<std::mutex> lock(mu_);
    started_ = true;
    changed_.notify_all();
  }
  void Finish(Answer answer) {
    std::lock_guard<std::mutex> lock(mu_);
    answer_ = std::move(answer);
    done_ = true;
    changed_.notify_all();
  }
  // Waits for a worker to take the job (the wait in the queue is bounded by admission), then at
  // most `budget` for its answer. False past the budget: the work goes on without a caller.
  bool Wait(std::chrono::milliseconds budget, Answer* out) {
    std::unique_lock<std::mutex> lock(mu_);
    changed_.wait(lock, [this] { return started_; });
    if (!changed_.wait_for(lock, budget, [this] { return done_; })) return false;
    *out = std::move(answer_);
    return true;
  }

 private:
  std::mutex mu_;
  std::condition_variable changed_;
  bool started_ = false, done_ = false;
  Answer answer_;
};

Answer Process(const ServiceOptions& o, Endpoint endpoint, const std::string& filename,
               const std::string& bytes) {
  const bool text = endpoint == Endpoint::kText, extract = endpoint == Endpoint::kExtract;
  Answer a;
  auto refused = [](const Status& s) {
    return Answer::Error(s.code() == Status::Code::kTooLarge
                             ? HTTPResponse::HTTP_REQUEST_ENTITY_TOO_LARGE
                             : HTTPResponse::HTTP_UNPROCESSABLE_ENTITY,
                         std::string(s.kind()), s.message());
  };
  Document doc;
  Status s = ReadBytes(bytes, o.ingest, &doc);
  if (!s.ok()) return refused(s);
  if (text) {
    a.body = doc.text;
    a.content_type = "text/plain; charset=utf-8";
    return a;
  }
  Extraction x;
  s = Extract(doc, Source{filename, doc.sha256, doc.format, doc.source_bytes, {}}, o.extract, &x);
  if (!s.ok()) return refused(s);
  if (extract) {
    a.body = ToJson(x, 0);
    return a;
  }
  a.body = ValidationJson(x, doc.text, /*strict=*/false);
  return a;
}

class Handler : public Poco::Net::HTTPRequestHandler {
 public:
  explicit Handler(std::shared_ptr<Shared> shared) : shared_(std::move(shared)) {}

  void handleRequest(HTTPServerRequest& request, HTTPServerResponse& response) override {
    auto start = std::chrono::steady_clock::now();
    std::string path = "-";  // for the access log when the URI does not parse
    size_t sent = 0;
    HTTPResponse::HTTPStatus status = HTTPResponse::HTTP_OK;
    try {
      path = Poco::URI(request.getURI()).getPath();
      status = Route(request, path, &body_, &content_type_);
    } catch (const std::bad_alloc&) {
      // Reading and extracting report it themselves; this is what is left (the answer's JSON).
      status = HTTPResponse::HTTP_REQUEST_ENTITY_TOO_LARGE;
      body_ = ErrorJson("limit exceeded", "out of memory processing the request");
      content_type_ = "application/json";
    } catch (const Poco::SyntaxException&) {  // a bad %-escape in the URI: the client's mistake
      status = Error(HTTPResponse::HTTP_BAD_REQUEST, "bad_request", "malformed request URI");
      close_ = true;
    } catch (const std::exception&) {
      status = HTTPResponse::HTTP_INTERNAL_SERVER_ERROR;
      body_ = ErrorJson("internal", "the request could not be processed");
      content_type_ = "application/json";
    }
    try {
      response.setStatus(status);
      response.setContentType(content_type_);
      response.setContentLength(static_cast<std::streamsize>(body_.size()));
      if (close_) response.setKeepAlive(false);
      response.send().write(body_.data(), static_cast<std::streamsize>(body_.size()));
      sent = body_.size();
    } catch (const std::exception&) {
      // The client went away; nothing to tell it.
    }
    if (shared_->options.access_log) {
      auto ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start);
      char line[512];
      std::snprintf(line, sizeof line, "method=%s path=%s status=%d bytes=%zu ms=%.1f",
                    request.getMethod().c_str(), path.substr(0, 200).c_str(),
                    static_cast<int>(status), sent, ms.count());
      shared_->options.access_log(line);
    }
  }

 private:
  HTTPResponse::HTTPStatus Error(HTTPResponse::HTTPStatus status, const std::string& kind,
                                 const std::string& message) {
    body_ = ErrorJson(kind, message);
    content_type_ = "application/json";
    return status;
  }

  HTTPResponse::HTTPStatus Route(HTTPServerRequest& request, const std::string& path,
                                 std::string* body, std::string* content_type) {
    *content_type = "application/json";
    if (path == "/healthz") {
      *body = "{\"status\":\"ok\"}\n";
      return HTTPResponse::HTTP_OK;
    }
    if (path == "/" || path == "/index.html") {
      *body = std::string(UploadPage());
      *content_type = "text/html; charset=utf-8";
      return HTTPResponse::HTTP_OK;
    }
    if (path == "/api/v1/openapi.json") {
      *body = OpenApi();
      return HTTPResponse::HTTP_OK;
    }
    bool validate = path == "/api/v1/validate", extract = path == "/api/v1/extract",
         text = path == "/api/v1/text";
    if (!validate && !extract && !text)
      return Error(HTTPResponse::HTTP_NOT_FOUND, "not_found",
                   "no such endpoint: " + path.substr(0, 100));
    if (request.getMethod() != "POST") {
      close_ = true;
      return Error(HTTPResponse::HTTP_METHOD_NOT_ALLOWED, "method", "use POST with a file");
    }
    const ServiceOptions& o = shared_->options;
    if (!o.token.empty()) {
      std::string auth = request.get("Authorization", "");
      if (auth.rfind("Bearer ", 0) != 0 || !SameSecret(auth.substr(7), o.token)) {
        // Read (and drop) a body of allowed size, so the client gets to read the answer.
        if (request.hasContentLength() &&
            request.getContentLength64() <= static_cast<Poco::Int64>(o.max_upload_bytes))
          request.stream().ignore(std::numeric_limits<std::streamsize>::max());
        else
          close_ = true;
        return Error(HTTPResponse::HTTP_UNAUTHORIZED, "unauthorized",
                     "send 'Authorization: Bearer <token>'");
      }
    }
    if (request.hasContentLength() &&
        request.getContentLength64() > static_cast<Poco::Int64>(o.max_upload_bytes + 4096)) {
      close_ = true;  // the body is not read: the connection cannot be reused
      return Error(HTTPResponse::HTTP_REQUEST_ENTITY_TOO_LARGE, "too_large",
                   "the upload is larger than " + std::to_string(o.max_upload_bytes) + " bytes");
    }
    // Admission: a bounded number wait for a worker; beyond that, 503 at once.
    if (shared_->admitted.fetch_add(1) >= o.workers + o.queue) {
      shared_->admitted.fetch_sub(1);
      close_ = true;
      return Error(HTTPResponse::HTTP_SERVICE_UNAVAILABLE, "busy",
                   "every worker is busy and the queue is full: try again shortly");
    }
    struct Release {
      std::shared_ptr<Shared> s;
      ~Release() { s->admitted.fetch_sub(1); }
    } release{shared_};

    Upload upload;
    Status read = ReadUpload(request, request.stream(), o.max_upload_bytes, &upload);
    if (read.code() == Status::Code::kTooLarge) {
      close_ = true;
      return Error(HTTPResponse::HTTP_REQUEST_ENTITY_TOO_LARGE, "too_large", read.message());
    }
    if (read.code() == Status::Code::kInvalidArgument)
      return Error(HTTPResponse::HTTP_BAD_REQUEST, "no_file", read.message());
    if (!read.ok()) {
      close_ = true;  // the rest of a malformed body cannot be trusted to end where it says
      return Error(HTTPResponse::HTTP_BAD_REQUEST, "bad_request", read.message());
    }
    std::string filename = std::move(upload.filename), bytes = std::move(upload.bytes);

    // The work runs on a worker of its own so that a runaway document costs its caller a 503 after
    // the time budget, not a hung connection; it keeps its worker until it is really done. It
    // may refer to `o`: the queue's threads end before the options do.
    const Endpoint endpoint = text      ? Endpoint::kText
                              : extract ? Endpoint::kExtract
                                        : Endpoint::kValidate;
    auto job = std::make_shared<Job>();
    if (!shared_->work.Submit(
            [job, &o, endpoint, filename = std::move(filename), bytes = std::move(bytes)] {
              job->Start();
              job->Finish(Process(o, endpoint, filename, bytes));
            }))
      return Error(HTTPResponse::HTTP_SERVICE_UNAVAILABLE, "busy", "the service is stopping");
    Answer a;
    if (!job->Wait(o.processing_timeout, &a))
      return Error(
          HTTPResponse::HTTP_SERVICE_UNAVAILABLE, "timeout",
          "processing took longer than " + std::to_string(o.processing_timeout.count()) + " ms");
    *body = std::move(a.body);
    *content_type = a.content_type;
    return a.status;
  }

  std::shared_ptr<Shared> shared_;
  std::string body_, content_type_ = "application/json";
  bool close_ = false;
};

class Factory : public Poco::Net::HTTPRequestHandlerFactory {
 public:
  explicit Factory(std::shared_ptr<Shared> shared) : shared_(std::move(shared)) {}
  Poco::Net::HTTPRequestHandler* createRequestHandler(const HTTPServerRequest&) override {
    return new Handler(shared_);
  }

 private:
  std::shared_ptr<Shared> shared_;
};

}  // namespace

struct Service::Impl {
  std::shared_ptr<Shared> shared;  // also held by each request's handler
  std::unique_ptr<Poco::Net::HTTPServer> server;
  int port = 0;
};

Service::Service(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Service::~Service() { Stop(); }
int Service::port() const { return impl_->port; }

Status Service::Start(const ServiceOptions& options, std::unique_ptr<Service>* out) {
  // With no worker, every upload would wait in the queue for ever.
  if (options.workers < 1)
    return Status::InvalidArgument("the service needs at least one worker, not " +
                                   std::to_string(options.workers));
  auto impl = std::make_unique<Impl>();
  impl->shared = std::make_shared<Shared>(options);
  try {
    Poco::Net::ServerSocket socket(Poco::Net::SocketAddress(options.bind, options.port));
    impl->port = socket.address().port();
    auto* params = new Poco::Net::HTTPServerParams;
    // Threads enough to answer 503 to those past the queue; Poco's own queue (which drops
    // silently when full) only holds connections for the instant before a thread takes them.
    params->setMaxThreads(options.workers + options.queue + 4);
    params->setMaxQueued(64);
    params->setTimeout(Poco::Timespan(options.timeout_seconds, 0));
    params->setKeepAlive(true);
    impl->server =
        std::make_unique<Poco::Net::HTTPServer>(new Factory(impl->shared), socket, params);
    impl->server->start();
  } catch (const Poco::Exception& e) {
    return Status::IoError("cannot serve on " + options.bind + ":" + std::to_string(options.port) +
                           ": " + e.displayText());
  }
  out->reset(new Service(std::move(impl)));
  return Status::OK();
}

void Service::Stop() {
  if (impl_->server == nullptr) return;
  impl_->server->stop();
  // Let requests in flight finish (bounded: their sockets time out).
  for (int i = 0; i < 600 && impl_->server->currentConnections() > 0; ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  impl_->server.reset();
  // Work whose caller already had its 503 "timeout" may still run. It must end before Stop
  // returns: the process's statics it reads (the LA register, ICU) may be destroyed next. Its time
  // budget bounds the wait.
  impl_->shared->work.Stop();
}

}  // namespace minutes::service
