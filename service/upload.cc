#include "service/upload.h"

#include <Poco/Exception.h>
#include <Poco/Net/HTMLForm.h>
#include <Poco/Net/MessageHeader.h>
#include <Poco/Net/NameValueCollection.h>
#include <Poco/Net/PartHandler.h>
#include <Poco/URI.h>

#include <limits>

namespace minutes::service {
namespace {

// Collects the "file" part of a multipart form, stopping past the upload limit.
class FilePart : public Poco::Net::PartHandler {
 public:
  explicit FilePart(size_t limit) : limit_(limit) {}
  void handlePart(const Poco::Net::MessageHeader& header, std::istream& stream) override {
    std::string disposition;
    Poco::Net::NameValueCollection params;
    Poco::Net::MessageHeader::splitParameters(header.get("Content-Disposition", ""), disposition,
                                              params);
    if (params.get("name", "") != "file" || found_) {
      stream.ignore(std::numeric_limits<std::streamsize>::max());
      return;
    }
    found_ = true;
    filename_ = params.get("filename", "upload");
    char buf[1 << 16];
    while (stream.read(buf, sizeof buf) || stream.gcount() > 0) {
      if (bytes_.size() + stream.gcount() > limit_) {
        too_large_ = true;
        return;
      }
      bytes_.append(buf, static_cast<size_t>(stream.gcount()));
    }
  }
  bool found_ = false, too_large_ = false;
  std::string filename_, bytes_;

 private:
  size_t limit_;
};

Status TooLarge(size_t max_bytes) {
  return Status::TooLarge("the upload is larger than " + std::to_string(max_bytes) + " bytes");
}

}  // namespace

Status ReadUpload(const Poco::Net::HTTPRequest& request, std::istream& body, size_t max_bytes,
                  Upload* out) {
  *out = Upload();
  // Poco throws on a malformed form (a part with neither name nor filename, a missing boundary,
  // too many fields) or URI (a bad %-escape): the client's mistake, so a status, not a 500. The
  // message names the exception's kind only: Poco's text can quote the request.
  try {
    if (request.getContentType().rfind("multipart/form-data", 0) == 0) {
      FilePart part(max_bytes);
      Poco::Net::HTMLForm form;
      form.load(request, body, part);
      if (part.too_large_) return TooLarge(max_bytes);
      if (!part.found_) return Status::InvalidArgument("the form has no 'file' field");
      out->filename = part.filename_;
      out->bytes = std::move(part.bytes_);
      return Status::OK();
    }
    char buf[1 << 16];
    while (body.read(buf, sizeof buf) || body.gcount() > 0) {
      if (out->bytes.size() + static_cast<size_t>(body.gcount()) > max_bytes)
        return TooLarge(max_bytes);
      out->bytes.append(buf, static_cast<size_t>(body.gcount()));
    }
    Poco::URI uri(request.getURI());
    if (!uri.getQueryParameters().empty()) out->filename = uri.getQueryParameters().front().second;
    return Status::OK();
  } catch (const Poco::SyntaxException&) {
    return Status::Corrupt("malformed request URI");
  } catch (const Poco::Exception& e) {
    return Status::Corrupt("malformed multipart/form-data body (" + std::string(e.name()) + ")");
  }
}

}  // namespace minutes::service
