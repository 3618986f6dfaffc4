package dev.lifecycle.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lifecycle.it.services.BlockingService;
import dev.lifecycle.runtime.Container;
import dev.lifecycle.runtime.ServiceCaller;
import dev.lifecycle.runtime.UnknownMethodException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Asynchronous calls on an in-JVM container: the future carries the result or the exception a
 * blocking call would throw; cancelling it interrupts a running input and frees its slot, and a
 * call still waiting for a slot never starts.
 */
class AsyncCallTest {

  private Container<BlockingService> container;
  private BlockingService service;

  @BeforeEach
  void start() {
    container = Container.start(BlockingService.class);
    service = container.instance();
  }

  @AfterEach
  void stop() {
    container.close();
  }

  @Test
  void theFutureCompletesWithTheResultWithoutTheCallerWaiting() throws Exception {
    ServiceCaller caller = container;

    CompletableFuture<Object> held = caller.callAsync("hold", "a");
    service.awaitStarted("a");

    assertThat(held).isNotDone();
    service.release("a");
    assertThat(held.get(30, TimeUnit.SECONDS)).isEqualTo("a");
  }

  @Test
  void aWrongCallFailsTheFutureWithTheExceptionABlockingCallThrows() {
    CompletableFuture<Object> unknown = container.callAsync("nope");

    assertThatThrownBy(() -> unknown.get(30, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .cause()
        .isInstanceOf(UnknownMethodException.class)
        .hasMessageContaining("nope");
  }

  @Test
  void cancellingARunningCallInterruptsItAndFreesItsSlot() throws Exception {
    CompletableFuture<Object> held = container.callAsync("hold", "a");
    service.awaitStarted("a");

    assertThat(held.cancel(true)).isTrue();

    Await.until(() -> service.events.contains("interrupted:a"), () -> "a interrupted: " + service.events);
    assertThatThrownBy(held::join).isInstanceOf(CancellationException.class);
    CompletableFuture<Object> next = container.callAsync("hold", "b"); // one slot: a's, freed
    service.awaitStarted("b");
    service.release("b");
    assertThat(next.get(30, TimeUnit.SECONDS)).isEqualTo("b");
  }

  @Test
  void aCancelledCallThatWaitsForASlotNeverStarts() throws Exception {
    CompletableFuture<Object> first = container.callAsync("hold", "a");
    service.awaitStarted("a");
    CompletableFuture<Object> waiting = container.callAsync("hold", "b");

    waiting.cancel(false);
    service.release("a", "b");

    assertThat(first.get(30, TimeUnit.SECONDS)).isEqualTo("a");
    service.release("c");
    assertThat(container.call("hold", "c")).isEqualTo("c"); // after b's turn, had it one
    assertThat(service.events).doesNotContain("start:b");
    assertThat(waiting).isCancelled();
  }
}
