package dev.lifecycle.it.worker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lifecycle.pool.ContainerInfo;
import dev.lifecycle.pool.ContainerPool;
import dev.lifecycle.pool.StartKind;
import dev.lifecycle.pool.engine.SimulatedSnapshotEngine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** What services print is only for the pool's user: its log directory is 0700, each log 0600. */
@ExtendWith(NoStrayWorkers.class)
class WorkerLogFilesTest {

  @TempDir Path dir;

  @Test
  void theLogDirectoryAndEveryContainersLogAreTheUsersOnly() throws Exception {
    Path work = dir.resolve("work");
    try (ContainerPool pool = Workers.pool(AbcdService.class, dir).workDirectory(work)
        .engine(SimulatedSnapshotEngine.create()).minContainers(2).maxContainers(2).build()) {
      assertThat(pool.containers()).extracting(ContainerInfo::startKind)
          .containsExactlyInAnyOrder(StartKind.CHECKPOINTED, StartKind.RESTORED);

      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(work)))
          .isEqualTo("rwx------");
      for (ContainerInfo container : pool.containers()) {
        assertThat(container.logFile()).hasParent(work);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(container.logFile())))
            .as("%s", container.logFile()).isEqualTo("rw-------");
      }
    }
  }
}
