# Sourced by demo.sh and benchmark.sh: builds the examples and what they need, and sets
# $examples_classpath to their run-time class path (classes first). Expects $root.

# Some Maven builds print colour resets even in batch mode; keep the output plain.
plain() { sed -u $'s/\e\[[0-9;]*m//g'; }

mvn_quiet=(mvn -q -B -ntp)
# The processor is not a dependency of the examples (it runs from the annotation processor path,
# as users configure it), so it is named here for -am to build it too.
echo "Building the examples and what they need..." >&2
"${mvn_quiet[@]}" -f "$root/pom.xml" install -DskipTests -pl lifecycle-processor,examples -am 2>&1 | plain

classpath_file="$root/examples/target/demo.classpath"
"${mvn_quiet[@]}" -f "$root/pom.xml" -pl examples \
  org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath \
  -Dmdep.includeScope=runtime -Dmdep.outputFile="$classpath_file" 2>&1 | plain
examples_classpath="$root/examples/target/classes:$(cat "$classpath_file")"
