#!/usr/bin/env bash
# Builds the bundled report (or CONTENT) with the generator of git revision REF (default: main) and with this
# working tree's, each with its own templates and static files, and compares the two sites with
# tools/compare-sites.py: byte-identical except the navigation, the search index and the contents page.
#
# Usage: tools/compare-builds.sh [REF]        CONTENT=dir to build another content folder; MVN_OPTS=-o offline
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ref="${1:-main}"
content="$(cd "${CONTENT:-$here/content}" && pwd)"
work="$(mktemp -d "${TMPDIR:-/tmp}/compare-builds.XXXXXX")"
trap 'rm -rf "$work"' EXIT

mkdir -p "$work/ref"
git -C "$here" archive "$ref" | tar -x -C "$work/ref"
for tree in "$work/ref" "$here"; do
  (cd "$tree" && mvn -B -q ${MVN_OPTS:-} package -DskipTests >"$work/mvn.log" 2>&1) || { cat "$work/mvn.log"; exit 2; }
done
java -jar "$work/ref/target/report-site.jar" build -q --content="$content" --templates="$work/ref/templates" \
  --static="$work/ref/static" --out="$work/before" >"$work/before.log" 2>&1 || { cat "$work/before.log"; exit 2; }
java -jar "$here/target/report-site.jar" build -q --content="$content" --templates="$here/templates" \
  --static="$here/static" --out="$work/after" >"$work/after.log" 2>&1 || { cat "$work/after.log"; exit 2; }
echo "compare-builds: $ref against the working tree, content $content"
python3 "$here/tools/compare-sites.py" "$work/before" "$work/after"
