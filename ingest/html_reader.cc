// The "html" reader: an HTML page (a council's "agenda and minutes" page, a Word or LibreOffice
// "save as web page") parsed by libxml2's HTML parser into a Document. ReadHtml is what
// minutes_xml.so exports (xml_module.h); the program's "html" Reader, which sniffs and loads the
// module, is in xml_formats.cc.
//
// Choices, in one place:
//   - encoding: a byte order mark, else a <meta charset> / http-equiv in the first 4 KiB, else
//     UTF-8 when the bytes are valid UTF-8, else Windows-1252; ISO-8859-1 and ASCII labels mean
//     Windows-1252 (as browsers read them). The bytes are decoded here and given to libxml2 as
//     UTF-8, so a <meta> cannot switch the encoding half way;
//   - never a fetch: HTML_PARSE_NONET, no DTD loading, external entities denied; scripts never run;
//   - dropped: head, script, style, noscript, template, nav, iframe, object, embed, svg, canvas,
//     form controls, and anything marked hidden (the hidden attribute, aria-hidden="true");
//   - whitespace collapses as a browser shows it, <pre> excepted; <br> is '\n';
//   - blocks: h1-h6 are headings of that level; li a list item with "•" (ul) or its number in the
//     list's type and start (ol), nested lists one level deeper; p, div, blockquote, dt, dd, ...
//     paragraphs; img its image block (alt text), after the paragraph it sits in;
//   - tables: rows of thead/tbody/tfoot in order; colspan is Cell::grid_span; a rowspan cell is
//     repeated in the rows below with merged_from_above, as DOCX vertical merges are;
//   - page furniture: LibreOffice's <div title="header"|"footer"> and <header>/<footer> outside
//     any article, main or section become doc->headers / doc->footers, as DOCX headers are.

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <re2/re2.h>
#include <unicode/ucnv.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <exception>
#include <memory>
#include <new>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/libxml.h"
#include "ingest/text_reader.h"
#include "ingest/xml_module.h"

