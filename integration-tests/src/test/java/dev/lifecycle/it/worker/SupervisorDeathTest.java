package dev.lifecycle.it.worker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A supervisor killed with SIGKILL cannot stop anything; its workers must notice on their own (the
 * connection ends), run their exit hooks and exit: no orphan JVM, no orphan pid namespace.
 */
@ExtendWith(NoStrayWorkers.class)
class SupervisorDeathTest {

  @TempDir Path dir;

  @Test
  void workersOfASupervisorKilledWithSigkillRunTheirExitHooksAndExit() throws Exception {
    Workers.requireCriu();
    List<Long> pids = new ArrayList<>();
    List<String> ids = new ArrayList<>();
    try (SupervisorJvm supervisor = SupervisorJvm.start(dir)) {
      String ready = supervisor.awaitLineStartingWith("READY ", Workers.GENEROUS);
      for (String container : ready.substring("READY ".length()).split(" ")) {
        String[] parts = container.split(":");
        ids.add(parts[0]);
        pids.add(Long.parseLong(parts[1]));
        assertThat(parts[2]).as("how %s started; the supervisor printed:%n%s", parts[0], supervisor.output())
            .isIn("CHECKPOINTED", "RESTORED");
      }
      assertThat(pids).hasSize(2).allMatch(pid -> ProcessHandle.of(pid).isPresent());

      Workers.signal(supervisor.pid(), "KILL");
      supervisor.awaitExit(Workers.GENEROUS);

      for (long pid : pids) {
        Workers.awaitTrue(() -> !isRunning(pid), () -> "worker " + pid + " to exit after its"
            + " supervisor was killed; exits so far: " + WorkerFiles.lines(dir, "exits"));
      }
      List<String> expected = ids.stream().map(id -> "exit " + id).toList();
      assertThat(WorkerFiles.lines(dir, "exits")).containsExactlyInAnyOrderElementsOf(expected);
    }
  }

  /**
   * A worker whose supervisor is gone has nobody to answer: its call in flight is interrupted at
   * once, not given the exit grace period (30 s here), and it exits.
   */
  @Test
  void aCallInFlightWhenTheSupervisorDiesIsInterruptedAtOnce() throws Exception {
    Workers.requireCriu();
    try (SupervisorJvm supervisor = SupervisorJvm.start(dir, Map.of(PoolMain.HOLD_MILLIS, "60000"))) {
      String ready = supervisor.awaitLineStartingWith("READY ", Workers.GENEROUS);
      supervisor.awaitLineStartingWith("HOLDING", Workers.GENEROUS);
      List<Long> pids = new ArrayList<>();
      for (String container : ready.substring("READY ".length()).split(" ")) {
        pids.add(Long.parseLong(container.split(":")[1]));
      }

      Workers.signal(supervisor.pid(), "KILL");
      long killed = System.nanoTime();
      for (long pid : pids) {
        Workers.awaitTrue(() -> !isRunning(pid), () -> "worker " + pid + " to exit");
      }

      assertThat(Duration.ofNanos(System.nanoTime() - killed)).isLessThan(Duration.ofSeconds(15));
      assertThat(WorkerFiles.lines(dir, "exits")).hasSize(2);
    }
  }

  /** Running and not a zombie (a clone is reaped by init, a little later). */
  private static boolean isRunning(long pid) {
    try {
      String stat = java.nio.file.Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
      return stat.charAt(stat.lastIndexOf(')') + 2) != 'Z';
    } catch (java.io.IOException e) {
      return false;
    }
  }
}
