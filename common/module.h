// Module: a part of minutes built as its own shared object and loaded the first time it is needed,
// so that what only some inputs use costs nothing to the rest. Reading a PDF needs poppler (and
// through it nss, tiff, openjpeg, lcms, fontconfig, freetype, ...), loading into PostgreSQL needs
// libpq (krb5, ldap, gnutls, ssl, ...): linked into the program, those ~45 libraries were mapped
// and relocated by every run, and made up most of the start-up of `minutes extract notes.txt`.
// Reading a Word document or an HTML page needs libxml2 (and liblzma): ~0.85 ms of every start.
//
//   using ReadFn = minutes::Status (*)(std::string_view);
//   void* entry = nullptr;
//   minutes::Status s = minutes::LoadModuleSymbol("pdf", "reading a PDF", "minutes_pdf_read",
//                                                 &entry);
//   if (!s.ok()) return s;  // "reading a PDF needs the module minutes_pdf.so, not found in ..."
//   return reinterpret_cast<ReadFn>(entry)(bytes);
//
// A module is minutes_<name>.so, built and installed with the program (CMake's minutes_module()),
// and must come from the same build: it shares the program's headers, so no version check is made.
// Where it is looked for, first found wins:
//   1. $MINUTES_MODULE_DIR, when set and not empty, and nowhere else (to point a program at other
//      modules, or at none);
//   2. the program's own folder (build/minutes beside build/minutes_pdf.so);
//   3. <the program's folder>/../lib/minutes, the installed layout (`cmake --install`, the .deb);
//   4. the build tree's top folder, where the modules are built, when the running program lies
//      inside that build tree (the test programs in its subfolders). An installed program never
//      falls back to the build tree that made it.

#ifndef MINUTES_COMMON_MODULE_H_
#define MINUTES_COMMON_MODULE_H_

#include <string_view>

#include "common/status.h"

namespace minutes {

// Loads minutes_<module>.so (once per process; it is never unloaded) and stores in *address the
// address of the extern "C" `symbol` it exports. `needed_for` says what the module is for, in a
// phrase that completes "... needs <module>" in the message ("reading a PDF").
// Fails, leaving *address null, with kUnsupported when the module is in none of the places above
// ("reading a PDF needs the module minutes_pdf.so, not found in /usr/lib/minutes"), or when it is
// there but cannot be loaded (a library it needs is missing: the loader's one-line reason) or
// lacks `symbol`. A failed load is not retried: every later call returns the same status.
// Thread-safe.
Status LoadModuleSymbol(std::string_view module, std::string_view needed_for, const char* symbol,
                        void** address);

}  // namespace minutes

#endif  // MINUTES_COMMON_MODULE_H_
