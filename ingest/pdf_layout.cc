// The layout step of the "pdf" reader: positioned words -> lines -> furniture, tables, paragraphs.
// The rules and their evidence are listed in pdf_layout.h.

#include "ingest/pdf_layout.h"

#include <re2/re2.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/word_list.h"

namespace minutes {
namespace {

// A run of words on one line with no gap wider than a column gap between them.
struct Segment {
  std::string text;
  double x0 = 0, x1 = 0;
};

struct Line {
  int page = 0;
  double y0 = 0, y1 = 0, x0 = 0, x1 = 0;
  double size = 0;    // the font size of most of its characters
  bool bold = false;  // every word with a letter is bold
  std::vector<Segment> segments;
  std::string marker;           // a leading list marker, split off the first segment
  double first_word_width = 0;  // of the first word after the marker

  std::string Text() const {
    std::string t;
    for (const Segment& s : segments) {
      if (!t.empty()) t += '\t';
      t += s.text;
    }
    return t;
  }
};

// Words closer than this fraction of the font size are one word (poppler splits a word where
// its font changes: a bold "Item 1" and a plain ":").
constexpr double kJoinGap = 0.12;
// Wider gaps than this fraction of the font size separate segments (cells, tab stops). Justified
// text stretches spaces to half an em at most.
constexpr double kColumnGap = 0.9;
// Column starts closer than this (points) are the same column.
constexpr double kColumnTolerance = 4.0;

bool IsListMarker(std::string_view w) {
  static const RE2 kMarker(R"((?:•|◦|▪|‣|∙|·|–|-|\*|\x{F0B7}|\x{F0A7}|)"
                           R"(\(?(?:[0-9]{1,3}|[a-z]|[ivx]{1,5})[.)]))");
  return RE2::FullMatch(w, kMarker);
}

bool HasLetter(std::string_view s) {
  for (unsigned char c : s)
    if (std::isalpha(c) || c >= 0x80) return true;
  return false;
}

// The lines of one page: words grouped by vertical overlap, left to right, split at wide gaps.
std::vector<Line> BuildLines(const LayoutPage& page, int page_index) {
  std::vector<const LayoutWord*> words;
  for (const LayoutWord& w : page.words)
    if (!w.text.empty() && w.y1 > w.y0) words.push_back(&w);
  auto mid = [](const LayoutWord* w) { return (w->y0 + w->y1) / 2; };
  std::stable_sort(words.begin(), words.end(),
                   [&](const LayoutWord* a, const LayoutWord* b) { return mid(a) < mid(b); });

  std::vector<Line> lines;
  size_t i = 0;
  while (i < words.size()) {
    double band0 = words[i]->y0, band1 = words[i]->y1;
    size_t j = i + 1;
    while (j < words.size() && mid(words[j]) <= band1 && mid(words[j]) >= band0) ++j;
    std::vector<const LayoutWord*> lw(words.begin() + i, words.begin() + j);
    std::stable_sort(lw.begin(), lw.end(),
                     [](const LayoutWord* a, const LayoutWord* b) { return a->x0 < b->x0; });
    Line line;
    line.page = page_index;
    line.y0 = lw[0]->y0;
    line.y1 = lw[0]->y1;
    std::map<double, size_t> size_chars;
    bool all_bold = true, any_letter = false;
    const LayoutWord* prev = nullptr;
    for (const LayoutWord* w : lw) {
      line.y0 = std::min(line.y0, w->y0);
      line.y1 = std::max(line.y1, w->y1);
      size_chars[std::round(w->font_size * 2) / 2] += w->text.size();
      if (HasLetter(w->text)) {
        any_letter = true;
        all_bold = all_bold && w->bold;
      }
      double em = std::max(w->font_size, 1.0);
      double gap = prev ? w->x0 - prev->x1 : 0;
      if (prev == nullptr || gap > kColumnGap * em) {
        line.segments.push_back(Segment{w->text, w->x0, w->x1});
      } else {
        Segment& s = line.segments.back();
        if (gap > kJoinGap * em) s.text += ' ';
        s.text += w->text;
        s.x1 = std::max(s.x1, w->x1);
      }
      prev = w;
    }
    line.x0 = line.segments.front().x0;
    line.x1 = line.segments.back().x1;
    size_t best = 0;
    for (const auto& [size, chars] : size_chars)
      if (chars > best) best = chars, line.size = size;
    line.bold = any_letter && all_bold;
    // A bullet or number set off by a tab is the list marker, not a column of a table.
    Segment& first = line.segments.front();
    size_t space = first.text.find(' ');
    std::string_view head = std::string_view(first.text).substr(0, space);
    if (IsListMarker(head) && (space != std::string::npos || line.segments.size() > 1)) {
      line.marker = std::string(head);
      if (space != std::string::npos) {
        first.text.erase(0, space + 1);
      } else {
        line.segments.erase(line.segments.begin());
      }
    }
    size_t first_word = !line.marker.empty() && lw.size() > 1 ? 1 : 0;
    line.first_word_width = lw[first_word]->x1 - lw[first_word]->x0;
    lines.push_back(std::move(line));
    i = j;
  }
  return lines;
}

// Digits folded to '#', letters lower-cased: "Page 3 of 9" and "Page 4 of 9" have one key.
std::string FurnitureKey(const std::string& text) {
  std::string k;
  for (unsigned char c : text) {
    if (std::isdigit(c)) {
      if (k.empty() || k.back() != '#') k += '#';
    } else if (c == '\t') {
      k += ' ';
    } else {
      k += static_cast<char>(std::tolower(c));
    }
  }
  return k;
}

bool IsPageNumber(const std::string& key) {
  static const RE2 kPageNumber(R"(\s*(?:page\s*)?-?\s*#\s*-?(?:\s*(?:of|/)\s*#)?\s*)");
  return RE2::FullMatch(key, kPageNumber);
}

// Moves running headers, footers and page numbers out of `pages` into doc->headers/footers.
void SplitFurniture(const std::vector<LayoutPage>& pages, std::vector<std::vector<Line>>* lines,
                    Document* doc) {
  constexpr int kEdgeLines = 3;  // lines looked at from each edge of a page
  constexpr double kBand = 0.1;  // of the page height: furniture sits in the margins
  auto key_of = [&](const Line& l, bool top) {
    return std::string(top ? "T" : "B") + std::to_string(static_cast<int>(l.y0 / 6)) + "|" +
           FurnitureKey(l.marker + l.Text());
  };
  std::map<std::string, std::set<int>> pages_of;  // key -> pages where it occurs
  for (size_t p = 0; p < lines->size(); ++p) {
    const std::vector<Line>& ls = (*lines)[p];
    double h = pages[p].height;
    for (size_t i = 0; i < ls.size(); ++i) {
      if (i < kEdgeLines && ls[i].y1 < kBand * h) pages_of[key_of(ls[i], true)].insert(p);
      if (i + kEdgeLines >= ls.size() && ls[i].y0 > (1 - kBand) * h)
        pages_of[key_of(ls[i], false)].insert(p);
    }
  }
  size_t need = std::max<size_t>(2, (lines->size() + 1) / 2);
  std::set<std::string> seen;  // furniture already kept, by text key
  for (size_t p = 0; p < lines->size(); ++p) {
    std::vector<Line>& ls = (*lines)[p];
    double h = pages[p].height;
    std::vector<Line> kept;
    for (size_t i = 0; i < ls.size(); ++i) {
      bool top = i < kEdgeLines && ls[i].y1 < kBand * h;
      bool bottom = i + kEdgeLines >= ls.size() && ls[i].y0 > (1 - kBand) * h;
      bool furniture = false;
      if (top || bottom) {
        std::string key = key_of(ls[i], top);
        furniture =
            pages_of[key].size() >= need || IsPageNumber(FurnitureKey(ls[i].marker + ls[i].Text()));
      }
      if (!furniture) {
        kept.push_back(std::move(ls[i]));
        continue;
      }
      std::string text = ls[i].marker.empty() ? ls[i].Text() : ls[i].marker + " " + ls[i].Text();
      if (!seen.insert((top ? "T" : "B") + FurnitureKey(text)).second) continue;
      Block b;
      b.text = std::move(text);
      (top ? doc->headers : doc->footers).push_back(std::move(b));
    }
    ls = std::move(kept);
  }
}

// Appends a wrapped line's text to a paragraph's or a cell's: a space between, except after a
// hyphen ending a word, where the halves join with the hyphen kept ("Lee-" + "Townsend",
// "de-" + "escalation"): minutes are full of compounds (follow-up, out-of-hours, pre-approval),
// and producers of minutes rarely hyphenate words, so keeping the hyphen loses less than
// dropping it. A soft hyphen (U+00AD), which is only ever a layout's break, is dropped. A word
// broken without a hyphen because it was wider than its column ("identi" + "fy") cannot be told
// by where the line ends (no better than chance), so the words tell: the halves join when the
// first is not an English word and the two together are (ingest/word_list.h); an address broken
// after a "." or "/" joins too.
// An e-mail address or web address broken at a line's end after its "." "/" "@" or "_"
// ("colin@tracsuk." + "org"): such a token never holds a space.
bool BrokenAddress(std::string_view text, std::string_view next) {
  size_t start = text.find_last_of(" \t\n");
  std::string_view token = start == std::string_view::npos ? text : text.substr(start + 1);
  bool address = token.find('@') != std::string_view::npos ||
                 token.find("://") != std::string_view::npos || token.starts_with("www.");
  char last = token.empty() ? ' ' : token.back();
  return address && (last == '.' || last == '/' || last == '@' || last == '_') && !next.empty() &&
         std::isalnum(static_cast<unsigned char>(next[0]));
}

bool BrokenWord(std::string_view text, std::string_view next) {
  auto letter = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); };
  size_t head = text.size();
  while (head > 0 && letter(text[head - 1])) --head;
  size_t tail = 0;
  while (tail < next.size() && letter(next[tail])) ++tail;
  if (text.size() - head < 2 || tail == 0) return false;
  if (head > 0 && (text[head - 1] & 0x80)) return false;        // part of a non-ASCII word
  if (tail < next.size() && (next[tail] & 0x80)) return false;  // likewise
  std::string_view first = text.substr(head);
  return !IsEnglishWord(first) &&
         IsEnglishWord(std::string(first) + std::string(next.substr(0, tail)));
}

