package dev.lifecycle.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lifecycle.it.services.CalculatorService;
import dev.lifecycle.it.services.EchoNumberService;
import dev.lifecycle.runtime.Container;
import dev.lifecycle.runtime.MapOptions;
import dev.lifecycle.runtime.MethodFailedException;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Mapping a method over many inputs on an in-JVM container: results in order (or as they
 * complete), a bounded number of inputs in flight however many there are, failures ending the map
 * or returned in place, and an early close cancelling what is in flight.
 */
class MapTest {

  private Container<CalculatorService> container;
  /** For the long maps: a method of their own, so that none of the others' gets hot. */
  private Container<EchoNumberService> echo;

  @BeforeEach
  void start() {
    container = Container.start(CalculatorService.class);
    echo = Container.start(EchoNumberService.class);
  }

  @AfterEach
  void stop() {
    container.close();
    echo.close();
  }

  /** {@code [i, 1]} for i from 0 until {@code count}, made as they are taken, counting them. */
  private static Iterable<List<?>> numbers(long count, AtomicLong taken) {
    return () -> new Iterator<>() {
      @Override
      public boolean hasNext() {
        return taken.get() < count;
      }

      @Override
      public List<?> next() {
        return List.of((int) taken.getAndIncrement(), 1);
      }
    };
  }

  @Test
  void aHundredThousandInputsComeBackInOrderWithAtMostTheBoundInFlight() {
    AtomicLong taken = new AtomicLong();
    MapOptions options = MapOptions.defaults().maxInFlight(16);
    long[] seen = {0};
    long[] mostAhead = {0};

    try (Stream<Object> results = echo.starmap("times", numbers(100_000, taken), options)) {
      results.forEach(result -> {
        assertThat(result).isEqualTo((int) seen[0]);
        seen[0]++;
        mostAhead[0] = Math.max(mostAhead[0], taken.get() - seen[0]);
      });
    }

    assertThat(seen[0]).isEqualTo(100_000);
    // Taken but not yet handed over: the calls in flight, never more than the bound.
    assertThat(mostAhead[0]).isLessThanOrEqualTo(16);
  }

  @Test
  void anUnorderedMapGivesEveryResultOnce() {
    try (Stream<Object> results = echo.starmap("times", numbers(1_000, new AtomicLong()),
        MapOptions.defaults().unordered())) {
      assertThat(results.map(result -> (Integer) result).sorted().toList())
          .containsExactlyElementsOf(Stream.iterate(0, i -> i + 1).limit(1_000).toList());
    }
  }

  @Test
  void aFailedInputEndsTheMapWithItsException() {
    List<List<?>> inputs = List.of(List.of(6, 2), List.of(1, 0), List.of(8, 2));

    try (Stream<Object> results = container.starmap("divide", inputs, MapOptions.defaults())) {
      Iterator<Object> each = results.iterator();
      assertThat(each.next()).isEqualTo(3);
      assertThatThrownBy(each::next)
          .isInstanceOf(MethodFailedException.class)
          .cause()
          .isInstanceOf(ArithmeticException.class);
      assertThat(each.hasNext()).as("the map ended").isFalse();
    }
  }

  @Test
  void returningExceptionsPutsTheFailureInItsPlace() {
    List<List<?>> inputs = List.of(List.of(6, 2), List.of(1, 0), List.of(8, 2));

    try (Stream<Object> results =
        container.starmap("divide", inputs, MapOptions.defaults().returningExceptions())) {
      List<Object> all = results.toList();
      assertThat(all).hasSize(3);
      assertThat(all.get(0)).isEqualTo(3);
      assertThat(all.get(1)).isInstanceOf(MethodFailedException.class);
      assertThat(all.get(2)).isEqualTo(4);
    }
  }

  @Test
  void closingEarlyStopsTakingInputs() {
    AtomicLong taken = new AtomicLong();

    try (Stream<Object> results = echo.starmap("times", numbers(1_000_000, taken),
        MapOptions.defaults().maxInFlight(8))) {
      assertThat(results.limit(5).count()).isEqualTo(5);
    }

    assertThat(taken.get()).isLessThanOrEqualTo(5 + 8);
  }

  @Test
  void mapPassesEachInputAsTheOneArgument() {
    try (Stream<Object> sums = container.map("sum", List.of(List.of(1, 2), List.of(3, 4, 5)))) {
      assertThat(sums.toList()).containsExactly(3L, 12L);
    }
  }
}
