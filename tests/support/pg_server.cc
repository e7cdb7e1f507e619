#include "tests/support/pg_server.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <pwd.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <deque>
#include <filesystem>
#include <fstream>
#include <system_error>

extern char** environ;

namespace minutes_test {
namespace {

namespace fs = std::filesystem;

constexpr int kStartAttempts = 3;

bool IsExecutable(const std::string& path) { return ::access(path.c_str(), X_OK) == 0; }

bool HasServerBinaries(const std::string& bindir) {
  return IsExecutable(bindir + "/initdb") && IsExecutable(bindir + "/pg_ctl");
}

// The last `lines` lines of a file, or "" when it cannot be read.
std::string Tail(const std::string& path, int lines) {
  std::ifstream in(path);
  std::deque<std::string> last;
  for (std::string line; std::getline(in, line);) {
    last.push_back(line);
    if (static_cast<int>(last.size()) > lines) last.pop_front();
  }
  std::string out;
  for (const std::string& line : last) out += "  | " + line + "\n";
  return out;
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// "15" < "16", and "9.6" < "10": compare the leading number, then the text.
bool OlderVersion(const std::string& a, const std::string& b) {
  int na = std::atoi(a.c_str()), nb = std::atoi(b.c_str());
  return na != nb ? na < nb : a < b;
}

// The first line `command` prints, or "" (command missing, or failing).
std::string FirstLineOf(const char* command) {
  FILE* p = ::popen(command, "r");
  if (p == nullptr) return "";
  char buf[4096];
  std::string line;
  if (std::fgets(buf, sizeof buf, p) != nullptr) line = buf;
  ::pclose(p);
  while (!line.empty() && std::isspace(static_cast<unsigned char>(line.back()))) line.pop_back();
  return line;
}

// See the header for the search order.
std::string FindBinDir(std::string* why) {
  if (const char* env = std::getenv("MINUTES_PG_BINDIR"); env != nullptr && *env != '\0') {
    if (HasServerBinaries(env)) return env;
    *why = std::string("MINUTES_PG_BINDIR=") + env + " has no executable initdb and pg_ctl";
    return "";
  }
  std::vector<std::string> versions;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator("/usr/lib/postgresql", ec)) {
    if (HasServerBinaries(entry.path().string() + "/bin")) {
      versions.push_back(entry.path().filename().string());
    }
  }
  if (!versions.empty()) {
    return "/usr/lib/postgresql/" +
           *std::max_element(versions.begin(), versions.end(), OlderVersion) + "/bin";
  }
  if (std::string dir = FirstLineOf("pg_config --bindir 2>/dev/null"); HasServerBinaries(dir)) {
    return dir;
  }
  if (std::string initdb = FirstLineOf("command -v initdb 2>/dev/null"); !initdb.empty()) {
    std::string dir = fs::path(initdb).parent_path().string();
    if (HasServerBinaries(dir)) return dir;
  }
  *why =
      "no PostgreSQL server binaries (initdb, pg_ctl) in /usr/lib/postgresql/*/bin, "
      "`pg_config --bindir` or PATH; install Debian's `postgresql` package (setup.sh does) or set "
      "MINUTES_PG_BINDIR";
  return "";
}

std::string FindRunuser() {
  for (const char* p : {"/usr/sbin/runuser", "/sbin/runuser", "/usr/bin/runuser"}) {
    if (IsExecutable(p)) return p;
  }
  return "";
}

// A port that was free a moment ago: bind port 0 on 127.0.0.1 and ask which port the kernel gave.
// Another process may take it before the server binds it; Start() retries for that.
int FreePort(std::string* why) {
  int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0) {
    *why = std::string("socket: ") + std::strerror(errno);
    return 0;
  }
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = 0;
  socklen_t len = sizeof addr;
  int port = 0;
  if (::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0 &&
      ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len) == 0) {
    port = ntohs(addr.sin_port);
  } else {
    *why = std::string("cannot bind a port on 127.0.0.1: ") + std::strerror(errno);
  }
  ::close(fd);
  return port;
}

