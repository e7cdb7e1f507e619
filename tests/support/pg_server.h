// Test support: a real, throwaway PostgreSQL server that a test binary starts and stops itself.
// No mocks and no shared system cluster: each server lives in a fresh temporary directory, listens
// on a free 127.0.0.1 port, and is gone when the test process is.
//
//   std::string error;
//   std::unique_ptr<minutes_test::PgServer> pg = minutes_test::PgServer::Start(&error);
//   if (pg == nullptr) { ... error says why: binaries missing, initdb failed (with its log) ... }
//   Poco::Data::PostgreSQL::Connector::registerConnector();
//   Poco::Data::Session session("postgresql", pg->ConnectionString());   // database "minutes"
//   ...
//   pg.reset();   // pg_ctl stop -m fast, directory removed
//
// Most tests want the fixture at the end of this file instead: PgTest shares one server per
// process and gives every test a database of its own. Register such a binary with
// `minutes_add_test(NAME ONE_PROCESS ...)` so that its cases run in one process and share the
// server (tests/CMakeLists.txt); otherwise ctest starts one server per case.
//
// Where the binaries come from: $MINUTES_PG_BINDIR if set, else the newest
// /usr/lib/postgresql/<version>/bin (Debian's layout), else `pg_config --bindir`, else $PATH. The
// server must have initdb and pg_ctl; createdb is used for CreateDatabase().
//
// Running as root (CI does): PostgreSQL refuses to run as root, so initdb and pg_ctl run as the
// `postgres` system user that Debian's package creates (`runuser -u postgres --`), the temporary
// directory is owned by that user, and it is made under /tmp (which every user can reach) rather
// than $TMPDIR. As any other user they run as that user, under $TMPDIR or /tmp.
//
// Nothing is printed: initdb, pg_ctl and createdb write to log files inside the temporary
// directory, and a failure's message carries the tail of the relevant log.

#ifndef MINUTES_TESTS_SUPPORT_PG_SERVER_H_
#define MINUTES_TESTS_SUPPORT_PG_SERVER_H_

#include <gtest/gtest.h>
#include <sys/types.h>

#include <memory>
#include <string>
#include <vector>

#include "common/status.h"

namespace minutes_test {

// A throwaway PostgreSQL server for one test binary: initdb into a fresh temporary directory,
// pg_ctl start on a free 127.0.0.1 port with the socket in that directory, a database "minutes"
// created, and everything stopped and removed in the destructor (also on test failure, since a
// failed assertion still unwinds to it).
//
// If the process dies without running the destructor (crash, abort, _exit, SIGKILL from a ctest
// timeout), a watchdog cleans up instead: Start() first launches a detached `sh` that blocks
// reading one end of a socket pair whose other end only this process holds. When the destructor
// has cleaned up it tells the watchdog "done"; when the process dies, the kernel closes its end
// and the watchdog reads end-of-file, then runs `pg_ctl stop -m fast` (falling back to
// `-m immediate`) and removes the directory. The watchdog runs in its own session, outside this
// process's tree, so that ctest killing a timed-out test and its descendants does not take the
// watchdog with it, and it writes nowhere (ctest waits for every holder of a test's output pipe).
//
// The trust authentication is safe only because the server listens on 127.0.0.1 of a test
// machine and lives as long as the test.
//
// Not copyable or movable: the object owns a running server and its directory. Thread-compatible:
// the accessors are const and may be called from several threads (they only read state that is
// constant after Start()); CreateDatabase() may be too (each call runs its own createdb).
class PgServer {
 public:
  // The database Start() creates, and the superuser role initdb makes (no password: trust).
  static constexpr char kDefaultDatabase[] = "minutes";
  static constexpr char kUser[] = "minutes";

