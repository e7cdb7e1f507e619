#include "batch/manifest.h"

#include <Poco/Data/SQLite/Connector.h>
#include <Poco/Data/Session.h>
#include <Poco/Data/Statement.h>
#include <Poco/Exception.h>
#include <Poco/Nullable.h>

#include <cstdint>
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
constexpr char kLayout[] = "layout 2";

}  // namespace

struct Manifest::Impl {
  std::unique_ptr<Poco::Data::Session> session;
  std::string path;

  // What the tables hold, read once when opened and kept as records are made, so that asking
  // about a file or a document is not a query.
  struct FileKey {
    uint64_t size = 0;
    int64_t mtime_ns = 0;
  };
  std::unordered_map<std::string, std::pair<FileKey, FileRecord>> files;  // by path
  std::unordered_set<std::string> documents;                              // sha256s

  // The statements run for every document, built once: each reads its parameters from these
  // members (Poco binds `use` by reference). Poco 1.11 still has SQLite compile them on every
  // execution.
  struct FileRow {
    std::string path, outcome, kind, message;
    Poco::Nullable<std::string> sha;
    Poco::Int64 size = 0, mtime = 0;
  } file;
  struct DocumentRow {
    std::string sha256, series, date, path, output;
  } document;
  std::unique_ptr<Poco::Data::Statement> insert_file, insert_document;

  // The statement `sql` with its bindings, built on first use into `*slot`.
  template <class... Bindings>
  Poco::Data::Statement& Built(std::unique_ptr<Poco::Data::Statement>* slot, const char* sql,
                               Bindings&&... bindings) {
    if (!*slot)
      *slot = std::make_unique<Poco::Data::Statement>(
          ((*session << sql), ..., std::forward<Bindings>(bindings)));
    return **slot;
  }

