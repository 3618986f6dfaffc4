package dev.lifecycle.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lifecycle.it.services.Journal;
import dev.lifecycle.it.services.PlainService;
import dev.lifecycle.it.services.SelfClosingService;
import dev.lifecycle.runtime.Container;
import dev.lifecycle.runtime.StopReport;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Issue 3: exit hooks run exactly once, in one JVM. {@code ShutdownSignalTest} covers signals. */
class ExitOnceTest {

  @BeforeEach
  void clearJournal() {
    Journal.clear();
  }

  @Test
  void exitHooksRunOnceWhenTheContainerIsClosedTwice() {
    Container<PlainService> container = Container.start(PlainService.class);
    container.close();
    container.close();

    assertThat(Journal.entries()).containsExactly("plain.enter", "plain.exit");
  }

  @Test
  void exitHooksRunOnceWhenManyThreadsCloseAtTheSameTime() throws Exception {
    Container<PlainService> container = Container.start(PlainService.class);
    CountDownLatch go = new CountDownLatch(1);
    List<CompletableFuture<StopReport>> stops = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      stops.add(CompletableFuture.supplyAsync(() -> {
        try {
          go.await();
        } catch (InterruptedException e) {
          throw new IllegalStateException(e);
        }
        return container.stop();
      }, runnable -> new Thread(runnable).start()));
    }
    go.countDown();

    StopReport first = stops.get(0).get(30, TimeUnit.SECONDS);
    for (CompletableFuture<StopReport> stop : stops) {
      assertThat(stop.get(30, TimeUnit.SECONDS)).isSameAs(first);
    }
    assertThat(Journal.entries()).containsExactly("plain.enter", "plain.exit");
  }

  @Test
  void anExitHookThatClosesItsOwnContainerFailsInsteadOfWaitingForItself() {
    Container<SelfClosingService> container = Container.start(SelfClosingService.class);
    container.instance().container = container;

    container.close();

    assertThat(Journal.entries()).containsExactly("IllegalStateException");
  }
}
