package dev.lifecycle.examples.lazy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lifecycle.runtime.Container;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Lazy initialization: nothing at start, built once by the first calls, even concurrent ones. */
class PrimeServiceTest {

  /** π(20,000,000), the number of primes below twenty million. */
  private static final int PRIMES_BELOW_LIMIT = 1_270_607;

  @Test
  void startingDoesNotBuildTheSieve() {
    try (Container<PrimeService> container = Container.start(PrimeService.class)) {
      assertThat(container.instance().builds()).isZero();
    }
  }

  @Test
  void theFirstCallBuildsItAndLaterCallsReuseIt() {
    try (Container<PrimeService> container = Container.start(PrimeService.class)) {
      assertThat(container.call("isPrime", 7919)).isEqualTo(true);
      assertThat(container.call("isPrime", 7917)).isEqualTo(false);
      assertThat(container.call("countBelow", 100)).isEqualTo(25);
      assertThat(container.call("countBelow", PrimeService.LIMIT)).isEqualTo(PRIMES_BELOW_LIMIT);
      assertThat(container.instance().builds()).isEqualTo(1);
    }
  }

  @Test
  void concurrentFirstCallsBuildTheSieveExactlyOnce() throws Exception {
    ExecutorService callers = Executors.newFixedThreadPool(16);
    try (Container<PrimeService> container = Container.start(PrimeService.class)) {
      assertThat(container.options().maxConcurrentInputs()).isEqualTo(8);
      List<Callable<Object>> calls = new ArrayList<>();
      for (int i = 0; i < 16; i++) {
        calls.add(i % 2 == 0
            ? () -> container.call("countBelow", 1_000_000)
            : () -> container.call("isPrime", 999_983));
      }
      List<Future<Object>> results = callers.invokeAll(calls); // all submitted at once

      for (int i = 0; i < results.size(); i++) {
        assertThat(results.get(i).get()).isEqualTo(i % 2 == 0 ? (Object) 78_498 : (Object) true);
      }
      assertThat(container.instance().builds()).isEqualTo(1);
      // The calls did overlap: the ones that arrived during the build waited for it.
      assertThat(container.instance().peakConcurrentCalls()).isGreaterThan(1);
    } finally {
      callers.shutdown();
    }
  }
}
