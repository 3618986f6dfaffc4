package dev.lifecycle.it.worker;

import dev.lifecycle.Enter;
import dev.lifecycle.Exit;
import dev.lifecycle.Server;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The reference's server pattern in a worker JVM, from a memory snapshot: the snap hook prepares
 * (once), the post-snapshot enter hook starts an HTTP server as a child process, the exit hook
 * terminates it and waits. The files {@code snaps}, {@code children} and {@code exits} tell the
 * test what ran.
 */
@Server(port = ChildProcessServer.PORT, enableMemorySnapshot = true, startupTimeoutSeconds = 30)
public class ChildProcessServer {

  static final int PORT = 18471;

  private Process child;

  @Enter(snap = true)
  void prepare() {
    WorkerFiles.append("snaps", "snap " + ProcessHandle.current().pid());
  }

  @Enter
  void start() throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    // The marker of the test run, so that the stray-process check sees the child too.
    String marker = "-Dlifecycle.it.worker=" + System.getProperty("lifecycle.it.worker", "");
    child = new ProcessBuilder(java, marker, "-XX:TieredStopAtLevel=1", "-cp",
            System.getProperty("java.class.path"), PageServer.class.getName(), Integer.toString(PORT))
        .inheritIO()
        .start();
    WorkerFiles.append("children", Long.toString(child.pid()));
  }

  @Exit
  void stop() throws InterruptedException {
    child.destroy();
    if (!child.waitFor(10, TimeUnit.SECONDS)) {
      child.destroyForcibly().waitFor();
    }
    WorkerFiles.append("exits", Long.toString(child.pid()));
  }
}