namespace minutes {
namespace {

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

// The charset a <meta> declares in the head of the page, lower case; "" if none.
std::string MetaCharset(std::string_view bytes) {
  static const RE2 kCharset(R"((?i)<meta[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_:.\-]+))");
  std::string label;
  if (RE2::PartialMatch(bytes.substr(0, 4096), kCharset, &label)) return Lower(label);
  return "";
}

// Decodes the page to UTF-8 (see the encoding rule at the top of the file).
Status DecodeHtml(std::string_view bytes, std::string* utf8) {
  bool has_bom =
      bytes.starts_with(kUtf8Bom) || bytes.starts_with("\xFF\xFE") || bytes.starts_with("\xFE\xFF");
  std::string label = has_bom ? "" : MetaCharset(bytes);
  if (label.empty() || label == "utf-8" || label == "utf8" || label == "windows-1252" ||
      label == "cp1252" || label == "iso-8859-1" || label == "latin1" || label == "us-ascii" ||
      label == "ascii" || label == "unicode" || label == "utf-16")
    return DecodeText(bytes, utf8);  // BOM, else valid UTF-8, else Windows-1252
  UErrorCode err = U_ZERO_ERROR;
  std::unique_ptr<UConverter, void (*)(UConverter*)> conv(ucnv_open(label.c_str(), &err),
                                                          ucnv_close);
  if (U_FAILURE(err)) return DecodeText(bytes, utf8);  // a label nobody knows: sniff instead
  std::vector<UChar> wide(bytes.size() + 1);
  int32_t n = ucnv_toUChars(conv.get(), wide.data(), static_cast<int32_t>(wide.size()),
                            bytes.data(), static_cast<int32_t>(bytes.size()), &err);
  if (U_FAILURE(err)) return Status::Corrupt("cannot decode the page as " + label);
  err = U_ZERO_ERROR;
  std::unique_ptr<UConverter, void (*)(UConverter*)> to8(ucnv_open("UTF-8", &err), ucnv_close);
  utf8->resize(static_cast<size_t>(n) * 3 + 1);
  int32_t m = ucnv_fromUChars(to8.get(), utf8->data(), static_cast<int32_t>(utf8->size()),
                              wide.data(), n, &err);
  if (U_FAILURE(err)) return Status::Corrupt("cannot decode the page as " + label);
  utf8->resize(m);
  return Status::OK();
}

bool IsDropped(const std::string& tag) {
  static const char* const kDropped[] = {
      "head",  "script", "style",  "noscript", "template", "nav",    "iframe",   "object",
      "embed", "svg",    "canvas", "button",   "select",   "option", "textarea", "input",
      "map",   "audio",  "video",  "title",    "meta",     "link",   "math"};
  for (const char* d : kDropped)
    if (tag == d) return true;
  return false;
}

bool IsBlockTag(const std::string& t) {
  static const char* const kBlocks[] = {
      "p",       "div",     "blockquote", "section",  "article", "main",   "aside",      "header",
      "footer",  "address", "dl",         "dt",       "dd",      "figure", "figcaption", "center",
      "hr",      "pre",     "form",       "fieldset", "legend",  "body",   "html",       "caption",
      "details", "summary", "ul",         "ol",       "li",      "table",  "h1",         "h2",
      "h3",      "h4",      "h5",         "h6"};
  for (const char* b : kBlocks)
    if (t == b) return true;
  return false;
}

std::string Attr(xmlNode* n, const char* name) {
  xmlChar* v = xmlGetProp(n, reinterpret_cast<const xmlChar*>(name));
  if (v == nullptr) return "";
  std::string s(reinterpret_cast<const char*>(v));
  xmlFree(v);
  return s;
}

bool HasAttr(xmlNode* n, const char* name) {
  return xmlHasProp(n, reinterpret_cast<const xmlChar*>(name)) != nullptr;
}

std::string Tag(xmlNode* n) { return Lower(reinterpret_cast<const char*>(n->name)); }

// "1", "a", "A", "i", "I" numbering of an ordered list.
// A list's start or value attribute, clamped to +-1,000,000: browsers accept any int, and a
// list counting on from INT_MAX must not overflow.
int ListNumber(const std::string& attr) {
  return static_cast<int>(std::clamp(std::strtol(attr.c_str(), nullptr, 10), -1000000L, 1000000L));
}

// The marker of item `n`. Roman numerals only up to 3999, as in CSS (decimal past it): the
// numeral of a billion is a million letters long.
std::string OrderedMarker(int n, const std::string& type) {
  auto roman = [](int v) {
    static const std::pair<int, const char*> kRoman[] = {
        {1000, "m"}, {900, "cm"}, {500, "d"}, {400, "cd"}, {100, "c"}, {90, "xc"}, {50, "l"},
        {40, "xl"},  {10, "x"},   {9, "ix"},  {5, "v"},    {4, "iv"},  {1, "i"}};
    std::string s;
    for (auto [k, r] : kRoman)
      while (v >= k) s += r, v -= k;
    return s;
  };
  auto alpha = [](int v) {
    std::string s;
    while (v > 0) s.insert(s.begin(), static_cast<char>('a' + (v - 1) % 26)), v = (v - 1) / 26;
    return s;
  };
  std::string m;
  if (n > 0 && n < 4000 && (type == "i" || type == "I")) {
    m = roman(n);
  } else if (n > 0 && (type == "a" || type == "A")) {
    m = alpha(n);
  } else {
    m = std::to_string(n);
  }
  if (type == "A" || type == "I")
    for (char& c : m) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return m + ".";
}

// Collapses whitespace runs to one space and trims around line breaks and at the ends.
std::string Collapse(const std::string& s) {
  std::string out;
  bool space = false;
  for (char c : s) {
    if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\x0B') {
      space = true;
    } else {
      if (c == '\n') {
        while (!out.empty() && out.back() == ' ') out.pop_back();
        out += '\n';
        space = false;
        continue;
      }
      if (space && !out.empty() && out.back() != '\n') out += ' ';
      space = false;
      out += c;
    }
  }
  size_t a = out.find_first_not_of(" \n");
  size_t b = out.find_last_not_of(" \n");
  return a == std::string::npos ? "" : out.substr(a, b - a + 1);
}

struct ListState {
  bool ordered = false;
  std::string type;
  int next = 1;
};

class HtmlWalker {
 public:
  HtmlWalker(const IngestOptions& options, Document* doc) : options_(options), doc_(doc) {}

