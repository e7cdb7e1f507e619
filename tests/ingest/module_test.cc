// Loading modules (common/module.h), with the PDF reader's minutes_pdf.so as the real one: found
// through $MINUTES_MODULE_DIR, and every way of failing is a one-line kUnsupported naming the
// module, not a crash. Each case uses a module name of its own, since a process loads (or fails
// to load) each module once.

#include "common/module.h"

#include <gtest/gtest.h>
#include <stdlib.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "ingest/pdf_module.h"

namespace minutes {
namespace {

namespace fs = std::filesystem;

// A fresh folder for MINUTES_MODULE_DIR, removed with the fixture; the variable is restored.
class ModuleTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::path(::testing::TempDir()) / ("module_test_" + std::to_string(getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    if (const char* old = getenv("MINUTES_MODULE_DIR")) old_ = old, had_ = true;
    setenv("MINUTES_MODULE_DIR", dir_.c_str(), 1);
  }
  void TearDown() override {
    if (had_)
      setenv("MINUTES_MODULE_DIR", old_.c_str(), 1);
    else
      unsetenv("MINUTES_MODULE_DIR");
    fs::remove_all(dir_);
  }
  fs::path dir_;
  std::string old_;
  bool had_ = false;
};

TEST_F(ModuleTest, FoundInMinutesModuleDirWithItsEntryPoint) {
  fs::copy_file(MINUTES_PDF_MODULE, dir_ / "minutes_pdfcopy.so");
  void* entry = nullptr;
  Status s = LoadModuleSymbol("pdfcopy", "reading a PDF", kPdfModuleSymbol, &entry);
  ASSERT_TRUE(s.ok()) << s.ToString();
  ASSERT_NE(entry, nullptr);
  EXPECT_NE(static_cast<const PdfModule*>(entry)->read_pages, nullptr);
  // Loaded once: a second look finds the same module even after its file is gone.
  fs::remove(dir_ / "minutes_pdfcopy.so");
  void* again = nullptr;
  ASSERT_TRUE(LoadModuleSymbol("pdfcopy", "reading a PDF", kPdfModuleSymbol, &again).ok());
  EXPECT_EQ(again, entry);
}

TEST_F(ModuleTest, MissingIsOneLineNamingTheModuleAndWhereItWasLooked) {
  void* entry = &entry;
  Status s = LoadModuleSymbol("nosuch", "reading a widget", "minutes_nosuch_entry", &entry);
  EXPECT_EQ(s.code(), Status::Code::kUnsupported);
  EXPECT_EQ(entry, nullptr);
  EXPECT_EQ(s.message(),
            "reading a widget needs the module minutes_nosuch.so, not found in " + dir_.string());
  // The failure is remembered: putting the file there later changes nothing in this process.
  fs::copy_file(MINUTES_PDF_MODULE, dir_ / "minutes_nosuch.so");
  EXPECT_EQ(LoadModuleSymbol("nosuch", "reading a widget", kPdfModuleSymbol, &entry).message(),
            s.message());
}

TEST_F(ModuleTest, AFileThatIsNoLibraryIsRefusedWithTheLoadersReason) {
  std::ofstream(dir_ / "minutes_garbage.so") << "not an ELF file\n";
  void* entry = nullptr;
  Status s = LoadModuleSymbol("garbage", "reading a PDF", kPdfModuleSymbol, &entry);
  EXPECT_EQ(s.code(), Status::Code::kUnsupported);
  EXPECT_EQ(entry, nullptr);
  EXPECT_NE(s.message().find((dir_ / "minutes_garbage.so").string() + ", which cannot be loaded: "),
            std::string::npos)
      << s.message();
  EXPECT_EQ(s.message().find('\n'), std::string::npos);
}

TEST_F(ModuleTest, AModuleWithoutTheEntryPointIsRefused) {
  fs::copy_file(MINUTES_PDF_MODULE, dir_ / "minutes_other.so");
  void* entry = &entry;
  Status s = LoadModuleSymbol("other", "reading a PDF", "minutes_no_such_symbol", &entry);
  EXPECT_EQ(s.code(), Status::Code::kUnsupported);
  EXPECT_EQ(entry, nullptr);
  EXPECT_NE(s.message().find("minutes_no_such_symbol from minutes_other.so"), std::string::npos)
      << s.message();
}

}  // namespace
}  // namespace minutes
