package dev.lifecycle.runtime;

import dev.lifecycle.runtime.boundary.CallEncoding;
import dev.lifecycle.runtime.checkpoint.CheckpointEngine;
import dev.lifecycle.runtime.internal.Dispatchers;
import dev.lifecycle.runtime.internal.WebBinding;
import dev.lifecycle.runtime.spi.ServiceDispatcher;
import dev.lifecycle.runtime.spi.ServiceOptions;
import dev.lifecycle.runtime.spi.ServiceParameters;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
  private CallEncoding encoding = CallEncoding.none();
  private final List<ContainerListener> listeners = new ArrayList<>();
  private boolean shutdownHook = true;
  private String id;
  private WebBinding webBinding = WebBinding.DEFAULT;
  private final Map<String, String> parameters = new LinkedHashMap<>();
  /** Set only by tests that write a dispatcher by hand; otherwise the generated one is looked up. */
  private final ServiceDispatcher<T> dispatcher;

  ContainerBuilder(Class<T> serviceClass) {
    this.serviceClass = Objects.requireNonNull(serviceClass, "serviceClass");
    this.dispatcher = null;
  }

  ContainerBuilder(ServiceDispatcher<T> dispatcher) {
    @SuppressWarnings("unchecked") // a dispatcher of T describes T
    Class<T> described = (Class<T>) dispatcher.descriptor().serviceClass();
    this.serviceClass = described;
    this.dispatcher = dispatcher;
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

  /**
   * How calls' arguments and results cross into the container; {@link CallEncoding#none()} (as
   * they are) unless set. A test sets a pool's encoding to see what a pool would pass.
   */
  public ContainerBuilder<T> callEncoding(CallEncoding encoding) {
    this.encoding = Objects.requireNonNull(encoding, "encoding");
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
   * The port the container serves its {@code @WebEndpoint}s and {@code @WebApp} on; 0, the
   * default, picks a free port (see {@link Container#webAddress()}). Only services with endpoints
   * or an app listen at all.
   */
  public ContainerBuilder<T> webPort(int port) {
    this.webBinding = webBinding.withPort(port);
    return this;
  }

  /**
   * The local address the web frontend binds; loopback ({@code 127.0.0.1}) by default, so that
   * nothing outside this machine reaches it. {@code InetAddress.getByName("0.0.0.0")} serves
   * every interface.
   */
  public ContainerBuilder<T> webBindAddress(InetAddress address) {
    this.webBinding = webBinding.withAddress(Objects.requireNonNull(address, "address"));
    return this;
  }

  /**
   * The container's id in logs, thread names and events; by default {@code MLModel#1}, numbered
   * in this JVM. A pool's worker uses the pool's id of the container.
   */
  public ContainerBuilder<T> id(String containerId) {
    Objects.requireNonNull(containerId, "containerId");
    if (containerId.isBlank()) {
      throw new IllegalArgumentException("a container id must not be blank");
    }
    this.id = containerId;
    return this;
  }

  /**
   * Sets the service's {@code @Parameter} field {@code name} to {@code value} in this container,
   * right after its constructor and before any hook (the snap hooks see it). Setting a name again
   * replaces its value. A parameter not set keeps the field's initial value, unless it is {@code
   * @Parameter(required = true)}: then the container does not start.
   *
   * @param value a {@code String}, a boxed primitive or an enum constant (its name); text is
   *     converted to the field's type strictly, see {@link dev.lifecycle.Parameter}
   * @throws IllegalArgumentException when {@code value} is of another type or holds a NUL
   *     character (as a pool's builder refuses it, whose workers could not get it); whether the
   *     service has such a parameter and the value fits its type is checked by {@link #start()}
   */
  public ContainerBuilder<T> parameter(String name, Object value) {
    parameters.put(Objects.requireNonNull(name, "name"), ServiceParameters.text(name, value));
    return this;
  }

  /** {@link #parameter(String, Object)} for each entry, in the map's order. */
  public ContainerBuilder<T> parameters(Map<String, ?> values) {
    values.forEach(this::parameter);
    return this;
  }

  /**
   * Creates the instance, runs the enter hooks, and returns the running container.
   *
   * @throws IllegalArgumentException when the class has no generated dispatcher, an option is
   *     out of range, or a parameter is not one the service declares, does not fit its type, or
   *     is required and not set (then not even the constructor ran)
   * @throws ContainerStartException when the constructor threw (no hook ran), an enter hook threw,
   *     a server's port did not become ready, or the web port could not be bound (the exit hooks
   *     ran)
   * @throws ContainerStoppingException when the JVM began to shut down during the enter hooks
   */
  public Container<T> start() {
    ServiceDispatcher<T> resolved = dispatcher != null ? dispatcher : Dispatchers.of(serviceClass);
    ServiceParameters.check(resolved.descriptor(), parameters);
    return new Container<>(resolved, resolve(resolved.descriptor().options()), engine, encoding,
        listeners, shutdownHook, webBinding, id, parameters).startUp();
  }

  private ServiceOptions resolve(ServiceOptions declared) {
    return new ServiceOptions(
        maxConcurrentInputs != null ? maxConcurrentInputs : declared.maxConcurrentInputs(),
        inputTimeout != null ? inputTimeout : declared.inputTimeout(),
        exitGracePeriod != null ? exitGracePeriod : declared.exitGracePeriod());
  }
}