// Runs argv[0] (an absolute path) with stdin from /dev/null, stdout and stderr appended to `log`,
// in directory `cwd` (the server's tools fail in a directory the `postgres` user cannot read, such
// as /root). Returns its exit code, or -1 with *why set when it could not run or was killed.
int Run(const std::vector<std::string>& argv, const std::string& cwd, const std::string& log,
        std::string* why) {
  std::vector<char*> args;
  for (const std::string& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);

  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 1, log.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
  posix_spawn_file_actions_adddup2(&actions, 1, 2);
  posix_spawn_file_actions_addchdir_np(&actions, cwd.c_str());
  pid_t pid = 0;
  int rc = ::posix_spawn(&pid, args[0], &actions, nullptr, args.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (rc != 0) {
    *why = "cannot run " + argv[0] + ": " + std::strerror(rc);
    return -1;
  }
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0) {
    if (errno != EINTR) {
      *why = "waitpid for " + argv[0] + ": " + std::strerror(errno);
      return -1;
    }
  }
  if (WIFEXITED(status)) return WEXITSTATUS(status);
  *why = argv[0] + " was killed by signal " + std::to_string(WTERMSIG(status));
  return -1;
}

// The watchdog described in the header. $1 is the directory, $2 the data directory, $3 pg_ctl,
// and the rest the prefix to run pg_ctl with (runuser ... as root). The outer shell starts the
// watcher in the background and exits, so the watcher is re-parented away from this process; the
// watcher's stdin would be /dev/null (POSIX, for background jobs), hence the copy on fd 3.
constexpr char kWatchdogScript[] = R"sh(
dir=$1; data=$2; pgctl=$3; shift 3
exec 3<&0 </dev/null >/dev/null 2>&1
(
  trap '' HUP INT TERM PIPE
  IFS= read -r word <&3
  [ "$word" = done ] && exit 0
  if [ -f "$data/postmaster.pid" ]; then
    "$@" "$pgctl" -D "$data" -m fast -w -t 30 stop ||
      "$@" "$pgctl" -D "$data" -m immediate -w -t 30 stop
  fi
  rm -rf -- "$dir"
) &
)sh";

// Starts the watchdog; returns our end of its socket pair, or -1 with *why set.
int StartWatchdog(const std::string& dir, const std::string& data, const std::string& pg_ctl,
                  const std::vector<std::string>& run_as, std::string* why) {
  int fds[2];
  // CLOEXEC: no process we or anyone else in this process spawns may hold our end, or the
  // watchdog would not see end-of-file when we die. Its end becomes its stdin (dup2 clears it).
  if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, fds) != 0) {
    *why = std::string("socketpair: ") + std::strerror(errno);
    return -1;
  }
  std::vector<std::string> argv = {"/bin/sh", "-c", kWatchdogScript, "minutes-pg-watchdog",
                                   dir,       data, pg_ctl};
  argv.insert(argv.end(), run_as.begin(), run_as.end());
  std::vector<char*> args;
  for (const std::string& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);

  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, fds[1], 0);
  posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addchdir_np(&actions, "/");
  posix_spawnattr_t attr;
  posix_spawnattr_init(&attr);
  // Its own session: no terminal's Ctrl-C and no kill of our process group reaches it.
  posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETSID);
  pid_t pid = 0;
  int rc = ::posix_spawn(&pid, args[0], &actions, &attr, args.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  posix_spawnattr_destroy(&attr);
  ::close(fds[1]);
  if (rc != 0) {
    ::close(fds[0]);
    *why = std::string("cannot start the watchdog shell: ") + std::strerror(rc);
    return -1;
  }
  int status = 0;  // the outer shell exits at once; the watcher lives on, re-parented
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  return fds[0];
}

// A literal for pg_ctl's -o, which goes through /bin/sh: single quotes, ' itself escaped.
std::string ShellQuote(const std::string& s) {
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

bool ValidDatabaseName(const std::string& name) {
  if (name.empty() || name.size() > 63) return false;
  if (!(std::islower(static_cast<unsigned char>(name[0])) || name[0] == '_')) return false;
  return std::all_of(name.begin(), name.end(), [](unsigned char c) {
    return std::islower(c) || std::isdigit(c) || c == '_';
  });
}

}  // namespace

