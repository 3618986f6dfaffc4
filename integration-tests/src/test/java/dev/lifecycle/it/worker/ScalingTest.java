package dev.lifecycle.it.worker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lifecycle.pool.ContainerInfo;
import dev.lifecycle.pool.ContainerPool;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** A pool grows when every container is busy, up to its maximum, and shrinks when idle. */
@ExtendWith(NoStrayWorkers.class)
class ScalingTest {

  @TempDir Path dir;

  @Test
  void busyContainersScaleUpToTheMaximumAndIdleOnesStopWithTheirExitHooks() throws Exception {
    try (ContainerPool pool = Workers.pool(TypesService.class, dir)
        .minContainers(0).maxContainers(2).scaledownWindow(Duration.ofMillis(500)).build()) {
      assertThat(pool.containers()).isEmpty();

      // Three calls at once, one input each: two containers, and the third call waits for one.
      List<CompletableFuture<String>> calls = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        calls.add(CompletableFuture.supplyAsync(() -> pool.call(String.class, "containerIdAfter", 700L)));
      }
      List<String> servedBy = calls.stream().map(CompletableFuture::join).toList();

      assertThat(servedBy).hasSize(3);
      assertThat(servedBy.stream().distinct()).hasSize(2);
      assertThat(pool.containers()).hasSize(2);

      // Idle for longer than the window: both stop, running their exit hooks (minimum 0).
      Workers.awaitTrue(() -> pool.containers().stream()
              .allMatch(c -> c.state() == ContainerInfo.State.ENDED),
          () -> "idle containers to stop: " + pool.containers());
      assertThat(WorkerFiles.lines(dir, "exits"))
          .containsExactlyInAnyOrderElementsOf(servedBy.stream().distinct().map(id -> "exit " + id).toList());

      // The next call starts a container again.
      assertThat(pool.call("add", 1, 2)).isEqualTo(3);
    }
  }
}
