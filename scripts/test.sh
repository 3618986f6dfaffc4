#!/usr/bin/env bash
# Builds every module and runs every test: the README's test command.
set -euo pipefail
cd "$(dirname "$0")/.."
exec mvn -B -ntp verify "$@"
