// make_corpus: writes a corpus of realistic meeting notes for the batch benchmark
// (tests/bench/batch_bench.sh). See corpus_gen.h for what the notes hold.
//
//   cmake -S . -B build-bench -DMINUTES_BUILD_BENCHMARKS=ON && cmake --build build-bench
//   build-bench/tests/bench/make_corpus --out /tmp/corpus --count 1000 --seed 7
//
// Exit codes: 0 written; 1 failed (the register could not be read, the output folder is not empty,
// a file could not be written: the message says which); 2 usage error.

#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "tests/bench/corpus_gen.h"

#ifdef __GLIBC__
#include <malloc.h>
#endif

namespace {

const char kUsage[] =
    "usage: make_corpus --out DIR --count N [--seed S] [--docx-share X] [--letter-share X]\n"
    "                   [--with-bad] [--la-register DIR] [--min-note-bytes B]\n"
    "\n"
    "Writes N files of meeting notes (and a few letters) under DIR/<region>/<year>/, the same\n"
    "bytes for the same options. DIR must be empty or missing.\n"
    "\n"
    "  --out DIR            where to write (created)\n"
    "  --count N            files in all (letters and bad files included)\n"
    "  --seed S             seed of the generator (default 1)\n"
    "  --docx-share X       share of files written as DOCX, 0 to 1 (default 0.3)\n"
    "  --letter-share X     share of files that are letters, not minutes (default 0.01)\n"
    "  --with-bad           also a corrupt zip, an empty file and a binary file per 2,000 files\n"
    "  --la-register DIR    the LA register folder (default: the source tree's normalize/data)\n"
    "  --min-note-bytes B   every meeting's agenda goes on until its text holds B bytes, and\n"
    "                       text notes are plain UTF-8 (one long note: --count 1 --docx-share 0)\n";

int UsageError(const std::string& message) {
  std::fprintf(stderr, "make_corpus: %s\n%s", message.c_str(), kUsage);
  return 2;
}

bool ParseUnsigned(const std::string& s, uint64_t* out) {
  if (s.empty() || s.find_first_not_of("0123456789") != std::string::npos) return false;
  errno = 0;
  char* end = nullptr;
  *out = std::strtoull(s.c_str(), &end, 10);
  return errno == 0 && *end == '\0';
}

bool ParseShare(const std::string& s, double* out) {
  char* end = nullptr;
  *out = std::strtod(s.c_str(), &end);
  return !s.empty() && *end == '\0' && *out >= 0 && *out <= 1;
}

}  // namespace

int main(int argc, char** argv) {
#ifdef __GLIBC__
  // Each DOCX deflates six parts, and zlib's ~300 KB of state per part, freed at the top of the
  // heap, makes glibc give memory back and take it again with brk every time: that was 90% of the
  // time spent writing DOCX. Keep it instead.
  mallopt(M_TRIM_THRESHOLD, 64 << 20);
  mallopt(M_TOP_PAD, 4 << 20);
#endif
  minutes::bench::CorpusOptions options;
  options.la_register_dir = MINUTES_DATA_DIR;
  std::string out;
  bool have_count = false;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    std::string value;
    bool has_value = false;
    if (size_t eq = arg.find('='); arg.rfind("--", 0) == 0 && eq != std::string::npos) {
      value = arg.substr(eq + 1);
      arg.resize(eq);
      has_value = true;
    }
    auto take = [&]() -> bool {
      if (has_value) return true;
      if (i + 1 >= argc) return false;
      value = argv[++i];
      return true;
    };
    if (arg == "--help" || arg == "-h") {
      std::fputs(kUsage, stdout);
      return 0;
    } else if (arg == "--with-bad") {
      options.with_bad = true;
    } else if (arg == "--out") {
      if (!take() || value.empty()) return UsageError("--out needs a folder");
      out = value;
    } else if (arg == "--count") {
      uint64_t n;
      if (!take() || !ParseUnsigned(value, &n) || n == 0)
        return UsageError("--count needs a number of files, at least 1");
      options.count = n;
      have_count = true;
    } else if (arg == "--seed") {
      if (!take() || !ParseUnsigned(value, &options.seed))
        return UsageError("--seed needs a non-negative integer");
    } else if (arg == "--docx-share") {
      if (!take() || !ParseShare(value, &options.docx_share))
        return UsageError("--docx-share needs a number from 0 to 1");
    } else if (arg == "--letter-share") {
      if (!take() || !ParseShare(value, &options.letter_share))
        return UsageError("--letter-share needs a number from 0 to 1");
    } else if (arg == "--min-note-bytes") {
      uint64_t n;
      if (!take() || !ParseUnsigned(value, &n))
        return UsageError("--min-note-bytes needs a number of bytes");
      options.min_note_bytes = n;
    } else if (arg == "--la-register") {
      if (!take() || value.empty()) return UsageError("--la-register needs a folder");
      options.la_register_dir = value;
    } else {
      return UsageError("unknown argument '" + arg + "'");
    }
  }
  if (out.empty() || !have_count) return UsageError("--out and --count are required");

  const auto start = std::chrono::steady_clock::now();
  minutes::bench::CorpusStats stats;
  minutes::Status s = minutes::bench::WriteCorpus(out, options, &stats);
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (!s.ok()) {
    std::fprintf(stderr, "make_corpus: %s\n", s.ToString().c_str());
    return 1;
  }
  std::printf(
      "make_corpus: %zu files (%zu text notes, %zu docx notes, %zu letters, %zu bad) in %zu "
      "series, %.1f MB, %.2f s: %.0f files/s, %.1f MB/s\n",
      stats.files, stats.notes_text, stats.notes_docx, stats.letters, stats.bad, stats.series,
      static_cast<double>(stats.bytes) / 1e6, seconds,
      seconds > 0 ? static_cast<double>(stats.files) / seconds : 0.0,
      seconds > 0 ? static_cast<double>(stats.bytes) / 1e6 / seconds : 0.0);
  return 0;
}