void AppendWrapped(std::string* text, std::string_view next) {
  if (text->empty()) {
    *text = next;
    return;
  }
  static const std::string_view kSoftHyphen = "\xC2\xAD";
  if (text->ends_with(kSoftHyphen)) {
    text->resize(text->size() - kSoftHyphen.size());
    *text += next;
    return;
  }
  size_t n = text->size();
  if (n >= 2 && (*text)[n - 1] == '-' && std::isalnum(static_cast<unsigned char>((*text)[n - 2])) &&
      !next.empty() && std::isalnum(static_cast<unsigned char>(next[0]))) {
    *text += next;
    return;
  }
  if (BrokenWord(*text, next) || BrokenAddress(*text, next)) {
    *text += next;
    return;
  }
  *text += ' ';
  *text += next;
}

class Layout {
 public:
  Layout(std::vector<Line> lines, Document* doc)
      : lines_(std::move(lines)), doc_(doc), base_(doc->body.size()) {
    Measure();
  }

  void Run() {
    size_t i = 0;
    while (i < lines_.size()) {
      size_t end = TableEnd(i);
      if (end > i) {
        EmitTable(i, end);
        i = end;
      } else {
        i = Paragraph(i);
      }
    }
    MarkHeadings();
  }

 private:
  // The body font size (most characters) and the normal distance between lines of a paragraph.
  void Measure() {
    std::map<double, size_t> chars;
    for (const Line& l : lines_)
      for (const Segment& s : l.segments) chars[l.size] += s.text.size();
    size_t best = 0;
    for (const auto& [size, n] : chars)
      if (n > best) best = n, body_size_ = size;
    std::vector<double> ratios;
    for (size_t i = 1; i < lines_.size(); ++i) {
      const Line &a = lines_[i - 1], &b = lines_[i];
      if (a.page != b.page || a.size != b.size || a.size <= 0) continue;
      double r = (b.y0 - a.y0) / a.size;
      if (r >= 0.9 && r <= 3.0) ratios.push_back(r);
    }
    double pitch = 1.3;
    if (!ratios.empty()) {
      std::nth_element(ratios.begin(), ratios.begin() + ratios.size() / 4, ratios.end());
      pitch = std::clamp(ratios[ratios.size() / 4], 1.0, 1.45);
    }
    paragraph_pitch_ = pitch * 1.2;
    for (const Line& l : lines_) right_ = std::max(right_, l.x1);
    top_ = lines_.empty() ? 0 : lines_[0].y0;
    for (size_t i = 1; i < lines_.size(); ++i)
      if (lines_[i].page != lines_[i - 1].page) top_ = std::min(top_, lines_[i].y0);
  }

