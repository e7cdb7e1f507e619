// Cost of reading and of extracting one seed-sized note, side by side in one run.
//
//   cmake -S . -B build-bench -DMINUTES_BUILD_BENCHMARKS=ON && cmake --build build-bench
//   build-bench/tests/bench/extract_bench

#include <benchmark/benchmark.h>

#include <fstream>
#include <sstream>
#include <string>

#include "extract/extract.h"
#include "ingest/ingest.h"
#include "normalize/normalize.h"

namespace {

std::string Slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

const char* const kSeeds[] = {"000_e0affe79a15288f1.txt", "000_e0affe79a15288f1.docx",
                              "001_2e77aad788dcd255.txt", "001_2e77aad788dcd255.docx"};

std::string SeedBytes(int i) {
  return Slurp(std::string(MINUTES_SOURCE_DIR) + "/samples/seeds/" + kSeeds[i]);
}

void BM_Ingest(benchmark::State& state) {
  std::string bytes = SeedBytes(static_cast<int>(state.range(0)));
  for (auto _ : state) {
    minutes::Document doc;
    minutes::Status s = minutes::ReadBytes(bytes, minutes::IngestOptions(), &doc);
    benchmark::DoNotOptimize(s);
  }
  state.SetLabel(kSeeds[state.range(0)]);
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes.size()));
}
BENCHMARK(BM_Ingest)->DenseRange(0, 3)->Unit(benchmark::kMicrosecond);

void BM_Extract(benchmark::State& state) {
  std::string bytes = SeedBytes(static_cast<int>(state.range(0)));
  minutes::Document doc;
  minutes::ReadBytes(bytes, minutes::IngestOptions(), &doc);
  minutes::normalize::LaRegister::Default();  // loaded once, outside the timing
  for (auto _ : state) {
    minutes::Extraction x = minutes::Extract(doc, {}, {});
    benchmark::DoNotOptimize(x);
  }
  state.SetLabel(kSeeds[state.range(0)]);
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * doc.text.size()));
}
BENCHMARK(BM_Extract)->DenseRange(0, 3)->Unit(benchmark::kMicrosecond);

}  // namespace

BENCHMARK_MAIN();
