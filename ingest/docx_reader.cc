// The "docx" reader: package (zip + relationships) -> parts (XML trees; the main part streamed,
// one body element at a time) -> Document blocks. ReadDocx is what minutes_xml.so exports
// (xml_module.h); the program's "docx" Reader, which sniffs and loads the module, is in
// xml_formats.cc.
//
// Choices a person reading the document in Word would agree with, in one place:
//   - w:br type="page"/"column" ends the block (a paragraph break); other w:br and w:cr are '\n';
//   - w:noBreakHyphen is an ASCII '-' (searchable), w:softHyphen is dropped (invisible unless
//   wrapped);
//   - hidden text (w:vanish, directly or from the run or paragraph style) is dropped;
//   - insertions and moveTo are kept, deletions and moveFrom dropped;
//   - complex fields keep their result and drop the instruction, even across paragraphs;
//   - mc:AlternateContent uses the first mc:Choice that holds anything we read, else mc:Fallback;
//   - text boxes and images become blocks after the paragraph that anchors them;
//   - footnotes are numbered 1, 2, 3 and endnotes i, ii, iii (Word's defaults) in order of
//   reference;
//     the body shows "[1]" / "[i]" where the reference is, the note block carries the same marker;
//   - comments are numbered in comments.xml order, "[comment N]"; headers and footers are the ones
//   the
//     section properties reference (first-page ones only with w:titlePg, even-page ones only with
//     w:evenAndOddHeaders), each part once;
//   - w:altChunk (an embedded foreign document, HTML/RTF/...) is not read: a paragraph
//     "[embedded document not shown]" marks the place.

#include <algorithm>
#include <cstdlib>
#include <exception>
#include <map>
#include <memory>
#include <new>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "ingest/docx_styles.h"
#include "ingest/docx_text.h"
#include "ingest/docx_xml.h"
#include "ingest/limits.h"
#include "ingest/style_sheet_cache.h"
#include "ingest/xml_module.h"
#include "ingest/zip_package.h"

