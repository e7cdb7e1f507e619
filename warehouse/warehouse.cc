// Warehouse: Poco::Data sessions for SQLite and PostgreSQL, migrations, and one transaction per
// document. Poco's PostgreSQL connector (and libpq, with krb5, ldap, gnutls, ...) lives in the
// module minutes_pg.so (pg_connector.cc), loaded the first time a PostgreSQL URL is opened, so that
// runs that never touch PostgreSQL do not load it; sessions reach it by its key through
// Poco::Data's SessionFactory like any connector.

#include "warehouse/warehouse.h"

#include <Poco/Data/RecordSet.h>
#include <Poco/Data/SQLite/Connector.h>
#include <Poco/Data/Session.h>
#include <Poco/Data/Statement.h>
#include <Poco/DateTime.h>
#include <Poco/DateTimeFormat.h>
#include <Poco/DateTimeFormatter.h>
#include <Poco/Exception.h>
#include <Poco/File.h>
#include <Poco/Nullable.h>
#include <Poco/Path.h>
#include <Poco/URI.h>

#include <algorithm>
#include <chrono>
#include <deque>
#include <map>
#include <mutex>
#include <thread>

#include "common/module.h"
#include "model/schema.h"
#include "normalize/normalize.h"
#include "warehouse/sql_schema.h"

namespace minutes::warehouse {

using Poco::Nullable;
using Poco::Data::Session;
using Poco::Data::Statement;
using Poco::Data::Keywords::into;
using Poco::Data::Keywords::now;
using Poco::Data::Keywords::use;
namespace sc = schema;

// Poco::Data::PostgreSQL::Connector::KEY, which minutes_pg.so registers.
constexpr char kPostgresConnector[] = "postgresql";

struct Warehouse::Impl {
  std::unique_ptr<Session> session;
  bool postgres = false;
  std::string display_url;  // the URL without its password, for messages

  void Exec(const std::string& sql) { *session << sql, now; }
  void Begin() { Exec(postgres ? "BEGIN" : "BEGIN IMMEDIATE"); }
  void Commit() { Exec("COMMIT"); }
  void Rollback() {
    try {
      Exec("ROLLBACK");
    } catch (const Poco::Exception&) {
      // Nothing was open (the failure came before BEGIN) or the connection is gone.
    }
  }
  // The n-th (1-based) parameter marker.
  std::string Param(size_t n) const { return postgres ? "$" + std::to_string(n) : "?"; }

