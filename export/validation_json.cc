// The findings of one document as `minutes validate --format json` and POST /api/v1/validate give
// them.

#include <algorithm>

#include "export/export.h"
#include "export/json_out.h"

namespace minutes {

std::pair<size_t, size_t> LineColumn(std::string_view text, size_t pos) {
  pos = std::min(pos, text.size());
  size_t line = 1 + std::count(text.begin(), text.begin() + pos, '\n');
  size_t line_start = pos == 0 ? std::string_view::npos : text.rfind('\n', pos - 1);
  line_start = line_start == std::string_view::npos ? 0 : line_start + 1;
  return {line, pos - line_start + 1};
}

std::string ValidationJson(const Extraction& x, std::string_view text, bool strict) {
  std::string json;
  internal::JsonOut j(&json, 0);
  j.BeginObject();
  j.Key("path");
  j.String(x.source.path);
  j.Key("sha256");
  j.String(x.source.sha256);
  j.Key("valid");
  j.Bool(!x.HasFindingsToFix(strict));
  j.Key("findings");
  j.BeginArray();
  for (const Finding& f : x.findings) {
    auto [line, column] = LineColumn(text, f.span.start);
    j.BeginObject();
    j.Key("code");
    j.String(f.code);
    j.Key("severity");
    j.String(EnumName(f.severity));
    j.Key("message");
    j.String(f.message);
    j.Key("line");
    j.Integer(line);
    j.Key("column");
    j.Integer(column);
    j.Key("span");
    j.BeginObject();
    j.Key("start");
    j.Integer(f.span.start);
    j.Key("end");
    j.Integer(f.span.end);
    j.EndObject();
    j.Key("text");
    j.String(f.span.end > f.span.start && f.span.end <= text.size()
                 ? text.substr(f.span.start, f.span.size())
                 : std::string_view());
    j.EndObject();
  }
  j.EndArray();
  j.EndObject();
  json.push_back('\n');
  return json;
}

}  // namespace minutes