  // Starts a server. Takes 1-3 s (initdb dominates). On success returns it, with the database
  // kDefaultDatabase created. On failure returns nullptr, sets *error (when error is not null) to
  // why (no binaries found, no `postgres` user while running as root, initdb or pg_ctl failed,
  // with the tail of their log), and leaves nothing behind: no process, no directory.
  // A port is picked by binding port 0 on 127.0.0.1 and closing the socket; if another process
  // takes it before the server binds it, the start is retried on a new port (3 attempts).
  static std::unique_ptr<PgServer> Start(std::string* error);

  PgServer(const PgServer&) = delete;
  PgServer& operator=(const PgServer&) = delete;

  // Stops the server (pg_ctl stop -m fast, which disconnects open sessions and does not wait for
  // them; -m immediate if that fails) and removes the temporary directory. Never throws. Poco
  // sessions still open afterwards fail on their next statement.
  ~PgServer();

  // libpq's keyword/value form, which Poco::Data's PostgreSQL connector takes:
  // "host=127.0.0.1 port=P user=minutes dbname=D".
  std::string ConnectionString(const std::string& dbname = kDefaultDatabase) const;

  // The same as a URL: "postgresql://minutes@127.0.0.1:P/D".
  std::string Url(const std::string& dbname = kDefaultDatabase) const;

  // Creates database `name` (runs createdb; ~0.1-0.3 s). `name` must be a plain lower-case
  // identifier ([a-z_][a-z0-9_]*, at most 63 characters) so that it needs no quoting anywhere.
  // Returns InvalidArgument for another name, IoError (with createdb's log tail) when the server
  // refuses, e.g. because the database exists.
  minutes::Status CreateDatabase(const std::string& name);

  int port() const { return port_; }
  // The temporary directory: data/ (the cluster), the Unix socket, and the *.log files.
  const std::string& dir() const { return dir_; }
  // The postmaster's process id, read from data/postmaster.pid after the start.
  pid_t postmaster_pid() const { return postmaster_pid_; }
  // The last `lines` lines of the server's log (dir()/server.log), for failure messages.
  std::string ServerLogTail(int lines = 20) const;

 private:
  PgServer() = default;

  // Everything below is constant after Start() returns.
  std::string bindir_;               // holds initdb, pg_ctl, createdb
  std::vector<std::string> run_as_;  // {"/usr/sbin/runuser", "-u", "postgres", "--"} as root
  std::string dir_;                  // the temporary directory, removed by the destructor
  int port_ = 0;
  pid_t postmaster_pid_ = 0;
  int watchdog_fd_ = -1;  // our end of the watchdog's socket pair
};

// True when the environment variable CI is set and not empty. Tests that need a server skip
// without one, except under CI, where they fail: CI must really run them.
bool RunningInCi();

// One server shared by every test of the process: started on the first call, stopped when the
// process exits (it is a function-local static, destroyed after main returns; a crash is left to
// the watchdog). Returns nullptr and sets *error when it cannot start; a failed start is not
// retried, later calls return the same error. Thread-safe (the first call starts it, others wait).
PgServer* SharedPgServer(std::string* error);

// Fixture for tests that need PostgreSQL:
//
//   class LoaderPgTest : public minutes_test::PgTest {};
//   TEST_F(LoaderPgTest, Inserts) {
//     Poco::Data::Session s("postgresql", ConnectionString());   // this test's own database
//     ...
//   }
//
// SetUp() takes SharedPgServer() and creates a fresh database for the test, named after it
// ("t<n>_<test name>", lower-cased, cut to 63 characters), so that tests sharing the server do not
// see each other's tables. Without a server it skips the test with the reason, or fails it when
// RunningInCi(). Registering Poco's connector is left to the test (the support library does not
// depend on Poco).
class PgTest : public ::testing::Test {
 protected:
  void SetUp() override;

  PgServer* pg() const { return pg_; }
  const std::string& dbname() const { return dbname_; }
  std::string ConnectionString() const { return pg_->ConnectionString(dbname_); }

 private:
  PgServer* pg_ = nullptr;  // owned by SharedPgServer()
  std::string dbname_;
};

}  // namespace minutes_test

#endif  // MINUTES_TESTS_SUPPORT_PG_SERVER_H_
