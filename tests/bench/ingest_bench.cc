// The cost of reading a Word note, stage by stage, side by side in one run: opening the zip,
// inflating each part, parsing each XML part, and the whole DOCX reader with the style-sheet
// cache cold and warm. Run by hand, never by ctest:
//
//   cmake --build build-bench --target ingest_bench && build-bench/tests/bench/ingest_bench
//
// Every benchmark reports bytes/s of the part it reads (the compressed file for Open and the whole
// reader, the inflated XML for the parsers), on the seed DOCX (samples/seeds/).

#include <benchmark/benchmark.h>

#include <cstdlib>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>

#include "ingest/docx_xml.h"
#include "ingest/ingest.h"
#include "ingest/style_sheet_cache.h"
#include "ingest/xml_module.h"
#include "ingest/zip_package.h"

namespace minutes {
namespace {

const std::string& Seed() {
  static const std::string* bytes = [] {
    std::ifstream in(std::string(MINUTES_SOURCE_DIR) + "/samples/seeds/000_e0affe79a15288f1.docx",
                     std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return new std::string(ss.str());
  }();
  return *bytes;
}

std::string Part(const std::string& name) {
  std::unique_ptr<ZipPackage> zip;
  std::string xml;
  if (!ZipPackage::Open(Seed(), IngestOptions(), &zip).ok() || !zip->Read(name, &xml).ok())
    std::abort();
  return xml;
}

void ZipOpen(benchmark::State& state) {
  for (auto _ : state) {
    std::unique_ptr<ZipPackage> zip;
    benchmark::DoNotOptimize(ZipPackage::Open(Seed(), IngestOptions(), &zip));
  }
  state.SetBytesProcessed(state.iterations() * static_cast<int64_t>(Seed().size()));
}

void Inflate(benchmark::State& state, const std::string& name) {
  std::unique_ptr<ZipPackage> zip;
  ZipPackage::Open(Seed(), IngestOptions(), &zip);
  std::string xml;
  for (auto _ : state) {
    zip = nullptr;  // a fresh budget each time
    ZipPackage::Open(Seed(), IngestOptions(), &zip);
    benchmark::DoNotOptimize(zip->Read(name, &xml));
  }
  state.SetBytesProcessed(state.iterations() * static_cast<int64_t>(xml.size()));
}

void ParseTree(benchmark::State& state, const std::string& name) {
  const std::string xml = Part(name);
  for (auto _ : state) {
    XmlElement root;
    benchmark::DoNotOptimize(ParseXmlPart(xml, name, 256, &root));
  }
  state.SetBytesProcessed(state.iterations() * static_cast<int64_t>(xml.size()));
}

void StreamBody(benchmark::State& state) {
  const std::string xml = Part("word/document.xml");
  XmlStreamHandler h;
  h.take = [](const XmlElement* parent, const XmlElement&, int depth) {
    return parent == nullptr || depth < 1 ? XmlTake::kDescend : XmlTake::kWhole;
  };
  size_t elements = 0;
  h.element = [&](XmlElement&) {
    ++elements;
    return Status::OK();
  };
  for (auto _ : state) benchmark::DoNotOptimize(StreamXmlPart(xml, "word/document.xml", 256, h));
  state.SetBytesProcessed(state.iterations() * static_cast<int64_t>(xml.size()));
}

// The whole reader: `warm` keeps the style sheet parsed by an earlier file of the same template.
// The reader linked into this program (xml_module.h), whose cache is the one cleared here (through
// ReadBytes, minutes_xml.so would read with a cache of its own), then hashed and rendered as
// ReadBytes does.
void WholeReader(benchmark::State& state, bool warm) {
  for (auto _ : state) {
    if (!warm) {
      state.PauseTiming();
      StyleSheetCache::Shared().Clear();
      state.ResumeTiming();
    }
    Document doc;
    doc.format = "docx";
    if (!ReadDocx(Seed(), IngestOptions(), &doc).ok()) std::abort();
    doc.sha256 = Sha256Hex(Seed());
    RenderDocument(&doc);
    benchmark::DoNotOptimize(doc.text.data());
  }
  state.SetBytesProcessed(state.iterations() * static_cast<int64_t>(Seed().size()));
}

BENCHMARK(ZipOpen);
BENCHMARK_CAPTURE(Inflate, document, std::string("word/document.xml"));
BENCHMARK_CAPTURE(Inflate, styles, std::string("word/styles.xml"));
BENCHMARK_CAPTURE(Inflate, numbering, std::string("word/numbering.xml"));
BENCHMARK_CAPTURE(ParseTree, styles, std::string("word/styles.xml"));
BENCHMARK_CAPTURE(ParseTree, numbering, std::string("word/numbering.xml"));
BENCHMARK_CAPTURE(ParseTree, settings, std::string("word/settings.xml"));
BENCHMARK_CAPTURE(ParseTree, relationships, std::string("word/_rels/document.xml.rels"));
BENCHMARK(StreamBody);
BENCHMARK_CAPTURE(WholeReader, styles_cold, false);
BENCHMARK_CAPTURE(WholeReader, styles_warm, true);

}  // namespace
}  // namespace minutes

BENCHMARK_MAIN();
