package dev.lifecycle.runtime.internal;

import dev.lifecycle.runtime.ContainerListener;
import dev.lifecycle.runtime.ContainerStartException;
import dev.lifecycle.runtime.ExitHooksFailedException;
import dev.lifecycle.runtime.HookFailedException;
import dev.lifecycle.runtime.Phase;
import dev.lifecycle.runtime.SnapshotOutcome;
import dev.lifecycle.runtime.checkpoint.CheckpointEngine;
import dev.lifecycle.runtime.events.Recorder;
import dev.lifecycle.runtime.checkpoint.SnapshotPoint;
import dev.lifecycle.runtime.spi.HookPhase;
import dev.lifecycle.runtime.spi.ServiceDescriptor;
import dev.lifecycle.runtime.spi.ServiceDispatcher;
import dev.lifecycle.runtime.spi.ServiceParameterDescriptor;
import dev.lifecycle.runtime.spi.WebMethodDescriptor;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * The phases of one container, driven through its generated dispatcher: create the instance, run
 * the snap hooks, take the snapshot, run the other enter hooks, serve, stop, run the exit hooks.
 *
 * <p>This is the only place the order and failure rules of a container's life are written. The
 * in-JVM {@link dev.lifecycle.runtime.Container} uses it, and so can a worker JVM that is checkpointed and restored:
 * there {@link CheckpointEngine#checkpoint} returns in every restored process, which then simply
 * carries on with the post-snapshot hooks. Serving calls is not part of this class; {@link
 * #serve()} and {@link #stopping} only mark those phases.
 *
 * <p>Servers and web servers are part of the enter phase: a {@code @Server}'s port must be free
 * before its constructor (and, in a clone restored from a snapshot, again before its
 * post-snapshot {@code @Enter} hooks) and accept connections after its enter hooks, within its
 * startup timeout; each {@code @WebServer} method is called after every enter hook, and its port
 * must then accept connections too. Any of these failing fails the start like an enter hook that
 * threw: the exit hooks run. The processes that a {@code @Server} container's enter phase started
 * are its own ({@link LeftoverProcesses}): stopping runs the exit hooks to completion and
 * terminates those of its processes still running when the exit grace period ends or when the
 * hooks return, whichever comes first.
 *
 * <p>The service's {@code @Parameter} fields are set right after its constructor, before any
 * hook; a clone restored from a snapshot has them from the image.
 *
 * <p>{@link #enter()} runs on one thread; {@link #exit()} may be called from any thread, any
 * number of times, and runs the exit hooks at most once.
 *
 * @param <T> the service class
 */
public final class ContainerLifecycle<T> {

  private static final System.Logger LOG = System.getLogger(ContainerLifecycle.class.getName());
  /** How often a container waiting for its server's port says so. */
  private static final Duration PORT_WAIT_REPORT = Duration.ofSeconds(5);

  private final ServiceDispatcher<T> dispatcher;
  private final ServiceDescriptor service;
  private final CheckpointEngine engine;
  private final ContainerName containerId;
  private final ContainerListener listener;
  private final PhaseTracker phases;
  private final Duration exitGracePeriod;
  /** The values of the service's {@code @Parameter} fields, checked, set before any hook. */
  private final Map<String, String> parameters;
  private volatile LeftoverProcesses leftovers = LeftoverProcesses.NONE;
  private volatile T instance;
  private volatile SnapshotOutcome snapshotOutcome;
  /** Guarded by {@code this}: set by the one thread that ran the exit hooks. */
  private ExitResult exitResult;

  /**
   * @param listener hears every phase change and every hook; wrap several in one listener that
   *     isolates them if one might throw ({@link dev.lifecycle.runtime.Container} does)
   */
  public ContainerLifecycle(
      ServiceDispatcher<T> dispatcher,
      CheckpointEngine engine,
      ContainerName containerId,
      ContainerListener listener) {
    this(dispatcher, engine, containerId, listener, dispatcher.descriptor().options().exitGracePeriod());
  }

  /**
   * @param exitGracePeriod the one in force (the builder may override the annotation's): how long
   *     a {@code @Server}'s exit hooks run before the processes it started are stopped
   */
  public ContainerLifecycle(
      ServiceDispatcher<T> dispatcher,
      CheckpointEngine engine,
      ContainerName containerId,
      ContainerListener listener,
      Duration exitGracePeriod) {
    this(dispatcher, engine, containerId, listener, exitGracePeriod, Map.of());
  }

  /**
   * @param parameters the values of the service's {@code @Parameter} fields by name, which {@link
   *     dev.lifecycle.runtime.spi.ServiceParameters#check} accepted; set right after the
   *     constructor, before any hook
   */
  public ContainerLifecycle(
      ServiceDispatcher<T> dispatcher,
      CheckpointEngine engine,
      ContainerName containerId,
      ContainerListener listener,
      Duration exitGracePeriod,
      Map<String, String> parameters) {
    this.parameters = Map.copyOf(parameters);
    this.exitGracePeriod = Objects.requireNonNull(exitGracePeriod, "exitGracePeriod");
    this.dispatcher = Objects.requireNonNull(dispatcher, "dispatcher");
    this.service = dispatcher.descriptor();
    this.engine = Objects.requireNonNull(engine, "engine");
    this.containerId = Objects.requireNonNull(containerId, "containerId");
    this.listener =
        listener instanceof ListenerChain chain ? chain : new ListenerChain(List.of(listener));
    this.phases = new PhaseTracker(containerId, service.serviceName(), this.listener);
  }

  public String containerId() {
    return containerId.get();
  }

  public ServiceDescriptor service() {
    return service;
  }

  /** The current phase; {@code null} before {@link #enter()}. */
  public Phase phase() {
    return phases.phase();
  }

  /**
   * The service instance.
   *
   * @throws IllegalStateException before {@link #enter()} created it, or when its constructor threw
   */
  public T instance() {
    T current = instance;
    if (current == null) {
      throw new IllegalStateException("Container " + containerId + " has no instance (phase " + phase() + ")");
    }
    return current;
  }

  /** What the snapshot step did; empty when the container did not reach it. */
  public Optional<SnapshotOutcome> snapshotOutcome() {
    return Optional.ofNullable(snapshotOutcome);
  }

  /**
   * Sets the parameters on the new instance, before any hook: the snap hooks build with them. The
   * builder checked them, so a refusal here is a dispatcher out of step with its descriptor.
   */
  private void setParameters() {
    // In declaration order; a name the service does not declare last, for the dispatcher to refuse.
    List<String> names = new ArrayList<>();
    service.parameters().stream().map(ServiceParameterDescriptor::name)
        .filter(parameters::containsKey).forEach(names::add);
    new TreeMap<>(parameters).keySet().stream().filter(name -> !names.contains(name))
        .forEach(names::add);
    for (String name : names) {
      try {
        dispatcher.setParameter(instance, name, parameters.get(name));
      } catch (RuntimeException | Error e) {
        phases.moveTo(Phase.FAILED, "parameter " + name + " was refused", e);
        throw ContainerFailures.parameterRefused(service, name, e);
      }
    }
  }

  /**
   * Creates the instance and runs the enter phases, leaving the container in {@link
   * Phase#ENTERING_AFTER_SNAPSHOT} with every enter hook done; follow with {@link #serve()} or
   * {@link #stopping}.
   *
   * <p>All snap hooks run before any other enter hook. The snapshot step is reached only by
   * services with {@code enableMemorySnapshot}. A {@code @Server} is ready when its port accepts
   * connections; a service with {@code @WebServer} methods when each was called and its port
   * accepts connections.
   *
   * @throws ContainerStartException when the constructor or an enter hook threw, a port was taken
   *     or did not become ready, or a {@code @WebServer} method threw; the remaining enter steps
   *     were skipped, the exit hooks ran (unless the constructor threw), and the container is
   *     {@link Phase#FAILED}
   */
  public void enter() {
    phases.begin();
    if (service.isServer()) {
      // Before the constructor: whatever runs from here on may start the server's process, or
      // open its port (a snap hook may, by mistake; the checkpoint then refuses and names it).
      leftovers = LeftoverProcesses.rememberExisting(containerId);
      if (PortProbe.accepts(service.server().port())) {
        ContainerStartException taken =
            ContainerFailures.serverPortTaken(service, service.server().port(), false);
        phases.moveTo(Phase.FAILED, "port " + service.server().port() + " is taken", taken);
        throw taken;
      }
    }
    try {
      instance = dispatcher.newInstance();
    } catch (Throwable t) {
      // No instance, so no hook ever ran: there is nothing for exit hooks to release.
      phases.moveTo(Phase.FAILED, "the constructor threw", t);
      throw ContainerFailures.constructorFailed(service, t);
    }
    setParameters();
    try {
      String afterSnapshot = "";
      if (service.memorySnapshotEnabled() || !service.hooks(HookPhase.ENTER_BEFORE_SNAPSHOT).isEmpty()) {
        phases.moveTo(Phase.ENTERING_BEFORE_SNAPSHOT, "");
        HookRunner.runEnterHooks(dispatcher, instance, HookPhase.ENTER_BEFORE_SNAPSHOT, listener);
        if (service.memorySnapshotEnabled()) {
          afterSnapshot = "snapshot " + snapshot();
        }
      }
      phases.moveTo(Phase.ENTERING_AFTER_SNAPSHOT, afterSnapshot);
      // A restored clone starts here, not at the top: it checks the port now, for itself (the
      // port may have been free in the process that was checkpointed, long ago). A process that
      // carries on after a refused checkpoint does not: a snap hook of its own may have opened
      // the port, which the checkpoint-safety check reported, and it must start cold all the same.
      if (service.isServer() && restored() && PortProbe.accepts(service.server().port())) {
        throw ContainerFailures.serverPortTaken(service, service.server().port(), true);
      }
      HookRunner.runEnterHooks(dispatcher, instance, HookPhase.ENTER_AFTER_SNAPSHOT, listener);
      if (service.isServer()) {
        int port = service.server().port();
        Duration timeout = service.server().startupTimeout();
        awaitPort(port, timeout, () -> ContainerFailures.serverNotReady(service, port, timeout));
      }
      startWebServers();
      // The end of the enter phase: processes started from now on belong to others.
      leftovers.claimStarted();
    } catch (HookFailedException e) {
      ContainerStartException failure =
          ContainerFailures.hookFailed(service, e.hook(), e.getCause());
      failAfterEnterFailure(failure, e.getMessage());
      throw failure;
    } catch (ContainerStartException e) {
      failAfterEnterFailure(e, e.getMessage());
      throw e;
    } catch (RuntimeException | Error e) {
      // Not a hook: a broken engine or listener. The enter phase was entered all the same, so
      // the exit hooks still release what the hooks before it opened.
      failAfterEnterFailure(e, ContainerFailures.describe(e));
      throw e;
    }
  }

  /**
   * Fails a start that {@link #enter()} completed but the runtime could not finish (the web
   * frontend did not start): runs the exit hooks as for an enter hook failure, and ends in {@link
   * Phase#FAILED} with {@code failure}. Requires {@link Phase#ENTERING_AFTER_SNAPSHOT}.
   */
  public void failStart(RuntimeException failure) {
    failAfterEnterFailure(failure, failure.getMessage());
  }

  /** Marks the container {@link Phase#RUNNING}, once {@link #enter()} returned. */
  public void serve() {
    phases.moveTo(Phase.RUNNING, "");
  }

  /** Marks the container {@link Phase#STOPPING}; {@code why} goes into the phase event. */
  public void stopping(String why) {
    phases.moveTo(Phase.STOPPING, why);
  }

  /**
   * Runs every exit hook, even when some throw, and ends the container: {@link Phase#STOPPED}, or
   * {@link Phase#FAILED} when a hook threw. Requires {@link Phase#STOPPING}.
   *
   * <p>Runs the hooks at most once: a concurrent call waits for the first and returns its result,
   * a later call returns it at once. The calling thread's interrupt flag is cleared while the hooks
   * run and set again afterwards, so that an interrupt meant for the caller cannot break a hook's
   * blocking I/O halfway through its cleanup.
   *
   * @return the exit hooks' failure: the first one, later ones suppressed; empty when all returned
   */
  public synchronized Optional<ExitHooksFailedException> exit() {
    if (exitResult == null) {
      exitResult = runExitHooks(null, "");
      phases.moveTo(
          exitResult.failure() == null ? Phase.STOPPED : Phase.FAILED,
          exitResult.failure() == null ? "" : "an exit hook threw",
          exitResult.failure());
    }
    return Optional.ofNullable(exitResult.failure());
  }

  private boolean restored() {
    SnapshotOutcome outcome = snapshotOutcome;
    return outcome != null && outcome.kind() == SnapshotOutcome.Kind.RESTORED;
  }

  /** Calls each {@code @WebServer} method, then waits until its port accepts connections. */
  private void startWebServers() {
    for (WebMethodDescriptor web : service.webMethods(WebMethodDescriptor.Kind.SERVER)) {
      // As for @Server: if the port answers already, readiness would be a lie.
      if (PortProbe.accepts(web.port())) {
        throw ContainerFailures.webServerPortTaken(service, web);
      }
      try {
        dispatcher.callWeb(instance, web.index(), null);
      } catch (Throwable t) {
        throw ContainerFailures.webServerFailed(service, web, t);
      }
      awaitPort(web.port(), web.startupTimeout(),
          () -> ContainerFailures.webServerNotReady(service, web));
    }
  }

  private void awaitPort(int port, Duration timeout, Supplier<ContainerStartException> notReady) {
    long start = System.nanoTime();
    long deadline = start + timeout.toNanos();
    boolean ready;
    try {
      // In slices, so that a long wait says what it waits for instead of a silent minute.
      while (!(ready = PortProbe.awaitAccepting(port, slice(deadline)))
          && System.nanoTime() < deadline) {
        Duration waited = Duration.ofNanos(System.nanoTime() - start);
        LOG.log(Level.INFO, "Container " + containerId + " of service " + service.serviceName()
            + " still waits for port " + port + " to accept connections (" + Durations.format(waited)
            + " of " + Durations.format(timeout) + ")");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw ContainerFailures.interruptedWhileWaiting(service, port);
    }
    if (!ready) {
      throw notReady.get();
    }
    LOG.log(Level.DEBUG, () -> "Container " + containerId + ": port " + port + " accepts "
        + "connections after " + Durations.format(Duration.ofNanos(System.nanoTime() - start)));
  }

  /** The next slice of a port wait: {@link #PORT_WAIT_REPORT}, or what is left until the deadline. */
  private static Duration slice(long deadline) {
    return Duration.ofNanos(Math.max(0, Math.min(PORT_WAIT_REPORT.toNanos(), deadline - System.nanoTime())));
  }

  private SnapshotOutcome snapshot() {
    phases.moveTo(Phase.SNAPSHOT, "engine " + engine.name());
    SnapshotOutcome outcome = takeSnapshot();
    if (outcome.kind() == SnapshotOutcome.Kind.FAILED) {
      // A snapshot only saves time: carry on as a cold start, but say why.
      LOG.log(Level.WARNING, "Container " + containerId + " of service " + service.serviceName()
          + " continues without a memory snapshot (a cold start): " + outcome.detail());
    }
    snapshotOutcome = outcome;
    return outcome;
  }

  private SnapshotOutcome takeSnapshot() {
    Object event = Recorder.beginCheckpoint();
    SnapshotOutcome outcome = checkpoint();
    Recorder.endCheckpoint(event, service.serviceName(), containerId.get(), engine.name(),
        outcome.kind().name().toLowerCase(Locale.ROOT));
    return outcome;
  }

  private SnapshotOutcome checkpoint() {
    try {
      SnapshotOutcome outcome = engine.checkpoint(
          new SnapshotPoint(service, containerId.get(), instance, containerId::rename));
      return outcome != null
          ? outcome
          : SnapshotOutcome.failed("engine " + engine.name() + " returned no outcome");
    } catch (Exception e) {
      LOG.log(Level.DEBUG, "Checkpoint engine " + engine.name() + " threw", e);
      return SnapshotOutcome.failed(
          "engine " + engine.name() + " threw " + ContainerFailures.describe(e));
    }
  }

  private synchronized void failAfterEnterFailure(Throwable failure, String detail) {
    exitResult = runExitHooks(failure, detail);
    if (exitResult.failure() != null) {
      // The enter failure is the news; the failed cleanup rides along.
      failure.addSuppressed(exitResult.failure());
    }
    phases.moveTo(Phase.FAILED, detail, failure);
  }

  /** Guarded by {@code this}. */
  private ExitResult runExitHooks(Throwable enterFailure, String detail) {
    phases.moveTo(Phase.EXITING, detail, enterFailure);
    boolean interrupted = Thread.interrupted();
    leftovers.claimStarted(); // a failed enter phase ends here; no-op after a complete one
    LeftoverProcesses.Deadline grace = leftovers.deadline(exitGracePeriod);
    try {
      HookRunner.runExitHooks(dispatcher, instance, listener);
      return new ExitResult(null, null);
    } catch (HookFailedException e) {
      // Debug only: the failure reaches whoever stopped the container (close() throws it, a
      // failed start carries it); Container logs it when nobody is there to receive it.
      LOG.log(Level.DEBUG, "Container " + containerId + ": " + e.getMessage(), e);
      return new ExitResult(e, new ExitHooksFailedException(service, e));
    } finally {
      // The exit hooks ran to completion (they are never cut short); the @Server's processes
      // still running are stopped now, unless the grace period's end stopped them already.
      grace.end();
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** What the exit hooks did: both {@code null} when every hook returned normally. */
  private record ExitResult(HookFailedException hookFailure, ExitHooksFailedException failure) {}
}
