package dev.lifecycle.pool.internal.supervisor;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lifecycle.pool.ContainerInfo;
import dev.lifecycle.pool.ContainerPool;
import dev.lifecycle.pool.StartKind;
import dev.lifecycle.pool.WorkerDiedException;
import dev.lifecycle.pool.WorkerLaunchException;
import dev.lifecycle.pool.engine.ChildWorkerProcess;
import dev.lifecycle.pool.engine.WorkerProcess;
import dev.lifecycle.pool.internal.protocol.FrameChannel;
import dev.lifecycle.pool.internal.protocol.WireMessage;
import dev.lifecycle.pool.internal.protocol.WireMessage.Call;
import dev.lifecycle.pool.internal.protocol.WireMessage.CallFailed;
import dev.lifecycle.pool.internal.protocol.WireMessage.CallResult;
import dev.lifecycle.pool.internal.protocol.WireMessage.CheckpointReady;
import dev.lifecycle.pool.internal.protocol.WireMessage.CheckpointRefused;
import dev.lifecycle.pool.internal.protocol.WireMessage.Hello;
import dev.lifecycle.pool.internal.protocol.WireMessage.HookFinished;
import dev.lifecycle.pool.internal.protocol.WireMessage.PhaseChanged;
import dev.lifecycle.pool.internal.protocol.WireMessage.Quiescing;
import dev.lifecycle.pool.internal.protocol.WireMessage.Ready;
import dev.lifecycle.pool.internal.protocol.WireMessage.StartFailed;
import dev.lifecycle.pool.internal.protocol.WireMessage.Stop;
import dev.lifecycle.pool.internal.protocol.WireMessage.Stopped;
import dev.lifecycle.runtime.ContainerStoppingException;
import dev.lifecycle.runtime.InputInterruptedException;
import dev.lifecycle.runtime.Phase;
import dev.lifecycle.runtime.PhaseEvent;
import dev.lifecycle.runtime.Timeline;
import dev.lifecycle.runtime.spi.HookDescriptor;
import dev.lifecycle.runtime.spi.HookPhase;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The supervisor's side of one container: its worker process, its current connection, the calls
 * in flight, and the timeline the worker reports.
 *
 * <p>The worker may close its connection on purpose (at the snapshot point) and connect again;
 * any other end of a connection, or of the process, means the worker is gone: every call in
 * flight fails at once with {@link WorkerDiedException}, naming the container and how its process
 * ended, and the pool hears of it to replace the container.
 */
public final class WorkerContainer {

  private static final System.Logger LOG = System.getLogger(WorkerContainer.class.getName());

  /** How long to wait for a dead worker's exit status before reporting without it. */
  private static final Duration EXIT_STATUS_WAIT = Duration.ofSeconds(2);
  /** How often a wait for the worker checks that its process still runs. */
  private static final long LIVENESS_POLL_MILLIS = 100;
  /** Beyond the input timeout, how long a call may stay unanswered before the worker counts as hung. */
  private static final Duration HUNG_WORKER_ALLOWANCE = Duration.ofSeconds(60);
  /** Beyond the exit grace period, how long the exit hooks may take before the worker is killed. */
  static final Duration EXIT_HOOK_ALLOWANCE = Duration.ofSeconds(ContainerPool.EXIT_ALLOWANCE_SECONDS);
  /** How many lines of the worker's log a start failure quotes. */
  private static final int QUOTED_LOG_LINES = 8;

  /** Where the container is. */
  enum State { STARTING, READY, STOPPING, ENDED }

  private final String id;
  private final LocalService service;
  private final Path logFile;
  private final Consumer<WorkerContainer> onLost;
  private final long requestedNanos = System.nanoTime();
  private final Instant requestedAt = Instant.now();
  private final Timeline timeline = new Timeline();
  private final CompletableFuture<Ready> ready = new CompletableFuture<>();
  /** Completes with empty when the worker is ready to be dumped, with a reason when it refused. */
  private final CompletableFuture<Optional<String>> checkpoint = new CompletableFuture<>();
  private final Map<Long, PendingCall> calls = new ConcurrentHashMap<>();
  private final AtomicLong callIds = new AtomicLong();
  private final AtomicBoolean ended = new AtomicBoolean();
  private final Object connectionLock = new Object();

