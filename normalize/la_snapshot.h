// Internal: the files a register is loaded from, and the shipped register compiled into the
// program as a snapshot of what loading them builds.
//
// Why: loading the register from its CSV files (parse and check some 3,000 rows, fold and index
// ~2,000 phrases) took 3.1 ms of a one-line note's 13.3 ms start-up, measured in fresh processes
// (issue #14): 6.9 million instructions and 138 page faults. The build runs make_la_snapshot,
// which loads normalize/data/ as Load does and encodes the register it built, with the bytes of
// the files it was built from, into a source file compiled into the library (shipped_register.cc).
// LaRegister::Default() compares the files of its folder, those Load would read, with those bytes;
// when every one is the file the snapshot was made from (or absent where it was absent), it
// decodes the snapshot instead: 1.8 ms, 1.5 million instructions and 96 faults. Any difference (an
// edited alias, MINUTES_DATA_DIR naming another register) and the files are loaded as before, so
// what Default() gives never depends on whether the snapshot was used.
//
//   const ShippedRegister* shipped = ShippedRegisterSnapshot();
//   if (shipped != nullptr && shipped->Matches(dir))
//     s = LaSnapshot::Decode(shipped->snapshot, &reg);
//   else
//     s = LaRegister::Load(dir, &reg);
//
// A snapshot is read only from the program's own bytes, never from an input; Decode still checks
// every length against what is left, so a damaged one is an error, not a wild read.

#ifndef MINUTES_NORMALIZE_LA_SNAPSHOT_H_
#define MINUTES_NORMALIZE_LA_SNAPSHOT_H_

#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "common/status.h"
#include "normalize/normalize.h"

namespace minutes::normalize::internal {

// Every file Load reads, in the order it reads them: the register itself (named otherwise when
// Load is given a file rather than a directory), then the optional companions. Load reads only
// through this list (ReadRegisterFiles), so the files the snapshot is compared with are all those
// that could change what Load builds.
enum RegisterFileId : size_t {
  kLaRegisterFile,
  kAliasesFile,
  kGroupsFile,
  kAmbiguousAliasesFile,
  kAcronymsFile,
  kCommonWordRisksFile,
  kGssCodeHistoryFile,
  kProvenanceFile,
  kRegisterFileCount
};
inline constexpr std::array<const char*, kRegisterFileCount> kRegisterFileNames = {
    "la_register.csv", "aliases.csv",           "groups.csv",           "ambiguous_aliases.csv",
    "acronyms.csv",    "common_word_risks.csv", "gss_code_history.csv", "PROVENANCE.md",
};

// One of those files as read, whole, before any is parsed.
struct RegisterFile {
  enum class State : uint8_t { kAbsent, kUnreadable, kRead };
  std::string path;
  State state = State::kAbsent;
  std::string bytes;  // kRead only
};
struct RegisterFiles {
  std::array<RegisterFile, kRegisterFileCount> files;  // as kRegisterFileNames
};

// The paths of the files of the register at `path`, as LaRegister::Load takes it (a directory
// holding la_register.csv, or a register file whose directory holds the companions), in the order
// of kRegisterFileNames.
std::array<std::string, kRegisterFileCount> RegisterFilePaths(const std::string& path);

// Reads the files of the register at `path` (RegisterFilePaths). The register file is kUnreadable
// when it cannot be read (missing included); a companion is kAbsent when no regular file is there
// and kUnreadable when one is but cannot be read.
void ReadRegisterFiles(const std::string& path, RegisterFiles* files);

// The register in normalize/data/ when the program was built.
struct ShippedRegister {
  struct File {
    bool present = false;
    std::string_view bytes;
  };
  std::array<File, kRegisterFileCount> files;  // as kRegisterFileNames
  std::string_view snapshot;                   // LaSnapshot::Encode of what they load to

  // True when the register at `path` is exactly these files: the same ones present, each byte for
  // byte. Compares without keeping a copy (FileHolds).
  bool Matches(const std::string& path) const;
};

// The shipped register (generated shipped_register.cc), or nullptr in make_la_snapshot, the
// program that generates it.
const ShippedRegister* ShippedRegisterSnapshot();

// Encodes a register into bytes and back. Decode(Encode(reg)) is a register equal to `reg` in
// every member, so it answers every call as `reg` does; Encode(Decode(bytes)) == bytes.
class LaSnapshot {
 public:
  static std::string Encode(const LaRegister& reg);
  // Fails with Corrupt when `bytes` is not a snapshot of this build's format. The register reads
  // its tries' arrays where they lie in `bytes`, which must start at an address aligned to 8 bytes
  // (else an array is misaligned, and Corrupt) and outlive it (the shipped snapshot is static).
  static Status Decode(std::string_view bytes, std::unique_ptr<LaRegister>* out);

  // Default()'s load of the register at `path`: the shipped snapshot when the files there are its
  // files, else Load(path). *from_snapshot (if not null) says which.
  static Status LoadDefault(const std::string& path, std::unique_ptr<LaRegister>* out,
                            bool* from_snapshot = nullptr);
};

}  // namespace minutes::normalize::internal

#endif  // MINUTES_NORMALIZE_LA_SNAPSHOT_H_
