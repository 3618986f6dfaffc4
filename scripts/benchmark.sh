#!/usr/bin/env bash
# Benchmark (not a test): time from "container requested" to "first result" for a cold start and
# for a restore from a memory snapshot of the examples' sentiment model, median of several runs,
# and the image size; writes docs/benchmarks.md. Needs root and CRIU 4.1+ (installed if missing).
#
#   scripts/benchmark.sh [runs (default 5)] [output (default docs/benchmarks.md)]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"

./scripts/install-criu.sh 2>&1 | tail -n 1 >&2
# shellcheck source=scripts/build-examples.sh
source "$root/scripts/build-examples.sh"

# The examples' jar, not their classes directory: the JDK's class-data sharing, one of the
# measured starts, refuses a class path with a non-empty directory.
examples_jar="$(ls "$root"/examples/target/lifecycle-examples-*.jar | grep -v -e sources -e javadoc | head -n 1)"
exec "$java" -Djava.util.logging.config.file=/dev/null \
  -cp "$examples_jar:$(cat "$classpath_file")" \
  dev.lifecycle.examples.benchmark.SnapshotBenchmark "$@"
