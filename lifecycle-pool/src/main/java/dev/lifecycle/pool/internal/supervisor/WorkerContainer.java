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
import dev.lifecycle.pool.internal.protocol.WireMessage.Cancel;
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
import dev.lifecycle.pool.internal.protocol.WireMessage.StreamCredit;
import dev.lifecycle.pool.internal.protocol.WireMessage.StreamItem;
import dev.lifecycle.pool.internal.protocol.WorkerTokens;
import dev.lifecycle.pool.internal.scheduling.PoolScheduler;
import dev.lifecycle.runtime.ContainerStoppingException;
import dev.lifecycle.runtime.InputInterruptedException;
import dev.lifecycle.runtime.Phase;
import dev.lifecycle.runtime.PhaseEvent;
import dev.lifecycle.runtime.Timeline;
import dev.lifecycle.runtime.internal.Durations;
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
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * The supervisor's side of one container: its worker process, and what the worker says on its
 * {@link WorkerConnection} about its {@link WorkerStartup start}, its {@link PendingCalls calls}
 * and its timeline; its {@link WorkerState state} decides what may still happen to it.
 *
 * <p>The worker may close its connection on purpose (at the snapshot point) and connect again;
 * any other end of a connection, or of the process, means the worker is gone: every call in
 * flight fails at once with {@link WorkerDiedException}, naming the container and how its process
 * ended, and the pool hears of it to replace the container.
 */
public final class WorkerContainer implements PoolScheduler.Schedulable {

  private static final System.Logger LOG = System.getLogger(WorkerContainer.class.getName());

  /** How long to wait for a dead worker's exit status before reporting without it. */
  private static final Duration EXIT_STATUS_WAIT = Duration.ofSeconds(2);
  /** How often a wait for the worker checks that its process still runs. */
  private static final long LIVENESS_POLL_MILLIS = 100;
  /**
   * Beyond the input timeout, how long an input (a call or a web request) may stay unanswered
   * before the worker counts as hung: the worker answers every input by its input timeout itself,
   * so silence past this is a frozen or stuck process.
   */
  public static final Duration HUNG_WORKER_ALLOWANCE = Duration.ofSeconds(10);
  /** Beyond the exit grace period, how long the exit hooks may take before the worker is killed. */
  static final Duration EXIT_HOOK_ALLOWANCE = Duration.ofSeconds(ContainerPool.EXIT_ALLOWANCE_SECONDS);
  /** How many lines of the worker's log a start failure quotes. */
  private static final int QUOTED_LOG_LINES = 8;

  private final String id;
  private final LocalService service;
  private final Path logFile;
  private final Consumer<WorkerContainer> onLost;
  private final long requestedNanos = System.nanoTime();
  private final Instant requestedAt = Instant.now();
  private final Timeline timeline = new Timeline();
  private final WorkerStartup startup = new WorkerStartup();
  private final PendingCalls calls = new PendingCalls();
  private final WorkerConnection connection = new WorkerConnection();
  private final WorkerState state = new WorkerState();

  private volatile WorkerProcess process;
  private volatile StartKind startKind;
  private volatile Phase lastPhase;
  private volatile Ready readyMessage;
  private final Duration graceBeforeReady;
  private volatile long readyNanos;
  private volatile Duration restoreDuration;
  private volatile Path stateFile;
  /** What the worker's {@code Hello} must carry; renewed for the original after its checkpoint. */
  private volatile String token = WorkerTokens.next();

  /**
   * @param graceBeforeReady the exit grace period of a container asked to stop before it said
   *     ready (which brings the worker's own): the pool's, else the service's as this JVM knows it
   */
  WorkerContainer(String id, StartKind startKind, LocalService service, Path logFile,
      Duration graceBeforeReady, Consumer<WorkerContainer> onLost) {
    this.graceBeforeReady = graceBeforeReady;
    this.id = id;
    this.startKind = startKind;
    this.service = service;
    this.logFile = logFile;
    this.onLost = onLost;
  }

  public String id() {
    return id;
  }

