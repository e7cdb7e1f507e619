#include "batch/manifest.h"

#include <Poco/Data/SQLite/Connector.h>
#include <Poco/Data/Session.h>
#include <Poco/Data/Statement.h>
#include <Poco/DirectoryIterator.h>
#include <Poco/Exception.h>
#include <Poco/File.h>
#include <Poco/Nullable.h>

#include <cstdint>
#include <exception>
#include <memory>
#include <mutex>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

namespace minutes::batch {

using Poco::Data::Keywords::bind;
using Poco::Data::Keywords::into;
using Poco::Data::Keywords::now;
using Poco::Data::Keywords::use;

namespace {

// The layout of the tables below. A manifest of another layout (or another program version) is
// dropped and rebuilt: what it recorded cannot be read back as this version writes it.
constexpr char kLayout[] = "layout 3";

// The output logs' folder for the manifest at `path`.
std::string OutputsDirOf(const std::string& path) {
  const std::string_view db = ".db";
  std::string base = path;
  if (base.size() > db.size() && base.compare(base.size() - db.size(), db.size(), db) == 0)
    base.resize(base.size() - db.size());
  return base + ".outputs";
}

// The output logs in `dir` (file names).
std::vector<std::string> LogFiles(const std::string& dir) {
  std::vector<std::string> files;
  for (Poco::DirectoryIterator it(dir), end; it != end; ++it)
    if (it.name().size() > 4 && it.name().compare(it.name().size() - 4, 4, ".bin") == 0)
      files.push_back(it.name());
  return files;
}

}  // namespace

struct Manifest::Impl {
  std::unique_ptr<Poco::Data::Session> session;
  std::string path;
  std::string outputs_dir;
  std::unique_ptr<OutputLogReader> reader;  // made by the first Outputs

  // What the tables hold, read once when opened and kept as records are made, so that asking
  // about a file or a document is not a query.
  struct FileKey {
    uint64_t size = 0;
    int64_t mtime_ns = 0;
  };
  std::unordered_map<std::string, std::pair<FileKey, FileRecord>> files;  // by path
  std::unordered_set<std::string> documents;                              // sha256s

  // Records made since the last Commit, a column each (Poco binds a vector per column, so one
  // statement writes them all).
  struct FileRows {
    std::vector<std::string> path, sha, outcome, kind, message;  // sha: "" for none
    std::vector<Poco::Int64> size, mtime;
  } files_made;
  struct DocumentRows {
    std::vector<std::string> sha, series, date, path, file;
    std::vector<Poco::Int64> offset, length;
  } documents_made;
  struct SettledRows {
    std::vector<std::string> sha, file;
    std::vector<Poco::Int64> offset, length;
  } settled_made;

