// A main() for the fuzz targets in builds without libFuzzer (g++, or any build with
// MINUTES_BUILD_FUZZERS off): runs LLVMFuzzerTestOneInput once on each file named, walking
// directories, in name order. ctest runs it over a target's kept regressions and seeds
// (fuzz_run.py replay), so every crash a fuzzer once found stays fixed in every build.
//
//   build/tests/fuzz/docx_replay tests/fuzz/regressions/docx samples/seeds/x.docx
//
// Exit 0 when every input ran (a target that finds a broken promise aborts, failing the test);
// 2 when a path cannot be read or names nothing.

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <system_error>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size);

namespace {

namespace fs = std::filesystem;

// The regular files at `path` (itself, or every file below it), sorted so runs are repeatable.
bool Inputs(const fs::path& path, std::vector<fs::path>* out) {
  std::error_code ec;
  if (fs::is_regular_file(path, ec)) {
    out->push_back(path);
    return true;
  }
  if (!fs::is_directory(path, ec)) return false;
  std::vector<fs::path> found;
  for (fs::recursive_directory_iterator it(path, ec), end; !ec && it != end; it.increment(ec))
    if (it->is_regular_file(ec)) found.push_back(it->path());
  if (ec) return false;
  std::sort(found.begin(), found.end());
  out->insert(out->end(), found.begin(), found.end());
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<fs::path> inputs;
  for (int i = 1; i < argc; ++i) {
    if (!Inputs(argv[i], &inputs)) {
      std::fprintf(stderr, "replay: %s: not a readable file or directory\n", argv[i]);
      return 2;
    }
  }
  for (const fs::path& p : inputs) {
    std::ifstream in(p, std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (!in.good() && !in.eof()) {
      std::fprintf(stderr, "replay: %s: cannot read\n", p.c_str());
      return 2;
    }
    // Printed before the run, so that a crash names the input that caused it.
    std::fprintf(stderr, "replay: %s\n", p.c_str());
    LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size());
  }
  std::printf("replayed %zu inputs\n", inputs.size());
  return 0;
}
