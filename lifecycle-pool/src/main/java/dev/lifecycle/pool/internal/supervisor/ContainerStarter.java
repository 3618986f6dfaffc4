package dev.lifecycle.pool.internal.supervisor;

import dev.lifecycle.pool.StartKind;
import dev.lifecycle.runtime.ContainerStoppingException;
import dev.lifecycle.runtime.events.Recorder;
import dev.lifecycle.pool.WorkerLaunchException;
import dev.lifecycle.pool.engine.RestoreRequest;
import dev.lifecycle.pool.engine.SnapshotEngineException;
import dev.lifecycle.pool.engine.WorkerProcess;
import dev.lifecycle.pool.internal.PoolConfig;
import dev.lifecycle.pool.internal.launch.PrivateDirectory;
import dev.lifecycle.pool.internal.launch.WorkerLauncher;
import dev.lifecycle.pool.internal.launch.WorkerOutput;
import dev.lifecycle.pool.internal.protocol.RestoreStateLine;
import dev.lifecycle.pool.internal.protocol.WireMessage.Ready;
import dev.lifecycle.pool.internal.protocol.WireMessage.RestoreState;
import dev.lifecycle.pool.internal.store.Snapshot;
import dev.lifecycle.pool.internal.store.SnapshotBuildException;
import dev.lifecycle.pool.internal.supervisor.SnapshotPlanner.Plan;
import dev.lifecycle.pool.internal.supervisor.WorkerStartup.SnapshotPointOutcome;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Starts one container the way the {@link SnapshotPlanner} says: cold; as the original that is
 * checkpointed at its snapshot point and keeps running; or as a restore of the snapshot by the
 * pool's snapshot engine.
 * Returns it ready to serve, or throws and leaves nothing running.
 */
public final class ContainerStarter {

  private static final System.Logger LOG = System.getLogger(ContainerStarter.class.getName());

  private final PoolConfig config;
  private final LocalService service;
  private final WorkerLauncher launcher;
  private final SnapshotPlanner planner;
  private final Path privateDirectory;
  private final Path logDirectory;
  private final Path socket;
  private final Map<String, WorkerContainer> registry;
  /** Per JVM, not per pool: container ids (and log file names) never repeat in a supervisor. */
  private static final AtomicInteger NUMBERS = new AtomicInteger();
  private final Consumer<WorkerContainer> onLost;
  private final WorkerOutput output;
  /** Guards {@link #closed} and {@link #startsUnderWay}, and registrations. */
  private final Object starts = new Object();
  private boolean closed;
  private int startsUnderWay;

  public ContainerStarter(PoolConfig config, LocalService service, WorkerLauncher launcher,
      SnapshotPlanner planner, Map<String, WorkerContainer> registry, Path privateDirectory,
      Path logDirectory, Path socket, WorkerOutput output, Consumer<WorkerContainer> onLost) {
    this.output = output;
    this.registry = registry;
    this.config = config;
    this.service = service;
    this.launcher = launcher;
    this.planner = planner;
    this.privateDirectory = privateDirectory;
    this.logDirectory = logDirectory;
    this.socket = socket;
    this.onLost = onLost;
  }

  /** The containers that exist now (starting, serving or stopping), by id: for the socket server. */
  public Map<String, WorkerContainer> registry() {
    return registry;
  }

  /**
   * Starts a container and returns it serving.
   *
   * @throws ContainerStoppingException once {@link #close} was called
   */
  public WorkerContainer start() {
    synchronized (starts) {
      refuseWhenClosed();
      startsUnderWay++;
    }
    try {
      Object event = Recorder.beginContainerStart();
      WorkerContainer started = startPlanned();
      Recorder.endContainerStart(event, service.serviceName(), started.id(),
          started.startKind().name().toLowerCase(Locale.ROOT), "pool");
      return started;
    } finally {
      synchronized (starts) {
        startsUnderWay--;
        starts.notifyAll();
      }
    }
  }

  /**
   * No container starts or registers from now on: the {@link #registry()} holds every container
   * there will be, for the pool's close to stop.
   */
  public void close() {
    synchronized (starts) {
      closed = true;
    }
  }

