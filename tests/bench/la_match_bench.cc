// LA matching cost: LaRegister::FindMentions over the seed notes (bytes/s and ns per KB), and
// Resolve of an attendee's organisation string. Run by hand: build with
// -DMINUTES_BUILD_BENCHMARKS=ON, then
//   ./tests/bench/la_match_bench

#include <benchmark/benchmark.h>
#include <dirent.h>

#include <algorithm>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "normalize/normalize.h"

namespace {

using minutes::normalize::LaRegister;

std::string SeedText() {
  std::string dir = std::string(MINUTES_SOURCE_DIR) + "/samples/seeds";
  std::vector<std::string> names;
  if (DIR* d = opendir(dir.c_str())) {
    while (dirent* e = readdir(d)) {
      std::string n = e->d_name;
      if (n.size() > 4 && n.compare(n.size() - 4, 4, ".txt") == 0) names.push_back(n);
    }
    closedir(d);
  }
  std::sort(names.begin(), names.end());
  std::string all;
  for (const std::string& n : names) {
    std::ifstream in(dir + "/" + n, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    all += ss.str();
    all += "\n\n";
  }
  return all;
}

void BM_FindMentions_Seeds(benchmark::State& state) {
  const LaRegister& las = LaRegister::Default();
  const std::string text = SeedText();
  if (!las.status().ok() || text.empty()) {
    state.SkipWithError("register or seeds missing");
    return;
  }
  size_t mentions = 0;
  for (auto _ : state) {
    auto m = las.FindMentions(text);
    mentions = m.size();
    benchmark::DoNotOptimize(m);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) *
                          static_cast<int64_t>(text.size()));
  state.counters["mentions"] = static_cast<double>(mentions);
  state.counters["input_KB"] = static_cast<double>(text.size()) / 1024.0;
  // Seconds per KB per iteration, shown by the reporter in ns (or us) per KB.
  state.counters["time_per_KB"] = benchmark::Counter(
      static_cast<double>(state.iterations()) * static_cast<double>(text.size()) / 1024.0,
      benchmark::Counter::kIsRate | benchmark::Counter::kInvert);
}
BENCHMARK(BM_FindMentions_Seeds);

void BM_FindMentions_NoFuzzy(benchmark::State& state) {
  const LaRegister& las = LaRegister::Default();
  const std::string text = SeedText();
  minutes::normalize::MatchOptions options;
  options.fuzzy = false;
  for (auto _ : state) benchmark::DoNotOptimize(las.FindMentions(text, options));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) *
                          static_cast<int64_t>(text.size()));
  state.counters["time_per_KB"] = benchmark::Counter(
      static_cast<double>(state.iterations()) * static_cast<double>(text.size()) / 1024.0,
      benchmark::Counter::kIsRate | benchmark::Counter::kInvert);
}
BENCHMARK(BM_FindMentions_NoFuzzy);

void BM_Resolve(benchmark::State& state) {
  const LaRegister& las = LaRegister::Default();
  static const char* const kOrgs[] = {"West berks",        "Slough in place of George Mathew",
                                      "SESLIP support",    "AfC",
                                      "Brighton and Hove", "Hants"};
  size_t i = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(las.Resolve(kOrgs[i++ % 6]));
  }
}
BENCHMARK(BM_Resolve);

void BM_LoadRegister(benchmark::State& state) {
  for (auto _ : state) {
    std::unique_ptr<LaRegister> reg;
    minutes::Status s = LaRegister::Load(std::string(MINUTES_SOURCE_DIR) + "/normalize/data", &reg);
    if (!s.ok()) {
      state.SkipWithError(s.ToString().c_str());
      break;
    }
    benchmark::DoNotOptimize(reg.get());
  }
}
BENCHMARK(BM_LoadRegister)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
