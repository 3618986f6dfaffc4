package dev.lifecycle.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lifecycle.it.services.BatchingService;
import dev.lifecycle.it.services.BatchingServiceClient;
import dev.lifecycle.runtime.BatchResultMismatchException;
import dev.lifecycle.runtime.Container;
import dev.lifecycle.runtime.ContainerStoppingException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code @Batched} in one JVM: concurrent callers' inputs are grouped into batches of up to the
 * maximum, each caller gets its own result, and a result list of the wrong size fails every input
 * of its batch.
 */
class BatchingTest {

  private Container<BatchingService> container;

  @BeforeEach
  void start() {
    container = Container.start(BatchingService.class);
  }

  @AfterEach
  void stop() {
    container.close();
  }

  @Test
  void concurrentCallersShareBatchesAndEachGetsItsOwnResult() throws Exception {
    BatchingServiceClient client = BatchingServiceClient.of(container);
    List<CompletableFuture<String>> calls = new ArrayList<>();
    for (int i = 0; i < 16; i++) {
      calls.add(client.shoutAsync("text " + i));
    }

    for (int i = 0; i < 16; i++) {
      assertThat(calls.get(i).get(30, TimeUnit.SECONDS)).isEqualTo("TEXT " + i);
    }
    List<Integer> sizes = container.instance().batchSizes;
    assertThat(sizes.stream().mapToInt(Integer::intValue).sum()).isEqualTo(16);
    assertThat(sizes).allSatisfy(size -> assertThat(size).isBetween(1, 8));
    assertThat(sizes.stream().mapToInt(Integer::intValue).max().orElse(0))
        .as("batch sizes %s", sizes).isGreaterThan(1);
  }

  @Test
  void aLoneCallerIsCalledAfterTheWaitWithABatchOfOne() {
    assertThat(BatchingServiceClient.of(container).shout("alone")).isEqualTo("ALONE");
    assertThat(container.instance().batchSizes).containsExactly(1);
  }

  @Test
  void aResultListOfTheWrongSizeFailsEveryInputOfTheBatch() {
    List<CompletableFuture<Object>> calls = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      calls.add(container.callAsync("lose", i));
    }

    assertThat(calls).allSatisfy(call -> assertThatThrownBy(() -> call.get(30, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .cause()
        .isInstanceOf(BatchResultMismatchException.class)
        .hasMessageContaining("returned 3 result(s) for a batch of 4 input(s)"));
  }

  @Test
  void aCallerPassesOneInputOfTheListsElementType() {
    assertThatThrownBy(() -> container.call("shout", List.of("a", "b")))
        .hasMessageContaining("Argument 1 (texts)")
        .hasMessageContaining("java.lang.String");
  }

  @Test
  void closingTheContainerFailsTheInputsOfABatchStillFillingAtOnce() {
    CompletableFuture<Object> waiting = container.callAsync("lose", 1); // its batch waits a minute

    container.close();

    assertThatThrownBy(() -> waiting.get(30, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .cause()
        .isInstanceOf(ContainerStoppingException.class);
  }

  @Test
  void aCancelledInputLeavesTheBatchItWaitedIn() throws Exception {
    CompletableFuture<Object> cancelled = container.callAsync("lose", 1); // its batch waits a minute
    assertThat(cancelled.cancel(true)).isTrue();

    container.close(); // calls the batch being filled: without its cancelled input, nothing

    assertThat(container.instance().batchSizes).isEmpty();
  }
}
