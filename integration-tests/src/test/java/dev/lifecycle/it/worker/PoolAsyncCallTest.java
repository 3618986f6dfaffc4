package dev.lifecycle.it.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lifecycle.pool.ContainerPool;
import dev.lifecycle.runtime.MapOptions;
import dev.lifecycle.runtime.ServiceCaller;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Asynchronous calls through a pool of worker JVMs: the future carries the result; cancelling it
 * interrupts the input in its worker, whose one slot then takes the next call.
 */
@ExtendWith(NoStrayWorkers.class)
class PoolAsyncCallTest {

  @TempDir Path dir;

  @Test
  void cancellingACallInterruptsItInItsWorkerAndFreesTheSlot() throws Exception {
    try (ContainerPool pool = Workers.pool(SleepyService.class, dir).memorySnapshots(false)
        .minContainers(1).maxContainers(1).build()) {
      ServiceCaller caller = pool;
      assertThat(caller.callAsync("sleep", "warm", 0L).get(60, TimeUnit.SECONDS)).isEqualTo("warm");

      CompletableFuture<Object> long_ = caller.callAsync("sleep", "long", 120_000L);
      awaitLine("start:long");
      assertThat(long_.cancel(true)).isTrue();

      awaitLine("interrupted:long");
      assertThatThrownBy(long_::join).isInstanceOf(CancellationException.class);
      assertThat(caller.callAsync("sleep", "next", 0L).get(60, TimeUnit.SECONDS)).isEqualTo("next");
      assertThat(pool.containers()).hasSize(1); // the same container served the next call
    }
  }

  private void awaitLine(String line) throws InterruptedException {
    long deadline = System.nanoTime() + Workers.GENEROUS.toNanos();
    while (!WorkerFiles.lines(dir, "calls").contains(line)) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError(line + " not within " + Workers.GENEROUS + ": "
            + WorkerFiles.lines(dir, "calls"));
      }
      Thread.sleep(10);
    }
  }

  @Test
  void closingAMapEarlyCancelsItsCallsWithoutHarmingTheWorker() throws Exception {
    try (ContainerPool pool = Workers.pool(SleepyService.class, dir).memorySnapshots(false)
        .minContainers(1).maxContainers(1).build()) {
      assertThat(pool.call("sleep", "warm", 0L)).isEqualTo("warm");
      long pid = pool.containers().get(0).pid();
      List<List<?>> inputs = new ArrayList<>();
      for (int i = 0; i < 50; i++) {
        inputs.add(List.of("m" + i, 200L));
      }

      try (Stream<Object> results = pool.starmap("sleep", inputs, MapOptions.defaults().maxInFlight(8))) {
        assertThat(results.findFirst()).hasValue("m0");
      } // seven calls in flight, cancelled

      assertThat(pool.call("sleep", "after", 0L)).isEqualTo("after");
      assertThat(pool.containers()).singleElement()
          .satisfies(container -> assertThat(container.pid()).as("the same worker").isEqualTo(pid));
    }
    assertThat(WorkerFiles.lines(dir, "calls")).doesNotContain("start:m49");
  }
}
