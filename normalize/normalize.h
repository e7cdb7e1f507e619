// normalize: what the notes say -> what a data warehouse can join on.
//
//   const minutes::normalize::LaRegister& las = minutes::normalize::LaRegister::Default();
//   for (const auto& m : las.FindMentions("across Kent and Medway")) {
//     std::cout << m.text << " -> " << m.gss_codes[0] << "\n";   // Kent -> E10000016, ...
//   }
//   auto d = minutes::normalize::ParseDate("Tuesday 9th December", {2025, 12, 9});
//   // d->iso == "2025-12-09"
//
// Local authorities (LaRegister), people (NormalizePersonName, Initials, PersonRegistry), dates,
// times and action statuses. The stage knows nothing of documents: callers hand in strings and get
// values back.
//
// Conventions for everything below:
//  * Nothing throws. Loading data that can fail returns a minutes::Status (common/status.h) and
//    fills its out-parameter only on success; parsing returns std::nullopt when the input is not
//    what the function parses.
//  * Text is UTF-8. Positions are byte offsets into the string_view you passed, so
//    text.substr(start, end - start) is exactly the matched text. Invalid UTF-8 bytes never match.
//  * Results are plain values you own; nothing returned points into your input (but for
//    LaMentionScan, which keeps a view of the text it scanned: see there).
//  * Free functions and const methods are thread-safe. PersonRegistry's mutating methods need
//    external synchronisation.

#ifndef MINUTES_NORMALIZE_NORMALIZE_H_
#define MINUTES_NORMALIZE_NORMALIZE_H_

#include <cstddef>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "common/shared_string.h"
#include "common/status.h"
#include "model/enums.h"

