// Internal to service: the file one API request uploads, read from the request's headers and body
// before any document is read from it. Separate from the HTTP server so that it can be tested and
// fuzzed on a request that never touched a socket (tests/fuzz/multipart_fuzz.cc).
//
//   minutes::service::Upload upload;
//   minutes::Status s = minutes::service::ReadUpload(request, request.stream(), limit, &upload);
//   if (s.ok()) s = minutes::ReadBytes(upload.bytes, options.ingest, &doc);

#ifndef MINUTES_SERVICE_UPLOAD_H_
#define MINUTES_SERVICE_UPLOAD_H_

#include <Poco/Net/HTTPRequest.h>

#include <cstddef>
#include <istream>
#include <string>

#include "common/status.h"

namespace minutes::service {

struct Upload {
  // What the client called the file (the form part's filename, or a raw upload's ?name=), for the
  // output's source.path; never opened.
  std::string filename = "upload";
  std::string bytes;  // the file, as uploaded
};

// Reads the upload of `request` from `body` (the request's body stream): with a Content-Type of
// multipart/form-data, the first part named "file" (other parts are skipped); otherwise the whole
// body. Fails with kTooLarge when the file is over `max_bytes` (reading stops there), with
// kInvalidArgument for a form that has no "file" part, and with kCorrupt for a malformed form or
// request URI (its message never quotes the request). Never throws.
Status ReadUpload(const Poco::Net::HTTPRequest& request, std::istream& body, size_t max_bytes,
                  Upload* out);

}  // namespace minutes::service

#endif  // MINUTES_SERVICE_UPLOAD_H_
