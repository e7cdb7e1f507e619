// The zip container, read through its central directory (APPNOTE.TXT 6.3: sections 4.3.6
// to 4.3.16).
//
// Why not Poco::Zip::ZipArchive: it walks local file headers from the start of the stream, so it
// cannot cope with bytes prepended before the zip, and it mis-sizes entries written with data
// descriptors and zip64 records, all of which occur in real DOCX files (see the peer corpus). The
// directory code here is small and bounds-checks every field; zlib inflates and checks the CRC.

#include "ingest/zip_package.h"

#include <zlib.h>

#include <algorithm>
#include <exception>

namespace minutes {
namespace {

constexpr uint32_t kLocalHeaderSig = 0x04034b50;
constexpr uint32_t kCentralHeaderSig = 0x02014b50;
constexpr uint32_t kEocdSig = 0x06054b50;
constexpr uint32_t kZip64EocdSig = 0x06064b50;
constexpr uint32_t kZip64LocatorSig = 0x07064b50;
constexpr size_t kEocdSize = 22;
constexpr size_t kZip64EocdSize = 56;
constexpr size_t kZip64LocatorSize = 20;
constexpr size_t kCentralHeaderSize = 46;
constexpr size_t kLocalHeaderSize = 30;
constexpr uint64_t kRatioFloor = 1u << 20;  // the ratio limit applies above 1 MiB

uint16_t U16(std::string_view b, size_t at) {
  return static_cast<uint16_t>(static_cast<unsigned char>(b[at]) |
                               static_cast<unsigned char>(b[at + 1]) << 8);
}
uint32_t U32(std::string_view b, size_t at) {
  return static_cast<uint32_t>(U16(b, at)) | static_cast<uint32_t>(U16(b, at + 2)) << 16;
}
uint64_t U64(std::string_view b, size_t at) {
  return static_cast<uint64_t>(U32(b, at)) | static_cast<uint64_t>(U32(b, at + 4)) << 32;
}
bool SigAt(std::string_view b, uint64_t at, uint32_t sig) {
  return at <= b.size() && b.size() - at >= 4 && U32(b, at) == sig;
}

Status Truncated(const std::string& why) {
  return Status::Corrupt("truncated or corrupt zip archive (" + why + ")");
}

std::string LimitMessage(const std::string& what, const char* option, double limit) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.0f", limit);
  return what + ", over " + option + " (" + buf + ")";
}

}  // namespace

std::string ZipPackage::NormalizeName(std::string_view name) {
  std::string out;
  out.reserve(name.size());
  for (char c : name) {
    if (c == '\\') c = '/';
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    out += c;
  }
  size_t lead = out.find_first_not_of('/');
  out.erase(0, lead == std::string::npos ? out.size() : lead);
  return out;
}

Status ZipPackage::Open(std::string_view bytes, const IngestOptions& options,
                        std::unique_ptr<ZipPackage>* out) {
  std::unique_ptr<ZipPackage> zip(new ZipPackage(bytes, options));
  Status s = zip->ParseDirectory();
  if (s.ok()) *out = std::move(zip);
  return s;
}

