// Extract: a Workspace per document, the registered steps run over it in dependency order.

#include "extract/extract.h"

#include <new>

#include "common/deadline.h"
#include "extract/steps.h"
#include "normalize/normalize.h"

namespace minutes {

Source SourceOf(const std::string& path, const Document& doc) {
  return Source{path, doc.sha256, doc.format, doc.source_bytes, {}};
}

Status Extract(const Document& doc, const Source& source, const ExtractOptions& options,
               Extraction* x) {
  const Deadline deadline = Deadline::After(options.max_seconds);
  // Allocation can fail in any step; it is the memory limit of the machine, reported like the
  // others rather than aborting the process.
  try {
    const normalize::LaRegister& las =
        options.la_register != nullptr ? *options.la_register : normalize::LaRegister::Default();
    Workspace w(doc, las, options);
    w.match.region = options.region;
    w.x.source = source;
    w.x.la_register_version = las.version();
    Status s = RunSteps(&w, deadline);
    if (!s.ok()) return s;
    *x = std::move(w.x);
  } catch (const std::bad_alloc&) {
    return Status::TooLarge("out of memory extracting the document");
  }
  return Status::OK();
}

Extraction Extract(const Document& doc, const Source& source, const ExtractOptions& options) {
  ExtractOptions unlimited = options;
  unlimited.max_seconds = 0;
  Extraction x;
  Status s = Extract(doc, source, unlimited, &x);
  if (!s.ok()) throw std::bad_alloc();  // the one failure left without a time limit
  return x;
}

}  // namespace minutes
