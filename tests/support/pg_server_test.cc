// Proves tests/support/pg_server.h against a real server, and pins down what Poco::Data 1.11
// (Debian 12) does with PostgreSQL and SQLite, because the loaders will rely on it:
//
// - Placeholders: PostgreSQL takes $1..$n only. Poco 1.11 does not translate `?` (the statement
//   fails to prepare); it counts placeholders with the regex [$][0-9]+ over the whole SQL text, so
//   a literal like '$5' inside the SQL breaks the count (bound values may hold anything). SQLite
//   takes both `?` and `$1..$n` (as named parameters numbered in order of first appearance), so
//   one SQL text with $1..$n in increasing order serves both.
// - Types, bound with use() and read with into(), round-trip exactly on both for bool (BOOLEAN),
//   double (DOUBLE PRECISION, shortest round-trip text), Poco::Int64 (BIGINT, full range) and
//   std::string (TEXT, any UTF-8). NUMERIC(18,2) is exact on PostgreSQL when bound and read as
//   std::string; SQLite gives NUMERIC columns numeric affinity and keeps such values as a REAL
//   (a double), so money past 15 significant digits is not exact there. Reading NUMERIC into
//   Poco::Int64 on PostgreSQL silently gives the default value (0): its text has a fraction.
// - NULL: Poco::Nullable<T> binds NULL and reads NULL back as isNull() on both. Reading a NULL
//   into a plain T gives T() silently, on both, or the default of into(x, Position(0), def);
//   beware into(x, def), which compiles and takes def as the Position.
// - INSERT ... ON CONFLICT (...) DO NOTHING works on both; the statement's execute() returns 0
//   rows when it did nothing. ON CONFLICT ... DO UPDATE SET x = excluded.x works on both.
// - Errors: every failure is a Poco::Data::DataException. PostgreSQL throws
//   Poco::Data::PostgreSQL::StatementException whose message() embeds the SQLSTATE as
//   "State: 23505" (SqlState() below reads it) and the constraint as "Constraint: name";
//   a deadlock is "State: 40P01". Only errors from executing carry it: errors found while
//   preparing (syntax, unknown column, aborted transaction) and from COMMIT do not. SQLite
//   throws Poco::Data::SQLite::ConstraintViolationException for a unique violation and
//   DBLockedException when the file is locked, after the session's busy timeout (Poco's default:
//   60 s, the login timeout; setConnectionTimeout() changes it).
// - A PostgreSQL transaction with a failed statement is aborted: later statements fail with
//   25P02, and Session::commit() does not throw but the server rolls back (COMMIT answers
//   ROLLBACK). Call rollback() after any error inside begin()..commit().

#include "tests/support/pg_server.h"

#include <Poco/Data/PostgreSQL/Connector.h>
#include <Poco/Data/PostgreSQL/PostgreSQLException.h>
#include <Poco/Data/SQLite/Connector.h>
#include <Poco/Data/SQLite/SQLiteException.h>
#include <Poco/Data/Session.h>
#include <Poco/Data/Statement.h>
#include <Poco/Nullable.h>
#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <limits>
#include <memory>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

