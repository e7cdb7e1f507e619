#!/bin/sh
# Installs the build into a temporary prefix and runs the installed program from outside the source
# tree with MINUTES_DATA_DIR unset: it must find its register under <prefix>/share/minutes/data, not
# the source tree's (the installed PROVENANCE.md is given a version of its own, which the output
# then reports), and `minutes schema` must equal the installed schema file. Also checks that only
# the program, its modules, its data and the unit are installed (no tests), and that the installed
# program finds its modules under <prefix>/lib/minutes: it reads a PDF (minutes_pdf.so) and a Word
# document (minutes_xml.so; the program itself links no libxml2), refuses each in one line naming
# the module once that is removed, loads notes into SQLite (`load` is in
# minutes_commands.so) and, when Debian's postgresql package is installed, into a throwaway
# PostgreSQL server (minutes_pg.so).
#
# usage: install_test.sh BUILD_DIR SOURCE_DIR [CMAKE]
set -eu
build=$1
src=$2
cmake=${3:-cmake}

tmp=$(mktemp -d)
pg=""
pg_ctl=""
run_as=""
cleanup() {
  if [ -n "$pg_ctl" ]; then (cd "$pg" && $run_as "$pg_ctl" -D "$pg/data" -m fast -w stop >/dev/null 2>&1 || true); fi
  rm -rf "$tmp"
  [ -z "$pg" ] || rm -rf "$pg"
}
trap cleanup EXIT
prefix=$tmp/prefix
fail() { echo "install_test: $*" >&2; exit 1; }
# The modules are to be found where they are installed, not through the variable that overrides it.
unset MINUTES_MODULE_DIR

"$cmake" --install "$build" --prefix "$prefix" >"$tmp/install.log" || { cat "$tmp/install.log" >&2; fail "cmake --install failed"; }

# What is installed, and nothing else.
for f in bin/minutes lib/minutes/minutes_pdf.so lib/minutes/minutes_xml.so lib/minutes/minutes_pg.so \
         lib/minutes/minutes_commands.so \
         share/minutes/data/la_register.csv share/minutes/data/PROVENANCE.md \
         share/minutes/document.schema.json lib/systemd/system/minutes.service; do
  [ -f "$prefix/$f" ] || fail "$f not installed"
done
[ -x "$prefix/bin/minutes" ] || fail "bin/minutes is not executable"
extra=$(cd "$prefix" && find . -type f | grep -v -e '^\./bin/minutes$' -e '^\./share/minutes/' \
        -e '^\./lib/minutes/minutes_\(pdf\|xml\|pg\|commands\)\.so$' \
        -e '^\./lib/systemd/system/minutes\.service$' || true)
[ -z "$extra" ] || fail "unexpected files installed: $extra"
grep -q "^ExecStart=$prefix/bin/minutes serve " "$prefix/lib/systemd/system/minutes.service" ||
  fail "the unit does not start $prefix/bin/minutes"

# Mark the installed register so the output tells which copy was loaded.
sed 's/^# version: .*/# version: installed-copy/' "$prefix/share/minutes/data/PROVENANCE.md" >"$tmp/p.md"
mv "$tmp/p.md" "$prefix/share/minutes/data/PROVENANCE.md"

