package dev.lifecycle.pool.engine;

import dev.lifecycle.pool.internal.worker.WorkerArguments;
import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A snapshot engine that needs neither root nor CRIU: it lets a pool's snapshot path (planning,
 * the store, every fallback and failure) run on any Linux machine, in tests above all.
 *
 * <p>It takes no memory image. Its "checkpoint" writes the worker's command line, its environment
 * and a block of filler into the image directory; its "restore" starts a new worker JVM from that command line,
 * which runs the constructor and the snap hooks again (unseen by the pool), takes its restore
 * state from standard input at the snapshot point as a real clone does, and goes on from there.
 * So a restored container behaves like a clone to the pool, in its timing (a cold start) and in
 * its snap hooks (run again, in this process) excepted.
 *
 * <p>Faults are configured per instance, each as the sentence a real engine would say:
 *
 * <pre>{@code
 * SimulatedSnapshotEngine.create().failingRestores("the image is damaged")
 * }</pre>
 *
 * <p>Immutable configuration; the counters are for tests. Linux only ({@code /proc}).
 */
public final class SimulatedSnapshotEngine implements SnapshotEngine {

  /** The worker's command line, NUL-separated as in {@code /proc/PID/cmdline}. */
  static final String COMMAND_FILE = "simulated-command";
  /**
   * The worker's environment, NUL-separated as in {@code /proc/PID/environ}: the replay starts
   * with it, as a clone starts with the memory (environment included) of the process checkpointed.
   */
  static final String ENVIRONMENT_FILE = "simulated-environment";
  /** Filler standing in for the memory pages: a file the store hashes, tests damage. */
  static final String MEMORY_FILE = "simulated-memory.img";
  private static final int MEMORY_BYTES = 256 * 1024;

  private final String identity;
  private final Optional<String> unavailable;
  private final Optional<String> checkpointFailure;
  private final Optional<String> restoreFailure;
  private final CheckpointPolicy policy;
  private final boolean clonesDie;
  private final AtomicInteger checkpoints = new AtomicInteger();
  private final AtomicInteger restores = new AtomicInteger();

  private SimulatedSnapshotEngine(String identity, Optional<String> unavailable,
      Optional<String> checkpointFailure, Optional<String> restoreFailure,
      CheckpointPolicy policy, boolean clonesDie) {
    this.identity = identity;
    this.unavailable = unavailable;
    this.checkpointFailure = checkpointFailure;
    this.restoreFailure = restoreFailure;
    this.policy = policy;
    this.clonesDie = clonesDie;
  }

  /** A working engine, identity {@code "simulated 1"}, refusing what CRIU's engine refuses. */
  public static SimulatedSnapshotEngine create() {
    return new SimulatedSnapshotEngine("simulated 1", Optional.empty(), Optional.empty(),
        Optional.empty(), CheckpointPolicy.REFUSE_UNOWNED_RESOURCES, false);
  }

  /** Another identity: its images are another engine's, as after an upgrade of a real one. */
  public SimulatedSnapshotEngine withIdentity(String newIdentity) {
    return new SimulatedSnapshotEngine(Objects.requireNonNull(newIdentity, "identity"),
        unavailable, checkpointFailure, restoreFailure, policy, clonesDie);
  }

  /** An engine that is not usable here, for {@code reason}. */
  public SimulatedSnapshotEngine unavailable(String reason) {
    return new SimulatedSnapshotEngine(identity, Optional.of(reason), checkpointFailure,
        restoreFailure, policy, clonesDie);
  }

  /** Every checkpoint fails with {@code reason}. */
  public SimulatedSnapshotEngine failingCheckpoints(String reason) {
    return new SimulatedSnapshotEngine(identity, unavailable, Optional.of(reason), restoreFailure,
        policy, clonesDie);
  }

  /** Every restore fails with {@code reason}. */
  public SimulatedSnapshotEngine failingRestores(String reason) {
    return new SimulatedSnapshotEngine(identity, unavailable, checkpointFailure,
        Optional.of(reason), policy, clonesDie);
  }

  /** What workers refuse to be checkpointed with. */
  public SimulatedSnapshotEngine withCheckpointPolicy(CheckpointPolicy newPolicy) {
    return new SimulatedSnapshotEngine(identity, unavailable, checkpointFailure, restoreFailure,
        Objects.requireNonNull(newPolicy, "policy"), clonesDie);
  }

