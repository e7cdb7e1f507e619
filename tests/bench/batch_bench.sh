#!/usr/bin/env bash
# batch_bench.sh: throughput and peak memory of minutes over generated corpora (a benchmark, not a
# test: it checks nothing and is never run by ctest).
#
#   cmake -S . -B build-bench -DMINUTES_BUILD_BENCHMARKS=ON && cmake --build build-bench
#   tests/bench/batch_bench.sh                       # 1,000 and 10,000 documents, seed 1
#   tests/bench/batch_bench.sh --sizes 1000 --jobs 2 --seed 7
#
# For each size it writes a corpus with make_corpus (seeded, so every run reads the same bytes),
# then runs, under /usr/bin/time -v,
#   batch:    minutes batch CORPUS --out OUT --jobs N --quiet      (when `minutes batch --help` works)
#   fallback: find CORPUS -name '*.txt' -o -name '*.docx' | xargs -P N -n CHUNK minutes extract --jsonl
# and prints one row per run: documents, jobs, wall seconds, documents per second and peak RSS.
#
# Peak RSS, three ways:
#   all_mb     the largest RSS of the process and of every child it waited for (time -v's
#              "Maximum resident set size", from wait4): exact.
#   parent_mb  VmHWM of the top process (minutes batch; xargs in the fallback), sampled every
#              0.2 s until it exits: exact unless it peaks in its last 0.2 s.
#   worker_mb  the largest VmHWM of its descendant processes, sampled likewise: a worker that lives
#              less than 0.2 s can be missed. "-" when there were none (workers are threads).
#
# The corpus is fresh in the page cache when it is read (it has just been written), so the numbers
# are for warm reads. Needs /usr/bin/time (Debian package `time`).
set -euo pipefail

usage() {
  cat <<'EOF'
usage: tests/bench/batch_bench.sh [options]
  --build DIR        build folder with minutes and tests/bench/make_corpus (default: build-bench)
  --sizes "N ..."    corpus sizes in documents (default: "1000 10000")
  --jobs N           parallel workers (default: nproc)
  --seed S           corpus seed (default: 1)
  --docx-share X     share of DOCX files (default: 0.3)
  --with-bad         add corrupt, empty and binary files to each corpus
  --mode M           auto (batch if available, else fallback), batch, or fallback (default: auto)
  --chunk N          files per `minutes extract` process in the fallback (default: 100)
  --work DIR         where corpora and outputs go (default: a new folder under /tmp, removed after)
  --keep             keep the work folder
EOF
}

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
BUILD=build-bench
SIZES="1000 10000"
JOBS=$(nproc 2>/dev/null || echo 2)
SEED=1
DOCX_SHARE=0.3
WITH_BAD=""
MODE=auto
CHUNK=100
WORK=""
KEEP=""
while [ $# -gt 0 ]; do
  case "$1" in
    --build) BUILD=$2; shift 2 ;;
    --sizes) SIZES=$2; shift 2 ;;
    --jobs) JOBS=$2; shift 2 ;;
    --seed) SEED=$2; shift 2 ;;
    --docx-share) DOCX_SHARE=$2; shift 2 ;;
    --with-bad) WITH_BAD=--with-bad; shift ;;
    --mode) MODE=$2; shift 2 ;;
    --chunk) CHUNK=$2; shift 2 ;;
    --work) WORK=$2; shift 2 ;;
    --keep) KEEP=1; shift ;;
    -h|--help) usage; exit 0 ;;
    *) echo "batch_bench: unknown option $1" >&2; usage >&2; exit 2 ;;
  esac
done

case "$BUILD" in /*) ;; *) BUILD="$ROOT/$BUILD" ;; esac
MINUTES="$BUILD/minutes"
MAKE_CORPUS="$BUILD/tests/bench/make_corpus"
for f in "$MINUTES" "$MAKE_CORPUS"; do
  if [ ! -x "$f" ]; then
    echo "batch_bench: $f not found; build with:" >&2
    echo "  cmake -S . -B build-bench -DMINUTES_BUILD_BENCHMARKS=ON && cmake --build build-bench" >&2
    exit 2
  fi
done
if [ ! -x /usr/bin/time ]; then
  echo "batch_bench: needs /usr/bin/time for peak memory (apt-get install time)" >&2
  exit 2
fi

HAVE_BATCH=""
if "$MINUTES" batch --help >/dev/null 2>&1; then HAVE_BATCH=1; fi
case "$MODE" in
  auto) if [ -n "$HAVE_BATCH" ]; then MODE=batch; else MODE=fallback; fi ;;
  batch)
    if [ -z "$HAVE_BATCH" ]; then
      echo "batch_bench: '$MINUTES batch' is not available (use --mode fallback)" >&2
      exit 2
    fi ;;
  fallback) ;;
  *) echo "batch_bench: --mode is auto, batch or fallback" >&2; exit 2 ;;
esac

if [ -z "$WORK" ]; then
  WORK=$(mktemp -d /tmp/batch_bench.XXXXXX)
  [ -n "$KEEP" ] || trap 'rm -rf "$WORK"' EXIT
fi
mkdir -p "$WORK"

# VmHWM (kB) of process $1, 0 once it is gone. Pure bash: the sampler must not load the machine.
hwm() {
  local key value rest
  while read -r key value rest; do
    if [ "$key" = "VmHWM:" ]; then echo "$value"; return; fi
  done 2>/dev/null <"/proc/$1/status" || true
  echo 0
}

# Every descendant of process $1.
descendants() {
  local child
  for child in $(cat /proc/"$1"/task/*/children 2>/dev/null); do
    echo "$child"
    descendants "$child"
  done
}