  private volatile WorkerProcess process;
  private volatile StartKind startKind;
  private volatile State state = State.STARTING;
  /** Guarded by {@code connectionLock}. */
  private FrameChannel channel;
  /** Guarded by {@code connectionLock}: the worker closed on purpose and will connect again. */
  private boolean reconnectExpected;
  private volatile Phase lastPhase;
  private volatile Ready readyMessage;
  private volatile long readyNanos;
  private volatile Duration restoreDuration;
  private volatile Path stateFile;
  /** How the worker ended, when it went away without being asked to. */
  private volatile String lostStatus;
  /** The worker began to stop on its own (a signal) or is being found lost: route no calls to it. */
  private volatile boolean leaving;
  /** Guarded by {@code this}: {@link #lost} runs once. */
  private boolean lossHandled;

  // Guarded by the scheduler's lock.
  int inFlight;
  long idleSinceNanos = System.nanoTime();

  WorkerContainer(String id, StartKind startKind, LocalService service, Path logFile,
      Consumer<WorkerContainer> onLost) {
    this.id = id;
    this.startKind = startKind;
    this.service = service;
    this.logFile = logFile;
    this.onLost = onLost;
  }

  public String id() {
    return id;
  }

  State state() {
    return state;
  }

  Path logFile() {
    return logFile;
  }

  Optional<WorkerProcess> process() {
    return Optional.ofNullable(process);
  }

  void process(WorkerProcess started) {
    this.process = started;
  }

  void startKind(StartKind kind) {
    this.startKind = kind;
  }

  void restoreDuration(Duration duration) {
    this.restoreDuration = duration;
  }

  void stateFile(Path file) {
    this.stateFile = file;
  }

  /** Whether new calls may be routed here: serving, and not on its way out. */
  boolean acceptsCalls() {
    return state == State.READY && !leaving;
  }

  /** How many calls the worker serves at once; 1 until it said. */
  int maxConcurrentInputs() {
    Ready r = readyMessage;
    return r == null ? 1 : r.maxConcurrentInputs();
  }

  // The connection.

  /** A connection whose {@link Hello} named this container; reads it on the calling thread. */
  void serve(FrameChannel connection, Hello hello) {
    FrameChannel previous;
    synchronized (connectionLock) {
      previous = channel;
      channel = connection;
      reconnectExpected = false;
    }
    closeQuietly(previous);
    if (hello.restored()) {
      startKind = StartKind.RESTORED;
    }
    try {
      while (true) {
        Optional<WireMessage> message = connection.receive();
        if (message.isEmpty()) {
          break;
        }
        handle(message.get());
      }
    } catch (IOException e) {
      LOG.log(Level.DEBUG, () -> "connection of container " + id + " ended: " + e);
    }
    boolean lost;
    synchronized (connectionLock) {
      lost = channel == connection && !reconnectExpected;
      if (channel == connection) {
        channel = null;
      }
    }
    closeQuietly(connection);
    if (lost) {
      lost("its connection to the supervisor closed");
    }
  }

  private void handle(WireMessage message) {
    if (message instanceof PhaseChanged p) {
      Phase phase = Phase.valueOf(p.phase());
      timeline.phaseChanged(new PhaseEvent(id, service.serviceName(), lastPhase, phase,
          Instant.ofEpochMilli(p.epochMillis()), p.nanoTime(), p.detail(),
          p.failure() == null ? null : p.failure().toException()));
      lastPhase = phase;
      if (phase == Phase.STOPPING) {
        leaving = true; // stopping on its own (SIGTERM) or as asked: it refuses new calls now
      }
    } else if (message instanceof HookFinished h) {
      timeline.hookRan(new Timeline.HookRun(
          new HookDescriptor(h.index(), HookPhase.valueOf(h.phase()), h.declaringClass(), h.methodName()),
          h.startNanoTime(), Duration.ofNanos(h.durationNanos()),
          h.failure() == null ? null : h.failure().toException()));
    } else if (message instanceof Ready r) {
      readyMessage = r;
      readyNanos = System.nanoTime();
      if (state == State.STARTING) {
        state = State.READY;
      }
      ready.complete(r);
    } else if (message instanceof StartFailed f) {
      ready.completeExceptionally(RemoteFailures.ofStart(service, id, f));
    } else if (message instanceof Quiescing) {
      expectReconnect();
    } else if (message instanceof CheckpointReady) {
      expectReconnect();
      checkpoint.complete(Optional.empty());
    } else if (message instanceof CheckpointRefused refused) {
      checkpoint.complete(Optional.of(refused.reason()));
    } else if (message instanceof CallResult result) {
      PendingCall call = calls.remove(result.callId());
      if (call != null) {
        call.result.complete(result.value());
      }
    } else if (message instanceof CallFailed failed) {
      PendingCall call = calls.remove(failed.callId());
      if (call != null) {
        call.result.completeExceptionally(RemoteFailures.ofCall(service, id, call.method,
            failed.error(), inputTimeout()));
      }
    } else if (message instanceof Stopped stopped) {
      if (stopped.failure() != null) {
        LOG.log(Level.WARNING, "Container " + id + " of service " + service.serviceName()
            + " stopped, but an exit hook failed: " + RemoteFailures.describe(stopped.failure()));
      }
    } else {
      LOG.log(Level.WARNING, "Container " + id + " sent an unexpected "
          + message.getClass().getSimpleName() + "; ignored");
    }
  }

