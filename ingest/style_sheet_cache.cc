#include "ingest/style_sheet_cache.h"

#include <algorithm>
#include <utility>

namespace minutes {

StyleSheetCache& StyleSheetCache::Shared() {
  static StyleSheetCache* cache = new StyleSheetCache;  // never destroyed: no exit-order issues
  return *cache;
}

bool StyleSheetCache::Same(const Entry& e, const ZipPackage::StoredPart& stored) {
  return e.crc32 == stored.crc32 && e.size == stored.size && e.method == stored.method &&
         e.bytes == stored.bytes;
}

std::shared_ptr<const StyleSheet> StyleSheetCache::Find(const ZipPackage::StoredPart& stored) {
  std::lock_guard<std::mutex> lock(mu_);
  for (Entry& e : entries_)
    if (Same(e, stored)) {
      e.last_use = ++clock_;
      ++hits_;
      return e.sheet;
    }
  ++misses_;
  return nullptr;
}

void StyleSheetCache::Insert(const ZipPackage::StoredPart& stored,
                             std::shared_ptr<const StyleSheet> sheet) {
  if (stored.bytes.size() > kMaxStoredBytes || sheet == nullptr) return;
  std::lock_guard<std::mutex> lock(mu_);
  for (const Entry& e : entries_)
    if (Same(e, stored)) return;  // another thread parsed the same part meanwhile
  Entry fresh{std::string(stored.bytes), stored.method, stored.crc32, stored.size, ++clock_,
              std::move(sheet)};
  if (entries_.size() < kEntries) {
    entries_.push_back(std::move(fresh));
    return;
  }
  auto oldest =
      std::min_element(entries_.begin(), entries_.end(),
                       [](const Entry& a, const Entry& b) { return a.last_use < b.last_use; });
  *oldest = std::move(fresh);
}

void StyleSheetCache::Clear() {
  std::lock_guard<std::mutex> lock(mu_);
  entries_.clear();
}

size_t StyleSheetCache::hits() const {
  std::lock_guard<std::mutex> lock(mu_);
  return hits_;
}

size_t StyleSheetCache::misses() const {
  std::lock_guard<std::mutex> lock(mu_);
  return misses_;
}

}  // namespace minutes
