#include "batch/walk.h"

#include <dirent.h>
#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include "ingest/ingest.h"
#include "ingest/reader.h"

namespace minutes::batch {
namespace {

std::string Extension(const std::string& path) {
  size_t slash = path.rfind('/');
  size_t dot = path.rfind('.');
  if (dot == std::string::npos || (slash != std::string::npos && dot < slash)) return "";
  return path.substr(dot + 1);
}

std::string BaseName(const std::string& path) {
  size_t slash = path.rfind('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

void Visit(const std::string& path, bool top, Walked* out);

void VisitFolder(const std::string& path, Walked* out) {
  DIR* d = opendir(path.c_str());
  if (d == nullptr) {
    out->errors.push_back({path, "cannot read", std::strerror(errno)});
    return;
  }
  std::vector<std::string> names;
  while (dirent* e = readdir(d)) {
    std::string n = e->d_name;
    if (n != "." && n != "..") names.push_back(n);
  }
  closedir(d);
  std::sort(names.begin(), names.end());
  std::string base = path;
  if (!base.empty() && base.back() != '/') base += '/';
  for (const std::string& n : names) Visit(base + n, false, out);
}

void Visit(const std::string& path, bool top, Walked* out) {
  struct stat link;
  if (::lstat(path.c_str(), &link) != 0) {
    out->errors.push_back({path, "cannot read", std::strerror(errno)});
    return;
  }
  struct stat st = link;
  if (S_ISLNK(link.st_mode) && ::stat(path.c_str(), &st) != 0) {
    out->errors.push_back(
        {path, "cannot read", std::string("broken link: ") + std::strerror(errno)});
    return;
  }
  if (S_ISDIR(st.st_mode)) {
    if (S_ISLNK(link.st_mode) && !top) {
      out->skipped.push_back({path, "", "a link to a folder (not followed)"});
      return;
    }
    VisitFolder(path, out);
    return;
  }
  if (!S_ISREG(st.st_mode)) {
    out->skipped.push_back({path, "", "not a regular file"});
    return;
  }
  std::string ext = Extension(path);
  if (ReaderForExtension(ext) == nullptr) {
    std::string known;
    for (const Reader* r : Readers())
      for (std::string_view e : r->extensions())
        known += (known.empty() ? "." : ", .") + std::string(e);
    out->skipped.push_back({path, "",
                            (ext.empty() ? std::string("no extension") : "." + ext) +
                                ": not a notes format (" + known + ")"});
    return;
  }
  // Word's lock file beside an open document ("~$notes.docx"): a few bytes of its owner's name.
  if (BaseName(path).rfind("~$", 0) == 0) {
    out->skipped.push_back({path, "", "a Word lock file, not a document"});
    return;
  }
  out->files.push_back({path, static_cast<uint64_t>(st.st_size),
                        static_cast<int64_t>(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec});
}

}  // namespace

Walked Walk(const std::vector<std::string>& inputs) {
  Walked out;
  for (const std::string& input : inputs) Visit(input, true, &out);
  auto by_path = [](const auto& a, const auto& b) { return a.path < b.path; };
  std::sort(out.files.begin(), out.files.end(), by_path);
  std::sort(out.skipped.begin(), out.skipped.end(), by_path);
  std::sort(out.errors.begin(), out.errors.end(), by_path);
  // The same path given twice (a folder and a file in it) is one path.
  auto same = [](const auto& a, const auto& b) { return a.path == b.path; };
  out.files.erase(std::unique(out.files.begin(), out.files.end(), same), out.files.end());
  out.skipped.erase(std::unique(out.skipped.begin(), out.skipped.end(), same), out.skipped.end());
  out.errors.erase(std::unique(out.errors.begin(), out.errors.end(), same), out.errors.end());
  return out;
}

}  // namespace minutes::batch