namespace {

namespace fs = std::filesystem;
using minutes_test::PgServer;
using Poco::Data::Session;
using Poco::Data::Statement;
using Poco::Data::Keywords::into;
using Poco::Data::Keywords::now;
using Poco::Data::Keywords::use;

const bool kConnectorsRegistered = [] {
  Poco::Data::PostgreSQL::Connector::registerConnector();
  Poco::Data::SQLite::Connector::registerConnector();
  return true;
}();

// The SQLSTATE that Poco's PostgreSQL StatementException embeds in its message as "State: XXXXX",
// or "" when there is none (errors of BEGIN/COMMIT, and any other exception).
std::string SqlState(const Poco::Exception& e) {
  const std::string& m = e.message();
  size_t at = m.find(" State: ");
  if (at == std::string::npos || at + 13 > m.size()) return "";
  return m.substr(at + 8, 5);
}

bool PortAcceptsConnections(int port) {
  int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = htons(static_cast<uint16_t>(port));
  bool ok = ::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0;
  ::close(fd);
  return ok;
}

// Running, or at least not yet a zombie: a stopped postmaster was re-parented to init and stays a
// zombie until init reaps it, which may take a while.
bool ProcessAlive(pid_t pid) {
  std::ifstream stat("/proc/" + std::to_string(pid) + "/stat");
  std::string text((std::istreambuf_iterator<char>(stat)), std::istreambuf_iterator<char>());
  size_t paren = text.rfind(')');  // "pid (comm) S ...": comm may hold spaces and parentheses
  if (pid <= 0 || paren == std::string::npos || paren + 2 >= text.size()) return false;
  char state = text[paren + 2];
  return state != 'Z' && state != 'X';
}

// In a test body: a server of the test's own (not the shared one), or skip (fail under CI).
#define START_OWN_SERVER_OR_SKIP(var)                                             \
  std::string var##_error;                                                        \
  std::unique_ptr<PgServer> var = PgServer::Start(&var##_error);                  \
  if (var == nullptr) {                                                           \
    if (minutes_test::RunningInCi()) FAIL() << "CI is set: " << var##_error;      \
    GTEST_SKIP() << "no PostgreSQL server (CI would fail here): " << var##_error; \
  }

// ---------------------------------------------------------------------------------------------
// The server itself.

class PgServerTest : public minutes_test::PgTest {};

TEST_F(PgServerTest, InsertsWithBoundValuesAndSelectsBack) {
  Session s("postgresql", ConnectionString());
  s << "CREATE TABLE meeting (id BIGINT PRIMARY KEY, title TEXT NOT NULL)", now;
  Poco::Int64 id = 7;
  std::string title = "Cabinet, 3 March";
  s << "INSERT INTO meeting (id, title) VALUES ($1, $2)", use(id), use(title), now;

  std::string got;
  Poco::Int64 key = 7;
  s << "SELECT title FROM meeting WHERE id = $1", use(key), into(got), now;
  EXPECT_EQ(got, title);
  int count = 0;
  s << "SELECT COUNT(*) FROM meeting", into(count), now;
  EXPECT_EQ(count, 1);
}

TEST_F(PgServerTest, RolledBackTransactionLeavesNothing) {
  Session s("postgresql", ConnectionString());
  s << "CREATE TABLE item (id BIGINT PRIMARY KEY)", now;
  s.begin();
  for (Poco::Int64 id = 1; id <= 3; ++id) s << "INSERT INTO item (id) VALUES ($1)", use(id), now;
  int inside = 0;
  s << "SELECT COUNT(*) FROM item", into(inside), now;
  EXPECT_EQ(inside, 3);
  s.rollback();
  int after = -1;
  s << "SELECT COUNT(*) FROM item", into(after), now;
  EXPECT_EQ(after, 0);
}

TEST_F(PgServerTest, TwoSessionsSeeOnlyWhatTheOtherCommitted) {
  Session a("postgresql", ConnectionString());
  Session b("postgresql", ConnectionString());
  a << "CREATE TABLE item (id BIGINT PRIMARY KEY)", now;
  a.begin();
  Poco::Int64 id = 1;
  a << "INSERT INTO item (id) VALUES ($1)", use(id), now;
  int seen = -1;
  b << "SELECT COUNT(*) FROM item", into(seen), now;
  EXPECT_EQ(seen, 0) << "b must not see a's uncommitted row";
  a.commit();
  b << "SELECT COUNT(*) FROM item", into(seen), now;
  EXPECT_EQ(seen, 1);
}

TEST_F(PgServerTest, CreateDatabaseChecksTheName) {
  EXPECT_EQ(pg()->CreateDatabase("Bad-Name").code(), minutes::Status::Code::kInvalidArgument);
  EXPECT_EQ(pg()->CreateDatabase("x; DROP DATABASE minutes").code(),
            minutes::Status::Code::kInvalidArgument);
  EXPECT_EQ(pg()->CreateDatabase(std::string(64, 'a')).code(),
            minutes::Status::Code::kInvalidArgument);
  minutes::Status dup = pg()->CreateDatabase(dbname());  // the fixture made it already
  EXPECT_EQ(dup.code(), minutes::Status::Code::kIoError);
  EXPECT_NE(dup.message().find("already exists"), std::string::npos) << dup.ToString();

  ASSERT_TRUE(pg()->CreateDatabase("second_db").ok());
  Session s("postgresql", pg()->ConnectionString("second_db"));
  std::string name;
  s << "SELECT current_database()", into(name), now;
  EXPECT_EQ(name, "second_db");
}

TEST_F(PgServerTest, ConnectionStringAndUrlNameTheServer) {
  const std::string port = std::to_string(pg()->port());
  EXPECT_EQ(pg()->ConnectionString("d"), "host=127.0.0.1 port=" + port + " user=minutes dbname=d");
  EXPECT_EQ(pg()->Url("d"), "postgresql://minutes@127.0.0.1:" + port + "/d");
  EXPECT_EQ(pg()->ConnectionString(),
            "host=127.0.0.1 port=" + port + " user=minutes dbname=minutes");
  EXPECT_TRUE(fs::exists(pg()->dir() + "/data/PG_VERSION"));
  EXPECT_TRUE(ProcessAlive(pg()->postmaster_pid()));
}

TEST(PgServerLifecycleTest, StopsAndRemovesEverythingInTheDestructor) {
  START_OWN_SERVER_OR_SKIP(pg);
  const int port = pg->port();
  const std::string dir = pg->dir();
  const pid_t pid = pg->postmaster_pid();
  auto session = std::make_unique<Session>("postgresql", pg->ConnectionString());
  int one = 0;
  *session << "SELECT 1", into(one), now;
  ASSERT_EQ(one, 1);
  ASSERT_TRUE(PortAcceptsConnections(port));

  pg.reset();  // with the session still open: -m fast does not wait for it

  EXPECT_FALSE(PortAcceptsConnections(port));
  EXPECT_FALSE(fs::exists(dir)) << dir;
  EXPECT_FALSE(ProcessAlive(pid)) << "postmaster " << pid;
  EXPECT_THROW((*session << "SELECT 1", into(one), now), Poco::Exception);
}

// A process that dies without running destructors (here _exit; a crash or SIGKILL alike) leaves
// the cleanup to the watchdog.
TEST(PgServerLifecycleTest, WatchdogCleansUpAfterAProcessThatDied) {
  START_OWN_SERVER_OR_SKIP(probe);  // skips early when there is no PostgreSQL at all
  probe.reset();

  int fds[2];
  ASSERT_EQ(::pipe(fds), 0);
  pid_t child = ::fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    ::close(fds[0]);
    std::string error;
    std::unique_ptr<PgServer> pg = PgServer::Start(&error);
    std::string line = pg == nullptr ? "0 - 0\n"
                                     : std::to_string(pg->port()) + " " + pg->dir() + " " +
                                           std::to_string(pg->postmaster_pid()) + "\n";
    (void)!::write(fds[1], line.data(), line.size());
    ::_exit(0);  // no destructor runs
  }
  ::close(fds[1]);
  std::string line;
  char buf[512];
  for (ssize_t n; (n = ::read(fds[0], buf, sizeof buf)) > 0;) line.append(buf, n);
  ::close(fds[0]);
  int status = 0;
  ::waitpid(child, &status, 0);
  int port = 0;
  std::string dir;
  pid_t pid = 0;
  std::istringstream(line) >> port >> dir >> pid;
  ASSERT_NE(port, 0) << "the child could not start a server";

  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  while ((fs::exists(dir) || ProcessAlive(pid)) && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  EXPECT_FALSE(ProcessAlive(pid)) << "postmaster " << pid << " outlived its test process";
  EXPECT_FALSE(fs::exists(dir)) << dir;
  EXPECT_FALSE(PortAcceptsConnections(port));
}

TEST(PgServerLifecycleTest, StartSaysWhyWhenThereAreNoBinaries) {
  const char* old = std::getenv("MINUTES_PG_BINDIR");
  std::string saved = old != nullptr ? old : "";
  ::setenv("MINUTES_PG_BINDIR", "/nonexistent/bin", 1);
  std::string error;
  std::unique_ptr<PgServer> pg = PgServer::Start(&error);
  if (old != nullptr) {
    ::setenv("MINUTES_PG_BINDIR", saved.c_str(), 1);
  } else {
    ::unsetenv("MINUTES_PG_BINDIR");
  }
  EXPECT_EQ(pg, nullptr);
  EXPECT_NE(error.find("/nonexistent/bin has no executable initdb"), std::string::npos) << error;
}

// ---------------------------------------------------------------------------------------------
// Poco::Data on both back ends: the same SQL text, the same bindings.

enum class Backend { kSqlite, kPostgres };

std::string BackendName(const ::testing::TestParamInfo<Backend>& info) {
  return info.param == Backend::kSqlite ? "SQLite" : "PostgreSQL";
}

class BackendTest : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    static int counter = 0;
    ++counter;
    if (GetParam() == Backend::kSqlite) {
      sqlite_path_ =
          (fs::temp_directory_path() / ("minutes-backend-test-" + std::to_string(::getpid()) + "-" +
                                        std::to_string(counter) + ".db"))
              .string();
      fs::remove(sqlite_path_);
      session_ = std::make_unique<Session>("sqlite", sqlite_path_);
    } else {
      std::string error;
      PgServer* pg = minutes_test::SharedPgServer(&error);
      if (pg == nullptr) {
        if (minutes_test::RunningInCi()) FAIL() << "CI is set: " << error;
        GTEST_SKIP() << "no PostgreSQL server (CI would fail here): " << error;
      }
      const std::string db = "backend_" + std::to_string(counter);
      minutes::Status s = pg->CreateDatabase(db);
      ASSERT_TRUE(s.ok()) << s.ToString();
      connection_ = pg->ConnectionString(db);
      session_ = std::make_unique<Session>("postgresql", connection_);
    }
    // Type names both accept; SQLite maps them to INTEGER, NUMERIC, REAL, NUMERIC, TEXT affinity.
    session() << "CREATE TABLE v (id BIGINT PRIMARY KEY, flag BOOLEAN, ratio DOUBLE PRECISION, "
                 "amount NUMERIC(18,2), big BIGINT, name TEXT)",
        now;
  }

