#!/usr/bin/env bash
# install-criu.sh - make a working CRIU (>= 4.1) available to this repository's build and tests.
#
# Runs the install script that lifecycle-cli ships in its jar (one source of truth:
# lifecycle-cli/src/main/resources/dev/lifecycle/cli/install-criu.sh), with the prefix
# <repo>/.tools/criu, where the runtime finds criu when run from a clone of this repository.
# Users of the jars run `java -jar lifecycle-cli-<version>-all.jar install-criu` instead.
#
# Usage:
#   scripts/install-criu.sh               find a working criu or build one (needs root)
#   scripts/install-criu.sh --print-path  print the path of a working criu, exit 1 if none
set -euo pipefail
REPO_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
exec env LIFECYCLE_CRIU_PREFIX="$REPO_DIR/.tools/criu" \
  bash "$REPO_DIR/lifecycle-cli/src/main/resources/dev/lifecycle/cli/install-criu.sh" "$@"