namespace minutes::normalize {

namespace internal {
class LaIndex;
class LaSnapshot;
struct LaCandidate;
}  // namespace internal

class LaMentionScan;

// -------------------------------------------------------------------------------------------------
// Local authorities

// One row of the register: an English local authority. The shipped register holds every current
// one: the 153 with children's services (counties, unitaries, metropolitan districts, London
// boroughs, the City of London and the Isles of Scilly) and the non-metropolitan districts below
// the counties. Its fields view strings the register holds (or its shipped snapshot, where the
// program's image holds them): they are valid as long as the register is.
struct LocalAuthority {
  std::string_view gss_code;  // ONS GSS code, e.g. "E06000037"
  std::string_view name;  // official ONS/DfE-style name, e.g. "West Berkshire", "Bristol, City of"
  // "unitary", "metropolitan_district", "london_borough", "county" or "non_metropolitan_district".
  std::string_view la_type;
  std::string_view region;       // e.g. "South East"
  std::string_view dfe_la_code;  // DfE 3-digit code, e.g. "869"; empty for a district (no
                                 // children's services) and possibly in a user's register
  // The tier of local government: "upper" (a county council, over districts), "lower" (a
  // non-metropolitan district, under a county) or "single" (unitary, metropolitan district, London
  // borough: all services). From the register's `tier` column, else derived from la_type ("" when
  // la_type is unknown).
  std::string_view tier;
  // A district's county, e.g. "E10000016" (Kent) for Ashford; else "".
  std::string_view county_gss_code;
};

// How a mention was resolved is the contract's MatchMethod (model/enums.h): kExact, the register
// name itself ("West Berkshire", casing and &/and aside); kAlias, a council name, short name,
// abbreviation, typo variant, or a compass word in "East and West Sussex"; kGroup, a name for
// several LAs ("AfC", "Berkshire", "Thames Valley"), gss_codes holding every member; kFuzzy, a
// misspelling within a tight edit distance of one LA name ("Oxfordshre"). EnumName gives its
// string form.

// One local-authority mention found in text.
struct LaMention {
  size_t start = 0;  // byte offset of the first byte of the mention in the caller's text
  size_t end = 0;    // one past the last byte; council prefixes/suffixes are inside [start, end)
  std::string text;  // the matched text, byte for byte (text == input.substr(start, end - start))
  // Both shared with the register's own (common/shared_string.h): a note names a few LAs many
  // times.
  SharedStringList gss_codes;   // one code for an LA, every member for a group
  SharedString canonical_name;  // the register name, or the group's name
  MatchMethod method = MatchMethod::kExact;
  // 1.0 exact; 0.95 alias; 0.9 group (0.9 also for a coordinated compass word); 0.8 fuzzy at edit
  // distance 1, 0.7 at 2; at most 0.7 when from_context, 0.6 when could_be_initials.
  double confidence = 1.0;
  // Flags for the caller's context decisions:
  bool could_be_initials = false;  // a 2-4 letter all-capital word ("BH", "MK", "KCC"): the caller
                                   // decides whether it is a person's initials (confidence 0.6)
  bool common_word = false;     // the name is also an ordinary word or surname ("Reading", "Kent")
  bool sentence_start = false;  // the mention opens a sentence or line
  bool from_context = false;    // resolved only because of MatchOptions (an ambiguous alias, or a
                                // sentence-opening common word the caller expected)
  // An ambiguous alias ("WCC") the meeting's area did not settle: gss_codes holds every candidate
  // and canonical_name the alias. Only returned with MatchOptions::keep_ambiguous.
  bool ambiguous = false;
};

// Context a caller may give the matcher. The defaults suit text with no context.
//
// The meeting's area settles an ambiguous alias (SCC, HCC, PCC, WCC; ambiguous_aliases.csv), the
// same way wherever it stands (an attendee's organisation or the discussion): see
// LaRegister::SettleInArea.
struct MatchOptions {
  // LAs known to take part: the LAs the document names unambiguously (attendees' organisations
  // and mentions; extract's MeetingArea). They are the meeting's area, and with them a
  // sentence-opening common word followed by a verb ("Reading said") is accepted when its LA is
  // expected (without context it is dropped).
  std::vector<std::string> expected_gss_codes;
  // A region name as in the register (e.g. "South East"), added to the regions of
  // expected_gss_codes when settling an ambiguous alias. Empty: only the expected LAs count.
  std::string region;
  // Return ambiguous aliases the area did not settle, flagged LaMention::ambiguous (for a finding).
  // Off: they are dropped.
  bool keep_ambiguous = false;
  // Try the fuzzy fallback for unmatched capitalised words of five letters or more
  // (Damerau-Levenshtein distance 1, 2 from eight letters, same first letter, Jaro-Winkler >= 0.94,
  // against single-word LA names and short names only; never next to another capitalised word,
  // which looks like a person's name).
  bool fuzzy = true;
};

// The register of LAs with their aliases, groups and the words that are not LAs, plus the matcher
// built from them. Immutable after Load, so one instance is shared read-only by any number of
// threads; it is neither copyable nor movable because the matcher's index is large and refers to
// the register's rows.
class LaRegister {
 public:
  // Loads a register. `path` is a directory holding la_register.csv (required) and, optionally,
  // aliases.csv, groups.csv, acronyms.csv, ambiguous_aliases.csv, common_word_risks.csv,
  // gss_code_history.csv and PROVENANCE.md (for version()); or `path` is a register CSV file, and
  // the optional files are read from its directory. Files use the column names of normalize/data/.
  // On success stores the register in *out and returns OK. On failure stores nullptr and returns
  // a status whose message() is "file:line: reason" (or "path: reason" for an unreadable file):
  //  * IoError: la_register.csv (or a companion file that exists) cannot be read;
  //  * Corrupt: a file is not CSV (unterminated quoted field, empty file);
  //  * InvalidArgument: a file is CSV but not a register (missing column, bad, duplicate or unknown
  //    GSS code, empty name, no rows).
  static Status Load(const std::string& path, std::unique_ptr<LaRegister>* out);

