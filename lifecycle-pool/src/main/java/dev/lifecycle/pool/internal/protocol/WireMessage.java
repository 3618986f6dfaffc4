package dev.lifecycle.pool.internal.protocol;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything a supervisor and a worker JVM say to each other, one JSON object per frame.
 *
 * <p>The set of message types is closed: the {@code type} property names one of the records
 * below, never a Java class, so bytes from the channel can only ever become these records and
 * JSON trees. Argument and result values travel as JSON trees and are converted to the declared
 * parameter and return types of the {@code @Method}, never to a type the sender names.
 *
 * <p>A conversation, worker side first:
 *
 * <pre>
 * cold start:     Hello, PhaseChanged/HookFinished..., Ready | StartFailed
 * snapshot point: ..., Quiescing  (connection closed; the worker checks its open resources)
 *                 new connection: Hello, CheckpointReady (closed; the worker waits on stdin for a
 *                 {@link RestoreState}) | Hello, CheckpointRefused, ... (continues cold)
 * after restore:  new connection: Hello(restored), PhaseChanged/HookFinished..., Ready
 * serving:        Call → CallResult | CallFailed, any number at once, matched by call id;
 *                 Cancel interrupts a call whose caller gave up (its answer is then ignored);
 *                 a streaming call's answer is StreamItems, then CallResult (or CallFailed), the
 *                 worker sending no more items ahead than the StreamCredits it got
 * stopping:       Stop → Stopped, then the worker exits
 * </pre>
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
  @JsonSubTypes.Type(value = WireMessage.Hello.class, name = "hello"),
  @JsonSubTypes.Type(value = WireMessage.PhaseChanged.class, name = "phase"),
  @JsonSubTypes.Type(value = WireMessage.HookFinished.class, name = "hook"),
  @JsonSubTypes.Type(value = WireMessage.Ready.class, name = "ready"),
  @JsonSubTypes.Type(value = WireMessage.StartFailed.class, name = "start-failed"),
  @JsonSubTypes.Type(value = WireMessage.Quiescing.class, name = "quiescing"),
  @JsonSubTypes.Type(value = WireMessage.CheckpointReady.class, name = "checkpoint-ready"),
  @JsonSubTypes.Type(value = WireMessage.CheckpointRefused.class, name = "checkpoint-refused"),
  @JsonSubTypes.Type(value = WireMessage.CallResult.class, name = "result"),
  @JsonSubTypes.Type(value = WireMessage.CallFailed.class, name = "failed"),
  @JsonSubTypes.Type(value = WireMessage.Stopped.class, name = "stopped"),
  @JsonSubTypes.Type(value = WireMessage.Call.class, name = "call"),
  @JsonSubTypes.Type(value = WireMessage.Cancel.class, name = "cancel"),
  @JsonSubTypes.Type(value = WireMessage.StreamItem.class, name = "item"),
  @JsonSubTypes.Type(value = WireMessage.StreamCredit.class, name = "credit"),
  @JsonSubTypes.Type(value = WireMessage.Stop.class, name = "stop"),
})
public sealed interface WireMessage {

  // Worker to supervisor.

  /**
   * The first message on every connection.
   *
   * @param containerId the id the supervisor gave this container (at launch, or at restore)
   * @param pid the worker's pid as it sees it (1 inside a pid namespace of its own)
   * @param restored whether this process was restored from a snapshot
   * @param token the secret the supervisor gave this container, outside the snapshot image: at
   *     launch in the worker's environment, after the snapshot point in its restore state. It
   *     proves the connection comes from the process the pool started or restored.
   */
  record Hello(String containerId, long pid, boolean restored, String token) implements WireMessage {
    public Hello {
      Objects.requireNonNull(containerId, "containerId");
      Objects.requireNonNull(token, "token");
    }
  }

  /**
   * A phase change, for timelines.
   *
   * @param phase the {@code dev.lifecycle.runtime.Phase} entered, by name
   * @param epochMillis wall-clock time of the change
   * @param nanoTime {@link System#nanoTime()} of the change: CLOCK_MONOTONIC on Linux, so
   *     comparable with the supervisor's on the same machine, also in restored clones
   * @param detail what the runtime says about the change, may be empty
   * @param failure what made the container fail, or null
   */
  record PhaseChanged(String phase, long epochMillis, long nanoTime, String detail, RemoteError failure)
      implements WireMessage {}

  /**
   * A hook ran.
   *
   * @param index the hook's index in its service descriptor
   * @param phase the {@code HookPhase} by name
   * @param declaringClass the class that declares the hook method
   * @param methodName the hook method
   * @param startNanoTime {@link System#nanoTime()} when it started, as {@link PhaseChanged#nanoTime}
   * @param durationNanos how long it ran
   * @param failure what it threw, or null
   */
  record HookFinished(
      int index, String phase, String declaringClass, String methodName, long startNanoTime,
      long durationNanos, RemoteError failure) implements WireMessage {}

