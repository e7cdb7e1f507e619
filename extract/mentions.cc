// LA mentions and uses of initials, with the context rules that tell a person from an acronym.

#include "extract/mentions.h"

#include <re2/re2.h>

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>

#include "extract/findings.h"
#include "extract/people.h"
#include "extract/spans.h"
#include "extract/steps.h"
#include "extract/words.h"

namespace minutes {
namespace {

namespace nz = normalize;

// How far from initials an LA may stand and still say whose they are ("SR said from East Sussex").
constexpr size_t kNearBytes = 24;

// Words that, right after initials, say a person is meant ("KL said", "SR will be working").
const std::set<std::string, std::less<>>& SpeechWords() {
  static const auto* words = new std::set<std::string, std::less<>>{
      "said",      "says",      "asked",       "noted",     "presented", "introduced", "reflected",
      "responded", "explained", "confirmed",   "agreed",    "suggested", "shared",     "raised",
      "reported",  "added",     "highlighted", "mentioned", "updated",   "offered",    "queried",
      "commented", "stated",    "to",          "will",      "would",     "has",        "had",
      "is",        "was",       "also",        "gave",      "led",       "described",  "advised",
      "informed",  "thanked",   "welcomed",    "proposed",  "set",       "in",         "from"};
  return *words;
}

// Words that, right before initials, say a person is meant ("Question from JD", "with SD").
const std::set<std::string, std::less<>>& PersonBeforeWords() {
  static const auto* words =
      new std::set<std::string, std::less<>>{"from", "with", "by", "and", "thanks", "ask", "asked"};
  return *words;
}

// Words that, right before capitals, say they are not a person ("the manager JD", "an EDT").
const std::set<std::string, std::less<>>& NotPersonBeforeWords() {
  static const auto* words = new std::set<std::string, std::less<>>{
      "the", "a", "an", "manager", "managers", "our", "their", "your", "his", "her", "of"};
  return *words;
}

std::string_view WordBefore(std::string_view text, size_t pos) {
  size_t e = pos;
  while (e > 0 && (text[e - 1] == ' ' || text[e - 1] == ':')) --e;
  size_t b = e;
  while (b > 0 && std::isalpha(static_cast<unsigned char>(text[b - 1]))) --b;
  return text.substr(b, e - b);
}

std::string_view WordAfter(std::string_view text, size_t pos, size_t* next = nullptr) {
  size_t b = pos;
  while (b < text.size() && (text[b] == ' ' || text[b] == ',')) ++b;
  size_t e = b;
  while (e < text.size() && std::isalpha(static_cast<unsigned char>(text[e]))) ++e;
  if (next) *next = e;
  return text.substr(b, e - b);
}

bool IsCapsToken(std::string_view w) {
  if (w.size() < 2 || w.size() > 5) return false;
  for (char c : w)
    if (!std::isupper(static_cast<unsigned char>(c))) return false;
  return true;
}

// True when the words after `end` say a person: "said", or "and AM said", "CS and AM said".
bool PersonAfter(std::string_view text, size_t end) {
  size_t next = 0;
  std::string w = AsciiLower(WordAfter(text, end, &next));
  if (SpeechWords().count(w)) return true;
  // A chain of initials: "CS and AM said", "PH, KL and SA to".
  for (int hops = 0; hops < 3 && (w == "and" || w == "&"); ++hops) {
    std::string_view caps = WordAfter(text, next, &next);
    if (!IsCapsToken(caps)) return false;
    w = AsciiLower(WordAfter(text, next, &next));
    if (SpeechWords().count(w)) return true;
  }
  return false;
}

// Words that, right after initials, say the person spoke in this meeting ("JD asked").
bool SpokeHere(std::string_view text, size_t end) {
  static const auto* verbs = new std::set<std::string, std::less<>>{
      "said",      "says",      "asked",     "noted",       "presented", "introduced",
      "reflected", "responded", "explained", "confirmed",   "suggested", "queried",
      "commented", "stated",    "added",     "highlighted", "mentioned", "reported"};
  size_t next = 0;
  std::string w = AsciiLower(WordAfter(text, end, &next));
  if (w == "has" || w == "also") w = AsciiLower(WordAfter(text, next));
  return verbs->count(w) > 0;
}

bool IsSectionStart(std::string_view para) {
  static const RE2 re(R"((?i)^\s*(?:item\s*\d+|aob\b|any other business|agenda item))");
  return RE2::PartialMatch(re2::StringPiece(para.data(), para.size()), re);
}

}  // namespace

std::vector<Span> CapsTokens(std::string_view text) {
  // ASCII only, and no locale: initials are ASCII capitals, and this runs over every byte.
  auto is_upper = [](char c) { return c >= 'A' && c <= 'Z'; };
  auto is_word = [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
  };
  std::vector<Span> out;
  size_t i = 0;
  while (i < text.size()) {
    if (!is_word(text[i])) {
      ++i;
      continue;
    }
    size_t b = i;
    while (i < text.size() && is_word(text[i])) ++i;
    size_t n = i - b;
    if (n < 2 || n > 5) continue;
    bool caps = true;
    for (size_t k = b; k < i && caps; ++k) caps = is_upper(text[k]);
    if (caps) out.push_back(Span{b, i});
  }
  return out;
}

nz::MatchOptions MeetingArea(const nz::LaRegister& las, const nz::LaMentionScan& scan,
                             const std::vector<ListedPerson>& listed,
                             const nz::MatchOptions& base) {
  nz::MatchOptions area = base;
  auto add = [&area](const std::vector<std::string>& codes) {
    for (const std::string& code : codes)
      if (std::find(area.expected_gss_codes.begin(), area.expected_gss_codes.end(), code) ==
          area.expected_gss_codes.end())
        area.expected_gss_codes.push_back(code);
  };
  // No context: only what the notes say plainly counts.
  nz::MatchOptions plain;
  plain.fuzzy = false;
  for (const ListedPerson& lp : listed) {
    if (lp.organisation_raw.empty()) continue;
    std::optional<nz::LaMention> m = las.Resolve(lp.organisation_raw, plain);
    if (m && !m->from_context && m->method != MatchMethod::kFuzzy) add(m->gss_codes);
  }
  scan.SettleEach(plain, [&add](nz::LaMention&& m) {
    if (!m.from_context && !m.common_word && !m.could_be_initials && !m.ambiguous &&
        m.method != MatchMethod::kFuzzy)
      add(m.gss_codes);
  });
  return area;
}

nz::MatchOptions MeetingArea(const Document& doc, const nz::LaRegister& las,
                             const std::vector<ListedPerson>& listed,
                             const nz::MatchOptions& base) {
  return MeetingArea(las, las.ScanMentions(doc.text), listed, base);
}

// True when the words around an LA mention that could be initials say a place: it is joined to
// another LA ("BH and E Sussex", "Kent, BH") or follows a place word ("in BH", "covers BH").
// `prev` and `next` are the mentions next to `m`, if any.
bool PlaceContext(std::string_view text, const nz::LaMention* prev, const nz::LaMention& m,
                  const nz::LaMention* next) {
  static const auto* before_words = new std::set<std::string, std::less<>>{
      "in", "across", "covers", "cover", "covering", "within", "between", "at", "for"};
  if (before_words->count(AsciiLower(WordBefore(text, m.start)))) return true;
  auto joined = [&](size_t a_end, size_t b_start) {
    if (b_start < a_end) return false;
    std::string gap = AsciiLower(text.substr(a_end, b_start - a_end));
    for (const char* j : {" and ", " & ", ", ", " or ", " and/or "})
      if (gap == j) return true;
    return false;
  };
  if (prev != nullptr && !prev->could_be_initials && joined(prev->end, m.start)) return true;
  if (next != nullptr && !next->could_be_initials && joined(m.end, next->start)) return true;
  return false;
}

bool IsUnsettledLaAlias(const nz::LaRegister& las, std::string_view caps) {
  nz::MatchOptions keep;
  keep.keep_ambiguous = true;
  std::vector<nz::LaMention> m = las.FindMentions(caps, keep);
  return m.size() == 1 && m[0].ambiguous && m[0].end - m[0].start == caps.size();
}

std::vector<LaMentionItem> FindLaMentions(const Document& doc, const nz::LaRegister& las,
                                          nz::LaMentionScan scan, const nz::MatchOptions& match,
                                          const std::vector<Person>& people,
                                          std::vector<Finding>* findings) {
  std::set<std::string> person_names;
  std::set<std::string, std::less<>> person_initials;
  std::vector<Span> name_spans;
  for (const Person& p : people) {
    person_initials.insert(p.initials);
    person_names.insert(p.name);
    name_spans.push_back(p.evidence.span);
  }
  std::sort(name_spans.begin(), name_spans.end(),
            [](const Span& a, const Span& b) { return a.start < b.start; });
  const std::string_view text(doc.text);
  std::vector<LaMentionItem> out;
  nz::MatchOptions with_ambiguous = match;
  with_ambiguous.keep_ambiguous = true;
  out.reserve(scan.size());  // at most one per candidate; not grown by doubling
  // A note names a few LAs many times, each in a few ways: one buffer per text and per rule.
  SharedStringPool texts;
  SharedStringPool rules;
  // Judges `m`, the mention between `prev` and `next` (either may be none).
  auto judge = [&](const nz::LaMention& m, const nz::LaMention* prev, const nz::LaMention* next) {
    if (m.ambiguous) {
      if (findings != nullptr) {
        std::string names;
        for (size_t c = 0; c < m.gss_codes.size(); ++c) {
          const nz::LocalAuthority* la = las.FindByCode(m.gss_codes[c]);
          names += c == 0 ? "" : c + 1 == m.gss_codes.size() ? " or " : ", ";
          names += la != nullptr ? la->name : std::string_view(m.gss_codes[c]);
        }
        findings->push_back(MakeFinding(FindingCode::kAmbiguousLa,
                                        "'" + m.text + "' may be " + names +
                                            ", and the LAs these notes name do not say which: "
                                            "write the council's name",
                                        Span{m.start, m.end}));
      }
      return;
    }
    // "BH said" where Ben Hart attended: a person. "covers BH and E Sussex": a place.
    if (m.could_be_initials && person_initials.count(m.text) &&
        (PersonAfter(text, m.end) || !PlaceContext(text, prev, m, next)))
      return;
    // Part of a person's name, not a place: "Lucy Kent" where she is listed, and "Lucy Kent"
    // wherever her name is written again.
    if (AnyOverlapping(name_spans, Span{m.start, m.end})) return;
    std::string_view first = WordBefore(text, m.start);
    if (!first.empty() && m.start >= first.size() + 1 && text[m.start - 1] == ' ' &&
        person_names.count(std::string(first) + " " + m.text))
      return;
    LaMentionItem item;
    item.text = texts.Get(m.text);
    item.la_codes = m.gss_codes;
    item.canonical_name = m.canonical_name;
    item.method = m.method;
    item.evidence.span = Span{m.start, m.end};
    item.evidence.confidence = m.confidence;
    item.evidence.rule = rules.Get("la." + std::string(EnumName(item.method)));
    out.push_back(std::move(item));
  };
  // The scan, settled with the area and freed as it goes; each mention is judged once the next one
  // is known, so no more than three are held.
  std::optional<nz::LaMention> prev, cur;
  std::move(scan).SettleEach(with_ambiguous, [&](nz::LaMention&& m) {
    if (cur) judge(*cur, prev ? &*prev : nullptr, &m);
    prev = std::move(cur);
    cur = std::move(m);
  });
  if (cur) judge(*cur, prev ? &*prev : nullptr, nullptr);
  return out;
}

std::vector<LaMentionItem> FindLaMentions(const Document& doc, const nz::LaRegister& las,
                                          const nz::MatchOptions& match,
                                          const std::vector<Person>& people,
                                          std::vector<Finding>* findings) {
  return FindLaMentions(doc, las, las.ScanMentions(doc.text), match, people, findings);
}

std::vector<PersonMention> FindPersonMentions(
    const Document& doc, const TextBreaks& breaks, const nz::LaRegister& las,
    const InitialsResolver& resolver, const std::vector<LaMentionItem>& la_mentions,
    const std::vector<Span>& caps_tokens, const std::vector<Span>& owner_spans,
    const std::vector<Person>& people, std::vector<Finding>* findings) {
  std::vector<PersonMention> out;
  out.reserve(caps_tokens.size());  // at most one per token; not grown by doubling
  const std::string_view text(doc.text);
  // Positions, sorted, for O(log n) lookups per token.
  std::vector<Span> la_spans;
  for (const LaMentionItem& m : la_mentions) la_spans.push_back(m.evidence.span);
  std::vector<Span> owners = owner_spans;
  std::sort(owners.begin(), owners.end(),
            [](const Span& a, const Span& b) { return a.start < b.start; });
  // Initials resolved earlier in the current agenda item, for ambiguous ones later in it.
  std::map<std::string, SharedString> resolved_in_section;
  // The initials "KL" on 40,000 uses are one buffer, and so is each rule's name.
  SharedStringPool initials;
  SharedStringPool rules;
  Span section_para{0, 0};
  size_t table_start = std::string_view::npos;

  for (const Span& span : caps_tokens) {
    if (span.start >= doc.body_end) break;
    std::string t(text.substr(span.start, span.size()));
    // A new agenda item forgets earlier resolutions, and so does a table: an action log's rows
    // come from other meetings, where the same initials may have meant someone else.
    Span para = ParagraphAt(doc, span.start);
    if (para.start != section_para.start) {
      section_para = para;
      const Block* block = BlockAt(doc, span.start);
      bool in_table = block != nullptr && block->kind == BlockKind::kTable;
      if (in_table ? block->span.start != table_start
                   : IsSectionStart(text.substr(para.start, para.size())))
        resolved_in_section.clear();
      if (in_table) table_start = block->span.start;
    }
    if (AnyOverlapping(la_spans, span)) continue;
    if (t == "ALL") continue;

    bool owner = AnyOverlapping(owners, span);
    std::string before = AsciiLower(WordBefore(text, span.start));
    bool context = owner || PersonAfter(text, span.end) ||
                   (PersonBeforeWords().count(before) > 0 && PersonAfter(text, span.end)) ||
                   before == "from" || before == "with";
    bool not_person = NotPersonBeforeWords().count(before) > 0 && !owner;
    bool acronym = las.IsSectorAcronym(t);

    const std::vector<InitialsResolver::Candidate>& cands = resolver.Candidates(t);
    if (cands.empty()) {
      // Unknown initials count only where the words around say a person. A council's
      // abbreviation the meeting's area left unsettled ("WCC reported") is not a person either.
      if (!context || acronym || not_person || IsUnsettledLaAlias(las, t)) continue;
      PersonMention pm;
      pm.text = initials.Get(t);
      pm.evidence = {
          span, 0.5,
          rules.Get(owner ? "initials.owner_unresolved" : "initials.context_unresolved")};
      out.push_back(pm);
      findings->push_back(MakeFinding(FindingCode::kUnresolvedInitials,
                                      "'" + t +
                                          "' looks like a person's initials but matches nobody "
                                          "listed or named in these notes",
                                      span));
      continue;
    }
    if (not_person) continue;
    if (acronym && !context) continue;
    // A listed person's own initials are a person; a variant or written name needs context.
    if (!cands[0].listed && !context) continue;
    if (!cands[0].primary && !context) continue;

    PersonMention pm;
    pm.text = initials.Get(t);
    pm.evidence.span = span;
    if (cands.size() == 1) {
      pm.name = cands[0].name;
      pm.evidence.confidence = cands[0].listed ? (cands[0].primary ? 0.95 : 0.8) : 0.7;
      pm.evidence.rule = rules.Get(cands[0].listed ? "initials.listed" : "initials.written_name");
    } else {
      // Ambiguous: an LA named right beside the initials ("SR said from East Sussex", "MC in
      // Kent", "Kent: MC said"), a full name written in the same row or paragraph ("Oxfordshire
      // (Julie McNally)" beside owner "JM"), a role verb, or the agenda item's earlier use.
      Span sentence = SentenceAt(doc, breaks, span.start);
      Span near{span.start > kNearBytes ? span.start - kNearBytes : 0, span.end + kNearBytes};
      std::vector<const InitialsResolver::Candidate*> by_la;
      auto [first_la, last_la] = OverlappingRange(la_spans, near);
      for (size_t k = first_la; k < last_la; ++k) {
        const LaMentionItem& m = la_mentions[k];
        if (!Inside(m.evidence.span, sentence)) continue;
        for (const auto& c : cands)
          for (const std::string& code : m.la_codes)
            if (std::find(c.la_codes.begin(), c.la_codes.end(), code) != c.la_codes.end() &&
                std::find(by_la.begin(), by_la.end(), &c) == by_la.end())
              by_la.push_back(&c);
      }
      std::string verb = AsciiLower(WordAfter(text, span.end));
      std::vector<const InitialsResolver::Candidate*> by_role;
      for (const auto& c : cands)
        for (const std::string& r : c.roles)
          if ((verb == "presented" && r == "presenter") || (verb == "chaired" && r == "chair"))
            by_role.push_back(&c);
      Span row = RowAt(doc, span.start);
      std::string_view row_text = text.substr(row.start, row.size());
      std::vector<const InitialsResolver::Candidate*> by_name;
      for (const auto& c : cands)
        if (row_text.find(c.name) != std::string_view::npos) by_name.push_back(&c);
      if (by_la.size() == 1) {
        pm.name = by_la[0]->name;
        pm.evidence.confidence = 0.85;
        pm.evidence.rule = rules.Get("initials.la_in_sentence");
      } else if (by_name.size() == 1) {
        pm.name = by_name[0]->name;
        pm.evidence.confidence = 0.85;
        pm.evidence.rule = rules.Get("initials.name_in_row");
      } else if (by_role.size() == 1) {
        pm.name = by_role[0]->name;
        pm.evidence.confidence = 0.8;
        pm.evidence.rule = rules.Get("initials.role_verb");
      } else if (resolved_in_section.count(t)) {
        pm.name = resolved_in_section[t];
        pm.evidence.confidence = 0.7;
        pm.evidence.rule = rules.Get("initials.same_item");
      } else {
        pm.evidence.confidence = 0.3;
        pm.evidence.rule = rules.Get("initials.ambiguous");
        std::string names;
        for (const auto& c : cands) names += (names.empty() ? "" : " or ") + c.name.str();
        findings->push_back(MakeFinding(FindingCode::kAmbiguousInitials,
                                        "'" + t + "' may be " + names + "; write the name", span));
      }
    }
    if (!pm.name.empty()) resolved_in_section[t] = pm.name;

    // Someone who sent apologies is not expected to speak.
    if (!pm.name.empty() && SpokeHere(text, span.end) && !owner) {
      for (const Person& p : people)
        if (p.name == pm.name && p.attendance == Attendance::kApologies)
          findings->push_back(MakeFinding(
              FindingCode::kAbsentPersonSpeaks,
              "'" + t + "' (" + p.name + ") sent apologies but is recorded as speaking here",
              span));
    }
    out.push_back(std::move(pm));
  }
  return out;
}

// The people step's scan of the text, settled with the meeting's area, and freed: no later step
// reads it.
extern const Step kLaMentionsStep = {
    "la_mentions", {Datum::kPeople, Datum::kLaScan}, {Datum::kLaMentions}, [](Workspace* w) {
      w->x.la_mentions = FindLaMentions(w->doc, w->las, std::move(w->la_scan), w->match,
                                        w->x.people, &w->x.findings);
      for (const LaMentionItem& m : w->x.la_mentions) w->la_spans.push_back(m.evidence.span);
    }};

extern const Step kPersonMentionsStep = {
    "person_mentions",
    {Datum::kPeople, Datum::kLaMentions, Datum::kActionLog},
    {Datum::kPersonMentions},
    [](Workspace* w) {
      std::vector<Span> caps_tokens = CapsTokens(w->body());
      InitialsResolver resolver(w->x.people, w->body(), w->la_spans, caps_tokens);
      w->x.person_mentions =
          FindPersonMentions(w->doc, w->breaks, w->las, resolver, w->x.la_mentions, caps_tokens,
                             w->owner_spans, w->x.people, &w->x.findings);
    }};

}  // namespace minutes
