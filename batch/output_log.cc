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

MappedRecord::~MappedRecord() {
  if (map_ != nullptr) ::munmap(map_, map_size_);
}

MappedRecord::MappedRecord(MappedRecord&& other) noexcept { *this = std::move(other); }

MappedRecord& MappedRecord::operator=(MappedRecord&& other) noexcept {
  if (this != &other) {
    if (map_ != nullptr) ::munmap(map_, map_size_);
    map_ = std::exchange(other.map_, nullptr);
    map_size_ = std::exchange(other.map_size_, 0);
    bytes_ = std::exchange(other.bytes_, std::string_view());
  }
  return *this;
}

OutputLogReader::OutputLogReader(std::string dir) : dir_(std::move(dir)) {}

OutputLogReader::~OutputLogReader() {
  for (const auto& [file, fd] : open_) ::close(fd);
}

Status OutputLogReader::Read(const OutputPlace& at, MappedRecord* out) {
  *out = MappedRecord();
  const std::string path = InFolder(dir_, at.file);
  auto failed = [&path](const char* what) {
    return Status::IoError(path + ": " + what + ": " + std::strerror(errno));
  };
  auto it = open_.find(at.file);
  if (it == open_.end()) {
    int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return failed("cannot open the output log");
    it = open_.emplace(at.file, fd).first;
  }
  struct stat st;
  if (::fstat(it->second, &st) != 0) return failed("cannot read the output log's size");
  const uint64_t size = static_cast<uint64_t>(st.st_size);
  if (at.offset > size || at.length > size - at.offset)
    return Status::IoError(path + ": a document's output ends past the end of the file");
  if (at.length == 0) return Status::OK();
  // A mapping starts on a page.
  static const uint64_t kPage = static_cast<uint64_t>(::sysconf(_SC_PAGESIZE));
  const uint64_t start = at.offset / kPage * kPage;
  const size_t map_size = static_cast<size_t>(at.offset - start + at.length);
  void* map =
      ::mmap(nullptr, map_size, PROT_READ, MAP_SHARED, it->second, static_cast<off_t>(start));
  if (map == MAP_FAILED) return failed("cannot map the output log");
  out->map_ = map;
  out->map_size_ = map_size;
  out->bytes_ = std::string_view(static_cast<const char*>(map) + (at.offset - start), at.length);
  return Status::OK();
}

int64_t OutputLogReader::FileSize(const std::string& dir, const std::string& file) {
  struct stat st;
  if (::stat(InFolder(dir, file).c_str(), &st) != 0) return -1;
  return static_cast<int64_t>(st.st_size);
}

}  // namespace minutes::batch
