package dev.lifecycle.pool.internal.worker;

import dev.lifecycle.pool.engine.CheckpointPolicy;
import dev.lifecycle.runtime.spi.ServiceParameters;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The command line of {@link WorkerMain}, written by the supervisor and parsed by the worker.
 *
 * @param serviceClass the {@code @Service} class's binary name
 * @param socketPath the supervisor's Unix domain socket
 * @param containerId the id the supervisor gave this container
 * @param checkpoint whether to offer a checkpoint at the snapshot point ({@code false}: the pool
 *     runs without memory snapshots, and the snap hooks run in every container)
 * @param engine the name of the pool's snapshot engine, for the timeline ({@code "none"} without
 *     a checkpoint)
 * @param checkpointPolicy what to refuse to be checkpointed with
 * @param replay whether this JVM is a restore that replays the snap hooks instead of being
 *     restored from a memory image ({@code SimulatedSnapshotEngine}): it then talks to no
 *     supervisor before its restore state arrives on standard input at the snapshot point
 * @param maxConcurrentInputs overrides {@code @Service(maxConcurrentInputs)}
 * @param inputTimeout overrides {@code @Service(inputTimeoutSeconds)}
 * @param exitGracePeriod overrides {@code @Service(exitGracePeriodSeconds)}
 * @param parameters the values of the service's {@code @Parameter} fields, by name; sorted, so
 *     that one set of parameters always makes one command line
 */
public record WorkerArguments(
    String serviceClass,
    Path socketPath,
    String containerId,
    boolean checkpoint,
    String engine,
    CheckpointPolicy checkpointPolicy,
    boolean replay,
    Optional<Integer> maxConcurrentInputs,
    Optional<Duration> inputTimeout,
    Optional<Duration> exitGracePeriod,
    Map<String, String> parameters) {

  private static final String SERVICE = "--service=";
  private static final String SOCKET = "--socket=";
  private static final String CONTAINER = "--container=";
  private static final String CHECKPOINT = "--checkpoint=";
  private static final String ENGINE = "--engine=";
  private static final String POLICY = "--checkpoint-policy=";
  /** Added by an engine that replays the snap hooks, after the arguments the image recorded. */
  public static final String REPLAY = "--replay-snapshot";
  private static final String MAX_INPUTS = "--max-concurrent-inputs=";
  private static final String INPUT_TIMEOUT = "--input-timeout=";
  private static final String EXIT_GRACE = "--exit-grace-period=";
  /** {@code --parameter=size=LARGE}: a parameter's name is a Java identifier, without {@code =}. */
  private static final String PARAMETER = "--parameter=";

  /** Without parameters. */
  public WorkerArguments(String serviceClass, Path socketPath, String containerId,
      boolean checkpoint, String engine, CheckpointPolicy checkpointPolicy, boolean replay,
      Optional<Integer> maxConcurrentInputs, Optional<Duration> inputTimeout,
      Optional<Duration> exitGracePeriod) {
    this(serviceClass, socketPath, containerId, checkpoint, engine, checkpointPolicy, replay,
        maxConcurrentInputs, inputTimeout, exitGracePeriod, Map.of());
  }

  public WorkerArguments {
    parameters = Collections.unmodifiableSortedMap(new TreeMap<>(parameters));
    Objects.requireNonNull(serviceClass, "serviceClass");
    Objects.requireNonNull(socketPath, "socketPath");
    Objects.requireNonNull(containerId, "containerId");
    Objects.requireNonNull(engine, "engine");
    Objects.requireNonNull(checkpointPolicy, "checkpointPolicy");
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
    args.addAll(parameterArguments());
    if (replay) {
      args.add(REPLAY);
    }
    return args;
  }

  /**
   * The arguments that shape what a snapshot holds (the service and its options), without those
   * that differ per container or per supervisor (id, socket: both are replaced at restore). Part
   * of the snapshot key. The parameters shape the snapshot too, but are not here: the key holds
   * them in a field of their own ({@link #parameterArguments()}).
   */
  public List<String> imageArguments() {
    List<String> args = new ArrayList<>();
    args.add(SERVICE + serviceClass);
    args.add(CHECKPOINT + checkpoint);
    args.add(ENGINE + engine);
    args.add(POLICY + checkpointPolicy);
    maxConcurrentInputs.ifPresent(n -> args.add(MAX_INPUTS + n));
    inputTimeout.ifPresent(d -> args.add(INPUT_TIMEOUT + d));
    exitGracePeriod.ifPresent(d -> args.add(EXIT_GRACE + d));
    return args;
  }

  /** {@code --parameter=<name>=<value>} for each parameter, by name. */
  public List<String> parameterArguments() {
    List<String> args = new ArrayList<>();
    parameters.forEach((name, value) -> args.add(PARAMETER + name + "=" + value));
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
    String engine = "none";
    CheckpointPolicy policy = CheckpointPolicy.REFUSE_UNOWNED_RESOURCES;
    boolean replay = false;
    Integer maxInputs = null;
    Duration inputTimeout = null;
    Duration exitGrace = null;
    Map<String, String> parameters = new TreeMap<>();
    for (String arg : args) {
      if (arg.startsWith(SERVICE)) {
        service = arg.substring(SERVICE.length());
      } else if (arg.startsWith(SOCKET)) {
        socket = arg.substring(SOCKET.length());
      } else if (arg.startsWith(CONTAINER)) {
        container = arg.substring(CONTAINER.length());
      } else if (arg.startsWith(CHECKPOINT)) {
        checkpoint = Boolean.parseBoolean(arg.substring(CHECKPOINT.length()));
      } else if (arg.startsWith(ENGINE)) {
        engine = arg.substring(ENGINE.length());
      } else if (arg.startsWith(POLICY)) {
        policy = policy(arg);
      } else if (arg.equals(REPLAY)) {
        replay = true;
      } else if (arg.startsWith(MAX_INPUTS)) {
        maxInputs = Integer.valueOf(arg.substring(MAX_INPUTS.length()));
      } else if (arg.startsWith(INPUT_TIMEOUT)) {
        inputTimeout = duration(arg, INPUT_TIMEOUT);
      } else if (arg.startsWith(EXIT_GRACE)) {
        exitGrace = duration(arg, EXIT_GRACE);
      } else if (arg.startsWith(PARAMETER)) {
        Map.Entry<String, String> parameter =
            ServiceParameters.assignment(arg.substring(PARAMETER.length()))
                .orElseThrow(() -> new IllegalArgumentException(
                    "worker argument '" + arg + "' is not --parameter=<name>=<value>"));
        parameters.put(parameter.getKey(), parameter.getValue());
      } else {
        throw new IllegalArgumentException("unknown worker argument '" + arg + "'; the worker JVM is"
            + " started by a Lifecycle supervisor of the same version, not by hand");
      }
    }
    require(service, SERVICE);
    require(socket, SOCKET);
    require(container, CONTAINER);
    return new WorkerArguments(service, Path.of(socket), container, checkpoint, engine, policy,
        replay, Optional.ofNullable(maxInputs), Optional.ofNullable(inputTimeout), Optional.ofNullable(exitGrace),
        parameters);
  }

  private static CheckpointPolicy policy(String arg) {
    try {
      return CheckpointPolicy.valueOf(arg.substring(POLICY.length()));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("worker argument '" + arg + "' names no checkpoint policy", e);
    }
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
