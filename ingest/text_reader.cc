// The "text" reader: bytes -> UTF-8 (DecodeText), UTF-8 -> body blocks (ParseTextBlocks).
//
// Decoding decisions (beyond the header's contract):
//   - A UTF-16 BOM wins. Without one, bytes are UTF-16 only when the NULs sit on one parity and
//     make up at least 70% of that parity's bytes (Latin text in UTF-16 has a NUL high byte per
//     character; binary data has NULs everywhere) and the units decode strictly. We do not use
//     ucsdet: its guesses on short notes are not stable enough to refuse or accept a file on.
//   - A UTF-32 BOM is refused as unsupported rather than misread as UTF-16 full of NULs.
//   - A UTF-8 BOM followed by bytes that are not UTF-8 (typically Windows-1252 text appended by
//     another tool) keeps the valid UTF-8 and reads each stray byte as Windows-1252.
//   - Form feed and vertical tab become line breaks (a page break in an export ends a line). Every
//     other C0 control but tab and newline, DEL, and the C1 controls (U+0080..U+009F: what
//     Windows-1252's five undefined bytes decode to) are removed: Word shows none of them.
//
// Table rules (see ParseTextBlocks):
//   - Seed layout: a line starting with a tab is a cell ("\t" alone is an empty cell); consecutive
//     cell lines form a row; one or more blank lines separate rows. Untabbed lines after a cell
//     continue it (joined with '\n') only if the table goes on after them, i.e. the next non-blank
//     line is tab-prefixed; otherwise the table ended at the last cell line. A candidate is a table
//     only with at least two rows and some row of at least two cells, so indented paragraphs or an
//     indented list stay paragraphs (their text keeps its tabs).
//   - Tab-separated layout: two or more consecutive lines that each hold a tab after their first
//     non-tab character ("Ref\tAction\tOwner"). Each line is a row split at every tab, trailing
//     tabs giving empty cells, so rendering gives the lines back byte for byte. A run whose every
//     line is
//     "<list marker>\t<text>" ("1.\tItem", "•\tItem": how Word saves lists as text) is a list, not
//     a table, and stays paragraphs.
//   - Rows keep the cell count the text gives them; short rows are not padded.

#include "ingest/text_reader.h"

#include <re2/re2.h>
#include <unicode/ucnv.h>
#include <unicode/utf16.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/limits.h"
#include "ingest/reader.h"

