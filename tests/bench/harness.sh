#!/usr/bin/env bash
# harness.sh: minutes beside the floor and the readers people use, side by side in one run, on the
# same generated corpus of seed-sized Word notes (a benchmark: it checks nothing, ctest never runs
# it).
#
#   bash tests/bench/harness.sh                  # 1,000 notes
#   bash tests/bench/harness.sh --count 300 --install --keep
#   bash tests/bench/harness.sh --compare /tmp/minutes-before   # adds rows for another build
#   --repeat N: each row is the fastest of N runs (3 by default)
#
# It builds build-bench (Release, with the benchmarks), writes the corpus with make_docx_corpus.py
# (every file a seed DOCX with its Word template parts, its digits changed), then runs over it:
#   floor             unzip document/styles/numbering.xml, SAX-parse them, extract nothing (floor.cc)
#   minutes batch -j1 / -j2   the whole contract: JSON Lines, CSV tables, manifest
#   minutes extract   one process, --jsonl, every file
#   mammoth           raw text only, one node process for all files (when installed)
#   pandoc            plain text, one process per file (when installed; the first 100 files)
# and prints a markdown table: documents, seconds, documents/s, MB/s of DOCX read, peak RSS and the
# ratio to the floor. --install first installs pandoc (Debian) and mammoth (npm, into
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

FLOOR_RATE=""
# run NAME DOCS CMD...: times CMD $REPEAT times (each from a clean $WORK/out-*), prints a table row
# with the fastest run: on a shared machine the fastest is the one least disturbed.
run() {
  local name=$1 docs=$2; shift 2
  local t0 t1 rss best="" best_rss=0 rep
  for ((rep = 0; rep < REPEAT; rep++)); do
    rm -rf "$WORK"/out-*
    t0=$(date +%s.%N)
    local rc=0
    /usr/bin/time -f "%M" -o "$WORK/rss" "$@" >/dev/null 2>"$WORK/err" || rc=$?
    # minutes exits 1 for notes with findings to fix: still a result.
    if [ "$rc" -gt 1 ]; then echo "| $name | failed ($rc): $(head -c 200 "$WORK/err") |"; return; fi
    t1=$(date +%s.%N)
    rss=$(tail -1 "$WORK/rss")
    secs=$(python3 -c "print(float('$t1') - float('$t0'))")
    if [ -z "$best" ] || python3 -c "import sys; sys.exit(0 if $secs < $best else 1)"; then
      best=$secs
      best_rss=$rss
    fi
  done
  python3 - "$name" "$docs" "$best" "$best_rss" "$BYTES" "$COUNT" "${FLOOR_RATE:-0}" "$WORK/rate" <<'PY'
import sys
name, docs, secs, rss, nbytes, count, floor, rate_file = sys.argv[1:]
docs, secs = int(docs), float(secs)
rate = docs / secs
mbs = int(nbytes) * docs / int(count) / secs / 1e6
ratio = "%.2f" % (rate / float(floor)) if float(floor) > 0 else "1.00"
print("| %s | %d | %.2f | %.1f | %.2f | %.0f | %s |" % (name, docs, secs, rate, mbs, int(rss) / 1024, ratio))
open(rate_file, "w").write(str(rate))
PY
}

echo
echo "$COUNT distinct seed-sized DOCX notes, $((BYTES / COUNT)) bytes each on average; $(nproc) cores: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
echo
echo "| tool | documents | seconds | documents/s | MB/s | peak RSS MB | × floor |"
echo "|---|---|---|---|---|---|---|"
"$BUILD/tests/bench/floor" "${FILES[@]}" 2>/dev/null  # warm the page cache and the libraries
run "floor (unzip + SAX2, 3 parts)" "$COUNT" "$BUILD/tests/bench/floor" "${FILES[@]}"
FLOOR_RATE=$(cat "$WORK/rate")
run "minutes batch --jobs 1" "$COUNT" "$BUILD/minutes" batch "$WORK/corpus" --out "$WORK/out-1" --jobs 1 --quiet
run "minutes batch --jobs 2" "$COUNT" "$BUILD/minutes" batch "$WORK/corpus" --out "$WORK/out-2" --jobs 2 --quiet
run "minutes extract --jsonl (1 process)" "$COUNT" "$BUILD/minutes" extract --jsonl "${FILES[@]}"
if [ -n "$COMPARE" ]; then  # another build (e.g. before a change), same corpus, same run
  run "compared: batch --jobs 1" "$COUNT" "$COMPARE" batch "$WORK/corpus" --out "$WORK/out-c1" --jobs 1 --quiet
  run "compared: batch --jobs 2" "$COUNT" "$COMPARE" batch "$WORK/corpus" --out "$WORK/out-c2" --jobs 2 --quiet
fi
if [ -d "$BUILD/node_modules/mammoth" ]; then
  cat >"$WORK/mammoth.js" <<'JS'
const mammoth = require(process.argv[2]);
(async () => { for (const f of process.argv.slice(3)) await mammoth.extractRawText({path: f}); })();
JS
  # The slow readers run once, on a sample: their rate is steady and they take minutes.
  M=$((COUNT < 200 ? COUNT : 200))
  REPEAT=1 run "mammoth extractRawText (1 node process)" "$M" node "$WORK/mammoth.js" "$BUILD/node_modules/mammoth" "${FILES[@]:0:$M}"
else
  echo "| mammoth | not installed (--install) |"
fi
if command -v pandoc >/dev/null; then
  N=$((COUNT < 100 ? COUNT : 100))
  printf '%s\n' "${FILES[@]:0:$N}" >"$WORK/pandoc.list"
  REPEAT=1 run "pandoc -t plain (1 process per file)" "$N" sh -c 'while read -r f; do pandoc -t plain "$f" >/dev/null; done <"$1"' sh "$WORK/pandoc.list"
else
  echo "| pandoc | not installed (--install) |"
fi
