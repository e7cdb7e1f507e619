#!/usr/bin/env bash
# harness.sh: minutes beside the floor and the readers people use, side by side in one run, on the
# same generated corpus of seed-sized Word notes (a benchmark: it checks nothing, ctest never runs
# it).
#
#   bash tests/bench/harness.sh                  # 1,000 notes
#   bash tests/bench/harness.sh --count 300 --install --keep
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
while [ $# -gt 0 ]; do
  case "$1" in
    --count) COUNT=$2; shift 2 ;;
    --install) INSTALL=1; shift ;;
    --keep) KEEP=1; shift ;;
    *) echo "usage: tests/bench/harness.sh [--count N] [--install] [--keep]" >&2; exit 2 ;;
  esac
done
BUILD=$ROOT/build-bench
cmake -S "$ROOT" -B "$BUILD" -DCMAKE_BUILD_TYPE=Release -DMINUTES_BUILD_BENCHMARKS=ON \
  -DMINUTES_BUILD_TESTS=OFF >/dev/null
# stage_bench is not run here (build-bench/tests/bench/stage_bench: each stage per MB), only kept
# building.
cmake --build "$BUILD" -j"$(nproc)" --target minutes floor stage_bench >"$BUILD/harness-build.log" 2>&1 ||
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
# run NAME DOCS CMD...: times CMD, prints a table row.
run() {
  local name=$1 docs=$2; shift 2
  local t0 t1 rss
  t0=$(date +%s.%N)
  local rc=0
  /usr/bin/time -f "%M" -o "$WORK/rss" "$@" >/dev/null 2>"$WORK/err" || rc=$?
  # minutes exits 1 for notes with findings to fix: still a result.
  if [ "$rc" -gt 1 ]; then echo "| $name | failed ($rc): $(head -c 200 "$WORK/err") |"; return; fi
  t1=$(date +%s.%N)
  rss=$(tail -1 "$WORK/rss")
  python3 - "$name" "$docs" "$t0" "$t1" "$rss" "$BYTES" "$COUNT" "${FLOOR_RATE:-0}" "$WORK/rate" <<'PY'
import sys
name, docs, t0, t1, rss, nbytes, count, floor, rate_file = sys.argv[1:]
docs, secs = int(docs), float(t1) - float(t0)
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
run "minutes batch --jobs 1" "$COUNT" "$BUILD/minutes" batch "$WORK/corpus" --out "$WORK/out1" --jobs 1 --quiet
run "minutes batch --jobs 2" "$COUNT" "$BUILD/minutes" batch "$WORK/corpus" --out "$WORK/out2" --jobs 2 --quiet
run "minutes extract --jsonl (1 process)" "$COUNT" "$BUILD/minutes" extract --jsonl "${FILES[@]}"
if [ -d "$BUILD/node_modules/mammoth" ]; then
  cat >"$WORK/mammoth.js" <<'JS'
const mammoth = require(process.argv[2]);
(async () => { for (const f of process.argv.slice(3)) await mammoth.extractRawText({path: f}); })();
JS
  run "mammoth extractRawText (1 node process)" "$COUNT" node "$WORK/mammoth.js" "$BUILD/node_modules/mammoth" "${FILES[@]}"
else
  echo "| mammoth | not installed (--install) |"
fi
if command -v pandoc >/dev/null; then
  N=$((COUNT < 100 ? COUNT : 100))
  printf '%s\n' "${FILES[@]:0:$N}" >"$WORK/pandoc.list"
  run "pandoc -t plain (1 process per file)" "$N" sh -c 'while read -r f; do pandoc -t plain "$f" >/dev/null; done <"$1"' sh "$WORK/pandoc.list"
else
  echo "| pandoc | not installed (--install) |"
fi
