package dev.lifecycle.runtime;

import dev.lifecycle.runtime.spi.Dispatchers;
import dev.lifecycle.runtime.spi.ServiceDispatcher;
import dev.lifecycle.runtime.spi.ServiceOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Configures a {@link Container} before starting it. Every option not set here keeps the value
 * the service's {@code @Service} annotation declares.
 *
 * @param <T> the service class
 */
public final class ContainerBuilder<T> {

  private final Class<T> serviceClass;
  private Integer maxConcurrentInputs;
  private Duration inputTimeout;
  private Duration exitGracePeriod;
  private CheckpointEngine engine = CheckpointEngine.none();
  private final List<ContainerListener> listeners = new ArrayList<>();
  private boolean shutdownHook = true;

  ContainerBuilder(Class<T> serviceClass) {
    this.serviceClass = Objects.requireNonNull(serviceClass, "serviceClass");
  }

  /** Overrides {@code @Service(maxConcurrentInputs)}. */
  public ContainerBuilder<T> maxConcurrentInputs(int max) {
    this.maxConcurrentInputs = max;
    return this;
  }

  /** Overrides {@code @Service(inputTimeoutSeconds)}; finer than seconds is fine here. */
  public ContainerBuilder<T> inputTimeout(Duration timeout) {
    this.inputTimeout = Objects.requireNonNull(timeout, "timeout");
    return this;
  }

  /** Overrides {@code @Service(exitGracePeriodSeconds)}. */
  public ContainerBuilder<T> exitGracePeriod(Duration grace) {
    this.exitGracePeriod = Objects.requireNonNull(grace, "grace");
    return this;
  }

  /** Overrides all three options at once. */
  public ContainerBuilder<T> options(ServiceOptions options) {
    return maxConcurrentInputs(options.maxConcurrentInputs())
        .inputTimeout(options.inputTimeout())
        .exitGracePeriod(options.exitGracePeriod());
  }

  /** The engine of the snapshot step; {@link CheckpointEngine#none()} unless set. */
  public ContainerBuilder<T> checkpointEngine(CheckpointEngine engine) {
    this.engine = Objects.requireNonNull(engine, "engine");
    return this;
  }

  /** Adds a listener; it hears every event from the very first, {@link Phase#CREATED}. */
  public ContainerBuilder<T> listener(ContainerListener listener) {
    listeners.add(Objects.requireNonNull(listener, "listener"));
    return this;
  }

  /**
   * Whether the JVM's shutdown (SIGTERM, SIGINT, {@code System.exit}) stops the container and
   * runs its exit hooks. On by default; turn it off only when something else stops the container.
   */
  public ContainerBuilder<T> shutdownHook(boolean enabled) {
    this.shutdownHook = enabled;
    return this;
  }

  /**
   * Creates the instance, runs the enter hooks, and returns the running container.
   *
   * @throws IllegalArgumentException when the class has no generated dispatcher, or an option is
   *     out of range
   * @throws ContainerStartException when the constructor threw (no hook ran) or an enter hook threw
   *     (the exit hooks ran)
   * @throws ContainerStoppingException when the JVM began to shut down during the enter hooks
   */
  public Container<T> start() {
    ServiceDispatcher<T> dispatcher = Dispatchers.of(serviceClass);
    return Container.start(
        dispatcher, resolve(dispatcher.descriptor().options()), engine, listeners, shutdownHook);
  }

  private ServiceOptions resolve(ServiceOptions declared) {
    return new ServiceOptions(
        maxConcurrentInputs != null ? maxConcurrentInputs : declared.maxConcurrentInputs(),
        inputTimeout != null ? inputTimeout : declared.inputTimeout(),
        exitGracePeriod != null ? exitGracePeriod : declared.exitGracePeriod());
  }
}