  // The segments of `l` fit the columns `cols` (sorted starts): every segment starts at a
  // column, or a single segment lies within one.
  bool Fits(const Line& l, const std::vector<double>& cols, int* matched) const {
    *matched = 0;
    for (const Segment& s : l.segments) {
      int c = ColumnOf(s.x0, cols);
      if (c < 0) return false;
      if (std::abs(cols[c] - s.x0) <= kColumnTolerance) {
        ++*matched;
      } else if (l.segments.size() > 1) {
        return false;
      }
      if (l.segments.size() == 1 && c + 1 < static_cast<int>(cols.size()) &&
          s.x1 > cols[c + 1] + kColumnTolerance)
        return false;  // runs across the next column: a paragraph, not a cell
    }
    return true;
  }

  static int ColumnOf(double x, const std::vector<double>& cols) {
    int c = -1;
    for (size_t i = 0; i < cols.size(); ++i)
      if (cols[i] <= x + kColumnTolerance) c = static_cast<int>(i);
    return c;
  }

  bool FarApart(const Line& a, const Line& b) const {
    if (a.page != b.page) return false;
    return b.y0 - a.y1 > 2.5 * std::max(a.size, 1.0) || b.y0 < a.y0;
  }

  // The end (exclusive) of a table starting at line `i`, or `i` if none starts there.
  size_t TableEnd(size_t i) const {
    if (lines_[i].segments.size() < 2 || !lines_[i].marker.empty()) return i;
    std::vector<double> cols;
    for (const Segment& s : lines_[i].segments) cols.push_back(s.x0);
    size_t multi = 1, end = i + 1;
    for (size_t j = i + 1; j < lines_.size(); ++j) {
      const Line& l = lines_[j];
      if (FarApart(lines_[j - 1], l) || !l.marker.empty()) break;
      if (l.segments.size() >= 2) {
        int matched = 0;
        std::vector<double> merged = cols;
        for (const Segment& s : l.segments) {
          bool known = false;
          for (double c : cols) known = known || std::abs(c - s.x0) <= kColumnTolerance;
          if (known) {
            ++matched;
          } else {
            merged.push_back(s.x0);
          }
        }
        if (matched < 2 && matched < static_cast<int>(l.segments.size())) break;
        std::sort(merged.begin(), merged.end());
        cols = std::move(merged);
        ++multi;
        end = j + 1;
      } else {
        int matched = 0;
        if (!Fits(l, cols, &matched)) break;
        end = j + 1;
      }
    }
    return multi >= 2 ? end : i;
  }