  Status Walk(xmlNode* root) {
    out_ = &doc_->body;
    Children(root, 0);
    Flush();
    return status_;
  }

 private:
  // Text collected for the open block. Source whitespace is kept as ' ' (collapsed at Flush);
  // <br> is a '\n' that Collapse keeps.
  void Text(std::string_view s) {
    for (char c : s) cur_.text += (c == '\n' || c == '\r' || c == '\t') ? ' ' : c;
  }

  // Ends the open block. A list item's marker waits for the item's first text (li > p), unless
  // the item itself is closing (`item_end`): an empty item still shows its marker.
  void Flush(bool item_end = false) {
    std::string text = pre_ ? cur_.text : Collapse(cur_.text);
    if (!text.empty() || (item_end && !cur_.marker.empty())) {
      cur_.text = std::move(text);
      out_->push_back(std::move(cur_));
      cur_ = Block();
    } else {
      cur_.text.clear();  // keep kind and marker for the content still to come (li > p)
    }
    for (Block& b : images_) out_->push_back(std::move(b));
    images_.clear();
  }

  void StartBlock(BlockKind kind, int level, std::string marker) {
    Flush();
    cur_ = Block();
    cur_.kind = kind;
    cur_.level = level;
    cur_.marker = std::move(marker);
  }

  void Children(xmlNode* n, int depth) {
    for (xmlNode* c = n->children; c != nullptr && status_.ok(); c = c->next) Node(c, depth + 1);
  }

  void Node(xmlNode* n, int depth) {
    if (depth > options_.max_xml_depth) {
      status_ = Status::TooLarge("HTML nested deeper than max_xml_depth (" +
                                 std::to_string(options_.max_xml_depth) + ")");
      return;
    }
    if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
      if (n->content != nullptr) {
        std::string_view t(reinterpret_cast<const char*>(n->content));
        if (pre_) {
          cur_.text += t;
        } else {
          Text(t);
        }
      }
      return;
    }
    if (n->type != XML_ELEMENT_NODE) return;
    std::string tag = Tag(n);
    if (IsDropped(tag) || HasAttr(n, "hidden") || Lower(Attr(n, "aria-hidden")) == "true") return;
    std::string role = Lower(Attr(n, "role"));
    if (role == "navigation" || role == "search") return;