std::unique_ptr<PgServer> PgServer::Start(std::string* error) {
  std::string ignored;
  if (error == nullptr) error = &ignored;
  std::string why;

  std::unique_ptr<PgServer> server(new PgServer);
  server->bindir_ = FindBinDir(&why);
  if (server->bindir_.empty()) {
    *error = why;
    return nullptr;
  }

  const bool root = ::geteuid() == 0;
  const passwd* pw = nullptr;
  if (root) {
    pw = ::getpwnam("postgres");
    std::string runuser = FindRunuser();
    if (pw == nullptr || runuser.empty()) {
      *error =
          "running as root, and PostgreSQL refuses to: need the `postgres` user (Debian's "
          "postgresql package creates it) and runuser to run the server as that user";
      return nullptr;
    }
    server->run_as_ = {runuser, "-u", "postgres", "--"};
  }

  std::string base = "/tmp";
  if (const char* tmp = std::getenv("TMPDIR"); !root && tmp != nullptr && *tmp != '\0') base = tmp;
  std::string pattern = base + "/minutes-pg-XXXXXX";
  if (::mkdtemp(pattern.data()) == nullptr) {
    *error = "mkdtemp " + pattern + ": " + std::strerror(errno);
    return nullptr;
  }
  server->dir_ = pattern;  // from here on, the destructor removes it
  if (root && ::chown(server->dir_.c_str(), pw->pw_uid, pw->pw_gid) != 0) {
    *error = "chown " + server->dir_ + " to postgres: " + std::strerror(errno);
    return nullptr;
  }
  ::chmod(server->dir_.c_str(), 0700);

  const std::string& dir = server->dir_;
  const std::string data = dir + "/data";
  const std::string pg_ctl = server->bindir_ + "/pg_ctl";
  server->watchdog_fd_ = StartWatchdog(dir, data, pg_ctl, server->run_as_, &why);
  if (server->watchdog_fd_ < 0) {
    *error = why;
    return nullptr;
  }

  // --no-sync: durability of a throwaway cluster does not matter, and syncing is half of the time.
  std::vector<std::string> initdb = server->run_as_;
  initdb.insert(initdb.end(), {server->bindir_ + "/initdb", "-D", data, "-U", kUser, "--auth=trust",
                               "-E", "UTF8", "--locale=C", "--no-sync", "--no-instructions"});
  int rc = Run(initdb, dir, dir + "/initdb.log", &why);
  if (rc != 0) {
    *error = "initdb failed (" + (rc < 0 ? why : "exit " + std::to_string(rc)) + "); " + dir +
             "/initdb.log ends:\n" + Tail(dir + "/initdb.log", 20);
    return nullptr;
  }

  const std::string server_log = dir + "/server.log";
  for (int attempt = 1;; ++attempt) {
    server->port_ = FreePort(&why);
    if (server->port_ == 0) {
      *error = why;
      return nullptr;
    }
    // fsync and full-page writes off: nothing here must survive a power cut, and they cost time.
    std::string options = "-p " + std::to_string(server->port_) + " -k " + ShellQuote(dir) +
                          " -h 127.0.0.1 -c fsync=off -c full_page_writes=off" +
                          " -c synchronous_commit=off";
    std::vector<std::string> start = server->run_as_;
    start.insert(start.end(),
                 {pg_ctl, "-D", data, "-l", server_log, "-o", options, "-w", "-t", "60", "start"});
    rc = Run(start, dir, dir + "/pg_ctl.log", &why);
    if (rc == 0) break;
    std::string log = ReadFile(server_log);
    bool port_taken = log.find("could not bind") != std::string::npos ||
                      log.find("Address already in use") != std::string::npos;
    if (!port_taken || attempt == kStartAttempts) {
      *error = "pg_ctl start failed (" + (rc < 0 ? why : "exit " + std::to_string(rc)) + ", port " +
               std::to_string(server->port_) + ", attempt " + std::to_string(attempt) + "); " +
               dir + "/pg_ctl.log ends:\n" + Tail(dir + "/pg_ctl.log", 10) + server_log +
               " ends:\n" + Tail(server_log, 20);
      return nullptr;
    }
    ::unlink(server_log.c_str());  // a fresh log for the next attempt
  }
  server->postmaster_pid_ = std::atoi(ReadFile(data + "/postmaster.pid").c_str());

  minutes::Status s = server->CreateDatabase(kDefaultDatabase);
  if (!s.ok()) {
    *error = s.ToString();
    return nullptr;
  }
  return server;
}