# Samples the peak memory of the process /usr/bin/time (pid $1) runs, and of that process's
# descendants, until it exits; prints "parent_kb worker_kb" (worker_kb is - without descendants).
sample_rss() {
  local tpid=$1 top="" parent_kb=0 worker_kb=- v p
  while kill -0 "$tpid" 2>/dev/null; do
    [ -n "$top" ] || top=$(cat /proc/"$tpid"/task/*/children 2>/dev/null | awk '{print $1}')
    if [ -n "$top" ]; then
      v=$(hwm "$top")
      [ "$v" -gt "$parent_kb" ] && parent_kb=$v
      for p in $(descendants "$top"); do
        v=$(hwm "$p")
        if [ "$worker_kb" = - ] || [ "$v" -gt "$worker_kb" ]; then worker_kb=$v; fi
      done
    fi
    sleep 0.2
  done
  echo "$parent_kb $worker_kb"
}

mb() { if [ "$1" = - ]; then echo -; else awk -v k="$1" 'BEGIN { printf "%.1f", k / 1024 }'; fi; }

ROWS=()
for N in $SIZES; do
  CORPUS="$WORK/corpus-$N-seed$SEED"
  if [ ! -d "$CORPUS" ]; then
    echo "== generating $N documents (seed $SEED) into $CORPUS" >&2
    "$MAKE_CORPUS" --out "$CORPUS" --count "$N" --seed "$SEED" --docx-share "$DOCX_SHARE" \
      $WITH_BAD >&2
  fi
  DOCS=$(find "$CORPUS" -type f | wc -l)
  # OUT is the command's output folder (batch creates it); LOGS holds what the harness records.
  OUT="$WORK/out-$N-$MODE"
  LOGS="$WORK/logs-$N-$MODE"
  rm -rf "$OUT" "$LOGS"
  mkdir -p "$LOGS"
  TIMES="$LOGS/time.txt"
  echo "== $MODE: $DOCS documents, $JOBS jobs" >&2

  START=$(date +%s.%N)
  set +e
  if [ "$MODE" = batch ]; then
    /usr/bin/time -v -o "$TIMES" "$MINUTES" batch "$CORPUS" --out "$OUT" --jobs "$JOBS" --quiet \
      >"$LOGS/stdout.txt" 2>"$LOGS/stderr.txt" &
  else
    # Fallback until `minutes batch` exists: the same files through `minutes extract`, CHUNK files
    # per process, JOBS processes at once, each writing its own JSON Lines file.
    mkdir -p "$OUT"
    find "$CORPUS" -type f \( -name '*.txt' -o -name '*.docx' \) -print0 |
      /usr/bin/time -v -o "$TIMES" xargs -0 -P "$JOBS" -n "$CHUNK" \
        sh -c 'exec "$0" extract --jsonl "$@" >"'"$OUT"'/part.$$.jsonl"' "$MINUTES" \
        2>"$LOGS/stderr.txt" &
  fi
  TPID=$!
  RSS=$(sample_rss "$TPID")
  wait "$TPID"
  STATUS=$?
  set -e
  END=$(date +%s.%N)

  WALL=$(awk -v a="$START" -v b="$END" 'BEGIN { printf "%.2f", b - a }')
  RATE=$(awk -v n="$DOCS" -v w="$WALL" 'BEGIN { printf "%.1f", (w > 0 ? n / w : 0) }')
  ALL_KB=$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$TIMES")
  read -r PARENT_KB WORKER_KB <<<"$RSS"
  if [ "$MODE" = batch ]; then
    WRITTEN=$(wc -l <"$OUT/documents.jsonl" 2>/dev/null || echo "?")
    SKIPPED=$(($(wc -l <"$OUT/skipped.csv" 2>/dev/null || echo 1) - 1))
    FAILED=$(($(wc -l <"$OUT/errors.csv" 2>/dev/null || echo 1) - 1))
    LABEL="batch"
  else
    WRITTEN=$(cat "$OUT"/part.*.jsonl 2>/dev/null | wc -l)
    SKIPPED=0
    FAILED=$(grep -c '^minutes: ' "$LOGS/stderr.txt" || true)
    LABEL="fallback:extract|xargs"
  fi
  ROWS+=("$(printf '%-24s %9s %4s %8s %8s %8s %9s %9s %7s %7s %6s %4s' "$LABEL" "$DOCS" "$JOBS" \
    "$WALL" "$RATE" "$(mb "$ALL_KB")" "$(mb "$PARENT_KB")" "$(mb "$WORKER_KB")" "$WRITTEN" \
    "$SKIPPED" "$FAILED" "$STATUS")")
done

echo
if [ "$MODE" = fallback ]; then
  echo "FALLBACK: 'minutes batch' is not used (not available, or --mode fallback); these rows"
  echo "measure 'minutes extract --jsonl' over the same files, $CHUNK per process, $JOBS at a time."
fi
printf '%-24s %9s %4s %8s %8s %8s %9s %9s %7s %7s %6s %4s\n' path documents jobs wall_s docs/s \
  all_mb parent_mb worker_mb written skipped failed exit
for row in "${ROWS[@]}"; do echo "$row"; done
[ -z "$KEEP" ] || echo "(work folder kept: $WORK)"
