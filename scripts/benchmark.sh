#!/usr/bin/env bash
# Benchmark (not a test): time from "container requested" to "first result" for a cold start and
# for a restore from a memory snapshot of the examples' sentiment model, median of several runs,
# and the image size; writes docs/benchmarks.md. Needs root and CRIU 4.1+ (installed if missing).
#
#   scripts/benchmark.sh [runs (default 5)] [output (default docs/benchmarks.md)]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
mvn=(mvn -q -B -ntp)
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
plain() { sed -u $'s/\e\[[0-9;]*m//g'; }

./scripts/install-criu.sh 2>&1 | tail -n 1 >&2
"${mvn[@]}" install -DskipTests -pl lifecycle-processor,examples -am 2>&1 | plain
classpath_file="$root/examples/target/demo.classpath"
"${mvn[@]}" -pl examples org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath \
  -Dmdep.includeScope=runtime -Dmdep.outputFile="$classpath_file" 2>&1 | plain

exec "$java" -Djava.util.logging.config.file=/dev/null \
  -cp "$root/examples/target/classes:$(cat "$classpath_file")" \
  dev.lifecycle.examples.model.SnapshotBenchmark "$@"
