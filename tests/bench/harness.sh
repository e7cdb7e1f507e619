#!/usr/bin/env bash
# harness.sh: minutes beside the floor and the readers people use, side by side in one run, on the
# same generated corpus of seed-sized Word notes (a benchmark: it checks nothing, ctest never runs
# it).
#
#   bash tests/bench/harness.sh                  # 1,000 notes
#   bash tests/bench/harness.sh --count 300 --install --keep
#   bash tests/bench/harness.sh --compare /tmp/minutes-before   # adds rows for another build
#   --repeat N: N rounds (3 by default), each running every tool once
#
# It builds build-bench (Release, with the benchmarks), writes the corpus with make_docx_corpus.py
# (every file a seed DOCX with its Word template parts, its digits changed), then runs over it:
#   floor             unzip document/styles/numbering.xml, SAX-parse them, extract nothing (floor.cc)
#   minutes batch -j1 / -j2   the whole contract: JSON Lines, CSV tables, manifest
#   minutes extract   one process, --jsonl, every file
#   mammoth           raw text only, one node process for all files (when installed)
#   pandoc            plain text, one process per file (when installed; the first 100 files)
# and prints a markdown table: documents, seconds, documents/s, MB/s of DOCX read, peak RSS, CPU
# seconds (user + system, worker processes included) and the ratio to the floor. --install first installs pandoc (Debian) and mammoth (npm, into
# build-bench/node_modules). Timings are wall-clock on whatever else the machine is doing: run it
# on an idle machine.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
COUNT=1000
INSTALL=""
KEEP=""
COMPARE=""
REPEAT=3
while [ $# -gt 0 ]; do
  case "$1" in
    --count) COUNT=$2; shift 2 ;;
    --install) INSTALL=1; shift ;;
    --keep) KEEP=1; shift ;;
    --compare) COMPARE=$2; shift 2 ;;
    --repeat) REPEAT=$2; shift 2 ;;
    *) echo "usage: tests/bench/harness.sh [--count N] [--install] [--keep] [--compare MINUTES] [--repeat N]" >&2; exit 2 ;;
  esac
done
BUILD=$ROOT/build-bench
cmake -S "$ROOT" -B "$BUILD" -DCMAKE_BUILD_TYPE=Release -DMINUTES_BUILD_BENCHMARKS=ON \
  -DMINUTES_BUILD_TESTS=OFF >/dev/null
# stage_bench is not run here (build-bench/tests/bench/stage_bench: each stage per MB), only kept
# building.
cmake --build "$BUILD" -j"$(nproc)" --target minutes floor stage_bench ingest_bench >"$BUILD/harness-build.log" 2>&1 ||
  { tail -20 "$BUILD/harness-build.log" >&2; exit 1; }
if [ -n "$INSTALL" ]; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO=sudo
  command -v pandoc >/dev/null || $SUDO apt-get install -y -qq pandoc >/dev/null
  [ -d "$BUILD/node_modules/mammoth" ] ||
    npm install --prefix "$BUILD" --no-audit --no-fund --loglevel=error mammoth >/dev/null
fi

