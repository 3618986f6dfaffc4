#!/usr/bin/env bash
# The demo: builds what it needs, then runs the sentiment-model example through its whole
# lifecycle in worker JVMs: a cold start, a container checkpointed with CRIU, and three clones
# restored at once from that snapshot, with their timelines, the cold start and restore times and
# the speed-up. As root it first installs a working CRIU when there is none
# (scripts/install-criu.sh); otherwise, without one, the containers start cold and the demo says
# why. Works on a fresh clone; the first run downloads Maven's plugins and the dependencies into
# ~/.m2. Needs a JDK 17+ and Maven 3.8+.
#
#   scripts/demo.sh            worker JVMs with a memory snapshot
#   scripts/demo.sh --in-jvm   one container in this JVM, with the timeline of its phases
#   scripts/demo.sh --web      the model as web endpoints, served by a worker JVM, over real HTTP
#   scripts/demo.sh --server   the server pattern: an enter hook starts an HTTP server as a child
#                              process on port 8000, the exit hook stops it
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
main=dev.lifecycle.examples.model.SnapshotDemo
case "${1:-}" in
  "") ;;
  --in-jvm) main=dev.lifecycle.examples.model.ModelDemo ;;
  --web) main=dev.lifecycle.examples.web.WebDemo ;;
  --server) main=dev.lifecycle.examples.server.ServerDemo ;;
  *) echo "usage: scripts/demo.sh [--in-jvm | --web | --server]" >&2; exit 2 ;;
esac
# shellcheck source=scripts/build-examples.sh
source "$root/scripts/build-examples.sh"

if [[ "$main" != *ModelDemo && "$main" != *ServerDemo && "$(id -u)" -eq 0 ]]; then
  ./scripts/install-criu.sh 2>&1 | tail -n 2 >&2 \
    || echo "demo.sh: could not install CRIU; the containers will start cold." >&2
fi

# One-line log records, for the service's exit hook and the pool's notices.
exec "$java" \
  '-Djava.util.logging.SimpleFormatter.format=%4$s: %5$s%6$s%n' \
  -cp "$examples_classpath" \
  "$main"
