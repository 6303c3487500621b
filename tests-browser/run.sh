#!/usr/bin/env bash
# Browser tests of the generated site: builds a fresh site, then checks it in Debian's Chromium.
#   tests-browser/run.sh            install what is missing (apt: chromium; npm ci), build, run every check
#   SITE=DIR tests-browser/run.sh   check an already built site instead of building one
#   SKIP="lighthouse vnu"           skip checks by name (browser, layout, inspector, csp, vnu, lighthouse)
# Prints one line per check ("name: N problems") and exits non-zero if any check found a problem or did not run.
set -uo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
skip=" ${SKIP:-} "
export DEBIAN_FRONTEND=noninteractive

# --- install (idempotent) -------------------------------------------------------------------------------
if ! command -v chromium >/dev/null; then
  echo "tests-browser: installing chromium (apt)"
  if [ "$(id -u)" -eq 0 ]; then sudo=(); else sudo=(sudo); fi
  "${sudo[@]}" apt-get update -q >/dev/null || exit 2
  "${sudo[@]}" apt-get install -y -q -o DPkg::Lock::Timeout=600 chromium fonts-dejavu-core >/dev/null || exit 2
fi
command -v java >/dev/null || { echo "tests-browser: java is needed for vnu" >&2; exit 2; }
stamp="$here/node_modules/.package-lock.json"
if [ ! -f "$stamp" ] || [ "$here/package-lock.json" -nt "$stamp" ]; then
  echo "tests-browser: npm ci"
  # --ignore-scripts: vnu-jar's postinstall would fetch a JRE; the machine's Java runs vnu.jar.
  (cd "$here" && npm ci --no-audit --no-fund --ignore-scripts --loglevel=error) || exit 2
fi

# --- build --------------------------------------------------------------------------------------------------
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
if [ -n "${SITE:-}" ]; then
  site="$(cd "$SITE" && pwd)"
else
  site="$work/site"
  echo "tests-browser: building the site into $site"
  (cd "$root" && ./report-site build --out "$site" >"$work/build.log" 2>&1) || { cat "$work/build.log"; echo "build: failed"; exit 1; }
fi

# --- checks ---------------------------------------------------------------------------------------------------
declare -a lines=()
bad=0
check() { # name, command...: the command's last line is "... N problems"
  local name="$1"; shift
  if [[ "$skip" == *" $name "* ]]; then lines+=("$name: skipped"); return; fi
  local t0=$SECONDS log="$work/$name.log"
  echo "== $name"
  timeout 900 "$@" 2>&1 | tee "$log"
  local rc=${PIPESTATUS[0]} n
  n="$(grep -Eo '[0-9]+ problems$' "$log" | tail -1 | cut -d' ' -f1)"
  if [[ -z "$n" ]]; then lines+=("$name: did not run (exit $rc)"); bad=1
  elif [[ "$n" -ne 0 || "$rc" -ne 0 ]]; then lines+=("$name: $n problems (exit $rc, $((SECONDS - t0)) s)"); bad=1
  else lines+=("$name: 0 problems ($((SECONDS - t0)) s)"); fi
  grep -E '^(browser|layout|inspector|vnu|lighthouse) [a-z-]+: [0-9]+ problems$|^lighthouse scores:' "$log" | sed 's/^/    /' >>"$work/details"
}
check browser node "$here/browser.mjs" "$site"
check layout node "$here/layout.mjs" "$site"
check inspector node "$here/inspector.mjs" "$site"
check csp node "$here/csp.mjs" "$site"
check vnu node "$here/vnu.mjs" "$site"
check lighthouse node "$here/lighthouse.mjs" "$site"

echo "== summary (tests-browser)"
printf '%s\n' "${lines[@]}"
[ -f "$work/details" ] && cat "$work/details"
exit $bad
