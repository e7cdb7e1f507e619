// Internal to ingest: what every libxml2 parse here shares (docx_xml.cc, html_reader.cc).
//
//   minutes::InitLibxml2();
//   minutes::LibxmlErrors errors;
//   xmlSetStructuredErrorFunc(&errors, minutes::LibxmlErrors::Collect);  // or a SAX2 serror
//   ... parse ...
//   if (Status s = errors.LimitStatus("XML in word/document.xml", max_depth); !s.ok()) return s;
//   if (errors.seen()) return Status::Corrupt("malformed XML ...: " + errors.message());
//
// libxml2 (2.9.14 on Debian 12) stops at limits of its own unless XML_PARSE_HUGE is set, which we
// never set: a text node, attribute value, comment, processing instruction or CDATA section over
// 10,000,000 bytes, a name over 50,000 bytes, a lookahead over 10,000,000 bytes, nesting over 256
// levels. It reports them as errors like any malformation, so
// LimitStatus tells them apart (by error code, and by message only where one code covers both a
// limit and a malformation) and names the limit, as a kTooLarge a user can act on.

#ifndef MINUTES_INGEST_LIBXML_H_
#define MINUTES_INGEST_LIBXML_H_

#include <libxml/xmlerror.h>

#include <string>
#include <string_view>

#include "common/status.h"

namespace minutes {

// Initialises libxml2 once per process and installs a deny-all external entity loader, so that no
// document can make a parse read another file or the network. Thread-safe; call before any parse.
void InitLibxml2();

// A libxml2 message as one line: its lines (libxml2 ends messages with '\n' and splits some over
// two, "Input is not proper UTF-8, indicate encoding !\nBytes: 0xFF ...") trimmed and joined
// with "; ".
std::string LibxmlMessageLine(std::string_view message);

// What LimitStatus says, after "<where> ", of a text node over libxml2's XML_MAX_TEXT_LENGTH:
// a SAX parse that builds its own text (docx_xml.cc) keeps the limit libxml2's tree builder would.
std::string LibxmlTextNodeLimit();
// Likewise for nesting past libxml2's xmlParserMaxDepth; `max_depth` is the caller's max_xml_depth.
std::string LibxmlDepthLimit(int max_depth);

// Collects the errors libxml2 reports during one parse. Not thread-safe: one per parse.
class LibxmlErrors {
 public:
  // An xmlStructuredErrorFunc; `self` is the LibxmlErrors. Warnings are ignored.
  static void Collect(void* self, xmlErrorPtr error);

  // Whether an error (not a warning) was reported.
  bool seen() const { return seen_; }
  // The first error's line in the input, its libxml2 code (xmlParserErrors) and its message, one
  // line ("" when none was seen).
  int line() const { return line_; }
  int code() const { return code_; }
  const std::string& message() const { return message_; }

  // kTooLarge "<where> <states the limit>" when any error reported was one of libxml2's own limits
  // or its allocation failure, e.g. "XML in word/document.xml has a text node over libxml2's
  // 10,000,000-byte limit"; `max_depth` is the caller's max_xml_depth, named when libxml2's depth
  // limit (which max_xml_depth cannot raise) is the one hit. OK otherwise.
  Status LimitStatus(std::string_view where, int max_depth) const;

 private:
  bool seen_ = false;
  int line_ = 0;
  int code_ = 0;
  std::string message_;
  int limit_code_ = 0;  // the first error that is a limit: its code and message, else 0
  std::string limit_message_;
};

}  // namespace minutes

#endif  // MINUTES_INGEST_LIBXML_H_
