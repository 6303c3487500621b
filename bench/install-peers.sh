#!/usr/bin/env bash
# Installs what bench/run.sh measures with: hyperfine and GNU time (timing, peak memory), and the peer
# generators it compares against when present: Hugo (Debian package) and Eleventy (npm, pinned in
# bench/peers/package.json). Run as root. Nothing here is needed to build or test report-site.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
apt-get update
DEBIAN_FRONTEND=noninteractive apt-get install -y hyperfine time hugo
(cd "$here/peers" && npm ci --no-audit --no-fund)
hugo version
"$here/peers/node_modules/.bin/eleventy" --version