  // The shipped register, loaded once on first use; thread-safe (a function-local static). The
  // directory is the first of:
  //  1. the environment variable MINUTES_DATA_DIR, when set and not empty (used even if it fails);
  //  2. the installed register beside the running program: /proc/self/exe's folder/../share/
  //     minutes/data (<prefix>/bin/minutes -> <prefix>/share/minutes/data, as `cmake --install`
  //     and the .deb lay it out), when it holds la_register.csv;
  //  3. the source tree's normalize/data/, fixed at compile time (the build tree and the tests).
  // The files there are read as Load reads them, but parsed only when they differ from those the
  // program was built with: otherwise the register built from them is decoded from the snapshot
  // compiled into the program (la_snapshot.h), the same register at a fraction of the cost.
  // Never fails: if loading failed it returns an empty register (no authorities, no mentions)
  // whose status() is Load's error. The instance lives until the process exits.
  static const LaRegister& Default();
  // The directory Default() loads (or loaded) its register from, by the rules above.
  static std::string DefaultPath();

  ~LaRegister();
  LaRegister(const LaRegister&) = delete;
  LaRegister& operator=(const LaRegister&) = delete;

  // How loading went: always OK for a register from Load; Default()'s load error otherwise. A
  // reference to a member, so checking it costs nothing.
  const Status& status() const { return status_; }

  // The data version ("2026-11-22.1" from PROVENANCE.md's "version:" line), "unversioned" if
  // absent.
  const std::string& version() const { return version_; }

  // Every LA, in register order.
  const std::vector<LocalAuthority>& authorities() const { return authorities_; }

  // The LA with this current GSS code, or nullptr. The pointer lives as long as the register.
  const LocalAuthority* FindByCode(std::string_view gss_code) const;

  // The current codes for a code: itself if current, its successors if retired
  // (gss_code_history.csv: Cumbria -> Cumberland + Westmorland and Furness), empty if unknown.
  std::vector<std::string> CurrentCodes(std::string_view gss_code) const;

  // True if `word` is a sector acronym from acronyms.csv ("EDT", "DCS", "SD", "Ofsted", "CP
  // Chair"), or its plural ("ICBs", "SSW's"); compared NFKC case-folded with spaces collapsed. Some
  // are also people's initials ("SD", "TM"): the caller decides with context.
  bool IsSectorAcronym(std::string_view word) const;

  // Every LA mention in `text`, in text order, non-overlapping, longest match first. One pass over
  // the text (tokens are folded once and walked through a trie of all aliases), so the cost is
  // linear in the text. Matching: ICU NFKC case folding; "&" == "and"; hyphens, apostrophes and a
  // line break inside a name are ignored ("West\nBerkshire"); "." only after a one- or two-letter
  // word ("W. Sussex", "St. Helens"); all-capital abbreviations match only in capitals ("MK", not
  // "mk"); other abbreviations and common words must be capitalised ("Afc", "Hants", "Reading");
  // names are case-insensitive ("brighton and Hove", "West berks"). Council prefixes and suffixes
  // ("London Borough of", "City Council", "CC", "BC") extend the span. Sector acronyms and
  // partnerships (EDT, DCS, LA, ICB, NMA, SESLIP) never match. Coordinations are split: "East and
  // West Sussex" is two mentions ("East" -> East Sussex), "Kent and Medway" is two; "Brighton and
  // Hove" is one LA. A sentence-opening common word followed by a lower-case word ("Reading the
  // report") is dropped unless options expect that LA.
  // FindMentions is ScanMentions then LaMentionScan::Settle.
  std::vector<LaMention> FindMentions(std::string_view text,
                                      const MatchOptions& options = {}) const;

  // FindMentions' work on `text` that does not depend on the options, for a caller that needs the
  // text's mentions under several MatchOptions: scan once, then settle the scan with each (see
  // LaMentionScan). The scan keeps a view of `text` and a pointer to this register.
  LaMentionScan ScanMentions(std::string_view text) const;

  // Resolves a whole organisation string, as written after a person's name: "West berks", "AfC" (a
  // group), "Slough in place of George Mathew" (the leading LA; trailing words are ignored),
  // "Reading" (common words are accepted here: the caller says this is an organisation). Returns
  // the mention that starts at the first word, else the only mention in the string; std::nullopt
  // when there is none, when there are several and none leads, or when the string leads with a
  // non-LA body ("SESLIP support").
  std::optional<LaMention> Resolve(std::string_view org, const MatchOptions& options = {}) const;