namespace minutes {
namespace {

struct Rel {
  std::string id;
  std::string type;
  std::string target;  // resolved part name ("" for external targets)
};

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

std::string PercentDecode(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size() && std::isxdigit(static_cast<unsigned char>(s[i + 1])) &&
        std::isxdigit(static_cast<unsigned char>(s[i + 2]))) {
      out += static_cast<char>(std::strtol(std::string(s.substr(i + 1, 2)).c_str(), nullptr, 16));
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

std::string DirOf(std::string_view part) {
  size_t slash = part.rfind('/');
  return slash == std::string_view::npos ? "" : std::string(part.substr(0, slash + 1));
}

// A relationship target resolved against the part that holds the relationship: a leading '/' is
// the package root, otherwise relative to the source part's folder; '.', '..' and '\' handled.
std::string ResolvePartName(std::string_view source_part, std::string_view target) {
  std::string t = PercentDecode(target);
  std::replace(t.begin(), t.end(), '\\', '/');
  std::string path = (!t.empty() && t[0] == '/') ? t : DirOf(source_part) + t;
  std::vector<std::string> segments;
  size_t start = 0;
  while (start <= path.size()) {
    size_t slash = path.find('/', start);
    if (slash == std::string::npos) slash = path.size();
    std::string seg = path.substr(start, slash - start);
    if (seg == "..") {
      if (!segments.empty()) segments.pop_back();
    } else if (!seg.empty() && seg != ".") {
      segments.push_back(seg);
    }
    start = slash + 1;
  }
  std::string out;
  for (const std::string& seg : segments) {
    if (!out.empty()) out += '/';
    out += seg;
  }
  return out;
}

std::string RelsPartFor(std::string_view part) {
  size_t slash = part.rfind('/');
  std::string dir = slash == std::string_view::npos ? "" : std::string(part.substr(0, slash + 1));
  std::string name(slash == std::string_view::npos ? part : part.substr(slash + 1));
  return dir + "_rels/" + name + ".rels";
}

bool IsMainContentType(std::string_view ct) {
  return (ct.find("wordprocessingml") != std::string_view::npos && EndsWith(ct, ".main+xml")) ||
         (ct.substr(0, 24) == "application/vnd.ms-word." && EndsWith(ct, ".main+xml"));
}

std::string LowerRoman(int n) { return ListNumbering::FormatNumber(n, "lowerRoman"); }

bool HasContent(const Block& b) {
  switch (b.kind) {
    case BlockKind::kTable:
      return !b.rows.empty();
    case BlockKind::kImage:
      return true;
    default:
      return !b.marker.empty() || b.text.find_first_not_of(" \t\n") != std::string::npos;
  }
}

// True when `e` holds anything the walker turns into text, an image or blocks.
bool Readable(const XmlElement& e) {
  for (const XmlElement& c : e.children) {
    if ((c.Is(Ns::kW, "t") && !c.text.empty()) || c.Is(Ns::kM, "t") ||
        c.Is(Ns::kW, "txbxContent") || c.Is(Ns::kW, "sym") || c.Is(Ns::kW, "p") ||
        c.Is(Ns::kW, "tbl") || c.Is(Ns::kA, "blip") || c.Is(Ns::kV, "imagedata") ||
        c.Is(Ns::kPic, "pic"))
      return true;
    if (Readable(c)) return true;
  }
  return false;
}

// mc:AlternateContent: the first mc:Choice with readable content, else mc:Fallback (or nullptr).
const XmlElement* Choose(const XmlElement& alternate) {
  const XmlElement* fallback = nullptr;
  for (const XmlElement& c : alternate.children) {
    if (c.Is(Ns::kMc, "Choice") && Readable(c)) return &c;
    if (c.Is(Ns::kMc, "Fallback") && fallback == nullptr) fallback = &c;
  }
  return fallback;
}

// Elements holding properties, never content.
bool IsPropertyElement(const XmlElement& e) {
  if (e.ns != Ns::kW) return false;
  static const char* const kProps[] = {
      "pPr",      "rPr",       "tblPr",       "trPr",         "tcPr",    "sectPr",     "sdtPr",
      "sdtEndPr", "tblGrid",   "customXmlPr", "smartTagPr",   "tblPrEx", "background", "del",
      "moveFrom", "instrText", "delText",     "delInstrText", "fldData", "rubyPr"};
  for (const char* p : kProps)
    if (e.local == p) return true;
  return false;
}

// Puts a note's or comment's marker on its first block. Word writes the space after the note number
// as text ("<footnoteRef/> My note"); the renderer adds its own, so leading spaces go.
void AttachMarker(const std::string& marker, std::vector<Block>* blocks) {
  auto first = std::find_if(blocks->begin(), blocks->end(), HasContent);
  if (first != blocks->end() && first->kind != BlockKind::kTable &&
      first->kind != BlockKind::kImage) {
    first->marker = first->marker.empty() ? marker : marker + " " + first->marker;
    first->text.erase(0, std::min(first->text.find_first_not_of(' '), first->text.size()));
  } else {
    Block b;
    b.marker = marker;
    blocks->insert(blocks->begin(), std::move(b));
  }
}

struct ParaOut {
  std::vector<Block> blocks;  // the paragraph, split at page breaks
  std::vector<Block> after;   // text boxes and images anchored in it
  bool hidden = false;        // the paragraph style hides its runs
};

class DocxReader {
 public:
  DocxReader(ZipPackage* zip, const IngestOptions& options, Document* doc)
      : zip_(zip), options_(options), doc_(doc) {}

  Status Read();

 private:
  enum class Part { kBody, kNote, kComment, kHeaderFooter };

  Status Parse(const std::string& part, XmlElement* root);
  // Sets styles_: from StyleSheetCache when another file had the same styles part, else parsed.
  Status ReadStyles();
  Status ReadBody();
  Status ReadRels(const std::string& source_part, std::vector<Rel>* rels);
  Status FindMainPart(std::string* main);
  std::string PartOfType(std::string_view type_suffix, std::string_view default_name) const;
  Status ReadNotes(bool endnotes);
  Status ReadComments();
  Status ReadHeadersFooters();

  void WalkBlocks(const XmlElement& parent, std::vector<Block>* out);
  void WalkBlock(const XmlElement& e, std::vector<Block>* out);
  XmlTake TakeBlock(const XmlElement& parent, const XmlElement& e) const;
  void Paragraph(const XmlElement& p, std::vector<Block>* out);
  void Table(const XmlElement& tbl, std::vector<Block>* out);
  void CollectRows(const XmlElement& e, std::vector<const XmlElement*>* rows);
  void CollectCells(const XmlElement& e, std::vector<const XmlElement*>* cells);
  void Inline(const XmlElement& parent, ParaOut* po);
  void Run(const XmlElement& r, ParaOut* po);
  void RunContent(const XmlElement& container, bool hidden, ParaOut* po);
  void Graphic(const XmlElement& g, ParaOut* po);
  void FindGraphicParts(const XmlElement& e, bool* picture, std::string* alt,
                        std::vector<const XmlElement*>* textboxes);
  void MathText(const XmlElement& e, ParaOut* po);
  void NoteReference(const XmlElement& ref, bool endnote, ParaOut* po);
  void SectionReferences(const XmlElement& sect_pr);

  bool FieldVisible() const {
    return std::all_of(fields_.begin(), fields_.end(), [](bool result) { return result; });
  }
  void Append(ParaOut* po, std::string_view s) {
    if (FieldVisible()) po->blocks.back().text += s;
  }

  ZipPackage* zip_;
  const IngestOptions& options_;
  Document* doc_;

  std::string main_;
  std::vector<Rel> rels_;                     // of the main part
  std::shared_ptr<const StyleSheet> styles_;  // shared with other files of the same template
  ListNumbering lists_;
  bool even_and_odd_headers_ = false;

  Part part_ = Part::kBody;
  std::vector<bool> fields_;  // open complex fields: false while in the instruction, true in result

  std::map<std::string, int> footnote_numbers_, endnote_numbers_;  // note id -> number shown
  std::vector<std::string> footnote_order_, endnote_order_;
  std::vector<std::pair<bool, std::string>> section_parts_;  // (is header, rel id), first use order
};

Status DocxReader::Parse(const std::string& part, XmlElement* root) {
  std::string xml;
  Status s = zip_->Read(part, &xml);
  if (s.ok()) s = ParseXmlPart(xml, part, options_.max_xml_depth, root);
  return s;
}

Status DocxReader::ReadRels(const std::string& source_part, std::vector<Rel>* rels) {
  rels->clear();
  std::string rels_part = source_part.empty() ? "_rels/.rels" : RelsPartFor(source_part);
  if (!zip_->Has(rels_part)) return Status::OK();
  XmlElement root;
  Status s = Parse(rels_part, &root);
  if (!s.ok()) return s;
  for (const XmlElement& top : root.children)
    for (const XmlElement& r : top.children) {
      if (r.local != "Relationship") continue;
      Rel rel;
      rel.id = r.AttrOr(Ns::kRels, "Id");
      rel.type = r.AttrOr(Ns::kRels, "Type");
      if (r.AttrOr(Ns::kRels, "TargetMode") != "External")
        rel.target = ResolvePartName(source_part, r.AttrOr(Ns::kRels, "Target"));
      rels->push_back(std::move(rel));
    }
  return Status::OK();
}

Status DocxReader::FindMainPart(std::string* main) {
  std::vector<Rel> package_rels;
  Status s = ReadRels("", &package_rels);
  if (!s.ok()) return s;
  for (const Rel& rel : package_rels)
    if (EndsWith(rel.type, "/officeDocument") && !rel.target.empty() && zip_->Has(rel.target)) {
      *main = rel.target;
      return Status::OK();
    }
  if (zip_->Has("[Content_Types].xml")) {
    XmlElement root;
    s = Parse("[Content_Types].xml", &root);
    if (!s.ok()) return s;
    for (const XmlElement& types : root.children)
      for (const XmlElement& o : types.children) {
        if (o.local != "Override" || !IsMainContentType(o.AttrOr(Ns::kContentTypes, "ContentType")))
          continue;
        std::string part = ResolvePartName("", o.AttrOr(Ns::kContentTypes, "PartName"));
        if (zip_->Has(part)) {
          *main = part;
          return Status::OK();
        }
      }
  }
  if (zip_->Has("word/document.xml")) {
    *main = "word/document.xml";
    return Status::OK();
  }
  return Status::Corrupt(
      "no main document part (no officeDocument relationship and no word/document.xml)");
}

// The part a main-part relationship of this type points at; without any relationships for the
// main part, the conventional sibling name. "" when there is none in the package.
std::string DocxReader::PartOfType(std::string_view type_suffix,
                                   std::string_view default_name) const {
  for (const Rel& rel : rels_)
    if (EndsWith(rel.type, type_suffix) && !rel.target.empty() && zip_->Has(rel.target))
      return rel.target;
  if (rels_.empty() && !default_name.empty()) {
    std::string sibling = DirOf(main_) + std::string(default_name);
    if (zip_->Has(sibling)) return sibling;
  }
  return "";
}

Status DocxReader::ReadStyles() {
  static const auto* kNoStyles = new std::shared_ptr<const StyleSheet>(new StyleSheet);
  styles_ = *kNoStyles;
  std::string part = PartOfType("/styles", "styles.xml");
  if (part.empty()) return Status::OK();
  ZipPackage::StoredPart stored;
  Status s = zip_->Stored(part, &stored);
  if (!s.ok()) return s;
  StyleSheetCache& cache = StyleSheetCache::Shared();
  if (auto sheet = cache.Find(stored)) {
    styles_ = std::move(sheet);
    return Status::OK();
  }
  std::string xml;
  XmlElement root;
  s = zip_->Read(stored, &xml);
  if (s.ok()) s = ParseXmlPart(xml, part, options_.max_xml_depth, &root);
  if (!s.ok()) return s;
  auto sheet = std::make_shared<StyleSheet>();
  sheet->Load(root);
  styles_ = sheet;
  cache.Insert(stored, std::move(sheet));
  return Status::OK();
}

Status DocxReader::Read() {
  Status s = FindMainPart(&main_);
  if (s.ok()) s = ReadRels(main_, &rels_);

  if (s.ok()) s = ReadStyles();
  XmlElement numbering_root, settings_root;
  if (std::string part = PartOfType("/numbering", "numbering.xml"); s.ok() && !part.empty()) {
    s = Parse(part, &numbering_root);
    if (s.ok()) lists_.Load(numbering_root, styles_.get());
  }
  if (std::string part = PartOfType("/settings", "settings.xml"); s.ok() && !part.empty()) {
    s = Parse(part, &settings_root);
    if (s.ok() && !settings_root.children.empty())
      if (const XmlElement* e = settings_root.children[0].Child(Ns::kW, "evenAndOddHeaders"))
        even_and_odd_headers_ = OnOff(*e);
  }
  if (!s.ok()) return s;

  s = ReadBody();
  if (!s.ok()) return s;
  s = ReadNotes(/*endnotes=*/false);
  if (s.ok()) s = ReadNotes(/*endnotes=*/true);
  if (s.ok()) s = ReadComments();
  if (s.ok()) s = ReadHeadersFooters();
  return s;
}

// The main part is streamed (see TakeBlock): a body of millions of paragraphs is never one tree.
Status DocxReader::ReadBody() {
  std::string xml;
  Status s = zip_->Read(main_, &xml);
  if (!s.ok()) return s;
  std::string root_name;
  bool is_document = false, body_seen = false;
  part_ = Part::kBody;
  fields_.clear();
  XmlStreamHandler body;
  body.take = [&](const XmlElement* parent, const XmlElement& e, int depth) {
    if (depth == 0) {
      root_name = e.local;
      is_document = e.Is(Ns::kW, "document");
      return is_document ? XmlTake::kDescend : XmlTake::kSkip;
    }
    if (depth == 1) {  // only the first w:body is read
      if (!e.Is(Ns::kW, "body") || body_seen) return XmlTake::kSkip;
      body_seen = true;
      return XmlTake::kDescend;
    }
    return TakeBlock(*parent, e);
  };
  // The limits are checked per body element, on the blocks it added, before the next is read: a
  // body of millions of paragraphs is refused at max_blocks, not once it has all been built.
  DocumentLimits limits(options_);
  body.element = [this, &limits](XmlElement& e) {
    size_t first = doc_->body.size();
    WalkBlock(e, &doc_->body);
    for (size_t i = first; i < doc_->body.size(); ++i)
      if (Status s = limits.Count(doc_->body[i]); !s.ok()) return s;
    return Status::OK();
  };
  s = StreamXmlPart(xml, main_, options_.max_xml_depth, body);
  if (s.ok() && !is_document)
    s = Status::Corrupt("main document part " + main_ +
                        " is not a WordprocessingML document (root element " + root_name + ")");
  return s;
}

Status DocxReader::ReadNotes(bool endnotes) {
  const std::vector<std::string>& order = endnotes ? endnote_order_ : footnote_order_;
  if (order.empty()) return Status::OK();
  std::string part = PartOfType(endnotes ? "/endnotes" : "/footnotes",
                                endnotes ? "endnotes.xml" : "footnotes.xml");
  if (part.empty()) return Status::OK();
  XmlElement root;
  Status s = Parse(part, &root);
  if (!s.ok()) return s;
  std::unordered_map<std::string, const XmlElement*> by_id;
  for (const XmlElement& top : root.children)
    for (const XmlElement& n : top.children) {
      if (!n.Is(Ns::kW, endnotes ? "endnote" : "footnote")) continue;
      std::string type = n.AttrOr(Ns::kW, "type", "normal");
      if (type != "normal") continue;  // separator, continuationSeparator, continuationNotice
      by_id.emplace(n.AttrOr(Ns::kW, "id"), &n);
    }
  std::vector<Block>* out = endnotes ? &doc_->endnotes : &doc_->footnotes;
  part_ = Part::kNote;
  for (size_t i = 0; i < order.size(); ++i) {
    auto it = by_id.find(order[i]);
    if (it == by_id.end()) continue;
    std::string marker =
        "[" + (endnotes ? LowerRoman(static_cast<int>(i + 1)) : std::to_string(i + 1)) + "]";
    std::vector<Block> blocks;
    fields_.clear();
    WalkBlocks(*it->second, &blocks);
    AttachMarker(marker, &blocks);
    out->insert(out->end(), std::make_move_iterator(blocks.begin()),
                std::make_move_iterator(blocks.end()));
  }
  return Status::OK();
}

Status DocxReader::ReadComments() {
  std::string part = PartOfType("/comments", "comments.xml");
  if (part.empty()) return Status::OK();
  XmlElement root;
  Status s = Parse(part, &root);
  if (!s.ok()) return s;
  part_ = Part::kComment;
  int n = 0;
  for (const XmlElement& top : root.children)
    for (const XmlElement& c : top.children) {
      if (!c.Is(Ns::kW, "comment")) continue;
      std::vector<Block> blocks;
      fields_.clear();
      WalkBlocks(c, &blocks);
      std::string marker = "[comment " + std::to_string(++n) + "]";
      AttachMarker(marker, &blocks);
      doc_->comments.insert(doc_->comments.end(), std::make_move_iterator(blocks.begin()),
                            std::make_move_iterator(blocks.end()));
    }
  return Status::OK();
}

Status DocxReader::ReadHeadersFooters() {
  part_ = Part::kHeaderFooter;
  for (const auto& section_part : section_parts_) {
    const bool is_header = section_part.first;
    const std::string& id = section_part.second;
    auto rel = std::find_if(rels_.begin(), rels_.end(), [&](const Rel& r) { return r.id == id; });
    if (rel == rels_.end() || rel->target.empty() || !zip_->Has(rel->target)) continue;
    XmlElement root;
    Status s = Parse(rel->target, &root);
    if (!s.ok()) return s;
    fields_.clear();
    for (const XmlElement& top : root.children)
      WalkBlocks(top, is_header ? &doc_->headers : &doc_->footers);
  }
  return Status::OK();
}

void DocxReader::SectionReferences(const XmlElement& sect_pr) {
  bool title_page = false;
  if (const XmlElement* t = sect_pr.Child(Ns::kW, "titlePg")) title_page = OnOff(*t);
  for (const XmlElement& ref : sect_pr.children) {
    bool header = ref.Is(Ns::kW, "headerReference");
    if (!header && !ref.Is(Ns::kW, "footerReference")) continue;
    std::string type = ref.AttrOr(Ns::kW, "type", "default");
    if ((type == "first" && !title_page) || (type == "even" && !even_and_odd_headers_)) continue;
    std::pair<bool, std::string> key(header, ref.AttrOr(Ns::kR, "id"));
    if (std::find(section_parts_.begin(), section_parts_.end(), key) == section_parts_.end())
      section_parts_.push_back(std::move(key));
  }
}

// ---- blocks ----

void DocxReader::WalkBlocks(const XmlElement& parent, std::vector<Block>* out) {
  for (const XmlElement& e : parent.children) WalkBlock(e, out);
}

// Keep in step with TakeBlock, which decides the same for the streamed body.
void DocxReader::WalkBlock(const XmlElement& e, std::vector<Block>* out) {
  if (e.Is(Ns::kW, "p")) {
    Paragraph(e, out);
  } else if (e.Is(Ns::kW, "tbl")) {
    Table(e, out);
  } else if (e.Is(Ns::kW, "sdt")) {
    if (const XmlElement* content = e.Child(Ns::kW, "sdtContent")) WalkBlocks(*content, out);
  } else if (e.Is(Ns::kMc, "AlternateContent")) {
    if (const XmlElement* chosen = Choose(e)) WalkBlocks(*chosen, out);
  } else if (e.Is(Ns::kW, "sectPr")) {
    if (part_ == Part::kBody) SectionReferences(e);
  } else if (e.Is(Ns::kW, "altChunk")) {
    Block b;
    b.text = "[embedded document not shown]";
    out->push_back(std::move(b));
  } else if (e.Is(Ns::kW, "r") || e.Is(Ns::kW, "hyperlink")) {
    // Runs outside any paragraph (invalid, but seen): give them a paragraph of their own.
    ParaOut po;
    po.blocks.emplace_back();
    if (e.Is(Ns::kW, "r"))
      Run(e, &po);
    else
      Inline(e, &po);
    for (Block& b : po.blocks) out->push_back(std::move(b));
    for (Block& b : po.after) out->push_back(std::move(b));
  } else if (!IsPropertyElement(e) && !e.children.empty()) {
    // customXml, ins, moveTo, smartTag, and elements we do not know: look inside.
    WalkBlocks(e, out);
  }
}

// How the streamed body takes `e`, a child of `parent` (w:body or a container taken kDescend):
// whole what WalkBlock reads as a unit; descended what WalkBlock only looks inside (sdt,
// customXml, ins, ...), so that a container of a million paragraphs is not one tree either;
// skipped what WalkBlock ignores. The result is what WalkBlocks gives for the whole tree.
XmlTake DocxReader::TakeBlock(const XmlElement& parent, const XmlElement& e) const {
  if (parent.Is(Ns::kW, "sdt"))
    return e.Is(Ns::kW, "sdtContent") ? XmlTake::kDescend : XmlTake::kSkip;
  if (e.Is(Ns::kW, "p") || e.Is(Ns::kW, "tbl") || e.Is(Ns::kMc, "AlternateContent") ||
      e.Is(Ns::kW, "sectPr") || e.Is(Ns::kW, "altChunk") || e.Is(Ns::kW, "r") ||
      e.Is(Ns::kW, "hyperlink"))
    return XmlTake::kWhole;
  if (e.Is(Ns::kW, "sdt")) return XmlTake::kDescend;
  return IsPropertyElement(e) ? XmlTake::kSkip : XmlTake::kDescend;
}

void DocxReader::Paragraph(const XmlElement& p, std::vector<Block>* out) {
  const XmlElement* ppr = p.Child(Ns::kW, "pPr");
  std::string style = styles_->default_paragraph_style();
  int heading = 0;
  StyleSheet::NumRef num;
  if (ppr != nullptr) {
    if (const XmlElement* ps = ppr->Child(Ns::kW, "pStyle")) style = ps->AttrOr(Ns::kW, "val");
    if (const XmlElement* o = ppr->Child(Ns::kW, "outlineLvl")) {
      int v = std::atoi(o->AttrOr(Ns::kW, "val", "9").c_str());
      heading = (v >= 0 && v <= 8) ? v + 1 : -1;
    }
    if (const XmlElement* np = ppr->Child(Ns::kW, "numPr")) {
      if (const XmlElement* id = np->Child(Ns::kW, "numId"))
        num.num_id = std::atoi(id->AttrOr(Ns::kW, "val", "-1").c_str());
      if (const XmlElement* lvl = np->Child(Ns::kW, "ilvl"))
        num.ilvl = std::atoi(lvl->AttrOr(Ns::kW, "val", "0").c_str());
    }
    if (const XmlElement* sect = ppr->Child(Ns::kW, "sectPr"); sect && part_ == Part::kBody)
      SectionReferences(*sect);
  }
  if (heading == 0) heading = styles_->HeadingLevel(style);
  if (num.num_id < 0) {
    StyleSheet::NumRef inherited = styles_->Numbering(style);
    num.num_id = inherited.num_id;
    if (num.ilvl < 0) num.ilvl = inherited.ilvl;
  }
  if (num.ilvl < 0) num.ilvl = 0;

  Block first;
  std::string marker;
  if (num.num_id > 0 && lists_.Next(num.num_id, num.ilvl, &marker)) {
    first.kind = BlockKind::kListItem;
    first.level = std::min(num.ilvl, 8);
    first.marker = std::move(marker);
  }
  if (heading > 0) {
    first.kind = BlockKind::kHeading;
    first.level = heading;
  }
  ParaOut po;
  po.hidden = styles_->Hidden(style) == 1;
  po.blocks.push_back(std::move(first));
  Inline(p, &po);
  for (Block& b : po.blocks) out->push_back(std::move(b));
  for (Block& b : po.after) out->push_back(std::move(b));
}

void DocxReader::CollectRows(const XmlElement& e, std::vector<const XmlElement*>* rows) {
  for (const XmlElement& c : e.children) {
    if (c.Is(Ns::kW, "tr")) {
      const XmlElement* trpr = c.Child(Ns::kW, "trPr");
      if (trpr == nullptr || trpr->Child(Ns::kW, "del") == nullptr)
        rows->push_back(&c);  // tracked deletion
    } else if (c.Is(Ns::kW, "sdt")) {
      if (const XmlElement* content = c.Child(Ns::kW, "sdtContent")) CollectRows(*content, rows);
    } else if (c.Is(Ns::kMc, "AlternateContent")) {
      if (const XmlElement* chosen = Choose(c)) CollectRows(*chosen, rows);
    } else if (c.Is(Ns::kW, "customXml") || c.Is(Ns::kW, "ins") || c.Is(Ns::kW, "moveTo")) {
      CollectRows(c, rows);
    }
  }
}

void DocxReader::CollectCells(const XmlElement& e, std::vector<const XmlElement*>* cells) {
  for (const XmlElement& c : e.children) {
    if (c.Is(Ns::kW, "tc")) {
      cells->push_back(&c);
    } else if (c.Is(Ns::kW, "sdt")) {
      if (const XmlElement* content = c.Child(Ns::kW, "sdtContent")) CollectCells(*content, cells);
    } else if (c.Is(Ns::kMc, "AlternateContent")) {
      if (const XmlElement* chosen = Choose(c)) CollectCells(*chosen, cells);
    } else if (c.Is(Ns::kW, "customXml") || c.Is(Ns::kW, "ins") || c.Is(Ns::kW, "moveTo")) {
      CollectCells(c, cells);
    }
  }
}

void DocxReader::Table(const XmlElement& tbl, std::vector<Block>* out) {
  static constexpr int kMaxSpan =
      64;  // grid columns; bounds what a hostile gridBefore can allocate
  auto grid_count = [](const XmlElement* trpr, const char* name) {
    const XmlElement* e = trpr ? trpr->Child(Ns::kW, name) : nullptr;
    return e ? std::clamp(std::atoi(e->AttrOr(Ns::kW, "val", "0").c_str()), 0, kMaxSpan) : 0;
  };

  Block table;
  table.kind = BlockKind::kTable;
  // Vertical merges: each group lists (row, cell) slots, restart first.
  std::vector<std::vector<std::pair<size_t, size_t>>> groups;
  std::map<int, size_t> open;  // grid column -> group still open from the row above

  std::vector<const XmlElement*> rows;
  CollectRows(tbl, &rows);
  for (const XmlElement* tr : rows) {
    Row row;
    const XmlElement* trpr = tr->Child(Ns::kW, "trPr");
    int col = 0;
    for (int i = grid_count(trpr, "gridBefore"); i > 0; --i, ++col) row.cells.emplace_back();
    std::map<int, size_t> next_open;
    std::vector<const XmlElement*> cells;
    CollectCells(*tr, &cells);
    for (const XmlElement* tc : cells) {
      Cell cell;
      const XmlElement* tcpr = tc->Child(Ns::kW, "tcPr");
      std::string vmerge;
      bool merged = false;
      if (tcpr != nullptr) {
        if (const XmlElement* gs = tcpr->Child(Ns::kW, "gridSpan"))
          cell.grid_span =
              std::clamp(std::atoi(gs->AttrOr(Ns::kW, "val", "1").c_str()), 1, kMaxSpan);
        if (const XmlElement* vm = tcpr->Child(Ns::kW, "vMerge")) {
          merged = true;
          vmerge = vm->AttrOr(Ns::kW, "val", "continue");
        }
      }
      WalkBlocks(*tc, &cell.blocks);
      std::pair<size_t, size_t> slot(table.rows.size(), row.cells.size());
      if (merged) {
        auto it = open.find(col);
        if (vmerge != "restart" && it != open.end()) {
          groups[it->second].push_back(slot);
          next_open[col] = it->second;
        } else {
          groups.push_back({slot});
          next_open[col] = groups.size() - 1;
        }
      }
      col += cell.grid_span;
      row.cells.push_back(std::move(cell));
    }
    for (int i = grid_count(trpr, "gridAfter"); i > 0; --i) row.cells.emplace_back();
    open = std::move(next_open);
    table.rows.push_back(std::move(row));
  }

  // A merged cell's value is the restart cell's blocks plus anything typed into the continuation
  // cells; every row the merge spans gets the whole value.
  for (const auto& group : groups) {
    if (group.size() < 2) continue;
    std::vector<Block> value = table.rows[group[0].first].cells[group[0].second].blocks;
    for (size_t i = 1; i < group.size(); ++i)
      for (const Block& b : table.rows[group[i].first].cells[group[i].second].blocks)
        if (HasContent(b)) value.push_back(b);
    for (size_t i = 0; i < group.size(); ++i) {
      Cell& cell = table.rows[group[i].first].cells[group[i].second];
      cell.blocks = value;
      cell.merged_from_above = i > 0;
    }
  }
  if (!table.rows.empty()) out->push_back(std::move(table));
}

// ---- inline content ----

void DocxReader::Inline(const XmlElement& parent, ParaOut* po) {
  for (const XmlElement& e : parent.children) {
    if (e.Is(Ns::kW, "r")) {
      Run(e, po);
    } else if (e.Is(Ns::kW, "sdt")) {
      if (const XmlElement* content = e.Child(Ns::kW, "sdtContent")) Inline(*content, po);
    } else if (e.Is(Ns::kMc, "AlternateContent")) {
      if (const XmlElement* chosen = Choose(e)) Inline(*chosen, po);
    } else if (e.Is(Ns::kM, "oMath") || e.Is(Ns::kM, "oMathPara")) {
      if (!po->hidden) MathText(e, po);
    } else if (!IsPropertyElement(e) && !e.children.empty()) {
      // hyperlink, fldSimple (its result runs), smartTag, customXml, ins, moveTo, dir, bdo, ...
      Inline(e, po);
    }
  }
}

void DocxReader::Run(const XmlElement& r, ParaOut* po) {
  bool hidden = po->hidden;
  if (const XmlElement* rpr = r.Child(Ns::kW, "rPr")) {
    if (const XmlElement* rs = rpr->Child(Ns::kW, "rStyle")) {
      int h = styles_->Hidden(rs->AttrOr(Ns::kW, "val"));
      if (h >= 0) hidden = h == 1;
    }
    if (const XmlElement* v = rpr->Child(Ns::kW, "vanish")) hidden = OnOff(*v);
  }
  RunContent(r, hidden, po);
}

void DocxReader::RunContent(const XmlElement& container, bool hidden, ParaOut* po) {
  for (const XmlElement& e : container.children) {
    if (e.Is(Ns::kMc, "AlternateContent")) {
      if (const XmlElement* chosen = Choose(e)) RunContent(*chosen, hidden, po);
      continue;
    }
    if (e.ns != Ns::kW) continue;
    const std::string& n = e.local;
    if (n == "fldChar") {  // field structure counts even in hidden runs
      std::string type = e.AttrOr(Ns::kW, "fldCharType");
      if (type == "begin") {
        if (fields_.size() < 64) fields_.push_back(false);
      } else if (type == "separate") {
        if (!fields_.empty()) fields_.back() = true;
      } else if (type == "end") {
        if (!fields_.empty()) fields_.pop_back();
      }
      continue;
    }
    if (hidden) continue;
    if (n == "t") {
      Append(po, e.text);
    } else if (n == "tab" || n == "ptab") {
      Append(po, "\t");
    } else if (n == "br") {
      std::string type = e.AttrOr(Ns::kW, "type");
      if (type == "page" || type == "column") {
        if (FieldVisible()) po->blocks.emplace_back();
      } else {
        Append(po, "\n");
      }
    } else if (n == "cr") {
      Append(po, "\n");
    } else if (n == "noBreakHyphen") {
      Append(po, "-");
    } else if (n == "sym") {
      uint32_t code =
          static_cast<uint32_t>(std::strtoul(e.AttrOr(Ns::kW, "char").c_str(), nullptr, 16));
      if (code != 0) Append(po, SymbolChar(e.AttrOr(Ns::kW, "font"), code));
    } else if (n == "footnoteReference" || n == "endnoteReference") {
      NoteReference(e, n == "endnoteReference", po);
    } else if (n == "drawing" || n == "pict" || n == "object") {
      if (FieldVisible()) Graphic(e, po);
    } else if (n == "ruby") {
      if (const XmlElement* base = e.Child(Ns::kW, "rubyBase")) Inline(*base, po);
    }
    // softHyphen, lastRenderedPageBreak, footnoteRef, annotationRef, separator, instrText,
    // delText, commentReference, ...: nothing a reader sees as text.
  }
}

void DocxReader::NoteReference(const XmlElement& ref, bool endnote, ParaOut* po) {
  if (part_ == Part::kNote || !FieldVisible()) return;
  auto& numbers = endnote ? endnote_numbers_ : footnote_numbers_;
  auto& order = endnote ? endnote_order_ : footnote_order_;
  std::string id = ref.AttrOr(Ns::kW, "id");
  auto [it, added] = numbers.emplace(id, static_cast<int>(order.size()) + 1);
  if (added) order.push_back(id);
  const XmlElement* custom = nullptr;
  for (const XmlAttr& a : ref.attrs)
    if (a.local == "customMarkFollows" && a.value != "0" && a.value != "false") custom = &ref;
  if (custom != nullptr) return;  // the mark is the text of the next run
  Append(po, "[" + (endnote ? LowerRoman(it->second) : std::to_string(it->second)) + "]");
}

void DocxReader::FindGraphicParts(const XmlElement& e, bool* picture, std::string* alt,
                                  std::vector<const XmlElement*>* textboxes) {
  for (const XmlElement& c : e.children) {
    if (c.Is(Ns::kW, "txbxContent")) {
      textboxes->push_back(&c);
      continue;
    }
    if (c.Is(Ns::kMc, "AlternateContent")) {
      if (const XmlElement* chosen = Choose(c)) FindGraphicParts(*chosen, picture, alt, textboxes);
      continue;
    }
    if (c.Is(Ns::kWp, "docPr") && alt->empty()) {
      *alt = c.AttrOr(Ns::kNone, "descr");
      if (alt->empty()) *alt = c.AttrOr(Ns::kNone, "title");
    } else if (c.Is(Ns::kA, "blip") || c.Is(Ns::kPic, "pic")) {
      *picture = true;
    } else if (c.Is(Ns::kA, "graphicData")) {
      std::string uri = c.AttrOr(Ns::kNone, "uri");
      if (uri.find("/chart") != std::string::npos || uri.find("/diagram") != std::string::npos)
        *picture = true;
    } else if (c.Is(Ns::kV, "imagedata")) {
      *picture = true;
      if (alt->empty()) *alt = c.AttrOr(Ns::kO, "title");
    } else if (c.ns == Ns::kV && alt->empty()) {
      *alt = c.AttrOr(Ns::kNone, "alt");
    }
    FindGraphicParts(c, picture, alt, textboxes);
  }
}

void DocxReader::Graphic(const XmlElement& g, ParaOut* po) {
  bool picture = false;
  std::string alt;
  std::vector<const XmlElement*> textboxes;
  FindGraphicParts(g, &picture, &alt, &textboxes);
  if (picture) {
    Block image;
    image.kind = BlockKind::kImage;
    image.text = std::move(alt);
    // Alt text is one line in the rendering.
    std::replace(image.text.begin(), image.text.end(), '\n', ' ');
    std::replace(image.text.begin(), image.text.end(), '\r', ' ');
    po->after.push_back(std::move(image));
  }
  for (const XmlElement* tb : textboxes) WalkBlocks(*tb, &po->after);
}

void DocxReader::MathText(const XmlElement& e, ParaOut* po) {
  for (const XmlElement& c : e.children) {
    if (c.Is(Ns::kM, "t"))
      Append(po, c.text);
    else
      MathText(c, po);
  }
}

}  // namespace

Status ReadDocx(std::string_view bytes, const IngestOptions& options, Document* doc) {
  try {
    std::unique_ptr<ZipPackage> zip;
    Status s = ZipPackage::Open(bytes, options, &zip);
    if (!s.ok()) return s;
    DocxReader reader(zip.get(), options, doc);
    return reader.Read();
  } catch (const std::bad_alloc&) {
    return Status::TooLarge("out of memory reading the DOCX package");
  } catch (const std::exception& e) {
    return Status::Corrupt(std::string("cannot read the DOCX package: ") + e.what());
  } catch (...) {
    return Status::Corrupt("cannot read the DOCX package");
  }
}

}  // namespace minutes