    if (tag == "br") {
      cur_.text += '\n';
      return;
    }
    if (tag == "img") {
      Block image;
      image.kind = BlockKind::kImage;
      image.text = Collapse(Attr(n, "alt"));
      images_.push_back(std::move(image));
      return;
    }
    if (!IsBlockTag(tag)) {  // inline: span, b, a, font, ...
      Children(n, depth);
      return;
    }
    std::string title = Lower(Attr(n, "title"));
    bool part = (tag == "div" && (title == "header" || title == "footer")) ||
                ((tag == "header" || tag == "footer") && in_content_ == 0 && in_part_ == 0);
    if (part) {
      Flush();
      std::vector<Block>* saved = out_;
      bool footer = tag == "footer" || title == "footer";
      out_ = footer ? &doc_->footers : &doc_->headers;
      ++in_part_;
      Children(n, depth);
      Flush();
      --in_part_;
      out_ = saved;
      return;
    }
    if (tag == "table") {
      Flush();
      Table(n, depth);
      return;
    }
    if (tag == "ul" || tag == "ol") {
      Flush();
      ListState list;
      list.ordered = tag == "ol";
      list.type = Attr(n, "type");
      if (std::string start = Attr(n, "start"); !start.empty()) list.next = ListNumber(start);
      lists_.push_back(list);
      Children(n, depth);
      Flush();
      lists_.pop_back();
      return;
    }
    if (tag == "li") {
      std::string marker = "•";
      if (!lists_.empty() && lists_.back().ordered) {
        ListState& l = lists_.back();
        if (std::string v = Attr(n, "value"); !v.empty()) l.next = ListNumber(v);
        marker = OrderedMarker(l.next++, l.type);
      }
      int level = std::clamp(static_cast<int>(lists_.size()) - 1, 0, 8);
      StartBlock(BlockKind::kListItem, level, marker);
      Children(n, depth);
      Flush(/*item_end=*/true);
      return;
    }
    if (tag.size() == 2 && tag[0] == 'h' && tag[1] >= '1' && tag[1] <= '6') {
      StartBlock(BlockKind::kHeading, tag[1] - '0', "");
      Children(n, depth);
      Flush();
      return;
    }
    bool content = tag == "article" || tag == "main" || tag == "section";
    bool pre = tag == "pre";
    Flush();
    in_content_ += content;
    bool saved_pre = pre_;
    pre_ = pre_ || pre;
    Children(n, depth);
    Flush();
    pre_ = saved_pre;
    in_content_ -= content;
  }

  // The blocks of a table cell, read with a walker of their own.
  std::vector<Block> CellBlocks(xmlNode* cell, int depth) {
    std::vector<Block> blocks;
    std::vector<Block>* saved_out = out_;
    Block saved_cur = std::move(cur_);
    std::vector<Block> saved_images = std::move(images_);
    cur_ = Block();
    images_.clear();
    out_ = &blocks;
    Children(cell, depth);
    Flush();
    out_ = saved_out;
    cur_ = std::move(saved_cur);
    images_ = std::move(saved_images);
    return blocks;
  }

  void CollectRows(xmlNode* n, std::vector<xmlNode*>* rows) {
    for (xmlNode* c = n->children; c != nullptr; c = c->next) {
      if (c->type != XML_ELEMENT_NODE) continue;
      std::string t = Tag(c);
      if (t == "tr") {
        rows->push_back(c);
      } else if (t == "thead" || t == "tbody" || t == "tfoot") {
        CollectRows(c, rows);
      }
    }
  }

  void Table(xmlNode* n, int depth) {
    static constexpr int kMaxSpan = 64;  // as DOCX: bounds what a hostile colspan allocates
    Block table;
    table.kind = BlockKind::kTable;
    struct Pending {
      int rows_left = 0;
      int span = 1;
      std::vector<Block> blocks;
    };
    std::vector<Pending> pending;  // by grid column: a rowspan still covering the rows below
    std::vector<xmlNode*> rows;
    CollectRows(n, &rows);
    for (xmlNode* tr : rows) {
      Row row;
      size_t col = 0;
      auto fill_pending = [&] {
        while (col < pending.size() && pending[col].rows_left > 0) {
          Pending& p = pending[col];
          Cell cell;
          cell.blocks = p.blocks;
          cell.grid_span = p.span;
          cell.merged_from_above = true;
          --p.rows_left;
          row.cells.push_back(std::move(cell));
          col += p.span;
        }
      };
      for (xmlNode* c = tr->children; c != nullptr && status_.ok(); c = c->next) {
        if (c->type != XML_ELEMENT_NODE) continue;
        std::string t = Tag(c);
        if (t != "td" && t != "th") continue;
        fill_pending();
        Cell cell;
        cell.grid_span = std::clamp(std::atoi(Attr(c, "colspan").c_str()), 1, kMaxSpan);
        int rowspan = std::clamp(std::atoi(Attr(c, "rowspan").c_str()), 1, 1000);
        cell.blocks = CellBlocks(c, depth + 2);
        if (rowspan > 1) {
          if (pending.size() < col + cell.grid_span) pending.resize(col + cell.grid_span);
          pending[col] = Pending{rowspan - 1, cell.grid_span, cell.blocks};
        }
        col += cell.grid_span;
        row.cells.push_back(std::move(cell));
      }
      fill_pending();
      if (!row.cells.empty()) table.rows.push_back(std::move(row));
    }
    if (!table.rows.empty()) out_->push_back(std::move(table));
  }

