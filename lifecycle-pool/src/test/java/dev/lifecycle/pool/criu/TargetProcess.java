package dev.lifecycle.pool.criu;

import static org.junit.jupiter.api.Assertions.fail;

import dev.lifecycle.runtime.internal.RestoreReseeding;
import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A {@link CloneTarget} JVM started the way clones need it: {@code unshare --pid --fork setsid
 * java -XX:-UsePerfData ...}, so the JVM is pid 1 of its own pid namespace and a session leader;
 * its stdin, stdout and stderr are pipes to this test JVM.
 */
final class TargetProcess implements AutoCloseable {

  final Process unshare;
  final long jvmPid;
  final LineQueue stdout;
  final String ready;
  /** criu keys of the JVM's fds 0, 1 and 2, read before the dump. */
  final String stdinKey;
  final String stdoutKey;
  final String stderrKey;

  private TargetProcess(Process unshare, long jvmPid, LineQueue stdout, String ready,
      String stdinKey, String stdoutKey, String stderrKey) {
    this.unshare = unshare;
    this.jvmPid = jvmPid;
    this.stdout = stdout;
    this.ready = ready;
    this.stdinKey = stdinKey;
    this.stdoutKey = stdoutKey;
    this.stderrKey = stderrKey;
  }

  static TargetProcess start(Path workingDirectory) throws Exception {
    List<String> command = List.of("unshare", "--pid", "--fork", "setsid",
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-XX:-UsePerfData", "-XX:+UseSerialGC", "-Xmx128m",
        "-cp", classpath(), CloneTarget.class.getName());
    Process unshare = new ProcessBuilder(command).directory(workingDirectory.toFile()).start();
    try {
      LineQueue stdout = new LineQueue(unshare.getInputStream(), "original CloneTarget");
      String ready = stdout.expect("ready");
      // unshare forks the namespace's first process, which setsid turns into the JVM (exec).
      long jvmPid = unshare.toHandle().descendants()
          .filter(h -> h.info().command().map(c -> c.endsWith("/java")).orElse(false))
          .mapToLong(ProcessHandle::pid).findFirst()
          .orElseGet(() -> fail("no java process under unshare " + unshare.pid()));
      return new TargetProcess(unshare, jvmPid, stdout, ready,
          InheritFdKeys.of(jvmPid, 0), InheritFdKeys.of(jvmPid, 1), InheritFdKeys.of(jvmPid, 2));
    } catch (Exception | Error e) {
      kill(unshare);
      throw e;
    }
  }

  /** The test classes (CloneTarget) and main classes (RestoreReseeding), nothing else. */
  static String classpath() throws URISyntaxException {
    return Path.of(CloneTarget.class.getProtectionDomain().getCodeSource().getLocation().toURI())
        + File.pathSeparator
        + Path.of(RestoreReseeding.class.getProtectionDomain().getCodeSource().getLocation().toURI());
  }

  @Override
  public void close() {
    kill(unshare);
  }

  private static void kill(Process process) {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
    try {
      process.waitFor(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