  // Settles an ambiguous alias's `candidates` by the meeting's area in `options`, in two steps:
  //  1. the candidates that are expected LAs, or the county of an expected district (Warwick
  //     names Warwickshire): exactly one wins;
  //  2. else, unless `also_acronym` (a "PCC" is more often the Police and Crime Commissioner than
  //     a council), the candidates in a region of an expected LA or options.region: exactly one
  //     wins ("WCC" among London boroughs is Westminster); of several, the one whose region holds
  //     strictly the most expected LAs wins (a London meeting that names Reading once still reads
  //     "WCC" as Westminster, not Winchester).
  // Returns the winner's code, or std::nullopt when no candidate or several fit (the caller reports
  // it). FindMentions and Resolve settle through this, so an attendee's "WCC" and a "WCC" in the
  // discussion always agree.
  std::optional<std::string> SettleInArea(const std::vector<std::string>& candidates,
                                          const MatchOptions& options,
                                          bool also_acronym = false) const;

 private:
  friend class internal::LaSnapshot;  // encodes and decodes every member below (la_snapshot.h)
  friend class LaMentionScan;         // settles a scan through index_

  LaRegister();
  // Fills by_code_ from authorities_ (whose codes are distinct).
  void IndexCodes();

  Status status_;  // OK unless this is Default()'s stand-in for a register that failed to load
  std::string version_ = "unversioned";
  std::vector<LocalAuthority> authorities_;
  std::deque<std::string> strings_;  // what a loaded register's authorities view
  // Indices into authorities_ in gss_code order, searched by FindByCode: derived from
  // authorities_ by IndexCodes, and one small array where a map was a node per LA.
  std::vector<uint32_t> by_code_;
  // Retired code -> current codes.
  std::map<std::string, std::vector<std::string>, std::less<>> successors_;
  std::set<std::string, std::less<>> acronyms_;     // folded sector acronyms
  std::unique_ptr<const internal::LaIndex> index_;  // built once by Load
};

// One text's LA mentions with the decisions that depend on MatchOptions left open
// (LaRegister::ScanMentions), for a caller that needs them under several options: the text is
// tokenised and matched once, and each Settle is a pass over what the scan found.
//
//   LaMentionScan scan = las.ScanMentions(text);
//   scan.SettleEach(plain, [&](LaMention&& m) { ... });       // FindMentions(text, plain)'s
//   std::vector<LaMention> all = std::move(scan).Settle(area);  // FindMentions(text, area); frees
//
// Contract:
//  * Settle(options) gives exactly FindMentions(text, options), byte for byte, for any options,
//    as often as wanted and in any order: FindMentions and Resolve are a scan then a settle, one
//    code path. The scan holds every candidate (a match, a coordinated compass word, a fuzzy
//    match) with what the options decide about it: an ambiguous alias settled, flagged or
//    dropped; a sentence-opening common word ("Reading said") kept only when its LA is expected;
//    a fuzzy match kept only with MatchOptions::fuzzy; and a common word after a capitalised name
//    ("Surrey Kent", "Sarah Kent"), a surname unless that name ended the last mention kept. The
//    settle pass decides them in text order.
//  * It keeps a view of the scanned text and a pointer to the register, copying neither: both must
//    outlive the scan (or its last Settle), and the text must not change.
//  * Const members are thread-safe. Settling an rvalue (std::move(scan).Settle(options)) frees the
//    candidates as the mentions are made, leaving the scan empty, as a move does; an empty scan
//    (default-constructed or moved from) settles to no mentions.
//  * Its size is some 40 bytes per candidate, under half a LaMention's.
class LaMentionScan {
 public:
  LaMentionScan();  // empty
  ~LaMentionScan();
  LaMentionScan(const LaMentionScan&);
  LaMentionScan(LaMentionScan&&) noexcept;
  LaMentionScan& operator=(const LaMentionScan&);
  LaMentionScan& operator=(LaMentionScan&&) noexcept;

