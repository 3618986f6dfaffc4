package dev.lifecycle.cli;

import dev.lifecycle.pool.ContainerInfo;
import dev.lifecycle.pool.ContainerPool;
import dev.lifecycle.pool.ContainerPoolBuilder;
import dev.lifecycle.pool.SnapshotStatus;
import dev.lifecycle.pool.SnapshotStoreAdmin;
import dev.lifecycle.pool.criu.CriuEngine;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.URLClassLoader;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@code lifecycle run}: one container of a service as the main program of this process, the
 * entry point of a Kubernetes pod or a systemd unit.
 *
 * <p>A pool of exactly one container: its first start restores the store's snapshot of the key,
 * or, when the store has none, starts cold and checkpoints into it (so the next process, on this
 * machine or another sharing the store, restores). Ready once the container's enter hooks ran:
 * then the ready file is written (its first line names the container, how it started and its
 * worker's pid) and a line goes to standard output. On SIGTERM or SIGINT the ready file is removed
 * first (no new traffic), then the pool closes: calls in flight finish within the exit grace
 * period, the exit hooks run, and the process exits with 0.
 *
 * <p>A stop asked for while the container starts ends the start (the container is asked to stop,
 * which it does once its enter hooks returned, and is killed after its exit grace period and 10 s
 * for its exit hooks) and exits with 0; a second one ends the process
 * at once, the starting worker killed, with 143 (SIGTERM) or 130 (SIGINT). When the container ends
 * without being asked to (its worker JVM died), the ready file is removed and the process exits
 * with 1, so that the pod or unit restarts it: a pool of one would otherwise retry, with back-off,
 * behind a ready file that still said "ready".
 */
final class RunCommand {

  static final String USAGE = String.join("\n",
      "usage: lifecycle run SERVICE_CLASS --classpath CP [options]",
      "  Runs one container of SERVICE_CLASS as this process's main program: restored from the",
      "  snapshot store, or started cold and checkpointed into it when it has no image for the key.",
      "  --classpath CP        the service, its generated dispatcher and its dependencies (':'-separated,",
      "                        DIR/* for every jar in DIR);",
      "                        lifecycle-pool and what it needs are added from this tool's jar when absent",
      "  --store PATH          the snapshot store (may be a volume shared by machines); default",
      "                        " + SnapshotStoreAdmin.defaultRoot(),
      "  --budget SIZE         the store's budget (default " + Sizes.human(SnapshotStoreAdmin.DEFAULT_BUDGET) + ")",
      "  --port N              the port of the service's web endpoints (default 0: a free one)",
      "  --bind ADDRESS        the address they listen on (default 127.0.0.1; 0.0.0.0 in a pod)",
      "  --ready-file PATH     written once the enter hooks ran (the web address inside), removed at stop",
      "  --parameter NAME=VALUE  a @Parameter of the service (part of the snapshot key), repeatable",
      "  --env NAME=VALUE      a value the container reads at restore (RestoreEnvironment), repeatable",
      "  --build-env NAME=VALUE  an environment variable of the checkpointed worker (part of the image)",
      "  --jvm-option OPT      an option of the worker JVM (part of the snapshot key), repeatable",
      "  --exit-grace AGE      overrides @Service(exitGracePeriodSeconds): 30s, 2m",
      "  --criu PATH           this criu and no other",
      "  --work-dir DIR        where the container's log goes (default: a temporary directory)",
      "  --no-snapshots        start cold, without the store",
      "  Stop with SIGTERM (or SIGINT): exit hooks run within the grace period, exit code 0. During the",
      "  start, the first ends the start (exit code 0), a second the process at once (143, or 130 for SIGINT).",
      "  Exit code 1 when the container ends unasked (its worker died): the pod or unit restarts it.");

  private static final Set<String> WITH_VALUE = Set.of("classpath", "store", "budget", "port", "bind",
      "ready-file", "parameter", "env", "build-env", "jvm-option", "exit-grace", "criu", "work-dir");

  /** How often the process looks at its container while it serves: well within a probe's period. */
  private static final long LOSS_POLL_MILLIS = 300;

  private RunCommand() {}

  static int run(List<String> args, PrintStream out, PrintStream err)
      throws UsageException, IOException, InterruptedException {
    String command = "lifecycle run";
    Arguments a = Arguments.parse(args, command, WITH_VALUE, Set.of("no-snapshots"));
    if (a.positional().size() != 1) {
      throw new UsageException(command + ": give exactly one service class"
          + (a.positional().isEmpty() ? "" : ", not " + a.positional()) + "\n" + USAGE);
    }
    String serviceClass = a.positional().get(0);
    List<Path> classpath = RunClasspath.parse(a.value("classpath", command)
        .orElseThrow(() -> new UsageException(command + ": --classpath is needed: where "
            + serviceClass + " and its generated dispatcher are\n" + USAGE)), command, err);
    URLClassLoader loader = new URLClassLoader(RunClasspath.urls(classpath), RunCommand.class.getClassLoader());
    try {
      loader.loadClass(serviceClass);
    } catch (ClassNotFoundException | LinkageError e) {
      throw new UsageException(command + ": the service class " + serviceClass + " is not on --classpath "
          + classpath + " (" + e + ")");
    }
    List<Path> workers = RunClasspath.withLifecycleJars(classpath);

    ContainerPoolBuilder builder = ContainerPool.builder(serviceClass, workers)
        .minContainers(1).maxContainers(1).classLoader(loader)
        .jvmOptions(a.values("jvm-option"))
        .environment(pairs(a.values("env"), "--env", command));
    pairs(a.values("build-env"), "--build-env", command).forEach(builder::buildEnvironment);
    builder.parameters(pairs(a.values("parameter"), "--parameter", command));
    if (a.flag("no-snapshots")) {
      builder.memorySnapshots(false);
    }
    a.value("store", command).ifPresent(s -> builder.snapshotStore(Path.of(s)));
    if (a.value("budget", command).isPresent()) {
      builder.snapshotStoreBudget(Sizes.size(a.value("budget", command).get(), "--budget"));
    }
    if (a.value("port", command).isPresent()) {
      builder.webPort(port(a.value("port", command).get(), command));
    }
    if (a.value("bind", command).isPresent()) {
      builder.webBindAddress(address(a.value("bind", command).get(), command));
    }
    if (a.value("exit-grace", command).isPresent()) {
      builder.exitGracePeriod(Sizes.duration(a.value("exit-grace", command).get(), "--exit-grace"));
    }
    a.value("criu", command).ifPresent(c -> builder.engine(CriuEngine.at(Path.of(c))));
    a.value("work-dir", command).ifPresent(d -> builder.workDirectory(Path.of(d)));
    Path readyFile = a.value("ready-file", command).map(Path::of).orElse(null);
    if (readyFile != null) {
      Files.deleteIfExists(readyFile); // a stale one from a killed run must not say "ready"
    }

    CountDownLatch stop = new CountDownLatch(1);
    AtomicReference<String> signal = new AtomicReference<>("?");
    AtomicBoolean starting = new AtomicBoolean(true);
    AtomicInteger signals = new AtomicInteger();
    StopSignals.install(name -> {
      if (signals.incrementAndGet() == 1) {
        signal.set(name);
        stop.countDown();
      } else if (starting.get()) {
        endAtOnce(name, readyFile, err);
      } else {
        err.println("lifecycle run: SIG" + name + " again: already stopping; the exit hooks run within the"
            + " exit grace period, and what still runs 10 s after it is killed");
        err.flush();
      }
    });
    out.println("lifecycle run: starting " + serviceClass);
    out.flush();
    Optional<ContainerPool> started = PoolStart.begin(builder).awaitUnless(stop);
    if (started.isEmpty()) {
      if (readyFile != null) {
        Files.deleteIfExists(readyFile);
      }
      out.println("lifecycle run: SIG" + signal.get() + " while starting: stopped " + serviceClass
          + " during its start (its container never became ready)");
      out.flush();
      return 0;
    }
    starting.set(false);
    int status = 0;
    try (ContainerPool pool = started.get()) {
      // Any other way the JVM ends (SIGHUP, a signal the JVM handles itself) still runs the exit hooks.
      Runtime.getRuntime().addShutdownHook(new Thread(pool::close, "lifecycle-run-shutdown"));
      if (stop.getCount() > 0) { // asked to stop while starting: never say ready
        ContainerInfo container = ready(pool, readyFile, out);
        if (awaitStopOrLoss(pool, container.containerId(), stop)) {
          if (readyFile != null) {
            Files.deleteIfExists(readyFile);
          }
          out.println("lifecycle run: container " + container.containerId() + " (pid " + container.pid()
              + ") ended unexpectedly (its worker JVM is gone: the pool's warning says how); exiting with"
              + " status 1 so that the pod or unit restarts");
          out.flush();
          status = 1;
        }
      }
      if (status == 0) {
        if (readyFile != null) {
          Files.deleteIfExists(readyFile);
        }
        out.println("lifecycle run: SIG" + signal.get() + ": stopping " + serviceClass
            + " (calls in flight finish within the exit grace period, then the exit hooks run)");
        out.flush();
      }
    }
    out.println("lifecycle run: stopped");
    out.flush();
    return status;
  }

  /**
   * Waits for a stop request, or for the pool's container to end unasked: its single container
   * lost, a pool would start another after a back-off, again and again, while the ready file
   * still said "ready". Exiting instead lets the pod or unit restart, with its own back-off, as it
   * does for any main program that fails.
   *
   * @return true when the container ended unasked, false when a stop was asked for
   */
  private static boolean awaitStopOrLoss(ContainerPool pool, String containerId, CountDownLatch stop)
      throws InterruptedException {
    while (!stop.await(LOSS_POLL_MILLIS, TimeUnit.MILLISECONDS)) {
      Optional<ContainerInfo> now = pool.containers().stream()
          .filter(c -> c.containerId().equals(containerId)).findFirst();
      if (now.isEmpty() || now.get().state() == ContainerInfo.State.ENDED) {
        return stop.getCount() > 0; // a stop asked for meanwhile is a stop
      }
    }
    return false;
  }

  /**
   * A second SIGTERM or SIGINT while the container starts: the process ends now, with the status of
   * a process that signal killed (143, 130). The worker still starting is killed with it: in the
   * middle of its enter hooks it would notice its supervisor's death only once they returned.
   */
  private static void endAtOnce(String name, Path readyFile, PrintStream err) {
    err.println("lifecycle run: SIG" + name + " again while starting: ending at once; the starting"
        + " container is killed, without its exit hooks");
    err.flush();
    try {
      if (readyFile != null) {
        Files.deleteIfExists(readyFile);
      }
    } catch (IOException | RuntimeException e) {
      // ending anyway: it was never written during the start
    }
    ProcessHandle.current().descendants().forEach(ProcessHandle::destroyForcibly);
    Runtime.getRuntime().halt(128 + ("INT".equals(name) ? 2 : 15));
  }

  private static ContainerInfo ready(ContainerPool pool, Path readyFile, PrintStream out) throws IOException {
    ContainerInfo container = pool.containers().get(0);
    SnapshotStatus snapshot = pool.snapshotStatus();
    String address = pool.webAddress().map(Object::toString).orElse("");
    StringBuilder line = new StringBuilder("lifecycle run: ready: container " + container.containerId()
        + " started " + container.startKind());
    container.startDuration().ifPresent(d -> line.append(" in ").append(d.toMillis()).append(" ms"));
    if (!address.isEmpty()) {
      line.append(", serving at ").append(address);
    }
    line.append("; snapshot ").append(snapshot.state()).append(": ").append(snapshot.detail());
    if (readyFile != null) {
      Path parent = readyFile.toAbsolutePath().getParent();
      Files.createDirectories(parent);
      Path temporary = Files.createTempFile(parent, ".ready-", ".tmp");
      Files.writeString(temporary, "ready " + container.containerId() + " " + container.startKind()
          + " pid " + container.pid() + "\n"
          + (address.isEmpty() ? "" : address + "\n"), StandardCharsets.UTF_8);
      Files.move(temporary, readyFile, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
    out.println(line);
    out.flush();
    return container;
  }

  private static Map<String, String> pairs(List<String> values, String option, String command)
      throws UsageException {
    Map<String, String> pairs = new LinkedHashMap<>();
    for (String v : values) {
      int equals = v.indexOf('=');
      if (equals <= 0) {
        throw new UsageException(command + ": " + option + " takes NAME=VALUE, not \"" + v + "\"");
      }
      pairs.put(v.substring(0, equals), v.substring(equals + 1));
    }
    return pairs;
  }

  private static int port(String text, String command) throws UsageException {
    try {
      int port = Integer.parseInt(text.strip());
      if (port < 0 || port > 65535) {
        throw new NumberFormatException();
      }
      return port;
    } catch (NumberFormatException e) {
      throw new UsageException(command + ": --port must be a port number from 0 to 65535, not \"" + text + "\"");
    }
  }

  private static InetAddress address(String text, String command) throws UsageException {
    try {
      return InetAddress.getByName(text.strip());
    } catch (UnknownHostException e) {
      throw new UsageException(command + ": --bind must be an address such as 0.0.0.0 or 127.0.0.1, not \""
          + text + "\"");
    }
  }
}
