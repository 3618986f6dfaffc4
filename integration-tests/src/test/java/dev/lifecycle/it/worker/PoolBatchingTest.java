package dev.lifecycle.it.worker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lifecycle.pool.ContainerPool;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code @Batched} through a pool: the pool groups its callers' inputs into batches, a worker
 * calls the method once per batch (with one input slot), and each caller gets its own result.
 */
@ExtendWith(NoStrayWorkers.class)
class PoolBatchingTest {

  @TempDir Path dir;

  @Test
  void callersOfAPoolShareBatchesAndEachGetsItsOwnResult() throws Exception {
    try (ContainerPool pool = Workers.pool(ShoutService.class, dir).memorySnapshots(false)
        .minContainers(1).maxContainers(1).build()) {
      ShoutServiceClient client = ShoutServiceClient.of(pool);
      assertThat(client.shout("warm")).isEqualTo("WARM");

      List<CompletableFuture<String>> calls = new ArrayList<>();
      for (int i = 0; i < 16; i++) {
        calls.add(client.shoutAsync("text " + i));
      }
      for (int i = 0; i < 16; i++) {
        assertThat(calls.get(i).get(60, TimeUnit.SECONDS)).isEqualTo("TEXT " + i);
      }
    }
    List<Integer> sizes = WorkerFiles.lines(dir, "batches").stream().map(Integer::valueOf).toList();
    assertThat(sizes.stream().mapToInt(Integer::intValue).sum()).isEqualTo(17);
    assertThat(sizes).allSatisfy(size -> assertThat(size).isBetween(1, 8));
    assertThat(sizes.stream().mapToInt(Integer::intValue).max().orElse(0))
        .as("batch sizes %s", sizes).isGreaterThan(1);
  }
}
