// The service on a loopback port, as clients meet it: health, extraction and validation of raw and
// multipart uploads, unreadable files, the upload limit, the token, and 503 when full.

#include "service/service.h"

#include <Poco/Exception.h>
#include <Poco/Net/HTMLForm.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/StreamSocket.h>
#include <Poco/Net/StringPartSource.h>
#include <gtest/gtest.h>

#include <fstream>
#include <mutex>
#include <sstream>
#include <thread>

#include "model/model.h"

namespace minutes::service {
namespace {

using Poco::Net::HTTPRequest;
using Poco::Net::HTTPResponse;

std::string Slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::string Seed() {
  return Slurp(std::string(MINUTES_SOURCE_DIR) + "/samples/seeds/001_2e77aad788dcd255.docx");
}

struct Reply {
  int status = 0;
  std::string body;
};

Reply Call(int port, const std::string& method, const std::string& path, const std::string& body,
           const std::string& token = "") {
  Poco::Net::HTTPClientSession session("127.0.0.1", static_cast<Poco::UInt16>(port));
  HTTPRequest request(method, path, HTTPRequest::HTTP_1_1);
  if (!token.empty()) request.set("Authorization", "Bearer " + token);
  if (method == "POST") {
    request.setContentType("application/octet-stream");
    request.setContentLength(static_cast<std::streamsize>(body.size()));
    session.sendRequest(request) << body;
  } else {
    session.sendRequest(request);
  }
  HTTPResponse response;
  std::istream& in = session.receiveResponse(response);
  std::stringstream ss;
  ss << in.rdbuf();
  return Reply{static_cast<int>(response.getStatus()), ss.str()};
}

class ServiceTest : public ::testing::Test {
 protected:
  void Start(ServiceOptions options) {
    options.port = 0;
    options.access_log = [this](const std::string& line) {
      std::lock_guard<std::mutex> lock(mu_);
      log_.push_back(line);
    };
    Status s = Service::Start(options, &service_);
    ASSERT_TRUE(s.ok()) << s.ToString();
    port_ = service_->port();
  }
  std::unique_ptr<Service> service_;
  int port_ = 0;
  std::mutex mu_;
  std::vector<std::string> log_;
};

TEST_F(ServiceTest, HealthExtractAndValidate) {
  Start(ServiceOptions());
  EXPECT_EQ(200, Call(port_, "GET", "/healthz", "").status);
  Reply r = Call(port_, "POST", "/api/v1/extract?name=december.docx", Seed());
  ASSERT_EQ(200, r.status) << r.body;
  EXPECT_NE(std::string::npos,
            r.body.find("\"schema_version\":\"" + std::string(kSchemaVersion) + "\""));
  EXPECT_NE(std::string::npos, r.body.find("\"path\":\"december.docx\""));
  r = Call(port_, "POST", "/api/v1/validate", Seed());
  ASSERT_EQ(200, r.status) << r.body;
  EXPECT_NE(std::string::npos, r.body.find("\"valid\":true"));
  EXPECT_NE(std::string::npos, r.body.find("\"code\":\"chair_sent_apologies\""));
  r = Call(port_, "POST", "/api/v1/validate", "Notes\nAttendees: Ann Bell (Kent)\n");
  EXPECT_NE(std::string::npos, r.body.find("\"valid\":false")) << r.body;
  // A file that is not notes, a missing endpoint, a wrong method: status codes and JSON errors.
  r = Call(port_, "POST", "/api/v1/extract", std::string("PK\x03\x04junk", 8));
  EXPECT_EQ(422, r.status);
  EXPECT_NE(std::string::npos, r.body.find("\"kind\":\"corrupt\"")) << r.body;
  EXPECT_EQ(404, Call(port_, "GET", "/nope", "").status);
  EXPECT_EQ(405, Call(port_, "GET", "/api/v1/extract", "").status);
  // The log says what happened and nothing of the notes.
  std::lock_guard<std::mutex> lock(mu_);
  ASSERT_GE(log_.size(), 6u);
  EXPECT_NE(std::string::npos, log_[1].find("method=POST path=/api/v1/extract status=200"));
  for (const std::string& line : log_) EXPECT_EQ(std::string::npos, line.find("Sarah")) << line;
}

TEST_F(ServiceTest, ThePageTheTextAndTheOpenApiDescription) {
  Start(ServiceOptions());
  Reply page = Call(port_, "GET", "/", "");
  EXPECT_EQ(200, page.status);
  EXPECT_NE(std::string::npos, page.body.find("<input id=\"file\" type=\"file\""));
  EXPECT_EQ(std::string::npos, page.body.find("https://")) << "the page fetches nothing";
  Reply text = Call(port_, "POST", "/api/v1/text", "Notes\r\nDate: 14 October 2025\r\n");
  EXPECT_EQ(200, text.status);
  EXPECT_EQ("Notes\n\nDate: 14 October 2025\n", text.body);
  Reply api = Call(port_, "GET", "/api/v1/openapi.json", "");
  EXPECT_EQ(200, api.status);
  for (const char* key : {"\"openapi\": \"3.1.0\"", "\"/api/v1/validate\"", "\"/api/v1/extract\"",
                          "\"/api/v1/text\"", "\"/healthz\"", "\"413\"", "\"503\"", "\"Document\""})
    EXPECT_NE(std::string::npos, api.body.find(key)) << key;
}

TEST_F(ServiceTest, NoWorkerIsRefusedAtStart) {
  ServiceOptions o;
  o.port = 0;
  o.workers = 0;
  std::unique_ptr<Service> service;
  Status s = Service::Start(o, &service);
  EXPECT_EQ(Status::Code::kInvalidArgument, s.code()) << s.ToString();
  EXPECT_EQ(nullptr, service);
}

TEST_F(ServiceTest, ProcessingPastItsBudgetIs503AndTheServiceGoesOn) {
  ServiceOptions o;
  o.processing_timeout = std::chrono::milliseconds(0);
  Start(o);
  Reply r = Call(port_, "POST", "/api/v1/extract", Seed());
  EXPECT_EQ(503, r.status) << r.body;
  EXPECT_NE(std::string::npos, r.body.find("\"timeout\"")) << r.body;
  EXPECT_EQ(200, Call(port_, "GET", "/healthz", "").status);
}

TEST_F(ServiceTest, MultipartUpload) {
  Start(ServiceOptions());
  Poco::Net::HTTPClientSession session("127.0.0.1", static_cast<Poco::UInt16>(port_));
  HTTPRequest request(HTTPRequest::HTTP_POST, "/api/v1/extract", HTTPRequest::HTTP_1_1);
  Poco::Net::HTMLForm form(Poco::Net::HTMLForm::ENCODING_MULTIPART);
  form.addPart(
      "file", new Poco::Net::StringPartSource(Seed(), "application/octet-stream", "december.docx"));
  form.prepareSubmit(request);
  form.write(session.sendRequest(request));
  HTTPResponse response;
  std::stringstream ss;
  ss << session.receiveResponse(response).rdbuf();
  EXPECT_EQ(200, response.getStatus()) << ss.str();
  EXPECT_NE(std::string::npos, ss.str().find("\"path\":\"december.docx\""));
}

// Regressions from the multipart fuzz target (tests/fuzz/regressions/multipart/): Poco throws on
// these, which used to end as 500 "internal" (or, for the URI, a 500 with no access-log line).
TEST_F(ServiceTest, AMalformedFormOrUriIsABadRequest) {
  Start(ServiceOptions());
  // A form part with neither name nor filename.
  Poco::Net::HTTPClientSession session("127.0.0.1", static_cast<Poco::UInt16>(port_));
  HTTPRequest request(HTTPRequest::HTTP_POST, "/api/v1/extract", HTTPRequest::HTTP_1_1);
  request.setContentType("multipart/form-data; boundary=b");
  const std::string body = "--b\r\nContent-Disposition: form-data\r\n\r\nnotes\r\n--b--\r\n";
  request.setContentLength(static_cast<std::streamsize>(body.size()));
  session.sendRequest(request) << body;
  HTTPResponse response;
  std::stringstream ss;
  ss << session.receiveResponse(response).rdbuf();
  EXPECT_EQ(400, response.getStatus()) << ss.str();
  EXPECT_NE(std::string::npos, ss.str().find("\"bad_request\"")) << ss.str();
  // A bad %-escape, in the name of a raw upload and in the path.
  Reply r = Call(port_, "POST", "/api/v1/extract?name=%zz", "Notes\n");
  EXPECT_EQ(400, r.status) << r.body;
  EXPECT_NE(std::string::npos, r.body.find("malformed request URI")) << r.body;
  EXPECT_EQ(400, Call(port_, "GET", "/api/%g1/extract", "").status);
  EXPECT_EQ(200, Call(port_, "GET", "/healthz", "").status);
  std::lock_guard<std::mutex> lock(mu_);
  ASSERT_EQ(4u, log_.size());  // every request is logged, the malformed ones too
  EXPECT_NE(std::string::npos, log_[2].find("path=- status=400")) << log_[2];
}

TEST_F(ServiceTest, TooLargeIsRefusedBeforeTheBodyIsRead) {
  ServiceOptions o;
  o.max_upload_bytes = 1000;
  Start(o);
  // Headers only: the server answers 413 from Content-Length without waiting for the body.
  Poco::Net::HTTPClientSession session("127.0.0.1", static_cast<Poco::UInt16>(port_));
  HTTPRequest request(HTTPRequest::HTTP_POST, "/api/v1/validate", HTTPRequest::HTTP_1_1);
  request.setContentLength(50 << 20);
  session.sendRequest(request);
  HTTPResponse response;
  std::stringstream ss;
  ss << session.receiveResponse(response).rdbuf();
  EXPECT_EQ(413, response.getStatus());
  EXPECT_NE(std::string::npos, ss.str().find("\"too_large\""));
}

TEST_F(ServiceTest, TheTokenIsRequiredWhenSet) {
  ServiceOptions o;
  o.token = "s3cret-token";
  Start(o);
  EXPECT_EQ(401, Call(port_, "POST", "/api/v1/validate", Seed()).status);
  EXPECT_EQ(401, Call(port_, "POST", "/api/v1/validate", Seed(), "s3cret-tokeX").status);
  EXPECT_EQ(200, Call(port_, "POST", "/api/v1/validate", Seed(), "s3cret-token").status);
  EXPECT_EQ(200, Call(port_, "GET", "/healthz", "").status);  // health needs no token
}

TEST_F(ServiceTest, AFullServiceAnswers503AndKeepsServing) {
  ServiceOptions o;
  o.workers = 1;
  o.queue = 0;
  Start(o);
  // One upload that holds the only slot: headers and half a body, the rest never sent yet. On a
  // loaded machine the server may admit the next request before the slow one, which is then the
  // one refused: start again with a new slow upload, a bounded number of times.
  std::string head = "POST /api/v1/validate HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\nhalf";
  std::unique_ptr<Poco::Net::StreamSocket> slow;
  Reply busy;
  for (int attempt = 0; attempt < 20 && busy.status != 503; ++attempt) {
    if (slow) slow->close();
    try {  // a refused slow upload may be reset under our feet: that too means try again
      slow = std::make_unique<Poco::Net::StreamSocket>(
          Poco::Net::SocketAddress("127.0.0.1", static_cast<Poco::UInt16>(port_)));
      slow->sendBytes(head.data(), static_cast<int>(head.size()));
      std::this_thread::sleep_for(std::chrono::milliseconds(300));
      busy = Call(port_, "POST", "/api/v1/validate", Seed());
    } catch (const Poco::Exception&) {
      busy = Reply();
    }
  }
  EXPECT_EQ(503, busy.status) << busy.body;
  EXPECT_NE(std::string::npos, busy.body.find("\"busy\""));
  slow->close();
  int status = 0;
  for (int i = 0; i < 100 && status != 200; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    try {
      status = Call(port_, "POST", "/api/v1/validate", Seed()).status;
    } catch (const Poco::Exception&) {
      status = 0;  // the server is still dropping the slow upload's connection
    }
  }
  EXPECT_EQ(200, status);
}

}  // namespace
}  // namespace minutes::service
