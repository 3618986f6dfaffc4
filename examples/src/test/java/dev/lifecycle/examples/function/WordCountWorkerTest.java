package dev.lifecycle.examples.function;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lifecycle.runtime.Container;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** A function-style service: apply per input, a count kept across inputs, reported on exit. */
class WordCountWorkerTest {

  @Test
  void appliesTheFunctionToEachInput() {
    try (Container<WordCountWorker> container = Container.start(WordCountWorker.class)) {
      assertThat(container.call("apply", "the quick brown fox")).isEqualTo(4);
      assertThat(container.call("apply", "  spaced   out  ")).isEqualTo(2);
      assertThat(container.call("apply", "")).isEqualTo(0);
    }
  }

  @Test
  void theExitHookReportsEveryProcessedItem() {
    Container<WordCountWorker> container = Container.start(WordCountWorker.class);
    for (int i = 0; i < 5; i++) {
      container.call("apply", "two words");
    }
    assertThat(container.instance().report()).isNull(); // not before the exit hook

    container.close();

    assertThat(container.instance().report()).startsWith("processed 5 items (10 words) in ");
  }

  @Test
  void countsExactlyUnderConcurrentInputs() throws Exception {
    Container<WordCountWorker> container = Container.start(WordCountWorker.class);
    assertThat(container.options().maxConcurrentInputs()).isEqualTo(4);
    ExecutorService callers = Executors.newFixedThreadPool(8);
    try {
      List<Callable<Object>> calls = new ArrayList<>();
      for (int i = 0; i < 400; i++) {
        calls.add(() -> container.call("apply", "one two three"));
      }
      for (Future<Object> result : callers.invokeAll(calls)) {
        assertThat(result.get()).isEqualTo(3);
      }
    } finally {
      callers.shutdown();
    }

    container.close();

    assertThat(container.instance().processed()).isEqualTo(400);
    assertThat(container.instance().report()).startsWith("processed 400 items (1200 words)");
  }

  @Test
  void eachContainerCountsItsOwnInputs() {
    try (Container<WordCountWorker> one = Container.start(WordCountWorker.class);
        Container<WordCountWorker> two = Container.start(WordCountWorker.class)) {
      one.call("apply", "a");
      one.call("apply", "b");
      two.call("apply", "c");
      assertThat(one.instance().processed()).isEqualTo(2);
      assertThat(two.instance().processed()).isEqualTo(1);
    }
  }
}
