#include "ingest/status.h"

namespace minutes {

std::string Status::ToString() const {
  const char* kind = "OK";
  switch (code_) {
    case Code::kOk:
      return "OK";
    case Code::kInvalidArgument:
      kind = "invalid argument";
      break;
    case Code::kIoError:
      kind = "cannot read";
      break;
    case Code::kUnsupported:
      kind = "unsupported format";
      break;
    case Code::kCorrupt:
      kind = "corrupt";
      break;
    case Code::kTooLarge:
      kind = "limit exceeded";
      break;
  }
  return std::string(kind) + ": " + message_;
}

int Status::exit_code() const {
  if (ok()) return 0;
  if (code_ == Code::kInvalidArgument) return 2;
  return 3;
}

}  // namespace minutes
