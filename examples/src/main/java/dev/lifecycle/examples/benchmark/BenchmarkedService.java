package dev.lifecycle.examples.benchmark;

import dev.lifecycle.pool.ContainerPool;
import dev.lifecycle.pool.ContainerPoolBuilder;
import java.nio.file.Path;
import java.util.List;

/**
 * A service the benchmark measures, and the call whose first result ends a start.
 *
 * @param what how the report names it
 * @param work what its snap hook does, for the report
 */
record BenchmarkedService(Class<?> serviceClass, String what, String work, String method,
    List<Object> arguments) {

  /** A pool of {@code containers} (at least room for one) on this JVM's class path. */
  ContainerPoolBuilder pool(int containers) {
    return ContainerPool.builder(serviceClass).minContainers(containers)
        .maxContainers(Math.max(1, containers));
  }

  /** A pool of {@code containers} restored from {@code store}. */
  ContainerPoolBuilder restoring(Path store, int containers) {
    return pool(containers).snapshotStore(store);
  }

  /** The measured call. */
  Object call(ContainerPool pool) {
    return pool.call(method, arguments.toArray());
  }

  String simpleName() {
    return serviceClass.getSimpleName();
  }
}