  /**
   * Every restore "succeeds", but the restored worker exits with status 1 at once, before it says
   * hello: as a clone does that its image cannot carry (say, one restored with another process's
   * standard streams).
   */
  public SimulatedSnapshotEngine withClonesThatDie() {
    return new SimulatedSnapshotEngine(identity, unavailable, checkpointFailure, restoreFailure,
        policy, true);
  }

  /** How many checkpoints this instance took. */
  public int checkpoints() {
    return checkpoints.get();
  }

  /** How many restores this instance attempted, failed ones included. */
  public int restores() {
    return restores.get();
  }

  @Override
  public String name() {
    return "simulated";
  }

  @Override
  public EngineCheck check() {
    return unavailable.<EngineCheck>map(EngineCheck.Unavailable::new)
        .orElseGet(() -> new EngineCheck.Ready(identity));
  }

  @Override
  public List<String> launchPrefix() {
    return List.of();
  }

  @Override
  public CheckpointPolicy checkpointPolicy() {
    return policy;
  }

  @Override
  public void checkpoint(long pid, Path imageDirectory) throws SnapshotEngineException {
    checkpoints.incrementAndGet();
    if (checkpointFailure.isPresent()) {
      throw new SnapshotEngineException(checkpointFailure.get());
    }
    try {
      Path proc = Path.of("/proc", Long.toString(pid));
      Files.write(imageDirectory.resolve(COMMAND_FILE), Files.readAllBytes(proc.resolve("cmdline")));
      Files.write(imageDirectory.resolve(ENVIRONMENT_FILE),
          Files.readAllBytes(proc.resolve("environ")));
      byte[] memory = new byte[MEMORY_BYTES];
      Arrays.fill(memory, (byte) pid);
      Files.write(imageDirectory.resolve(MEMORY_FILE), memory);
    } catch (IOException e) {
      throw new SnapshotEngineException("the simulated checkpoint of process " + pid + " into "
          + imageDirectory + " failed: " + e.getMessage(), e);
    }
  }

  @Override
  public WorkerProcess restore(Path imageDirectory, RestoreRequest request)
      throws SnapshotEngineException {
    restores.incrementAndGet();
    if (restoreFailure.isPresent()) {
      throw new SnapshotEngineException(restoreFailure.get());
    }
    List<String> command = new ArrayList<>();
    command.add("setsid");
    Map<String, String> environment = new HashMap<>();
    try {
      command.addAll(entries(imageDirectory.resolve(COMMAND_FILE)));
      for (String entry : entries(imageDirectory.resolve(ENVIRONMENT_FILE))) {
        int equals = entry.indexOf('=');
        if (equals > 0) {
          environment.put(entry.substring(0, equals), entry.substring(equals + 1));
        }
      }
    } catch (IOException e) {
      throw new SnapshotEngineException("the simulated image " + imageDirectory + " cannot be read: "
          + e.getMessage(), e);
    }
    // The worker replays its snap hooks and takes its restore state at the snapshot point.
    command.add(WorkerArguments.REPLAY);
    if (clonesDie) {
      command = List.of("sh", "-c", "exit 1");
    }
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().clear();
    builder.environment().putAll(environment);
    builder
        .redirectInput(Redirect.from(request.standardInput().toFile()))
        .redirectOutput(Redirect.appendTo(request.log().toFile()))
        .redirectError(Redirect.appendTo(request.log().toFile()));
    try {
      return new ChildWorkerProcess(builder.start(), List.of());
    } catch (IOException e) {
      throw new SnapshotEngineException("the simulated restore of " + imageDirectory
          + " could not start " + command.get(1) + ": " + e.getMessage(), e);
    }
  }

  @Override
  public String toString() {
    return "SimulatedSnapshotEngine(" + identity + ")";
  }

  /** The NUL-separated entries of {@code file}. */
  private static List<String> entries(Path file) throws IOException {
    String text = Files.readString(file, StandardCharsets.UTF_8);
    return text.isEmpty() ? List.of() : Arrays.asList(text.split("\0"));
  }
}
