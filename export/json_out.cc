#include "export/json_out.h"

#include <charconv>
#include <cmath>

namespace minutes::internal {
namespace {

// The length of the valid UTF-8 sequence at s[i], or 0 if it is not one (overlong forms,
// surrogates and code points past U+10FFFF are not UTF-8).
size_t Utf8Length(std::string_view s, size_t i) {
  auto byte = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
  unsigned char c = byte(i);
  size_t n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 ? 2 : 0;
  if (c > 0xF4 || n == 0 || i + n > s.size()) return 0;
  for (size_t k = 1; k < n; ++k)
    if ((byte(i + k) & 0xC0) != 0x80) return 0;
  if (n == 3 && c == 0xE0 && byte(i + 1) < 0xA0) return 0;   // overlong
  if (n == 3 && c == 0xED && byte(i + 1) >= 0xA0) return 0;  // surrogate
  if (n == 4 && c == 0xF0 && byte(i + 1) < 0x90) return 0;   // overlong
  if (n == 4 && c == 0xF4 && byte(i + 1) >= 0x90) return 0;  // past U+10FFFF
  return n;
}

}  // namespace

void AppendJsonString(std::string_view s, std::string* out) {
  static const char kHex[] = "0123456789abcdef";
  out->push_back('"');
  size_t i = 0;
  while (i < s.size()) {
    // Copy the longest run of bytes that need nothing done to them at once.
    size_t run = i;
    while (run < s.size()) {
      unsigned char c = static_cast<unsigned char>(s[run]);
      if (c < 0x20 || c == '"' || c == '\\' || c >= 0x80) break;
      ++run;
    }
    out->append(s.data() + i, run - i);
    i = run;
    if (i >= s.size()) break;
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c >= 0x80) {
      size_t n = Utf8Length(s, i);
      if (n == 0) {
        out->append("\xEF\xBF\xBD");  // U+FFFD for a byte that is not UTF-8
        ++i;
      } else {
        out->append(s.data() + i, n);
        i += n;
      }
      continue;
    }
    switch (c) {
      case '"':
        out->append("\\\"");
        break;
      case '\\':
        out->append("\\\\");
        break;
      case '\n':
        out->append("\\n");
        break;
      case '\t':
        out->append("\\t");
        break;
      case '\r':
        out->append("\\r");
        break;
      case '\b':
        out->append("\\b");
        break;
      case '\f':
        out->append("\\f");
        break;
      default:
        out->append("\\u00");
        out->push_back(kHex[c >> 4]);
        out->push_back(kHex[c & 0xF]);
    }
    ++i;
  }
  out->push_back('"');
}

JsonOut::JsonOut(std::string* out, int indent) : out_(out), indent_(indent < 0 ? 0 : indent) {}

JsonOut::JsonOut(std::string* out, int indent, const Sink* sink)
    : out_(out), sink_(sink), indent_(indent < 0 ? 0 : indent) {}

void JsonOut::Flush() {
  if (sink_ == nullptr || out_->empty()) return;
  (*sink_)(*out_);
  out_->clear();
}

void JsonOut::NewLine(size_t depth) {
  if (indent_ == 0) return;
  out_->push_back('\n');
  out_->append(depth * static_cast<size_t>(indent_), ' ');
}

void JsonOut::BeforeValue() {
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (counts_.empty()) return;
  if (counts_.back()++ > 0) out_->push_back(',');
  NewLine(counts_.size());
}

void JsonOut::Open(char c) {
  BeforeValue();
  out_->push_back(c);
  counts_.push_back(0);
}

void JsonOut::Close(char c) {
  size_t n = counts_.back();
  counts_.pop_back();
  if (n > 0) NewLine(counts_.size());
  out_->push_back(c);
  Wrote();
}

void JsonOut::BeginObject() { Open('{'); }
void JsonOut::EndObject() { Close('}'); }
void JsonOut::BeginArray() { Open('['); }
void JsonOut::EndArray() { Close(']'); }

void JsonOut::Key(std::string_view key) {
  BeforeValue();
  AppendJsonString(key, out_);
  out_->append(indent_ == 0 ? ":" : ": ");
  after_key_ = true;
}

void JsonOut::String(std::string_view s) {
  BeforeValue();
  AppendJsonString(s, out_);
  Wrote();
}

void JsonOut::Null() {
  BeforeValue();
  out_->append("null");
  Wrote();
}

void JsonOut::Bool(bool b) {
  BeforeValue();
  out_->append(b ? "true" : "false");
  Wrote();
}

void JsonOut::Integer(uint64_t n) {
  BeforeValue();
  char buf[24];
  auto r = std::to_chars(buf, buf + sizeof buf, n);
  out_->append(buf, r.ptr);
  Wrote();
}

void JsonOut::Number(double d) {
  if (!std::isfinite(d)) return Null();
  BeforeValue();
  char buf[32];
  auto r = std::to_chars(buf, buf + sizeof buf, d);
  out_->append(buf, r.ptr);
  Wrote();
}

void JsonOut::RawNumber(std::string_view text) {
  BeforeValue();
  out_->append(text);
  Wrote();
}

}  // namespace minutes::internal
