#include "common/status.h"

namespace minutes {

std::string_view Status::kind() const {
  switch (code_) {
    case Code::kOk:
      return "OK";
    case Code::kInvalidArgument:
      return "invalid argument";
    case Code::kIoError:
      return "cannot read";
    case Code::kUnsupported:
      return "unsupported format";
    case Code::kCorrupt:
      return "corrupt";
    case Code::kTooLarge:
      return "limit exceeded";
    case Code::kNoText:
      return "no text";
  }
  return "unknown";
}

std::string Status::ToString() const {
  if (ok()) return "OK";
  return std::string(kind()) + ": " + message_;
}

}  // namespace minutes
