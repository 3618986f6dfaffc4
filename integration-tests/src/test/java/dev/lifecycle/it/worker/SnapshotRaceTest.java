package dev.lifecycle.it.worker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two supervisors build the same snapshot at once, in one store, with real CRIU: the store keeps
 * one image, and both pools serve restored clones of it. (The loser used to restore the winner's
 * image with the standard streams of its own worker, and every clone died.)
 */
@ExtendWith(NoStrayWorkers.class)
class SnapshotRaceTest {

  @TempDir Path dir;

  @Test
  void twoSupervisorsRacingOnOneStoreBothServeRestoredClones() throws Exception {
    Workers.requireCriu();
    Path store = Files.createDirectories(dir.resolve("shared-store"));
    try (SupervisorJvm first = SupervisorJvm.start(dir, store, dir.resolve("a"));
        SupervisorJvm second = SupervisorJvm.start(dir, store, dir.resolve("b"))) {
      String firstReady = first.awaitLineStartingWith("READY ", Workers.GENEROUS);
      String secondReady = second.awaitLineStartingWith("READY ", Workers.GENEROUS);

      assertThat(firstReady).as(first.output()).contains(":RESTORED");
      assertThat(secondReady).as(second.output()).contains(":RESTORED");
      // They raced: one of them found the other's image only when it was about to store its own.
      assertThat(first.output() + second.output())
          .contains("as another supervisor stored the snapshot");
      try (var images = Files.list(store)) {
        assertThat(images.filter(p -> !p.getFileName().toString().startsWith("."))
            .filter(Files::isDirectory)).hasSize(1);
      }
    }
  }
}
