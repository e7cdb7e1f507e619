// Extract: a Workspace per document, the registered steps run over it in dependency order.

#include "extract/extract.h"

#include "extract/steps.h"
#include "normalize/normalize.h"

namespace minutes {

Source SourceOf(const std::string& path, const Document& doc) {
  return Source{path, doc.sha256, doc.format, doc.source_bytes};
}

Extraction Extract(const Document& doc, const Source& source, const ExtractOptions& options) {
  const normalize::LaRegister& las =
      options.la_register != nullptr ? *options.la_register : normalize::LaRegister::Default();
  Workspace w(doc, las, options);
  w.match.region = options.region;
  w.x.source = source;
  w.x.la_register_version = las.version();
  RunSteps(&w);
  return std::move(w.x);
}

}  // namespace minutes