mkdir "$tmp/cwd"
cp "$src/samples/seeds/000_e0affe79a15288f1.txt" "$tmp/cwd/notes.txt"
cd "$tmp/cwd"
env -u MINUTES_DATA_DIR "$prefix/bin/minutes" extract notes.txt >out.json || fail "minutes extract failed"
grep -q '"la_register_version": *"installed-copy"' out.json ||
  fail "the installed register was not the one loaded: $(grep -o '"la_register_version": *"[^"]*"' out.json)"
grep -q '"E10000032"' out.json || fail "no West Sussex (E10000032) in the output: LAs not resolved"

env -u MINUTES_DATA_DIR "$prefix/bin/minutes" schema >schema.json || fail "minutes schema failed"
cmp -s schema.json "$prefix/share/minutes/document.schema.json" ||
  fail "minutes schema differs from the installed document.schema.json"
# A file read through its installed module MODULE (outside the build tree, the program looks
# nowhere else); without the module, one line naming the file and the module, exit 3, while a text
# note still reads.
read_through_module() {  # FILE MODULE
  env -u MINUTES_DATA_DIR "$prefix/bin/minutes" text "$1" >read.txt 2>read.err ||
    fail "the installed program cannot read $1: $(cat read.err)"
  grep -q "Fostering regional group meeting notes" read.txt || fail "the text of $1 is not in the output"
  mv "$prefix/lib/minutes/$2" "$tmp/$2"
  rc=0
  "$prefix/bin/minutes" text "$1" >/dev/null 2>read.err || rc=$?
  [ "$rc" = 3 ] || fail "$1 without $2 exits $rc, not 3"
  [ "$(wc -l <read.err)" = 1 ] && grep -q "^minutes: $1: .*$2" read.err ||
    fail "$1 without $2 is not one line naming both: $(cat read.err)"
  env -u MINUTES_DATA_DIR "$prefix/bin/minutes" extract notes.txt >/dev/null ||
    fail "minutes extract on text fails without $2"
  mv "$tmp/$2" "$prefix/lib/minutes/$2"
}
cp "$src/samples/renditions/000_e0affe79a15288f1.pdf" notes.pdf
read_through_module notes.pdf minutes_pdf.so
# A Word document and an HTML page are read by minutes_xml.so: libxml2 is the module's, not the
# program's.
if command -v readelf >/dev/null; then
  ! readelf -d "$prefix/bin/minutes" | grep -q 'libxml2' || fail "the program links libxml2"
fi
cp "$src/samples/seeds/000_e0affe79a15288f1.docx" notes.docx
read_through_module notes.docx minutes_xml.so
cp "$src/samples/renditions/000_e0affe79a15288f1.html" notes.html
read_through_module notes.html minutes_xml.so

# The commands in minutes_commands.so: a load into SQLite, which needs no server.
env -u MINUTES_DATA_DIR "$prefix/bin/minutes" load --db "sqlite:$tmp/w.db" notes.txt >load.out 2>load.err ||
  fail "minutes load into SQLite failed: $(cat load.err)"
grep -q "loaded" load.out || fail "minutes load did not report the document loaded: $(cat load.out)"

# PostgreSQL, through the installed minutes_pg.so: a throwaway server on a free loopback port, run
# as the postgres user when we are root (PostgreSQL refuses root), as tests/support/pg_server.h does.
pgbin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
if [ -n "$pgbin" ] && [ -x "$pgbin/initdb" ] && [ -x "$pgbin/psql" ]; then
  pg=$(mktemp -d /tmp/minutes-install-pg.XXXXXX)
  if [ "$(id -u)" = 0 ]; then
    chown postgres "$pg"
    run_as="runuser -u postgres --"
  fi
  (cd "$pg" && $run_as "$pgbin/initdb" -D "$pg/data" -U minutes --auth=trust >"$pg/initdb.log" 2>&1) ||
    fail "initdb failed: $(tail -5 "$pg/initdb.log")"
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  pg_ctl=$pgbin/pg_ctl
  (cd "$pg" && $run_as "$pg_ctl" -D "$pg/data" -l "$pg/data/server.log" \
     -o "-p $port -k $pg -h 127.0.0.1" -w -t 60 start >/dev/null 2>&1) ||
    { pg_ctl=""; fail "pg_ctl start failed"; }
  env -u MINUTES_DATA_DIR "$prefix/bin/minutes" load --db "postgresql://minutes@127.0.0.1:$port/postgres" \
    notes.txt >load.out 2>load.err || fail "minutes load into PostgreSQL failed: $(cat load.err)"
  n=$("$pgbin/psql" -h 127.0.0.1 -p "$port" -U minutes -d postgres -Atc 'SELECT COUNT(*) FROM documents')
  [ "$n" = 1 ] || fail "PostgreSQL holds $n documents after loading one"
else
  echo "install_test: no PostgreSQL server binaries (Debian's postgresql package): load not checked"
fi
echo "install_test: ok ($prefix)"
