package dev.lifecycle.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lifecycle.it.services.StreamingService;
import dev.lifecycle.it.services.StreamingServiceClient;
import dev.lifecycle.runtime.Container;
import dev.lifecycle.runtime.MethodFailedException;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A {@code @Method} returning a {@code Stream} in one JVM: its items reach the caller as they are
 * made, in the container's input; closing the caller's stream early stops and closes the method's.
 */
class StreamingTest {

  private Container<StreamingService> container;
  private StreamingServiceClient client;

  @BeforeEach
  void start() {
    container = Container.start(StreamingService.class);
    client = StreamingServiceClient.of(container);
  }

  @AfterEach
  void stop() {
    container.close();
  }

  @Test
  void everyItemArrivesInOrder() {
    try (Stream<String> items = client.count(100)) {
      assertThat(items.toList()).hasSize(100).startsWith("item 0").endsWith("item 99");
    }
  }

  @Test
  void anItemArrivesBeforeTheNextIsMade() {
    try (Stream<String> items = client.slow()) {
      Iterator<String> each = items.iterator();
      assertThat(each.next()).isEqualTo("first"); // while the method waits before the second
      container.instance().release.countDown();
      assertThat(each.next()).isEqualTo("second");
      assertThat(each.hasNext()).isFalse();
    }
  }

  @Test
  void closingEarlyStopsAndClosesTheMethodsStream() {
    try (Stream<Integer> numbers = client.endless()) {
      assertThat(numbers.limit(5).toList()).containsExactly(0, 1, 2, 3, 4);
    }

    Await.until(() -> container.instance().closed.get(), () -> "the method's stream closed");
    int produced = container.instance().produced.get();
    assertThat(container.call("count", 1)).isNotNull(); // the slot is free again
    assertThat(container.instance().produced.get()).isEqualTo(produced);
  }

  @Test
  void aFailureWhileStreamingEndsTheStreamWithIt() {
    try (Stream<String> items = client.breaks()) {
      Iterator<String> each = items.iterator();
      assertThat(List.of(each.next(), each.next())).containsExactly("a", "b");
      assertThatThrownBy(each::next)
          .isInstanceOf(MethodFailedException.class)
          .cause()
          .hasMessage("broken at c");
    }
  }

  @Test
  void anIteratorTakenBeforeTheCloseEndsWithIt() {
    Stream<Integer> numbers = client.endless();
    Iterator<Integer> each = numbers.iterator();
    assertThat(each.next()).isZero();

    numbers.close();

    Await.until(() -> container.instance().closed.get(), () -> "the method's stream closed");
    int left = 0;
    while (each.hasNext()) { // what was handed over before the close, then the end
      each.next();
      left++;
    }
    assertThat(left).isLessThanOrEqualTo(16);
  }

  @Test
  void aNullStreamIsAFailureThatSaysWhatToReturn() {
    try (Stream<String> none = client.none()) {
      assertThatThrownBy(none::toList)
          .isInstanceOf(MethodFailedException.class)
          .cause()
          .hasMessageContaining("returned null instead of a Stream; return Stream.empty()");
    }
  }
}