PgServer::~PgServer() {
  bool clean = true;
  if (!dir_.empty()) {
    const std::string data = dir_ + "/data";
    std::error_code ec;
    if (fs::exists(data + "/postmaster.pid", ec)) {
      std::string why;
      std::vector<std::string> stop = run_as_;
      stop.insert(stop.end(),
                  {bindir_ + "/pg_ctl", "-D", data, "-m", "fast", "-w", "-t", "60", "stop"});
      if (Run(stop, dir_, dir_ + "/pg_ctl.log", &why) != 0) {
        stop = run_as_;
        stop.insert(stop.end(),
                    {bindir_ + "/pg_ctl", "-D", data, "-m", "immediate", "-w", "-t", "60", "stop"});
        clean = Run(stop, dir_, dir_ + "/pg_ctl.log", &why) == 0;
      }
    }
    fs::remove_all(dir_, ec);
    clean = clean && !ec;
  }
  if (watchdog_fd_ >= 0) {
    // Only when all is done may the watchdog stand down; otherwise end-of-file makes it retry.
    if (clean) ::send(watchdog_fd_, "done\n", 5, MSG_NOSIGNAL);
    ::close(watchdog_fd_);
  }
}

std::string PgServer::ConnectionString(const std::string& dbname) const {
  return "host=127.0.0.1 port=" + std::to_string(port_) + " user=" + kUser + " dbname=" + dbname;
}

std::string PgServer::Url(const std::string& dbname) const {
  return std::string("postgresql://") + kUser + "@127.0.0.1:" + std::to_string(port_) + "/" +
         dbname;
}

minutes::Status PgServer::CreateDatabase(const std::string& name) {
  if (!ValidDatabaseName(name)) {
    return minutes::Status::InvalidArgument("not a plain lower-case database name: \"" + name +
                                            "\"");
  }
  // createdb is a client: it runs as us, over TCP like the tests. Its own log per call, so that
  // concurrent calls do not mix their output.
  const std::string log = dir_ + "/createdb-" + name + ".log";
  std::string why;
  int rc = Run(
      {bindir_ + "/createdb", "-h", "127.0.0.1", "-p", std::to_string(port_), "-U", kUser, name},
      dir_, log, &why);
  if (rc != 0) {
    return minutes::Status::IoError("createdb " + name + " failed (" +
                                    (rc < 0 ? why : "exit " + std::to_string(rc)) + "):\n" +
                                    Tail(log, 10));
  }
  return minutes::Status::OK();
}

std::string PgServer::ServerLogTail(int lines) const { return Tail(dir_ + "/server.log", lines); }

bool RunningInCi() {
  const char* ci = std::getenv("CI");
  return ci != nullptr && *ci != '\0';
}

PgServer* SharedPgServer(std::string* error) {
  static std::string start_error;
  static std::unique_ptr<PgServer> server = PgServer::Start(&start_error);
  if (server == nullptr && error != nullptr) *error = start_error;
  return server.get();
}

void PgTest::SetUp() {
  std::string error;
  pg_ = SharedPgServer(&error);
  if (pg_ == nullptr) {
    if (RunningInCi()) {
      FAIL() << "CI is set, so PostgreSQL tests must run, but no server could be started: "
             << error;
    }
    GTEST_SKIP() << "no PostgreSQL server for this test (CI would fail here): " << error;
  }
  static int counter = 0;
  const ::testing::TestInfo* info = ::testing::UnitTest::GetInstance()->current_test_info();
  std::string name =
      "t" + std::to_string(++counter) + "_" + info->test_suite_name() + "_" + info->name();
  for (char& c : name) {
    c = std::isalnum(static_cast<unsigned char>(c))
            ? static_cast<char>(std::tolower(static_cast<unsigned char>(c)))
            : '_';
  }
  dbname_ = name.substr(0, 63);
  minutes::Status s = pg_->CreateDatabase(dbname_);
  ASSERT_TRUE(s.ok()) << s.ToString() << "\nserver log:\n" << pg_->ServerLogTail();
}

}  // namespace minutes_test
