// Internal to export: a streaming JSON writer with correct indentation at every depth.
//
//   std::string s;
//   JsonOut out(&s, /*indent=*/2);
//   out.BeginObject();
//   out.Key("amount"); out.RawNumber("1234567.89");
//   out.Key("codes"); out.BeginArray(); out.String("E10000030"); out.EndArray();
//   out.EndObject();                      // s holds the text; no trailing newline
//
// Given a sink, it hands the text on in pieces of about kFlushBytes as it goes (and the rest at
// Flush), so a large document is never held whole: the same bytes, in bounded memory.
//
// Written by hand rather than with Poco::JSON::PrintHandler because Poco 1.11's handler indents
// objects inside arrays erratically (it counts arrays instead of keeping a stack) and prints
// doubles with six significant digits. Strings are written as UTF-8 with only the escapes JSON
// requires; a byte sequence that is not UTF-8 becomes U+FFFD, so the output is always valid JSON.
// Not thread-safe; cheap to create.

#ifndef MINUTES_EXPORT_JSON_OUT_H_
#define MINUTES_EXPORT_JSON_OUT_H_

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace minutes::internal {

class JsonOut {
 public:
  using Sink = std::function<void(std::string_view)>;
  // How much text the writer holds before handing it to its sink.
  static constexpr size_t kFlushBytes = 64 << 10;

  // Appends to `*out`. `indent` 0 writes everything on one line with no spaces.
  JsonOut(std::string* out, int indent);
  // Writes through `*out` into `sink` (which must outlive the writer): whenever `*out` holds
  // kFlushBytes or more after a value, it is passed to `sink` and emptied.
  JsonOut(std::string* out, int indent, const Sink* sink);

  // Passes what `*out` holds to the sink, if there is one, and empties it.
  void Flush();

  void BeginObject();
  void EndObject();
  void BeginArray();
  void EndArray();
  // The key of the next value inside an object.
  void Key(std::string_view key);

  void String(std::string_view s);
  void Null();
  void Bool(bool b);
  void Integer(uint64_t n);
  // Shortest text that reads back as the same double; null for NaN and infinities.
  void Number(double d);
  // A number already formatted as JSON (an exact decimal such as an Amount).
  void RawNumber(std::string_view text);

 private:
  void BeforeValue();
  void Open(char c);
  void Close(char c);
  void NewLine(size_t depth);
  // After each value: passes the text on once there is enough of it.
  void Wrote() {
    if (sink_ != nullptr && out_->size() >= kFlushBytes) Flush();
  }

  std::string* out_;
  const Sink* sink_ = nullptr;
  int indent_;
  // One entry per open container: how many values it holds so far.
  std::vector<size_t> counts_;
  bool after_key_ = false;
};

// Appends `s` to `*out` as a JSON string literal, quotes included.
void AppendJsonString(std::string_view s, std::string* out);

}  // namespace minutes::internal

#endif  // MINUTES_EXPORT_JSON_OUT_H_
