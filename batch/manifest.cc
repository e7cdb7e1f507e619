#include "batch/manifest.h"

#include <Poco/Data/SQLite/Connector.h>
#include <Poco/Data/Session.h>
#include <Poco/Data/Statement.h>
#include <Poco/Exception.h>
#include <Poco/Nullable.h>

#include <memory>
#include <mutex>

namespace minutes::batch {

using Poco::Data::Keywords::into;
using Poco::Data::Keywords::now;
using Poco::Data::Keywords::use;

struct Manifest::Impl {
  std::unique_ptr<Poco::Data::Session> session;
  std::string path;
  // The two statements run for every document, prepared once: each reads its values from these
  // rows (Poco binds `use` by reference).
  struct FileRow {
    std::string path, outcome, kind, message;
    Poco::Nullable<std::string> sha;
    Poco::Int64 size = 0, mtime = 0;
  } file;
  struct DocumentRow {
    std::string sha256, series, date, json;
  } document;
  std::unique_ptr<Poco::Data::Statement> insert_file, insert_document;
};

namespace {

Status Failed(const std::string& path, const Poco::Exception& e) {
  return Status::IoError(path + ": " + e.displayText());
}

}  // namespace

Manifest::Manifest(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Manifest::~Manifest() = default;

Status Manifest::Open(const std::string& path, bool forget, const std::string& version,
                      std::unique_ptr<Manifest>* out) {
  static std::once_flag registered;
  std::call_once(registered, [] { Poco::Data::SQLite::Connector::registerConnector(); });
  auto impl = std::make_unique<Impl>();
  impl->path = path;
  try {
    impl->session = std::make_unique<Poco::Data::Session>("sqlite", path, 5);
    Poco::Data::Session& s = *impl->session;
    std::string mode;
    // WAL with NORMAL sync: each record is one quick commit, and a power cut loses at most the
    // last few records, never the file.
    s << "PRAGMA journal_mode = WAL", into(mode), now;
    s << "PRAGMA synchronous = NORMAL", now;
    s << "CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)", now;
    s << "CREATE TABLE IF NOT EXISTS files (path TEXT PRIMARY KEY, size INTEGER NOT NULL, "
         "mtime INTEGER NOT NULL, sha256 TEXT, outcome TEXT NOT NULL, kind TEXT, message TEXT)",
        now;
    s << "CREATE TABLE IF NOT EXISTS documents (sha256 TEXT PRIMARY KEY, series TEXT NOT NULL, "
         "date TEXT NOT NULL, json TEXT NOT NULL, settled TEXT)",
        now;
    std::vector<std::string> recorded;
    s << "SELECT value FROM meta WHERE key = 'version'", into(recorded), now;
    if (forget || (!recorded.empty() && recorded[0] != version)) {
      s << "DELETE FROM files", now;
      s << "DELETE FROM documents", now;
    }
    std::string v = version;
    s << "INSERT INTO meta (key, value) VALUES ('version', ?) ON CONFLICT (key) DO UPDATE SET "
         "value = excluded.value",
        use(v), now;
  } catch (const Poco::Exception& e) {
    return Failed(path, e);
  }
  out->reset(new Manifest(std::move(impl)));
  return Status::OK();
}

bool Manifest::FindFile(const std::string& path, uint64_t size, int64_t mtime_ns, FileRecord* out) {
  std::vector<std::string> sha, outcome, kind, message;
  std::string p = path;
  Poco::Int64 sz = static_cast<Poco::Int64>(size), mt = mtime_ns;
  try {
    *impl_->session << "SELECT COALESCE(sha256, ''), outcome, COALESCE(kind, ''), "
                       "COALESCE(message, '') FROM files WHERE path = ? AND size = ? AND mtime = ?",
        use(p), use(sz), use(mt), into(sha), into(outcome), into(kind), into(message), now;
  } catch (const Poco::Exception&) {
    return false;  // not found is the safe answer: the file is done again
  }
  if (sha.empty()) return false;
  *out = FileRecord{sha[0], outcome[0], kind[0], message[0]};
  return true;
}

bool Manifest::HasDocument(const std::string& sha256) {
  Poco::Int64 n = 0;
  std::string s = sha256;
  try {
    *impl_->session << "SELECT COUNT(*) FROM documents WHERE sha256 = ?", use(s), into(n), now;
  } catch (const Poco::Exception&) {
    return false;
  }
  return n > 0;
}

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
  try {
    if (!impl_->insert_file)
      impl_->insert_file = std::make_unique<Poco::Data::Statement>(
          (*impl_->session << "INSERT INTO files (path, size, mtime, sha256, outcome, kind, "
                              "message) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (path) DO UPDATE "
                              "SET size = excluded.size, mtime = excluded.mtime, sha256 = "
                              "excluded.sha256, outcome = excluded.outcome, kind = excluded.kind, "
                              "message = excluded.message",
           use(row.path), use(row.size), use(row.mtime), use(row.sha), use(row.outcome),
           use(row.kind), use(row.message)));
    impl_->insert_file->execute();
  } catch (const Poco::Exception& e) {
    return Failed(impl_->path, e);
  }
  return Status::OK();
}

Status Manifest::RecordDocument(const std::string& sha256, const std::string& series,
                                const std::string& date, const std::string& json) {
  Impl::DocumentRow& row = impl_->document;
  row.sha256 = sha256;
  row.series = series;
  row.date = date;
  row.json = json;
  try {
    if (!impl_->insert_document)
      impl_->insert_document = std::make_unique<Poco::Data::Statement>(
          (*impl_->session << "INSERT INTO documents (sha256, series, date, json) VALUES (?, ?, "
                              "?, ?) ON CONFLICT (sha256) DO NOTHING",
           use(row.sha256), use(row.series), use(row.date), use(row.json)));
    impl_->insert_document->execute();
  } catch (const Poco::Exception& e) {
    return Failed(impl_->path, e);
  }
  return Status::OK();
}

Status Manifest::Begin() {
  try {
    impl_->session->begin();
  } catch (const Poco::Exception& e) {
    return Failed(impl_->path, e);
  }
  return Status::OK();
}

Status Manifest::Commit() {
  try {
    impl_->session->commit();
  } catch (const Poco::Exception& e) {
    return Failed(impl_->path, e);
  }
  return Status::OK();
}

Status Manifest::Keys(const std::vector<std::string>& sha256s, std::vector<DocumentKey>* out) {
  out->clear();
  try {
    for (const std::string& sha : sha256s) {
      std::string s = sha;
      std::vector<std::string> series, date;
      *impl_->session << "SELECT series, date FROM documents WHERE sha256 = ?", use(s),
          into(series), into(date), now;
      if (!series.empty()) out->push_back({sha, series[0], date[0]});
    }
  } catch (const Poco::Exception& e) {
    return Failed(impl_->path, e);
  }
  return Status::OK();
}

Status Manifest::Json(const std::string& sha256, std::string* json) {
  std::string s = sha256;
  std::vector<std::string> text;
  try {
    *impl_->session << "SELECT COALESCE(settled, json) FROM documents WHERE sha256 = ?", use(s),
        into(text), now;
  } catch (const Poco::Exception& e) {
    return Failed(impl_->path, e);
  }
  if (text.empty()) return Status::IoError(impl_->path + ": no document " + sha256);
  *json = std::move(text[0]);
  return Status::OK();
}

Status Manifest::StoreSettled(const std::string& sha256, const std::string& json) {
  std::string s = sha256, j = json;
  try {
    *impl_->session << "UPDATE documents SET settled = ? WHERE sha256 = ?", use(j), use(s), now;
  } catch (const Poco::Exception& e) {
    return Failed(impl_->path, e);
  }
  return Status::OK();
}

Status Manifest::ClearSettled() {
  try {
    *impl_->session << "UPDATE documents SET settled = NULL WHERE settled IS NOT NULL", now;
  } catch (const Poco::Exception& e) {
    return Failed(impl_->path, e);
  }
  return Status::OK();
}

}  // namespace minutes::batch
