package dev.lifecycle.junit;

import dev.lifecycle.runtime.Container;
import dev.lifecycle.runtime.ContainerBuilder;
import dev.lifecycle.runtime.Timeline;
import dev.lifecycle.runtime.internal.Dispatchers;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/** A started container, its timeline, and the unique id of the test context that owns it. */
record Started(Container<?> container, Timeline timeline, String owner) {

  static <T> Started start(Settings<T> settings, String owner) {
    ContainerBuilder<T> builder = Container.builder(settings.serviceClass());
    if (settings.jsonCalls().crossesJson(settings.simulateSnapshot())) {
      builder.callEncoding(PoolEncoding.find(settings.serviceClass(), settings.jsonCalls()));
    }
    settings.configure().accept(builder);
    Timeline timeline = new Timeline();
    builder.listener(timeline);
    SimulatedSnapshot simulation = null;
    if (settings.simulateSnapshot()) {
      if (!Dispatchers.of(settings.serviceClass()).descriptor().memorySnapshotEnabled()) {
        throw new ExtensionConfigurationException(
            "simulateSnapshot needs a service with a snapshot, but "
                + settings.serviceClass().getName() + " is not @Service(enableMemorySnapshot = "
                + "true): it never reaches the snapshot point. Enable it or drop simulateSnapshot.");
      }
      simulation = new SimulatedSnapshot(settings.atSnapshot());
      builder.checkpointEngine(simulation);
    }
    Container<T> container = builder.start();
    if (simulation != null && simulation.failure().isPresent()) {
      Throwable failure = simulation.failure().get();
      try {
        container.close();
      } catch (RuntimeException e) {
        failure.addSuppressed(e);
      }
      if (failure instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw (Error) failure; // SimulatedSnapshot keeps only RuntimeExceptions and Errors
    }
    return new Started(container, timeline, owner);
  }
}
