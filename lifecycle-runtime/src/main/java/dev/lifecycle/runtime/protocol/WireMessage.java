package dev.lifecycle.runtime.protocol;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * Everything a supervisor and a worker JVM say to each other, one JSON object per frame.
 *
 * <p>The set of message types is closed: the {@code type} property names one of the records
 * below, never a Java class, so bytes from the channel can only ever become these records and
 * JSON trees. Argument and result values travel as JSON trees and are converted to the declared
 * parameter and return types of the {@code @Method}, never to a type the sender names.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
  @JsonSubTypes.Type(value = WireMessage.Hello.class, name = "hello"),
  @JsonSubTypes.Type(value = WireMessage.PhaseChanged.class, name = "phase"),
  @JsonSubTypes.Type(value = WireMessage.HookFinished.class, name = "hook"),
  @JsonSubTypes.Type(value = WireMessage.Ready.class, name = "ready"),
  @JsonSubTypes.Type(value = WireMessage.StartFailed.class, name = "start-failed"),
  @JsonSubTypes.Type(value = WireMessage.CheckpointReady.class, name = "checkpoint-ready"),
  @JsonSubTypes.Type(value = WireMessage.CallResult.class, name = "result"),
  @JsonSubTypes.Type(value = WireMessage.CallFailed.class, name = "failed"),
  @JsonSubTypes.Type(value = WireMessage.Stopped.class, name = "stopped"),
  @JsonSubTypes.Type(value = WireMessage.Call.class, name = "call"),
  @JsonSubTypes.Type(value = WireMessage.Stop.class, name = "stop"),
})
public sealed interface WireMessage {

  // Worker to supervisor.

  /**
   * The first message on every connection.
   *
   * @param containerId the id the supervisor gave this container (at launch, or at restore)
   * @param pid the worker's pid as the supervisor sees it, when the worker knows it; else 0
   * @param restored whether this process was restored from a snapshot
   */
  record Hello(String containerId, long pid, boolean restored) implements WireMessage {}

  /** A phase change, for timelines. */
  record PhaseChanged(String phase, long epochMillis, String detail) implements WireMessage {}

  /** A hook ran; {@code failure} is null when it returned normally. */
  record HookFinished(String hook, String phase, long nanos, RemoteError failure)
      implements WireMessage {}

  /** Every enter hook ran: the container serves calls from now on. */
  record Ready(String snapshotOutcome) implements WireMessage {}

  /** The constructor or an enter hook threw; the exit hooks ran; the worker exits. */
  record StartFailed(RemoteError error) implements WireMessage {}

  /**
   * The worker reached its snapshot point, closed everything the checkpoint must not see, and
   * closes this connection right after this message; it waits on its standard input for the
   * {@link RestoreState} of whichever process continues from here.
   */
  record CheckpointReady() implements WireMessage {}

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

  /** Calls a {@code @Method} by name; {@code args} in declaration order. */
  record Call(long callId, String method, List<JsonNode> args) implements WireMessage {
    public Call {
      args = List.copyOf(args);
    }
  }

  /** Stop: refuse new calls, let calls in flight finish within the grace period, run exit hooks. */
  record Stop(String reason) implements WireMessage {}

  /**
   * Written as one JSON line to a worker's standard input when it continues after its snapshot
   * point: to the original process after the checkpoint, and to each clone after its restore.
   *
   * @param containerId the id of the container this process now is
   * @param socketPath where the supervisor listens for it to reconnect
   * @param environment values given at restore time, read by the service through {@code
   *     RestoreEnvironment}
   */
  record RestoreState(String containerId, String socketPath, Map<String, String> environment) {
    public RestoreState {
      environment = Map.copyOf(environment);
    }
  }
}