  /**
   * Every enter hook ran: the container serves calls from now on.
   *
   * @param snapshotOutcome what the snapshot step did ({@code SnapshotOutcome.toString()}), empty
   *     for services without a memory snapshot
   * @param maxConcurrentInputs how many calls the container serves at once
   * @param inputTimeoutMillis how long one call may run
   * @param exitGracePeriodMillis how long calls in flight may finish when it stops
   * @param webAddress where the container serves its {@code @WebEndpoint}s and {@code @WebApp}
   *     ({@code http://127.0.0.1:PORT/}); null when it serves none
   */
  record Ready(
      String snapshotOutcome, int maxConcurrentInputs, long inputTimeoutMillis,
      long exitGracePeriodMillis, String webAddress) implements WireMessage {}

  /**
   * The constructor or an enter hook threw (the exit hooks ran), or the worker could not start the
   * container at all; the worker exits after this message.
   *
   * @param error the start failure: its message names the hook, its cause is what the hook threw
   * @param failedHook the enter hook that threw; null when the constructor or the runtime failed
   */
  record StartFailed(RemoteError error, HookRef failedHook) implements WireMessage {}

  /**
   * The worker reached its snapshot point and closes this connection right after this message, so
   * that no socket is open while it lists its open resources; it reconnects with the verdict:
   * {@link CheckpointReady} or {@link CheckpointRefused}.
   */
  record Quiescing() implements WireMessage {}

  /**
   * The worker holds nothing a checkpoint must not see and closes this connection right after
   * this message; it waits on its standard input for the {@link RestoreState} of whichever
   * process continues from here.
   */
  record CheckpointReady() implements WireMessage {}

  /**
   * The worker refuses to be checkpointed and continues as a cold start on this connection.
   *
   * @param reason the full explanation, naming each offending descriptor
   */
  record CheckpointRefused(String reason) implements WireMessage {}

  /** A call returned; {@code value} is JSON null for void methods. */
  record CallResult(long callId, JsonNode value) implements WireMessage {}

  /** A call failed before, while or after the method ran. */
  record CallFailed(long callId, RemoteError error) implements WireMessage {}

  /** The exit hooks ran; {@code failure} is null when all of them returned normally. */
  record Stopped(RemoteError failure, List<String> overruns) implements WireMessage {
    public Stopped {
      overruns = List.copyOf(overruns);
    }
  }

  // Supervisor to worker.

  /**
   * Calls a {@code @Method} by name; {@code args} in declaration order. With {@code batch}, the
   * method is {@code @Batched} and {@code args} is one array: a batch the supervisor formed, each
   * element one caller's input, called as it is. With {@code streams}, the caller reads a
   * streaming method's items ({@link StreamItem}); a streaming method called without it is
   * refused.
   */
  record Call(long callId, String method, List<JsonNode> args, boolean batch, boolean streams)
      implements WireMessage {
    public Call {
      args = List.copyOf(args);
    }

    public Call(long callId, String method, List<JsonNode> args) {
      this(callId, method, args, false, false);
    }

    public Call(long callId, String method, List<JsonNode> args, boolean batch) {
      this(callId, method, args, batch, false);
    }
  }

  /**
   * One item of streaming call {@code callId}, in order: at first up to {@link #INITIAL_CREDITS},
   * then one for each credit.
   */
  record StreamItem(long callId, JsonNode value) implements WireMessage {
    /** How many items a worker may send before its first {@link StreamCredit}. */
    public static final int INITIAL_CREDITS = 16;
  }

  /** The caller took {@code items} more items of streaming call {@code callId}: send as many. */
  record StreamCredit(long callId, int items) implements WireMessage {}

  /** The caller gave up on call {@code callId}: interrupt it; nothing waits for its answer. */
  record Cancel(long callId) implements WireMessage {}

  /** Stop: refuse new calls, let calls in flight finish within the grace period, run exit hooks. */
  record Stop(String reason) implements WireMessage {}

  /**
   * An enter hook, as {@link StartFailed} names it.
   *
   * @param index its index in the service descriptor
   * @param phase the {@code HookPhase} by name
   * @param declaringClass the class that declares it
   * @param methodName its method
   */
  record HookRef(int index, String phase, String declaringClass, String methodName) {}

  /**
   * Written as one line ({@link RestoreStateLine}) to a worker's standard input when it continues
   * after its snapshot point: to the original process after the checkpoint, and to each clone at
   * its restore (the clone's stdin is a file holding this line). Not a {@link WireMessage}: it
   * never travels on the socket.
   *
   * @param containerId the id of the container this process now is
   * @param socketPath where the supervisor listens for it to reconnect
   * @param environment values given at restore time, read by the service through {@code
   *     RestoreEnvironment}
   * @param restored whether this process is a clone restored from the image ({@code false}: the
   *     original, which was checkpointed and keeps running)
   * @param snapshotFailure for the original only: why no snapshot was stored although it was ready
   *     for one (the snapshot engine failed); null when the snapshot was stored
   * @param token the container's secret from now on, for its {@link Hello}s (a new one for the
   *     original too: the one it was launched with is in the image)
   */
  record RestoreState(
      String containerId, String socketPath, Map<String, String> environment, boolean restored,
      String snapshotFailure, String token) {
    public RestoreState {
      Objects.requireNonNull(containerId, "containerId");
      Objects.requireNonNull(socketPath, "socketPath");
      Objects.requireNonNull(token, "token");
      environment = Map.copyOf(environment);
    }
  }
}
