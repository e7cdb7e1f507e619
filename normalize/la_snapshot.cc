// LaSnapshot: a loaded register as bytes and back; ShippedRegister::Matches.
//
// The format is this build's own: the generator and the program are built from the same sources
// (make_la_snapshot runs at build time), so the index's targets and tries are written as they lie
// in memory, each array at an aligned offset, and read where they lie; there is no versioning
// beyond the magic number. Integers are written in the machine's order.
// Layout: magic, version string, authorities, successors, acronyms, then the index: the
// resolutions its targets refer to, the targets, the three tries and the fuzzy candidates.

#include "normalize/la_snapshot.h"

#include <algorithm>
#include <cstring>
#include <map>
#include <span>
#include <type_traits>
#include <unordered_map>
#include <utility>
#include <vector>

#include "normalize/csv.h"
#include "normalize/la_index.h"

namespace minutes::normalize::internal {

namespace {

constexpr uint32_t kMagic = 0x4c41534e;  // "NSAL": a register snapshot, this format

class Encoder {
 public:
  void U32(uint32_t v) { out_.append(reinterpret_cast<const char*>(&v), sizeof v); }
  void Size(size_t n) { U32(static_cast<uint32_t>(n)); }
  void Bytes(std::string_view s) {
    Size(s.size());
    out_.append(s);
  }
  void Strings(const std::vector<std::string>& list) {
    Size(list.size());
    for (const std::string& s : list) Bytes(s);
  }
  // An array of plain structs, as it lies in memory, at an offset aligned for them (zeros before
  // it), so that Decoder::View can read it where it lies.
  template <typename T>
  void Array(std::span<const T> v) {
    static_assert(std::is_trivially_copyable_v<T>);
    Size(v.size());
    out_.append((alignof(T) - out_.size() % alignof(T)) % alignof(T), '\0');
    out_.append(reinterpret_cast<const char*>(v.data()), v.size() * sizeof(T));
  }
  std::string Finish() && { return std::move(out_); }

 private:
  std::string out_;
};

// Reads what Encoder wrote. A read past the end, or a count larger than what is left could hold,
// sets failed() and returns zeros or nothing, so callers check once at the end.
class Decoder {
 public:
  explicit Decoder(std::string_view in) : start_(in.data()), in_(in) {}
  bool failed() const { return failed_; }
  bool done() const { return !failed_ && in_.empty(); }

  uint32_t U32() {
    uint32_t v = 0;
    if (!Take(sizeof v)) return 0;
    std::memcpy(&v, in_.data() - sizeof v, sizeof v);
    return v;
  }
  // A count of items that take at least `item_bytes` each.
  size_t Count(size_t item_bytes) {
    size_t n = U32();
    if (n > in_.size() / item_bytes) return Fail();
    return n;
  }
  std::string_view Bytes() {
    size_t n = Count(1);
    if (!Take(n)) return {};
    return std::string_view(in_.data() - n, n);
  }
  std::string String() { return std::string(Bytes()); }
  std::vector<std::string> Strings() {
    std::vector<std::string> list(Count(sizeof(uint32_t)));
    for (std::string& s : list) s = String();
    return list;
  }
  // What Encoder::Array wrote, where it lies in the input (which must be aligned as the encoder's
  // output was: a misaligned array fails).
  template <typename T>
  std::span<const T> View() {
    static_assert(std::is_trivially_copyable_v<T>);
    size_t n = Count(sizeof(T));
    if (!Take((alignof(T) - static_cast<size_t>(in_.data() - start_) % alignof(T)) % alignof(T)))
      return {};
    if (reinterpret_cast<uintptr_t>(in_.data()) % alignof(T) != 0) {
      Fail();
      return {};
    }
    if (!Take(n * sizeof(T))) return {};
    return std::span<const T>(reinterpret_cast<const T*>(in_.data() - n * sizeof(T)), n);
  }

 private:
  bool Take(size_t n) {
    if (failed_ || n > in_.size()) return Fail();
    in_.remove_prefix(n);
    return true;
  }
  size_t Fail() {
    failed_ = true;
    return 0;
  }

