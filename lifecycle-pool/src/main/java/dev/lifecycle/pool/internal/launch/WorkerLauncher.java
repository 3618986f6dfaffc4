package dev.lifecycle.pool.internal.launch;

import dev.lifecycle.pool.engine.ChildWorkerProcess;
import dev.lifecycle.pool.internal.PoolConfig;
import dev.lifecycle.pool.internal.protocol.WorkerTokens;
import dev.lifecycle.pool.internal.worker.WorkerArguments;
import dev.lifecycle.pool.internal.worker.WorkerMain;
import dev.lifecycle.runtime.RestoreEnvironment;
import java.io.File;
import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.jar.JarFile;

/**
 * Starts worker JVMs.
 *
 * <ul>
 *   <li>A worker that may be checkpointed runs as {@code <engine's launch prefix> setsid java ...}
 *       (for CRIU, first in a pid namespace of its own), a session leader (a checkpoint takes
 *       whole sessions). Its standard input is a pipe, for the restore state it reads after the
 *       checkpoint; its output is a pipe copied into its log file (an image that recorded a log
 *       file's size would not restore once the file grew).
 *   <li>Any other worker runs as {@code setsid java ...} (its own session: a Ctrl-C meant for the
 *       supervisor's terminal does not reach it; the supervisor stops it), with its output
 *       appended to its log file.
 * </ul>
 *
 * <p>Every worker gets {@code -XX:-UsePerfData} (no {@code /tmp/hsperfdata} file, which clones
 * would share by pid) and its container id in {@value RestoreEnvironment#CONTAINER_ID}.
 */
public final class WorkerLauncher {

  static final String NO_PERF_DATA = "-XX:-UsePerfData";

  private final PoolConfig config;
  private final boolean serviceTakesSnapshots;

  /**
   * @param serviceTakesSnapshots whether the supervisor knows the service enables memory
   *     snapshots (false too when it cannot load the service class to tell)
   */
  public WorkerLauncher(PoolConfig config, boolean serviceTakesSnapshots) {
    this.config = config;
    this.serviceTakesSnapshots = serviceTakesSnapshots;
  }

  /**
   * Checks that {@code classpath} holds the worker's main class, so that a class path without
   * lifecycle-pool is named now, not by the first worker's "Could not find or load main class".
   *
   * @throws IllegalArgumentException naming the class path and the artifact to add
   */
  public static void requireWorkerMain(String serviceClassName, List<Path> classpath) {
    String entry = WorkerMain.class.getName().replace('.', '/') + ".class";
    // The jar or directory this JVM loaded the worker's main class from holds it: no need to open
    // every jar before it (a millisecond or two per pool otherwise).
    if (OWN_LOCATION.isPresent() && classpath.stream()
        .anyMatch(element -> element.toAbsolutePath().normalize().equals(OWN_LOCATION.get()))) {
      return;
    }
    for (Path element : classpath) {
      if (Files.isDirectory(element) ? Files.isRegularFile(element.resolve(entry))
          : holds(element, entry)) {
        return;
      }
    }
    throw new IllegalArgumentException("The workers' class path for " + serviceClassName + " ("
        + classpath + ") does not hold lifecycle-pool, whose " + WorkerMain.class.getName()
        + " every worker JVM runs: add the lifecycle-pool jar and its dependencies"
        + " (lifecycle-runtime, lifecycle-web, Jackson) to it.");
  }

  /** Where this JVM loaded {@link WorkerMain} from, absolute and normalized; empty if unknown. */
  private static final Optional<Path> OWN_LOCATION = ownLocation();

  private static Optional<Path> ownLocation() {
    try {
      CodeSource source = WorkerMain.class.getProtectionDomain().getCodeSource();
      return source == null ? Optional.empty()
          : Optional.of(Path.of(source.getLocation().toURI()).toAbsolutePath().normalize());
    } catch (URISyntaxException | RuntimeException unknown) {
      return Optional.empty();
    }
  }

  private static boolean holds(Path jar, String entry) {
    try (JarFile file = new JarFile(jar.toFile())) {
      return file.getEntry(entry) != null;
    } catch (IOException notAJar) {
      return false;
    }
  }

