// SharedString, SharedStringList: immutable strings whose copies share one buffer, for the values
// the model repeats on many items of one document (model/model.h says which fields): a person's
// name and id on every use of their initials, an agenda item's number, the rule that made an item,
// an LA's GSS codes. A 48 MB note has some 400,000 uses of a dozen people's initials; as
// std::string each use would hold its own copy of the name and the id.
//
//   SharedString name("Kelly Wilkes");      // one allocation
//   SharedString same = name;               // none: both point at one buffer
//   std::string_view v = name;              // "Kelly Wilkes"
//   if (name == "Kelly Wilkes") ...
//
//   SharedStringPool pool;                  // one buffer per distinct text, while it lives
//   SharedString a = pool.Get("KL"), b = pool.Get("KL");   // a and b share
//
// Both are value types: a copy is independent of the original's lifetime (a reference count frees
// the buffer with its last copy), so a record holding them may be copied, moved and kept like one
// holding std::string. Thread-safety as std::shared_ptr: distinct objects may be used from any
// threads, even when they share a buffer; one object must not be written while another thread
// reads it. A SharedString is 8 bytes (std::string: 32) and the empty one allocates nothing;
// texts of 4 GiB or more are refused (std::length_error), as no document holds one (common/span.h).

#ifndef MINUTES_COMMON_SHARED_STRING_H_
#define MINUTES_COMMON_SHARED_STRING_H_

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <iosfwd>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace minutes {

class SharedString {
 public:
  SharedString() = default;  // empty
  // Copies `s` into a new buffer (none when empty). Implicit, as std::string's are.
  SharedString(std::string_view s);
  SharedString(const char* s) : SharedString(std::string_view(s)) {}
  SharedString(const std::string& s) : SharedString(std::string_view(s)) {}

  SharedString(const SharedString& o) noexcept : rep_(o.rep_) {
    if (rep_ != nullptr) rep_->refs.fetch_add(1, std::memory_order_relaxed);
  }
  SharedString(SharedString&& o) noexcept : rep_(std::exchange(o.rep_, nullptr)) {}
  SharedString& operator=(const SharedString& o) noexcept {
    SharedString(o).swap(*this);
    return *this;
  }
  SharedString& operator=(SharedString&& o) noexcept {
    SharedString(std::move(o)).swap(*this);
    return *this;
  }
  ~SharedString() {
    if (rep_ != nullptr) Release();
  }

  std::string_view view() const {
    return rep_ == nullptr ? std::string_view() : std::string_view(rep_->chars(), rep_->size);
  }
  operator std::string_view() const { return view(); }
  std::string str() const { return std::string(view()); }
  const char* data() const { return view().data(); }
  char operator[](size_t i) const { return view()[i]; }
  size_t size() const { return rep_ == nullptr ? 0 : rep_->size; }
  bool empty() const { return rep_ == nullptr; }
  void clear() { SharedString().swap(*this); }
  void swap(SharedString& o) noexcept { std::swap(rep_, o.rep_); }

  friend bool operator==(const SharedString& a, const SharedString& b) {
    return a.rep_ == b.rep_ || a.view() == b.view();
  }
  friend bool operator==(const SharedString& a, std::string_view b) { return a.view() == b; }
  friend bool operator==(const SharedString& a, const std::string& b) { return a.view() == b; }
  friend bool operator==(const SharedString& a, const char* b) { return a.view() == b; }
  friend auto operator<=>(const SharedString& a, const SharedString& b) {
    return a.view() <=> b.view();
  }
  // Concatenation makes a std::string, as with std::string_view.
  friend std::string operator+(std::string a, const SharedString& b) { return a.append(b.view()); }
  friend std::string operator+(const SharedString& a, std::string_view b) {
    return std::string(a.view()).append(b);
  }

 private:
  // The header of a buffer; the characters follow it in the same allocation.
  struct Rep {
    std::atomic<uint32_t> refs;
    uint32_t size;
    const char* chars() const { return reinterpret_cast<const char*>(this + 1); }
  };
  void Release() noexcept;  // drops this copy's reference; frees the buffer with the last one

  Rep* rep_ = nullptr;
};

std::ostream& operator<<(std::ostream& os, const SharedString& s);

// An immutable list of strings whose copies share one vector (empty: no allocation), read like a
// const std::vector<std::string>. For lists that repeat on many items: an LA's GSS codes on every
// mention of it.
class SharedStringList {
 public:
  using value_type = std::string;
  using const_iterator = std::vector<std::string>::const_iterator;
  using iterator = const_iterator;
  using size_type = size_t;

  SharedStringList() = default;  // empty
  // Takes `items` as the list. Implicit, so a vector can be assigned where a list is held.
  SharedStringList(std::vector<std::string> items);
  SharedStringList(std::initializer_list<std::string> items)
      : SharedStringList(std::vector<std::string>(items)) {}

  const std::vector<std::string>& items() const { return items_ ? *items_ : Empty(); }
  operator const std::vector<std::string>&() const { return items(); }
  size_t size() const { return items().size(); }
  bool empty() const { return items().empty(); }
  const std::string& operator[](size_t i) const { return items()[i]; }
  const std::string& front() const { return items().front(); }
  const_iterator begin() const { return items().begin(); }
  const_iterator end() const { return items().end(); }
  void clear() { items_.reset(); }

  friend bool operator==(const SharedStringList& a, const SharedStringList& b) {
    return a.items_ == b.items_ || a.items() == b.items();
  }
  friend bool operator==(const SharedStringList& a, const std::vector<std::string>& b) {
    return a.items() == b;
  }

 private:
  static const std::vector<std::string>& Empty();

  std::shared_ptr<const std::vector<std::string>> items_;  // null when empty
};

std::ostream& operator<<(std::ostream& os, const SharedStringList& list);

// Hands out one SharedString per distinct text, so that equal texts share a buffer: the initials
// "KL" on 40,000 uses are one buffer. Holds a reference to each text until it is destroyed; use
// one per document (or per step), not per process. Not thread-safe.
class SharedStringPool {
 public:
  // The pool's SharedString equal to `text`, made on first request.
  SharedString Get(std::string_view text);

 private:
  // Keys view the values' own buffers, which live as long as the entries.
  std::unordered_map<std::string_view, SharedString> strings_;
};

}  // namespace minutes

#endif  // MINUTES_COMMON_SHARED_STRING_H_