  void EmitTable(size_t begin, size_t end) {
    std::vector<double> cols;
    for (size_t i = begin; i < end; ++i)
      for (const Segment& s : lines_[i].segments) {
        bool known = false;
        for (double c : cols) known = known || std::abs(c - s.x0) <= kColumnTolerance;
        if (!known) cols.push_back(s.x0);
      }
    std::sort(cols.begin(), cols.end());
    Block table;
    table.kind = BlockKind::kTable;
    std::vector<std::string> texts;  // the current row's cell texts, by column
    std::vector<int> spans;
    std::set<int> prev_cols;
    auto flush = [&] {
      if (texts.empty()) return;
      Row row;
      for (size_t c = 0; c < cols.size();) {
        Cell cell;
        cell.grid_span = std::max(1, spans[c]);
        Block p;
        p.text = texts[c];
        cell.blocks.push_back(std::move(p));
        row.cells.push_back(std::move(cell));
        c += std::max(1, spans[c]);
      }
      table.rows.push_back(std::move(row));
      texts.clear();
    };
    for (size_t i = begin; i < end; ++i) {
      const Line& l = lines_[i];
      std::set<int> here;
      std::vector<std::pair<int, const Segment*>> placed;
      for (const Segment& s : l.segments) {
        int c = std::max(0, ColumnOf(s.x0, cols));
        here.insert(c);
        placed.emplace_back(c, &s);
      }
      bool subset = std::includes(prev_cols.begin(), prev_cols.end(), here.begin(), here.end());
      bool full = here.size() == cols.size();
      bool first_col_again = here.count(0) && prev_cols.count(0);
      if (texts.empty() || !subset || full || first_col_again) {
        flush();
        texts.assign(cols.size(), "");
        spans.assign(cols.size(), 1);
        for (auto [c, s] : placed) {
          int span = 1;
          while (c + span < static_cast<int>(cols.size()) &&
                 s->x1 > cols[c + span] + kColumnTolerance)
            ++span;
          spans[c] = span;
        }
      }
      for (auto [c, s] : placed) AppendWrapped(&texts[c], s->text);
      prev_cols = std::move(here);
    }
    flush();
    doc_->body.push_back(std::move(table));
    kinds_.push_back(Kind{});
  }

