#!/usr/bin/env bash
# setup.sh: install what minutes needs on Debian 12, build it, and run a job.
#
#   bash setup.sh            install the Debian packages (if missing) and build into ./build
#   bash setup.sh samples    ... then run the main job on the bundled seed notes and print it
#   bash setup.sh test       ... then run every test with ctest, then build everything again with
#                            clang, ASan and UBSan into ./build-san, run every test there too, and
#                            run each fuzz target for a fixed number of executions (what CI runs)
#   bash setup.sh test-fast  ... the first half of `test` only: build and ctest in ./build
#
# Idempotent: packages already installed are not touched, and the build is incremental.
# Installing needs root (or sudo); nothing is downloaded except Debian packages.
set -euo pipefail
cd "$(dirname "$0")"

PACKAGES=(
  build-essential cmake pkg-config
  libpoco-dev libxml2-dev libicu-dev libre2-dev libsqlite3-dev
  nettle-dev  # SHA-256 of every input, without loading Poco at start-up
  libpoppler-cpp-dev zlib1g-dev   # the PDF reader (poppler's C++ API) and its stream-size guard
  wbritish                        # the word list that rejoins words a PDF broke without a hyphen
  libpq-dev   # Poco's PostgreSQL connector includes <libpq-fe.h>; libpoco-dev does not pull it in
  postgresql  # the server the tests start and stop themselves (tests/support/pg_server.h)
  libgtest-dev libgmock-dev libbenchmark-dev
  python3 python3-jsonschema
  chromium    # the upload page's browser test (driven by playwright-core from npm, tests/browser)
  nodejs
  clang libclang-rt-14-dev  # the sanitizer build and the libFuzzer targets (tests/fuzz) of `test`
)

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

JOBS=$(nproc 2>/dev/null || echo 2)
if [ ! -f build/CMakeCache.txt ]; then
  cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
fi
if ! cmake --build build -j"$JOBS" >build/build.log 2>&1; then
  grep -E 'error|Error' build/build.log | head -40 >&2
  echo "setup: build failed (full log: build/build.log)" >&2
  exit 1
fi

# The whole suite again, built by clang with AddressSanitizer and UndefinedBehaviorSanitizer (no
# recovery: the first report aborts) and libFuzzer's coverage instrumentation, in ./build-san; then
# ctest there, which also runs each fuzz target for a fixed number of executions (fuzz_smoke.*).
# Every sanitizer report, from a test or from a program a test started (`minutes`, `minutes serve`,
# batch workers), is written to build-san/sanitizer-reports/ and fails the run.
sanitized_tests() {
  if [ ! -f build-san/CMakeCache.txt ]; then
    CC=clang CXX=clang++ cmake -S . -B build-san -DCMAKE_BUILD_TYPE=RelWithDebInfo \
      -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -gline-tables-only" \
      -DMINUTES_SANITIZE=ON -DMINUTES_BUILD_FUZZERS=ON >/dev/null
  fi
  cmake -S . -B build-san >/dev/null  # registers the browser test when its module is there
  # Leak checks stay on; the suppressions (third-party code only) say why each is there.
  local reports="$PWD/build-san/sanitizer-reports"
  rm -rf "$reports" && mkdir -p "$reports"
  export ASAN_OPTIONS="detect_leaks=1:abort_on_error=0:exitcode=86:log_path=$reports/report"
  export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1:exitcode=86:log_path=$reports/report"
  export LSAN_OPTIONS="suppressions=$PWD/tests/lsan.supp:print_suppressions=0"
  if ! cmake --build build-san -j"$JOBS" >build-san/build.log 2>&1; then
    grep -E 'error|Error' build-san/build.log | head -40 >&2
    cat "$reports"/* 2>/dev/null | head -80 >&2
    echo "setup: sanitizer build failed (full log: build-san/build.log)" >&2
    exit 1
  fi
  local status=0
  (cd build-san && ctest --output-on-failure -j"$JOBS" --timeout 600) || status=$?
  if compgen -G "$reports/*" >/dev/null; then
    echo "setup: sanitizer reports (build-san/sanitizer-reports/):" >&2
    for f in "$reports"/*; do
      echo "==> $f <==" >&2
      head -60 "$f" >&2
    done
    status=1
  fi
  return $status
}

case "${1:-build}" in
  build) ;;
  samples)
    # The main job: extract both seed notes (text and Word renditions) and print the JSON.
    for f in samples/seeds/*.txt samples/seeds/*.docx; do
      echo "==> $f <=="
      # Exit 1 means "read, with findings to fix": still a result, not a failure of the job.
      build/minutes extract "$f" || [ $? -eq 1 ]
    done
    ;;
  test | test-fast)
    # The browser test's driver: playwright-core from the npm registry, pinned by package-lock.json
    # (it uses Debian's Chromium; no browser is downloaded).
    if { command -v npm >/dev/null 2>&1 || $SUDO apt-get install -y -qq npm >/dev/null 2>&1; } &&
      npm ci --prefix tests/browser --no-audit --no-fund --loglevel=error >/dev/null; then
      cmake -S . -B build >/dev/null  # the browser test is registered once its module is there
    else
      echo "setup: npm could not install playwright-core: the browser test is left out" >&2
    fi
    (cd build && ctest --output-on-failure -j"$JOBS" --timeout 600)
    if [ "$1" = test ]; then
      sanitized_tests
    fi
    ;;
  *)
    echo "usage: bash setup.sh [build|samples|test|test-fast]" >&2
    exit 2
    ;;
esac