  private void expectReconnect() {
    synchronized (connectionLock) {
      reconnectExpected = true;
    }
  }

  // Starting.

  /** What a worker did at its snapshot point, as far as the supervisor is concerned. */
  enum SnapshotPointOutcome {
    /** It waits on its standard input to be checkpointed. */
    READY_FOR_CHECKPOINT,
    /** It refused ({@link #refusal()} says why) and continues as a cold start. */
    REFUSED,
    /** It became ready without reaching a snapshot point: the service takes no snapshots. */
    NO_SNAPSHOT_POINT
  }

  /**
   * Waits for the worker to reach its snapshot point, or to finish starting without one.
   *
   * @throws RuntimeException what the start failed with, as {@link #awaitReady} throws it
   */
  SnapshotPointOutcome awaitSnapshotPoint(Duration timeout) {
    await(timeout, true);
    if (ready.isCompletedExceptionally()) {
      awaitReady(Duration.ZERO);
    }
    if (!checkpoint.isDone()) {
      return SnapshotPointOutcome.NO_SNAPSHOT_POINT;
    }
    return checkpoint.join().isEmpty()
        ? SnapshotPointOutcome.READY_FOR_CHECKPOINT
        : SnapshotPointOutcome.REFUSED;
  }

  /** Why the worker refused to be checkpointed; empty unless it did. */
  Optional<String> refusal() {
    return checkpoint.isDone() ? checkpoint.join() : Optional.empty();
  }

  /** Waits for Ready; throws what the start failed with. */
  Ready awaitReady(Duration timeout) {
    await(timeout, false);
    try {
      return ready.join();
    } catch (java.util.concurrent.CompletionException e) {
      throw (RuntimeException) e.getCause();
    }
  }

