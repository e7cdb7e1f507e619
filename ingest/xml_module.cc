// The module minutes_xml.so: the "docx" and "html" readers, which need libxml2 (xml_module.h). The
// readers themselves are in the static library minutes_ingest_xml (docx_reader.cc, html_reader.cc
// and the parsing they share); this file is the module's one export.

#include "ingest/xml_module.h"

// The module's one export (the module is built with hidden visibility; see minutes_add_module).
extern "C" __attribute__((visibility("default")))
const minutes::XmlModule minutes_xml_module = {&minutes::ReadDocx, &minutes::ReadHtml};