  void TearDown() override {
    session_.reset();
    if (!sqlite_path_.empty()) fs::remove(sqlite_path_);
  }

  bool postgres() const { return GetParam() == Backend::kPostgres; }
  Session& session() { return *session_; }
  // A second session to the same database.
  std::unique_ptr<Session> OpenAnother() {
    return postgres() ? std::make_unique<Session>("postgresql", connection_)
                      : std::make_unique<Session>("sqlite", sqlite_path_);
  }

  // Inserts `value` into `column` of row `id` and reads the column back as Out.
  template <typename Out, typename In>
  Out RoundTrip(Poco::Int64 id, const std::string& column, In value) {
    session() << "INSERT INTO v (id, " + column + ") VALUES ($1, $2)", use(id), use(value), now;
    Out out{};
    session() << "SELECT " + column + " FROM v WHERE id = $1", use(id), into(out), now;
    return out;
  }

 private:
  std::unique_ptr<Session> session_;
  std::string sqlite_path_;  // SQLite: the database file
  std::string connection_;   // PostgreSQL: the test's database
};

INSTANTIATE_TEST_SUITE_P(Both, BackendTest, ::testing::Values(Backend::kSqlite, Backend::kPostgres),
                         BackendName);

TEST_P(BackendTest, Placeholders) {
  Poco::Int64 id = 1;
  std::string name = "dollar";
  session() << "INSERT INTO v (id, name) VALUES ($1, $2)", use(id), use(name), now;
  id = 2;
  name = "question mark";
  if (postgres()) {
    EXPECT_THROW((session() << "INSERT INTO v (id, name) VALUES (?, ?)", use(id), use(name), now),
                 Poco::Data::PostgreSQL::StatementException);
  } else {
    session() << "INSERT INTO v (id, name) VALUES (?, ?)", use(id), use(name), now;
  }
  int count = 0;
  session() << "SELECT COUNT(*) FROM v", into(count), now;
  EXPECT_EQ(count, postgres() ? 1 : 2);

  // PostgreSQL: Poco counts "$5" inside a string literal as a second placeholder.
  std::string text = "price";
  std::string got;
  if (postgres()) {
    EXPECT_THROW((session() << "SELECT $1 || ' $5'", use(text), into(got), now),
                 Poco::Data::PostgreSQL::StatementException);
  } else {
    session() << "SELECT $1 || ' $5'", use(text), into(got), now;
    EXPECT_EQ(got, "price $5");
  }
}