  private void await(Duration timeout, boolean orSnapshotPoint) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!ready.isDone() && !(orSnapshotPoint && checkpoint.isDone())) {
      WorkerProcess p = process;
      if (p != null && !p.isRunning()) {
        lost("its process ended");
      }
      if (System.nanoTime() - deadline > 0) {
        failStart(new WorkerLaunchException(service.serviceName(), "Container " + id + " of service "
            + service.serviceName() + " did not " + (orSnapshotPoint ? "reach its snapshot point"
            : "start") + " within " + timeout + "; it was killed. Its log: " + logFile + logTail(),
            null));
        kill();
        return;
      }
      try {
        CompletableFuture.anyOf(ready, checkpoint).get(LIVENESS_POLL_MILLIS, TimeUnit.MILLISECONDS);
      } catch (TimeoutException | ExecutionException e) {
        // poll again; a failed start is in ready
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        failStart(new WorkerLaunchException(service.serviceName(), "The thread starting container "
            + id + " was interrupted; the container was killed", e));
        kill();
        return;
      }
    }
  }

  private void failStart(RuntimeException failure) {
    ready.completeExceptionally(failure);
  }

  /** Sends the restore state line to the original, waiting on its standard input. */
  void sendToStdin(byte[] line) throws IOException {
    if (process instanceof ChildWorkerProcess launched) {
      var stdin = launched.process().getOutputStream();
      stdin.write(line);
      stdin.flush();
      stdin.close();
    } else {
      throw new IOException("container " + id + " has no standard input pipe");
    }
  }

  // Calls.

  /** Calls {@code method} and waits for its answer; throws the runtime's exception types. */
  public JsonNode call(String method, List<JsonNode> args) {
    long callId = callIds.incrementAndGet();
    PendingCall call = new PendingCall(method);
    calls.put(callId, call);
    if (ended.get()) {
      // Ended just now: whoever ended it may have missed this call.
      calls.remove(callId);
      String status = lostStatus;
      throw status == null
          ? new ContainerStoppingException(service.serviceName(), "Container " + id + " of service "
              + service.serviceName() + " has stopped; call of '" + method + "' refused.")
          : new WorkerDiedException(service.serviceName(), id, status, "Container " + id
              + " of service " + service.serviceName() + " died before the call of '" + method
              + "' could be sent: its worker JVM " + status + ". Its log: " + logFile);
    }
    FrameChannel current;
    synchronized (connectionLock) {
      current = channel;
    }
    if (current != null) {
      try {
        current.send(new Call(callId, method, args));
      } catch (IOException e) {
        // The reader sees the connection end and fails the call with the reason.
        LOG.log(Level.DEBUG, () -> "sending call " + method + " to " + id + " failed: " + e);
      }
    } else if (!ended.get()) {
      lost("it has no connection to the supervisor");
    }
    Duration patience = inputTimeout().plus(HUNG_WORKER_ALLOWANCE);
    try {
      return call.result.get(patience.toNanos(), TimeUnit.NANOSECONDS);
    } catch (ExecutionException e) {
      throw (RuntimeException) e.getCause();
    } catch (InterruptedException e) {
      calls.remove(callId);
      Thread.currentThread().interrupt();
      throw new InputInterruptedException(service.serviceName(), method, e);
    } catch (TimeoutException e) {
      lost("it did not answer a call within " + patience + " (input timeout plus "
          + HUNG_WORKER_ALLOWANCE + "), so it was taken for hung and killed");
      return call.result.join();
    }
  }

  public Duration inputTimeout() {
    Ready r = readyMessage;
    return r == null ? Duration.ofSeconds(300) : Duration.ofMillis(r.inputTimeoutMillis());
  }

  // Ending.

  /**
   * Stops the container: refuse new calls, let calls in flight finish within the grace period,
   * run the exit hooks, exit; killed when it takes longer than the grace period plus {@link
   * #EXIT_HOOK_ALLOWANCE}.
   */
  public void stop(String reason) {
    state = State.STOPPING;
    FrameChannel current;
    synchronized (connectionLock) {
      current = channel;
    }
    boolean asked = false;
    if (current != null) {
      try {
        current.send(new Stop(reason));
        asked = true;
      } catch (IOException e) {
        LOG.log(Level.DEBUG, () -> "could not ask container " + id + " to stop: " + e);
      }
    }
    WorkerProcess p = process;
    if (p != null) {
      Duration budget = asked ? exitGracePeriod().plus(EXIT_HOOK_ALLOWANCE) : Duration.ZERO;
      if (!p.awaitExit(budget)) {
        if (asked) {
          LOG.log(Level.WARNING, "Container " + id + " of service " + service.serviceName()
              + " did not exit within " + budget + " of being asked to stop (" + reason
              + "); killing it");
        }
        p.kill();
      }
    }
    end();
  }

  /** Kills the worker at once, no exit hooks (a failed or abandoned start). */
  void kill() {
    state = State.STOPPING;
    WorkerProcess p = process;
    if (p != null) {
      p.kill();
    }
    end();
  }

  private Duration exitGracePeriod() {
    Ready r = readyMessage;
    return r == null ? Duration.ofSeconds(30) : Duration.ofMillis(r.exitGracePeriodMillis());
  }

  private void end() {
    if (ended.compareAndSet(false, true)) {
      state = State.ENDED;
      failCalls();
      ready.completeExceptionally(new WorkerLaunchException(service.serviceName(),
          "Container " + id + " of service " + service.serviceName() + " was stopped while it started",
          null));
      checkpoint.complete(Optional.of("the container was stopped"));
      cleanUp();
    }
  }

  /** The worker went away without being asked to. */
  private void lost(String how) {
    synchronized (this) {
      if (state == State.STOPPING || state == State.ENDED || lossHandled) {
        return; // asked to stop (stop() or kill() ends it), or already being found lost
      }
      lossHandled = true;
      leaving = true;
    }
    WorkerProcess p = process;
    String status = p == null ? "never started"
        : p.exitStatus(EXIT_STATUS_WAIT).orElse("is still running although " + how);
    if (p != null && p.isRunning()) {
      p.kill(); // a worker that lost its connection cannot serve again
    }
    lostStatus = status; // before ended: a call that sees ended must also see how
    if (!ended.compareAndSet(false, true)) {
      return;
    }
    boolean wasStarting = state == State.STARTING;
    state = State.ENDED;
    String pid = p == null ? "" : " (" + p.describe() + ")";
    for (Map.Entry<Long, PendingCall> entry : calls.entrySet()) {
      if (calls.remove(entry.getKey(), entry.getValue())) {
        entry.getValue().result.completeExceptionally(new WorkerDiedException(service.serviceName(),
            id, status, "Container " + id + " of service " + service.serviceName() + pid
                + " died during the call of '" + entry.getValue().method + "': its worker JVM "
                + status + " (" + how + "). The pool replaces the container; its log is " + logFile
                + "." + logTail()));
      }
    }
    ready.completeExceptionally(new WorkerLaunchException(service.serviceName(),
        "Container " + id + " of service " + service.serviceName() + pid + " ended before it was"
            + " ready: its worker JVM " + status + " (" + how + "). Its log: " + logFile + logTail(),
        null));
    checkpoint.complete(Optional.of("the worker ended"));
    cleanUp();
    if (!wasStarting) {
      LOG.log(Level.WARNING, "Container " + id + " of service " + service.serviceName() + pid
          + " ended unexpectedly: its worker JVM " + status + "; see " + logFile);
    }
    onLost.accept(this);
  }

  /** Fails the calls still in flight of a container that was stopped or killed on purpose. */
  private void failCalls() {
    for (Map.Entry<Long, PendingCall> entry : calls.entrySet()) {
      if (calls.remove(entry.getKey(), entry.getValue())) {
        PendingCall call = entry.getValue();
        call.result.completeExceptionally(new ContainerStoppingException(service.serviceName(),
            "Container " + id + " of service " + service.serviceName() + " stopped while the call"
                + " of '" + call.method + "' was in flight; it was not answered."));
      }
    }
  }

  private void cleanUp() {
    FrameChannel current;
    synchronized (connectionLock) {
      current = channel;
      channel = null;
    }
    closeQuietly(current);
    Path file = stateFile;
    if (file != null) {
      try {
        Files.deleteIfExists(file);
      } catch (IOException e) {
        LOG.log(Level.DEBUG, () -> "could not delete " + file + ": " + e);
      }
    }
  }

  private String logTail() {
    try {
      List<String> lines = Files.readAllLines(logFile, StandardCharsets.UTF_8);
      if (lines.isEmpty()) {
        return "";
      }
      List<String> tail = lines.subList(Math.max(0, lines.size() - QUOTED_LOG_LINES), lines.size());
      return "\nLast lines of the log:\n  " + String.join("\n  ", tail);
    } catch (IOException | RuntimeException e) {
      return "";
    }
  }

  private static void closeQuietly(FrameChannel connection) {
    if (connection != null) {
      try {
        connection.close();
      } catch (IOException e) {
        // already broken
      }
    }
  }

  /** Where the worker serves its web endpoints and app; empty before Ready or when it has none. */
  public Optional<URI> webAddress() {
    Ready r = readyMessage;
    return r == null || r.webAddress() == null ? Optional.empty() : Optional.of(URI.create(r.webAddress()));
  }

  /** What the pool shows of this container. */
  public ContainerInfo info() {
    WorkerProcess p = process;
    Ready r = readyMessage;
    long readyAt = readyNanos;
    return new ContainerInfo(id, p == null ? -1 : p.pid(), startKind, ContainerInfo.State.valueOf(state.name()),
        requestedAt,
        readyAt == 0 ? Optional.empty() : Optional.of(Duration.ofNanos(readyAt - requestedNanos)),
        Optional.ofNullable(restoreDuration), r == null ? "" : r.snapshotOutcome(), timeline, logFile,
        webAddress());
  }

  @Override
  public String toString() {
    return "container " + id + " (" + state + ")";
  }

  /** A call waiting for its answer. */
  private static final class PendingCall {
    final String method;
    final CompletableFuture<JsonNode> result = new CompletableFuture<>();

    PendingCall(String method) {
      this.method = method;
    }
  }
}
