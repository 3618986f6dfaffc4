#!/usr/bin/env bash
# Builds every module and runs every test: the README's test command.
#
# The snapshot tests need CRIU 4.1 or newer. As root, this first makes sure one is available
# (scripts/install-criu.sh: found, or built from Debian's sources into .tools/criu; that script adds
# a deb-src entry for Debian's trixie suite, pinned so that nothing else upgrades). Without root
# and without a CRIU, the snapshot tests fail and say how to install one.
set -euo pipefail
cd "$(dirname "$0")/.."

if [[ "$(id -u)" -eq 0 ]]; then
  ./scripts/install-criu.sh
elif ! ./scripts/install-criu.sh --print-path >/dev/null 2>&1; then
  echo "test.sh: no working CRIU 4.1+ and not root: the snapshot tests will fail." >&2
  echo "test.sh: run 'sudo scripts/install-criu.sh' once to install one into .tools/criu." >&2
fi

exec mvn -B -ntp verify "$@"