  // The INSERT of each table's rows, built once per connection (the marker style is its own).
  const std::map<const sc::Table*, std::string>& InsertSql() {
    if (insert_sql.empty()) {
      for (const DbTable& d : DbTables()) {
        std::vector<std::string> names;
        for (const sc::Column& c : d.table->columns) names.push_back(c.name);
        names.insert(names.end(), d.extra_columns.begin(), d.extra_columns.end());
        std::string cols, params;
        for (size_t n = 1; n <= names.size(); ++n) {
          cols += (n > 1 ? ", " : "") + Quote(names[n - 1]);
          params += (n > 1 ? ", " : "") + Param(n);
        }
        insert_sql[d.table] =
            "INSERT INTO " + Quote(d.table->name) + " (" + cols + ") VALUES (" + params + ")";
      }
    }
    return insert_sql;
  }
  std::map<const sc::Table*, std::string> insert_sql;
};

namespace {

// Values bound to one statement; deques keep references stable while bindings are added.
struct Binds {
  std::deque<Nullable<std::string>> text;
  std::deque<Nullable<Poco::Int64>> integer;
  std::deque<Nullable<double>> number;
  std::deque<Nullable<bool>> boolean;
};

void Bind(Statement* st, Binds* b, sc::Kind kind, const sc::Value& v) {
  switch (kind) {
    case sc::Kind::kInteger:
      st->addBind(use(b->integer.emplace_back(
          v.is_null ? Nullable<Poco::Int64>()
                    : Nullable<Poco::Int64>(static_cast<Poco::Int64>(v.integer)))));
      return;
    case sc::Kind::kNumber:
      st->addBind(
          use(b->number.emplace_back(v.is_null ? Nullable<double>() : Nullable<double>(v.number))));
      return;
    case sc::Kind::kMoney:
      // NUMERIC(18,2) takes the double back to the exact penny: it rounds to two places.
      st->addBind(use(b->number.emplace_back(v.is_null ? Nullable<double>()
                                                       : Nullable<double>(v.money.pence / 100.0))));
      return;
    case sc::Kind::kBoolean:
      st->addBind(
          use(b->boolean.emplace_back(v.is_null ? Nullable<bool>() : Nullable<bool>(v.boolean))));
      return;
    case sc::Kind::kStringList: {
      std::string joined;
      if (!v.is_null)
        for (const std::string& s : *v.list) joined += (joined.empty() ? "" : ";") + s;
      st->addBind(use(b->text.emplace_back(joined)));
      return;
    }
    default:
      st->addBind(use(b->text.emplace_back(
          v.is_null ? Nullable<std::string>() : Nullable<std::string>(std::string(v.text)))));
  }
}

// The text of a database error, with PostgreSQL's SQLSTATE when Poco kept it.
std::string Describe(const Poco::Exception& e) { return e.displayText(); }

// Errors that a second try can get past: deadlocks, serialisation failures, another loader
// winning the race to insert the same row, SQLite's busy database.
bool Retryable(const Poco::Exception& e) {
  const std::string t = e.displayText();
  for (const char* marker :
       {"40P01", "40001", "23505", "deadlock", "could not serialize", "duplicate key",
        "database is locked", "UNIQUE constraint failed", "busy"})
    if (t.find(marker) != std::string::npos) return true;
  return false;
}

std::string Now() {
  return Poco::DateTimeFormatter::format(Poco::DateTime(), Poco::DateTimeFormat::ISO8601_FORMAT);
}

Status ParseUrl(const std::string& url, std::string* connector, std::string* connection,
                std::string* display) {
  if (url.rfind("sqlite:", 0) == 0) {
    std::string path = url.substr(7);
    if (path.rfind("//", 0) == 0) path = path.substr(2);  // "sqlite://relative" or ":///abs"
    if (path.empty()) return Status::InvalidArgument("sqlite: URL without a path: " + url);
    std::string dir = Poco::Path(path).parent().toString();
    if (!dir.empty() && !Poco::File(dir).exists())
      return Status::IoError("cannot open sqlite:" + path + ": no directory " + dir);
    *connector = Poco::Data::SQLite::Connector::KEY;
    *connection = path;
    *display = "sqlite:" + path;
    return Status::OK();
  }
  if (url.rfind("postgresql://", 0) == 0 || url.rfind("postgres://", 0) == 0) {
    Poco::URI uri;
    try {
      uri = Poco::URI(url);
    } catch (const Poco::Exception& e) {
      return Status::InvalidArgument("not a PostgreSQL URL: " + e.message());
    }
    std::string user = uri.getUserInfo(), password;
    size_t colon = user.find(':');
    if (colon != std::string::npos) {
      password = user.substr(colon + 1);
      user = user.substr(0, colon);
    }
    std::string db = uri.getPath().size() > 1 ? uri.getPath().substr(1) : "";
    if (uri.getHost().empty() || db.empty())
      return Status::InvalidArgument("a PostgreSQL URL needs a host and a database: " +
                                     std::string("postgresql://USER@HOST:PORT/DB"));
    *connector = kPostgresConnector;
    *connection = "host=" + uri.getHost() + " port=" + std::to_string(uri.getPort()) +
                  " dbname=" + db + (user.empty() ? "" : " user=" + user) +
                  (password.empty() ? "" : " password=" + password);
    *display = "postgresql://" + (user.empty() ? "" : user + "@") + uri.getHost() + ":" +
               std::to_string(uri.getPort()) + "/" + db;
    return Status::OK();
  }
  return Status::InvalidArgument("'" + url +
                                 "' is not a database URL (sqlite:PATH or "
                                 "postgresql://USER@HOST:PORT/DB)");
}

}  // namespace

std::vector<std::string> SplitStatements(const std::string& sql) {
  std::vector<std::string> out;
  std::string current;
  size_t start = 0;
  while (start < sql.size()) {
    size_t end = sql.find('\n', start);
    if (end == std::string::npos) end = sql.size();
    std::string line = sql.substr(start, end - start);
    start = end + 1;
    size_t first = line.find_first_not_of(" \t\r");
    if (first == std::string::npos || line.compare(first, 2, "--") == 0) continue;
    current += line + "\n";
    size_t last = line.find_last_not_of(" \t\r");
    if (line[last] == ';') {
      current.erase(current.rfind(';'));
      out.push_back(current);
      current.clear();
    }
  }
  if (current.find_first_not_of(" \t\r\n") != std::string::npos) out.push_back(current);
  return out;
}

Warehouse::Warehouse(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {
  dialect_ = impl_->postgres ? "postgresql" : "sqlite";
}
Warehouse::~Warehouse() = default;

Status Warehouse::Open(const std::string& url, std::unique_ptr<Warehouse>* out) {
  out->reset();
  static std::once_flag registered;
  std::call_once(registered, [] { Poco::Data::SQLite::Connector::registerConnector(); });
  std::string connector, connection, display;
  Status s = ParseUrl(url, &connector, &connection, &display);
  if (!s.ok()) return s;
  auto impl = std::make_unique<Impl>();
  impl->postgres = connector == kPostgresConnector;
  if (impl->postgres) {
    // Loaded and registered once per process; a missing module fails every PostgreSQL URL alike.
    static const Status pg = [] {
      void* entry = nullptr;
      Status st = LoadModuleSymbol("pg", "loading into PostgreSQL", "minutes_pg_register", &entry);
      if (st.ok()) reinterpret_cast<void (*)()>(entry)();
      return st;
    }();
    if (!pg.ok()) return pg;
  }
  impl->display_url = display;
  try {
    // Poco retries a failed connection until its login timeout (60 s by default): an SQLite
    // file that cannot be created or a server that is down should fail fast.
    impl->session = std::make_unique<Session>(connector, connection, 5);
    if (impl->postgres) {
      // "relation already exists, skipping" and the like are not the user's business.
      impl->Exec("SET client_min_messages = WARNING");
    } else {
      // Cascading deletes need foreign keys on; concurrent loaders wait for each other rather
      // than fail; WAL lets readers read while a document loads.
      impl->Exec("PRAGMA foreign_keys = ON");
      impl->Exec("PRAGMA busy_timeout = 60000");
      std::string mode;
      *impl->session << "PRAGMA journal_mode = WAL", into(mode), now;
    }
  } catch (const Poco::Exception& e) {
    return Status::IoError("cannot open " + display + ": " + Describe(e));
  }
  std::unique_ptr<Warehouse> w(new Warehouse(std::move(impl)));
  s = w->Migrate();
  if (!s.ok()) return s;
  *out = std::move(w);
  return Status::OK();
}

Status Warehouse::Migrate() {
  Impl& db = *impl_;
  for (int attempt = 1;; ++attempt) {
    try {
      db.Begin();
      if (db.postgres) {
        // One migrating process at a time; the lock ends with the transaction.
        int locked = 0;
        *db.session << "SELECT 1 FROM pg_advisory_xact_lock(727200001)", into(locked), now;
      }
      db.Exec(
          "CREATE TABLE IF NOT EXISTS \"schema_migrations\" (\"version\" BIGINT NOT NULL "
          "PRIMARY KEY, \"name\" TEXT NOT NULL, \"applied_at\" TEXT NOT NULL)");
      Poco::Int64 current = 0;
      *db.session << "SELECT COALESCE(MAX(\"version\"), 0) FROM \"schema_migrations\"",
          into(current), now;
      for (const Migration& m : Migrations()) {
        if (m.version <= current) continue;
        for (const std::string& statement : SplitStatements(m.sql)) db.Exec(statement);
        Poco::Int64 version = m.version;
        std::string name = m.name, at = Now();
        *db.session << "INSERT INTO \"schema_migrations\" (\"version\", \"name\", \"applied_at\") "
                       "VALUES (" +
                           db.Param(1) + ", " + db.Param(2) + ", " + db.Param(3) + ")",
            use(version), use(name), use(at), now;
        current = m.version;
      }
      db.Commit();
      schema_version_ = static_cast<int>(current);
      return Status::OK();
    } catch (const Poco::Exception& e) {
      db.Rollback();
      if (attempt < 5 && Retryable(e)) {
        std::this_thread::sleep_for(std::chrono::milliseconds(50 * attempt));
        continue;
      }
      return Status::IoError("cannot migrate " + db.display_url + ": " + Describe(e));
    }
  }
}

Status Warehouse::LoadRegister(const normalize::LaRegister& las) {
  Impl& db = *impl_;
  for (int attempt = 1;; ++attempt) {
    try {
      db.Begin();
      Poco::Int64 same = 0;
      std::string version = las.version();
      *db.session << "SELECT COUNT(*) FROM \"local_authorities\" WHERE \"register_version\" = " +
                         db.Param(1),
          use(version), into(same), now;
      if (same != static_cast<Poco::Int64>(las.authorities().size()) || same == 0) {
        db.Exec("DELETE FROM \"local_authorities\"");
        for (const normalize::LocalAuthority& la : las.authorities()) {
          std::string code(la.gss_code), name(la.name), type(la.la_type), region(la.region),
              dfe(la.dfe_la_code), tier(la.tier), county(la.county_gss_code);
          *db.session << "INSERT INTO \"local_authorities\" (\"gss_code\", \"name\", \"la_type\", "
                         "\"region\", \"dfe_code\", \"register_version\", \"tier\", "
                         "\"county_gss_code\") VALUES (" +
                             db.Param(1) + ", " + db.Param(2) + ", " + db.Param(3) + ", " +
                             db.Param(4) + ", " + db.Param(5) + ", " + db.Param(6) + ", " +
                             db.Param(7) + ", " + db.Param(8) + ")",
              use(code), use(name), use(type), use(region), use(dfe), use(version), use(tier),
              use(county), now;
        }
      }
      db.Commit();
      return Status::OK();
    } catch (const Poco::Exception& e) {
      db.Rollback();
      if (attempt < 6 && Retryable(e)) {
        std::this_thread::sleep_for(std::chrono::milliseconds(50 * attempt));
        continue;
      }
      return Status::IoError("cannot load the LA register into " + db.display_url + ": " +
                             Describe(e));
    }
  }
}

Status Warehouse::Load(const Extraction& x, const std::string& minutes_version,
                       LoadResult* result) {
  Impl& db = *impl_;
  for (int attempt = 1;; ++attempt) {
    try {
      db.Begin();
      *result = LoadResult();
      result->attempts = attempt;
      Status s = LoadOnce(x, minutes_version, result);
      if (s.ok())
        db.Commit();
      else
        db.Rollback();
      return s;
    } catch (const Poco::Exception& e) {
      db.Rollback();
      if (attempt < 8 && Retryable(e)) {
        std::this_thread::sleep_for(std::chrono::milliseconds(20 * attempt * attempt));
        continue;
      }
      return Status::IoError("cannot load into " + db.display_url + ": " + Describe(e));
    } catch (const std::exception& e) {
      // Out of memory or the like: the document is not loaded, the next one may be.
      db.Rollback();
      return Status::IoError("cannot load into " + db.display_url + ": " + e.what());
    }
  }
}

Status Warehouse::LoadOnce(const Extraction& x, const std::string& minutes_version,
                           LoadResult* result) {
  Impl& db = *impl_;
  Session& session = *db.session;
  std::string sha256 = x.source.sha256, path = x.source.path;
  Poco::Int64 have = 0;
  session << "SELECT COUNT(*) FROM \"documents\" WHERE \"sha256\" = " + db.Param(1), use(sha256),
      into(have), now;
  if (have > 0) {
    result->outcome = LoadOutcome::kUnchanged;
    return Status::OK();
  }
  if (!x.meeting.series.empty() && !x.meeting.date.empty()) {
    std::string series = x.meeting.series, date = x.meeting.date;
    std::vector<std::string> other;
    session << "SELECT \"path\" FROM \"documents\" WHERE \"series\" = " + db.Param(1) +
                   " AND \"date\" = " + db.Param(2) + " AND \"path\" <> " + db.Param(3),
        use(series), use(date), use(path), into(other), now;
    if (!other.empty()) {
      result->outcome = LoadOutcome::kDuplicateMeeting;
      result->other = other.front();
      return Status::OK();
    }
  }
  std::vector<std::string> old;
  session << "SELECT \"sha256\" FROM \"documents\" WHERE \"path\" = " + db.Param(1), use(path),
      into(old), now;
  if (!old.empty() && old.front() == sha256) {
    // Another loader committed these very bytes after the first check (each statement sees what
    // is committed when it runs): the same document, not a new version of it.
    result->outcome = LoadOutcome::kUnchanged;
    return Status::OK();
  }
  if (!old.empty()) {
    result->outcome = LoadOutcome::kReplaced;
    result->other = old.front();
    session << "DELETE FROM \"documents\" WHERE \"path\" = " + db.Param(1), use(path), now;
  }

  // The document's rows, table by table, as the description lays them out.
  const std::string loaded_at = Now();
  const std::map<const sc::Table*, std::string>& insert_sql = db.InsertSql();
  sc::ForEachRow(x, [&](const sc::Table& t, const std::vector<sc::Value>& row) {
    Statement st(session);
    st << insert_sql.at(&t);
    Binds binds;
    for (size_t i = 0; i < row.size(); ++i) Bind(&st, &binds, t.columns[i].kind, row[i]);
    if (t.parent == nullptr) {
      st.addBind(use(binds.text.emplace_back(loaded_at)));
      st.addBind(use(binds.text.emplace_back(minutes_version)));
    }
    st.execute();
  });

  // The person registry: everyone this document names, in id order so that concurrent loaders
  // take row locks in the same order.
  std::map<std::string, std::pair<std::string, std::string>> people;  // id -> (name, initials)
  for (const Person& p : x.people)
    if (!p.person_id.empty()) people.emplace(p.person_id, std::make_pair(p.name, p.initials));
  for (const Action& a : x.actions)
    for (const Owner& o : a.owners)
      if (!o.person_id.empty())
        people.emplace(o.person_id, std::make_pair(o.name, normalize::Initials(o.name)));
  for (const PersonMention& m : x.person_mentions)
    if (!m.person_id.empty())
      people.emplace(m.person_id, std::make_pair(m.name, normalize::Initials(m.name)));
  for (const auto& [id, who] : people) {
    std::string person_id = id, name = who.first, initials = who.second;
    session << "INSERT INTO \"people\" (\"person_id\", \"name\", \"initials\", "
               "\"first_document_sha256\") VALUES (" +
                   db.Param(1) + ", " + db.Param(2) + ", " + db.Param(3) + ", " + db.Param(4) +
                   ") ON CONFLICT (\"person_id\") DO NOTHING",
        use(person_id), use(name), use(initials), use(sha256), now;
  }

  // Each action-log row's status at this meeting: the action's history across the series.
  if (!x.meeting.series.empty() && !x.meeting.date.empty()) {
    for (const Action& a : x.actions) {
      if (a.source != ActionSource::kLog || a.ref.empty()) continue;
      std::string series = x.meeting.series, ref = a.ref, date = x.meeting.date;
      Nullable<std::string> status, raw;
      if (a.status) status = std::string(EnumName(*a.status));
      if (!a.status_raw.empty()) raw = a.status_raw;
      session << "INSERT INTO \"action_status_history\" (\"series\", \"ref\", \"meeting_date\", "
                 "\"document_sha256\", \"status\", \"status_raw\") VALUES (" +
                     db.Param(1) + ", " + db.Param(2) + ", " + db.Param(3) + ", " + db.Param(4) +
                     ", " + db.Param(5) + ", " + db.Param(6) +
                     ") ON CONFLICT (\"series\", \"ref\", \"document_sha256\") DO NOTHING",
          use(series), use(ref), use(date), use(sha256), use(status), use(raw), now;
    }
  }
  if (result->outcome != LoadOutcome::kReplaced) result->outcome = LoadOutcome::kLoaded;
  return Status::OK();
}

Status Warehouse::Execute(const std::string& sql) {
  try {
    impl_->Exec(sql);
  } catch (const Poco::Exception& e) {
    return Status::InvalidArgument("statement failed on " + impl_->display_url + ": " +
                                   Describe(e));
  }
  return Status::OK();
}

Status Warehouse::Query(const std::string& sql, QueryResult* result) {
  *result = QueryResult();
  try {
    Statement st(*impl_->session);
    st << sql;
    st.execute();
    Poco::Data::RecordSet rs(st);
    for (size_t c = 0; c < rs.columnCount(); ++c) result->columns.push_back(rs.columnName(c));
    for (size_t r = 0; r < rs.rowCount(); ++r) {
      std::vector<std::string> row;
      for (size_t c = 0; c < rs.columnCount(); ++c) {
        Poco::Dynamic::Var v = rs.value(c, r);
        row.push_back(v.isEmpty() ? "" : v.convert<std::string>());
      }
      result->rows.push_back(std::move(row));
    }
  } catch (const Poco::Exception& e) {
    return Status::InvalidArgument("query failed on " + impl_->display_url + ": " + Describe(e));
  }
  return Status::OK();
}

}  // namespace minutes::warehouse
