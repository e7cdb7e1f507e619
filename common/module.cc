// Finding and loading minutes_<name>.so. dlopen by hand rather than through Poco::SharedLibrary:
// Poco 1.11 always passes RTLD_LAZY (checked in Debian's libPocoFoundation.so.80), so a function
// the module needs but the installed libraries lack would be found missing only when first
// called, and the dynamic loader would then kill the process in the middle of a document.
// RTLD_NOW resolves every symbol at load time, where a failure is a Status naming the library;
// RTLD_LOCAL keeps the module's symbols (and poppler's, libpq's) out of the program's namespace,
// so nothing loaded later binds to them by accident.

#include "common/module.h"

#include <dlfcn.h>
#include <limits.h>
#include <stdlib.h>
#include <unistd.h>

#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <vector>

#ifndef MINUTES_MODULES_FROM_BIN
#define MINUTES_MODULES_FROM_BIN "../lib/minutes"
#endif
#ifndef MINUTES_MODULE_BUILD_DIR
#define MINUTES_MODULE_BUILD_DIR ""
#endif

namespace minutes {
namespace {

struct Loaded {
  Status status;
  void* handle = nullptr;  // never closed: the module's code may be running on any thread
};

std::string RealPath(const std::string& path) {
  char buf[PATH_MAX];
  return realpath(path.c_str(), buf) == nullptr ? "" : std::string(buf);
}

// The folders module.h lists, in its order.
std::vector<std::string> Folders() {
  const char* env = std::getenv("MINUTES_MODULE_DIR");
  if (env != nullptr && *env != '\0') return {env};
  std::vector<std::string> folders;
  std::string exe = RealPath("/proc/self/exe");
  size_t slash = exe.find_last_of('/');
  if (slash == std::string::npos) return folders;
  std::string bin = exe.substr(0, slash);
  folders.push_back(bin);
  folders.push_back(bin + "/" + MINUTES_MODULES_FROM_BIN);
  std::string build = RealPath(MINUTES_MODULE_BUILD_DIR);
  if (!build.empty() && build != bin && exe.compare(0, build.size() + 1, build + "/") == 0)
    folders.push_back(build);
  return folders;
}

Loaded Open(std::string_view module, std::string_view needed_for) {
  const std::string file = "minutes_" + std::string(module) + ".so";
  std::vector<std::string> folders = Folders();
  std::string looked;
  for (const std::string& folder : folders) {
    std::string path = folder + "/" + file;
    looked += (looked.empty() ? "" : ", ") + folder;
    if (access(path.c_str(), F_OK) != 0) continue;
    Loaded l;
    l.handle = dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
    if (l.handle == nullptr) {
      const char* why = dlerror();
      l.status = Status::Unsupported(std::string(needed_for) + " needs the module " + path +
                                     ", which cannot be loaded: " + (why ? why : "dlopen failed"));
    }
    return l;
  }
  Loaded l;
  l.status = Status::Unsupported(std::string(needed_for) + " needs the module " + file +
                                 ", not found in " + (looked.empty() ? "any folder" : looked));
  return l;
}

}  // namespace

Status LoadModuleSymbol(std::string_view module, std::string_view needed_for, const char* symbol,
                        void** address) {
  *address = nullptr;
  // Never destroyed, like the modules themselves: threads may load one until the process exits.
  static std::mutex* const mu = new std::mutex;
  static auto* const loaded = new std::map<std::string, Loaded, std::less<>>;
  std::lock_guard<std::mutex> lock(*mu);
  auto it = loaded->find(module);
  if (it == loaded->end()) it = loaded->emplace(module, Open(module, needed_for)).first;
  const Loaded& l = it->second;
  if (!l.status.ok()) return l.status;
  void* found = dlsym(l.handle, symbol);
  if (found == nullptr)
    return Status::Unsupported(std::string(needed_for) + " needs " + symbol + " from minutes_" +
                               std::string(module) + ".so, which lacks it (not from this build)");
  *address = found;
  return Status::OK();
}

}  // namespace minutes
