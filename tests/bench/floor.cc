// floor: the least any DOCX reader must do, as the yardstick of the performance harness
// (tests/bench/harness.sh): for each file, find word/document.xml, word/styles.xml and
// word/numbering.xml in the zip's central directory, inflate them with zlib, and run each through
// libxml2's SAX2 parser with no handlers. It extracts nothing and writes nothing.
//
//   floor FILE...        prints "<files> files, <bytes> XML bytes parsed" to stderr
//
// The zip directory is read by hand rather than through Poco::Zip on purpose: the floor measures
// the cost of the bytes, not of a library's abstractions, and a reader can only approach it by
// doing the same. It trusts its input (generated corpora), so it checks only what keeps it from
// reading out of bounds.

#include <libxml/parser.h>
#include <zlib.h>

#include <cstdint>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iterator>
#include <string>
#include <string_view>

namespace {

uint32_t U32(const char* p) {
  return static_cast<uint8_t>(p[0]) | static_cast<uint8_t>(p[1]) << 8 |
         static_cast<uint8_t>(p[2]) << 16 | static_cast<uint32_t>(static_cast<uint8_t>(p[3])) << 24;
}
uint16_t U16(const char* p) { return static_cast<uint8_t>(p[0]) | static_cast<uint8_t>(p[1]) << 8; }

bool Inflate(std::string_view in, size_t size, std::string* out) {
  out->resize(size);
  z_stream z{};
  if (inflateInit2(&z, -MAX_WBITS) != Z_OK) return false;
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
  z.avail_in = static_cast<uInt>(in.size());
  z.next_out = reinterpret_cast<Bytef*>(out->data());
  z.avail_out = static_cast<uInt>(size);
  int rc = inflate(&z, Z_FINISH);
  inflateEnd(&z);
  return rc == Z_STREAM_END;
}

// The parts wanted, inflated, parsed; returns the XML bytes parsed, or -1 if the zip is broken.
long long ReadDocx(const std::string& zip) {
  static const std::string_view kWanted[] = {"word/document.xml", "word/styles.xml",
                                             "word/numbering.xml"};
  size_t eocd = zip.size() >= 22 ? zip.size() - 22 : std::string::npos;
  while (eocd != std::string::npos && U32(zip.data() + eocd) != 0x06054b50) {
    if (eocd == 0 || zip.size() - eocd > 22 + 65535) return -1;
    --eocd;
  }
  if (eocd == std::string::npos) return -1;
  size_t entries = U16(zip.data() + eocd + 10), p = U32(zip.data() + eocd + 16);
  long long parsed = 0;
  xmlSAXHandler sax{};
  sax.initialized = XML_SAX2_MAGIC;
  std::string xml;
  for (size_t i = 0; i < entries && p + 46 <= zip.size(); ++i) {
    const char* c = zip.data() + p;
    uint16_t method = U16(c + 10), name_len = U16(c + 28), extra = U16(c + 30),
             comment = U16(c + 32);
    uint32_t csize = U32(c + 20), usize = U32(c + 24), local = U32(c + 42);
    std::string_view name(c + 46, name_len);
    p += 46 + name_len + extra + comment;
    bool wanted = false;
    for (std::string_view w : kWanted) wanted = wanted || name == w;
    if (!wanted || local + 30 > zip.size()) continue;
    const char* l = zip.data() + local;
    size_t data = local + 30 + U16(l + 26) + U16(l + 28);
    if (data + csize > zip.size()) return -1;
    std::string_view bytes(zip.data() + data, csize);
    if (method == 0)
      xml.assign(bytes);
    else if (method != 8 || !Inflate(bytes, usize, &xml))
      return -1;
    xmlSAXUserParseMemory(&sax, nullptr, xml.data(), static_cast<int>(xml.size()));
    parsed += static_cast<long long>(xml.size());
  }
  return parsed;
}

}  // namespace

int main(int argc, char** argv) {
  long long files = 0, bytes = 0;
  int bad = 0;
  for (int i = 1; i < argc; ++i) {
    std::ifstream in(argv[i], std::ios::binary);
    std::string zip((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    long long n = ReadDocx(zip);
    if (n < 0) {
      std::fprintf(stderr, "floor: %s: not a zip it can read\n", argv[i]);
      ++bad;
      continue;
    }
    ++files;
    bytes += n;
  }
  std::fprintf(stderr, "%lld files, %lld XML bytes parsed\n", files, bytes);
  return bad == 0 ? 0 : 1;
}
