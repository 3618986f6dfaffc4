package dev.lifecycle.pool.engine;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A worker JVM this supervisor started as its child: either the JVM itself (through {@code
 * setsid}, which becomes the JVM), or an engine's {@linkplain SnapshotEngine#launchPrefix launch
 * prefix} whose descendant the JVM is. Killing it kills the started process and its descendants.
 */
public final class ChildWorkerProcess implements WorkerProcess {

  private static final Duration FIND_JVM = Duration.ofSeconds(10);

  private final Process process;
  private final List<String> launchPrefix;
  private volatile long jvmPid;

  /**
   * @param launchPrefix the command words {@code process} runs the JVM under (then found among
   *     its descendants); empty when {@code process} is the JVM
   */
  public ChildWorkerProcess(Process process, List<String> launchPrefix) {
    this.process = process;
    this.launchPrefix = List.copyOf(launchPrefix);
    this.jvmPid = launchPrefix.isEmpty() ? process.pid() : -1;
  }

  /** The process this supervisor started: the JVM, or the launch prefix around it. */
  public Process process() {
    return process;
  }

  @Override
  public long pid() {
    long pid = jvmPid;
    if (pid > 0) {
      return pid;
    }
    // A prefix such as the CRIU engine's forks, and setsid then replaces the child with the JVM
    // (exec): wait for that exec.
    long deadline = System.nanoTime() + FIND_JVM.toNanos();
    while (System.nanoTime() < deadline && process.isAlive()) {
      Optional<ProcessHandle> jvm = process.descendants()
          .filter(h -> h.info().command().map(c -> c.endsWith("/java")).orElse(false))
          .findFirst();
      if (jvm.isPresent()) {
        jvmPid = jvm.get().pid();
        return jvmPid;
      }
      sleep(10);
    }
    return process.pid();
  }

  @Override
  public boolean isRunning() {
    return process.isAlive();
  }

  @Override
  public Optional<String> exitStatus(Duration wait) {
    if (!awaitExit(wait)) {
      return Optional.empty();
    }
    return Optional.of(ExitStatus.ofExitValue(process.exitValue()));
  }

  @Override
  public boolean awaitExit(Duration timeout) {
    try {
      return process.waitFor(timeout.toNanos(), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return !process.isAlive();
    }
  }

  @Override
  public void kill() {
    // The JVM first: as the first process of a pid namespace, it takes the namespace with it.
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
    awaitExit(Duration.ofSeconds(10));
  }

  @Override
  public String describe() {
    // The prefix's first word says enough (unshare: a pid namespace); the rest may be a script.
    return "pid " + pid() + (launchPrefix.isEmpty() ? "" : ", started under " + launchPrefix.get(0));
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
