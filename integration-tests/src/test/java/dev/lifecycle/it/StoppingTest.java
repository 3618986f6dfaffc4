package dev.lifecycle.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.lifecycle.it.services.BlockingService;
import dev.lifecycle.runtime.Container;
import dev.lifecycle.runtime.ContainerStoppingException;
import dev.lifecycle.runtime.InputOverrun;
import dev.lifecycle.runtime.Phase;
import dev.lifecycle.runtime.StopReport;
import dev.lifecycle.runtime.StopTrigger;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Issue 3: what happens to calls when a container stops. */
class StoppingTest {

  @Test
  void newCallsAreRefusedAtOnceWithAContainerIsStoppingError() throws Exception {
    Container<BlockingService> container = Container.start(BlockingService.class);
    BlockingService service = container.instance();
    Caller inFlight = Caller.call(container, "hold", "a");
    service.awaitStarted("a");
    CompletableFuture<StopReport> stop = CompletableFuture.supplyAsync(container::stop);
    Await.until(() -> container.phase() == Phase.STOPPING, () -> "STOPPING; phase " + container.phase());

    long start = System.nanoTime();
    ContainerStoppingException refused =
        catchThrowableOfType(ContainerStoppingException.class, () -> container.call("hold", "late"));
    Duration waited = Duration.ofNanos(System.nanoTime() - start);

    // "At once": far below the 30 s grace period the stop is waiting out.
    assertThat(waited).isLessThan(Duration.ofSeconds(10));
    assertThat(refused.getMessage()).contains("is stopping", "hold", BlockingService.class.getName(), container.id());
    assertThat(service.hasStarted("late")).isFalse();
    service.release("a");
    assertThat(inFlight.result()).isEqualTo("a");
    stop.get(30, TimeUnit.SECONDS);
  }

  @Test
  void stopNowInterruptsTheCallsInFlightAtOnceAndRunsTheExitHooks() throws Exception {
    Container<BlockingService> container = Container.start(BlockingService.class);
    BlockingService service = container.instance();
    Caller inFlight = Caller.call(container, "hold", "a");
    service.awaitStarted("a");

    long start = System.nanoTime();
    StopReport report = container.stopNow();
    Duration took = Duration.ofNanos(System.nanoTime() - start);

    // Not the 30 s grace period: the call was interrupted at once.
    assertThat(took).isLessThan(Duration.ofSeconds(10));
    assertThat(report.trigger()).isEqualTo(StopTrigger.ABANDONED);
    assertThat(report.overruns()).extracting(InputOverrun::method).containsExactly("hold");
    assertThat(inFlight.failure()).isInstanceOf(ContainerStoppingException.class);
    // As for calls overrunning the grace period: interrupted, not waited for.
    assertThat(service.events).contains("exit");
    Await.until(() -> service.events.contains("interrupted:a"), () -> "events " + service.events);
  }

  @Test
  void callsWaitingForASlotAreRefusedWhenTheStopBegins() throws Exception {
    Container<BlockingService> container = Container.start(BlockingService.class);
    BlockingService service = container.instance();
    Caller inFlight = Caller.call(container, "hold", "a");
    service.awaitStarted("a");
    Caller waiting = Caller.call(container, "hold", "b");
    Await.blocked(waiting.thread);

    CompletableFuture<StopReport> stop = CompletableFuture.supplyAsync(container::stop);

    assertThat(waiting.failure()).isInstanceOf(ContainerStoppingException.class);
    assertThat(service.hasStarted("b")).isFalse();
    service.release("a");
    inFlight.result();
    stop.get(30, TimeUnit.SECONDS);
  }

  @Test
  void callsInFlightFinishWithinTheGracePeriodAndThenTheExitHooksRun() throws Exception {
    Container<BlockingService> container = Container.start(BlockingService.class);
    BlockingService service = container.instance();
    Caller inFlight = Caller.call(container, "hold", "a");
    service.awaitStarted("a");
    CompletableFuture<StopReport> stop = CompletableFuture.supplyAsync(container::stop);
    Await.until(() -> container.phase() == Phase.STOPPING, () -> "STOPPING; phase " + container.phase());

    assertThat(service.events).doesNotContain("exit"); // waits for the call, not for the clock
    service.release("a");

    StopReport report = stop.get(30, TimeUnit.SECONDS);
    assertThat(inFlight.result()).isEqualTo("a");
    assertThat(service.events).containsExactly("start:a", "end:a", "exit");
    assertThat(report.overruns()).isEmpty();
    assertThat(report.isClean()).isTrue();
  }

  @Test
  void callsStillRunningAfterTheGracePeriodAreInterruptedAndReportedAndTheExitHooksRun() throws Exception {
    Container<BlockingService> container =
        Container.builder(BlockingService.class).exitGracePeriod(Duration.ofMillis(300)).start();
    BlockingService service = container.instance();
    Caller overrunning = Caller.call(container, "hold", "slow");
    service.awaitStarted("slow");

    StopReport report = container.stop();

    assertThat(report.overruns()).singleElement().satisfies(overrun -> {
      assertThat(overrun.method()).isEqualTo("hold");
      assertThat(overrun.runningFor()).isGreaterThanOrEqualTo(Duration.ofMillis(300));
      assertThat(overrun.thread()).contains(container.id());
    });
    assertThat(report.isClean()).isFalse();
    Throwable failure = overrunning.failure();
    assertThat(failure).isInstanceOf(ContainerStoppingException.class);
    assertThat(failure.getMessage()).contains("exit grace period", "300 ms", "interrupted");
    Await.until(() -> service.events.contains("interrupted:slow"), () -> "interrupt; events " + service.events);
    assertThat(service.events).contains("exit");
    assertThat(container.phase()).isEqualTo(Phase.STOPPED);
  }

  @Test
  void callsAfterTheContainerStoppedAreRefused() {
    Container<BlockingService> container = Container.start(BlockingService.class);
    container.close();

    assertThat(catchThrowableOfType(ContainerStoppingException.class, () -> container.call("hold", "x")))
        .hasMessageContaining("is stopping");
  }
}
