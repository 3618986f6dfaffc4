package dev.lifecycle.pool.internal;

import dev.lifecycle.pool.RetryPolicy;
import dev.lifecycle.pool.engine.SnapshotEngine;
import dev.lifecycle.runtime.internal.WebBinding;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Everything a {@link dev.lifecycle.pool.ContainerPoolBuilder} collected; immutable.
 *
 * <p>{@code parameters}: the values of the service's {@code @Parameter} fields, sorted by name.
 */
public record PoolConfig(
    String serviceClassName,
    List<Path> classpath,
    int minContainers,
    Optional<Integer> maxContainers,
    Duration scaledownWindow,
    int bufferContainers,
    Optional<Integer> maxConcurrentInputs,
    Optional<Duration> inputTimeout,
    Optional<Duration> exitGracePeriod,
    List<String> jvmOptions,
    Path javaExecutable,
    boolean memorySnapshots,
    Optional<Path> snapshotStore,
    SnapshotEngine engine,
    Map<String, String> environment,
    Map<String, String> buildEnvironment,
    Optional<Path> workDirectory,
    boolean logWorkerOutput,
    Duration startTimeout,
    ClassLoader classLoader,
    WebBinding webBinding,
    RetryPolicy retries,
    Map<String, String> parameters,
    long snapshotStoreBudget) {

  public PoolConfig {
    classpath = List.copyOf(classpath);
    jvmOptions = List.copyOf(jvmOptions);
    environment = Map.copyOf(environment);
    buildEnvironment = Map.copyOf(buildEnvironment);
    // Sorted: one order on every worker's command line and in every snapshot key.
    parameters = Collections.unmodifiableSortedMap(new TreeMap<>(parameters));
  }

  /** The class path as {@code java -cp} takes it. */
  public String classpathString() {
    return String.join(java.io.File.pathSeparator, classpath.stream().map(Path::toString).toList());
  }
}
