// A generator of realistic meeting notes, for benchmarks of the batch path (not for tests: the
// gold files in samples/ say what is right; this only says what is plausible).
//
//   minutes::bench::CorpusOptions options;
//   options.seed = 7;
//   options.count = 1000;
//   options.la_register_dir = "normalize/data";
//   minutes::bench::CorpusStats stats;
//   minutes::Status s = minutes::bench::WriteCorpus("/tmp/corpus", options, &stats);
//   // /tmp/corpus/south-east/2025/fostering-regional-group_2025-07.txt, ... (1000 files)
//
// What a corpus holds. The notes are meetings of groups ("series"), several per region, each
// meeting monthly, every two months or quarterly, so a series is many meetings in date order. A
// series keeps its habits from meeting to meeting, as real groups do: the title's wording, how the
// date, chair and attendees are written (commas, semicolons, bullets or a table), how items are
// headed, the action log's columns and status words. Its members come and go (people from LAs of
// the region, mostly, plus a support officer and guests), its action log keeps its refs from one
// meeting to the next while statuses change, and discussions quote figures in the forms the seeds
// and cases use (£15ph, £250 per week, c.£60k, £203-£267, GBP 2,500 per month, £1.2m a year).
// About `docx_share` of the notes are written as DOCX (a real, minimal WordprocessingML package),
// the rest as text exports (UTF-8, some with a BOM, some Windows-1252, some with CRLF). A few files
// are letters, not minutes; with `with_bad`, a few are a truncated zip, an empty file or binary
// bytes, because a batch must survive them.
//
// Determinism. The same options give the same files, byte for byte, on any platform: the only
// source of randomness is std::mt19937_64 (whose output the standard fixes) read through Rng's own
// mappings, never through std::uniform_int_distribution and friends (whose algorithms each
// standard library chooses), and DOCX zips carry a fixed timestamp. The plan (how many series, of
// how many meetings, where) follows from the seed and the count; then each series, each meeting and
// each letter draws from a stream of its own, derived from the seed and its number.

#ifndef MINUTES_TESTS_BENCH_CORPUS_GEN_H_
#define MINUTES_TESTS_BENCH_CORPUS_GEN_H_

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <random>
#include <string>

#include "common/status.h"

namespace minutes::bench {

// Random numbers that are the same on every platform and standard library. Not thread-safe; cheap
// to create (one per series).
class Rng {
 public:
  explicit Rng(uint64_t seed) : engine_(seed) {}

  // A seed for a sub-stream: splitmix64 of `seed` and `stream`, so nearby seeds and streams give
  // unrelated sequences.
  static uint64_t Derive(uint64_t seed, uint64_t stream);

  // Uniform in [0, n) for n >= 1, without modulo bias (rejection sampling).
  uint64_t Below(uint64_t n);
  // Uniform in [lo, hi], lo <= hi.
  int Between(int lo, int hi) {
    return lo + static_cast<int>(Below(static_cast<uint64_t>(hi - lo) + 1));
  }
  // Uniform in [0, 1): the top 53 bits of one draw, so exact in any IEEE double.
  double Unit() { return static_cast<double>(engine_() >> 11) * (1.0 / 9007199254740992.0); }
  // True with probability p.
  bool Chance(double p) { return Unit() < p; }
  // A uniformly chosen element of a non-empty array.
  template <typename T, size_t N>
  const T& Pick(const T (&items)[N]) {
    return items[Below(N)];
  }

 private:
  std::mt19937_64 engine_;
};

// What a generated file is.
enum class FileKind {
  kNotesText,   // meeting notes, text export
  kNotesDocx,   // meeting notes, DOCX
  kLetter,      // a letter: readable, but not minutes (text or DOCX)
  kCorruptZip,  // a DOCX cut short and damaged: the reader must refuse it as corrupt
  kEmpty,       // zero bytes
  kBinary,      // random bytes with NULs, named .txt: the reader must refuse it as not text
};

// "notes_text", "notes_docx", "letter", "corrupt_zip", "empty", "binary".
const char* FileKindName(FileKind kind);

// One file of the corpus.
struct GeneratedFile {
  // Relative, '/'-separated: "<region>/<year>/<group>_<yyyy-mm>.txt|.docx" for notes (and for the
  // bad files, which stand in for a meeting's notes), "<region>/<year>/letter-<n>_<la>.txt|.docx".
  std::string path;
  FileKind kind = FileKind::kNotesText;
  std::string bytes;
};

// What to generate. The defaults make 1,000 files.
struct CorpusOptions {
  uint64_t seed = 1;
  // Files in all, letters and bad files included.
  size_t count = 1000;
  // Share of notes and letters written as DOCX, in [0, 1].
  double docx_share = 0.3;
  // Share of files that are letters rather than minutes, in [0, 1]; at least one when count >= 50.
  double letter_share = 0.01;
  // Replace a few meetings' notes (one of each kind per 2,000 files, at least one of each) by a
  // corrupt zip, an empty file and a binary file.
  bool with_bad = false;
  // A directory holding la_register.csv (gss_code, name, region columns) and, optionally,
  // aliases.csv (gss_code, alias, kind): the LAs people come from, and how they are written.
  std::string la_register_dir;
  // 0: a meeting has its usual one to five agenda items. Otherwise every meeting's agenda goes on,
  // item after item of the same kinds of discussion, actions and figures, until its text holds
  // at least this many bytes, and a text note is written as plain UTF-8 with LF line ends: one
  // long note of a chosen size (`count` 1) for measuring how cost grows with size.
  size_t min_note_bytes = 0;
};

// Counts of what a corpus holds.
struct CorpusStats {
  size_t files = 0;
  size_t notes_text = 0;
  size_t notes_docx = 0;
  size_t letters = 0;
  size_t bad = 0;  // corrupt zips, empty and binary files
  size_t series = 0;
  uint64_t bytes = 0;
};

// Generates a corpus in memory, one file at a time, so any count fits in memory. Immutable after
// Create; Generate may be called any number of times (each call gives the same files). Not
// copyable: it holds the register and the plan.
class CorpusGenerator {
 public:
  // Loads the register and plans the series. On success stores the generator in *out and returns
  // OK; fails with the register's read or parse error, or InvalidArgument for a count of zero, a
  // share outside [0, 1] or a register without rows.
  static Status Create(const CorpusOptions& options, std::unique_ptr<CorpusGenerator>* out);

  ~CorpusGenerator();
  CorpusGenerator(const CorpusGenerator&) = delete;
  CorpusGenerator& operator=(const CorpusGenerator&) = delete;

  // Calls `sink` with each of the options' `count` files in turn (series by series, each in date
  // order, letters after). Stops at, and returns, the first non-OK status `sink` returns.
  Status Generate(const std::function<Status(const GeneratedFile&)>& sink) const;

  // How many series the plan has.
  size_t series_count() const;

 private:
  struct Impl;
  explicit CorpusGenerator(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// Generates the corpus into `dir` (created with its parents if missing), making each file's
// folders as needed, and fills *stats (which may be null). Refuses, with InvalidArgument, a `dir`
// that already holds anything, so two corpora never mix; fails with IoError naming the file that
// could not be written, or with Create's error.
Status WriteCorpus(const std::string& dir, const CorpusOptions& options, CorpusStats* stats);

}  // namespace minutes::bench

#endif  // MINUTES_TESTS_BENCH_CORPUS_GEN_H_