TEST_P(BackendTest, BoolRoundTrips) {
  EXPECT_EQ(RoundTrip<bool>(1, "flag", true), true);
  EXPECT_EQ(RoundTrip<bool>(2, "flag", false), false);
  bool flag = true;
  int count = 0;
  session() << "SELECT COUNT(*) FROM v WHERE flag = $1", use(flag), into(count), now;
  EXPECT_EQ(count, 1);
}

TEST_P(BackendTest, DoubleRoundTrips) {
  const double kValues[] = {0.0,
                            0.1,
                            0.1 + 0.2,  // 0.30000000000000004
                            -1234567.89,
                            1.0 / 3.0,
                            6.02214076e23,
                            -2.5e-300,
                            std::numeric_limits<double>::max(),
                            std::numeric_limits<double>::min(),
                            std::numeric_limits<double>::denorm_min()};
  Poco::Int64 id = 0;
  for (double v : kValues) EXPECT_EQ(RoundTrip<double>(++id, "ratio", v), v) << v;
}

TEST_P(BackendTest, Int64RoundTrips) {
  const Poco::Int64 kValues[] = {0,
                                 -1,
                                 1,
                                 4294967296,
                                 std::numeric_limits<Poco::Int64>::min(),
                                 std::numeric_limits<Poco::Int64>::max()};
  Poco::Int64 id = 0;
  for (Poco::Int64 v : kValues) EXPECT_EQ(RoundTrip<Poco::Int64>(++id, "big", v), v) << v;
}