  /** The JVM options every worker gets: {@link #NO_PERF_DATA}, then the pool's. */
  public List<String> jvmOptions() {
    List<String> options = new ArrayList<>();
    options.add(NO_PERF_DATA);
    options.addAll(config.jvmOptions());
    return options;
  }

  /** The worker arguments of a container; {@code checkpoint}: offer a checkpoint. */
  public WorkerArguments arguments(Path socket, String containerId, boolean checkpoint) {
    return new WorkerArguments(config.serviceClassName(), socket, containerId, checkpoint,
        checkpoint ? config.engine().name() : "none", config.engine().checkpointPolicy(), false,
        config.maxConcurrentInputs(), config.inputTimeout(), config.exitGracePeriod(),
        config.parameters());
  }

  /**
   * What a worker that may be checkpointed keeps of the supervisor's environment: what the JVM
   * and the tools it runs need to find programs, the user's home, the locale and the time zone.
   */
  public static final String CHECKPOINT_ENVIRONMENT = "PATH, HOME, USER, LOGNAME, LANG, LC_*, TZ, TMPDIR";

  private static final Set<String> KEPT = Set.of("PATH", "HOME", "USER", "LOGNAME", "LANG", "TZ", "TMPDIR");

  private static boolean keptForCheckpoint(String name) {
    return KEPT.contains(name) || name.startsWith("LC_");
  }

  /**
   * Launches a worker.
   *
   * @param environment the pool's restore-time values, for the process environment of a cold
   *     container; a container to be checkpointed gets them only after its checkpoint, so that its
   *     image holds none, and starts with {@value #CHECKPOINT_ENVIRONMENT} and the pool's build
   *     environment instead of the supervisor's
   * @param token the secret the worker proves itself with until its snapshot point; in its
   *     environment, which only this user can read, not on its command line, which anyone can
   */
  public ChildWorkerProcess launch(WorkerArguments arguments, Map<String, String> environment,
      String token, Path logFile) throws IOException {
    // Only a worker known to reach a snapshot point reads restore-time values at it; one of a
    // service whose class the supervisor cannot load may never, so it gets them at launch.
    boolean snapshotsKnown = serviceTakesSnapshots;
    List<String> command = new ArrayList<>();
    List<String> prefix = arguments.checkpoint() ? config.engine().launchPrefix() : List.of();
    command.addAll(prefix);
    command.add("setsid");
    command.add(config.javaExecutable().toString());
    command.addAll(jvmOptions());
    command.add("-cp");
    command.add(config.classpathString());
    command.add(WorkerMain.class.getName());
    command.addAll(arguments.toArguments());

    ProcessBuilder builder = new ProcessBuilder(command);
    if (arguments.checkpoint() && snapshotsKnown) {
      // Its environment is in its image and in every clone's: only what the JVM needs and what
      // the user declared for the build. Restore-time values come after the checkpoint (or, when
      // it refuses one, at its snapshot point).
      Map<String, String> inherited = Map.copyOf(builder.environment());
      builder.environment().clear();
      inherited.forEach((name, value) -> {
        if (keptForCheckpoint(name)) {
          builder.environment().put(name, value);
        }
      });
      builder.environment().putAll(config.buildEnvironment());
    } else {
      builder.environment().putAll(config.buildEnvironment());
      builder.environment().putAll(environment);
    }
    builder.environment().put(RestoreEnvironment.CONTAINER_ID, arguments.containerId());
    builder.environment().put(WorkerTokens.ENVIRONMENT_VARIABLE, token);
    if (arguments.checkpoint()) {
      builder.redirectErrorStream(true);
    } else {
      builder.redirectInput(Redirect.from(new File("/dev/null")));
      builder.redirectOutput(Redirect.appendTo(logFile.toFile()));
      builder.redirectError(Redirect.appendTo(logFile.toFile()));
    }
    PrivateDirectory.createPrivateFile(logFile);
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new IOException("cannot launch a worker JVM (" + String.join(" ", command.subList(0,
          command.indexOf(config.javaExecutable().toString()) + 1)) + "): " + e.getMessage(), e);
    }
    if (arguments.checkpoint()) {
      LogPump.start(process.getInputStream(), logFile, arguments.containerId());
    }
    return new ChildWorkerProcess(process, prefix);
  }
}
