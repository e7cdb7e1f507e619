// PLACEHOLDER until the text reader lands: UTF-8 only, one paragraph per line.
#include "ingest/text_reader.h"

namespace minutes {

Status DecodeText(std::string_view bytes, std::string* utf8) {
  utf8->assign(bytes);
  return Status::OK();
}

void ParseTextBlocks(std::string_view utf8, Document* doc) {
  size_t pos = 0;
  while (pos <= utf8.size()) {
    size_t nl = utf8.find('\n', pos);
    if (nl == std::string_view::npos) nl = utf8.size();
    Block b;
    b.text = std::string(utf8.substr(pos, nl - pos));
    if (!b.text.empty()) doc->body.push_back(std::move(b));
    pos = nl + 1;
  }
}

}  // namespace minutes
