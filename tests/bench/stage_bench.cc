// The cost of each stage after reading, per MB of a note's text, side by side in one run: rendering
// the blocks to text, each extraction step on its own, LA matching, and writing JSON and CSV.
// (Unzipping and the XML parts have benchmarks of their own.) Run by hand, never by ctest:
//
//   cmake -S . -B build-bench -DCMAKE_BUILD_TYPE=Release -DMINUTES_BUILD_BENCHMARKS=ON
//   cmake --build build-bench --target stage_bench
//   build-bench/tests/bench/stage_bench                       # every stage, every note
//   build-bench/tests/bench/stage_bench --benchmark_filter='Step/.*/note_1MB'
//
// Every benchmark reports bytes/s of the note's canonical text (Document::text), whatever the
// stage reads or writes, so the rates compare across stages: a stage at 50 MB/s costs twice one at
// 100 MB/s on the same note. The notes: the two seed notes (a Word file and a text export,
// samples/seeds/) and a 1 MB text note from the corpus generator (tests/bench/corpus_gen.h: one
// meeting whose agenda goes on). A step runs on a copy of the workspace the steps before it
// filled, made outside the timing.

#include <benchmark/benchmark.h>

#include <fstream>
#include <memory>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "export/export.h"
#include "extract/extract.h"
#include "extract/steps.h"
#include "ingest/ingest.h"
#include "model/schema.h"
#include "normalize/normalize.h"
#include "tests/bench/corpus_gen.h"

namespace minutes {
namespace {

struct Note {
  std::string name;
  Document doc;
  Extraction x;
};

std::string Slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Reads and extracts `bytes`; false (with the reason on stderr) if the note cannot be read.
bool Prepare(const std::string& name, const std::string& bytes, Note* note) {
  note->name = name;
  Status s = ReadBytes(bytes, IngestOptions(), &note->doc);
  if (!s.ok()) {
    std::fprintf(stderr, "stage_bench: %s: %s\n", name.c_str(), s.ToString().c_str());
    return false;
  }
  note->x = Extract(note->doc, SourceOf(name, note->doc), {});
  return true;
}

// The notes every stage runs on; built once (a second of work for the generated note).
const std::vector<std::unique_ptr<Note>>& Notes() {
  static const std::vector<std::unique_ptr<Note>>* notes = [] {
    auto* v = new std::vector<std::unique_ptr<Note>>;
    const std::string seeds = std::string(MINUTES_SOURCE_DIR) + "/samples/seeds/";
    std::vector<std::pair<std::string, std::string>> inputs = {
        {"seed_docx", Slurp(seeds + "000_e0affe79a15288f1.docx")},
        {"seed_txt", Slurp(seeds + "001_2e77aad788dcd255.txt")},
    };
    bench::CorpusOptions options;
    options.count = 1;
    options.docx_share = 0;
    options.letter_share = 0;
    options.min_note_bytes = 1000000;
    options.la_register_dir = std::string(MINUTES_SOURCE_DIR) + "/normalize/data";
    std::unique_ptr<bench::CorpusGenerator> gen;
    Status s = bench::CorpusGenerator::Create(options, &gen);
    if (s.ok())
      s = gen->Generate([&](const bench::GeneratedFile& f) {
        inputs.emplace_back("note_1MB", f.bytes);
        return Status::OK();
      });
    if (!s.ok()) std::fprintf(stderr, "stage_bench: generated note: %s\n", s.ToString().c_str());
    for (auto& [name, bytes] : inputs) {
      auto note = std::make_unique<Note>();
      if (Prepare(name, bytes, note.get())) v->push_back(std::move(note));
    }
    return v;
  }();
  return *notes;
}

void SetRate(benchmark::State& state, const Note& note) {
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) *
                          static_cast<int64_t>(note.doc.text.size()));
  state.counters["text_KB"] = static_cast<double>(note.doc.text.size()) / 1024.0;
}

void Render(benchmark::State& state, const Note* note) {
  Document doc = note->doc;  // rendering rewrites the text and every span
  for (auto _ : state) {
    RenderDocument(&doc);
    benchmark::DoNotOptimize(doc.text.data());
  }
  SetRate(state, *note);
}

// One step on a copy of the workspace that the steps before it filled.
void RunStep(benchmark::State& state, const Note* note, size_t index) {
  const normalize::LaRegister& las = normalize::LaRegister::Default();
  const ExtractOptions options;
  const std::vector<const Step*>& steps = OrderedSteps();
  Workspace prepared(note->doc, las, options);
  prepared.x.source = SourceOf(note->name, note->doc);
  for (size_t i = 0; i < index; ++i) steps[i]->run(&prepared);
  std::optional<Workspace> w;
  for (auto _ : state) {
    state.PauseTiming();
    w.reset();  // not timed: freeing the last copy
    w.emplace(prepared);
    state.ResumeTiming();
    steps[index]->run(&*w);
  }
  SetRate(state, *note);
}

void ExtractAll(benchmark::State& state, const Note* note) {
  for (auto _ : state) {
    Extraction x = Extract(note->doc, SourceOf(note->name, note->doc), {});
    benchmark::DoNotOptimize(x);
  }
  SetRate(state, *note);
}

void LaMatch(benchmark::State& state, const Note* note) {
  const normalize::LaRegister& las = normalize::LaRegister::Default();
  size_t mentions = 0;
  for (auto _ : state) {
    auto m = las.FindMentions(note->doc.text);
    mentions = m.size();
    benchmark::DoNotOptimize(m);
  }
  SetRate(state, *note);
  state.counters["mentions"] = static_cast<double>(mentions);
}

void Json(benchmark::State& state, const Note* note, int indent) {
  size_t bytes = 0;
  for (auto _ : state) {
    bytes = 0;
    WriteJson(note->x, indent, [&bytes](std::string_view piece) { bytes += piece.size(); });
  }
  SetRate(state, *note);
  state.counters["json_KB"] = static_cast<double>(bytes) / 1024.0;
}

// The rows of every table, in memory (writing the files is the disk's cost, not ours).
void Csv(benchmark::State& state, const Note* note) {
  for (auto _ : state) {
    CsvTables tables;
    tables.Add(note->x);
    benchmark::DoNotOptimize(tables);
  }
  SetRate(state, *note);
  CsvTables tables;
  tables.Add(note->x);
  size_t bytes = 0;
  for (const schema::Table& t : schema::Tables()) bytes += tables.Table(t.name).size();
  state.counters["csv_KB"] = static_cast<double>(bytes) / 1024.0;
}

void RegisterAll() {
  normalize::LaRegister::Default();  // loaded once, outside every timing
  for (const auto& n : Notes()) {
    const Note* note = n.get();
    const std::string& in = note->name;
    auto add = [](const std::string& name, auto&&... args) {
      benchmark::RegisterBenchmark(name.c_str(), args...)->Unit(benchmark::kMicrosecond);
    };
    add("Render/" + in, Render, note);
    const std::vector<const Step*>& steps = OrderedSteps();
    for (size_t i = 0; i < steps.size(); ++i)
      add("Step/" + std::string(steps[i]->name) + "/" + in, RunStep, note, i);
    add("ExtractAll/" + in, ExtractAll, note);
    add("LaMatch/" + in, LaMatch, note);
    add("Json/pretty/" + in, Json, note, 2);
    add("Json/lines/" + in, Json, note, 0);
    add("Csv/" + in, Csv, note);
  }
}

}  // namespace
}  // namespace minutes

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  minutes::RegisterAll();
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