TEST_P(BackendTest, StringRoundTrips) {
  const std::string kValues[] = {
      "",
      "plain",
      "Mrs Ünïcødé — café, €1,234, 日本語, 🙂",
      "quotes ' \" backslash \\ dollar $1 ? percent % semicolon ;",
      "line\nbreak\r\ntab\t end",
      std::string(100000, 'x'),
  };
  Poco::Int64 id = 0;
  for (const std::string& v : kValues) {
    EXPECT_EQ(RoundTrip<std::string>(++id, "name", v), v) << v.substr(0, 60);
  }
}

// Money in NUMERIC(18,2): exact as text on PostgreSQL; SQLite stores it as a REAL.
TEST_P(BackendTest, NumericMoney) {
  struct Case {
    std::string in;
    std::string postgres_text;
    std::string sqlite_text;
  };
  const Case kCases[] = {
      {"1234567.89", "1234567.89", "1234567.89"},
      {"0.1", "0.10", "0.1"},
      {"-42", "-42.00", "-42"},
      {"0.005", "0.01", "0.005"},  // PostgreSQL rounds to scale 2
      // Past a double's precision: SQLite rounds to 1e16, then stores that as an INTEGER.
      {"9999999999999999.99", "9999999999999999.99", "10000000000000000"},
  };
  Poco::Int64 id = 0;
  for (const Case& c : kCases) {
    EXPECT_EQ(RoundTrip<std::string>(++id, "amount", c.in),
              postgres() ? c.postgres_text : c.sqlite_text)
        << c.in;
  }
  // A double bound into NUMERIC, and NUMERIC read as a double.
  EXPECT_EQ(RoundTrip<double>(++id, "amount", 1234567.89), 1234567.89);
  EXPECT_EQ(RoundTrip<std::string>(++id, "amount", 1234567.89),
            postgres() ? "1234567.89" : "1234567.89");
  // An Int64 bound into NUMERIC reads back as text with the scale on PostgreSQL...
  EXPECT_EQ(RoundTrip<std::string>(++id, "amount", Poco::Int64{42}), postgres() ? "42.00" : "42");
  // ... and NUMERIC read as an Int64 is silently 0 there ("42.00" does not parse as an integer).
  EXPECT_EQ(RoundTrip<Poco::Int64>(++id, "amount", Poco::Int64{42}), postgres() ? 0 : 42);
}

