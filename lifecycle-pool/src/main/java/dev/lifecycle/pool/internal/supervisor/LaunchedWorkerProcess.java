package dev.lifecycle.pool.internal.supervisor;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A worker JVM this supervisor started: either the JVM itself (started through {@code setsid}),
 * or {@code unshare}, whose child is the JVM, first process of a new pid namespace.
 */
final class LaunchedWorkerProcess implements WorkerProcess {

  private static final Duration FIND_JVM = Duration.ofSeconds(10);

  private final Process process;
  private final boolean inPidNamespace;
  private volatile long jvmPid;

  LaunchedWorkerProcess(Process process, boolean inPidNamespace) {
    this.process = process;
    this.inPidNamespace = inPidNamespace;
    this.jvmPid = inPidNamespace ? -1 : process.pid();
  }

  /** The process this supervisor started: the JVM, or {@code unshare} around it. */
  Process process() {
    return process;
  }

  @Override
  public long pid() {
    long pid = jvmPid;
    if (pid > 0) {
      return pid;
    }
    // unshare forks the namespace's first process, which setsid then replaces with the JVM (exec):
    // wait for that exec.
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
    // The JVM first: as the first process of its pid namespace, it takes the namespace with it.
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
    awaitExit(Duration.ofSeconds(10));
  }

  @Override
  public String describe() {
    return "pid " + pid() + (inPidNamespace ? ", in a pid namespace of its own" : "");
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
