// The description of every record and field of model/model.h. This file and model.h are the only
// places a field is written down; everything else walks what is built here.

#include "model/schema.h"

#include <deque>
#include <limits>
#include <optional>
#include <type_traits>

namespace minutes::schema {
namespace {

// --- Deriving a Field from a member pointer --------------------------------------------------

template <class M>
struct MemberTraits;
template <class C, class T>
struct MemberTraits<T C::*> {
  using Owner = C;
  using Type = T;
};

template <class T>
struct IsOptional : std::false_type {};
template <class T>
struct IsOptional<std::optional<T>> : std::true_type {
  using Inner = T;
};

// True for std::vector<R> where R is a record of the description.
template <class T>
struct IsRecordList : std::false_type {
  using Inner = void;
};

// Specialised for every model struct that is a record of the description (see the bottom).
template <class R>
const Record& RecordOf();
template <class R>
struct IsRecord : std::false_type {};
#define MINUTES_SCHEMA_RECORD(R) \
  template <>                    \
  struct IsRecord<R> : std::true_type {}
MINUTES_SCHEMA_RECORD(Span);
MINUTES_SCHEMA_RECORD(Evidence);
MINUTES_SCHEMA_RECORD(Source);
MINUTES_SCHEMA_RECORD(MeetingTime);
MINUTES_SCHEMA_RECORD(Meeting);
MINUTES_SCHEMA_RECORD(AgendaItem);
MINUTES_SCHEMA_RECORD(Person);
MINUTES_SCHEMA_RECORD(Owner);
MINUTES_SCHEMA_RECORD(Action);
MINUTES_SCHEMA_RECORD(Money);
MINUTES_SCHEMA_RECORD(LaMentionItem);
MINUTES_SCHEMA_RECORD(PersonMention);
MINUTES_SCHEMA_RECORD(Recommendation);
MINUTES_SCHEMA_RECORD(Decision);
MINUTES_SCHEMA_RECORD(Finding);
MINUTES_SCHEMA_RECORD(Extraction);
#undef MINUTES_SCHEMA_RECORD
template <class T>
struct IsRecordList<std::vector<T>> : IsRecord<T> {
  using Inner = T;
};

// What a field's declaration may say beyond its name and description.
struct Opt {
  bool nullable = false;  // for std::string members: empty = null
  Format format = Format::kText;
  std::string_view unit = {};
  std::string_view since = "1.0";
  Embedding embedding = Embedding::kObject;
  std::string_view table = {};  // kRecordList
  std::string_view item = {};   // kRecordList
};

// The scalar conversions: one per member type the model uses.
template <class T>
void Fill(const T& v, Value* out) {
  if constexpr (std::is_same_v<T, std::string> || std::is_same_v<T, SharedString>) {
    out->text = v;
  } else if constexpr (std::is_same_v<T, bool>) {
    out->boolean = v;
  } else if constexpr (std::is_same_v<T, double>) {
    out->number = v;
  } else if constexpr (std::is_same_v<T, Amount>) {
    out->money = v;
  } else if constexpr (std::is_enum_v<T>) {
    out->text = EnumName(v);
  } else if constexpr (std::is_integral_v<T>) {
    out->integer = static_cast<uint64_t>(v);
  } else if constexpr (std::is_same_v<T, std::vector<std::string>>) {
    out->list = &v;
  } else if constexpr (std::is_same_v<T, SharedStringList>) {
    out->list = &v.items();
  } else {
    static_assert(sizeof(T) == 0, "a model member type the schema does not know");
  }
}

// The inverse of Fill: false when `in` cannot be a T (an enum name not in its table).
template <class T>
bool Take(const Value& in, T* out) {
  if constexpr (std::is_same_v<T, std::string> || std::is_same_v<T, SharedString>) {
    // A SharedString owns its text, so what is read back (a rule, a name) needs no table of
    // known values to point into: it is a buffer of its own, shared by nothing else.
    *out = T(in.text);
  } else if constexpr (std::is_same_v<T, bool>) {
    *out = in.boolean;
  } else if constexpr (std::is_same_v<T, double>) {
    *out = in.number;
  } else if constexpr (std::is_same_v<T, Amount>) {
    *out = in.money;
  } else if constexpr (std::is_enum_v<T>) {
    std::optional<T> e = EnumFromName<T>(in.text);
    if (!e) return false;
    *out = *e;
  } else if constexpr (std::is_integral_v<T>) {
    // A span's offsets are 32-bit: a larger one read back is refused, not wrapped.
    if (in.integer > static_cast<uint64_t>(std::numeric_limits<T>::max())) return false;
    *out = static_cast<T>(in.integer);
  } else if constexpr (std::is_same_v<T, std::vector<std::string>> ||
                       std::is_same_v<T, SharedStringList>) {
    *out = in.list != nullptr ? T(*in.list) : T();
  }
  return true;
}

template <class T>
constexpr Kind ScalarKind() {
  if constexpr (std::is_same_v<T, std::string> || std::is_same_v<T, SharedString>)
    return Kind::kString;
  if constexpr (std::is_same_v<T, bool>) return Kind::kBoolean;
  if constexpr (std::is_same_v<T, double>) return Kind::kNumber;
  if constexpr (std::is_same_v<T, Amount>) return Kind::kMoney;
  if constexpr (std::is_enum_v<T>) return Kind::kEnum;
  if constexpr (std::is_integral_v<T>) return Kind::kInteger;
  if constexpr (std::is_same_v<T, std::vector<std::string>> || std::is_same_v<T, SharedStringList>)
    return Kind::kStringList;
  return Kind::kString;
}

template <auto M>
Field Def(std::string_view name, std::string_view description, Opt o = {}) {
  using Owner = typename MemberTraits<decltype(M)>::Owner;
  using T = typename MemberTraits<decltype(M)>::Type;
  Field f;
  f.name = name;
  f.description = description;
  f.nullable = o.nullable;
  f.format = o.format;
  f.unit = o.unit;
  f.since = o.since;
  if constexpr (IsRecord<T>::value) {
    f.kind = Kind::kRecord;
    f.embedding = o.embedding;
    f.record = &RecordOf<T>;
    f.child = [](const void* p) -> const void* { return &(static_cast<const Owner*>(p)->*M); };
    f.mutable_child = [](void* p) -> void* { return &(static_cast<Owner*>(p)->*M); };
  } else if constexpr (IsRecordList<T>::value) {
    f.kind = Kind::kRecordList;
    f.table = o.table.empty() ? name : o.table;
    f.item = o.item;
    f.record = &RecordOf<typename IsRecordList<T>::Inner>;
    f.size = [](const void* p) { return (static_cast<const Owner*>(p)->*M).size(); };
    f.at = [](const void* p, size_t i) -> const void* {
      return &(static_cast<const Owner*>(p)->*M)[i];
    };
    f.append = [](void* p) -> void* { return &(static_cast<Owner*>(p)->*M).emplace_back(); };
  } else if constexpr (IsOptional<T>::value) {
    using Inner = typename IsOptional<T>::Inner;
    f.kind = ScalarKind<Inner>();
    f.nullable = true;
    if constexpr (std::is_enum_v<Inner>) {
      f.enum_type = EnumTraits<Inner>::kTypeName;
      for (const auto& e : EnumTraits<Inner>::kEntries) f.enum_names.push_back(e.name);
    }
    f.get = [](const void* p) {
      Value v;
      const T& opt = static_cast<const Owner*>(p)->*M;
      if (opt)
        Fill(*opt, &v);
      else
        v.is_null = true;
      return v;
    };
    f.set = [](void* p, const Value& v) {
      T& opt = static_cast<Owner*>(p)->*M;
      if (v.is_null) {
        opt.reset();
        return true;
      }
      Inner inner{};
      if (!Take(v, &inner)) return false;
      opt = inner;
      return true;
    };
  } else {
    f.kind = ScalarKind<T>();
    if constexpr (std::is_enum_v<T>) {
      f.enum_type = EnumTraits<T>::kTypeName;
      for (const auto& e : EnumTraits<T>::kEntries) f.enum_names.push_back(e.name);
    }
    f.get = [](const void* p) {
      Value v;
      Fill(static_cast<const Owner*>(p)->*M, &v);
      return v;
    };
    // A null read back is the member's "empty": "" for a nullable string.
    f.set = [](void* p, const Value& v) {
      if (v.is_null) {
        static_cast<Owner*>(p)->*M = T{};
        return true;
      }
      return Take(v, &(static_cast<Owner*>(p)->*M));
    };
  }
  return f;
}

constexpr Opt kNullable{.nullable = true};
constexpr Opt kNullableDate{.nullable = true, .format = Format::kPartialDate};
constexpr Opt kNullableTime{.nullable = true, .format = Format::kTime};
constexpr Opt kGssCodes{.format = Format::kGssCode};
constexpr Opt kEvidence{.embedding = Embedding::kInline};
constexpr Opt kItem{.nullable = true, .since = "2.1"};
constexpr char kItemDescription[] = "the number of the agenda item it sits in";

}  // namespace

// --- The records ------------------------------------------------------------------------------

namespace {

template <>
const Record& RecordOf<Span>() {
  static const Record r{
      "span",
      "Byte offsets into the document's canonical text (`minutes text`): "
      "text[start:end] is the item as written.",
      {Def<&Span::start>("start", "offset of the first byte", {.unit = "bytes"}),
       Def<&Span::end>("end", "offset one past the last byte", {.unit = "bytes"})}};
  return r;
}

template <>
const Record& RecordOf<Evidence>() {
  static const Record r{
      "evidence",
      "Where an item came from and how sure the extractor is.",
      {Def<&Evidence::span>("span", "where the item is written"),
       Def<&Evidence::confidence>("confidence", "how sure the rule is, from 0 to 1"),
       Def<&Evidence::rule>("rule", "the rule that made the item, e.g. attendance.paren_org")}};
  return r;
}

template <>
const Record& RecordOf<Source>() {
  static const Record r{
      "source",
      "The input the document was read from.",
      {Def<&Source::path>("path", "the path as given ('-' for standard input)"),
       Def<&Source::sha256>("sha256", "SHA-256 of the input's bytes, lower-case hex",
                            {.format = Format::kSha256}),
       Def<&Source::format>("format", "the reader that read it (docx, text, ...)"),
       Def<&Source::bytes>("bytes", "the input's size", {.unit = "bytes"}),
       Def<&Source::other_paths>("other_paths",
                                 "other paths with the same bytes, when a batch met them",
                                 {.since = "2.0"})}};
  return r;
}

template <>
const Record& RecordOf<MeetingTime>() {
  static const Record r{
      "next_meeting",
      "A next meeting the notes announce.",
      {Def<&MeetingTime::date>("date", "YYYY-MM-DD, or YYYY-MM when only the month is known",
                               kNullableDate),
       Def<&MeetingTime::start_time>("start_time", "HH:MM, 24-hour clock", kNullableTime),
       Def<&MeetingTime::end_time>("end_time", "HH:MM, 24-hour clock", kNullableTime),
       Def<&MeetingTime::time_inferred>("time_inferred",
                                        "am/pm was inferred from working hours, not written"),
       Def<&MeetingTime::evidence>("evidence", "", kEvidence)}};
  return r;
}

template <>
const Record& RecordOf<Meeting>() {
  static const Record r{
      "meeting",
      "The meeting the notes record.",
      {Def<&Meeting::title>("title", "the notes' title (their first line)", kNullable),
       Def<&Meeting::series>("series",
                             "the group's series of meetings: the title without its dates, "
                             "lower case (or as given with --series)",
                             {.since = "2.0"}),
       Def<&Meeting::date>("date", "YYYY-MM-DD, or YYYY-MM when only the month is known",
                           kNullableDate),
       Def<&Meeting::start_time>("start_time", "HH:MM, 24-hour clock", kNullableTime),
       Def<&Meeting::end_time>("end_time", "HH:MM, 24-hour clock", kNullableTime),
       Def<&Meeting::chair>("chair", "the chair's display name", kNullable),
       Def<&Meeting::chair_person_id>("chair_person_id", "the chair's person_id",
                                      {.nullable = true, .since = "2.0"}),
       Def<&Meeting::next_meetings>("next_meetings", "the next meetings announced",
                                    {.table = "next_meetings", .item = "next_meeting"}),
       Def<&Meeting::evidence>("evidence", "", kEvidence)}};
  return r;
}

template <>
const Record& RecordOf<AgendaItem>() {
  static const Record r{
      "item",
      "A numbered item of the agenda; it runs from its heading to the next item's.",
      {Def<&AgendaItem::number>("number", "as written, without a final dot: 4, 4.1, 23/25",
                                {.since = "2.1"}),
       Def<&AgendaItem::title>("title", "the item's heading", {.nullable = true, .since = "2.1"}),
       Def<&AgendaItem::evidence>("evidence", "", kEvidence)}};
  return r;
}

template <>
const Record& RecordOf<Person>() {
  static const Record r{
      "person",
      "A person listed as present or sending apologies.",
      {Def<&Person::person_id>("person_id",
                               "stable across meetings and documents: a hash of the name and the "
                               "organisation (its GSS code when it is an LA)",
                               {.since = "2.0"}),
       Def<&Person::name>("name", "display form: Kelly Wilkes"),
       Def<&Person::name_raw>("name_raw", "as written: Kelly wilkes"),
       Def<&Person::initials>("initials", "the name's initials: KW, KGOS"),
       Def<&Person::organisation>("organisation", "canonical LA or body name, else as written",
                                  kNullable),
       Def<&Person::la_codes>(
           "la_codes", "ONS GSS codes of the organisation; empty for non-LA bodies", kGssCodes),
       Def<&Person::attendance>("attendance", "present or sent apologies"),
       Def<&Person::roles>("roles", "chair, DCS, presenter, support, councillor, ..."),
       Def<&Person::substitute_for>("substitute_for", "the person they deputised for", kNullable),
       Def<&Person::substitute_for_person_id>("substitute_for_person_id",
                                              "the person_id of the one they deputised for",
                                              {.nullable = true, .since = "2.0"}),
       Def<&Person::evidence>("evidence", "", kEvidence)}};
  return r;
}

template <>
const Record& RecordOf<Owner>() {
  static const Record r{
      "owner",
      "One owner of an action, as written and as resolved to a person.",
      {Def<&Owner::text>("text", "as written: PH, Mark Vening", {.since = "2.0"}),
       Def<&Owner::name>("name", "the person's display name; null when unknown or ambiguous",
                         {.nullable = true, .since = "2.0"}),
       Def<&Owner::person_id>("person_id", "the person's person_id",
                              {.nullable = true, .since = "2.0"}),
       Def<&Owner::span>("span", "where the owner is written", {.since = "2.0"})}};
  return r;
}

template <>
const Record& RecordOf<Action>() {
  static const Record r{
      "action",
      "An action: a row of an action log, or an 'Action:' line in the discussion.",
      {Def<&Action::ref>("ref", "the log's reference as written (49, A3)", kNullable),
       Def<&Action::text>("text", "what is to be done"),
       Def<&Action::owners>("owners", "who is to do it, split as written",
                            {.since = "2.0", .table = "action_owners", .item = "owner"}),
       Def<&Action::issued>("issued", "when it was set: YYYY-MM-DD or YYYY-MM", kNullableDate),
       Def<&Action::due>("due", "when it is due: YYYY-MM-DD or YYYY-MM", kNullableDate),
       Def<&Action::status>("status", "the state, normalised"),
       Def<&Action::status_raw>("status_raw", "the state as written", kNullable),
       Def<&Action::source>("source", "where the action is written"),
       Def<&Action::linked_log_index>(
           "linked_log_index", "an inline action's row in the action log (index into actions)"),
       Def<&Action::item>("item", kItemDescription, kItem),
       Def<&Action::evidence>("evidence", "", kEvidence)}};
  return r;
}

template <>
const Record& RecordOf<Money>() {
  static const Record r{
      "money",
      "A sum of money written in the notes.",
      {Def<&Money::amount>("amount", "the sum, exact to the penny (the lower end of a range)",
                           {.unit = "GBP"}),
       Def<&Money::currency>("currency", "ISO 4217 code; always GBP"),
       Def<&Money::range_max>("range_max", "the upper end of a range (£203-£267)", {.unit = "GBP"}),
       Def<&Money::period>("period", "what the sum is per; null when not said"),
       Def<&Money::approximate>("approximate", "c., circa, around, roughly, about"),
       Def<&Money::text>("text", "the figure as written, qualifiers included: c.£60k"),
       Def<&Money::la_codes>("la_codes",
                             "the LA the figure belongs to: named in its clause or sentence, "
                             "else the speaker's",
                             kGssCodes),
       Def<&Money::item>("item", kItemDescription, kItem),
       Def<&Money::evidence>("evidence", "", kEvidence)}};
  return r;
}

template <>
const Record& RecordOf<LaMentionItem>() {
  static const Record r{
      "la_mention",
      "A mention of one or more local authorities.",
      {Def<&LaMentionItem::text>("text", "as written"),
       Def<&LaMentionItem::la_codes>("la_codes", "ONS GSS codes of the LAs meant", kGssCodes),
       Def<&LaMentionItem::canonical_name>("canonical_name", "the register's name"),
       Def<&LaMentionItem::method>("method", "how the mention was resolved"),
       Def<&LaMentionItem::item>("item", kItemDescription, kItem),
       Def<&LaMentionItem::evidence>("evidence", "", kEvidence)}};
  return r;
}

template <>
const Record& RecordOf<PersonMention>() {
  static const Record r{
      "person_mention",
      "A use of a person's initials.",
      {Def<&PersonMention::text>("text", "the initials: KL"),
       Def<&PersonMention::name>(
           "name", "who they stand for; null when nobody or more than one fits", kNullable),
       Def<&PersonMention::person_id>("person_id", "their person_id",
                                      {.nullable = true, .since = "2.0"}),
       Def<&PersonMention::settled_by>(
           "settled_by",
           "the sha256 of the document of the same series whose evidence settled the name "
           "(rule says how); null when this document settled it alone",
           {.nullable = true, .format = Format::kSha256, .since = "2.0"}),
       Def<&PersonMention::item>("item", kItemDescription, kItem),
       Def<&PersonMention::evidence>("evidence", "", kEvidence)}};
  return r;
}

template <>
const Record& RecordOf<Recommendation>() {
  static const Record r{
      "recommendation",
      "One recommendation listed under a decision.",
      {Def<&Recommendation::text>(
           "text", "as written, marker included: (a) that the report be noted", {.since = "2.1"}),
       Def<&Recommendation::span>("span", "where it is written", {.since = "2.1"})}};
  return r;
}

template <>
const Record& RecordOf<Decision>() {
  static const Record r{
      "decision",
      "What the meeting resolved or agreed (RESOLVED, AGREED, DECISION, 'The Board agreed that').",
      {Def<&Decision::text>("text", "the decision as written, without its keyword",
                            {.since = "2.1"}),
       Def<&Decision::recommendations>(
           "recommendations", "the recommendations listed under it, in order",
           {.since = "2.1", .table = "decision_recommendations", .item = "recommendation"}),
       Def<&Decision::item>("item", kItemDescription, kItem),
       Def<&Decision::evidence>("evidence", "", kEvidence)}};
  return r;
}

template <>
const Record& RecordOf<Finding>() {
  static const Record r{
      "finding",
      "Something a reviewer should look at.",
      {Def<&Finding::code>("code", "a stable identifier: weekday_mismatch, ambiguous_initials"),
       Def<&Finding::severity>("severity", "error, warning or info"),
       Def<&Finding::message>("message", "what is wrong and what to fix"),
       Def<&Finding::span>("span", "where it is")}};
  return r;
}

template <>
const Record& RecordOf<Extraction>() {
  static const Record r{
      "document",
      "Everything extracted from one document of meeting notes.",
      {Def<&Extraction::schema_version>("schema_version", "the version of this contract",
                                        {.format = Format::kVersion}),
       Def<&Extraction::la_register_version>(
           "la_register_version", "the LA register the GSS codes come from", {.since = "2.0"}),
       Def<&Extraction::source>("source", "the input", {.embedding = Embedding::kSection}),
       Def<&Extraction::meeting>("meeting", "the meeting", {.embedding = Embedding::kSection}),
       Def<&Extraction::items>("items", "the numbered agenda items",
                               {.since = "2.1", .table = "agenda_items", .item = "item"}),
       Def<&Extraction::people>("people", "attendance: present and apologies",
                                {.table = "attendance", .item = "person"}),
       Def<&Extraction::actions>("actions", "the action log and inline actions",
                                 {.item = "action"}),
       Def<&Extraction::money>("money", "sums of money", {.item = "money"}),
       Def<&Extraction::la_mentions>("la_mentions", "every mention of an LA",
                                     {.item = "la_mention"}),
       Def<&Extraction::person_mentions>("person_mentions", "every use of initials",
                                         {.item = "person_mention"}),
       Def<&Extraction::decisions>("decisions", "what was resolved or agreed",
                                   {.since = "2.1", .item = "decision"}),
       Def<&Extraction::findings>("findings", "validation findings", {.item = "finding"})}};
  return r;
}

// --- Tables ------------------------------------------------------------------------------------

// Appends the columns of `record`'s scalar fields to `table`, flattening nested records, and
// makes a child table of every record list (appended to `tables` after this one's columns).
void Flatten(const Record& record, const std::string& prefix, std::vector<const Field*> via,
             Table* table, std::vector<std::pair<const Field*, std::vector<const Field*>>>* lists) {
  for (const Field& f : record.fields) {
    if (f.kind == Kind::kRecordList) {
      lists->push_back({&f, via});
    } else if (f.kind == Kind::kRecord) {
      std::string p = prefix;
      if (f.embedding == Embedding::kObject) p += std::string(f.name) + "_";
      std::vector<const Field*> v = via;
      v.push_back(&f);
      Flatten(f.record(), p, v, table, lists);
    } else {
      Column c;
      c.name = prefix + std::string(f.name);
      c.field = &f;
      c.via = via;
      c.kind = f.kind;
      c.nullable = f.nullable;
      c.description = std::string(f.description);
      table->columns.push_back(std::move(c));
    }
  }
}

void AddTables(const Record& record, const Field* list_field, std::vector<const Field*> list_via,
               const Table* parent, std::deque<Table>* out) {
  Table& t = out->emplace_back();
  t.record = &record;
  t.list_field = list_field;
  t.list_via = std::move(list_via);
  t.parent = parent;
  if (list_field == nullptr) {
    t.name = "documents";
    t.description = std::string(record.description);
    t.primary_key = {"sha256"};
  } else {
    t.name = std::string(list_field->table);
    t.description = std::string(list_field->description);
    auto key = [&t](std::string name, Column::Role role, size_t level, std::string desc) {
      Column c;
      c.name = std::move(name);
      c.role = role;
      c.level = level;
      c.kind = role == Column::Role::kDocumentKey ? Kind::kString : Kind::kInteger;
      c.description = std::move(desc);
      t.primary_key.push_back(c.name);
      t.columns.push_back(std::move(c));
    };
    key("document_sha256", Column::Role::kDocumentKey, 0, "the document's sha256");
    size_t level = 0;
    std::vector<const Table*> chain;
    for (const Table* p = parent; p != nullptr && p->list_field != nullptr; p = p->parent)
      chain.insert(chain.begin(), p);
    for (const Table* p : chain)
      key(std::string(p->list_field->item) + "_index", Column::Role::kParentIndex, level++,
          "the " + std::string(p->list_field->item) + "'s index in " + p->name);
    t.foreign_key = t.primary_key;
    key("index", Column::Role::kIndex, 0, "the item's index in its list");
  }
  std::vector<std::pair<const Field*, std::vector<const Field*>>> lists;
  Flatten(record, "", {}, &t, &lists);
  for (const auto& [f, via] : lists) AddTables(f->record(), f, via, &t, out);
}

}  // namespace

const Record& Root() { return RecordOf<Extraction>(); }

std::string_view Pattern(Format format) {
  switch (format) {
    case Format::kText:
      return "";
    case Format::kPartialDate:
      return "^[0-9]{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?$";
    case Format::kTime:
      return "^([01][0-9]|2[0-3]):[0-5][0-9]$";
    case Format::kSha256:
      return "^[0-9a-f]{64}$";
    case Format::kGssCode:
      return "^[EWSN][0-9]{8}$";
    case Format::kVersion:
      return "^[0-9]+\\.[0-9]+$";
  }
  return "";
}

Value Get(const Field& field, const void* owner) {
  Value v = field.get(owner);
  if (field.nullable && field.kind == Kind::kString && v.text.empty()) v.is_null = true;
  return v;
}

const std::vector<Table>& Tables() {
  static const std::vector<Table>* tables = [] {
    // A deque keeps `parent` pointers valid while tables are added; the result is a vector of
    // copies whose parents are re-pointed into it.
    std::deque<Table> built;
    AddTables(Root(), nullptr, {}, nullptr, &built);
    auto* v = new std::vector<Table>(built.begin(), built.end());
    for (Table& t : *v)
      if (t.parent != nullptr)
        for (const Table& p : *v)
          if (p.name == t.parent->name) t.parent = &p;
    return v;
  }();
  return *tables;
}

namespace {

// Emits the row of `item` into table `t`, then the rows of every table below it.
void EmitRows(const std::vector<Table>& tables, const Table& t, const void* item,
              std::string_view sha256, std::vector<size_t>* parents, size_t index,
              std::vector<Value>* row,
              const std::function<void(const Table&, const std::vector<Value>&)>& visit) {
  row->assign(t.columns.size(), Value());
  for (size_t i = 0; i < t.columns.size(); ++i) {
    const Column& c = t.columns[i];
    Value& v = (*row)[i];
    switch (c.role) {
      case Column::Role::kDocumentKey:
        v.text = sha256;
        break;
      case Column::Role::kParentIndex:
        v.integer = (*parents)[c.level];
        break;
      case Column::Role::kIndex:
        v.integer = index;
        break;
      case Column::Role::kField: {
        const void* owner = item;
        for (const Field* via : c.via) owner = via->child(owner);
        v = Get(*c.field, owner);
        break;
      }
    }
  }
  visit(t, *row);
  bool is_list_row = t.list_field != nullptr;
  if (is_list_row) parents->push_back(index);
  for (const Table& child : tables) {
    if (child.parent != &t) continue;
    const void* owner = item;
    for (const Field* via : child.list_via) owner = via->child(owner);
    for (size_t j = 0, n = child.list_field->size(owner); j < n; ++j)
      EmitRows(tables, child, child.list_field->at(owner, j), sha256, parents, j, row, visit);
  }
  if (is_list_row) parents->pop_back();
}

}  // namespace

void ForEachRow(
    const Extraction& x,
    const std::function<void(const Table& table, const std::vector<Value>& row)>& visit) {
  const std::vector<Table>& tables = Tables();
  std::vector<size_t> parents;
  std::vector<Value> row;
  EmitRows(tables, tables.front(), &x, x.source.sha256, &parents, 0, &row, visit);
}

const Table* TableOf(const Field* field) {
  for (const Table& t : Tables())
    if (t.list_field == field) return &t;
  return nullptr;
}

}  // namespace minutes::schema
