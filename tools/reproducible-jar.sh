#!/usr/bin/env bash
# Two clean `mvn package` runs of the same sources, in two folders, must give byte-identical jars (the plain
# jar and the shaded target/report-site.jar). Tests are not compiled or run: only the packaging is compared.
# On a difference it lists the entries that differ.
#
# Usage: tools/reproducible-jar.sh [--reuse-target] [extra mvn options]
#   --reuse-target: the jars a clean build just left in target/ (CI's `mvn -B verify` in a fresh clone) are the
#                   first run, so only one more package is built, in another folder.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="$(mktemp -d "${TMPDIR:-/tmp}/reproducible-jar.XXXXXX")"
trap 'rm -rf "$work"' EXIT

runs="a b"
if [ "${1:-}" = "--reuse-target" ]; then
  shift
  mkdir -p "$work/a/target"
  for jar in report-site-0.1.0.jar report-site.jar; do
    [ -f "$here/target/$jar" ] || { echo "reproducible-jar: no target/$jar to compare (run mvn package first)" >&2; exit 1; }
    cp "$here/target/$jar" "$work/a/target/"
  done
  runs="b"
fi

for run in $runs; do
  mkdir -p "$work/$run"
  # everything the pom packages: the sources and the folders it copies into the jar (built-in templates, assets, schemas)
  cp -R "$here/pom.xml" "$here/site-src" "$here/templates" "$here/static" "$work/$run/"
  mkdir -p "$work/$run/docs" && cp -R "$here/docs/schema" "$work/$run/docs/"
  rm -rf "$work/$run/site-src/test"
  if ! (cd "$work/$run" && mvn -B -q -Dmaven.test.skip=true "$@" package >"$work/$run.log" 2>&1); then
    cat "$work/$run.log" >&2
    echo "reproducible-jar: mvn package failed in run $run (log above)" >&2
    exit 1
  fi
  # entry times are kept to the second in a zip: runs a second apart show any timestamp that leaks in
  sleep 2
done

status=0
for jar in report-site-0.1.0.jar report-site.jar; do
  a="$work/a/target/$jar" b="$work/b/target/$jar"
  sa="$(sha256sum "$a" | cut -d' ' -f1)" sb="$(sha256sum "$b" | cut -d' ' -f1)"
  if [ "$sa" = "$sb" ]; then
    echo "reproducible-jar: $jar identical ($sa, $(stat -c %s "$a") bytes)"
  else
    status=1
    echo "reproducible-jar: $jar differs between two builds ($sa vs $sb)" >&2
    python3 - "$a" "$b" >&2 <<'PY' || true
import sys, zipfile
a, b = (zipfile.ZipFile(p) for p in sys.argv[1:3])
ia, ib = {i.filename: i for i in a.infolist()}, {i.filename: i for i in b.infolist()}
for name in sorted(set(ia) | set(ib)):
    x, y = ia.get(name), ib.get(name)
    if x is None or y is None:
        print("  only in one jar:", name)
    elif a.read(name) != b.read(name):
        print("  content differs:", name)
    elif (x.date_time, x.extra, x.external_attr) != (y.date_time, y.extra, y.external_attr):
        print("  metadata differs:", name, x.date_time, y.date_time)
if [i.filename for i in a.infolist()] != [i.filename for i in b.infolist()]:
    print("  entry order differs")
PY
  fi
done
exit "$status"