  WorkerState.State state() {
    return state.current();
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

  /** How it started: cold, checkpointed (the original of a snapshot), or restored. */
  public StartKind startKind() {
    return startKind;
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
  @Override
  public boolean acceptsCalls() {
    return state.acceptsCalls();
  }

  /** How many calls the worker serves at once; 1 until it said. */
  @Override
  public int maxConcurrentInputs() {
    Ready r = readyMessage;
    return r == null ? 1 : r.maxConcurrentInputs();
  }

  /** The token the worker proves itself with now. */
  String token() {
    return token;
  }

  /** Whether the worker went away without being asked to (its process died, or it hung). */
  boolean endedOnItsOwn() {
    return state.lostStatus().isPresent();
  }

  /** A new token for the worker from now on (the original's after its checkpoint); returned. */
  String renewToken() {
    token = WorkerTokens.next();
    return token;
  }

  /** Whether {@code hello} comes from this container's worker: it carries the current token. */
  boolean admits(Hello hello) {
    return WorkerTokens.matches(token, hello.token());
  }

  // The connection.

  /**
   * A connection whose {@link Hello} named this container, the socket's {@code sequence}th
   * accepted; reads it on the calling thread.
   */
  void serve(FrameChannel channel, Hello hello, long sequence) {
    connection.attach(channel, sequence);
    if (hello.restored()) {
      startKind = StartKind.RESTORED;
    }
    try {
      while (true) {
        Optional<WireMessage> message = channel.receive();
        if (message.isEmpty()) {
          break;
        }
        handle(message.get());
      }
    } catch (IOException e) {
      LOG.log(Level.DEBUG, () -> "connection of container " + id + " ended: " + e);
    }
    if (connection.ended(channel)) {
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
        state.leaving(); // stopping on its own (SIGTERM) or as asked: it refuses new calls now
      }
    } else if (message instanceof HookFinished h) {
      timeline.hookRan(new Timeline.HookRun(
          new HookDescriptor(h.index(), HookPhase.valueOf(h.phase()), h.declaringClass(), h.methodName()),
          h.startNanoTime(), Duration.ofNanos(h.durationNanos()),
          h.failure() == null ? null : h.failure().toException()));
    } else if (message instanceof Ready r) {
      readyMessage = r;
      readyNanos = System.nanoTime();
      state.ready();
      startup.ready(r);
    } else if (message instanceof StartFailed f) {
      startup.failed(RemoteFailures.ofStart(service, id, f));
    } else if (message instanceof Quiescing) {
      connection.expectReconnect();
    } else if (message instanceof CheckpointReady) {
      connection.expectReconnect();
      startup.readyForCheckpoint();
    } else if (message instanceof CheckpointRefused refused) {
      startup.refusedCheckpoint(refused.reason());
    } else if (message instanceof StreamItem item) {
      calls.item(item.callId(), item.value());
    } else if (message instanceof CallResult result) {
      calls.answered(result.callId(), result.value());
    } else if (message instanceof CallFailed failed) {
      calls.failed(failed.callId(),
          method -> RemoteFailures.ofCall(service, id, method, failed.error(), inputTimeout()));
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

  // Starting.

  /**
   * Waits for the worker to reach its snapshot point, or to finish starting without one.
   *
   * @throws RuntimeException what the start failed with, as {@link #awaitReady} throws it
   */
  WorkerStartup.SnapshotPointOutcome awaitSnapshotPoint(Duration timeout) {
    await(timeout, true);
    if (startup.failedToStart()) {
      startup.result(); // throws the failure
    }
    return startup.snapshotPointOutcome();
  }

  /** Why the worker refused to be checkpointed; empty unless it did. */
  Optional<String> refusal() {
    return startup.refusal();
  }

  /** Waits for Ready; throws what the start failed with. */
  Ready awaitReady(Duration timeout) {
    await(timeout, false);
    return startup.result();
  }

  private void await(Duration timeout, boolean orSnapshotPoint) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!startup.decided(orSnapshotPoint)) {
      WorkerProcess p = process;
      if (p != null && !p.isRunning()) {
        lost("its process ended");
      }
      if (System.nanoTime() - deadline > 0) {
        startup.failed(new WorkerLaunchException(service.serviceName(), "Container " + id + " of service "
            + service.serviceName() + " did not " + (orSnapshotPoint ? "reach its snapshot point"
            : "start") + " within " + Durations.format(timeout) + "; it was killed. Its log: " + logFile + logTail(),
            null));
        kill();
        return;
      }
      try {
        startup.awaitAnyOutcome(LIVENESS_POLL_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        startup.failed(new WorkerLaunchException(service.serviceName(), "The thread starting container "
            + id + " was interrupted; the container was killed", e));
        kill();
        return;
      }
    }
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
    return call(method, args, false, new CompletableFuture<>());
  }

  /**
   * Calls {@code method}; with {@code batch}, {@code args} is one array, a batch of a {@code
   * @Batched} method's inputs, and the answer the array of their results.
   */
  public JsonNode call(
      String method, List<JsonNode> args, boolean batch, CompletableFuture<?> cancellation) {
    PendingCalls.Pending call = calls.add(method);
    if (state.hasEnded()) {
      // Ended just now: whoever ended it may have missed this call.
      calls.remove(call);
      String status = state.lostStatus().orElse(null);
      throw status == null
          ? new ContainerStoppingException(service.serviceName(), "Container " + id + " of service "
              + service.serviceName() + " has stopped; call of '" + method + "' refused.")
          : new WorkerDiedException(service.serviceName(), id, status, "Container " + id
              + " of service " + service.serviceName() + " died before the call of '" + method
              + "' could be sent: its worker JVM " + status + ". Its log: " + logFile);
    }
    boolean sent = true;
    try {
      sent = connection.send(new Call(call.id(), method, args, batch));
    } catch (IOException e) {
      // The reader sees the connection end and fails the call with the reason.
      LOG.log(Level.DEBUG, () -> "sending call " + method + " to " + id + " failed: " + e);
    }
    if (!sent && !state.hasEnded()) {
      lost("it has no connection to the supervisor");
    }
    Duration patience = answerDeadline();
    long deadline = System.nanoTime() + patience.toNanos();
    try {
      CompletableFuture.anyOf(call.result(), cancellation)
          .get(patience.toNanos(), TimeUnit.NANOSECONDS);
    } catch (ExecutionException | CancellationException whicheverCameFirst) {
      // Told apart below: the answer, or the caller giving up.
    } catch (InterruptedException e) {
      calls.remove(call);
      cancel(call);
      Thread.currentThread().interrupt();
      throw new InputInterruptedException(service.serviceName(), method, e);
    } catch (TimeoutException e) {
      unresponsive("a call of '" + method + "'");
    }
    if (!call.result().isDone()) {
      // The caller gave up: the worker interrupts the input; its answer, awaited as any other,
      // frees the slot once the method returned, and is dropped.
      cancel(call);
      awaitAfterCancel(call, deadline);
      throw new CancellationException("The call of '" + method + "' of service "
          + service.serviceName() + " was cancelled; container " + id + " interrupted it.");
    }
    try {
      return call.result().join();
    } catch (CompletionException failed) {
      throw (RuntimeException) failed.getCause(); // the method's failure, or WorkerDiedException
    }
  }

  /**
   * Starts a streaming call of {@code method}: its items as they come, at most {@link
   * RemoteItems#CREDITS} sent ahead of the caller. {@code ended} runs once the worker answered
   * (the stream's end, its failure, or the answer to a cancel).
   */
  public RemoteItems callStreaming(String method, List<JsonNode> args, Runnable ended) {
    RemoteItems items = new RemoteItems(this, method);
    PendingCalls.Pending call = calls.add(method, items::arrived);
    items.started(call);
    call.result().whenComplete((value, failure) -> {
      items.ended(failure);
      ended.run();
    });
    if (state.hasEnded()) {
      calls.failed(call.id(), name -> new ContainerStoppingException(service.serviceName(),
          "Container " + id + " of service " + service.serviceName() + " has stopped; call of '"
              + name + "' refused."));
      return items;
    }
    boolean sent = true;
    try {
      sent = connection.send(new Call(call.id(), method, args, false, true));
    } catch (IOException e) {
      LOG.log(Level.DEBUG, () -> "sending call " + method + " to " + id + " failed: " + e);
    }
    if (!sent && !state.hasEnded()) {
      lost("it has no connection to the supervisor");
    }
    return items;
  }

  /** The caller of streaming call {@code call} took {@code count} items: the worker may send more. */
  void credit(PendingCalls.Pending call, int count) {
    try {
      connection.send(new StreamCredit(call.id(), count));
    } catch (IOException e) {
      LOG.log(Level.DEBUG, () -> "crediting call " + call.id() + " on " + id + " failed: " + e);
    }
  }

  /** The worker sent more items than it was credited: it is not to be trusted with more. */
  void sentBeyondCredits(String method) {
    lost("it sent more items of a stream of '" + method + "' than its caller asked for");
  }

  /** Cancels streaming call {@code call}, whose caller closed its stream. */
  void cancelStream(PendingCalls.Pending call) {
    cancel(call);
  }

  private void awaitAfterCancel(PendingCalls.Pending call, long deadline) {
    try {
      call.result().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      unresponsive("a cancelled call of '" + call.method() + "'");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException answeredWithAFailure) {
      // The interrupted method's own failure, or the container lost: either way it is over.
    }
  }

  /** Tells the worker to interrupt {@code call}, whose caller no longer waits for it. */
  private void cancel(PendingCalls.Pending call) {
    try {
      connection.send(new Cancel(call.id()));
    } catch (IOException e) {
      // The connection ended: the worker stops its calls itself.
      LOG.log(Level.DEBUG, () -> "cancelling call " + call.id() + " on " + id + " failed: " + e);
    }
  }

  /** How long an input sent now may take to be answered: the input timeout, plus the allowance. */
  public Duration answerDeadline() {
    return inputTimeout().plus(HUNG_WORKER_ALLOWANCE);
  }

  /**
   * The worker did not answer {@code what} by its {@link #answerDeadline()}: it is taken for hung,
   * killed, every input in flight fails, and the pool replaces it.
   */
  public void unresponsive(String what) {
    lost("it did not answer " + what + " within " + Durations.format(answerDeadline())
        + " (its input timeout plus " + Durations.format(HUNG_WORKER_ALLOWANCE) + "), so it was"
        + " taken for hung and killed");
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
    state.stopping();
    boolean asked = false;
    try {
      asked = connection.send(new Stop(reason));
    } catch (IOException e) {
      LOG.log(Level.DEBUG, () -> "could not ask container " + id + " to stop: " + e);
    }
    WorkerProcess p = process;
    if (p != null) {
      Duration budget = asked ? exitGracePeriod().plus(EXIT_HOOK_ALLOWANCE) : Duration.ZERO;
      if (!p.awaitExit(budget)) {
        if (asked) {
          LOG.log(Level.WARNING, "Container " + id + " of service " + service.serviceName()
              + " did not exit within " + Durations.format(budget) + " of being asked to stop (" + reason
              + "); killing it");
        }
        p.kill();
      }
    }
    end();
  }

  /** Kills the worker at once, no exit hooks (a failed or abandoned start). */
  void kill() {
    state.stopping();
    WorkerProcess p = process;
    if (p != null) {
      p.kill();
    }
    end();
  }

  private Duration exitGracePeriod() {
    Ready r = readyMessage;
    return r == null ? graceBeforeReady : Duration.ofMillis(r.exitGracePeriodMillis());
  }

  private void end() {
    if (state.end()) {
      calls.failAll(method -> new ContainerStoppingException(service.serviceName(),
          "Container " + id + " of service " + service.serviceName() + " stopped while the call"
              + " of '" + method + "' was in flight; it was not answered."));
      startup.failed(new WorkerLaunchException(service.serviceName(),
          "Container " + id + " of service " + service.serviceName() + " was stopped while it started",
          null));
      startup.refusedCheckpoint("the container was stopped");
      cleanUp();
    }
  }

  /** The worker went away without being asked to. */
  private void lost(String how) {
    if (!state.claimLoss()) {
      return; // asked to stop (stop() or kill() ends it), or already being found lost
    }
    WorkerProcess p = process;
    String status = p == null ? "never started"
        : p.exitStatus(EXIT_STATUS_WAIT).orElse("is still running although " + how);
    if (p != null && p.isRunning()) {
      p.kill(); // a worker that lost its connection cannot serve again
    }
    state.lostWith(status); // before the end: a call that sees it ended must also see how
    boolean wasStarting = state.current() == WorkerState.State.STARTING;
    if (!state.end()) {
      return;
    }
    String pid = p == null ? "" : " (" + p.describe() + ")";
    calls.failAll(method -> new WorkerDiedException(service.serviceName(), id, status,
        "Container " + id + " of service " + service.serviceName() + pid + " died during the call"
            + " of '" + method + "': its worker JVM " + status + " (" + how + "). The pool"
            + " replaces the container; its log is " + logFile + "." + logTail()));
    startup.failed(new WorkerLaunchException(service.serviceName(),
        "Container " + id + " of service " + service.serviceName() + pid + " ended before it was"
            + " ready: its worker JVM " + status + " (" + how + "). Its log: " + logFile + logTail(),
        null));
    startup.refusedCheckpoint("the worker ended");
    cleanUp();
    if (!wasStarting) {
      LOG.log(Level.WARNING, "Container " + id + " of service " + service.serviceName() + pid
          + " ended unexpectedly: its worker JVM " + status + "; see " + logFile);
    }
    onLost.accept(this);
  }

  private void cleanUp() {
    connection.close();
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
    return new ContainerInfo(id, p == null ? -1 : p.pid(), startKind,
        ContainerInfo.State.valueOf(state.current().name()),
        requestedAt,
        readyAt == 0 ? Optional.empty() : Optional.of(Duration.ofNanos(readyAt - requestedNanos)),
        Optional.ofNullable(restoreDuration), r == null ? "" : r.snapshotOutcome(), timeline, logFile,
        webAddress());
  }

  @Override
  public String toString() {
    return "container " + id + " (" + state + ")";
  }
}
