package dev.lifecycle.pool.internal.worker;

import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The command line of {@link WorkerMain}, written by the supervisor and parsed by the worker.
 *
 * @param serviceClass the {@code @Service} class's binary name
 * @param socketPath the supervisor's Unix domain socket
 * @param containerId the id the supervisor gave this container
 * @param checkpoint whether to offer a checkpoint at the snapshot point ({@code false}: the pool
 *     runs without memory snapshots, and the snap hooks run in every container)
 * @param maxConcurrentInputs overrides {@code @Service(maxConcurrentInputs)}
 * @param inputTimeout overrides {@code @Service(inputTimeoutSeconds)}
 * @param exitGracePeriod overrides {@code @Service(exitGracePeriodSeconds)}
 */
public record WorkerArguments(
    String serviceClass,
    Path socketPath,
    String containerId,
    boolean checkpoint,
    Optional<Integer> maxConcurrentInputs,
    Optional<Duration> inputTimeout,
    Optional<Duration> exitGracePeriod) {

  private static final String SERVICE = "--service=";
  private static final String SOCKET = "--socket=";
  private static final String CONTAINER = "--container=";
  private static final String CHECKPOINT = "--checkpoint=";
  private static final String MAX_INPUTS = "--max-concurrent-inputs=";
  private static final String INPUT_TIMEOUT = "--input-timeout=";
  private static final String EXIT_GRACE = "--exit-grace-period=";

  public WorkerArguments {
    Objects.requireNonNull(serviceClass, "serviceClass");
    Objects.requireNonNull(socketPath, "socketPath");
    Objects.requireNonNull(containerId, "containerId");
    Objects.requireNonNull(maxConcurrentInputs, "maxConcurrentInputs");
    Objects.requireNonNull(inputTimeout, "inputTimeout");
    Objects.requireNonNull(exitGracePeriod, "exitGracePeriod");
  }

  /** The arguments, in a fixed order. */
  public List<String> toArguments() {
    List<String> args = new ArrayList<>();
    args.add(SERVICE + serviceClass);
    args.add(SOCKET + socketPath);
    args.add(CONTAINER + containerId);
    args.addAll(imageArguments());
    return args;
  }

  /**
   * The arguments that shape what a snapshot holds (the service and its options), without those
   * that differ per container or per supervisor (id, socket: both are replaced at restore). Part
   * of the snapshot key.
   */
  public List<String> imageArguments() {
    List<String> args = new ArrayList<>();
    args.add(SERVICE + serviceClass);
    args.add(CHECKPOINT + checkpoint);
    maxConcurrentInputs.ifPresent(n -> args.add(MAX_INPUTS + n));
    inputTimeout.ifPresent(d -> args.add(INPUT_TIMEOUT + d));
    exitGracePeriod.ifPresent(d -> args.add(EXIT_GRACE + d));
    return args;
  }

  /**
   * Parses {@link #toArguments()}'s output.
   *
   * @throws IllegalArgumentException naming the argument that is missing or wrong
   */
  public static WorkerArguments parse(String[] args) {
    String service = null;
    String socket = null;
    String container = null;
    boolean checkpoint = false;
    Integer maxInputs = null;
    Duration inputTimeout = null;
    Duration exitGrace = null;
    for (String arg : args) {
      if (arg.startsWith(SERVICE)) {
        service = arg.substring(SERVICE.length());
      } else if (arg.startsWith(SOCKET)) {
        socket = arg.substring(SOCKET.length());
      } else if (arg.startsWith(CONTAINER)) {
        container = arg.substring(CONTAINER.length());
      } else if (arg.startsWith(CHECKPOINT)) {
        checkpoint = Boolean.parseBoolean(arg.substring(CHECKPOINT.length()));
      } else if (arg.startsWith(MAX_INPUTS)) {
        maxInputs = Integer.valueOf(arg.substring(MAX_INPUTS.length()));
      } else if (arg.startsWith(INPUT_TIMEOUT)) {
        inputTimeout = duration(arg, INPUT_TIMEOUT);
      } else if (arg.startsWith(EXIT_GRACE)) {
        exitGrace = duration(arg, EXIT_GRACE);
      } else {
        throw new IllegalArgumentException("unknown worker argument '" + arg + "'; the worker JVM is"
            + " started by a Lifecycle supervisor of the same version, not by hand");
      }
    }
    require(service, SERVICE);
    require(socket, SOCKET);
    require(container, CONTAINER);
    return new WorkerArguments(service, Path.of(socket), container, checkpoint,
        Optional.ofNullable(maxInputs), Optional.ofNullable(inputTimeout), Optional.ofNullable(exitGrace));
  }

  private static Duration duration(String arg, String prefix) {
    try {
      return Duration.parse(arg.substring(prefix.length()));
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("worker argument '" + arg + "' is not an ISO-8601 duration", e);
    }
  }

  private static void require(String value, String prefix) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("worker argument " + prefix + "... is missing");
    }
  }
}