  // FindMentions(text, options): the mentions in text order.
  std::vector<LaMention> Settle(const MatchOptions& options) const&;
  // The same, freeing the scan as it goes (it is empty afterwards).
  std::vector<LaMention> Settle(const MatchOptions& options) &&;
  // The same mentions handed to `visit` one at a time, in text order, none kept: for a caller that
  // needs only some of their fields, or makes something else of them.
  void SettleEach(const MatchOptions& options,
                  const std::function<void(LaMention&&)>& visit) const&;
  // The same, freeing the scan as it goes (it is empty afterwards).
  void SettleEach(const MatchOptions& options, const std::function<void(LaMention&&)>& visit) &&;

  // The number of candidates: at least as many as the mentions any settle gives.
  size_t size() const;
  // True when the scan holds no candidate (nothing found, or freed): it settles to no mentions.
  bool empty() const;

 private:
  friend class LaRegister;
  friend class internal::LaIndex;

  const LaRegister* register_ = nullptr;
  std::string_view text_;
  // The candidates in text order, in blocks of a fixed size (la_matcher.cc), so that a settle that
  // frees the scan hands its memory back a block at a time while it makes the mentions.
  std::vector<std::vector<internal::LaCandidate>> blocks_;
  bool leading_body_ = false;     // the first token starts a non-LA body ("SESLIP support")
  size_t first_token_start_ = 0;  // byte offset of the first word
};

// -------------------------------------------------------------------------------------------------
// People

// A display form of a person's name: NFC, whitespace (including no-break spaces) collapsed, curly
// apostrophes made straight ("O'Sullivan": the display form always uses U+0027), and each all-lower
// or all-upper word title-cased with ICU per part: "julie mcnally" -> "Julie McNally",
// "kelly grant o’sullivan" -> "Kelly Grant O'Sullivan", "alitha lee-townsend" ->
// "Alitha Lee-Townsend", "josh macallister" -> "Josh MacAllister" (Mac only before five or more
// letters and not in a short exception list: "Mace", "Macey", "Mack", "Machado" stay as they are).
// Words already in mixed case are kept as written. Returns "" for a blank input. Keep the raw form
// yourself if you need it (PersonRegistry does).
std::string NormalizePersonName(std::string_view raw);

// The comparison key of a name: the display form, NFKC case-folded. Two spellings that differ only
// in case, spacing or apostrophe style have the same key.
std::string PersonNameKey(std::string_view raw);

// The stable id of a person: "p-" + 16 hex digits of a hash of the name's key and the
// organisation's (case-folded, spaces collapsed). `organisation` should be the GSS code when the
// caller resolved one, so "West Berks" and "West Berkshire" agree; "" when none is known. The same
// id PersonRegistry::Add gives; "" for a blank name.
std::string PersonId(std::string_view raw_name, std::string_view organisation);

// The key of the series a meeting belongs to: its title without dates, case-folded, punctuation
// as single spaces. "Fostering regional group meeting notes and action log July 2025" ->
// "fostering regional group meeting notes and action log"; "South West Fostering Network – Notes
// of meeting held 3 March 2026" -> "south west fostering network notes of meeting"; "MINUTES of a
// meeting of the CORPORATE PARENTING PANEL held at Anytown Town Hall on ..." -> "corporate
// parenting panel" (the "minutes of a/the meeting of" formula and everything from "held" on go).
// Weekdays, months, years, day numbers (1st, 03), numeric dates and words left dangling at the end
// by their removal ("held", "on", "of", "dated") go. "" for a title that is nothing but a date.
std::string SeriesKey(std::string_view title);

// Initials as the notes write them: one capital per word and per hyphenated part; an O' prefix
// gives O plus the next capital; Mc/Mac give one letter. "Kelly Grant O'Sullivan" -> "KGOS",
// "Alitha Lee-Townsend" -> "ALT", "Julie McNally" -> "JM". Returns "" for a blank input.
std::string Initials(std::string_view name);

// The initials a reader would accept for the name, Initials(name) first, no duplicates: middle
// names kept or dropped, an O' surname as OS, O or S, a hyphenated surname whole or by its first
// part. "Kelly Grant O'Sullivan" -> KGOS, KGO, KGS, KOS, KO, KS; "Alitha Lee-Townsend" -> ALT, AL;
// "Sarah Daly" -> SD.
std::vector<std::string> InitialsVariants(std::string_view name);

// How a person took part in a meeting.
enum class Attendance { kPresent, kApologies, kChair, kMentioned };

// "present", "apologies", "chair" or "mentioned".
const char* AttendanceName(Attendance attendance);

struct PersonAppearance {
  std::string meeting_id;
  Attendance attendance = Attendance::kPresent;
  std::string raw_name;  // as written in that meeting
};

// One person across documents. A plain struct: the export stage writes these out as they are.
struct PersonRecord {
  std::string id;  // stable: "p-" + 16 hex digits of a hash of (name key, organisation key)
  std::string display_name;  // NormalizePersonName of the first raw form seen
  std::string name_key;      // PersonNameKey
  // As given to Add the first time (a GSS code when the caller resolved one).
  std::string organisation;
  std::string initials;                        // Initials(display_name)
  std::vector<std::string> initials_variants;  // InitialsVariants(display_name)
  std::vector<std::string> raw_names;          // every distinct raw form seen
  std::vector<PersonAppearance> appearances;   // in the order added
};

// People across a batch of meetings: the same name key with the same organisation is one person, so
// a batch can say who attended what, and resolve initials that a later meeting only writes as
// initials. Lifecycle: Add every named person of every meeting, then look up initials. Not
// thread-safe for Add; const methods may run concurrently with each other. Copyable (it is plain
// data).
class PersonRegistry {
 public:
  // Records that `raw_name` of `organisation` took part in `meeting_id`. `organisation` should be
  // the GSS code (or group name) when the caller resolved it, so "West Berks" and "West Berkshire"
  // agree; otherwise the raw organisation (compared case-folded, whitespace collapsed). Adding the
  // same appearance twice records it once. Returns the person's id, or "" when raw_name is blank
  // (nothing is recorded).
  std::string Add(std::string_view raw_name, std::string_view organisation,
                  std::string_view meeting_id, Attendance attendance);

