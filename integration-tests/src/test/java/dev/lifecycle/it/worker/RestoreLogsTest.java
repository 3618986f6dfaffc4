package dev.lifecycle.it.worker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lifecycle.pool.ContainerInfo;
import dev.lifecycle.pool.ContainerPool;
import dev.lifecycle.pool.StartKind;
import dev.lifecycle.pool.criu.CriuEngine;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * To see where a restore's time goes, the CRIU engine can keep criu's log of every restore that
 * worked next to the container's log; by default it deletes it.
 */
@ExtendWith(NoStrayWorkers.class)
class RestoreLogsTest {

  @TempDir Path dir;

  @Test
  void anEngineKeepingRestoreLogsLeavesCriusLogOfEachRestore() throws Exception {
    Workers.requireCriu();
    try (ContainerPool pool = poolKeepingRestoreLogs()) {
      Path log = Workers.restoreLog(restored(pool));

      assertThat(log).isRegularFile();
      assertThat(Files.readString(log)).contains("Restore finished successfully");
    }
  }

  /**
   * Lifecycle's criu stops each restored thread at its sigreturn by tracing its syscalls, not with
   * a hardware breakpoint, whose first setting costs some 10 ms in a virtual machine: criu's log
   * says so for every thread.
   */
  @Test
  void lifecyclesCriuStopsRestoredThreadsWithoutHardwareBreakpoints() throws Exception {
    Workers.requireCriu();
    try (ContainerPool pool = poolKeepingRestoreLogs()) {
      String log = Files.readString(Workers.restoreLog(restored(pool)));

      assertThat(log).as("criu's log of the restore").contains("Force no-breakpoints restore of");
    }
  }

  @Test
  void byDefaultTheEngineDeletesIt() throws Exception {
    Workers.requireCriu();
    try (ContainerPool pool = Workers.pool(AbcdService.class, dir).minContainers(2).maxContainers(2)
        .build()) {
      ContainerInfo clone = restored(pool);

      assertThat(clone.logFile().resolveSibling(clone.containerId() + ".restore")).doesNotExist();
    }
  }

  /** An original and a clone, with an engine that keeps criu's log of each restore. */
  private ContainerPool poolKeepingRestoreLogs() throws Exception {
    return Workers.pool(AbcdService.class, dir).minContainers(2).maxContainers(2)
        .engine(CriuEngine.fromEnvironment().keepingRestoreLogs()).build();
  }

  private static ContainerInfo restored(ContainerPool pool) {
    return pool.containers().stream().filter(c -> c.startKind() == StartKind.RESTORED)
        .findFirst().orElseThrow(() -> new AssertionError("no restored container: " + pool.containers()));
  }
}