  // Reads the paragraph starting at line `i`; returns the line after it.
  size_t Paragraph(size_t i) {
    const Line& first = lines_[i];
    Block b;
    b.marker = first.marker;
    if (!b.marker.empty()) b.kind = BlockKind::kListItem;
    b.text = first.Text();
    size_t j = i + 1;
    size_t words = std::count(b.text.begin(), b.text.end(), ' ') + 1;
    for (; j < lines_.size(); ++j) {
      const Line &prev = lines_[j - 1], &l = lines_[j];
      if (!l.marker.empty() || (l.segments.size() >= 2 && TableEnd(j) > j)) break;
      if (std::abs(l.size - prev.size) > 0.5 || l.bold != prev.bold) break;
      if (l.page == prev.page) {
        if (l.y0 < prev.y0 || (l.y0 - prev.y0) > paragraph_pitch_ * std::max(prev.size, 1.0)) break;
      } else if (prev.x1 < 0.85 * right_ || l.y0 > top_ + 0.5 * l.size) {
        break;  // a short last line, or space above the next page's first: a new paragraph
      }
      // The next line's first word would have fitted at the end of this one: the writer
      // broke the line, so a paragraph (or a line of one) ends here.
      if (prev.x1 + 0.3 * prev.size + l.first_word_width < right_ - 1) break;
      std::string next = l.Text();
      AppendWrapped(&b.text, next);
      words += std::count(next.begin(), next.end(), ' ') + 1;
    }
    doc_->body.push_back(std::move(b));
    kinds_.push_back(Kind{first.size, first.bold && lines_[j - 1].bold, words});
    return j;
  }

  // Headings by size rank, then whole-bold paragraphs at body size.
  void MarkHeadings() {
    std::set<double, std::greater<double>> sizes;
    for (size_t i = 0; i < kinds_.size(); ++i)
      if (IsSizedHeading(i)) sizes.insert(kinds_[i].size);
    for (size_t i = 0; i < kinds_.size(); ++i) {
      Block& b = doc_->body[base_ + i];
      if (b.kind != BlockKind::kParagraph) continue;
      if (IsSizedHeading(i)) {
        b.kind = BlockKind::kHeading;
        b.level = 1 + static_cast<int>(std::distance(sizes.begin(), sizes.find(kinds_[i].size)));
      } else if (kinds_[i].bold && kinds_[i].words <= 12 &&
                 std::abs(kinds_[i].size - body_size_) <= 0.5) {
        b.kind = BlockKind::kHeading;
        b.level = std::min(9, 1 + static_cast<int>(sizes.size()));
      }
    }
  }

  bool IsSizedHeading(size_t i) const {
    return doc_->body[base_ + i].kind == BlockKind::kParagraph && kinds_[i].words <= 20 &&
           kinds_[i].size >= 1.15 * body_size_;
  }

  struct Kind {
    double size = 0;
    bool bold = false;
    size_t words = 0;
  };

  std::vector<Line> lines_;
  Document* doc_;
  size_t base_;              // blocks already in doc_->body before this layout
  std::vector<Kind> kinds_;  // per body block appended here: what the heading rule needs
  double body_size_ = 0;
  double paragraph_pitch_ = 1.56;
  double right_ = 0;  // the text's right edge: the longest line's end
  double top_ = 0;    // where the text starts on a page: the highest first line
};

}  // namespace

void LayoutDocument(const std::vector<LayoutPage>& pages, Document* doc) {
  std::vector<std::vector<Line>> per_page;
  for (size_t p = 0; p < pages.size(); ++p)
    per_page.push_back(BuildLines(pages[p], static_cast<int>(p)));
  SplitFurniture(pages, &per_page, doc);
  std::vector<Line> all;
  for (std::vector<Line>& ls : per_page)
    for (Line& l : ls) all.push_back(std::move(l));
  Layout(std::move(all), doc).Run();
}

}  // namespace minutes