  const IngestOptions& options_;
  Document* doc_;
  Status status_;
  std::vector<Block>* out_ = nullptr;  // where finished blocks go: body, headers, footers, a cell
  Block cur_;                          // the block being filled
  std::vector<Block> images_;          // images met in cur_, placed after it
  std::vector<ListState> lists_;
  bool pre_ = false;
  int in_content_ = 0;  // inside article/main/section: <header>/<footer> there are content
  int in_part_ = 0;
};

// ReadHtml, which runs it under a try.
Status ReadHtmlPage(std::string_view bytes, const IngestOptions& options, Document* doc) {
  InitLibxml2();
  std::string utf8;
  Status s = DecodeHtml(bytes, &utf8);
  if (!s.ok()) return s;
  if (utf8.size() > static_cast<size_t>(INT32_MAX)) return Status::TooLarge("HTML over 2 GiB");
  std::unique_ptr<xmlParserCtxt, void (*)(xmlParserCtxtPtr)> ctxt(htmlNewParserCtxt(),
                                                                  htmlFreeParserCtxt);
  if (ctxt == nullptr) return Status::TooLarge("out of memory parsing HTML");
  // HTML_PARSE_NOERROR silences the context's own handlers; libxml2 then reports to the
  // thread-local structured handler, which collects them here. The parser recovers from what
  // malformed HTML is, but stops where it hits one of its limits, and a page cut there must not
  // pass as read.
  LibxmlErrors errors;
  xmlSetStructuredErrorFunc(&errors, LibxmlErrors::Collect);
  std::unique_ptr<xmlDoc, void (*)(xmlDocPtr)> html(
      htmlCtxtReadMemory(ctxt.get(), utf8.data(), static_cast<int>(utf8.size()), nullptr, "UTF-8",
                         HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING),
      xmlFreeDoc);
  xmlSetStructuredErrorFunc(nullptr, nullptr);
  if (s = errors.LimitStatus("HTML", options.max_xml_depth); !s.ok()) return s;
  if (html == nullptr || xmlDocGetRootElement(html.get()) == nullptr)
    return Status::Corrupt("not an HTML document libxml2 can parse" +
                           (errors.seen() ? ": " + errors.message() : std::string()));
  HtmlWalker walker(options, doc);
  return walker.Walk(xmlDocGetRootElement(html.get()));
}

}  // namespace

// An exception must not leave the module (xml_module.h). Running out of memory keeps the message
// ReadBytes gave it before the reader moved into the module.
Status ReadHtml(std::string_view bytes, const IngestOptions& options, Document* doc) {
  Status s;
  try {
    return ReadHtmlPage(bytes, options, doc);
  } catch (const std::bad_alloc&) {
    s = Status::TooLarge("out of memory reading the document");
  } catch (const std::exception& e) {
    s = Status::Corrupt(std::string("cannot read the HTML page: ") + e.what());
  } catch (...) {
    s = Status::Corrupt("cannot read the HTML page");
  }
  // Thrown during a parse, the handler would still point at the collector gone with its frame.
  xmlSetStructuredErrorFunc(nullptr, nullptr);
  return s;
}

}  // namespace minutes
