#include "ingest/libxml.h"

#include <libxml/parser.h>
#include <libxml/parserInternals.h>

#include <mutex>

namespace minutes {
namespace {

xmlParserInputPtr DenyExternalEntity(const char* /*url*/, const char* /*id*/,
                                     xmlParserCtxtPtr /*ctxt*/) {
  return nullptr;
}

// 10000000 -> "10,000,000".
std::string Grouped(unsigned long n) {
  std::string digits = std::to_string(n), out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

std::string OverBytes(const char* what, unsigned long limit) {
  return std::string("has ") + what + " over libxml2's " + Grouped(limit) + "-byte limit";
}

bool Has(std::string_view message, std::string_view part) {
  return message.find(part) != std::string_view::npos;
}

// What the limit says after "<where> " when `code` (with `message`, where one code covers both a
// limit and a malformation) is one of libxml2 2.9.14's own limits; "" when it is not. The codes and
// texts are those of parser.c and SAX2.c in 2.9.14.
std::string LimitReached(int code, std::string_view message, int max_depth) {
  switch (code) {
    case XML_ERR_NO_MEMORY:
      // SAX2 reports a text node past XML_MAX_TEXT_LENGTH as an allocation failure.
      if (Has(message, "huge text node")) return OverBytes("a text node", XML_MAX_TEXT_LENGTH);
      return "ran libxml2 out of memory";
    case XML_ERR_NAME_TOO_LONG:
      return OverBytes("a name", XML_MAX_NAME_LENGTH);
    case XML_ERR_ENTITY_LOOP:
      return "expands entities past libxml2's limit";
    case XML_ERR_INTERNAL_ERROR:
      if (Has(message, "Huge input lookup"))
        return OverBytes("one piece of markup", XML_MAX_LOOKUP_LIMIT) + " on lookahead";
      if (Has(message, "Excessive depth")) return LibxmlDepthLimit(max_depth);
      return "";
    case XML_ERR_ATTRIBUTE_NOT_FINISHED:
      return Has(message, "too long") ? OverBytes("an attribute value", XML_MAX_TEXT_LENGTH) : "";
    case XML_ERR_COMMENT_NOT_FINISHED:
      return Has(message, "too big") ? OverBytes("a comment", XML_MAX_TEXT_LENGTH) : "";
    case XML_ERR_PI_NOT_FINISHED:
      return Has(message, "too big") ? OverBytes("a processing instruction", XML_MAX_TEXT_LENGTH)
                                     : "";
    case XML_ERR_CDATA_NOT_FINISHED:
      return Has(message, "too big") ? OverBytes("a CDATA section", XML_MAX_TEXT_LENGTH) : "";
    default:
      return "";
  }
}

}  // namespace

void InitLibxml2() {
  static std::once_flag once;
  std::call_once(once, [] {
    xmlInitParser();
    xmlSetExternalEntityLoader(DenyExternalEntity);
  });
}

std::string LibxmlMessageLine(std::string_view message) {
  std::string out;
  size_t start = 0;
  while (start <= message.size()) {
    size_t end = message.find_first_of("\r\n", start);
    if (end == std::string_view::npos) end = message.size();
    std::string_view line = message.substr(start, end - start);
    size_t first = line.find_first_not_of(" \t");
    if (first != std::string_view::npos) {
      line = line.substr(first, line.find_last_not_of(" \t") + 1 - first);
      if (!out.empty()) out += "; ";
      out += line;
    }
    start = end + 1;
  }
  return out;
}

std::string LibxmlDepthLimit(int max_depth) {
  return "nests deeper than libxml2's limit of " + std::to_string(xmlParserMaxDepth) +
         " levels, which max_xml_depth (" + std::to_string(max_depth) + ") cannot raise";
}

std::string LibxmlTextNodeLimit() { return OverBytes("a text node", XML_MAX_TEXT_LENGTH); }

void LibxmlErrors::Collect(void* self, xmlErrorPtr error) {
  auto* errors = static_cast<LibxmlErrors*>(self);
  if (error == nullptr || error->level < XML_ERR_ERROR) return;
  std::string message = LibxmlMessageLine(error->message ? error->message : "unknown error");
  if (errors->limit_code_ == 0 && !LimitReached(error->code, message, 0).empty()) {
    errors->limit_code_ = error->code;
    errors->limit_message_ = message;
  }
  if (errors->seen_) return;
  errors->seen_ = true;
  errors->line_ = error->line;
  errors->code_ = error->code;
  errors->message_ = std::move(message);
}

Status LibxmlErrors::LimitStatus(std::string_view where, int max_depth) const {
  if (limit_code_ == 0) return Status::OK();
  return Status::TooLarge(std::string(where) + " " +
                          LimitReached(limit_code_, limit_message_, max_depth));
}

}  // namespace minutes
