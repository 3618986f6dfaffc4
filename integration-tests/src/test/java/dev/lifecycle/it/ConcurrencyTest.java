package dev.lifecycle.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lifecycle.it.services.BlockingService;
import dev.lifecycle.it.services.ParallelService;
import dev.lifecycle.runtime.Container;
import dev.lifecycle.runtime.InputTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Issue 3: how many calls run at once, in which order, and for how long. */
class ConcurrencyTest {

  @Test
  void theAnnotationsOptionsAreTheDefaults() {
    try (Container<ParallelService> container = Container.start(ParallelService.class)) {
      assertThat(container.options().maxConcurrentInputs()).isEqualTo(3);
      assertThat(container.options().inputTimeout()).isEqualTo(Duration.ofSeconds(300));
      assertThat(container.options().exitGracePeriod()).isEqualTo(Duration.ofSeconds(30));
    }
  }

  @Test
  void optionsGivenAtStartOverrideTheAnnotation() {
    try (Container<BlockingService> container =
        Container.builder(BlockingService.class)
            .maxConcurrentInputs(5)
            .inputTimeout(Duration.ofMillis(1500))
            .start()) {
      assertThat(container.options().maxConcurrentInputs()).isEqualTo(5);
      assertThat(container.options().inputTimeout()).isEqualTo(Duration.ofMillis(1500));
      assertThat(container.options().exitGracePeriod()).isEqualTo(Duration.ofSeconds(30)); // from @Service
    }
  }

  @Test
  void byDefaultCallsRunOneAtATimeInArrivalOrder() throws Exception {
    try (Container<BlockingService> container = Container.start(BlockingService.class)) {
      BlockingService service = container.instance();
      Caller first = Caller.call(container, "hold", "a");
      service.awaitStarted("a");
      List<Caller> waiting = new ArrayList<>();
      for (String name : List.of("b", "c", "d", "e")) {
        Caller caller = Caller.call(container, "hold", name);
        Await.blocked(caller.thread); // queued behind the previous one before the next arrives
        waiting.add(caller);
      }
      service.release("e", "d", "c", "b", "a"); // release order must not matter

      assertThat(first.result()).isEqualTo("a");
      for (Caller caller : waiting) {
        caller.result();
      }
      assertThat(service.events).containsExactly(
          "start:a", "end:a", "start:b", "end:b", "start:c", "end:c", "start:d", "end:d", "start:e", "end:e");
      assertThat(service.mostRunning()).isEqualTo(1);
    }
  }

  @Test
  void aboveOneCallsRunInParallelUpToTheLimitAndFurtherCallsWait() throws Exception {
    try (Container<ParallelService> container = Container.start(ParallelService.class)) {
      ParallelService service = container.instance();
      List<Caller> running = new ArrayList<>();
      for (String name : List.of("a", "b", "c")) {
        running.add(Caller.call(container, "hold", name));
        service.awaitStarted(name); // all three inside the method at once
      }
      Caller fourth = Caller.call(container, "hold", "d");
      Await.blocked(fourth.thread); // in line before the fifth arrives
      Caller fifth = Caller.call(container, "hold", "e");
      Await.blocked(fifth.thread);
      assertThat(service.hasStarted("d")).isFalse();
      assertThat(service.hasStarted("e")).isFalse();

      service.release("a");
      service.awaitStarted("d"); // a slot came free: the first waiting call takes it
      assertThat(service.hasStarted("e")).isFalse();

      service.release("b", "c", "d", "e");
      for (Caller caller : running) {
        caller.result();
      }
      assertThat(fourth.result()).isEqualTo("d");
      assertThat(fifth.result()).isEqualTo("e");
      assertThat(service.mostRunning()).isEqualTo(3);
    }
  }

  @Test
  void aCallOverrunningTheInputTimeoutFailsWithATimeoutErrorAndIsInterrupted() throws Exception {
    try (Container<BlockingService> container =
        Container.builder(BlockingService.class).inputTimeout(Duration.ofSeconds(1)).start()) {
      BlockingService service = container.instance();
      Caller stuck = Caller.call(container, "hold", "stuck");

      Throwable failure = stuck.failure();
      assertThat(failure).isInstanceOf(InputTimeoutException.class);
      assertThat(failure.getMessage()).contains("hold", BlockingService.class.getName(), "1 s", "interrupted");
      assertThat(((InputTimeoutException) failure).timeout()).isEqualTo(Duration.ofSeconds(1));
      Await.until(() -> service.events.contains("interrupted:stuck"), () -> "interrupt; events " + service.events);

      service.release("next"); // the container keeps serving
      assertThat(container.call("hold", "next")).isEqualTo("next");
    }
  }

  @Test
  void aTimedOutCallThatIgnoresTheInterruptKeepsItsSlotUntilItReturns() throws Exception {
    try (Container<BlockingService> container =
        Container.builder(BlockingService.class).inputTimeout(Duration.ofSeconds(1)).start()) {
      BlockingService service = container.instance();
      Caller deaf = Caller.call(container, "spin", 2500L);
      assertThat(deaf.failure()).isInstanceOf(InputTimeoutException.class);
      service.release("next");

      assertThat(container.call("hold", "next")).isEqualTo("next");
      // One at a time means one at a time: "next" did not run beside the spinning call.
      assertThat(service.events).containsSubsequence("end:spin", "start:next");
    }
  }
}
