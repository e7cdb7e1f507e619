// The reader registry: the one list of input formats, in sniff order. A new format is one
// <name>_reader.cc and one line in the list below (see reader.h).

#include <string>
#include <string_view>
#include <vector>

#include "ingest/ingest.h"
#include "ingest/reader.h"

namespace minutes {

const std::vector<const Reader*>& Readers() {
  // Sniff order: the first reader that claims the bytes reads them. DOCX is told by its zip
  // signature, PDF by "%PDF-" in its first KiB, HTML by a doctype or <html> tag near the start;
  // text claims anything (and refuses binary itself), so it must stay last.
  // Never destroyed, so a reader may be looked up from any thread until the process exits.
  static const std::vector<const Reader*>* const kReaders = new std::vector<const Reader*>{
      DocxFormatReader(),
      PdfFormatReader(),
      HtmlFormatReader(),
      TextFormatReader(),
  };
  return *kReaders;
}

const Reader* FindReader(std::string_view name) {
  for (const Reader* r : Readers())
    if (r->name() == name) return r;
  return nullptr;
}

const Reader* ReaderForExtension(std::string_view extension) {
  std::string lower(extension);
  for (char& c : lower)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  for (const Reader* r : Readers())
    for (std::string_view e : r->extensions())
      if (e == lower) return r;
  return nullptr;
}

std::string ReaderNames(std::string_view separator) {
  std::string names;
  for (const Reader* r : Readers()) {
    if (!names.empty()) names += separator;
    names += r->name();
  }
  return names;
}

}  // namespace minutes