TEST_P(BackendTest, NullableBindsAndReadsNull) {
  Poco::Int64 id = 1;
  Poco::Nullable<bool> flag;
  Poco::Nullable<double> ratio;
  Poco::Nullable<std::string> amount;
  Poco::Nullable<Poco::Int64> big;
  Poco::Nullable<std::string> name;
  session() << "INSERT INTO v (id, flag, ratio, amount, big, name) VALUES ($1, $2, $3, $4, $5, $6)",
      use(id), use(flag), use(ratio), use(amount), use(big), use(name), now;
  int nulls = 0;
  session() << "SELECT COUNT(*) FROM v WHERE flag IS NULL AND ratio IS NULL AND amount IS NULL "
               "AND big IS NULL AND name IS NULL",
      into(nulls), now;
  EXPECT_EQ(nulls, 1);

  Poco::Nullable<bool> flag_out = true;
  Poco::Nullable<double> ratio_out = 1.5;
  Poco::Nullable<std::string> amount_out = std::string("1.00");
  Poco::Nullable<Poco::Int64> big_out = Poco::Int64{5};
  Poco::Nullable<std::string> name_out = std::string("x");
  session() << "SELECT flag, ratio, amount, big, name FROM v WHERE id = $1", use(id),
      into(flag_out), into(ratio_out), into(amount_out), into(big_out), into(name_out), now;
  EXPECT_TRUE(flag_out.isNull());
  EXPECT_TRUE(ratio_out.isNull());
  EXPECT_TRUE(amount_out.isNull());
  EXPECT_TRUE(big_out.isNull());
  EXPECT_TRUE(name_out.isNull());

  // Non-null values through Nullable.
  id = 2;
  flag = true;
  ratio = 0.25;
  amount = std::string("12.34");
  big = Poco::Int64{-9};
  name = std::string("set");
  session() << "INSERT INTO v (id, flag, ratio, amount, big, name) VALUES ($1, $2, $3, $4, $5, $6)",
      use(id), use(flag), use(ratio), use(amount), use(big), use(name), now;
  session() << "SELECT flag, ratio, amount, big, name FROM v WHERE id = $1", use(id),
      into(flag_out), into(ratio_out), into(amount_out), into(big_out), into(name_out), now;
  EXPECT_EQ(flag_out, true);
  EXPECT_EQ(ratio_out, 0.25);
  EXPECT_EQ(amount_out, std::string("12.34"));
  EXPECT_EQ(big_out, Poco::Int64{-9});
  EXPECT_EQ(name_out, std::string("set"));

  // NULL into a plain value: the default, silently.
  id = 1;
  Poco::Int64 plain = 77;
  std::string text = "unchanged?";
  session() << "SELECT big, name FROM v WHERE id = $1", use(id), into(plain), into(text), now;
  EXPECT_EQ(plain, 0);
  EXPECT_EQ(text, "");
  // The default goes third: into(plain, -1) would take -1 as the result-set Position.
  session() << "SELECT big FROM v WHERE id = $1", use(id),
      into(plain, Poco::Data::Position(0), Poco::Int64{-1}), now;
  EXPECT_EQ(plain, -1);
}

TEST_P(BackendTest, OnConflictDoNothingAndDoUpdate) {
  Poco::Int64 id = 1;
  std::string first = "first", second = "second";
  Statement insert(session());
  insert << "INSERT INTO v (id, name) VALUES ($1, $2) ON CONFLICT (id) DO NOTHING", use(id),
      use(first);
  EXPECT_EQ(insert.execute(), 1u);
  Statement again(session());
  again << "INSERT INTO v (id, name) VALUES ($1, $2) ON CONFLICT (id) DO NOTHING", use(id),
      use(second);
  EXPECT_EQ(again.execute(), 0u);
  std::string name;
  session() << "SELECT name FROM v WHERE id = $1", use(id), into(name), now;
  EXPECT_EQ(name, "first");

  session() << "INSERT INTO v (id, name) VALUES ($1, $2) "
               "ON CONFLICT (id) DO UPDATE SET name = excluded.name",
      use(id), use(second), now;
  session() << "SELECT name FROM v WHERE id = $1", use(id), into(name), now;
  EXPECT_EQ(name, "second");
}

