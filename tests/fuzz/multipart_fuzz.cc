// Fuzz target "multipart": any bytes as an HTTP request to the service's upload endpoints: Poco
// reads the request line and headers as the server does, the body is what the server's body
// stream would give (up to Content-Length), then service/upload.h ReadUpload takes the file out of
// it (a multipart/form-data form, or the raw body) and ingest reads the document, as a request to
// /api/v1/extract does before extraction. Seeds: seeds/multipart/ and samples/ wrapped in
// requests (fuzz_run.py); dictionary: multipart.dict.

#include <Poco/Exception.h>
#include <Poco/Net/HTTPRequest.h>

#include <cstddef>
#include <cstdint>
#include <iterator>
#include <sstream>
#include <string>

#include "ingest/ingest.h"
#include "service/upload.h"
#include "tests/fuzz/fuzz_check.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  constexpr size_t kMaxUpload = 64u << 10;  // small, so the limit is reached and tested
  std::istringstream in(std::string(reinterpret_cast<const char*>(data), size));
  Poco::Net::HTTPRequest request;
  std::string rest;
  try {
    // As HTTPServerRequestImpl does before any handler runs; what it refuses never reaches us (a
    // malformed request line or header is a 400 from Poco, a Content-Length that is not a number
    // closes the connection).
    request.read(in);
    rest.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    if (request.hasContentLength() && request.getContentLength64() >= 0 &&
        static_cast<uint64_t>(request.getContentLength64()) < rest.size())
      rest.resize(static_cast<size_t>(request.getContentLength64()));
  } catch (const Poco::Exception&) {
    return 0;
  }
  std::istringstream body(rest);

  minutes::service::Upload upload;
  minutes::Status s = minutes::service::ReadUpload(request, body, kMaxUpload, &upload);
  if (!s.ok()) {
    FUZZ_CHECK(s.code() == minutes::Status::Code::kTooLarge ||
               s.code() == minutes::Status::Code::kInvalidArgument ||
               s.code() == minutes::Status::Code::kCorrupt);
    FUZZ_CHECK(!s.message().empty() && s.message().find('\n') == std::string::npos);
    return 0;
  }
  FUZZ_CHECK(upload.bytes.size() <= kMaxUpload);

  minutes::Document doc;
  minutes::Status r = minutes::ReadBytes(upload.bytes, minutes::fuzz::SmallLimits(""), &doc);
  minutes::fuzz::CheckRead(r, doc);
  return 0;
}
