// Agenda items and decisions: one pass over the body's top-level blocks, each block's first line
// tried against a few anchored RE2 patterns. Cost is linear in the body: every block is looked at
// once, and placing an item is a binary search.

#include "extract/agenda.h"

#include <re2/re2.h>

#include <algorithm>
#include <cstdlib>
#include <optional>
#include <string_view>

#include "extract/literals.h"
#include "extract/spans.h"
#include "extract/steps.h"
#include "extract/words.h"

namespace minutes {
namespace {

// "Item 4", "Agenda item 4.1:", "Minute 23 –", "Min. 23/25". Group 1 the number, 2 the rest.
const RE2& NamedItemPattern() {
  static const RE2 re(R"(^\s*(?i:agenda\s+item|item|minute|min\.?)\s*(?i:no\.?\s*)?)"
                      R"((\d{1,4}/\d{2,4}|\d{1,3}(?:\.\d{1,2}){0,2}[a-z]?)\b[\s.:)–—-]*(.*)$)");
  return re;
}

// "4. Title", "4.1 Title", "23/25 Title", "4) Title". Group 1 the number, 2 its punctuation (empty
// for a bare "4 Title"), 3 the rest.
const RE2& NumberedItemPattern() {
  static const RE2 re(R"(^\s*(\d{1,4}/\d{2,4}|\d{1,3}(?:\.\d{1,2}){0,2})([.)]?)\s*(.+)$)");
  return re;
}

// What follows a number that makes it a time or a figure, not an item: "10.00 – 10.30", "2.30pm".
const RE2& NotATitlePattern() {
  static const RE2 re(R"(^(?:[-–—]\s*\d|(?i:am|pm|hrs?)\b|%))");
  return re;
}

// Unnumbered headings after which no item goes on.
const RE2& ClosingHeadingPattern() {
  static const RE2 re(
      R"(^\s*(?i:action\s+log|actions?\s+tracker|summary\s+of\s+actions|actions\s*:?\s*$|)"
      R"(appendix|annex|dates?\s+of\s+(?:the\s+)?(?:next|future)\s+meetings?|)"
      R"(next\s+meetings?|future\s+meetings?|(?:aob|a\.o\.b\.?|any\s+other\s+business)\s*:?\s*$))");
  return re;
}

// A decision's keyword phrase at a block's or a sentence's start: group 1 the phrase, group 2
// what must follow it (a separator, "that", "to", or for RESOLVED-style capitals anything).
const RE2& DecisionPattern() {
  static const RE2 re(
      R"((?:^|[.!?]\s+)()"
      R"((?:RESOLVED|AGREED|DECIDED|DECISION)S?(?:\s+UNANIMOUSLY)?\b|)"
      R"((?:Resolved|Agreed|Decided|Decision)|)"
      R"((?i:it\s+was\s+(?:unanimously\s+)?(?:agreed|resolved|decided))|)"
      R"((?:The|the)\s+(?:Board|Committee|Sub-Committee|Panel|Group|group|Cabinet|Council|)"
      R"(Partnership|Forum|Executive|Members|members|Meeting|meeting)\s+)"
      R"((?:unanimously\s+)?(?:agreed|resolved|decided|AGREED|RESOLVED)))"
      R"((\s*[:–—-]|\s+(?:that|to|with\s+(?:a|the)\s+(?:proposal|recommendation))\b|\s|$))");
  return re;
}

// A recommendation's marker at the start of a paragraph: "(a)", "a)", "(ii)", "1.", "(1)".
const RE2& EnumeratorPattern() {
  static const RE2 re(
      R"(^\s*(?:\((?:[a-z]|[ivx]{1,4}|\d{1,2})\)|(?:[a-z]|[ivx]{1,4}|\d{1,2})[.)])\s)");
  return re;
}

// "(a) " inside a decision's own text.
const RE2& InlineEnumeratorPattern() {
  static const RE2 re(R"((\((?:[a-z]|[ivx]{1,4}|\d{1,2})\))\s)");
  return re;
}

std::string_view FirstLine(std::string_view s) { return s.substr(0, s.find('\n')); }

size_t WordCount(std::string_view s) {
  size_t n = 0;
  bool in_word = false;
  for (char c : s) {
    bool space = c == ' ' || c == '\t';
    if (!space && !in_word) ++n;
    in_word = !space;
  }
  return n;
}

bool StartsUpper(std::string_view s) {
  if (s.empty()) return false;
  unsigned char c = static_cast<unsigned char>(s[0]);
  return (c >= 'A' && c <= 'Z') || c >= 0x80 || c == '"' || c == '\'';
}

// The leading run of ALL-CAPS words: "MINUTES OF THE LAST MEETING The minutes were..." -> the caps.
std::string_view CapsLead(std::string_view s) {
  size_t end = 0, words = 0, i = 0;
  while (i < s.size()) {
    size_t j = s.find(' ', i);
    if (j == std::string_view::npos) j = s.size();
    std::string_view w = s.substr(i, j - i);
    bool caps = !w.empty();
    bool letter = false;
    for (char c : w) {
      if (c >= 'a' && c <= 'z') caps = false;
      if (c >= 'A' && c <= 'Z') letter = true;
    }
    if (!caps || (!letter && w.size() > 1 && w != "–" && w != "-" && w != "&")) break;
    if (letter) ++words;
    end = j;
    i = j + 1;
  }
  return words >= 2 ? TrimSpace(s.substr(0, end)) : std::string_view();
}

// The title of an item heading from the text after its number; nullopt when it does not read as
// a heading. `named` items ("Item 4") take any text as their title.
std::optional<std::string_view> ItemTitle(std::string_view rest, bool named, bool heading_block) {
  rest = TrimSpace(rest);
  if (named) return rest;
  if (!StartsUpper(rest) || RE2::PartialMatch(rest, NotATitlePattern())) return std::nullopt;
  for (std::string_view sep : {" – ", " — ", " - ", ": "}) {
    size_t cut = rest.find(sep);
    if (cut != std::string_view::npos && cut <= 90 && WordCount(rest.substr(0, cut)) <= 12)
      return TrimSpace(rest.substr(0, cut));
  }
  std::string_view caps = CapsLead(rest);
  if (!caps.empty()) return caps;
  if (heading_block || (rest.size() <= 100 && WordCount(rest) <= 14)) return rest;
  return std::nullopt;
}

// "4.1" -> 4; "23/25" -> 23.
long TopNumber(std::string_view number) {
  return std::strtol(std::string(number).c_str(), nullptr, 10);
}

bool IsSubNumber(std::string_view number) { return number.find('.') != std::string_view::npos; }

struct ItemCandidate {
  std::string number;
  std::string title;
  bool named = false;
};

std::optional<ItemCandidate> ParseItemHeading(std::string_view line, const Block& b) {
  if (line.find('\t') != std::string_view::npos) return std::nullopt;  // a table row as text
  // Both kinds of heading have a number; a named one starts with its name ("Item", "Minute"), a
  // numbered one with the number.
  if (!HasDigit(line)) return std::nullopt;
  re2::StringPiece number, punctuation, rest;
  bool named = MayStartWithAny(line, {"agenda", "item", "min"}) &&
               RE2::FullMatch(line, NamedItemPattern(), &number, &rest);
  if (!named) {
    if (!MayStartWithAny(line, {"0", "1", "2", "3", "4", "5", "6", "7", "8", "9"}) ||
        !RE2::FullMatch(line, NumberedItemPattern(), &number, &punctuation, &rest))
      return std::nullopt;
    // "25 Foster carers attended" is a sentence; "25. Foster carers", "4.1 Foster carers" and a
    // heading "25 Foster carers" are items.
    bool marked = !punctuation.empty() || number.find('.') != re2::StringPiece::npos ||
                  number.find('/') != re2::StringPiece::npos;
    if (!marked && b.kind != BlockKind::kHeading) return std::nullopt;
  }
  std::optional<std::string_view> title =
      ItemTitle(std::string_view(rest.data(), rest.size()), named, b.kind == BlockKind::kHeading);
  if (!title) return std::nullopt;
  std::string n(number.data(), number.size());
  while (!n.empty() && n.back() == '.') n.pop_back();
  return ItemCandidate{n, std::string(*title), named};
}

// Does `c` open an item, given the current one? Numbered (not named) items must move the agenda
// on; a sub-item of another item is a reference to it.
bool OpensItem(const ItemCandidate& c, const AgendaItem* current) {
  if (current == nullptr) return true;
  long top = TopNumber(c.number), current_top = TopNumber(current->number);
  if (IsSubNumber(c.number)) return top == current_top;
  return c.named || top > current_top;
}

// An action table's header row: a cell reading "Action", "Actions", "Action point(s)" or "Agreed
// action(s)".
bool IsActionTable(const Document& doc, const Block& b) {
  if (b.kind != BlockKind::kTable || b.rows.empty()) return false;
  static const RE2 header(R"((?i)\s*(?:agreed\s+)?actions?(?:\s+points?)?\s*)");
  for (const Cell& c : b.rows[0].cells)
    if (RE2::FullMatch(std::string_view(doc.text).substr(c.span.start, c.span.size()), header))
      return true;
  return false;
}

// An item's title that says it is about actions ("Action log", "Review of actions").
bool IsAboutActions(std::string_view title) {
  static const RE2 re(R"((?i)\baction)");
  return RE2::PartialMatch(title, re);
}

bool IsTextBlock(const Block& b) {
  return b.kind == BlockKind::kParagraph || b.kind == BlockKind::kHeading ||
         b.kind == BlockKind::kListItem;
}

std::string_view BlockText(const Document& doc, const Block& b) {
  return std::string_view(doc.text).substr(b.span.start, b.span.size());
}

// `text` lies in the document's text, which starts at `base`.
Recommendation RecommendationOf(std::string_view text, const char* base) {
  size_t start = static_cast<size_t>(text.data() - base);
  return Recommendation{std::string(text), Span{start, start + text.size()}};
}

// The list under a decision keeps one kind of marker, and numbers count up: after "a." "b.", or
// after "1." "2.", a "25. Action log" is the next agenda item, not a recommendation.
struct ListState {
  int numbered = -1;  // -1 before the first entry, then 1 for "1." lists, 0 for others
  long previous = 0;
};

bool FollowsInList(std::string_view text, ListState* state) {
  static const RE2 number(R"(^\s*\(?(\d{1,3})[.)])");
  long n = 0;
  int numbered = RE2::PartialMatch(text, number, &n) ? 1 : 0;
  if (state->numbered != -1 && numbered != state->numbered) return false;
  if (numbered == 1 && state->numbered == 1 && n != state->previous + 1) return false;
  state->numbered = numbered;
  state->previous = n;
  return true;
}

bool IsRecommendation(const Document& doc, const Block& b) {
  if (b.kind == BlockKind::kListItem) return true;
  return b.kind == BlockKind::kParagraph &&
         RE2::PartialMatch(BlockText(doc, b), EnumeratorPattern());
}

// Splits "(a) ... (b) ..." out of a decision's text (`text` lies in the document's text, which
// starts at `base`). Returns false when there are fewer than two.
bool SplitInline(std::string_view text, const char* base, std::string* lead,
                 std::vector<Recommendation>* recs) {
  std::vector<size_t> starts;
  re2::StringPiece input(text.data(), text.size());
  re2::StringPiece marker;
  while (RE2::FindAndConsume(&input, InlineEnumeratorPattern(), &marker))
    starts.push_back(static_cast<size_t>(marker.data() - text.data()));
  if (starts.size() < 2) return false;
  *lead = std::string(TrimSpace(text.substr(0, starts[0])));
  for (size_t i = 0; i < starts.size(); ++i) {
    size_t end = i + 1 < starts.size() ? starts[i + 1] : text.size();
    recs->push_back(RecommendationOf(TrimSpace(text.substr(starts[i], end - starts[i])), base));
  }
  return true;
}

struct KeywordAt {
  size_t phrase_start, phrase_end;  // in the block's text
  bool prose;                       // "It was agreed", "The Board agreed": one sentence long
};

// Every decision keyword phrase in one block's text, in order.
std::vector<KeywordAt> DecisionKeywords(std::string_view text) {
  std::vector<KeywordAt> out;
  re2::StringPiece input(text.data(), text.size());
  re2::StringPiece phrase, follow;
  while (RE2::FindAndConsume(&input, DecisionPattern(), &phrase, &follow)) {
    bool capitals = phrase.size() >= 6 && phrase[1] >= 'A' && phrase[1] <= 'Z';
    bool bare = TrimSpace(std::string_view(follow.data(), follow.size())).empty();
    if (bare && !capitals) continue;  // "Agreed actions", "the group agreed."
    size_t start = static_cast<size_t>(phrase.data() - text.data());
    bool prose = phrase[0] == 'I' || phrase[0] == 'i' || phrase[0] == 'T' || phrase[0] == 't';
    out.push_back({start, start + phrase.size(), prose});
  }
  return out;
}

// Strips the separator between a keyword and its text: " – ", ": ", " - ".
std::string_view AfterSeparator(std::string_view rest) {
  rest = TrimSpace(rest);
  for (std::string_view sep : {":", "–", "—", "-"})
    if (rest.substr(0, sep.size()) == sep) return TrimSpace(rest.substr(sep.size()));
  return rest;
}

void FindDecisions(const Document& doc, Agenda* agenda) {
  // Every form of DecisionPattern says one of these words; in a text without them no block has a
  // keyword, and there is nothing to find.
  if (!MayContainAny(doc.text, {"agreed", "resolved", "decided", "decision"})) return;
  const std::vector<Block>& body = doc.body;
  for (size_t i = 0; i < body.size(); ++i) {
    const Block& b = body[i];
    if (!IsTextBlock(b)) continue;
    std::string_view text = BlockText(doc, b);
    std::vector<KeywordAt> keywords = DecisionKeywords(text);
    size_t next = i + 1;
    for (size_t k = 0; k < keywords.size(); ++k) {
      const KeywordAt& kw = keywords[k];
      bool last = k + 1 == keywords.size();
      size_t stop = last ? text.size() : keywords[k + 1].phrase_start;
      std::string_view rest = AfterSeparator(text.substr(kw.phrase_end, stop - kw.phrase_end));
      if (kw.prose) {  // to the end of its sentence
        size_t dot = rest.find(". ");
        if (dot != std::string_view::npos) rest = rest.substr(0, dot + 1);
      }
      size_t end =
          b.span.start + (rest.empty() ? kw.phrase_end : rest.data() + rest.size() - text.data());
      Decision d;
      // A bare "RESOLVED" block takes the next paragraph as its text.
      if (last && rest.empty() && next < body.size() && body[next].kind == BlockKind::kParagraph &&
          !IsRecommendation(doc, body[next])) {
        rest = TrimSpace(BlockText(doc, body[next]));
        end = body[next].span.end;
        ++next;
      }
      std::string lead;
      if (!SplitInline(rest, doc.text.data(), &lead, &d.recommendations)) lead = std::string(rest);
      d.text = lead;
      // The list under it belongs to a decision that introduces one ("that:", "RESOLVED"), not to
      // one that ends in a full stop.
      bool introduces = lead.empty() || (lead.back() != '.' && lead.back() != ';');
      if (last && introduces && d.recommendations.empty()) {
        ListState list;
        while (next < body.size() && IsRecommendation(doc, body[next]) &&
               FollowsInList(BlockText(doc, body[next]), &list)) {
          d.recommendations.push_back(
              RecommendationOf(TrimSpace(BlockText(doc, body[next])), doc.text.data()));
          end = body[next].span.end;
          ++next;
        }
      }
      d.evidence.span = Span{b.span.start + kw.phrase_start, end};
      d.evidence.rule = kw.prose ? "decision.sentence" : "decision.keyword";
      d.evidence.confidence = kw.prose ? 0.8 : 0.95;
      agenda->decisions.push_back(std::move(d));
    }
    i = next - 1;
  }
}

}  // namespace

Agenda FindAgenda(const Document& doc) {
  Agenda agenda;
  size_t open = 0;  // items whose extent is not yet closed are [open, items.size())
  auto close_open_items = [&](size_t pos) {
    for (; open < agenda.items.size(); ++open) agenda.extents[open].end = pos;
  };
  for (const Block& b : doc.body) {
    // An action log after the last item, with no heading of its own, is not that item's.
    if (open < agenda.items.size() && IsActionTable(doc, b) &&
        !IsAboutActions(agenda.items.back().title))
      close_open_items(b.span.start);
    if (!IsTextBlock(b)) continue;
    std::string_view line = FirstLine(BlockText(doc, b));
    std::optional<ItemCandidate> c = ParseItemHeading(line, b);
    const AgendaItem* current = agenda.items.empty() ? nullptr : &agenda.items.back();
    if (c && (b.kind != BlockKind::kListItem || b.level == 0) && OpensItem(*c, current)) {
      close_open_items(b.span.start);
      AgendaItem item;
      item.number = c->number;
      item.title = c->title;
      item.evidence.span = Span{b.span.start, b.span.start + line.size()};
      item.evidence.rule = c->named ? "item.named" : "item.numbered";
      item.evidence.confidence = c->named ? 0.95 : 0.8;
      agenda.items.push_back(std::move(item));
      agenda.extents.push_back(Span{b.span.start, doc.body_end});
      continue;
    }
    // Each closing heading starts with one of these words.
    if (!c && line.size() <= 100 &&
        MayStartWithAny(line, {"action", "summary", "appendix", "annex", "date", "next", "future",
                               "aob", "a.o.b", "any"}) &&
        RE2::PartialMatch(line, ClosingHeadingPattern()))
      close_open_items(b.span.start);
  }
  FindDecisions(doc, &agenda);
  for (Decision& d : agenda.decisions) d.item = ItemAt(agenda, d.evidence.span.start);
  return agenda;
}

SharedString ItemAt(const Agenda& agenda, size_t pos) {
  auto it = std::upper_bound(agenda.extents.begin(), agenda.extents.end(), pos,
                             [](size_t p, const Span& s) { return p < s.start; });
  if (it == agenda.extents.begin()) return {};
  --it;
  if (pos >= it->end) return {};
  return agenda.items[it - agenda.extents.begin()].number;
}

extern const Step kAgendaStep = {"agenda", {}, {Datum::kAgenda}, [](Workspace* w) {
                                   w->agenda = FindAgenda(w->doc);
                                   w->x.items = w->agenda.items;
                                   w->x.decisions = w->agenda.decisions;
                                 }};

extern const Step kItemLinksStep = {
    "item_links",
    {Datum::kAgenda, Datum::kActions, Datum::kMoney, Datum::kLaMentions, Datum::kPersonMentions},
    {Datum::kItemLinks},
    [](Workspace* w) {
      for (Action& a : w->x.actions) a.item = ItemAt(w->agenda, a.evidence.span.start);
      for (Money& m : w->x.money) m.item = ItemAt(w->agenda, m.evidence.span.start);
      for (LaMentionItem& l : w->x.la_mentions) l.item = ItemAt(w->agenda, l.evidence.span.start);
      for (PersonMention& p : w->x.person_mentions)
        p.item = ItemAt(w->agenda, p.evidence.span.start);
    }};

}  // namespace minutes
