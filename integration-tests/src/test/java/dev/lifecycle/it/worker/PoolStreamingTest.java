package dev.lifecycle.it.worker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lifecycle.pool.ContainerPool;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A {@code @Method} returning a {@code Stream}, through a pool: items reach the caller as the
 * worker makes them, at most a few ahead of the caller; closing early stops and closes the
 * worker's stream, and the container serves on.
 */
@ExtendWith(NoStrayWorkers.class)
class PoolStreamingTest {

  @TempDir Path dir;

  @Test
  void itemsStreamFromAWorkerAndAnEarlyCloseStopsIt() throws Exception {
    try (ContainerPool pool = Workers.pool(TickerService.class, dir).memorySnapshots(false)
        .minContainers(1).maxContainers(1).build()) {
      TickerServiceClient client = TickerServiceClient.of(pool);
      try (Stream<Integer> warm = client.count(1)) {
        assertThat(warm.toList()).containsExactly(0);
      }
      long pid = pool.containers().get(0).pid();

      try (Stream<Integer> numbers = client.count(1_000)) {
        assertThat(numbers.toList()).hasSize(1_000).startsWith(0, 1, 2).endsWith(999);
      }

      try (Stream<String> ticks = client.slow()) {
        Iterator<String> each = ticks.iterator();
        assertThat(each.next()).isEqualTo("first"); // while the worker waits before the second
        Files.writeString(dir.resolve("release"), "go");
        assertThat(each.next()).isEqualTo("second");
        assertThat(each.hasNext()).isFalse();
      }

      try (Stream<Integer> endless = client.endless()) {
        assertThat(endless.limit(5).toList()).containsExactly(0, 1, 2, 3, 4);
      }
      awaitLine("closed");
      int made = WorkerFiles.lines(dir, "ticks").size();
      assertThat(made).as("ticks made ahead of the caller").isLessThan(5 + 40);

      try (Stream<Integer> later = client.countAsync(4).get(60, TimeUnit.SECONDS)) {
        assertThat(later.toList()).containsExactly(0, 1, 2, 3); // asynchronously, the same stream
      }
      try (Stream<Integer> after = client.count(3)) {
        assertThat(after.toList()).containsExactly(0, 1, 2); // the container serves on
      }
      assertThat(pool.containers()).singleElement()
          .satisfies(container -> assertThat(container.pid()).isEqualTo(pid));
    }
  }

  private void awaitLine(String file) throws InterruptedException {
    long deadline = System.nanoTime() + Workers.GENEROUS.toNanos();
    while (WorkerFiles.lines(dir, file).isEmpty()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError(file + " not written within " + Workers.GENEROUS);
      }
      Thread.sleep(10);
    }
  }
}