namespace {

// What the end records say: where the central directory is and how many entries it lists.
struct EndRecord {
  uint16_t disk = 0, cd_disk = 0;
  uint64_t count = 0, cd_size = 0, cd_offset = 0;
  size_t eocd = 0;           // the end-of-central-directory record
  size_t directory_end = 0;  // where the (zip64) end record begins: the directory ends there
};

// Finds the end-of-central-directory record (and the zip64 one, if any) near the end of `b`. Fails
// with kCorrupt: "not a zip archive" when there is none and `b` does not begin like a zip.
Status FindEndRecord(std::string_view b, EndRecord* end) {
  const bool starts_like_zip = SigAt(b, 0, kLocalHeaderSig) || SigAt(b, 0, kEocdSig);
  // The end-of-central-directory record: 22 bytes plus a comment of up to 65535 bytes, at the end.
  size_t eocd = std::string_view::npos;
  if (b.size() >= kEocdSize) {
    size_t lowest = b.size() - kEocdSize > 0xFFFF ? b.size() - kEocdSize - 0xFFFF : 0;
    for (size_t at = b.size() - kEocdSize + 1; at-- > lowest;) {
      if (U32(b, at) == kEocdSig && at + kEocdSize + U16(b, at + 20) <= b.size()) {
        eocd = at;
        break;
      }
    }
  }
  if (eocd == std::string_view::npos) {
    if (starts_like_zip) return Truncated("no end-of-central-directory record");
    return Status::Corrupt("not a zip archive");
  }

  end->eocd = eocd;
  end->disk = U16(b, eocd + 4);
  end->cd_disk = U16(b, eocd + 6);
  end->count = U16(b, eocd + 10);
  end->cd_size = U32(b, eocd + 12);
  end->cd_offset = U32(b, eocd + 16);
  end->directory_end = eocd;

  // Zip64: a locator right before the EOCD points at the zip64 EOCD record, which holds 64-bit
  // counts. With bytes prepended the recorded offset is off by their length, so also look for the
  // record right before the locator (where every writer puts it).
  if (eocd >= kZip64LocatorSize && SigAt(b, eocd - kZip64LocatorSize, kZip64LocatorSig)) {
    size_t locator = eocd - kZip64LocatorSize;
    uint64_t recorded = U64(b, locator + 8);
    size_t record = std::string_view::npos;
    if (recorded + kZip64EocdSize <= locator && SigAt(b, recorded, kZip64EocdSig)) {
      record = recorded;
    } else if (locator >= kZip64EocdSize) {
      size_t lowest = locator > 0x10000 ? locator - 0x10000 : 0;
      for (size_t at = locator - kZip64EocdSize + 1; at-- > lowest;) {
        if (U32(b, at) == kZip64EocdSig && at + 12 + U64(b, at + 4) == locator) {
          record = at;
          break;
        }
      }
    }
    if (record == std::string_view::npos)
      return Truncated("zip64 end-of-central-directory record missing");
    end->disk = static_cast<uint16_t>(U32(b, record + 16));
    end->cd_disk = static_cast<uint16_t>(U32(b, record + 20));
    end->count = U64(b, record + 32);
    end->cd_size = U64(b, record + 40);
    end->cd_offset = U64(b, record + 48);
    end->directory_end = record;
  }
  return Status::OK();
}

// Where the central directory really is, `*cd_start`; any difference from the recorded offset is
// prepended bytes, `*shift`, and every local header offset moves by the same amount.
Status LocateDirectory(std::string_view b, const EndRecord& end, uint64_t* cd_start,
                       uint64_t* shift) {
  if (end.cd_size > end.directory_end) return Truncated("central directory larger than the file");
  if (end.count > end.cd_size / kCentralHeaderSize)
    return Truncated("central directory too small for its entries");
  *cd_start = end.directory_end - end.cd_size;
  if (SigAt(b, end.cd_offset, kCentralHeaderSig) &&
      end.cd_offset + end.cd_size <= end.directory_end)
    *cd_start = end.cd_offset;
  if (*cd_start < end.cd_offset) return Truncated("central directory offset past its position");
  *shift = *cd_start - end.cd_offset;
  return Status::OK();
}

}  // namespace

bool ZipPackage::IsZip(std::string_view bytes) {
  if (SigAt(bytes, 0, kLocalHeaderSig)) return true;
  EndRecord end;
  uint64_t cd_start = 0, shift = 0;
  if (!FindEndRecord(bytes, &end).ok()) return false;
  if (end.count == 0) return end.eocd == 0;  // an empty archive is its end record alone
  if (!LocateDirectory(bytes, end, &cd_start, &shift).ok()) return false;
  // Bytes before the zip: the end record must lead to a central directory entry, and that entry
  // to its local header. Text that merely holds "PK\x05\x06" near its end does neither.
  if (!SigAt(bytes, cd_start, kCentralHeaderSig) || cd_start + kCentralHeaderSize > bytes.size())
    return false;
  uint32_t local = U32(bytes, cd_start + 42);
  return local == 0xFFFFFFFF || SigAt(bytes, local + shift, kLocalHeaderSig);
}

