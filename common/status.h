// Status: the outcome of an operation that can fail, LevelDB style. The one error type of every
// stage; only the CLI turns it into an exit code.
//
//   minutes::Status s = minutes::ReadFile(path, options, &doc);
//   if (!s.ok()) {
//     std::cerr << path << ": " << s.ToString() << "\n";   // "corrupt: truncated zip archive"
//     return s;
//   }
//
// A default-constructed Status is OK. No stage API throws: libraries that do (Poco) are caught at
// the stage boundary and turned into a Status. Status is a small value type, cheap to copy and
// move.

#ifndef MINUTES_COMMON_STATUS_H_
#define MINUTES_COMMON_STATUS_H_

#include <string>
#include <string_view>
#include <utility>

namespace minutes {

class Status {
 public:
  enum class Code {
    kOk = 0,
    kInvalidArgument,  // the caller asked for something that makes no sense (bad option, config)
    kIoError,          // a file could not be opened, read or written (missing, directory, full)
    kUnsupported,      // a real format we do not read (legacy .doc, encrypted Word, binary)
    kCorrupt,          // the bytes claim a format but break it (truncated zip, malformed XML)
    kTooLarge,         // a configured limit was hit (input size, decompressed size, ratio, depth)
    kNoText,           // a readable file with no text to read (a PDF scan without a text layer)
  };

  Status() = default;

  static Status OK() { return Status(); }
  static Status InvalidArgument(std::string_view msg) {
    return Status(Code::kInvalidArgument, msg);
  }
  static Status IoError(std::string_view msg) { return Status(Code::kIoError, msg); }
  static Status Unsupported(std::string_view msg) { return Status(Code::kUnsupported, msg); }
  static Status Corrupt(std::string_view msg) { return Status(Code::kCorrupt, msg); }
  static Status TooLarge(std::string_view msg) { return Status(Code::kTooLarge, msg); }
  static Status NoText(std::string_view msg) { return Status(Code::kNoText, msg); }

  bool ok() const { return code_ == Code::kOk; }
  Code code() const { return code_; }
  // The reason alone, e.g. "not a zip archive (no end-of-central-directory record)".
  const std::string& message() const { return message_; }

  // The error kind as users read it: "cannot read", "corrupt", "limit exceeded", ...; "OK".
  std::string_view kind() const;

  // "<kind>: <message>", e.g. "corrupt: truncated zip archive"; "OK" when ok().
  std::string ToString() const;

 private:
  Status(Code code, std::string_view msg) : code_(code), message_(msg) {}

  Code code_ = Code::kOk;
  std::string message_;
};

}  // namespace minutes

#endif  // MINUTES_COMMON_STATUS_H_