namespace minutes {
namespace {

constexpr std::string_view kUtf8Bom("\xEF\xBB\xBF", 3);
constexpr std::string_view kUtf16LeBom("\xFF\xFE", 2);
constexpr std::string_view kUtf16BeBom("\xFE\xFF", 2);
constexpr std::string_view kUtf32LeBom("\xFF\xFE\x00\x00", 4);
constexpr std::string_view kUtf32BeBom("\x00\x00\xFE\xFF", 4);

void AppendUtf8(UChar32 c, std::string* out) {
  char buf[U8_MAX_LENGTH];
  int32_t n = 0;
  U8_APPEND_UNSAFE(buf, n, c);
  out->append(buf, n);
}

// Decodes UTF-16 code units strictly. `base` is the byte offset of `bytes` in the input, for
// messages.
Status DecodeUtf16(std::string_view bytes, bool big_endian, size_t base, std::string* out) {
  auto unit = [&](size_t i) -> uint16_t {
    uint8_t a = static_cast<uint8_t>(bytes[i]), b = static_cast<uint8_t>(bytes[i + 1]);
    return big_endian ? static_cast<uint16_t>(a << 8 | b) : static_cast<uint16_t>(b << 8 | a);
  };
  out->clear();
  out->reserve(bytes.size());
  size_t i = 0;
  for (; i + 1 < bytes.size(); i += 2) {
    uint16_t u = unit(i);
    if (U16_IS_SINGLE(u)) {
      AppendUtf8(u, out);
    } else if (U16_IS_LEAD(u) && i + 3 < bytes.size() && U16_IS_TRAIL(unit(i + 2))) {
      AppendUtf8(U16_GET_SUPPLEMENTARY(u, unit(i + 2)), out);
      i += 2;
    } else {
      return Status::Corrupt("invalid UTF-16: unpaired surrogate at byte offset " +
                             std::to_string(base + i));
    }
  }
  if (i < bytes.size())
    return Status::Corrupt("invalid UTF-16: odd number of bytes, stray byte at byte offset " +
                           std::to_string(base + i));
  return Status::OK();
}

// The offset of the first byte that is not part of valid UTF-8, or npos.
size_t FirstInvalidUtf8(std::string_view s) {
  const uint8_t* p = reinterpret_cast<const uint8_t*>(s.data());
  int32_t len = static_cast<int32_t>(s.size());
  for (int32_t i = 0; i < len;) {
    int32_t start = i;
    UChar32 c;
    U8_NEXT(p, i, len, c);
    if (c < 0) return start;
  }
  return std::string_view::npos;
}

struct ConverterCloser {
  void operator()(UConverter* c) const { ucnv_close(c); }
};

Status DecodeWindows1252(std::string_view bytes, std::string* out) {
  UErrorCode err = U_ZERO_ERROR;
  std::unique_ptr<UConverter, ConverterCloser> conv(ucnv_open("windows-1252", &err));
  if (U_FAILURE(err)) return Status::Unsupported("no Windows-1252 converter in ICU data");
  // Every byte maps (the five undefined ones to C1 controls), so UTF-16 needs one unit per byte.
  std::u16string utf16(bytes.size(), u'\0');
  int32_t n = ucnv_toUChars(conv.get(), utf16.data(), static_cast<int32_t>(utf16.size()),
                            bytes.data(), static_cast<int32_t>(bytes.size()), &err);
  if (U_FAILURE(err)) return Status::Corrupt("Windows-1252 conversion failed");
  out->clear();
  out->reserve(bytes.size() + bytes.size() / 8);
  for (int32_t i = 0; i < n; ++i) AppendUtf8(utf16[i], out);  // all BMP, no surrogates
  return Status::OK();
}

// Valid UTF-8 stays; each byte outside a valid sequence is read as Windows-1252.
Status DecodeUtf8Lenient(std::string_view bytes, std::string* out) {
  // The UTF-8 of each Windows-1252 byte, built once with ICU.
  static const std::vector<std::string>* const kCp1252 = [] {
    auto* table = new std::vector<std::string>(256);
    for (int b = 0; b < 256; ++b) {
      char byte = static_cast<char>(b);
      if (!DecodeWindows1252(std::string_view(&byte, 1), &(*table)[b]).ok()) table->clear();
    }
    return table;
  }();
  if (kCp1252->empty()) return Status::Unsupported("no Windows-1252 converter in ICU data");
  out->clear();
  out->reserve(bytes.size());
  const uint8_t* p = reinterpret_cast<const uint8_t*>(bytes.data());
  int32_t len = static_cast<int32_t>(bytes.size());
  for (int32_t i = 0; i < len;) {
    int32_t start = i;
    UChar32 c;
    U8_NEXT(p, i, len, c);
    if (c >= 0) {
      out->append(bytes.substr(start, i - start));
    } else {
      out->append((*kCp1252)[p[start]]);
      i = start + 1;
    }
  }
  return Status::OK();
}

// UTF-16 without a BOM: NULs only on one parity, and on most of it. Sets *big_endian.
bool LooksLikeBomlessUtf16(std::string_view bytes, bool* big_endian) {
  if (bytes.size() < 4 || bytes.size() % 2 != 0) return false;
  size_t nul[2] = {0, 0};
  for (size_t i = 0; i < bytes.size(); ++i)
    if (bytes[i] == '\0') ++nul[i % 2];
  size_t half = bytes.size() / 2;
  if (nul[0] == 0 && nul[1] * 10 >= half * 7) {
    *big_endian = false;  // high bytes (odd offsets) are NUL
    return true;
  }
  if (nul[1] == 0 && nul[0] * 10 >= half * 7) {
    *big_endian = true;
    return true;
  }
  return false;
}

// Line endings to '\n', \f and \v to '\n', other controls (C0 but \t \n, DEL, C1) removed.
std::string CleanControls(std::string_view in) {
  std::string out;
  out.reserve(in.size());
  for (size_t i = 0; i < in.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(in[i]);
    if (c == '\r') {
      out += '\n';
      if (i + 1 < in.size() && in[i + 1] == '\n') ++i;
    } else if (c == '\f' || c == '\v') {
      out += '\n';
    } else if (c == '\t' || c == '\n') {
      out += static_cast<char>(c);
    } else if (c < 0x20 || c == 0x7F) {
      // dropped
    } else if (c == 0xC2 && i + 1 < in.size() && static_cast<unsigned char>(in[i + 1]) >= 0x80 &&
               static_cast<unsigned char>(in[i + 1]) <= 0x9F) {
      ++i;  // a C1 control, U+0080..U+009F
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

// True when CleanControls(in) would change `in`: a C0 control but tab and newline (so also '\r'
// and NUL), DEL, or a C1 control.
bool NeedsCleaning(std::string_view in) {
  for (size_t i = 0; i < in.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(in[i]);
    if ((c < 0x20 && c != '\t' && c != '\n') || c == 0x7F) return true;
    if (c == 0xC2 && i + 1 < in.size() && static_cast<unsigned char>(in[i + 1]) >= 0x80 &&
        static_cast<unsigned char>(in[i + 1]) <= 0x9F)
      return true;
  }
  return false;
}

// ---- ParseTextBlocks ----

bool IsBlank(std::string_view line) {
  return line.find_first_not_of(" \t") == std::string_view::npos && !line.starts_with('\t');
}

bool IsCellLine(std::string_view line) { return line.starts_with('\t'); }

// A tab-separated row: a tab after the first non-tab character.
bool IsTsvRow(std::string_view line) {
  size_t first = line.find_first_not_of('\t');
  return first != std::string_view::npos && line.find('\t', first) != std::string_view::npos;
}

std::vector<std::string_view> SplitTabs(std::string_view line) {
  std::vector<std::string_view> cells;
  size_t pos = 0;
  while (true) {
    size_t tab = line.find('\t', pos);
    if (tab == std::string_view::npos) {
      cells.push_back(line.substr(pos));
      return cells;
    }
    cells.push_back(line.substr(pos, tab - pos));
    pos = tab + 1;
  }
}

// "1.", "1.2", "a)", "(iv)", "•", "-": what Word writes before a tab when it saves a list as text.
bool IsListMarker(std::string_view s) {
  static const RE2 kMarker(
      R"(\(?(?:[0-9]{1,3}(?:\.[0-9]{1,3})*[.)]?|[A-Za-z][.)]|[ivxlcIVXLC]{1,6}[.)])|\([A-Za-z]\)|)"
      R"([•◦▪▫■□●○·\-–—*o§>➢✓✔])");
  if (s.size() > 16) return false;
  // A bare number is a reference ("49"), not a list number: require the punctuation.
  static const RE2 kBareNumber(R"(\(?[0-9]{1,3}(?:\.[0-9]{1,3})*)");
  if (RE2::FullMatch(s, kBareNumber) && s.find('.') == std::string_view::npos) return false;
  return RE2::FullMatch(s, kMarker);
}

// A list item as Word saves it: leading indent tabs, a marker, a tab, the text.
bool IsListRow(std::string_view line) {
  std::vector<std::string_view> cells = SplitTabs(line.substr(line.find_first_not_of('\t')));
  return cells.size() == 2 && IsListMarker(cells[0]);
}

Block Paragraph(std::string text) {
  Block b;
  b.kind = BlockKind::kParagraph;
  b.text = std::move(text);
  return b;
}

// A bulleted line ("• Ann Bell", "- item", "* item") is a list item whose marker is the bullet:
// rendered "<marker> <text>", it reads as the line did. Numbered lines ("1. Allowances") stay
// paragraphs: agenda headings are written that way and are not lists.
Block LineBlock(std::string_view line) {
  static const std::string_view kBullets[] = {"•", "◦", "▪", "‣", "·", "-", "*", "–"};
  size_t indent = line.find_first_not_of(" ");
  if (indent != std::string_view::npos) {
    std::string_view rest = line.substr(indent);
    for (std::string_view bullet : kBullets) {
      if (rest.size() > bullet.size() + 1 && rest.substr(0, bullet.size()) == bullet &&
          (rest[bullet.size()] == ' ' || rest[bullet.size()] == '\t')) {
        size_t text_start = rest.find_first_not_of(" \t", bullet.size());
        if (text_start == std::string_view::npos) break;
        Block b;
        b.kind = BlockKind::kListItem;
        static const SharedString kBullet("•");  // one buffer for every bulleted line
        b.marker = kBullet;
        b.level = static_cast<int>(indent / 2);
        b.text = std::string(rest.substr(text_start));
        return b;
      }
    }
  }
  return Paragraph(std::string(line));
}

Cell MakeCell(std::string text) {
  Cell c;
  c.blocks.push_back(Paragraph(std::move(text)));
  return c;
}

class TextParser {
 public:
  TextParser(std::string_view utf8, const IngestOptions& options, Document* doc)
      : doc_(doc), limits_(options) {
    // Both sized up front: grown by doubling, a large note's blocks would be held twice while
    // they move. A line makes at most one body block; a blank one none.
    lines_.reserve(std::count(utf8.begin(), utf8.end(), '\n') + 1);
    size_t blocks = 0;
    size_t pos = 0;
    while (pos < utf8.size()) {
      size_t nl = utf8.find('\n', pos);
      if (nl == std::string_view::npos) nl = utf8.size();
      lines_.push_back(utf8.substr(pos, nl - pos));
      if (!IsBlank(lines_.back())) ++blocks;
      pos = nl + 1;
    }
    doc_->body.reserve(std::min(blocks, options.max_blocks));  // more is refused anyway
  }

  Status Run() {
    size_t i = 0;
    while (i < lines_.size()) {
      Status s;
      if (IsBlank(lines_[i])) {
        ++i;
      } else if (size_t end = TsvTableEnd(i); end > i) {
        s = EmitTsvTable(i, end);
        i = end;
      } else if (size_t end = CellTableEnd(i); end > i) {
        s = EmitCellTable(i);
        i = end;
      } else {
        if (lines_[i].find_first_not_of(" \t") != std::string_view::npos) {
          doc_->body.push_back(LineBlock(lines_[i]));
          s = limits_.Count(doc_->body.back());
        }
        ++i;
      }
      if (!s.ok()) return s;
    }
    return Status::OK();
  }

 private:
  // The end of a tab-separated table starting at line i, or i if there is none there.
  size_t TsvTableEnd(size_t i) {
    if (i < tsv_rejected_until_) return i;
    size_t end = i;
    bool all_list_rows = true;
    while (end < lines_.size() && IsTsvRow(lines_[end])) {
      all_list_rows = all_list_rows && IsListRow(lines_[end]);
      ++end;
    }
    if (all_list_rows) tsv_rejected_until_ = end;  // a list, and so is every tail of it
    if (end - i < 2 || all_list_rows) return i;
    return end;
  }

  Status EmitTsvTable(size_t begin, size_t end) {
    doc_->body.emplace_back();
    Block& table = doc_->body.back();
    table.kind = BlockKind::kTable;
    if (Status s = limits_.CountBlock(table); !s.ok()) return s;
    for (size_t i = begin; i < end; ++i) {
      Row row;
      for (std::string_view cell : SplitTabs(lines_[i]))
        row.cells.push_back(MakeCell(std::string(cell)));
      if (Status s = limits_.CountRow(row); !s.ok()) return s;
      table.rows.push_back(std::move(row));
    }
    return Status::OK();
  }

  // A seed-layout table at line i: the line after it, or i if there is none there. Measured
  // without building it, because a candidate can be huge and still no table (a million tab-led
  // lines with no blank line between them are one row).
  size_t CellTableEnd(size_t i) {
    if (!IsCellLine(lines_[i]) || i < cell_rejected_until_) return i;
    size_t rows = 0, widest = 0;
    size_t next = WalkCellTable(i, nullptr, &rows, &widest);
    if (rows < 2 || widest < 2) {
      // Any candidate starting inside this one is a part of it, so no table either: skip them.
      cell_rejected_until_ = next;
      return i;
    }
    return next;
  }

  // Builds the seed-layout table CellTableEnd(i) found, counting it row by row.
  Status EmitCellTable(size_t i) {
    doc_->body.emplace_back();
    Block& table = doc_->body.back();
    table.kind = BlockKind::kTable;
    if (Status s = limits_.CountBlock(table); !s.ok()) return s;
    size_t rows = 0, widest = 0;
    WalkCellTable(i, &table, &rows, &widest);
    return limit_status_;
  }

  // Walks the seed-layout table candidate at line i: one row per run of cell lines (and the
  // untabbed runs that continue the cell above), rows separated by blank lines. Returns the first
  // line not consumed and sets the rows and the most cells in a row; when `table` is not null,
  // also builds its rows, counting each against the limits (the first failure in limit_status_).
  size_t WalkCellTable(size_t i, Block* table, size_t* rows, size_t* widest) {
    size_t next = i;  // the first line not consumed by the table
    size_t j = i;
    while (j < lines_.size() && IsCellLine(lines_[j])) {
      Row row;
      size_t cells = 0;
      // One row: cell lines, and untabbed runs that continue the cell above.
      while (j < lines_.size() && !IsBlank(lines_[j])) {
        if (IsCellLine(lines_[j])) {
          ++cells;
          if (table != nullptr) row.cells.push_back(MakeCell(std::string(lines_[j].substr(1))));
          next = ++j;
          continue;
        }
        size_t run_end = j;
        while (run_end < lines_.size() && !IsBlank(lines_[run_end]) && !IsCellLine(lines_[run_end]))
          ++run_end;
        size_t after = run_end;
        while (after < lines_.size() && IsBlank(lines_[after])) ++after;
        if (after == lines_.size() || !IsCellLine(lines_[after])) break;  // the table ended
        if (table != nullptr) {
          std::string& text = row.cells.back().blocks.back().text;
          for (size_t k = j; k < run_end; ++k) {
            text += '\n';
            text += lines_[k];
          }
        }
        j = run_end;
        next = j;
      }
      ++*rows;
      *widest = std::max(*widest, cells);
      if (table != nullptr) {
        if (limit_status_ = limits_.CountRow(row); !limit_status_.ok()) return next;
        table->rows.push_back(std::move(row));
      }
      if (j < lines_.size() && !IsBlank(lines_[j])) break;  // paragraphs right after the table
      while (j < lines_.size() && IsBlank(lines_[j])) ++j;
    }
    return next;
  }

  Document* doc_;
  DocumentLimits limits_;
  Status limit_status_;  // the first limit a table built by WalkCellTable passed
  std::vector<std::string_view> lines_;
  // Lines before these start no table of that layout (a longer candidate holding them failed).
  size_t cell_rejected_until_ = 0;
  size_t tsv_rejected_until_ = 0;
};

}  // namespace

Status DecodeText(std::string_view bytes, std::string* utf8) {
  utf8->clear();
  std::string decoded;
  Status s;
  bool big_endian = false;
  if (bytes.starts_with(kUtf32LeBom) || bytes.starts_with(kUtf32BeBom)) {
    return Status::Unsupported("UTF-32 text is not supported; save it as UTF-8");
  } else if (bytes.starts_with(kUtf16LeBom) || bytes.starts_with(kUtf16BeBom)) {
    s = DecodeUtf16(bytes.substr(2), bytes.starts_with(kUtf16BeBom), 2, &decoded);
  } else if (bytes.find('\0') != std::string_view::npos) {
    if (!LooksLikeBomlessUtf16(bytes, &big_endian) ||
        !DecodeUtf16(bytes, big_endian, 0, &decoded).ok())
      return Status::Unsupported("binary file, not text or DOCX");
  } else if (bytes.starts_with(kUtf8Bom)) {
    s = DecodeUtf8Lenient(bytes.substr(kUtf8Bom.size()), &decoded);
  } else if (FirstInvalidUtf8(bytes) == std::string_view::npos) {
    *utf8 = CleanControls(bytes);  // already UTF-8: no decoded copy in between
    return Status::OK();
  } else {
    s = DecodeWindows1252(bytes, &decoded);
  }
  if (!s.ok()) return s;
  *utf8 = CleanControls(decoded);
  return Status::OK();
}

Status ParseTextBlocks(std::string_view utf8, const IngestOptions& options, Document* doc) {
  return TextParser(utf8, options, doc).Run();
}

namespace {

// "text": the fallback, last in sniff order. It claims every input because DecodeText reads any
// byte sequence as some encoding; the one thing it cannot read, binary, it refuses in Read with a
// message saying so.
class TextFormat final : public Reader {
 public:
  std::string_view name() const override { return "text"; }
  std::string_view description() const override {
    return "plain text notes (UTF-8, UTF-16 or Windows-1252; tab-laid tables)";
  }
  std::vector<std::string_view> extensions() const override { return {"txt"}; }
  bool Sniff(std::string_view bytes) const override { return true; }
  Status Read(std::string_view bytes, const IngestOptions& options, Document* doc) const override {
    // What DecodeText would give back unchanged (UTF-8 without a BOM, nothing to clean: most
    // notes) is parsed where it lies; a decoded copy would hold a large note twice.
    if (!bytes.starts_with(kUtf8Bom) && !NeedsCleaning(bytes) &&
        FirstInvalidUtf8(bytes) == std::string_view::npos)
      return ParseTextBlocks(bytes, options, doc);
    std::string utf8;
    Status s = DecodeText(bytes, &utf8);
    if (!s.ok()) return s;
    return ParseTextBlocks(utf8, options, doc);
  }
};

}  // namespace

const Reader* TextFormatReader() {
  static const TextFormat kReader;
  return &kReader;
}

}  // namespace minutes