WORK=$(mktemp -d /tmp/minutes-harness.XXXXXX)
[ -z "$KEEP" ] && trap 'rm -rf "$WORK"' EXIT
python3 "$ROOT/tests/bench/make_docx_corpus.py" --count "$COUNT" --out "$WORK/corpus" 2>/dev/null
FILES=("$WORK"/corpus/*.docx)
BYTES=$(cat "${FILES[@]}" | wc -c)

# The machine's speed drifts (a VM on a shared host: the same run took 3.0 s, then 4.9 s, minutes
# apart), so the tools are timed in rounds, each round running every tool once, one after another;
# a tool's ratio to the floor is the median over rounds of its time beside the floor's in that
# round, and its seconds are its fastest round.
TIMES=$WORK/times.tsv
: >"$TIMES"
# time_once NAME DOCS CMD...: runs CMD once (from a clean $WORK/out-*), appends a line to $TIMES:
# name, documents, round, wall seconds, peak RSS KB, CPU seconds (user + system, children too).
time_once() {
  local name=$1 docs=$2; shift 2
  rm -rf "$WORK"/out-*
  local t0 t1 rc=0
  t0=$(date +%s.%N)
  /usr/bin/time -f "%M %U %S" -o "$WORK/rusage" "$@" >/dev/null 2>"$WORK/err" || rc=$?
  t1=$(date +%s.%N)
  # minutes exits 1 for notes with findings to fix: still a result.
  if [ "$rc" -gt 1 ]; then
    echo "harness: $name failed ($rc): $(head -c 200 "$WORK/err")" >&2
    return
  fi
  read -r rss user sys <<<"$(tail -1 "$WORK/rusage")"
  printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$name" "$docs" "$ROUND" \
    "$(python3 -c "print(float('$t1') - float('$t0'))")" "$rss" \
    "$(python3 -c "print($user + $sys)")" >>"$TIMES"
}

echo
echo "$COUNT distinct seed-sized DOCX notes, $((BYTES / COUNT)) bytes each on average; $(nproc) cores: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
echo
"$BUILD/tests/bench/floor" "${FILES[@]}" 2>/dev/null  # warm the page cache and the libraries
for ((ROUND = 0; ROUND < REPEAT; ROUND++)); do
  time_once "floor (unzip + SAX2, 3 parts)" "$COUNT" "$BUILD/tests/bench/floor" "${FILES[@]}"
  time_once "minutes batch --jobs 1" "$COUNT" "$BUILD/minutes" batch "$WORK/corpus" --out "$WORK/out-1" --jobs 1 --quiet
  time_once "minutes batch --jobs 2" "$COUNT" "$BUILD/minutes" batch "$WORK/corpus" --out "$WORK/out-2" --jobs 2 --quiet
  time_once "minutes extract --jsonl (1 process)" "$COUNT" "$BUILD/minutes" extract --jsonl "${FILES[@]}"
  if [ -n "$COMPARE" ]; then  # another build (e.g. before a change), same corpus, same rounds
    time_once "compared: batch --jobs 1" "$COUNT" "$COMPARE" batch "$WORK/corpus" --out "$WORK/out-c1" --jobs 1 --quiet
    time_once "compared: batch --jobs 2" "$COUNT" "$COMPARE" batch "$WORK/corpus" --out "$WORK/out-c2" --jobs 2 --quiet
  fi
done
# The slow readers run once, on a sample, in the last round: their rate is steady and they take
# minutes.
ROUND=$((REPEAT - 1))
if [ -d "$BUILD/node_modules/mammoth" ]; then
  cat >"$WORK/mammoth.js" <<'JS'
const mammoth = require(process.argv[2]);
(async () => { for (const f of process.argv.slice(3)) await mammoth.extractRawText({path: f}); })();
JS
  M=$((COUNT < 200 ? COUNT : 200))
  time_once "mammoth extractRawText (1 node process)" "$M" node "$WORK/mammoth.js" "$BUILD/node_modules/mammoth" "${FILES[@]:0:$M}"
else
  echo "harness: mammoth not installed (--install adds it)" >&2
fi
if command -v pandoc >/dev/null; then
  N=$((COUNT < 100 ? COUNT : 100))
  printf '%s\n' "${FILES[@]:0:$N}" >"$WORK/pandoc.list"
  time_once "pandoc -t plain (1 process per file)" "$N" sh -c 'while read -r f; do pandoc -t plain "$f" >/dev/null; done <"$1"' sh "$WORK/pandoc.list"
else
  echo "harness: pandoc not installed (--install adds it)" >&2
fi

python3 - "$TIMES" "$BYTES" "$COUNT" <<'PY'
import statistics, sys
times, nbytes, count = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
rows = {}  # name -> [(docs, round, secs, rss_kb, cpu)]
for line in open(times):
    name, docs, rnd, secs, rss, cpu = line.rstrip("\n").split("\t")
    rows.setdefault(name, []).append((int(docs), int(rnd), float(secs), int(rss), float(cpu)))
floor_name = next(iter(rows))
floor_by_round = {r: docs / secs for docs, r, secs, _, _ in rows[floor_name]}
print("| tool | documents | seconds | documents/s | MB/s | peak RSS MB | CPU s | × floor |")
print("|---|---|---|---|---|---|---|---|")
for name, runs in rows.items():
    docs, _, secs, rss, cpu = min(runs, key=lambda x: x[2])
    ratio = statistics.median(d / s / floor_by_round[r] for d, r, s, _, _ in runs)
    print("| %s | %d | %.2f | %.1f | %.2f | %.0f | %.2f | %.2f |" % (
        name, docs, secs, docs / secs, nbytes * docs / count / secs / 1e6, rss / 1024, cpu, ratio))
one, two = rows.get("minutes batch --jobs 1"), rows.get("minutes batch --jobs 2")
if one and two:
    by_round = {r: s for _, r, s, _, _ in one}
    print("\nminutes batch, 2 workers over 1 (median of the rounds): %.2f×" % statistics.median(
        by_round[r] / s for _, r, s, _, _ in two if r in by_round))
PY