  // Runs `f`, mapping what Poco throws to one kIoError naming the manifest.
  template <class F>
  Status Guard(F&& f) {
    try {
      f();
    } catch (const Poco::Exception& e) {
      return Status::IoError(path + ": " + e.displayText());
    } catch (const std::exception& e) {  // a folder listing (Poco's DirectoryIterator)
      return Status::IoError(path + ": " + e.what());
    }
    return Status::OK();
  }
};

Manifest::Manifest(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Manifest::~Manifest() = default;

Status Manifest::Open(const std::string& path, bool forget, const std::string& version,
                      std::unique_ptr<Manifest>* out) {
  static std::once_flag registered;
  std::call_once(registered, [] { Poco::Data::SQLite::Connector::registerConnector(); });
  auto impl = std::make_unique<Impl>();
  impl->path = path;
  impl->outputs_dir = OutputsDirOf(path);
  Status s = impl->Guard([&] {
    Poco::File(impl->outputs_dir).createDirectories();
    impl->session = std::make_unique<Poco::Data::Session>("sqlite", path, 5);
    Poco::Data::Session& db = *impl->session;
    std::string mode;
    // WAL with NORMAL sync: each record is one quick commit, and a power cut loses at most the
    // last few records, never the file. Rows are small (the outputs are in the logs), so the
    // default pages of 4 KiB: a commit writes each page it changed whole.
    db << "PRAGMA journal_mode = WAL", into(mode), now;
    db << "PRAGMA synchronous = NORMAL", now;
    db << "CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)", now;
    std::string v = version + " " + kLayout;
    std::vector<std::string> recorded;
    db << "SELECT value FROM meta WHERE key = 'version'", into(recorded), now;
    if (forget || recorded.empty() || recorded[0] != v) {
      db << "DROP TABLE IF EXISTS files", now;
      db << "DROP TABLE IF EXISTS documents", now;
      for (const std::string& file : LogFiles(impl->outputs_dir))
        Poco::File(impl->outputs_dir + "/" + file).remove();
    }
    db << "CREATE TABLE IF NOT EXISTS files (path TEXT PRIMARY KEY, size INTEGER NOT NULL, "
          "mtime INTEGER NOT NULL, sha256 TEXT, outcome TEXT NOT NULL, kind TEXT, message TEXT)",
        now;
    db << "CREATE TABLE IF NOT EXISTS documents (sha256 TEXT PRIMARY KEY, series TEXT NOT NULL, "
          "date TEXT NOT NULL, path TEXT NOT NULL, output_file TEXT NOT NULL, output_offset "
          "INTEGER NOT NULL, output_length INTEGER NOT NULL, settled_file TEXT, settled_offset "
          "INTEGER, settled_length INTEGER)",
        now;
    db << "INSERT INTO meta (key, value) VALUES ('version', ?) ON CONFLICT (key) DO UPDATE SET "
          "value = excluded.value",
        use(v), now;
    std::vector<std::string> paths, shas, outcomes, kinds, messages;
    std::vector<Poco::Int64> sizes, mtimes;
    db << "SELECT path, size, mtime, COALESCE(sha256, ''), outcome, COALESCE(kind, ''), "
          "COALESCE(message, '') FROM files",
        into(paths), into(sizes), into(mtimes), into(shas), into(outcomes), into(kinds),
        into(messages), now;
    for (size_t i = 0; i < paths.size(); ++i)
      impl->files[paths[i]] = {{static_cast<uint64_t>(sizes[i]), mtimes[i]},
                               {std::move(shas[i]), std::move(outcomes[i]), std::move(kinds[i]),
                                std::move(messages[i])}};
    // The documents whose output is wholly in its log; the others are forgotten.
    shas.clear();
    std::vector<std::string> logs;
    std::vector<Poco::Int64> ends;
    db << "SELECT sha256, output_file, output_offset + output_length FROM documents", into(shas),
        into(logs), into(ends), now;
    std::unordered_map<std::string, int64_t> log_size;
    std::vector<std::string> lost;
    for (size_t i = 0; i < shas.size(); ++i) {
      auto it = log_size.find(logs[i]);
      if (it == log_size.end())
        it = log_size.emplace(logs[i], OutputLogReader::FileSize(impl->outputs_dir, logs[i])).first;
      if (ends[i] <= it->second)
        impl->documents.insert(std::move(shas[i]));
      else
        lost.push_back(std::move(shas[i]));
    }
    if (!lost.empty()) {
      std::string sha;
      Poco::Data::Statement forget_one = (db << "DELETE FROM documents WHERE sha256 = ?", use(sha));
      db.begin();
      for (std::string& l : lost) {
        sha = std::move(l);
        forget_one.execute();
      }
      db.commit();
    }
  });
  if (!s.ok()) return s;
  out->reset(new Manifest(std::move(impl)));
  return Status::OK();
}

bool Manifest::FindFile(const std::string& path, uint64_t size, int64_t mtime_ns, FileRecord* out) {
  auto it = impl_->files.find(path);
  if (it == impl_->files.end() || it->second.first.size != size ||
      it->second.first.mtime_ns != mtime_ns)
    return false;
  *out = it->second.second;
  return true;
}

bool Manifest::HasDocument(const std::string& sha256) { return impl_->documents.count(sha256) > 0; }

const std::string& Manifest::outputs_dir() const { return impl_->outputs_dir; }

void Manifest::RecordFile(const std::string& path, uint64_t size, int64_t mtime_ns,
                          const FileRecord& r) {
  impl_->files[path] = {{size, mtime_ns}, r};
  Impl::FileRows& rows = impl_->files_made;
  rows.path.push_back(path);
  rows.size.push_back(static_cast<Poco::Int64>(size));
  rows.mtime.push_back(mtime_ns);
  rows.sha.push_back(r.sha256);
  rows.outcome.push_back(r.outcome);
  rows.kind.push_back(r.kind);
  rows.message.push_back(r.message);
}

void Manifest::RecordDocument(const std::string& sha256, const std::string& series,
                              const std::string& date, const std::string& path,
                              const OutputPlace& output) {
  impl_->documents.insert(sha256);
  Impl::DocumentRows& rows = impl_->documents_made;
  rows.sha.push_back(sha256);
  rows.series.push_back(series);
  rows.date.push_back(date);
  rows.path.push_back(path);
  rows.file.push_back(output.file);
  rows.offset.push_back(static_cast<Poco::Int64>(output.offset));
  rows.length.push_back(static_cast<Poco::Int64>(output.length));
}

void Manifest::StoreSettled(const std::string& sha256, const OutputPlace& output) {
  Impl::SettledRows& rows = impl_->settled_made;
  rows.sha.push_back(sha256);
  rows.file.push_back(output.file);
  rows.offset.push_back(static_cast<Poco::Int64>(output.offset));
  rows.length.push_back(static_cast<Poco::Int64>(output.length));
}

Status Manifest::Commit() {
  Impl::FileRows& f = impl_->files_made;
  Impl::DocumentRows& d = impl_->documents_made;
  Impl::SettledRows& t = impl_->settled_made;
  if (f.path.empty() && d.sha.empty() && t.sha.empty()) return Status::OK();
  Status s = impl_->Guard([&] {
    Poco::Data::Session& db = *impl_->session;
    db.begin();
    if (!f.path.empty())
      db << "INSERT INTO files (path, size, mtime, sha256, outcome, kind, message) VALUES (?, ?, "
            "?, NULLIF(?, ''), ?, ?, ?) ON CONFLICT (path) DO UPDATE SET size = excluded.size, "
            "mtime = excluded.mtime, sha256 = excluded.sha256, outcome = excluded.outcome, "
            "kind = excluded.kind, message = excluded.message",
          use(f.path), use(f.size), use(f.mtime), use(f.sha), use(f.outcome), use(f.kind),
          use(f.message), now;
    if (!d.sha.empty())
      db << "INSERT INTO documents (sha256, series, date, path, output_file, output_offset, "
            "output_length) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (sha256) DO NOTHING",
          use(d.sha), use(d.series), use(d.date), use(d.path), use(d.file), use(d.offset),
          use(d.length), now;
    if (!t.sha.empty())
      db << "UPDATE documents SET settled_file = ?, settled_offset = ?, settled_length = ? WHERE "
            "sha256 = ?",
          use(t.file), use(t.offset), use(t.length), use(t.sha), now;
    db.commit();
  });
  if (s.ok()) {
    f = Impl::FileRows();
    d = Impl::DocumentRows();
    t = Impl::SettledRows();
  } else {
    // Nothing of this Commit is kept; the failure is what is reported.
    impl_->Guard([&] {
      if (impl_->session->isTransaction()) impl_->session->rollback();
    });
  }
  return s;
}

Status Manifest::Keys(const std::vector<std::string>& sha256s, std::vector<DocumentKey>* out) {
  // One pass over the table rather than a query per document.
  std::vector<std::string> sha, series, date;
  Status s = impl_->Guard([&] {
    *impl_->session << "SELECT sha256, series, date FROM documents", into(sha), into(series),
        into(date), now;
  });
  if (!s.ok()) return s;
  std::unordered_map<std::string_view, size_t> row_of;
  for (size_t i = 0; i < sha.size(); ++i) row_of[sha[i]] = i;
  out->clear();
  for (const std::string& wanted : sha256s)
    if (auto it = row_of.find(wanted); it != row_of.end())
      out->push_back({wanted, series[it->second], date[it->second]});
  return Status::OK();
}

Status Manifest::Outputs(const std::vector<std::string>& sha256s, std::vector<StoredOutput>* out) {
  // One query for them all: "... WHERE sha256 IN (?, ?, ...)".
  std::vector<std::string> sha, path, file;
  std::vector<Poco::Int64> offset, length;
  std::vector<Poco::Nullable<std::string>> settled_file;
  std::vector<Poco::Nullable<Poco::Int64>> settled_offset, settled_length;
  Status s = impl_->Guard([&] {
    Poco::Data::Statement select(*impl_->session);
    std::string sql =
        "SELECT sha256, path, output_file, output_offset, output_length, settled_file, "
        "settled_offset, settled_length FROM documents WHERE sha256 IN (";
    for (size_t i = 0; i < sha256s.size(); ++i) sql += i == 0 ? "?" : ", ?";
    select << sql + ")";
    for (const std::string& wanted : sha256s) select, bind(wanted);  // bind copies
    select, into(sha), into(path), into(file), into(offset), into(length), into(settled_file),
        into(settled_offset), into(settled_length), now;
  });
  if (!s.ok()) return s;
  std::unordered_map<std::string_view, size_t> row_of;
  for (size_t i = 0; i < sha.size(); ++i) row_of[sha[i]] = i;
  if (!impl_->reader) impl_->reader = std::make_unique<OutputLogReader>(impl_->outputs_dir);
  out->assign(sha256s.size(), StoredOutput());
  for (size_t k = 0; k < sha256s.size(); ++k) {
    auto it = row_of.find(sha256s[k]);
    if (it == row_of.end()) return Status::IoError(impl_->path + ": no document " + sha256s[k]);
    size_t i = it->second;
    StoredOutput& o = (*out)[k];
    o.settled = !settled_file[i].isNull();
    OutputPlace at;
    if (o.settled) {
      at = {settled_file[i].value(), static_cast<uint64_t>(settled_offset[i].value()),
            static_cast<uint64_t>(settled_length[i].value())};
    } else {
      at = {file[i], static_cast<uint64_t>(offset[i]), static_cast<uint64_t>(length[i])};
    }
    if (s = impl_->reader->Read(at, &o.output); !s.ok()) return s;
    o.path = std::move(path[i]);
  }
  return Status::OK();
}

void Manifest::ReleaseOutputs() {
  if (impl_->reader) impl_->reader->Release();
}

Status Manifest::ClearSettled() {
  return impl_->Guard([&] {
    *impl_->session << "UPDATE documents SET settled_file = NULL, settled_offset = NULL, "
                       "settled_length = NULL WHERE settled_file IS NOT NULL",
        now;
  });
}

Status Manifest::DropUnreferencedOutputs() {
  return impl_->Guard([&] {
    std::vector<std::string> used;
    *impl_->session << "SELECT output_file FROM documents UNION SELECT settled_file FROM "
                       "documents WHERE settled_file IS NOT NULL",
        into(used), now;
    std::unordered_set<std::string> kept(used.begin(), used.end());
    impl_->reader.reset();  // closes the logs it read
    for (const std::string& file : LogFiles(impl_->outputs_dir))
      if (kept.count(file) == 0) Poco::File(impl_->outputs_dir + "/" + file).remove();
  });
}

}  // namespace minutes::batch