  // Runs `f`, mapping what Poco throws to one kIoError naming the manifest.
  template <class F>
  Status Guard(F&& f) {
    try {
      f();
    } catch (const Poco::Exception& e) {
      return Status::IoError(path + ": " + e.displayText());
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
  Status s = impl->Guard([&] {
    impl->session = std::make_unique<Poco::Data::Session>("sqlite", path, 5);
    Poco::Data::Session& db = *impl->session;
    std::string mode;
    // WAL with NORMAL sync: each record is one quick commit, and a power cut loses at most the
    // last few records, never the file.
    // Pages of 64 KiB (the largest; it takes effect when the file is created): each document's
    // outputs are tens of KB, which in 4 KiB pages cost a write and a read system call per page.
    db << "PRAGMA page_size = 65536", now;
    db << "PRAGMA journal_mode = WAL", into(mode), now;
    db << "PRAGMA synchronous = NORMAL", now;
    db << "CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)", now;
    std::string v = version + " " + kLayout;
    std::vector<std::string> recorded;
    db << "SELECT value FROM meta WHERE key = 'version'", into(recorded), now;
    if (forget || recorded.empty() || recorded[0] != v) {
      db << "DROP TABLE IF EXISTS files", now;
      db << "DROP TABLE IF EXISTS documents", now;
    }
    db << "CREATE TABLE IF NOT EXISTS files (path TEXT PRIMARY KEY, size INTEGER NOT NULL, "
          "mtime INTEGER NOT NULL, sha256 TEXT, outcome TEXT NOT NULL, kind TEXT, message TEXT)",
        now;
    db << "CREATE TABLE IF NOT EXISTS documents (sha256 TEXT PRIMARY KEY, series TEXT NOT NULL, "
          "date TEXT NOT NULL, path TEXT NOT NULL, output TEXT NOT NULL, settled TEXT)",
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
    shas.clear();
    db << "SELECT sha256 FROM documents", into(shas), now;
    impl->documents.insert(shas.begin(), shas.end());
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

Status Manifest::RecordFile(const std::string& path, uint64_t size, int64_t mtime_ns,
                            const FileRecord& r) {
  Impl::FileRow& row = impl_->file;
  row.path = path;
  row.size = static_cast<Poco::Int64>(size);
  row.mtime = mtime_ns;
  row.sha =
      r.sha256.empty() ? Poco::Nullable<std::string>() : Poco::Nullable<std::string>(r.sha256);
  row.outcome = r.outcome;
  row.kind = r.kind;
  row.message = r.message;
  impl_->files[path] = {{size, mtime_ns}, r};
  return impl_->Guard([&] {
    impl_
        ->Built(&impl_->insert_file,
                "INSERT INTO files (path, size, mtime, sha256, outcome, kind, message) VALUES "
                "(?, ?, ?, ?, ?, ?, ?) ON CONFLICT (path) DO UPDATE SET size = excluded.size, "
                "mtime = excluded.mtime, sha256 = excluded.sha256, outcome = excluded.outcome, "
                "kind = excluded.kind, message = excluded.message",
                use(row.path), use(row.size), use(row.mtime), use(row.sha), use(row.outcome),
                use(row.kind), use(row.message))
        .execute();
  });
}

Status Manifest::RecordDocument(const std::string& sha256, const std::string& series,
                                const std::string& date, const std::string& path,
                                const std::string& output) {
  Impl::DocumentRow& row = impl_->document;
  row.sha256 = sha256;
  row.series = series;
  row.date = date;
  row.path = path;
  row.output = output;
  impl_->documents.insert(sha256);
  return impl_->Guard([&] {
    impl_
        ->Built(&impl_->insert_document,
                "INSERT INTO documents (sha256, series, date, path, output) VALUES (?, ?, ?, "
                "?, ?) ON CONFLICT (sha256) DO NOTHING",
                use(row.sha256), use(row.series), use(row.date), use(row.path), use(row.output))
        .execute();
  });
}

Status Manifest::Begin() {
  return impl_->Guard([&] { impl_->session->begin(); });
}

Status Manifest::Commit() {
  return impl_->Guard([&] { impl_->session->commit(); });
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
  std::vector<std::string> sha, path, output;
  std::vector<Poco::Nullable<std::string>> settled;
  Status s = impl_->Guard([&] {
    Poco::Data::Statement select(*impl_->session);
    std::string sql = "SELECT sha256, path, output, settled FROM documents WHERE sha256 IN (";
    for (size_t i = 0; i < sha256s.size(); ++i) sql += i == 0 ? "?" : ", ?";
    select << sql + ")";
    for (const std::string& wanted : sha256s) select, bind(wanted);  // bind copies
    select, into(sha), into(path), into(output), into(settled), now;
  });
  if (!s.ok()) return s;
  std::unordered_map<std::string_view, size_t> row_of;
  for (size_t i = 0; i < sha.size(); ++i) row_of[sha[i]] = i;
  out->assign(sha256s.size(), StoredOutput());
  for (size_t k = 0; k < sha256s.size(); ++k) {
    auto it = row_of.find(sha256s[k]);
    if (it == row_of.end()) return Status::IoError(impl_->path + ": no document " + sha256s[k]);
    size_t i = it->second;
    StoredOutput& o = (*out)[k];
    o.settled = !settled[i].isNull();
    o.output = std::move(o.settled ? settled[i].value() : output[i]);
    o.path = std::move(path[i]);
  }
  return Status::OK();
}

Status Manifest::StoreSettled(const std::string& sha256, const std::string& output) {
  std::string s = sha256, o = output;
  return impl_->Guard([&] {
    *impl_->session << "UPDATE documents SET settled = ? WHERE sha256 = ?", use(o), use(s), now;
  });
}

Status Manifest::ClearSettled() {
  return impl_->Guard([&] {
    *impl_->session << "UPDATE documents SET settled = NULL WHERE settled IS NOT NULL", now;
  });
}

}  // namespace minutes::batch
