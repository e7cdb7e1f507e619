// SharedString's buffer: a reference count and the size, then the characters, in one allocation.

#include "common/shared_string.h"

#include <limits>
#include <new>
#include <ostream>
#include <stdexcept>

namespace minutes {

SharedString::SharedString(std::string_view s) {
  if (s.empty()) return;
  if (s.size() >= std::numeric_limits<uint32_t>::max())
    throw std::length_error("SharedString of 4 GiB or more");
  void* block = ::operator new(sizeof(Rep) + s.size());
  rep_ = new (block) Rep{{1}, static_cast<uint32_t>(s.size())};
  std::char_traits<char>::copy(reinterpret_cast<char*>(rep_ + 1), s.data(), s.size());
}

void SharedString::Release() noexcept {
  // acq_rel: the last owner must see every other owner's reads done before it frees the buffer.
  if (rep_->refs.fetch_sub(1, std::memory_order_acq_rel) == 1) {
    rep_->~Rep();
    ::operator delete(rep_);
  }
  rep_ = nullptr;
}

std::ostream& operator<<(std::ostream& os, const SharedString& s) { return os << s.view(); }

SharedStringList::SharedStringList(std::vector<std::string> items) {
  if (!items.empty()) items_ = std::make_shared<const std::vector<std::string>>(std::move(items));
}

const std::vector<std::string>& SharedStringList::Empty() {
  static const std::vector<std::string> kEmpty;
  return kEmpty;
}

std::ostream& operator<<(std::ostream& os, const SharedStringList& list) {
  os << "{";
  for (size_t i = 0; i < list.size(); ++i) os << (i == 0 ? "\"" : ", \"") << list[i] << "\"";
  return os << "}";
}

SharedString SharedStringPool::Get(std::string_view text) {
  auto it = strings_.find(text);
  if (it != strings_.end()) return it->second;
  SharedString s(text);
  strings_.emplace(s.view(), s);
  return s;
}

}  // namespace minutes