  const char* start_;
  std::string_view in_;
  bool failed_ = false;
};

}  // namespace

bool ShippedRegister::Matches(const std::string& path) const {
  const std::array<std::string, kRegisterFileCount> paths = RegisterFilePaths(path);
  for (size_t i = 0; i < kRegisterFileCount; ++i) {
    if (files[i].present ? !FileHolds(paths[i], files[i].bytes) : FileExists(paths[i]))
      return false;
  }
  return true;
}

// The members are written in the order they are declared in LaRegister, LaIndex and TokenTrie;
// what a member derives from others (by_code_) is rebuilt rather than stored.
std::string LaSnapshot::Encode(const LaRegister& reg) {
  Encoder e;
  e.U32(kMagic);
  e.Bytes(reg.version_);
  e.Size(reg.authorities_.size());
  for (const LocalAuthority& la : reg.authorities_) {
    for (std::string_view field : {la.gss_code, la.name, la.la_type, la.region, la.dfe_la_code,
                                   la.tier, la.county_gss_code}) {
      e.Bytes(field);
    }
  }
  e.Size(reg.successors_.size());
  for (const auto& [code, successors] : reg.successors_) {
    e.Bytes(code);
    e.Strings(successors);
  }
  e.Strings(std::vector<std::string>(reg.acronyms_.begin(), reg.acronyms_.end()));

  const LaIndex& index = *reg.index_;
  e.Size(index.resolutions_.size());
  for (const Resolution& r : index.resolutions_) {
    e.Strings(r.gss_codes.items());
    e.Bytes(r.canonical_name.view());
  }
  e.Array(index.target_view_);
  for (const TokenTrie* trie : {&index.names_, &index.prefixes_, &index.suffixes_}) {
    e.Array(trie->node_view_);
    e.Array(trie->slot_view_);
    e.Bytes(trie->token_view_);
  }
  // In key order, so that a register encodes to the same bytes whatever its hash order.
  std::map<std::string_view, const std::vector<FuzzyCandidate>*> fuzzy;
  for (const auto& [first, candidates] : index.fuzzy_) fuzzy.emplace(first, &candidates);
  e.Size(fuzzy.size());
  for (const auto& [first, candidates] : fuzzy) {
    e.Bytes(first);
    e.Size(candidates->size());
    for (const FuzzyCandidate& c : *candidates) {
      e.Bytes(c.fold);
      e.U32(c.target);
    }
  }
  return std::move(e).Finish();
}

Status LaSnapshot::Decode(std::string_view bytes, std::unique_ptr<LaRegister>* out) {
  out->reset();
  const Status damaged = Status::Corrupt("the shipped LA register's snapshot is damaged");
  Decoder d(bytes);
  if (d.U32() != kMagic) return damaged;
  std::unique_ptr<LaRegister> reg(new LaRegister());
  reg->version_ = d.String();
  reg->authorities_.resize(d.Count(7 * sizeof(uint32_t)));
  for (LocalAuthority& la : reg->authorities_) {
    for (std::string_view* field : {&la.gss_code, &la.name, &la.la_type, &la.region,
                                    &la.dfe_la_code, &la.tier, &la.county_gss_code}) {
      *field = d.Bytes();  // where the snapshot holds it
    }
  }
  reg->IndexCodes();
  for (size_t n = d.Count(2 * sizeof(uint32_t)); n > 0; --n) {
    std::string code = d.String();
    reg->successors_.emplace_hint(reg->successors_.end(), std::move(code), d.Strings());
  }
  for (std::string& acronym : d.Strings()) {
    reg->acronyms_.emplace_hint(reg->acronyms_.end(), std::move(acronym));
  }

  std::unique_ptr<LaIndex> index(new LaIndex());
  index->resolutions_.resize(d.Count(2 * sizeof(uint32_t)));
  for (Resolution& r : index->resolutions_) {
    r.gss_codes = d.Strings();
    r.canonical_name = d.Bytes();
  }
  index->target_view_ = d.View<Target>();
  for (const Target& t : index->target_view_) {
    if (t.resolution >= index->resolutions_.size()) return damaged;
  }
  for (TokenTrie* trie : {&index->names_, &index->prefixes_, &index->suffixes_}) {
    std::span<const TokenTrie::Node> nodes = d.View<TokenTrie::Node>();
    std::span<const TokenTrie::Slot> slots = d.View<TokenTrie::Slot>();
    std::string_view tokens = d.Bytes();
    // Lookups take the table's size less one as the mask of its slots.
    if (nodes.empty() || slots.empty() || (slots.size() & (slots.size() - 1)) != 0) return damaged;
    trie->View(nodes, slots, tokens);
  }
  for (size_t n = d.Count(2 * sizeof(uint32_t)); n > 0; --n) {
    std::vector<FuzzyCandidate>& candidates = index->fuzzy_[d.String()];
    candidates.resize(d.Count(2 * sizeof(uint32_t)));
    for (FuzzyCandidate& c : candidates) {
      c.fold = d.String();
      c.target = d.U32();
    }
  }
  if (!d.done()) return damaged;
  reg->index_ = std::move(index);
  *out = std::move(reg);
  return Status::OK();
}

}  // namespace minutes::normalize::internal