  // People whose InitialsVariants contain `initials` (compared in capitals), those whose primary
  // Initials match first. With a non-empty `meeting_id`, only people who appear in that meeting.
  // Several results mean the initials are ambiguous (two "SR"s); the caller decides. Pointers are
  // valid until the next Add.
  std::vector<const PersonRecord*> FindByInitials(std::string_view initials,
                                                  std::string_view meeting_id = {}) const;

  // The person with this id, or nullptr. Valid until the next Add.
  const PersonRecord* Find(std::string_view id) const;

  // Every person, in the order first added.
  const std::vector<PersonRecord>& people() const { return people_; }

 private:
  std::vector<PersonRecord> people_;
  std::map<std::string, size_t, std::less<>> by_id_;
};

// -------------------------------------------------------------------------------------------------
// Dates and times

// A calendar date; also the reference date for the parsers (usually the meeting's date).
struct CivilDate {
  int year = 0;
  int month = 0;  // 1-12
  int day = 0;    // 1-31
};

enum class DatePrecision { kDay, kMonth, kYear };

struct ParsedDate {
  int year = 0;
  int month = 0;  // 0 when precision is kYear
  int day = 0;    // 0 unless precision is kDay
  DatePrecision precision = DatePrecision::kDay;
  std::string iso;             // "2025-07-07", "2025-09" or "2025"
  bool year_inferred = false;  // the text gave no year; it came from the reference
  int weekday = -1;            // weekday named in the text, 0 = Monday .. 6 = Sunday; -1 if none
  // The named weekday is not this date's weekday (reported, not fixed).
  bool weekday_mismatch = false;
};

// Parses one date expression (the whole of `text`, surrounding spaces and a trailing "." or ","
// allowed): "7 July 2025", "31 March 2026", "Tuesday 9th December", "Tuesday, March 17",
// "17 September", "Sept 2025", "March 2025", "Dec", "Mar-26" (two-digit year after - or '),
// "14 Jan 25" (two-digit year after a day and month), "Tuesday, 14 January, 2025", "2025-07-07",
// "07/07/2025" (day first). Months: full names, three letters, "Sept"; weekdays:
// full, three letters, "Tues", "Weds", "Thurs". A missing year is the reference year; a month alone
// has month precision ("Dec" in a December 2025 meeting -> "2025-12"). A named weekday that
// contradicts the date sets weekday_mismatch; the date is not moved. Returns std::nullopt for
// anything else, including impossible dates ("31 February 2025") and school or financial years
// ("2022/23").
std::optional<ParsedDate> ParseDate(std::string_view text, const CivilDate& reference);

// As ParseDate, but a date without a year is the first occurrence strictly after `reference` whose
// weekday matches the named weekday, if any, within eight years (next-meeting lists:
// "Tuesday March 17" after 2025-12-09 -> 2026-03-17). A month alone is the next such month after
// the reference month. If no year in range matches the weekday, the first
// occurrence after the reference is returned with weekday_mismatch set. Dates with a year are
// returned as written.
std::optional<ParsedDate> ParseNextDate(std::string_view text, const CivilDate& reference);

// Working-hours assumptions for times written without am/pm.
struct TimeOptions {
  // A bare hour from 1 up to (not including) this is afternoon (2 -> 14:00); from here to 11 it is
  // morning; 12 is noon.
  int first_morning_hour = 8;
};

struct TimeRange {
  std::string start;      // "HH:MM", 24-hour
  std::string end;        // "HH:MM", or "" for a single time
  int start_minutes = 0;  // minutes after midnight
  int end_minutes = -1;   // -1 for a single time
  // am/pm was not written for the start: carried from the end or assumed from working hours.
  bool start_inferred = false;
  bool end_inferred = false;  // likewise for the end
};

// Parses one time or time range (the whole of `text`): "10-11.30" -> 10:00-11:30 (both inferred),
// "2-3.30" -> 14:00-15:30, "10.30-12", "1.30pm – 3pm", "10am to 12.15pm", "9am-11pm", "5-11pm" ->
// 17:00-23:00 (pm carried back), "11-8pm" -> 11:00-20:00 (carrying pm would put the start after the
// end), "14:00-15:30", "14:00-16.30", "12 noon", "18:30pm" -> 18:30 (a 24-hour time with a pm that
// adds nothing). Separators: "-", en/em dash, "to", "until", "till". A lone bare number ("5") is
// not a time. Only pass text the caller already believes is a time: "1-2" parses as 13:00-14:00
// whether or not it meant one or two children. Returns std::nullopt for anything else (hour > 23,
// minutes > 59, am on an hour > 12, pm on a bare hour > 12 such as "13pm", trailing words).
std::optional<TimeRange> ParseTimeRange(std::string_view text, const TimeOptions& options = {});

// -------------------------------------------------------------------------------------------------
// Action statuses

// Maps a status cell to the contract's ActionStatus (model/enums.h), ignoring case, spacing
// (including line breaks) and a trailing
// ".": "Complete", "Done", "In progress", "Not started", "New", "Carried forward", "Withdrawn",
// "No longer relevant", "Green"/"Amber"/"Red". Two words joined by "/" map to the less finished of
// the two (open < ongoing < complete < closed), so "Ongoing/complete" is ongoing: part done is not
// done, and a warehouse must not close an action that is still moving. Returns std::nullopt for an
// unknown word.
std::optional<ActionStatus> NormalizeStatus(std::string_view raw);

}  // namespace minutes::normalize

#endif  // MINUTES_NORMALIZE_NORMALIZE_H_
