#!/bin/sh
# Installs the build into a temporary prefix and runs the installed program from outside the source
# tree with MINUTES_DATA_DIR unset: it must find its register under <prefix>/share/minutes/data, not
# the source tree's (the installed PROVENANCE.md is given a version of its own, which the output
# then reports), and `minutes schema` must equal the installed schema file. Also checks that only
# the program, its data and the unit are installed (no tests).
#
# usage: install_test.sh BUILD_DIR SOURCE_DIR [CMAKE]
set -eu
build=$1
src=$2
cmake=${3:-cmake}

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
prefix=$tmp/prefix
fail() { echo "install_test: $*" >&2; exit 1; }

"$cmake" --install "$build" --prefix "$prefix" >"$tmp/install.log" || { cat "$tmp/install.log" >&2; fail "cmake --install failed"; }

# What is installed, and nothing else.
for f in bin/minutes share/minutes/data/la_register.csv share/minutes/data/PROVENANCE.md \
         share/minutes/document.schema.json lib/systemd/system/minutes.service; do
  [ -f "$prefix/$f" ] || fail "$f not installed"
done
[ -x "$prefix/bin/minutes" ] || fail "bin/minutes is not executable"
extra=$(cd "$prefix" && find . -type f | grep -v -e '^\./bin/minutes$' -e '^\./share/minutes/' \
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
echo "install_test: ok ($prefix)"