Status ZipPackage::ParseDirectory() {
  const std::string_view b = bytes_;
  EndRecord end;
  Status s = FindEndRecord(b, &end);
  if (!s.ok()) return s;
  if (end.disk != 0 || end.cd_disk != 0)
    return Status::Unsupported("multi-volume (split) zip archive");
  const uint64_t count = end.count;
  if (count > options_.max_zip_entries)
    return Status::TooLarge("zip archive lists " + std::to_string(count) +
                            " entries, over max_zip_entries (" +
                            std::to_string(options_.max_zip_entries) + ")");
  uint64_t cd_start = 0, shift = 0;
  s = LocateDirectory(b, end, &cd_start, &shift);
  if (!s.ok()) return s;

  entries_.reserve(count);
  uint64_t at = cd_start;
  const uint64_t cd_end = cd_start + end.cd_size;
  for (uint64_t i = 0; i < count; ++i) {
    if (at + kCentralHeaderSize > cd_end || U32(b, at) != kCentralHeaderSig)
      return Truncated("bad central directory entry " + std::to_string(i));
    Entry e;
    e.flags = U16(b, at + 8);
    e.method = U16(b, at + 10);
    e.crc32 = U32(b, at + 16);
    e.compressed_size = U32(b, at + 20);
    e.size = U32(b, at + 24);
    size_t name_len = U16(b, at + 28), extra_len = U16(b, at + 30), comment_len = U16(b, at + 32);
    e.local_offset = U32(b, at + 42);
    uint64_t next = at + kCentralHeaderSize + name_len + extra_len + comment_len;
    if (next > cd_end)
      return Truncated("central directory entry " + std::to_string(i) + " overruns");
    e.name.assign(b.substr(at + kCentralHeaderSize, name_len));
    // The zip64 extended-information extra field holds, in order, whichever of the 32-bit fields
    // were saturated.
    size_t x = at + kCentralHeaderSize + name_len, x_end = x + extra_len;
    while (x + 4 <= x_end) {
      uint16_t id = U16(b, x), len = U16(b, x + 2);
      size_t data = x + 4;
      if (data + len > x_end) break;
      if (id == 0x0001) {
        size_t p = data, p_end = data + len;
        if (e.size == 0xFFFFFFFF && p + 8 <= p_end) e.size = U64(b, p), p += 8;
        if (e.compressed_size == 0xFFFFFFFF && p + 8 <= p_end)
          e.compressed_size = U64(b, p), p += 8;
        if (e.local_offset == 0xFFFFFFFF && p + 8 <= p_end) e.local_offset = U64(b, p), p += 8;
      }
      x = data + len;
    }
    e.local_offset += shift;
    // Word refuses a package with two parts of one name; reading either would be a guess, and a
    // checker that read the other would see a different document.
    auto [it, added] = index_.emplace(NormalizeName(e.name), entries_.size());
    if (!added) {
      const std::string& first = entries_[it->second].name;
      return Status::Corrupt(first == e.name ? "zip archive has two entries named " + e.name
                                             : "zip archive has two entries for one part: " +
                                                   first + " and " + e.name);
    }
    entries_.push_back(std::move(e));
    at = next;
  }
  return Status::OK();
}

bool ZipPackage::Has(std::string_view part_name) const {
  return index_.count(NormalizeName(part_name)) > 0;
}

Status ZipPackage::Stored(std::string_view part_name, StoredPart* out) const {
  auto it = index_.find(NormalizeName(part_name));
  if (it == index_.end())
    return Status::Corrupt("zip archive has no entry " + std::string(part_name));
  const Entry& e = entries_[it->second];
  const std::string_view b = bytes_;

  if (e.flags & 1) return Status::Unsupported("zip entry " + e.name + " is encrypted");
  if (e.method != 0 && e.method != 8)
    return Status::Unsupported("zip entry " + e.name + " uses compression method " +
                               std::to_string(e.method) + " (only stored and deflate are read)");
  if (!SigAt(b, e.local_offset, kLocalHeaderSig) || e.local_offset + kLocalHeaderSize > b.size())
    return Truncated("no local header for " + e.name);
  uint64_t data =
      e.local_offset + kLocalHeaderSize + U16(b, e.local_offset + 26) + U16(b, e.local_offset + 28);
  if (data > b.size() || e.compressed_size > b.size() - data)
    return Truncated("entry " + e.name + " extends past the end of the file");
  if (e.method == 0 && e.compressed_size != e.size)
    return Truncated("stored entry " + e.name + " has two sizes");
  out->entry = it->second;
  out->bytes = b.substr(data, e.compressed_size);
  out->method = e.method;
  out->crc32 = e.crc32;
  out->size = e.size;
  return Status::OK();
}

Status ZipPackage::Read(std::string_view part_name, std::string* out) {
  out->clear();
  StoredPart stored;
  Status s = Stored(part_name, &stored);
  return s.ok() ? Read(stored, out) : s;
}