  /**
   * Waits, at most {@code timeout} and through interrupts (kept for the caller), until the starts
   * under way at {@link #close} ended (their containers stopped, a restore that was reading the
   * image done with it): until then the snapshot's lease must hold.
   *
   * @return whether they all ended
   */
  public boolean awaitStartsEnded(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    boolean interrupted = false;
    try {
      synchronized (starts) {
        while (startsUnderWay > 0) {
          long left = deadline - System.nanoTime();
          if (left <= 0) {
            return false;
          }
          try {
            starts.wait(Math.max(1, left / 1_000_000));
          } catch (InterruptedException e) {
            interrupted = true;
          }
        }
        return true;
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** The pool's exit grace period, else the service's, else the annotation's default of 30 s. */
  private Duration graceBeforeReady() {
    return config.exitGracePeriod()
        .or(() -> service.descriptor().map(d -> d.options().exitGracePeriod()))
        .orElse(Duration.ofSeconds(30));
  }

  /** Guarded by starts. */
  private void refuseWhenClosed() {
    if (closed) {
      throw new ContainerStoppingException(service.serviceName(), "The container pool of service "
          + service.serviceName() + " is closing: no container starts.");
    }
  }

  private WorkerContainer startPlanned() {
    Plan plan;
    try {
      plan = planner.next();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new WorkerLaunchException(service.serviceName(), "interrupted while waiting for the"
          + " memory snapshot of service " + service.serviceName() + " to be built", e);
    }
    if (plan instanceof Plan.Restore restore) {
      return restoreClone(restore);
    }
    if (plan instanceof Plan.Build build) {
      return startOriginal(build);
    }
    return startCold();
  }

  /**
   * Forgets an ended container; its last output lines reach the log.
   *
   * @param failed whether it ended other than by the pool's asking (then its log file is kept for
   *     a while: the messages about it name the file)
   */
  public void forget(WorkerContainer container, boolean failed) {
    registry.remove(container.id(), container);
    output.finish(container.id(), failed);
  }

  private WorkerContainer startCold() {
    WorkerContainer container = register(StartKind.COLD);
    try {
      container.process(launcher.launch(launcher.arguments(socket, container.id(), false),
          config.environment(), container.token(), container.logFile()));
    } catch (IOException e) {
      forget(container, true);
      throw new WorkerLaunchException(service.serviceName(), "Container " + container.id()
          + " of service " + service.serviceName() + " could not be launched: " + e.getMessage(), e);
    }
    Ready ready = awaitReady(container);
    if (!ready.snapshotOutcome().isEmpty()) {
      planner.snapshotStepSeen();
    }
    return container;
  }

  private WorkerContainer startOriginal(Plan.Build build) {
    WorkerContainer container = register(StartKind.COLD);
    boolean decided = false;
    try {
      container.process(launcher.launch(launcher.arguments(socket, container.id(), true),
          config.environment(), container.token(), container.logFile()));
      SnapshotPointOutcome outcome = container.awaitSnapshotPoint(config.startTimeout());
      switch (outcome) {
        case NO_SNAPSHOT_POINT -> planner.noSnapshotPoint();
        case REFUSED -> {
          // It goes on uncheckpointed, and like every container gets the restore-time values.
          container.sendToStdin(RestoreStateLine.encode(new RestoreState(container.id(),
              socket.toString(), config.environment(), false, null, container.token())));
          planner.buildFailed(container.refusal().orElse("the worker refused"));
        }
        case READY_FOR_CHECKPOINT -> checkpoint(container, build);
      }
      decided = true;
      awaitReady(container);
      return container;
    } catch (IOException e) {
      container.kill();
      forget(container, true);
      throw new WorkerLaunchException(service.serviceName(), "Container " + container.id()
          + " of service " + service.serviceName() + " could not be launched: " + e.getMessage(), e);
    } catch (RuntimeException | Error e) {
      container.kill();
      forget(container, true);
      throw e;
    } finally {
      if (!decided) {
        planner.buildAbandoned("container " + container.id() + " failed to start");
      }
    }
  }

  /**
   * Checkpoints the original, leaving it running, into the store; then tells it to continue as
   * itself, with the restore-time environment, or with the reason it was not checkpointed. When
   * another supervisor stored the same snapshot first, the store hands out that one: this original
   * goes on uncheckpointed, and the containers after it are restores of the other's image, which
   * holds whatever its restores need.
   */
  private void checkpoint(WorkerContainer container, Plan.Build build) throws IOException {
    WorkerProcess process = container.process().orElseThrow();
    long pid = process.pid();
    String failure = null;
    Snapshot snapshot = null;
    AtomicBoolean checkpointed = new AtomicBoolean();
    long start = System.nanoTime();
    try {
      snapshot = build.store().create(build.key(), dir -> {
        build.engine().checkpoint(pid, dir);
        checkpointed.set(true);
      });
    } catch (SnapshotBuildException | IOException | IllegalArgumentException e) {
      failure = build.engine().name() + " could not checkpoint container " + container.id() + " ("
          + process.describe() + "): " + e.getMessage();
    }
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    String notTaken = failure != null || checkpointed.get() ? failure
        : "another supervisor stored the same snapshot first, so this container was not"
            + " checkpointed; the containers after it are restores of that snapshot";
    container.sendToStdin(RestoreStateLine.encode(
        new RestoreState(container.id(), socket.toString(), config.environment(), false, notTaken,
            container.renewToken())));
    if (failure == null && !checkpointed.get()) {
      Snapshot found = snapshot;
      LOG.log(Level.INFO, () -> "Service " + service.serviceName() + ": container "
          + container.id() + " was not checkpointed, as another supervisor stored the snapshot "
          + found.directory() + " first; it is used from now on");
      planner.built(snapshot);
    } else if (failure == null) {
      container.startKind(StartKind.CHECKPOINTED);
      Snapshot stored = snapshot;
      LOG.log(Level.INFO, () -> "Service " + service.serviceName() + ": checkpointed container "
          + container.id() + " in " + took.toMillis() + " ms into " + stored.directory() + " ("
          + stored.imageSize() / (1024 * 1024) + " MB)");
      planner.built(snapshot);
    } else {
      planner.buildFailed(failure);
    }
  }

  private WorkerContainer restoreClone(Plan.Restore restore) {
    WorkerContainer container = register(StartKind.RESTORED);
    Path stateFile = privateDirectory.resolve(container.id() + ".restore-state");
    container.stateFile(stateFile);
    WorkerProcess restored;
    long start = System.nanoTime();
    try {
      Files.write(stateFile,
          RestoreStateLine.encode(new RestoreState(container.id(), socket.toString(),
              config.environment(), true, null, container.token())),
          StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
      Files.setPosixFilePermissions(stateFile, PosixFilePermissions.fromString("rw-------"));
      PrivateDirectory.createPrivateFile(container.logFile());
      // The engine's own files of this restore go next to the container's log (deleted when it
      // succeeds).
      restored = restore.engine().restore(restore.snapshot().directory(), new RestoreRequest(
          stateFile, container.logFile(), logDirectory.resolve(container.id() + ".restore")));
    } catch (SnapshotEngineException | IOException | RuntimeException e) {
      // A RuntimeException too: an engine of someone else's that throws must not leave the
      // container registered or the snapshot trusted.
      container.kill();
      forget(container, true);
      planner.restoreFailed(restore.snapshot(), String.valueOf(e.getMessage()));
      // Starts as the planner now says: the rebuild, or cold.
      return start();
    }
    container.restoreDuration(Duration.ofNanos(System.nanoTime() - start));
    container.process(restored);
    try {
      awaitReady(container);
    } catch (WorkerLaunchException e) {
      if (Thread.currentThread().isInterrupted() || !container.endedOnItsOwn()) {
        throw e; // stopped (the pool closes), timed out or given up on: the image is not to blame
      }
      // The clone died before it was ready: a fault of the image (say, one
      // restored with what another process recorded), not of the service, whose own failures are
      // ContainerStartExceptions. Said once, and the next start is the planner's: no scale-up
      // tries the same image again.
      planner.restoreFailed(restore.snapshot(), "the restored container " + container.id()
          + " did not become ready: " + e.getMessage());
      return start();
    }
    return container;
  }

  private Ready awaitReady(WorkerContainer container) {
    try {
      return container.awaitReady(config.startTimeout());
    } catch (RuntimeException e) {
      container.kill();
      forget(container, true);
      throw e;
    }
  }

  private WorkerContainer register(StartKind kind) {
    String simpleName = config.serviceClassName().substring(config.serviceClassName().lastIndexOf('.') + 1)
        .replaceAll("[^A-Za-z0-9_-]", "_");
    String id = simpleName + "-" + NUMBERS.incrementAndGet();
    WorkerContainer container =
        new WorkerContainer(id, kind, service, logDirectory.resolve(id + ".log"), graceBeforeReady(),
            onLost);
    synchronized (starts) {
      refuseWhenClosed(); // a start under way at close registers nothing the close would miss
      registry.put(container.id(), container);
    }
    output.follow(container.id(), container.logFile());
    return container;
  }
}
