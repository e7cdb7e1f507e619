#include "batch/output_log.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <utility>

namespace minutes::batch {
namespace {

std::string InFolder(const std::string& dir, const std::string& file) {
  return dir.empty() || dir.back() == '/' ? dir + file : dir + "/" + file;
}

}  // namespace

OutputLog::OutputLog(std::string dir, std::string name)
    : dir_(std::move(dir)), file_(std::move(name) + ".bin") {}

OutputLog::~OutputLog() {
  if (fd_ >= 0) ::close(fd_);
}

Status OutputLog::Append(std::string_view bytes, OutputPlace* at) {
  const std::string path = InFolder(dir_, file_);
  auto failed = [&path](const char* what) {
    return Status::IoError(path + ": " + what + ": " + std::strerror(errno));
  };
  if (fd_ < 0) {
    fd_ = ::open(path.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
    if (fd_ < 0) return failed("cannot open the output log");
  }
  // The end, asked each time: an append that failed part-way leaves bytes no place names.
  struct stat st;
  if (::fstat(fd_, &st) != 0) return failed("cannot read the output log's size");
  at->file = file_;
  at->offset = static_cast<uint64_t>(st.st_size);
  at->length = bytes.size();
  while (!bytes.empty()) {
    ssize_t w = ::write(fd_, bytes.data(), bytes.size());
    if (w < 0 && errno == EINTR) continue;
    if (w <= 0) return failed("cannot write a document's output");
    bytes.remove_prefix(static_cast<size_t>(w));
  }
  return Status::OK();
}

OutputLogReader::OutputLogReader(std::string dir) : dir_(std::move(dir)) {}

OutputLogReader::~OutputLogReader() { Release(); }

void OutputLogReader::Release() {
  for (const Mapping& m : mappings_) ::munmap(const_cast<char*>(m.data), m.size);
  mappings_.clear();
  mapped_.clear();
}

Status OutputLogReader::Read(const OutputPlace& at, std::string_view* out) {
  const std::string path = InFolder(dir_, at.file);
  auto failed = [&path](const char* what) {
    return Status::IoError(path + ": " + what + ": " + std::strerror(errno));
  };
  Mapping& m = mapped_[at.file];
  if (at.offset > m.size || at.length > m.size - at.offset) {  // not mapped, or grown since
    int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return failed("cannot open the output log");
    struct stat st;
    if (::fstat(fd, &st) != 0) {
      Status s = failed("cannot read the output log's size");
      ::close(fd);
      return s;
    }
    const size_t size = static_cast<size_t>(st.st_size);
    void* data = size == 0 ? MAP_FAILED : ::mmap(nullptr, size, PROT_READ, MAP_SHARED, fd, 0);
    ::close(fd);  // the mapping keeps the file
    if (data != MAP_FAILED) {
      m = {static_cast<const char*>(data), size};
      mappings_.push_back(m);
    } else if (size != 0) {
      return failed("cannot map the output log");
    }
    if (at.offset > m.size || at.length > m.size - at.offset)
      return Status::IoError(path + ": a document's output ends past the end of the file");
  }
  *out = std::string_view(m.data + at.offset, at.length);
  return Status::OK();
}

int64_t OutputLogReader::FileSize(const std::string& dir, const std::string& file) {
  struct stat st;
  if (::stat(InFolder(dir, file).c_str(), &st) != 0) return -1;
  return static_cast<int64_t>(st.st_size);
}

}  // namespace minutes::batch