TEST_P(BackendTest, UniqueViolationIsADataException) {
  Poco::Int64 id = 1;
  session() << "INSERT INTO v (id) VALUES ($1)", use(id), now;
  try {
    session() << "INSERT INTO v (id) VALUES ($1)", use(id), now;
    FAIL() << "no exception";
  } catch (const Poco::Data::PostgreSQL::StatementException& e) {
    EXPECT_TRUE(postgres());
    EXPECT_EQ(SqlState(e), "23505") << e.displayText();
    EXPECT_NE(e.message().find("Constraint: v_pkey"), std::string::npos) << e.displayText();
  } catch (const Poco::Data::SQLite::ConstraintViolationException& e) {
    EXPECT_FALSE(postgres());
    EXPECT_NE(e.displayText().find("UNIQUE constraint failed"), std::string::npos)
        << e.displayText();
  }
  // Both derive from Poco::Data::DataException, the one type to catch at a stage boundary.
  EXPECT_THROW((session() << "INSERT INTO v (id) VALUES ($1)", use(id), now),
               Poco::Data::DataException);
}

TEST_P(BackendTest, FailedStatementInsideATransaction) {
  Poco::Int64 id = 1, other = 2;
  session() << "INSERT INTO v (id) VALUES ($1)", use(id), now;
  session().begin();
  session() << "INSERT INTO v (id) VALUES ($1)", use(other), now;
  EXPECT_THROW((session() << "INSERT INTO v (id) VALUES ($1)", use(id), now),
               Poco::Data::DataException);
  if (postgres()) {
    // The transaction is aborted: everything fails until it ends...
    try {
      int n = 0;
      session() << "SELECT COUNT(*) FROM v", into(n), now;
      ADD_FAILURE() << "a statement ran inside an aborted transaction";
    } catch (const Poco::Data::PostgreSQL::StatementException& e) {
      // 25P02 on the server, but this fails in PQprepare, whose message has no State field.
      EXPECT_EQ(SqlState(e), "") << e.displayText();
      EXPECT_NE(e.message().find("current transaction is aborted"), std::string::npos)
          << e.displayText();
    }
    // ... and commit() does not throw, but the server rolled back.
    EXPECT_NO_THROW(session().commit());
  } else {
    session().commit();  // SQLite: the failed statement alone was undone
  }
  int count = 0;
  session() << "SELECT COUNT(*) FROM v", into(count), now;
  EXPECT_EQ(count, postgres() ? 1 : 2);
}

TEST_P(BackendTest, LockedOrDeadlocked) {
  Poco::Int64 one = 1, two = 2;
  session() << "INSERT INTO v (id, big) VALUES ($1, 0), ($2, 0)", use(one), use(two), now;
  std::unique_ptr<Session> other = OpenAnother();
  if (!postgres()) {
    // SQLite: one writer at a time; the second waits out its busy timeout, then throws.
    other->setConnectionTimeout(1);
    session().begin();
    session() << "UPDATE v SET big = 1 WHERE id = $1", use(one), now;
    EXPECT_THROW((*other << "UPDATE v SET big = 2 WHERE id = $1", use(two), now),
                 Poco::Data::SQLite::DBLockedException);
    session().commit();
    return;
  }
  // PostgreSQL: a and b lock rows 1 and 2, then each wants the other's. The server aborts one of
  // them with 40P01 after deadlock_timeout; the other then goes on.
  Session& a = session();
  Session& b = *other;
  a << "SET deadlock_timeout = '100ms'", now;
  b << "SET deadlock_timeout = '100ms'", now;
  a.begin();
  b.begin();
  a << "UPDATE v SET big = 1 WHERE id = $1", use(one), now;
  b << "UPDATE v SET big = 2 WHERE id = $1", use(two), now;
  std::string a_state = "none";
  std::thread a_thread([&] {
    try {
      a << "UPDATE v SET big = 1 WHERE id = $1", use(two), now;  // waits for b
    } catch (const Poco::Data::PostgreSQL::StatementException& e) {
      a_state = SqlState(e);
    }
  });
  // Let a block on b's row first (b's own wait is what closes the cycle).
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  std::string b_state = "none";
  try {
    b << "UPDATE v SET big = 2 WHERE id = $1", use(one), now;
  } catch (const Poco::Data::PostgreSQL::StatementException& e) {
    b_state = SqlState(e);
  }
  if (b_state != "none") b.rollback();  // lets a go on
  a_thread.join();
  if (a_state != "none") a.rollback();
  EXPECT_TRUE((a_state == "40P01") != (b_state == "40P01"))
      << "exactly one side must see the deadlock: a=" << a_state << " b=" << b_state;
  if (a_state == "none") a.commit();
  if (b_state == "none") b.commit();
}

}  // namespace
