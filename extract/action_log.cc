// Action logs: tables are recognised by their header row, columns mapped by header words and
// grid position (so merged and spanning cells line up), then each row read into a RawAction.

#include "extract/action_log.h"

#include <re2/re2.h>

#include <algorithm>
#include <cctype>
#include <memory>

#include "extract/steps.h"

namespace minutes {
namespace {

enum class Column { kUnknown, kRef, kText, kOwner, kIssued, kDue, kStatus };

struct HeaderRule {
  const char* pattern;  // full-match, case-insensitive, on the trimmed header cell
  Column column;
};

const HeaderRule kHeaderRules[] = {
    {R"(ref\.?|reference|no\.?|number|#|id|item(?: no\.?)?|action (?:no\.?|number|ref\.?))",
     Column::kRef},
    {R"(actions?|action points?|agreed actions?|description|task|actions? agreed|what)",
     Column::kText},
    {R"(responsible|owners?|leads?|who|by whom|action by|person responsible|assigned to|responsibility)",
     Column::kOwner},
    {R"(date issued|date raised|raised|date added|date agreed|date opened|issued|date|meeting date|date of meeting)",
     Column::kIssued},
    {R"(due|due date|deadline|by when|target date|timescales?|when|date due|completion date)",
     Column::kDue},
    {R"(status|rag|rag status|progress|update|progress update|complete\??|current status)",
     Column::kStatus},
};

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

std::string_view TrimView(std::string_view s, size_t* offset) {
  size_t b = 0;
  while (b < s.size() && IsSpace(s[b])) ++b;
  size_t e = s.size();
  while (e > b && IsSpace(s[e - 1])) --e;
  *offset += b;
  return s.substr(b, e - b);
}

Column ClassifyHeader(std::string_view cell) {
  size_t unused = 0;
  cell = TrimView(cell, &unused);
  if (cell.empty()) return Column::kUnknown;
  static const std::vector<std::unique_ptr<RE2>>* patterns = [] {
    auto* v = new std::vector<std::unique_ptr<RE2>>;
    for (const HeaderRule& r : kHeaderRules)
      v->push_back(std::make_unique<RE2>(std::string("(?i)") + r.pattern + R"([\s:]*)"));
    return v;
  }();
  for (size_t i = 0; i < patterns->size(); ++i)
    if (RE2::FullMatch(re2::StringPiece(cell.data(), cell.size()), *(*patterns)[i]))
      return kHeaderRules[i].column;
  return Column::kUnknown;
}

bool LooksLikeRef(std::string_view s) {
  static const RE2 re(R"([A-Za-z]{0,3}\s?\d{1,4}[a-z]?\.?)");
  return RE2::FullMatch(re2::StringPiece(s.data(), s.size()), re);
}

// Maps grid column -> cell for a row (a cell spanning n columns covers all n).
std::vector<const Cell*> GridCells(const Row& row) {
  std::vector<const Cell*> grid;
  for (const Cell& c : row.cells)
    for (int k = 0; k < std::max(1, c.grid_span); ++k) grid.push_back(&c);
  return grid;
}

std::string_view Text(const Document& doc, Span s) {
  return std::string_view(doc.text).substr(s.start, s.size());
}

}  // namespace

std::vector<std::pair<std::string, size_t>> SplitOwners(std::string_view cell) {
  std::vector<std::pair<std::string, size_t>> out;
  // Separators: '/', ',', ';', '&', " and ", and plain spaces between initials. A full name
  // ("Mark Vening") keeps its inner space: words are grouped while they are not all-caps initials.
  size_t i = 0;
  std::vector<std::pair<std::string_view, size_t>> parts;
  while (i < cell.size()) {
    while (i < cell.size() && (IsSpace(cell[i]) || cell[i] == '/' || cell[i] == ',' ||
                               cell[i] == ';' || cell[i] == '&' || cell[i] == '+'))
      ++i;
    size_t b = i;
    while (i < cell.size() && !IsSpace(cell[i]) && cell[i] != '/' && cell[i] != ',' &&
           cell[i] != ';' && cell[i] != '&' && cell[i] != '+')
      ++i;
    if (i > b) parts.push_back({cell.substr(b, i - b), b});
  }
  auto is_initials = [](std::string_view w) {
    if (w.size() < 2 || w.size() > 5) return false;
    for (char c : w)
      if (!std::isupper(static_cast<unsigned char>(c))) return false;
    return true;
  };
  std::string current;
  size_t current_off = 0;
  auto flush = [&] {
    if (!current.empty()) out.push_back({current, current_off});
    current.clear();
  };
  for (auto [w, off] : parts) {
    if (w == "and") {
      flush();
      continue;
    }
    if (is_initials(w) || w == "All" || w == "all") {
      flush();
      out.push_back({std::string(w), off});
      continue;
    }
    if (current.empty()) {
      current = std::string(w);
      current_off = off;
    } else {
      current += " " + std::string(w);
    }
  }
  flush();
  return out;
}

std::vector<std::pair<std::string, size_t>> LeadingOwners(std::string_view sentence) {
  // "MC to", "PH, KL and SA to", "GS and SD to", "RE/AMA to": owners up to " to ".
  static const RE2 re(
      R"(^\s*((?:[A-Z]{2,5})(?:\s*(?:,|/|&|and)\s*[A-Z]{2,5})*)\s+(?:to|will|has agreed to|agreed to)\s)");
  re2::StringPiece owners;
  if (!RE2::PartialMatch(re2::StringPiece(sentence.data(), sentence.size()), re, &owners))
    return {};
  size_t base = owners.data() - sentence.data();
  auto split = SplitOwners(std::string_view(owners.data(), owners.size()));
  for (auto& [name, off] : split) off += base;
  return split;
}

std::vector<RawAction> FindActions(const Document& doc) {
  std::vector<RawAction> out;
  int log_tables = 0;
  for (const Block& b : doc.body) {
    if (b.kind != BlockKind::kTable || b.rows.size() < 2) continue;
    // The header is the first row that names a text column beside one other known column.
    size_t header_row = b.rows.size();
    std::vector<Column> columns;
    for (size_t r = 0; r < std::min<size_t>(b.rows.size(), 3); ++r) {
      std::vector<const Cell*> grid = GridCells(b.rows[r]);
      std::vector<Column> cols;
      bool has_text = false;
      int others = 0;
      for (size_t g = 0; g < grid.size(); ++g) {
        Column c = ClassifyHeader(Text(doc, grid[g]->span));
        if (g > 0 && grid[g] == grid[g - 1]) c = Column::kUnknown;  // spanned
        // "Action" in a table with no other text column is the text column.
        if (c == Column::kText) {
          if (has_text) c = Column::kUnknown;
          has_text = true;
        } else if (c != Column::kUnknown) {
          ++others;
        }
        cols.push_back(c);
      }
      if (has_text && others >= 1) {
        header_row = r;
        columns = cols;
        break;
      }
    }
    if (header_row == b.rows.size()) continue;
    ++log_tables;

    for (size_t r = header_row + 1; r < b.rows.size(); ++r) {
      const Row& row = b.rows[r];
      std::vector<const Cell*> grid = GridCells(row);
      RawAction a;
      a.source = ActionSource::kLog;
      a.table = log_tables - 1;
      a.rule = "actions.table_row";
      a.span = row.span;
      for (size_t g = 0; g < grid.size() && g < columns.size(); ++g) {
        if (g > 0 && grid[g] == grid[g - 1]) continue;
        size_t off = grid[g]->span.start;
        std::string_view v = TrimView(Text(doc, grid[g]->span), &off);
        Span s{off, off + v.size()};
        Column c = columns[g];
        // An unlabelled column of refs ("49") is the ref column.
        if (c == Column::kUnknown && a.ref.empty() && !v.empty() && LooksLikeRef(v) &&
            grid[g]->span.size() < 8)
          c = Column::kRef;
        switch (c) {
          case Column::kRef:
            a.ref = std::string(v);
            break;
          case Column::kText:
            a.text = std::string(v);
            a.text_span = s;
            break;
          case Column::kOwner:
            for (auto& [name, o] : SplitOwners(v)) {
              a.owners.push_back(name);
              a.owner_spans.push_back(Span{off + o, off + o + name.size()});
            }
            break;
          case Column::kIssued:
            a.issued_raw = std::string(v);
            a.issued_span = s;
            break;
          case Column::kDue:
            a.due_raw = std::string(v);
            a.due_span = s;
            break;
          case Column::kStatus:
            a.status_raw = std::string(v);
            a.status_span = s;
            break;
          case Column::kUnknown:
            break;
        }
      }
      if (a.text.empty() && a.ref.empty()) continue;  // a blank row
      out.push_back(std::move(a));
    }
  }

  // Inline "Action: ..." / "Action - ..." / "ACTION:" paragraphs, anywhere in the body.
  static const RE2 inline_re(R"((?i)^\s*actions?\s*(?:point)?\s*[:\-–]\s*(.+?)\s*$)");
  for (const Block& b : doc.body) {
    if (b.kind == BlockKind::kTable) continue;
    std::string_view para = Text(doc, b.span);
    re2::StringPiece body;
    if (!RE2::FullMatch(re2::StringPiece(para.data(), para.size()), inline_re, &body)) continue;
    RawAction a;
    a.source = ActionSource::kInline;
    a.rule = "actions.inline_label";
    a.span = b.span;
    size_t off = body.data() - doc.text.data();
    a.text = std::string(body.data(), body.size());
    a.text_span = Span{off, off + body.size()};
    // Owners: the leading initials of the first sentence that assigns ("RE to meet ...").
    std::string_view text(body.data(), body.size());
    size_t sentence = 0;
    while (sentence < text.size()) {
      auto owners = LeadingOwners(text.substr(sentence));
      if (!owners.empty()) {
        for (auto& [name, o] : owners) {
          a.owners.push_back(name);
          a.owner_spans.push_back(Span{off + sentence + o, off + sentence + o + name.size()});
        }
        break;
      }
      size_t dot = text.find(". ", sentence);
      if (dot == std::string_view::npos) break;
      sentence = dot + 2;
    }
    out.push_back(std::move(a));
  }
  return out;
}

// The action-log rows and inline actions as written, and where every owner is written: in an
// owner cell, or leading an action's text ("GS and SD to meet").
extern const Step kActionLogStep = {
    "action_log", {}, {Datum::kActionLog}, [](Workspace* w) {
      w->raw_actions = FindActions(w->doc);
      const std::string_view text(w->doc.text);
      for (const RawAction& a : w->raw_actions) {
        w->owner_spans.insert(w->owner_spans.end(), a.owner_spans.begin(), a.owner_spans.end());
        for (auto& [name, off] : LeadingOwners(text.substr(a.text_span.start, a.text_span.size())))
          w->owner_spans.push_back(
              Span{a.text_span.start + off, a.text_span.start + off + name.size()});
      }
    }};

}  // namespace minutes