Status ZipPackage::Read(const StoredPart& stored, std::string* out) {
  out->clear();
  const Entry& e = entries_[stored.entry];
  // Declared sizes first, so a bomb is refused before a byte is inflated.
  const size_t budget =
      options_.max_decompressed_bytes - std::min(used_, options_.max_decompressed_bytes);
  if (e.size > budget)
    return Status::TooLarge(LimitMessage(
        "zip entry " + e.name + " declares " + std::to_string(e.size) + " bytes uncompressed",
        "max_decompressed_bytes", static_cast<double>(options_.max_decompressed_bytes)));
  if (e.size > kRatioFloor && static_cast<double>(e.size) >
                                  options_.max_compression_ratio *
                                      static_cast<double>(std::max<uint64_t>(e.compressed_size, 1)))
    return Status::TooLarge(
        LimitMessage("zip entry " + e.name + " declares a compression ratio of " +
                         std::to_string(e.size / std::max<uint64_t>(e.compressed_size, 1)),
                     "max_compression_ratio", options_.max_compression_ratio));

  Status s;
  if (e.method == 0) {
    out->assign(stored.bytes);
    used_ += out->size();
  } else {
    s = Inflate(e, stored.bytes, out);
  }
  if (!s.ok()) {
    out->clear();
    return s;
  }
  if (crc32_z(0, reinterpret_cast<const Bytef*>(out->data()), out->size()) != e.crc32) {
    out->clear();
    return Truncated("CRC-32 mismatch in " + e.name);
  }
  return Status::OK();
}

Status ZipPackage::Inflate(const Entry& e, std::string_view raw, std::string* out) {
  // zlib directly rather than Poco::InflatingInputStream: Poco's ZIP mode wants a zlib header, so
  // it needed a framed copy of the entry, computed an Adler-32 it then ignored, and copied every
  // byte through a streambuf. Raw inflate into a buffer of the declared size does none of that.
  // The declared size was checked against the budget and the ratio before this call, and output
  // never passes it, so both limits hold without counting while inflating.
  out->resize(static_cast<size_t>(e.size));
  z_stream z{};
  if (inflateInit2(&z, -MAX_WBITS) != Z_OK) throw std::bad_alloc();
  struct End {
    z_stream* z;
    ~End() { inflateEnd(z); }
  } end{&z};
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(raw.data()));
  z.next_out = reinterpret_cast<Bytef*>(out->data());
  // zlib counts in 32 bits: feed and drain in slices of at most 1 GiB.
  const size_t kSlice = size_t{1} << 30;
  size_t in_left = raw.size(), out_left = out->size();
  int rc = Z_OK;
  do {
    if (z.avail_in == 0) in_left -= z.avail_in = static_cast<uInt>(std::min(in_left, kSlice));
    if (z.avail_out == 0) out_left -= z.avail_out = static_cast<uInt>(std::min(out_left, kSlice));
    rc = inflate(&z, Z_NO_FLUSH);
  } while (rc == Z_OK && (z.avail_in > 0 || in_left > 0) && (z.avail_out > 0 || out_left > 0));
  out_left += z.avail_out;
  if ((rc == Z_OK || rc == Z_BUF_ERROR) && out_left == 0) {
    // The declared size is reached but the stream has not ended: one more byte tells a stream
    // that holds more than it declared from one that only has its end still to read.
    unsigned char probe;
    z.next_out = &probe;
    z.avail_out = 1;
    if (z.avail_in == 0) in_left -= z.avail_in = static_cast<uInt>(std::min(in_left, kSlice));
    rc = inflate(&z, Z_NO_FLUSH);
    if (z.avail_out == 0) return Truncated("entry " + e.name + " inflates past its declared size");
  }
  const size_t produced = out->size() - out_left;
  used_ += produced;
  if (rc == Z_DATA_ERROR || rc == Z_NEED_DICT || rc == Z_STREAM_ERROR)
    return Truncated("entry " + e.name + ": " + (z.msg ? z.msg : "invalid deflate data"));
  if (rc == Z_MEM_ERROR) throw std::bad_alloc();
  if (produced != e.size || rc != Z_STREAM_END)
    return Truncated("entry " + e.name + " inflates to " + std::to_string(produced) + " of " +
                     std::to_string(e.size) + " bytes");
  return Status::OK();
}

}  // namespace minutes
