package dev.lifecycle.runtime;

import dev.lifecycle.runtime.boundary.CallEncoding;
import dev.lifecycle.runtime.events.Recorder;
import dev.lifecycle.runtime.checkpoint.CheckpointEngine;
import dev.lifecycle.runtime.internal.ContainerFailures;
import dev.lifecycle.runtime.internal.ContainerLifecycle;
import dev.lifecycle.runtime.internal.ContainerName;
import dev.lifecycle.runtime.internal.OneLineLogs;
import dev.lifecycle.runtime.internal.InputExecutor;
import dev.lifecycle.runtime.internal.ListenerChain;
import dev.lifecycle.runtime.internal.ShutdownHook;
import dev.lifecycle.runtime.internal.StopCoordinator;
import dev.lifecycle.runtime.internal.WebBinding;
import dev.lifecycle.runtime.internal.WebFrontend;
import dev.lifecycle.runtime.internal.WebFrontends;
import dev.lifecycle.runtime.internal.WebStartException;
import dev.lifecycle.runtime.spi.ServiceDescriptor;
import dev.lifecycle.runtime.spi.ServiceDispatcher;
import dev.lifecycle.runtime.spi.ServiceOptions;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A running instance of a {@code @Service} class in this JVM, with the lifecycle of a container:
 * its enter hooks ran when it started, it serves {@code @Method} calls, and its exit hooks run
 * exactly once when it stops, whether by {@link #close()} or because the JVM shuts down.
 *
 * <pre>{@code
 * try (Container<MLModel> model = Container.start(MLModel.class)) {
 *   Object answer = model.call("predict", "hello");
 * }
 * }</pre>
 *
 * <p>Thread-safe. Calls through {@link #call} follow the service's options (how many run at once,
 * how long each may run); {@link #instance()} gives direct access for in-JVM use, outside those
 * rules. A service with {@code @WebEndpoint}s or a {@code @WebApp} is also served over HTTP, at
 * {@link #webAddress()}, each request an input under the same rules.
 *
 * @param <T> the service class
 */
public final class Container<T> implements ServiceCaller, AutoCloseable {

  static {
    OneLineLogs.applyUnlessConfigured();
  }

  private static final System.Logger LOG = System.getLogger(Container.class.getName());
  private static final AtomicLong IDS = new AtomicLong();

  private final ContainerLifecycle<T> lifecycle;
  private final ServiceOptions options;
  private final InputExecutor<T> inputs;
  private final StopCoordinator stops = new StopCoordinator();
  private final ShutdownHook shutdownHook;
  private final ServiceDispatcher<T> dispatcher;
  private final WebBinding webBinding;
  /** Set once by the starting thread before the container runs; read by the stopping thread. */
  private volatile WebFrontend web;

  /** Made by {@link ContainerBuilder#start()}, which then calls {@link #startUp()}. */
  Container(
      ServiceDispatcher<T> dispatcher,
      ServiceOptions options,
      CheckpointEngine engine,
      CallEncoding encoding,
      List<ContainerListener> listeners,
      boolean withShutdownHook,
      WebBinding webBinding,
      String chosenId,
      Map<String, String> parameters) {
    ContainerName id = new ContainerName(chosenId != null ? chosenId
        : dispatcher.descriptor().serviceClass().getSimpleName() + "#" + IDS.incrementAndGet());
    this.lifecycle = new ContainerLifecycle<>(
        dispatcher, engine, id, new ListenerChain(listeners), options.exitGracePeriod(), parameters);
    this.dispatcher = dispatcher;
    this.webBinding = webBinding;
    this.options = options;
    this.inputs =
        new InputExecutor<>(dispatcher, encoding, id, options.maxConcurrentInputs(),
            options.inputTimeout());
    this.shutdownHook =
        withShutdownHook ? new ShutdownHook(id, () -> stop(StopTrigger.JVM_SHUTDOWN)) : null;
  }

  /** Starts a container with the options the service's annotation declares. */
  public static <T> Container<T> start(Class<T> serviceClass) {
    return builder(serviceClass).start();
  }

  /** A builder that can override the annotation's options, add listeners or a checkpoint engine. */
  public static <T> ContainerBuilder<T> builder(Class<T> serviceClass) {
    return new ContainerBuilder<>(serviceClass);
  }

  /** Runs the enter hooks and starts serving; returns this container, running. */
  Container<T> startUp() {
    Object event = Recorder.beginContainerStart();
    Container<T> started = startUpInner();
    Recorder.endContainerStart(event, service().serviceName(), id(), startKind(), "in-jvm");
    return started;
  }

  /**
   * {@code checkpointed}, {@code restored} or {@code cold}, for the start's event. Without a lambda,
   * as the rest of a restored clone's way to its first result: it would be linked there, after the
   * restore, at about a millisecond each.
   */
  private String startKind() {
    SnapshotOutcome outcome = lifecycle.snapshotOutcome().orElse(null);
    SnapshotOutcome.Kind kind = outcome == null ? null : outcome.kind();
    return kind == SnapshotOutcome.Kind.CHECKPOINTED || kind == SnapshotOutcome.Kind.RESTORED
        ? kind.name().toLowerCase(Locale.ROOT) : "cold";
  }

  private Container<T> startUpInner() {
    if (shutdownHook != null) {
      // Before the first hook: a SIGTERM during the enter hooks must still run the exit hooks.
      shutdownHook.register();
    }
    try {
      lifecycle.enter();
      // After enter(): with a memory snapshot, no listening socket may exist at the checkpoint.
      web = startWeb();
    } catch (RuntimeException | Error e) {
      stops.startFailed(
          new StopReport(id(), StopTrigger.START_FAILED, lifecycle.phase(), Duration.ZERO, List.of(),
              Optional.empty()));
      inputs.shutdown();
      if (shutdownHook != null) {
        shutdownHook.unregister();
      }
      throw e;
    }
    StopTrigger requested = stops.started(lifecycle);
    if (requested != null) {
      StopReport report = runStop(requested);
      ContainerStoppingException stopped =
          ContainerFailures.stoppedWhileStarting(service().serviceName(), id());
      report.exitFailure().ifPresent(stopped::addSuppressed);
      throw stopped;
    }
    return this;
  }

  /** Starts the web frontend when there is something to serve; a failure fails the start. */
  private WebFrontend startWeb() {
    try {
      return WebFrontends.start(dispatcher, lifecycle.instance(), id(), webBinding, inputs)
          .orElse(null);
    } catch (WebStartException e) {
      ContainerStartException failure =
          ContainerFailures.webFrontendFailed(service(), e.getMessage(), e.getCause());
      lifecycle.failStart(failure);
      throw failure;
    }
  }

  /**
   * Where the container serves its {@code @WebEndpoint}s and {@code @WebApp}, e.g. {@code
   * http://127.0.0.1:41234/}; empty when it serves none (also for {@code @Server}s and {@code
   * @WebServer}s, which listen on the ports they declare). The address stays the same after the
   * container stopped, but nothing listens there any more.
   */
  public Optional<URI> webAddress() {
    WebFrontend frontend = web;
    return frontend == null ? Optional.empty() : Optional.of(frontend.address());
  }

  /**
   * The container's id, used in logs, thread names and events: {@code MLModel#1}, unique in this
   * JVM, unless {@link ContainerBuilder#id} chose another. In a pool's worker JVM it is the pool's
   * id of the container ({@code MLModel-3}), the one {@code ContainerInfo.containerId()} and {@link
   * RestoreEnvironment#containerId()} give; a clone restored from a snapshot takes its own id there.
   */
  public String id() {
    return lifecycle.containerId();
  }

  /** The service, as its annotation processor described it. */
  public ServiceDescriptor service() {
    return lifecycle.service();
  }

  /** The options in force: the annotation's, with the builder's overrides. */
  public ServiceOptions options() {
    return options;
  }

  /** The phase the container is in now. */
  public Phase phase() {
    return lifecycle.phase();
  }

  /** What the snapshot step did; empty for services without a memory snapshot. */
  public Optional<SnapshotOutcome> snapshotOutcome() {
    return lifecycle.snapshotOutcome();
  }

  /**
   * The service instance, for in-JVM use such as tests. Calling it directly bypasses the
   * container: no input limit, no timeout, and it still works after the container stopped.
   */
  public T instance() {
    return lifecycle.instance();
  }

  /**
   * Calls a {@code @Method} by name and returns its result ({@code null} for {@code void}).
   *
   * <p>At most {@link ServiceOptions#maxConcurrentInputs()} calls run at once; further calls wait,
   * in arrival order. Each call may run for {@link ServiceOptions#inputTimeout()}, counted from when
   * it gets its slot.
   *
   * @param args the arguments in declaration order; primitives boxed
   * @throws dev.lifecycle.runtime.UnknownMethodException no {@code @Method} has that name
   * @throws dev.lifecycle.runtime.ArgumentMismatchException the arguments do not fit
   * @throws MethodFailedException the method threw; its exception is the cause
   * @throws InputTimeoutException the call overran the input timeout and was interrupted
   * @throws ContainerStoppingException the container is stopping or has stopped
   * @throws InputInterruptedException the calling thread was interrupted while waiting
   */
  @Override
  public Object call(String method, Object... args) {
    return inputs.call(lifecycle.instance(), method, args);
  }

  /**
   * Calls the {@code @Batched} {@code method} once with a whole batch, as it is: each of {@code
   * inputs} checked as one caller's input, the list of results returned. A pool's worker JVM runs
   * the batches its supervisor formed this way; callers use {@link #call} with one input.
   *
   * @throws UnknownMethodException when the service has no {@code @Batched} method of that name
   */
  public List<?> callBatch(String method, List<?> inputs) {
    return this.inputs.callBatch(lifecycle.instance(), method, inputs);
  }

  /**
   * Calls a {@code @Method} by name without waiting; see {@link ServiceCaller#callAsync}. At most
   * {@link ServiceOptions#maxConcurrentInputs()} run at once, the others wait in order, as calls
   * of {@link #call} do; at most 100,000 wait, beyond which a call is refused (its future fails).
   */
  @Override
  public CompletableFuture<Object> callAsync(String method, Object... args) {
    return inputs.callAsync(lifecycle.instance(), method, args);
  }

  /**
   * Stops the container, once: refuses new calls (and web requests: 503) at once, lets calls in
   * flight finish within the exit grace period (interrupting and reporting those that do not),
   * closes the web port, then runs every exit hook.
   * When the container is already stopping (another thread, the JVM's shutdown hook), waits for
   * that stop and returns its report.
   */
  public StopReport stop() {
    return stop(StopTrigger.CLOSE);
  }

  /**
   * {@link #stop()}, without the exit grace period for calls in flight: they are interrupted at
   * once (and reported as overruns), then the exit hooks run. For when nobody waits for their
   * results, as in a worker JVM whose pool is gone. When the container is already stopping, waits
   * for that stop.
   */
  public StopReport stopNow() {
    return stop(StopTrigger.ABANDONED);
  }

  /**
   * {@link #stop()}, then throws the exit hooks' failure, if any. Calls that overran the grace
   * period are in the log (and in {@link #stop()}'s report) but do not make this throw.
   *
   * @throws ExitHooksFailedException when an exit hook threw; every exit hook ran all the same
   */
  @Override
  public void close() {
    Optional<ExitHooksFailedException> failure = stop().exitFailure();
    if (failure.isPresent()) {
      throw failure.get();
    }
  }

  private StopReport stop(StopTrigger trigger) {
    return stops.claim(trigger) ? runStop(trigger) : stops.awaitStopped();
  }

  private StopReport runStop(StopTrigger trigger) {
    StopReport report;
    try {
      inputs.refuseNew(); // first: "at once" means before anything that might take time
      WebFrontend frontend = web;
      if (frontend != null) {
        frontend.refuseNew();
      }
      lifecycle.stopping(trigger.description());
      long drainStart = System.nanoTime();
      List<InputOverrun> overruns = inputs.drain(
          trigger == StopTrigger.ABANDONED ? Duration.ZERO : options.exitGracePeriod());
      Duration drainTime = Duration.ofNanos(System.nanoTime() - drainStart);
      if (frontend != null) {
        frontend.close(); // the port closes before the exit hooks release what requests use
      }
      Optional<ExitHooksFailedException> exitFailure = lifecycle.exit();
      inputs.shutdown();
      report = new StopReport(id(), trigger, lifecycle.phase(), drainTime, overruns, exitFailure);
    } catch (RuntimeException | Error e) {
      stops.stopFailed(e);
      throw e;
    }
    stops.stopped(report);
    if (shutdownHook != null && trigger != StopTrigger.JVM_SHUTDOWN) {
      shutdownHook.unregister();
    }
    if (trigger == StopTrigger.JVM_SHUTDOWN) {
      // A signal stopped the container: no caller receives the exit hooks' failure, so say it.
      report.exitFailure().ifPresent(failure -> LOG.log(Level.WARNING, failure.getMessage(), failure));
    }
    LOG.log(Level.DEBUG, () -> "Container " + id() + " stopped: " + report);
    return report;
  }

  @Override
  public String toString() {
    return "Container " + id() + " of " + service().serviceName() + " (" + phase() + ")";
  }
}
